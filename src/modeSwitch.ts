import type {
  EmailConfigurationType,
  SmsConfigurationType,
  UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { mergeUnlessModeSwitch, type ModeSwitch } from '../engine/merge';

/**
 * Merges a declared pool setting into the described one, except where a member selects a
 * mode (see `mergeUnlessModeSwitch`):
 *
 * - EmailConfiguration: when EmailSendingAccount changes (COGNITO_DEFAULT ⇄ DEVELOPER).
 * - SmsConfiguration: when the transport changes between Amazon SNS (SnsCallerArn) and
 *   AWS End User Messaging SMS (EumsSms); Cognito takes one or the other.
 */
export function mergeSetting<T>(field: string, described: T, declared: unknown): T {
  return mergeUnlessModeSwitch(described, declared, POOL_MODE_SWITCHES[field]);
}

function switchesEmailAccount(described: unknown, declared: unknown): boolean {
  const declaredAccount = (declared as EmailConfigurationType | undefined)?.EmailSendingAccount;
  const describedAccount = (described as EmailConfigurationType | undefined)?.EmailSendingAccount ?? 'COGNITO_DEFAULT';
  return declaredAccount !== undefined && declaredAccount !== describedAccount;
}

/** The SMS transport a configuration selects, if it names one. */
export function smsTransport(config: SmsConfigurationType | undefined): 'SNS' | 'EUMS' | undefined {
  if (config?.EumsSms) return 'EUMS';
  if (config?.SnsCallerArn) return 'SNS';
  return undefined;
}

/** Whether the pool has an SMS configuration Cognito can send through. */
export function hasSmsConfiguration(pool: UserPoolType): boolean {
  return smsTransport(pool.SmsConfiguration) !== undefined;
}

function switchesSmsTransport(described: unknown, declared: unknown): boolean {
  const declaredTransport = smsTransport(declared as SmsConfigurationType | undefined);
  const describedTransport = smsTransport(described as SmsConfigurationType | undefined);
  return (
    declaredTransport !== undefined && describedTransport !== undefined && declaredTransport !== describedTransport
  );
}

/** The pool settings a declaration in another mode replaces whole. */
export const POOL_MODE_SWITCH_FIELDS = (): string[] => Object.keys(POOL_MODE_SWITCHES);

const POOL_MODE_SWITCHES: Record<string, ModeSwitch> = {
  EmailConfiguration: switchesEmailAccount,
  SmsConfiguration: switchesSmsTransport,
};
