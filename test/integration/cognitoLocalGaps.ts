/**
 * Where cognito-local (5.x) differs from Cognito, in one place, and what closes each gap.
 *
 * Closed by the test proxy (tools/cognitoProxy.ts), which every integration test, the
 * demo, the invoker and the benchmark go through:
 * - No TagResource / UntagResource: emulated by writing UserPoolTags back.
 * - UserPoolTier, DeletionProtection, UserAttributeUpdateSettings are not stored:
 *   kept by the proxy (UserPoolTier kept when omitted, the others reset, as in Cognito).
 * - The MFA state knows only TOTP and SMS, and always reports an SMS factor: the proxy
 *   answers GetUserPoolMfaConfig from the last SetUserPoolMfaConfig (email MFA, passkey
 *   settings, factors turned off), and with no factors while MFA is OFF.
 * - It validates nothing: the proxy's strict rules (tools/cognitoRules.ts) refuse what
 *   real Cognito refuses, with Cognito's exception names and messages.
 *
 * Still open (covered by unit tests with a mocked Cognito instead):
 * - DcrConfiguration, KeyConfiguration, IssuerConfiguration, AcrConfiguration: not stored.
 * - Feature plans beyond the rules in cognitoRules.ts.
 */
export const SETTINGS_COGNITO_LOCAL_DOES_NOT_STORE = [
  'DcrConfiguration',
  'KeyConfiguration',
  'IssuerConfiguration',
  'AcrConfiguration',
] as const;
