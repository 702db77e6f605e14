/**
 * Rules real Cognito enforces that cognito-local does not. The test proxy
 * (cognitoProxy.ts) answers a request that breaks one with the exception name and
 * message Cognito uses, so the integration tests prove what real Cognito accepts,
 * not what the emulator lets through. Each rule cites where Cognito documents it.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface CognitoRefusal {
  name: string;
  message: string;
}

/** What the proxy knows of a pool beyond its describe: its feature plan history. */
export interface PoolFacts {
  pool: Json;
  /** The MFA state as GetUserPoolMfaConfig reports it. */
  mfa: Json;
  /** Pools that kept threat protection when they moved to LITE (feature-plans-billing.html). */
  grandfathered: boolean;
}

const invalid = (message: string): CognitoRefusal => ({ name: 'InvalidParameterException', message });
const beyondTier = (feature: string): CognitoRefusal => ({
  name: 'FeatureUnavailableInTierException',
  message: `${feature} is not available in the user pool's feature plan`,
});
const RANK: Record<string, number> = { LITE: 0, ESSENTIALS: 1, PLUS: 2 };

/** UpdateUserPool: the request is complete, so the rules read it alone, plus the pool's tier history. */
export function checkUpdateUserPool(request: Json, facts: PoolFacts): CognitoRefusal | undefined {
  // UpdateUserPool API reference, AdminCreateUserConfig: UnusedAccountValidityDays is replaced
  // by TemporaryPasswordValidityDays and is rejected next to it.
  if (
    request.AdminCreateUserConfig?.UnusedAccountValidityDays !== undefined &&
    request.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays !== undefined
  ) {
    return invalid('Please use TemporaryPasswordValidityDays in PasswordPolicy instead of UnusedAccountValidityDays');
  }
  // UserPoolAddOnsType: AdvancedSecurityMode is required.
  if (request.UserPoolAddOns && !request.UserPoolAddOns.AdvancedSecurityMode) {
    return invalid(
      '1 validation error detected: Value null at userPoolAddOns.advancedSecurityMode failed to satisfy constraint: Member must not be null',
    );
  }
  // RecoveryOptionType: Name and Priority are required.
  for (const option of request.AccountRecoverySetting?.RecoveryMechanisms ?? []) {
    if (!option.Name || option.Priority === undefined) return invalid('RecoveryOption requires Name and Priority');
  }
  // LambdaConfigType: PreTokenGeneration and PreTokenGenerationConfig.LambdaArn must match;
  // versioned triggers need LambdaArn and LambdaVersion.
  const lambda = request.LambdaConfig ?? {};
  for (const versioned of ['PreTokenGenerationConfig', 'CustomSMSSender', 'CustomEmailSender', 'InboundFederation']) {
    if (lambda[versioned] && (!lambda[versioned].LambdaArn || !lambda[versioned].LambdaVersion)) {
      return invalid(`${versioned} requires LambdaArn and LambdaVersion`);
    }
  }
  if (
    lambda.PreTokenGeneration &&
    lambda.PreTokenGenerationConfig &&
    lambda.PreTokenGeneration !== lambda.PreTokenGenerationConfig.LambdaArn
  ) {
    return invalid('PreTokenGeneration and PreTokenGenerationConfig.LambdaArn must be the same');
  }
  const tags = checkTags(request.UserPoolTags ?? {});
  if (tags) return tags;
  // EmailConfigurationType: Cognito's own sender takes no From address or configuration set
  // (aws/aws-cdk#9739); a SourceArn is its custom FROM address (EmailConfigurationType.SourceArn).
  const email = request.EmailConfiguration;
  if (
    email &&
    (email.EmailSendingAccount ?? 'COGNITO_DEFAULT') === 'COGNITO_DEFAULT' &&
    (email.From || email.ConfigurationSet)
  ) {
    return invalid('Cannot configure From email address for default email configuration');
  }
  // SmsConfigurationType: Amazon SNS or AWS End User Messaging SMS, not both.
  if (request.SmsConfiguration?.SnsCallerArn && request.SmsConfiguration?.EumsSms) {
    return invalid('SnsCallerArn and EumsSms cannot both be set');
  }
  // UserAttributeUpdateSettingsType: attributes verified before update must be auto-verified.
  const requireVerification: string[] =
    request.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [];
  const autoVerified: string[] = request.AutoVerifiedAttributes ?? [];
  if (requireVerification.some((attribute) => !autoVerified.includes(attribute))) {
    return invalid('AttributesRequireVerificationBeforeUpdate must be a subset of AutoVerifiedAttributes');
  }
  // go-to-k/cdkd measured on real Cognito (us-east-1, 2026-08): UpdateUserPool cannot turn MFA
  // on while no factor is enabled; the same request after SetUserPoolMfaConfig is accepted.
  if (['ON', 'OPTIONAL'].includes(request.MfaConfiguration) && (facts.mfa.MfaConfiguration ?? 'OFF') === 'OFF') {
    return invalid('Cannot turn MFA functionality ON, once the user pool has been created.');
  }
  // Feature plans (feature-plans-features-essentials.html, -plus.html). UserPoolTier is the
  // one member not reset when omitted.
  const tier: string = request.UserPoolTier ?? facts.pool.UserPoolTier ?? 'ESSENTIALS';
  const threatProtection = ['AUDIT', 'ENFORCED'].includes(request.UserPoolAddOns?.AdvancedSecurityMode ?? 'OFF');
  if (threatProtection && tier !== 'PLUS' && !(tier === 'LITE' && facts.grandfathered))
    return beyondTier('Threat protection');
  if (RANK[tier] < RANK.ESSENTIALS) {
    // A plan change may not strand a feature in use: email MFA must be off before LITE.
    if (facts.mfa.EmailMfaConfiguration && (facts.mfa.MfaConfiguration ?? 'OFF') !== 'OFF') {
      return {
        name: 'TierChangeNotAllowedException',
        message: 'Turn off email MFA before changing the feature plan to LITE',
      };
    }
    if ((request.Policies?.PasswordPolicy?.PasswordHistorySize ?? 0) > 0) return beyondTier('Password history');
    if (['V2_0', 'V3_0'].includes(lambda.PreTokenGenerationConfig?.LambdaVersion))
      return beyondTier('Access token customization');
    if (
      (request.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? []).some((factor: string) => factor !== 'PASSWORD')
    ) {
      return beyondTier('Choice-based sign-in');
    }
  }
  return undefined;
}

/** SetUserPoolMfaConfig: the request against the pool as it is (SMS, email, sign-in and recovery settings). */
export function checkSetUserPoolMfaConfig(request: Json, facts: PoolFacts): CognitoRefusal | undefined {
  const pool = facts.pool;
  const mode = request.MfaConfiguration ?? 'OFF';
  const totp = request.SoftwareTokenMfaConfiguration?.Enabled === true;
  const sms = request.SmsMfaConfiguration !== undefined;
  const email = request.EmailMfaConfiguration !== undefined;
  const poolHasSms = Boolean(pool.SmsConfiguration?.SnsCallerArn || pool.SmsConfiguration?.EumsSms);
  // SetUserPoolMfaConfig API reference: factor settings go with ON or OPTIONAL.
  if (mode === 'OFF')
    return sms || email || totp ? invalid('MFA factors cannot be configured when MfaConfiguration is OFF') : undefined;
  if (!totp && !sms && !email)
    return invalid('At least one MFA factor must be enabled when MfaConfiguration is ON or OPTIONAL');
  if (sms && !poolHasSms && !request.SmsMfaConfiguration?.SmsConfiguration) {
    return invalid('SMS configuration is required to enable SMS MFA');
  }
  // Reported in terraform-provider-aws and aws-cdk issues: SMS MFA stays on while the pool has an SMS configuration.
  if (totp && !sms && !email && poolHasSms)
    return invalid("Can't turn off SMS_MFA when SMS configuration is set for the user pool");
  if (email) {
    // EmailMfaConfigType: email MFA needs the Essentials plan and Amazon SES (DEVELOPER).
    if ((pool.UserPoolTier ?? 'ESSENTIALS') === 'LITE') return beyondTier('Email MFA');
    if (pool.EmailConfiguration?.EmailSendingAccount !== 'DEVELOPER') {
      return invalid('Email MFA requires EmailSendingAccount DEVELOPER');
    }
  }
  // Passwordless sign-in (authentication-flows-selection-sdk.html): required MFA cannot follow a one-time-code first factor,
  // and passkeys satisfy it only with user verification.
  const firstFactors: string[] = pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? [];
  if (mode === 'ON' && firstFactors.some((factor) => factor === 'EMAIL_OTP' || factor === 'SMS_OTP')) {
    return invalid('MFA cannot be ON when EMAIL_OTP or SMS_OTP is an allowed first auth factor');
  }
  if (
    mode === 'ON' &&
    firstFactors.includes('WEB_AUTHN') &&
    request.WebAuthnConfiguration?.FactorConfiguration !== 'MULTI_FACTOR_WITH_USER_VERIFICATION'
  ) {
    return invalid('MFA ON with WEB_AUTHN requires FactorConfiguration MULTI_FACTOR_WITH_USER_VERIFICATION');
  }
  // Account recovery (how-to-recover-a-user-account.html): not through the factor being recovered.
  const recovery: string[] = (pool.AccountRecoverySetting?.RecoveryMechanisms ?? []).map((option: Json) => option.Name);
  if (email && recovery.length > 0 && recovery.every((name) => name === 'verified_email')) {
    return invalid('Email MFA cannot be enabled when account recovery is by email only');
  }
  if (sms && recovery.includes('verified_phone_number')) {
    return invalid('SMS MFA cannot be enabled when verified_phone_number is an account recovery mechanism');
  }
  return undefined;
}

/** TagResource and UserPoolTags (TagResource API reference: at most 50 tags; aws: is reserved). */
export function checkTags(tags: Record<string, string>): CognitoRefusal | undefined {
  const keys = Object.keys(tags);
  if (keys.some((key) => key.toLowerCase().startsWith('aws:')))
    return invalid('Tag keys starting with aws: are reserved');
  if (keys.length > 50) return invalid('A user pool can have at most 50 tags');
  return undefined;
}

/** What the proxy knows of an app client beyond the request: fixed when it was created. */
export interface ClientFacts {
  hasSecret: boolean;
  /** The pool's feature plan. */
  tier: string;
}

const oauthFlow = (message: string): CognitoRefusal => ({ name: 'InvalidOAuthFlowException', message });
const SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/**
 * CreateUserPoolClient and UpdateUserPoolClient: the request is the whole client (what
 * it omits is reset), so the rules read it alone, plus whether the client has a secret.
 */
export function checkUserPoolClient(request: Json, facts: ClientFacts): CognitoRefusal | undefined {
  // TokenValidityUnitsType: access and ID tokens 5 minutes to 1 day, refresh tokens 60 minutes
  // to 10 years, each read in its own unit (hours, hours, days when omitted). The message is the
  // one reported in aws-cloudformation-user-guide#828 and terraform-provider-aws#48630; a
  // one-field update of an existing client hits it in cloudfront-authorization-at-edge#144.
  const units = { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days', ...request.TokenValidityUnits };
  const inRange = (value: number | undefined, unit: string, min: number, max: number) =>
    value === undefined || (value * SECONDS[unit] >= min && value * SECONDS[unit] <= max);
  if (
    !inRange(request.AccessTokenValidity, units.AccessToken, 300, 86400) ||
    !inRange(request.IdTokenValidity, units.IdToken, 300, 86400) ||
    (request.RefreshTokenValidity !== 0 &&
      !inRange(request.RefreshTokenValidity, units.RefreshToken, 3600, 3650 * 86400))
  ) {
    return invalid('Invalid range for token validity.');
  }
  // UpdateUserPoolClient API reference, AllowedOAuthFlowsUserPoolClient: it must be true before
  // callback and sign-out URLs, scopes and flows can be configured.
  const oauthMembers = ['AllowedOAuthFlows', 'AllowedOAuthScopes', 'CallbackURLs', 'LogoutURLs'];
  if (request.AllowedOAuthFlowsUserPoolClient !== true && oauthMembers.some((member) => request[member]?.length)) {
    return invalid(
      'AllowedOAuthFlowsUserPoolClient must be true to configure OAuth flows, scopes, callback or logout URLs',
    );
  }
  // DefaultRedirectURI: must be in the CallbackURLs list.
  if (request.DefaultRedirectURI && !(request.CallbackURLs ?? []).includes(request.DefaultRedirectURI)) {
    return invalid('DefaultRedirectURI must be in CallbackURLs');
  }
  const flows: string[] = request.AllowedOAuthFlows ?? [];
  // Reported by terraform-provider-aws and aws-cdk users: the OAuth client needs flows and scopes.
  if (request.AllowedOAuthFlowsUserPoolClient === true && (!flows.length || !request.AllowedOAuthScopes?.length)) {
    return invalid(
      'AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.',
    );
  }
  if ((flows.includes('code') || flows.includes('implicit')) && !request.CallbackURLs?.length) {
    return invalid('CallbackUrls can not be empty when code flow or implicit flow is selected');
  }
  // CallbackURLs / LogoutURLs: HTTPS, except http://localhost for testing.
  for (const url of [...(request.CallbackURLs ?? []), ...(request.LogoutURLs ?? [])] as string[]) {
    const loopback = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])([:/]|$)/i.test(url);
    if (/^http:\/\//i.test(url) && !loopback) return invalid(`${url} cannot use the HTTP protocol.`);
  }
  // WriteAttributes: the verified flags are Cognito's own.
  if (
    (request.WriteAttributes ?? []).some(
      (name: string) => name === 'email_verified' || name === 'phone_number_verified',
    )
  ) {
    return invalid('Invalid write attributes specified while updating a client');
  }
  if (flows.includes('client_credentials')) {
    // AllowedOAuthFlows: client_credentials must be the only flow (aws-sdk-js-v3#2650).
    if (flows.length > 1) {
      return oauthFlow('client_credentials flow can not be selected along with code flow or implicit flow');
    }
    if (!facts.hasSecret)
      return oauthFlow('client_credentials flow can not be selected if client does not have a client secret');
    // terraform-provider-aws#4984: only resource server scopes go with client_credentials.
    const userScope = (request.AllowedOAuthScopes ?? []).find((scope: string) => !scope.includes('/'));
    if (userScope) return oauthFlow(`${userScope} is not supported with client_credentials flow`);
  }
  // ExplicitAuthFlows: legacy values cannot be assigned together with ALLOW_ values.
  const authFlows: string[] = request.ExplicitAuthFlows ?? [];
  if (authFlows.some((flow) => !flow.startsWith('ALLOW_')) && authFlows.some((flow) => flow.startsWith('ALLOW_'))) {
    return invalid('ExplicitAuthFlows values with the ALLOW_ prefix cannot be used along with values without it');
  }
  // RefreshTokenRotationType: rotation replaces the refresh flow; without it, the flow must stay
  // (aws/aws-cdk#7625 records the message).
  const rotation = request.RefreshTokenRotation?.Feature === 'ENABLED';
  if (rotation && authFlows.includes('ALLOW_REFRESH_TOKEN_AUTH')) {
    return invalid(
      'ALLOW_REFRESH_TOKEN_AUTH is not a permitted ExplicitAuthFlow when refresh token rotation is enabled',
    );
  }
  if (
    !rotation &&
    authFlows.some((flow) => flow.startsWith('ALLOW_')) &&
    !authFlows.includes('ALLOW_REFRESH_TOKEN_AUTH')
  ) {
    return invalid('REFRESH_TOKEN_AUTH should always be allowed.');
  }
  // ExplicitAuthFlows: ALLOW_USER_AUTH needs the Essentials tier or higher.
  if (authFlows.includes('ALLOW_USER_AUTH') && facts.tier === 'LITE') return beyondTier('Choice-based sign-in');
  // EnablePropagateAdditionalUserContextData: only in an app client that has a client secret.
  if (request.EnablePropagateAdditionalUserContextData === true && !facts.hasSecret) {
    return invalid('EnablePropagateAdditionalUserContextData can only be enabled for a client with a client secret');
  }
  return undefined;
}

/**
 * The client Cognito keeps from a CreateUserPoolClient or UpdateUserPoolClient request:
 * every member the request omits takes its default (the API reference of each member),
 * which is the reset-on-omission cognito-local does not reproduce for updates.
 */
export function clientFromRequest(request: Json): Json {
  const {
    UserPoolId: _pool,
    ClientId: _client,
    GenerateSecret: _generate,
    ClientSecret: _secret,
    ...members
  } = request;
  return {
    ...members,
    TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days', ...request.TokenValidityUnits },
    // RefreshTokenValidity: 0 or omitted means 30 days.
    RefreshTokenValidity: request.RefreshTokenValidity || 30,
    ExplicitAuthFlows: request.ExplicitAuthFlows ?? [
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_SRP_AUTH',
      'ALLOW_CUSTOM_AUTH',
    ],
    AllowedOAuthFlowsUserPoolClient: request.AllowedOAuthFlowsUserPoolClient ?? false,
    PreventUserExistenceErrors: request.PreventUserExistenceErrors ?? 'LEGACY',
    EnableTokenRevocation: request.EnableTokenRevocation ?? true,
    EnablePropagateAdditionalUserContextData: request.EnablePropagateAdditionalUserContextData ?? false,
    AuthSessionValidity: request.AuthSessionValidity ?? 3,
  };
}

const threatProtectionOn = (pool: Json): boolean =>
  ['AUDIT', 'ENFORCED'].includes(pool.UserPoolAddOns?.AdvancedSecurityMode ?? 'OFF');

/**
 * SetRiskConfiguration (its API reference): a Plus feature ("your user pool must be on the
 * Plus tier"; ESSENTIALS answers FeatureUnavailableInTierException, terraform-provider-aws
 * PR #40734), except on a pool that kept threat protection when feature plans came (aws-cdk
 * #36023); the required members of its types (AccountTakeoverRiskConfigurationType.Actions,
 * AccountTakeoverActionType.Notify and EventAction, NotifyConfigurationType.SourceArn,
 * NotifyEmailType.Subject 1-140, CompromisedCredentialsActionsType.EventAction) and at most
 * 200 IP ranges per list (botocore cognito-idp service-2.json).
 */
export function checkSetRiskConfiguration(request: Json, facts: PoolFacts): CognitoRefusal | undefined {
  const tier: string = facts.pool.UserPoolTier ?? 'ESSENTIALS';
  if (tier !== 'PLUS' && !threatProtectionOn(facts.pool)) return beyondTier('Threat protection');
  const takeover = request.AccountTakeoverRiskConfiguration;
  if (takeover) {
    if (!takeover.Actions) return invalid('AccountTakeoverRiskConfiguration.Actions is required');
    for (const action of Object.values(takeover.Actions) as Json[]) {
      if (action.Notify === undefined || action.EventAction === undefined) {
        return invalid('AccountTakeoverActionType requires Notify and EventAction');
      }
    }
    const notify = takeover.NotifyConfiguration;
    if (notify && !notify.SourceArn) return invalid('NotifyConfiguration.SourceArn is required');
    const notifies = (Object.values(takeover.Actions) as Json[]).some((action) => action.Notify === true);
    if (notifies && !notify) return invalid('NotifyConfiguration is required when an action notifies users');
    for (const email of ['BlockEmail', 'NoActionEmail', 'MfaEmail']) {
      const subject = notify?.[email]?.Subject;
      if (notify?.[email] && !(typeof subject === 'string' && subject.length >= 1 && subject.length <= 140)) {
        return invalid(`${email}.Subject must be 1-140 characters`);
      }
    }
  }
  if (
    request.CompromisedCredentialsRiskConfiguration &&
    !request.CompromisedCredentialsRiskConfiguration.Actions?.EventAction
  ) {
    return invalid('CompromisedCredentialsRiskConfiguration.Actions.EventAction is required');
  }
  for (const list of ['BlockedIPRangeList', 'SkippedIPRangeList']) {
    if ((request.RiskExceptionConfiguration?.[list]?.length ?? 0) > 200)
      return invalid(`${list} holds at most 200 ranges`);
  }
  return undefined;
}

/**
 * SetLogDeliveryConfiguration (its API reference and LogConfigurationType's): at most two
 * configurations; userNotification at ERROR to CloudWatch Logs; userAuthEvents at INFO to
 * one destination, on the Plus plan (FeatureUnavailableInTierException) with threat
 * protection active ("when threat protection is active, user-activity logs").
 */
export function checkSetLogDeliveryConfiguration(request: Json, facts: PoolFacts): CognitoRefusal | undefined {
  const entries: Json[] = request.LogConfigurations ?? [];
  if (entries.length > 2) return invalid('LogConfigurations holds at most 2 items');
  for (const entry of entries) {
    const destinations = ['CloudWatchLogsConfiguration', 'S3Configuration', 'FirehoseConfiguration'].filter(
      (destination) => entry[destination] !== undefined,
    );
    if (destinations.length !== 1) return invalid('Each log configuration needs exactly one destination');
    if (entry.EventSource === 'userNotification') {
      if (entry.LogLevel !== 'ERROR' || destinations[0] !== 'CloudWatchLogsConfiguration') {
        return invalid('userNotification logs are delivered at ERROR to CloudWatch Logs');
      }
    } else if (entry.EventSource === 'userAuthEvents') {
      if (entry.LogLevel !== 'INFO') return invalid('userAuthEvents logs are delivered at INFO');
      if ((facts.pool.UserPoolTier ?? 'ESSENTIALS') !== 'PLUS') return beyondTier('User activity logging');
      if (!threatProtectionOn(facts.pool)) return invalid('userAuthEvents logs need threat protection to be active');
    } else return invalid(`Unknown EventSource ${entry.EventSource}`);
  }
  return undefined;
}
