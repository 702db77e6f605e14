/**
 * Where cognito-local (5.x) differs from Cognito, in one place, and what closes each gap.
 *
 * Closed by the test proxy (test/support/cognitoProxy.ts), which every integration test, the
 * demo, the invoker and the benchmark go through:
 * - No TagResource / UntagResource: emulated by writing UserPoolTags back.
 * - UserPoolTier, DeletionProtection, UserAttributeUpdateSettings are not stored:
 *   kept by the proxy (UserPoolTier kept when omitted, the others reset, as in Cognito).
 * - The MFA state knows only TOTP and SMS, and always reports an SMS factor: the proxy
 *   answers GetUserPoolMfaConfig from the last SetUserPoolMfaConfig (email MFA, passkey
 *   settings, factors turned off), and with no factors while MFA is OFF.
 * - UpdateUserPoolClient keeps every member the request omits (`req.X ?? client.X`),
 *   where Cognito resets it; new clients lack Cognito's defaults (IdToken units in
 *   minutes, no AuthSessionValidity, RefreshTokenRotation or user context data): the proxy
 *   keeps each app client's settings itself, applies the defaults on create and the reset
 *   on update (`clientFromRequest`), and answers DescribeUserPoolClient from them with
 *   cognito-local's id, secret and dates. clientSettings.test.ts shows the reset.
 * - It validates nothing: the proxy's strict rules (test/support/cognitoRules.ts) refuse what
 *   real Cognito refuses, with Cognito's exception names and messages.
 *
 * Still open (covered by unit tests with a mocked Cognito instead):
 * - DcrConfiguration, KeyConfiguration, IssuerConfiguration, AcrConfiguration: not stored.
 * - Feature plans beyond the rules in cognitoRules.ts.
 * - App clients created straight on cognito-local (not through the proxy) keep its
 *   merge-on-update behaviour; the harness creates every client through the proxy.
 */
export const SETTINGS_COGNITO_LOCAL_DOES_NOT_STORE = [
  'DcrConfiguration',
  'KeyConfiguration',
  'IssuerConfiguration',
  'AcrConfiguration',
] as const;
