import type { UserPoolTierType, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { MfaSettings } from './fields';

type Plan = UserPoolTierType;
const RANK: Record<Plan, number> = { LITE: 0, ESSENTIALS: 1, PLUS: 2 };

/**
 * The settings each feature plan gates, from Cognito's feature-plan pages
 * (feature-plans-features-essentials.html, feature-plans-features-plus.html). Cognito
 * itself judges what a pool may keep (pools grandfathered on LITE keep threat
 * protection), so these only explain a refusal; they never cause one.
 */
const GATED_FEATURES: { setting: string; needs: Plan; uses: (pool: UserPoolType, mfa?: MfaSettings) => boolean }[] = [
  {
    setting: 'UserPoolAddOns.AdvancedSecurityMode AUDIT or ENFORCED (threat protection)',
    needs: 'PLUS',
    uses: (pool) => ['AUDIT', 'ENFORCED'].includes(pool.UserPoolAddOns?.AdvancedSecurityMode ?? 'OFF'),
  },
  {
    setting: 'UserPoolAddOns.AdvancedSecurityAdditionalFlows (threat protection for custom authentication)',
    needs: 'PLUS',
    uses: (pool) => pool.UserPoolAddOns?.AdvancedSecurityAdditionalFlows?.CustomAuthMode !== undefined,
  },
  {
    setting: 'Policies.PasswordPolicy.PasswordHistorySize (password reuse prevention)',
    needs: 'ESSENTIALS',
    uses: (pool) => (pool.Policies?.PasswordPolicy?.PasswordHistorySize ?? 0) > 0,
  },
  {
    setting: 'LambdaConfig.PreTokenGenerationConfig.LambdaVersion V2_0 or V3_0 (access token customisation)',
    needs: 'ESSENTIALS',
    uses: (pool) => ['V2_0', 'V3_0'].includes(pool.LambdaConfig?.PreTokenGenerationConfig?.LambdaVersion ?? 'V1_0'),
  },
  {
    setting: 'Policies.SignInPolicy.AllowedFirstAuthFactors beyond PASSWORD (choice-based sign-in)',
    needs: 'ESSENTIALS',
    uses: (pool) =>
      (pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? []).some((factor) => factor !== 'PASSWORD'),
  },
  {
    setting: 'EmailMfaConfiguration (email MFA)',
    needs: 'ESSENTIALS',
    uses: (_pool, mfa) => mfa?.EmailMfaConfiguration !== undefined && (mfa.MfaConfiguration ?? 'OFF') !== 'OFF',
  },
  {
    setting: 'LambdaConfig.InboundFederation (inbound federation trigger)',
    needs: 'ESSENTIALS',
    uses: (pool) => pool.LambdaConfig?.InboundFederation !== undefined,
  },
];

/** The gated settings a pool uses that its feature plan does not include, as sentences. */
export function featuresBeyondPlan(pool: UserPoolType, mfa?: MfaSettings): string[] {
  const plan = pool.UserPoolTier ?? 'ESSENTIALS';
  return GATED_FEATURES.filter((feature) => feature.uses(pool, mfa) && RANK[feature.needs] > RANK[plan]).map(
    (feature) => `${feature.setting} needs ${feature.needs === 'PLUS' ? 'PLUS' : 'ESSENTIALS or PLUS'}`,
  );
}

/** Every gated setting with the plan it needs, for the README. */
export function gatedSettings(): { setting: string; needs: Plan }[] {
  return GATED_FEATURES.map(({ setting, needs }) => ({ setting, needs }));
}

/** -1 when the plan goes down, 1 when it goes up, 0 when it stays. */
export function compareFeaturePlans(before: UserPoolType, after: UserPoolType): -1 | 0 | 1 {
  const from = RANK[before.UserPoolTier ?? 'ESSENTIALS'];
  const to = RANK[after.UserPoolTier ?? 'ESSENTIALS'];
  return from === to ? 0 : to > from ? 1 : -1;
}
