import { conflictRetry } from '../../engine/retry';
import { OWNERSHIP_TAG_KEY } from '../../src/ownership';
import { clientMarkerTagKey } from '../../client-settings/src/ownership';
import { listedPermissions } from '../support/handlerPermissions';
import { useLocalCognito } from '../support/localCognito';
import { PLUS_SECURITY_BASELINE } from '../support/securityBaseline';

/**
 * Each handler's `permissions` in the schemas lists exactly what it calls, on every path:
 * normal, undo, recovery, migration of a legacy claim, rollback. The paths below take each
 * one; the proxy records every call by the handler action in its user agent. Every
 * integration test file also fails on a call its handler does not list (test/support/localCognito.ts).
 *
 * Permissions outside `cognito-idp:` and `ssm:` are Cognito's, not calls: `iam:PassRole` is
 * listed where a request may name a role (an SMS or email role, a KMS key's grant) that
 * Cognito assumes; the `logs:`, `s3:`, `firehose:` and `iam:CreateServiceLinkedRole`
 * permissions are what SetLogDeliveryConfiguration's caller must hold for Cognito to set up
 * the delivery (AWS::Cognito::LogDeliveryConfiguration's own handler permissions).
 */
const cognito = useLocalCognito();
const POOL = 'Org-Cognito-UserPoolSettings';
const CLIENT = 'Org-Cognito-UserPoolClientSettings';

beforeAll(() => {
  conflictRetry.sleep = () => Promise.resolve();
});
afterEach(() => cognito.proxy.clearFaults());

/** What a pool's template changes across every writer: the settings, MFA, tags, a custom attribute. */
const everyWriter = (poolId: string) => ({
  UserPoolId: poolId,
  Policies: { PasswordPolicy: { MinimumLength: 13 } },
  MfaConfiguration: 'ON',
  SoftwareTokenMfaConfiguration: { Enabled: true },
  SmsMfaConfiguration: {},
  ...PLUS_SECURITY_BASELINE,
  UserPoolTags: { team: 'platform', added: 'by-template' },
  Schema: [{ Name: 'permission_check', AttributeDataType: 'String', Mutable: true }],
});

/** A pool claimed by an earlier version of the type (its tag), with one of its tags to change. */
async function legacyPool(): Promise<string> {
  const poolId = await cognito.createPool();
  await cognito.proxy.tagAsAnotherWriter(poolId, { [OWNERSHIP_TAG_KEY]: 'true', team: 'identity' });
  return poolId;
}

/** Each action of the type called exactly what its handler lists (beyond Cognito and Parameter Store, Cognito's). */
function expectEveryListedPermissionCalled(type: string): void {
  for (const action of ['CREATE', 'READ', 'UPDATE', 'DELETE', 'LIST']) {
    const called = [...(cognito.proxy.callsByAction.get(`${type} ${action}`) ?? [])].sort();
    const listed = listedPermissions(type, action).filter((permission) => /^(cognito-idp|ssm):/.test(permission));
    expect({ action, called }).toEqual({ action, called: listed });
  }
}

describe('every permission a handler lists is one some path calls', () => {
  it('Org::Cognito::UserPoolSettings', async () => {
    // CREATE: every writer, then the undo of every writer and of the claim.
    const created = await cognito.createPool();
    expect((await cognito.handle('CREATE', everyWriter(created))).status).toBe('SUCCESS');
    const undone = await cognito.createPool();
    cognito.proxy.inject({ operation: 'PutParameter', skip: 1, errorName: 'InternalErrorException', times: 6 });
    expect((await cognito.handle('CREATE', everyWriter(undone))).status).toBe('FAILED');
    cognito.proxy.clearFaults();

    // UPDATE: a legacy claim migrated (its tag removed), every writer, then all of it undone.
    const legacy = await legacyPool();
    cognito.proxy.inject({ operation: 'PutParameter', skip: 1, errorName: 'InternalErrorException', times: 6 });
    expect((await cognito.handle('UPDATE', everyWriter(legacy))).status).toBe('FAILED');
    cognito.proxy.clearFaults();
    expect((await cognito.handle('UPDATE', everyWriter(legacy))).status).toBe('SUCCESS');

    expect((await cognito.handle('READ', { UserPoolId: created })).status).toBe('SUCCESS');
    let page = await cognito.run({ action: 'LIST' });
    while (page.nextToken) page = await cognito.run({ action: 'LIST', nextToken: page.nextToken });

    // DELETE: a rolled-back CREATE put back (every writer), an unfinished UPDATE recovered,
    // and a legacy claim released.
    expect((await cognito.run({ action: 'DELETE', properties: everyWriter(created), rollback: true })).status).toBe(
      'SUCCESS',
    );
    const stopped = await cognito.createPool();
    expect((await cognito.handle('CREATE', { UserPoolId: stopped })).status).toBe('SUCCESS');
    cognito.proxy.inject({ operation: 'TagResource', effect: 'stopped', times: 1 });
    const stoppedUpdate = cognito.handle('UPDATE', everyWriter(stopped));
    await cognito.proxy.whenStopped();
    expect((await cognito.handle('DELETE', { UserPoolId: stopped })).status).toBe('SUCCESS');
    const legacyDelete = await legacyPool();
    expect((await cognito.handle('DELETE', { UserPoolId: legacyDelete })).status).toBe('SUCCESS');
    // The stopped invocation ends before the emulator stops.
    cognito.proxy.releaseStopped();
    await stoppedUpdate;

    expectEveryListedPermissionCalled(POOL);
  }, 120_000);

  it('Org::Cognito::UserPoolClientSettings', async () => {
    const poolId = await cognito.createPool({ PoolName: 'plus', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } });
    cognito.proxy.setTier(poolId, 'PLUS');
    const change = (clientId: string) => ({
      UserPoolId: poolId,
      ClientId: clientId,
      IdTokenValidity: 7,
      RiskConfiguration: { RiskExceptionConfiguration: { BlockedIPRangeList: ['192.0.2.0/24'] } },
    });

    // CREATE, and one whose UpdateUserPoolClient is refused after the claim (the claim undone).
    const created = await cognito.createClient(poolId);
    expect((await cognito.handleClient('CREATE', change(created))).status).toBe('SUCCESS');
    const refused = await cognito.createClient(poolId);
    cognito.proxy.inject({ operation: 'UpdateUserPoolClient', errorName: 'InvalidParameterException', times: 1 });
    expect((await cognito.handleClient('CREATE', change(refused))).status).toBe('FAILED');

    // UPDATE of a client an earlier version claimed with a pool tag: migrated, then undone.
    const legacy = await cognito.createClient(poolId);
    await cognito.proxy.tagAsAnotherWriter(poolId, { [clientMarkerTagKey(legacy)]: 'true' });
    cognito.proxy.inject({ operation: 'PutParameter', skip: 1, errorName: 'InternalErrorException', times: 6 });
    expect((await cognito.handleClient('UPDATE', change(legacy))).status).toBe('FAILED');
    cognito.proxy.clearFaults();

    const ids = { UserPoolId: poolId, ClientId: created };
    expect((await cognito.handleClient('READ', ids)).status).toBe('SUCCESS');
    let page = await cognito.runClient({ action: 'LIST', properties: { UserPoolId: poolId } });
    while (page.nextToken) {
      page = await cognito.runClient({ action: 'LIST', properties: { UserPoolId: poolId }, nextToken: page.nextToken });
    }

    // DELETE: a rolled-back CREATE put back, an unfinished UPDATE recovered, a legacy claim released.
    expect((await cognito.runClient({ action: 'DELETE', properties: change(created), rollback: true })).status).toBe(
      'SUCCESS',
    );
    const stopped = await cognito.createClient(poolId);
    expect((await cognito.handleClient('CREATE', { UserPoolId: poolId, ClientId: stopped })).status).toBe('SUCCESS');
    cognito.proxy.inject({ operation: 'UpdateUserPoolClient', effect: 'stopped', times: 1 });
    const stoppedUpdate = cognito.handleClient('UPDATE', change(stopped));
    await cognito.proxy.whenStopped();
    expect((await cognito.handleClient('DELETE', { UserPoolId: poolId, ClientId: stopped })).status).toBe('SUCCESS');
    expect((await cognito.handleClient('DELETE', { UserPoolId: poolId, ClientId: legacy })).status).toBe('SUCCESS');
    // The stopped invocation ends before the emulator stops.
    cognito.proxy.releaseStopped();
    await stoppedUpdate;

    expectEveryListedPermissionCalled(CLIENT);
  }, 120_000);
});
