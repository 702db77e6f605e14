/**
 * Where cognito-local (5.x) differs from Cognito, in one place. Behaviour behind these
 * gaps is covered by the unit tests with a mocked Cognito instead.
 *
 * - UpdateUserPool ignores, and DescribeUserPool never returns, these settings.
 * - GetUserPoolMfaConfig / SetUserPoolMfaConfig know only TOTP and SMS factors.
 * - It validates nothing: enums, bounds and the describe→update traps are not enforced,
 *   so the handler's own validation is what the integration tests observe.
 * - It has no tag APIs; tags live in UserPoolTags, which is all this type uses.
 */
export const SETTINGS_COGNITO_LOCAL_DOES_NOT_STORE = [
  'DeletionProtection',
  'UserAttributeUpdateSettings',
  'UserPoolTier',
  'EmailMfaConfiguration',
  'WebAuthnConfiguration',
] as const;
