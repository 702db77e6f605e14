import {
  CognitoIdentityProviderClient,
  DeleteUserPoolClientCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { recordRoot } from '../../engine/ownershipRecords';
import { clientMarkerTagKey } from '../../client-settings/src/ownership';
import { PLACEHOLDER_CREDENTIALS } from '../support/cfnRequest';
import { amplifyLikeClient, machineClient, settingsOfClient } from '../support/productionClient';
import { useLocalCognito } from '../support/localCognito';

/** The client's ownership record: `/org-cognito-userpoolclientsettings/<UserPoolId>/<ClientId>`. */
const parameterName = (poolId: string, clientId: string) =>
  `${recordRoot('Org::Cognito::UserPoolClientSettings')}/${poolId}/${clientId}`;

const cognito = useLocalCognito();
const WRITES = [
  'UpdateUserPoolClient',
  'TagResource',
  'UntagResource',
  'UpdateUserPool',
  'PutParameter',
  'DeleteParameter',
];

function writesIn(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([operation]) => WRITES.includes(operation)));
}

/** An SDK client that talks to Cognito as the handler does: through the proxy. */
function sdkViaProxy(): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: 'us-east-1',
    credentials: PLACEHOLDER_CREDENTIALS,
    endpoint: process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER,
  });
}

async function existingClient(overrides = {}) {
  const poolId = await cognito.createPool();
  const clientId = await cognito.createClient(poolId, amplifyLikeClient(overrides));
  return { poolId, clientId, ids: { UserPoolId: poolId, ClientId: clientId } };
}

describe('the emulator gap the proxy closes', () => {
  it('a one-field UpdateUserPoolClient resets OAuth, units and attributes, as real Cognito does', async () => {
    const { poolId, clientId } = await existingClient();
    const sdk = sdkViaProxy();
    try {
      await sdk.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId, IdTokenValidity: 1 }));
    } finally {
      sdk.destroy();
    }
    const after = await cognito.describeClient(poolId, clientId);
    expect(after.AllowedOAuthFlowsUserPoolClient).toBe(false);
    expect(after.AllowedOAuthFlows).toBeUndefined();
    expect(after.CallbackURLs).toBeUndefined();
    expect(after.ReadAttributes).toBeUndefined();
    expect(after.TokenValidityUnits).toEqual({ AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' });
    expect(after.PreventUserExistenceErrors).toBe('LEGACY');
    expect(after.AccessTokenValidity).toBeUndefined();
  });
});

describe('Org::Cognito::UserPoolClientSettings on cognito-local', () => {
  it('adds a callback URL and shortens the access token; every other client setting stays identical', async () => {
    const { poolId, clientId, ids } = await existingClient();
    const before = await cognito.describeClient(poolId, clientId);
    const callbacks = [...(before.CallbackURLs as string[]), 'https://app.example.com/callback-v2'];
    const event = await cognito.handleClient('CREATE', { ...ids, CallbackURLs: callbacks, AccessTokenValidity: 15 });
    expect({ status: event.status, message: event.message }).toEqual({ status: 'SUCCESS', message: '' });
    const after = await cognito.describeClient(poolId, clientId);
    expect(settingsOfClient(after)).toEqual(
      settingsOfClient({ ...before, CallbackURLs: callbacks, AccessTokenValidity: 15 }),
    );
    // 15 minutes, not 15 hours: the units went with the number.
    expect(after.TokenValidityUnits).toEqual(before.TokenValidityUnits);
    // The claim is the client's own parameter: the pool's tags are never written.
    expect(cognito.proxy.counts()).toEqual({
      DescribeUserPool: 1,
      DescribeUserPoolClient: 1,
      GetParameter: 1,
      // The other settings resources' records, before and after the claim (a race's check).
      GetParametersByPath: 2,
      UpdateUserPoolClient: 1,
      PutParameter: 2,
    });
    expect(event.resourceModel).toMatchObject({ ...ids, CallbackURLs: callbacks, AccessTokenValidity: 15 });
  });

  it("declaring only a validity number keeps the client's units, so no other lifetime is reinterpreted", async () => {
    const { poolId, clientId, ids } = await existingClient();
    expect((await cognito.handleClient('CREATE', { ...ids, IdTokenValidity: 30 })).status).toBe('SUCCESS');
    const after = await cognito.describeClient(poolId, clientId);
    expect(after).toMatchObject({
      AccessTokenValidity: 60,
      IdTokenValidity: 30,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
    });
  });

  it('a GenerateSecret that differs from the client is refused with nothing written, both ways', async () => {
    const { poolId, clientId, ids } = await existingClient();
    const before = await cognito.describeClient(poolId, clientId);
    const event = await cognito.handleClient('CREATE', { ...ids, GenerateSecret: true, AccessTokenValidity: 15 });
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'NotUpdatable' });
    expect(event.message).toContain('GenerateSecret is false on the client but the template declares true');
    expect(event.message).toContain('new app client');
    expect(writesIn(cognito.proxy.counts())).toEqual({});
    expect(await cognito.describeClient(poolId, clientId)).toEqual(before);

    const secretClientId = await cognito.createClient(poolId, machineClient());
    const refused = await cognito.handleClient('CREATE', {
      UserPoolId: poolId,
      ClientId: secretClientId,
      GenerateSecret: false,
    });
    expect(refused).toMatchObject({ status: 'FAILED', errorCode: 'NotUpdatable' });
    expect(writesIn(cognito.proxy.counts())).toEqual({});
  });

  it('a GenerateSecret equal to the client passes, and READ reports it without the secret', async () => {
    const poolId = await cognito.createPool();
    const clientId = await cognito.createClient(poolId, machineClient());
    const secret = String((await cognito.describeClient(poolId, clientId)).ClientSecret);
    expect(secret.length).toBeGreaterThan(5);
    const ids = { UserPoolId: poolId, ClientId: clientId };
    const created = await cognito.handleClient('CREATE', { ...ids, GenerateSecret: true, AuthSessionValidity: 10 });
    expect(created.status).toBe('SUCCESS');
    const read = await cognito.handleClient('READ', ids);
    expect(read.resourceModel).toMatchObject({ GenerateSecret: true, AuthSessionValidity: 10 });
    for (const event of [created, read]) {
      expect(JSON.stringify(event)).not.toContain(secret);
      expect(JSON.stringify(event)).not.toContain('ClientSecret');
    }
  });

  it('READ needs only the identifiers and equals what CREATE returned; drift-free by construction', async () => {
    const { ids } = await existingClient();
    const created = await cognito.handleClient('CREATE', { ...ids, LogoutURLs: ['https://app.example.com/bye'] });
    const read = await cognito.handleClient('READ', ids);
    expect(read.status).toBe('SUCCESS');
    expect(read.resourceModel).toEqual(created.resourceModel);
    expect(cognito.proxy.counts()).toMatchObject({ DescribeUserPool: 2, DescribeUserPoolClient: 2 });
  });

  it('answers the contract: AlreadyExists, NotFound, no-op UPDATE without a write, DELETE keeps every setting', async () => {
    const { poolId, clientId, ids } = await existingClient();
    expect((await cognito.handleClient('READ', ids)).errorCode).toBe('NotFound');
    expect((await cognito.handleClient('UPDATE', { ...ids, AuthSessionValidity: 4 }, ids)).errorCode).toBe('NotFound');
    expect((await cognito.handleClient('DELETE', ids)).errorCode).toBe('NotFound');
    expect((await cognito.handleClient('CREATE', { ...ids, AuthSessionValidity: 7 })).status).toBe('SUCCESS');
    const fromOtherResource = await cognito.runClient({
      action: 'CREATE',
      properties: ids,
      logicalResourceId: 'Other',
    });
    expect(fromOtherResource.errorCode).toBe('AlreadyExists');

    cognito.proxy.resetCounts();
    const noop = await cognito.handleClient('UPDATE', { ...ids, AuthSessionValidity: 7 }, ids);
    expect(noop.status).toBe('SUCCESS');
    expect(writesIn(cognito.proxy.counts())).toEqual({});

    const changed = await cognito.handleClient('UPDATE', { ...ids, AuthSessionValidity: 9 }, ids);
    expect(changed.resourceModel).toMatchObject({ AuthSessionValidity: 9 });
    const moved = await cognito.handleClient('UPDATE', { ...ids, ClientId: 'otherclient' }, ids);
    expect(moved.errorCode).toBe('NotUpdatable');

    const listed = await cognito.handleClient('LIST', { UserPoolId: poolId });
    expect(listed.resourceModels).toEqual([{ ...ids, SettingsName: 'default' }]);

    const beforeDelete = await cognito.describeClient(poolId, clientId);
    cognito.proxy.resetCounts();
    expect((await cognito.handleClient('DELETE', ids)).status).toBe('SUCCESS');
    expect(writesIn(cognito.proxy.counts())).toEqual({ DeleteParameter: 1 });
    expect(await cognito.describeClient(poolId, clientId)).toEqual(beforeDelete);
    expect((await cognito.handleClient('READ', ids)).errorCode).toBe('NotFound');
    expect((await cognito.handleClient('LIST', { UserPoolId: poolId })).resourceModels).toEqual([]);
  });

  it('DELETE of a client deleted out of band removes its parameter; READ then answers NotFound', async () => {
    const { poolId, clientId, ids } = await existingClient();
    expect((await cognito.handleClient('CREATE', { ...ids, AuthSessionValidity: 8 })).status).toBe('SUCCESS');
    const sdk = sdkViaProxy();
    try {
      await sdk.send(new DeleteUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }));
    } finally {
      sdk.destroy();
    }
    expect((await cognito.handleClient('READ', ids)).errorCode).toBe('NotFound');
    expect((await cognito.handleClient('DELETE', ids)).status).toBe('SUCCESS');
    expect(cognito.proxy.parameterStore.parameters.has(parameterName(poolId, clientId))).toBe(false);
    expect((await cognito.handleClient('DELETE', ids)).errorCode).toBe('NotFound');
  });

  it('a client that does not exist is NotFound, naming both identifiers', async () => {
    const poolId = await cognito.createPool();
    const event = await cognito.handleClient('CREATE', { UserPoolId: poolId, ClientId: 'doesnotexist' });
    expect(event.errorCode).toBe('NotFound');
    expect(event.message).toContain(`${poolId}|doesnotexist`);
  });

  it('bad input names the property and writes nothing', async () => {
    const { ids } = await existingClient();
    const event = await cognito.handleClient('CREATE', { ...ids, AuthSessionValidity: 'five', CallbackUrls: [] });
    expect(event.errorCode).toBe('InvalidRequest');
    expect(event.message).toContain('AuthSessionValidity');
    expect(event.message).toContain('CallbackUrls: unknown property');
    expect(cognito.proxy.counts()).toEqual({});
  });

  it('if the claim cannot be written, nothing is written: the claim is the first write', async () => {
    const { poolId, clientId, ids } = await existingClient();
    const before = await cognito.describeClient(poolId, clientId);
    // The execution role lacks ssm:PutParameter.
    cognito.proxy.inject({ operation: 'PutParameter', errorName: 'AccessDeniedException', times: 1 });
    try {
      const event = await cognito.handleClient('CREATE', { ...ids, AccessTokenValidity: 20 });
      expect(event).toMatchObject({ status: 'FAILED', errorCode: 'AccessDenied' });
    } finally {
      cognito.proxy.clearFaults();
    }
    expect(cognito.proxy.counts().UpdateUserPoolClient).toBeUndefined();
    expect(settingsOfClient(await cognito.describeClient(poolId, clientId))).toEqual(settingsOfClient(before));
    expect(cognito.proxy.parameterStore.parameters.has(parameterName(poolId, clientId))).toBe(false);
  });

  it('lives beside Org::Cognito::UserPoolSettings: the app client type never touches the pool tags', async () => {
    const { poolId, ids } = await existingClient();
    const tagsBefore = (await cognito.describe(poolId)).UserPoolTags;
    expect((await cognito.handleClient('CREATE', { ...ids, AuthSessionValidity: 6 })).status).toBe('SUCCESS');
    expect((await cognito.describe(poolId)).UserPoolTags).toEqual(tagsBefore);
    const pool = await cognito.handle('CREATE', { UserPoolId: poolId, UserPoolTags: { team: 'identity' } });
    expect(pool.status).toBe('SUCCESS');
    expect((await cognito.handleClient('READ', ids)).status).toBe('SUCCESS');
  });
});

describe("real Cognito's client rules, refused before any write", () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown>, string][] = [
    [
      'OAuth members without AllowedOAuthFlowsUserPoolClient',
      { AllowedOAuthFlowsUserPoolClient: false },
      {},
      'AllowedOAuthFlowsUserPoolClient is false',
    ],
    [
      'a DefaultRedirectURI outside CallbackURLs',
      { CallbackURLs: ['https://app.example.com/new'] },
      {},
      'DefaultRedirectURI https://app.example.com/callback is not in CallbackURLs',
    ],
    [
      'client_credentials on a client without a secret',
      { AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['api.example.com/read'] },
      {},
      'has no secret',
    ],
    [
      'client_credentials beside code',
      { AllowedOAuthFlows: ['client_credentials', 'code'] },
      {},
      'must be the only flow',
    ],
    [
      "a lifetime outside its range in the client's units",
      { AccessTokenValidity: 2 },
      {},
      'AccessTokenValidity 2 in minutes (TokenValidityUnits.AccessToken) is outside 5 minutes to 1 day',
    ],
    [
      'a unit that would stretch the lifetime past its range',
      { TokenValidityUnits: { AccessToken: 'hours' } },
      {},
      'AccessTokenValidity 60 in hours',
    ],
    [
      'user context data on a client without a secret',
      { EnablePropagateAdditionalUserContextData: true },
      {},
      'only on a client with a secret',
    ],
    [
      'legacy auth flows beside ALLOW_ ones',
      { ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
      {},
      'mixes legacy USER_PASSWORD_AUTH',
    ],
    [
      'refresh token rotation beside ALLOW_REFRESH_TOKEN_AUTH',
      { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 } },
      {},
      'ExplicitAuthFlows includes ALLOW_REFRESH_TOKEN_AUTH while RefreshTokenRotation.Feature is ENABLED',
    ],
    [
      'auth flows without ALLOW_REFRESH_TOKEN_AUTH and without rotation',
      { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] },
      {},
      'ExplicitAuthFlows lacks ALLOW_REFRESH_TOKEN_AUTH',
    ],
    [
      'the code flow with no callback URL',
      { CallbackURLs: [] },
      {},
      'AllowedOAuthFlows code needs at least one callback URL',
    ],
    [
      'an OAuth client without flows and scopes',
      { AllowedOAuthFlows: [], AllowedOAuthScopes: [] },
      {},
      'AllowedOAuthFlowsUserPoolClient is true but AllowedOAuthFlows and AllowedOAuthScopes are empty',
    ],
    [
      'an http:// logout URL that is not localhost',
      { LogoutURLs: ['http://app.example.com/signed-out'] },
      {},
      'LogoutURLs http://app.example.com/signed-out uses http://',
    ],
    [
      'email_verified among WriteAttributes',
      { WriteAttributes: ['email', 'email_verified'] },
      {},
      'WriteAttributes includes email_verified',
    ],
    [
      'choice-based sign-in on a LITE pool',
      { ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
      { tier: 'LITE' },
      'ALLOW_USER_AUTH needs the pool on the ESSENTIALS or PLUS feature plan',
    ],
  ];

  it.each(cases)('%s', async (_name, declared, setup, expected) => {
    const { poolId, clientId, ids } = await existingClient();
    if (setup.tier) cognito.proxy.setTier(poolId, setup.tier as 'LITE');
    const before = await cognito.describeClient(poolId, clientId);
    const event = await cognito.handleClient('CREATE', { ...ids, ...declared });
    expect(event).toMatchObject({ status: 'FAILED', errorCode: 'InvalidRequest' });
    expect(event.message).toContain(expected);
    expect(writesIn(cognito.proxy.counts())).toEqual({});
    expect(await cognito.describeClient(poolId, clientId)).toEqual(before);
  });

  it('the proxy refuses the same requests, so a merge bug could not slip past the tests', async () => {
    const { poolId, clientId } = await existingClient();
    const sdk = sdkViaProxy();
    try {
      const full = { ...amplifyLikeClient(), UserPoolId: poolId, ClientId: clientId };
      const { GenerateSecret: _secret, ...request } = full;
      await expect(
        sdk.send(new UpdateUserPoolClientCommand({ ...request, TokenValidityUnits: undefined })),
      ).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'Invalid range for token validity.' });
      await expect(
        sdk.send(new UpdateUserPoolClientCommand({ ...request, AllowedOAuthFlowsUserPoolClient: undefined })),
      ).rejects.toMatchObject({ name: 'InvalidParameterException' });
      await expect(
        sdk.send(new UpdateUserPoolClientCommand({ ...request, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] })),
      ).rejects.toMatchObject({ message: 'REFRESH_TOKEN_AUTH should always be allowed.' });
      await expect(
        sdk.send(new UpdateUserPoolClientCommand({ ...request, WriteAttributes: ['email_verified'] })),
      ).rejects.toMatchObject({ message: 'Invalid write attributes specified while updating a client' });
    } finally {
      sdk.destroy();
    }
  });
});

describe('clients claimed by an earlier version (a marker tag on the pool)', () => {
  it('are still recognised; their next UPDATE moves the claim to the parameter and removes the tag; DELETE removes either', async () => {
    const { poolId, clientId, ids } = await existingClient();
    const legacyMarker = { [clientMarkerTagKey(clientId)]: 'true' };
    await cognito.proxy.tagAsAnotherWriter(poolId, legacyMarker);
    expect((await cognito.handleClient('READ', ids)).status).toBe('SUCCESS');
    const fromOtherResource = await cognito.runClient({
      action: 'CREATE',
      properties: ids,
      logicalResourceId: 'Other',
    });
    expect(fromOtherResource.errorCode).toBe('AlreadyExists');

    const updated = await cognito.handleClient('UPDATE', { ...ids, AuthSessionValidity: 6 }, ids);
    expect(updated.status).toBe('SUCCESS');
    expect((await cognito.describe(poolId)).UserPoolTags?.[clientMarkerTagKey(clientId)]).toBeUndefined();
    expect(cognito.proxy.parameterStore.parameters.has(parameterName(poolId, clientId))).toBe(true);
    expect((await cognito.handleClient('DELETE', ids)).status).toBe('SUCCESS');
    expect(cognito.proxy.parameterStore.parameters.has(parameterName(poolId, clientId))).toBe(false);

    // A legacy claim that was never migrated: DELETE removes the tag.
    await cognito.proxy.tagAsAnotherWriter(poolId, legacyMarker);
    expect((await cognito.handleClient('DELETE', ids)).status).toBe('SUCCESS');
    expect((await cognito.describe(poolId)).UserPoolTags?.[clientMarkerTagKey(clientId)]).toBeUndefined();
    expect((await cognito.handleClient('DELETE', ids)).errorCode).toBe('NotFound');
  });
});
