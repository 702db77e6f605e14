import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import schema from '../schema.json';
import { FIELDS } from './fields';
import { riskConfigurationEnums, sdkComparison, type JsonSchema, type SdkShape } from '../../test/support/sdkSchema';

/**
 * client-settings/schema.json against the SDK's request shapes (test/support/sdkSchema.ts):
 * when the SDK adds a member, this test names it.
 */

describe('client-settings/schema.json follows the SDK', () => {
  const client = sdkComparison(schema.definitions, {
    'RiskConfiguration.UserPoolId': 'the identifier, declared once at the top level',
    'RiskConfiguration.ClientId': 'the identifier, declared once at the top level',
  });
  const ENUMS_OF_CLIENT: Record<string, Record<string, string>> = {
    ExplicitAuthFlows: sdk.ExplicitAuthFlowsType,
    AllowedOAuthFlows: sdk.OAuthFlowType,
    PreventUserExistenceErrors: sdk.PreventUserExistenceErrorTypes,
    'TokenValidityUnits.AccessToken': sdk.TimeUnitsType,
    'TokenValidityUnits.IdToken': sdk.TimeUnitsType,
    'TokenValidityUnits.RefreshToken': sdk.TimeUnitsType,
    'RefreshTokenRotation.Feature': sdk.FeatureType,
    ...riskConfigurationEnums(sdk as unknown as Record<string, unknown>),
  };
  const declarable = Object.keys(schema.properties).filter(
    (name) => !['UserPoolId', 'ClientId', 'SettingsName'].includes(name),
  );

  it.each(declarable)('%s: every nested member and type matches the SDK shape', (property) => {
    const node = (schema.properties as Record<string, JsonSchema>)[property];
    // SetRiskConfiguration's whole request, less the identifiers.
    if (property === 'RiskConfiguration') {
      expect(client.shapeDifferences(sdk.SetRiskConfigurationRequest$ as SdkShape, node, property)).toEqual([]);
      return;
    }
    const request = [sdk.UpdateUserPoolClientRequest$, sdk.CreateUserPoolClientRequest$].find((shape) =>
      (shape[4] as string[]).includes(property),
    );
    expect(request).toBeDefined();
    const [, , , , names, members] = request as unknown as [number, string, string, unknown, string[], SdkShape[]];
    expect(client.shapeDifferences(members[names.indexOf(property)], node, property)).toEqual([]);
  });

  it('declares every member of UpdateUserPoolClient, and of CreateUserPoolClient only the locked GenerateSecret', () => {
    const updateMembers = sdk.UpdateUserPoolClientRequest$[4] as string[];
    expect(updateMembers.filter((member) => !(member in schema.properties))).toEqual([]);
    const createOnly = (sdk.CreateUserPoolClientRequest$[4] as string[]).filter(
      (member) => !updateMembers.includes(member),
    );
    expect(createOnly.sort()).toEqual(['ClientSecret', 'GenerateSecret']);
    expect(FIELDS.GenerateSecret.role).toBe('locked');
    expect(FIELDS.ClientSecret.role).toBe('dropped');
  });

  it('every enum has exactly the values of its SDK enum', () => {
    const found = new Map<string, string[]>();
    client.enumPaths({ type: 'object', properties: schema.properties as Record<string, JsonSchema> }, '', found);
    expect([...found.keys()].filter((path) => !ENUMS_OF_CLIENT[path])).toEqual([]);
    for (const [path, values] of found) {
      expect({ path, values: [...values].sort() }).toEqual({
        path,
        values: Object.values(ENUMS_OF_CLIENT[path]).sort(),
      });
    }
  });
});
