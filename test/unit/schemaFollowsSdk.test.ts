import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import clientSchema from '../../client-settings/schema.json';
import schema from '../../schema.json';
import { FIELDS as CLIENT_FIELDS } from '../../client-settings/src/fields';
import { FIELDS } from '../../src/fields';
import { findSchemaProblems } from '../../src/validation';

/**
 * schema.json against the SDK's own runtime shape schemas, at every depth: a member the
 * SDK has that the schema lacks, or one the schema declares that the SDK does not have,
 * fails here, as does an enum value on either side. When the SDK adds a member, this
 * test names it.
 */

type SdkShape = number | unknown[] | (() => SdkShape);
type JsonSchema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: string[];
};

/** Members deliberately left out of schema.json, each with its reason. */
const NOT_DECLARABLE: Record<string, string> = {
  SmsVerificationMessage: 'legacy; VerificationMessageTemplate.SmsMessage replaces it',
  EmailVerificationMessage: 'legacy; VerificationMessageTemplate.EmailMessage replaces it',
  EmailVerificationSubject: 'legacy; VerificationMessageTemplate.EmailSubject replaces it',
  DcrConfiguration: 'newer than this type: carried unchanged, not declarable (fields.ts)',
  KeyConfiguration: 'newer than this type: carried unchanged, not declarable (fields.ts)',
  IssuerConfiguration: 'newer than this type: carried unchanged, not declarable (fields.ts)',
  AcrConfiguration: 'newer than this type: carried unchanged, not declarable (fields.ts)',
  'AdminCreateUserConfig.UnusedAccountValidityDays':
    'legacy; rejected next to Policies.PasswordPolicy.TemporaryPasswordValidityDays, which replaces it',
};

/** Where each top-level property comes from in the SDK. */
const REQUEST_SHAPES = [sdk.UpdateUserPoolRequest$, sdk.SetUserPoolMfaConfigRequest$, sdk.CreateUserPoolRequest$];

/** SDK enum values a member does not accept, each with its reason. */
const ENUM_VALUES_NOT_ACCEPTED: Record<string, Record<string, string>> = {
  'Policies.SignInPolicy.AllowedFirstAuthFactors': {
    SOFTWARE_TOKEN:
      'AuthFactorType is shared with GetUserAuthFactors; an authenticator app is never a first factor (SignInPolicyType)',
  },
};

/** The SDK enum behind every schema.json enum, by property path ([] for array items). */
const ENUMS: Record<string, Record<string, string>> = {
  DeletionProtection: sdk.DeletionProtectionType,
  AutoVerifiedAttributes: sdk.VerifiedAttributeType,
  MfaConfiguration: sdk.UserPoolMfaType,
  UserPoolTier: sdk.UserPoolTierType,
  AliasAttributes: sdk.AliasAttributeType,
  UsernameAttributes: sdk.UsernameAttributeType,
  'Policies.SignInPolicy.AllowedFirstAuthFactors': sdk.AuthFactorType,
  'LambdaConfig.PreTokenGenerationConfig.LambdaVersion': sdk.PreTokenGenerationLambdaVersionType,
  'LambdaConfig.CustomSMSSender.LambdaVersion': sdk.CustomSMSSenderLambdaVersionType,
  'LambdaConfig.CustomEmailSender.LambdaVersion': sdk.CustomEmailSenderLambdaVersionType,
  'LambdaConfig.InboundFederation.LambdaVersion': sdk.InboundFederationLambdaVersionType,
  'VerificationMessageTemplate.DefaultEmailOption': sdk.DefaultEmailOptionType,
  'UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate': sdk.VerifiedAttributeType,
  'EmailConfiguration.EmailSendingAccount': sdk.EmailSendingAccountType,
  'UserPoolAddOns.AdvancedSecurityMode': sdk.AdvancedSecurityModeType,
  'UserPoolAddOns.AdvancedSecurityAdditionalFlows.CustomAuthMode': sdk.AdvancedSecurityEnabledModeType,
  'AccountRecoverySetting.RecoveryMechanisms.Name': sdk.RecoveryOptionNameType,
  'Schema.AttributeDataType': sdk.AttributeDataType,
  'WebAuthnConfiguration.UserVerification': sdk.UserVerificationType,
  'WebAuthnConfiguration.FactorConfiguration': sdk.WebAuthnFactorConfigurationType,
};

const resolveShape = (shape: SdkShape): SdkShape => (typeof shape === 'function' ? resolveShape(shape()) : shape);

/** Compares one type's schema with SDK shapes, skipping the members it names as not declarable. */
function sdkComparison(definitions: Record<string, unknown>, notDeclarable: Record<string, string>) {
  function resolveRef(node: JsonSchema): JsonSchema {
    if (!node.$ref) return node;
    return resolveRef(definitions[node.$ref.replace('#/definitions/', '')] as JsonSchema);
  }

  /** Every difference between an SDK shape and the schema node that declares it. */
  function shapeDifferences(shape: SdkShape, node: JsonSchema, at: string): string[] {
    const resolved = resolveShape(shape);
    const declared = resolveRef(node);
    if (typeof resolved === 'number') return primitiveDifferences(resolved, declared, at);
    const [kind] = resolved as [number];
    if (kind === 0) return shapeDifferences((resolved as unknown[])[4] as SdkShape, node, at); // a string with traits
    if (kind === 1) {
      if (declared.type !== 'array') return [`${at}: the SDK has a list, schema.json a ${declared.type}`];
      return shapeDifferences((resolved as unknown[])[4] as SdkShape, declared.items ?? {}, at);
    }
    if (kind === 2)
      return declared.type === 'object' ? [] : [`${at}: the SDK has a map, schema.json a ${declared.type}`];
    const [, , , , names, members] = resolved as [number, string, string, unknown, string[], SdkShape[]];
    if (declared.type !== 'object') return [`${at}: the SDK has a structure, schema.json a ${declared.type}`];
    const differences: string[] = [];
    const properties = declared.properties ?? {};
    names.forEach((name, index) => {
      const path = at ? `${at}.${name}` : name;
      if (notDeclarable[path]) return;
      if (!properties[name]) differences.push(`${path}: in the SDK, missing from schema.json`);
      else differences.push(...shapeDifferences(members[index], properties[name], path));
    });
    for (const name of Object.keys(properties)) {
      if (!names.includes(name)) differences.push(`${at ? `${at}.${name}` : name}: in schema.json, not in the SDK`);
    }
    return differences;
  }

  function primitiveDifferences(shape: number, declared: JsonSchema, at: string): string[] {
    if (shape >= 128) return declared.type === 'object' ? [] : [`${at}: the SDK has a map of primitives`];
    if (shape >= 64) {
      if (declared.type !== 'array') return [`${at}: the SDK has a list of primitives`];
      return primitiveDifferences(shape - 64, resolveRef(declared.items ?? {}), at);
    }
    const expected = ({ 0: 'string', 1: 'integer', 2: 'boolean' } as Record<number, string>)[shape];
    return expected && declared.type !== expected
      ? [`${at}: the SDK has a ${expected}, schema.json a ${declared.type}`]
      : [];
  }

  function enumPaths(node: JsonSchema, at: string, found: Map<string, string[]>): void {
    const resolved = resolveRef(node);
    if (resolved.enum) found.set(at, resolved.enum);
    if (resolved.items) enumPaths(resolved.items, at, found);
    for (const [name, member] of Object.entries(resolved.properties ?? {})) {
      enumPaths(member, at ? `${at}.${name}` : name, found);
    }
  }

  return { shapeDifferences, enumPaths };
}

const { shapeDifferences, enumPaths } = sdkComparison(schema.definitions, NOT_DECLARABLE);

describe('schema.json follows the SDK', () => {
  const topLevel = Object.keys(schema.properties).filter((name) => name !== 'UserPoolId');

  it.each(topLevel)('%s: every nested member and type matches the SDK shape', (property) => {
    const request = REQUEST_SHAPES.find((shape) => (shape[4] as string[]).includes(property));
    expect(request).toBeDefined();
    const [, , , , names, members] = request as unknown as [number, string, string, unknown, string[], SdkShape[]];
    const node = (schema.properties as Record<string, JsonSchema>)[property];
    expect(shapeDifferences(members[names.indexOf(property)], node, property)).toEqual([]);
  });

  it('declares every member of UpdateUserPool and SetUserPoolMfaConfig, but for the named exceptions', () => {
    const requestMembers = [sdk.UpdateUserPoolRequest$, sdk.SetUserPoolMfaConfigRequest$].flatMap(
      (shape) => shape[4] as string[],
    );
    const missing = requestMembers.filter((member) => !(member in schema.properties) && !NOT_DECLARABLE[member]);
    expect(missing).toEqual([]);
    // Every exception is one the field table also keeps out of templates.
    for (const member of Object.keys(NOT_DECLARABLE).filter((name) => !name.includes('.'))) {
      expect(['carried', 'dropped']).toContain(FIELDS[member as keyof typeof FIELDS].role);
    }
  });

  it('every enum has exactly the values of its SDK enum', () => {
    const found = new Map<string, string[]>();
    enumPaths({ type: 'object', properties: schema.properties as Record<string, JsonSchema> }, '', found);
    const unmapped = [...found.keys()].filter((path) => !ENUMS[path]);
    expect(unmapped).toEqual([]);
    for (const [path, values] of found) {
      const accepted = Object.values(ENUMS[path]).filter((value) => !ENUM_VALUES_NOT_ACCEPTED[path]?.[value]);
      expect({ path, values: [...values].sort() }).toEqual({ path, values: accepted.sort() });
    }
  });
});

describe('client-settings/schema.json follows the SDK', () => {
  const client = sdkComparison(clientSchema.definitions, {});
  const ENUMS_OF_CLIENT: Record<string, Record<string, string>> = {
    ExplicitAuthFlows: sdk.ExplicitAuthFlowsType,
    AllowedOAuthFlows: sdk.OAuthFlowType,
    PreventUserExistenceErrors: sdk.PreventUserExistenceErrorTypes,
    'TokenValidityUnits.AccessToken': sdk.TimeUnitsType,
    'TokenValidityUnits.IdToken': sdk.TimeUnitsType,
    'TokenValidityUnits.RefreshToken': sdk.TimeUnitsType,
    'RefreshTokenRotation.Feature': sdk.FeatureType,
  };
  const declarable = Object.keys(clientSchema.properties).filter((name) => !['UserPoolId', 'ClientId'].includes(name));

  it.each(declarable)('%s: every nested member and type matches the SDK shape', (property) => {
    const request = [sdk.UpdateUserPoolClientRequest$, sdk.CreateUserPoolClientRequest$].find((shape) =>
      (shape[4] as string[]).includes(property),
    );
    expect(request).toBeDefined();
    const [, , , , names, members] = request as unknown as [number, string, string, unknown, string[], SdkShape[]];
    const node = (clientSchema.properties as Record<string, JsonSchema>)[property];
    expect(client.shapeDifferences(members[names.indexOf(property)], node, property)).toEqual([]);
  });

  it('declares every member of UpdateUserPoolClient, and of CreateUserPoolClient only the locked GenerateSecret', () => {
    const updateMembers = sdk.UpdateUserPoolClientRequest$[4] as string[];
    expect(updateMembers.filter((member) => !(member in clientSchema.properties))).toEqual([]);
    const createOnly = (sdk.CreateUserPoolClientRequest$[4] as string[]).filter(
      (member) => !updateMembers.includes(member),
    );
    expect(createOnly.sort()).toEqual(['ClientSecret', 'GenerateSecret']);
    expect(CLIENT_FIELDS.GenerateSecret.role).toBe('locked');
    expect(CLIENT_FIELDS.ClientSecret.role).toBe('dropped');
  });

  it('every enum has exactly the values of its SDK enum', () => {
    const found = new Map<string, string[]>();
    client.enumPaths({ type: 'object', properties: clientSchema.properties as Record<string, JsonSchema> }, '', found);
    expect([...found.keys()].filter((path) => !ENUMS_OF_CLIENT[path])).toEqual([]);
    for (const [path, values] of found) {
      expect({ path, values: [...values].sort() }).toEqual({
        path,
        values: Object.values(ENUMS_OF_CLIENT[path]).sort(),
      });
    }
  });
});

describe('schema.json bounds and patterns, as the API reference gives them', () => {
  const problems = (properties: Record<string, unknown>) =>
    findSchemaProblems({ UserPoolId: 'us-east-1_x', ...properties });

  it('admits standard attribute names longer than custom ones, such as phone_number_verified', () => {
    expect(problems({ Schema: [{ Name: 'phone_number_verified' }] })).toEqual([]);
    expect(problems({ Schema: [{ Name: 'custom:abcdefghijklmnopqrstu' }] })).toEqual([
      expect.stringContaining('Schema.0.Name'),
    ]);
  });

  it('allows a relying party id of up to 127 characters', () => {
    expect(problems({ WebAuthnConfiguration: { RelyingPartyId: 'a'.repeat(127) } })).toEqual([]);
    expect(problems({ WebAuthnConfiguration: { RelyingPartyId: 'a'.repeat(128) } })).toEqual([
      expect.stringContaining('WebAuthnConfiguration.RelyingPartyId'),
    ]);
  });

  it.each([
    ['VerificationMessageTemplate.SmsMessage', { VerificationMessageTemplate: { SmsMessage: 'Your code' } }],
    ['VerificationMessageTemplate.EmailMessage', { VerificationMessageTemplate: { EmailMessage: 'Your code' } }],
    [
      'VerificationMessageTemplate.EmailMessageByLink',
      { VerificationMessageTemplate: { EmailMessageByLink: 'Click the link we sent' } },
    ],
    ['SmsAuthenticationMessage', { SmsAuthenticationMessage: 'Your sign-in code' }],
    ['EmailMfaConfiguration.Message', { EmailMfaConfiguration: { Message: 'Your sign-in code' } }],
  ])('%s must carry its placeholder', (path, properties) => {
    expect(problems(properties)).toEqual([expect.stringContaining(path)]);
  });

  it('accepts messages that carry their placeholders', () => {
    expect(
      problems({
        VerificationMessageTemplate: {
          SmsMessage: 'Code {####}',
          EmailMessage: 'Your code is {####}.',
          EmailMessageByLink: 'Click {##Verify Email##} to confirm.',
        },
        SmsAuthenticationMessage: 'Sign-in code {####}',
      }),
    ).toEqual([]);
  });
});
