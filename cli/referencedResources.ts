import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { LambdaConfigType, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { declares } from '../engine/refusalSubject';

/**
 * Read-only checks, with the caller's own credentials, of what a pool's settings name
 * outside Cognito: the SES identity of EmailConfiguration.SourceArn, the SMS role, the
 * Lambda triggers. A change elsewhere in the account (a deleted identity or function, a
 * changed role) makes Cognito refuse every complete update of the pool, declared or not;
 * `npm run plan` warns before anything is written. The handler needs none of these permissions.
 */

export interface SettingWarning {
  path: string;
  /** Whether the template declares the setting, or it is the pool's current value carried unchanged. */
  declared: boolean;
  problem: string;
}

export interface ReferenceClients {
  ses: (region: string) => SESv2Client;
  iam: IAMClient;
  lambda: (region: string) => LambdaClient;
}

type Reference = { path: string; kind: 'ses-identity' | 'sms-role' | 'lambda'; arn: string };

/** Everything a pool's settings point to outside Cognito, by property path. */
export function referencesOf(pool: UserPoolType): Reference[] {
  const references: Reference[] = [];
  const sourceArn = pool.EmailConfiguration?.SourceArn;
  if (sourceArn) references.push({ path: 'EmailConfiguration.SourceArn', kind: 'ses-identity', arn: sourceArn });
  const snsRole = pool.SmsConfiguration?.SnsCallerArn;
  if (snsRole) references.push({ path: 'SmsConfiguration.SnsCallerArn', kind: 'sms-role', arn: snsRole });
  const eumsRole = pool.SmsConfiguration?.EumsSms?.CallerArn;
  if (eumsRole) references.push({ path: 'SmsConfiguration.EumsSms.CallerArn', kind: 'sms-role', arn: eumsRole });
  for (const [trigger, value] of Object.entries(pool.LambdaConfig ?? {}) as [keyof LambdaConfigType, unknown][]) {
    if (trigger === 'KMSKeyID') continue;
    const arn = typeof value === 'string' ? value : (value as { LambdaArn?: string } | undefined)?.LambdaArn;
    const path = typeof value === 'string' ? `LambdaConfig.${trigger}` : `LambdaConfig.${trigger}.LambdaArn`;
    if (arn && !references.some((reference) => reference.arn === arn && reference.kind === 'lambda')) {
      references.push({ path, kind: 'lambda', arn });
    }
  }
  return references;
}

const regionOf = (arn: string, fallback: string) => arn.split(':')[3] || fallback;
const errorName = (error: unknown) => (error as { name?: string })?.name ?? 'Error';
const DENIED = /AccessDenied|NotAuthorized|UnrecognizedClient/;

async function problemOf(reference: Reference, clients: ReferenceClients, region: string): Promise<string | undefined> {
  try {
    if (reference.kind === 'ses-identity') {
      const identity = reference.arn.split(':identity/')[1] ?? reference.arn;
      const answer = await clients
        .ses(regionOf(reference.arn, region))
        .send(new GetEmailIdentityCommand({ EmailIdentity: identity }));
      return answer.VerifiedForSendingStatus
        ? undefined
        : `the Amazon SES identity ${identity} is not verified for sending`;
    }
    if (reference.kind === 'sms-role') {
      const roleName = reference.arn.split('/').pop() ?? reference.arn;
      const answer = await clients.iam.send(new GetRoleCommand({ RoleName: roleName }));
      const trust = decodeURIComponent(answer.Role?.AssumeRolePolicyDocument ?? '');
      return trust.includes('cognito-idp.amazonaws.com')
        ? undefined
        : `the role ${roleName} does not trust cognito-idp.amazonaws.com, so Cognito cannot send SMS with it`;
    }
    await clients
      .lambda(regionOf(reference.arn, region))
      .send(new GetFunctionConfigurationCommand({ FunctionName: reference.arn }));
    return undefined;
  } catch (error) {
    const name = errorName(error);
    if (/NotFound|NoSuchEntity/.test(name)) {
      const what = { 'ses-identity': 'Amazon SES identity', 'sms-role': 'IAM role', lambda: 'Lambda function' }[
        reference.kind
      ];
      return `the ${what} ${reference.arn} does not exist`;
    }
    if (DENIED.test(name)) return `could not be checked with your credentials (${name})`;
    return `could not be checked (${name}: ${(error as Error).message})`;
  }
}

/** One warning per setting whose target is missing, unverified or untrusting; read-only. */
export async function checkReferencedResources(
  pool: UserPoolType,
  declared: Record<string, unknown>,
  clients: ReferenceClients,
  region: string,
): Promise<SettingWarning[]> {
  const warnings = await Promise.all(
    referencesOf(pool).map(async (reference) => {
      const problem = await problemOf(reference, clients, region);
      return problem ? { path: reference.path, declared: declares(declared, reference.path), problem } : undefined;
    }),
  );
  return warnings.filter((warning): warning is SettingWarning => warning !== undefined);
}

/** The warning as plan prints it, saying whether the template declares the setting. */
export function formatWarning(warning: SettingWarning): string {
  const whose = warning.declared
    ? 'declared by the template'
    : "not declared: the pool's current value, sent back unchanged by every update";
  return `${warning.path} (${whose}): ${warning.problem}`;
}
