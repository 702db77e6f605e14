import type { LogConfigurationType, UserPoolMfaType, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { RiskSettings } from '../engine/cognito/riskConfiguration';
import { MERGEABLE_FIELDS, MFA_FIELDS } from './fields';
import { poolUsesMfaState } from './mfa';
import { pruneEmpty } from '../engine/merge';
import { withoutOwnershipTag } from './ownership';
import type { DeclaredSettings, MfaSettings } from './fields';
import { sendableSetting, withLegacyLifetimeCarried } from './updateRequest';

/**
 * The pool's current settings under the property names a template uses: what READ
 * reports, and so what drift detection compares, and the model a write returns. It is a
 * function of the pool alone, so READ with only the identifier and a CREATE or UPDATE
 * that just wrote the same pool report the same model.
 *
 * - The ownership marker and reserved `aws:` tags are never reported.
 * - Both VerificationMessageTemplate variants are reported as the pool holds them; an
 *   older pool's UnusedAccountValidityDays as PasswordPolicy.TemporaryPasswordValidityDays,
 *   where the next update puts it.
 * - MFA factor blocks are reported only where the pool uses them (see `poolUsesMfaState`).
 * - The risk configuration and log delivery are reported where they were read.
 * - `Schema` is write-only: an instruction ("these custom attributes exist") that
 *   cannot drift, since attributes can never be removed or changed.
 */
export function settingsOfUserPool(
  pool: UserPoolType,
  mfa: MfaSettings | undefined,
  security: { risk?: RiskSettings; logs?: LogConfigurationType[] } = {},
): DeclaredSettings {
  const reported = withoutOwnershipTag(withLegacyLifetimeCarried(pool));
  const settings: Record<string, unknown> = {};
  for (const field of MERGEABLE_FIELDS) {
    const value = sendableSetting(field, reported[field]);
    if (value !== undefined) settings[field] = value;
  }
  // UpdateUserPool carries MfaConfiguration; GetUserPoolMfaConfig is the truth when read.
  settings.MfaConfiguration = mfa?.MfaConfiguration ?? pool.MfaConfiguration ?? 'OFF';
  if (mfa && poolUsesMfaState({ ...pool, MfaConfiguration: settings.MfaConfiguration as UserPoolMfaType })) {
    for (const field of MFA_FIELDS) {
      if (field !== 'MfaConfiguration' && mfa[field] !== undefined) settings[field] = mfa[field];
    }
  }
  settings.PoolName = pool.Name;
  if (pool.UsernameAttributes?.length) settings.UsernameAttributes = pool.UsernameAttributes;
  if (pool.AliasAttributes?.length) settings.AliasAttributes = pool.AliasAttributes;
  if (pool.UsernameConfiguration) settings.UsernameConfiguration = pool.UsernameConfiguration;
  // Reported where they were read (see the type's read): an empty configuration is none.
  if (security.risk) settings.RiskConfiguration = security.risk;
  if (security.logs?.length) settings.LogDeliveryConfiguration = { LogConfigurations: security.logs };
  return pruneEmpty(settings) ?? {};
}
