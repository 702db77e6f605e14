import { conflictRetry } from '../../engine/retry';
import type { InjectedFault } from '../support/cognitoProxy';
import type { ProgressEvent } from '../support/handlerRunner';
import { useLocalCognito } from '../support/localCognito';
import { PLUS_SECURITY_BASELINE } from '../support/securityBaseline';

/**
 * Faults at every write of a multi-write CREATE and UPDATE of both types, through the
 * production entrypoint with requests shaped as CloudFormation sends them. After each, the
 * resource is compared member by member (settings, MFA configuration, tags, app client):
 * it is the declared target after a retry that succeeds, or exactly what it was before the
 * stack operation after a refusal or a rollback.
 */
const cognito = useLocalCognito();

beforeAll(() => {
  conflictRetry.sleep = () => Promise.resolve();
});
afterEach(() => cognito.proxy.clearFaults());

/** The SDK's attempts per call (engine/cognito/client.ts): a fault that lasts them all outlasts the retries. */
const EVERY_ATTEMPT = 6;

type Fault = 'refused' | 'failing on every retry' | 'answer lost once' | 'answer lost on every retry';
const FAULTS: Record<Fault, Omit<InjectedFault, 'operation'>> = {
  refused: { errorName: 'InvalidParameterException', times: 1 },
  'failing on every retry': { errorName: 'InternalErrorException', times: EVERY_ATTEMPT },
  'answer lost once': { effect: 'answer-lost', times: 1 },
  'answer lost on every retry': { effect: 'answer-lost', times: EVERY_ATTEMPT },
};
const ENDS_AT_TARGET: ReadonlySet<Fault> = new Set(['answer lost once']);

/** A write of the operation: the n-th call (from 0) of an API. */
interface WriteAt {
  operation: string;
  skip: number;
}
const label = ({ operation, skip }: WriteAt) => (skip > 0 ? `${operation} #${skip + 1}` : operation);

/** Everything a pool holds that a template can declare, as a client of Cognito reads it. */
async function poolState(poolId: string): Promise<Record<string, unknown>> {
  const { LastModifiedDate: _modified, AdminCreateUserConfig, ...pool } = await cognito.proxy.describe(poolId);
  // Any UpdateUserPool leaves out the legacy member Cognito derives from TemporaryPasswordValidityDays.
  const { UnusedAccountValidityDays: _legacy, ...config } = AdminCreateUserConfig ?? {};
  return {
    pool: { ...pool, AdminCreateUserConfig: config },
    mfa: await cognito.proxy.describeMfa(poolId),
    risk: await cognito.proxy.describeRisk(poolId),
    logs: await cognito.proxy.describeLogs(poolId),
  };
}

async function clientState(poolId: string, clientId: string): Promise<Record<string, unknown>> {
  const { LastModifiedDate: _modified, ...client } = await cognito.describeClient(poolId, clientId);
  return client;
}

function inject(write: WriteAt, fault: Omit<InjectedFault, 'operation'>): void {
  cognito.proxy.inject({ operation: write.operation, skip: write.skip, ...fault });
}

/** Invocations a `stopped` fault stopped: they never continue while the test runs. */
const stopped: Promise<unknown>[] = [];

/** Runs a handler action until the `stopped` fault stops it, after its write was applied. */
async function stoppedDuring(action: () => Promise<ProgressEvent>): Promise<void> {
  const invocation = action();
  stopped.push(invocation);
  expect(await Promise.race([invocation, cognito.proxy.whenStopped()])).toBe('stopped');
}

/** Lets the stopped invocations end before the emulator stops, so none outlives the test file. */
async function endStoppedInvocations(): Promise<void> {
  cognito.proxy.releaseStopped();
  await Promise.allSettled(stopped.splice(0));
}

// A new trigger, MFA turned ON, the Plus plan with threat protection configured and user
// activity logged, a changed and a new tag: six writers beside the record.
const poolTarget = (poolId: string) => ({
  UserPoolId: poolId,
  ...PLUS_SECURITY_BASELINE,
  Policies: { PasswordPolicy: { MinimumLength: 14 } },
  LambdaConfig: { PreAuthentication: 'arn:aws:lambda:us-east-1:123456789012:function:pre-authentication' },
  MfaConfiguration: 'ON',
  SoftwareTokenMfaConfiguration: { Enabled: true },
  // The production-like pool has an SMS configuration: Cognito keeps SMS MFA on beside TOTP.
  SmsMfaConfiguration: {},
  UserPoolTags: { team: 'identity', environment: 'staging' },
});
/** The writes of a changing CREATE or UPDATE of the pool, in order. */
const POOL_WRITES: WriteAt[] = [
  { operation: 'PutParameter', skip: 0 },
  { operation: 'UpdateUserPool', skip: 0 },
  { operation: 'SetUserPoolMfaConfig', skip: 0 },
  { operation: 'SetRiskConfiguration', skip: 0 },
  { operation: 'SetLogDeliveryConfiguration', skip: 0 },
  { operation: 'TagResource', skip: 0 },
  { operation: 'PutParameter', skip: 1 },
];

const clientTarget = (poolId: string, clientId: string) => ({
  UserPoolId: poolId,
  ClientId: clientId,
  IdTokenValidity: 20,
  CallbackURLs: ['https://app.example.com/callback'],
  AllowedOAuthFlows: ['code'],
  AllowedOAuthScopes: ['openid'],
  AllowedOAuthFlowsUserPoolClient: true,
  SupportedIdentityProviders: ['COGNITO'],
});
/** The writes of a changing CREATE or UPDATE of an app client, in order. */
const CLIENT_WRITES: WriteAt[] = [
  { operation: 'PutParameter', skip: 0 },
  { operation: 'UpdateUserPoolClient', skip: 0 },
  { operation: 'PutParameter', skip: 1 },
];

describe('Org::Cognito::UserPoolSettings: a fault at every write of an UPDATE', () => {
  afterAll(endStoppedInvocations);
  const template = (poolId: string) => ({ UserPoolId: poolId, Policies: { PasswordPolicy: { MinimumLength: 10 } } });
  const next = poolTarget;
  const WRITES = POOL_WRITES;

  /** CloudFormation rolling the stack back: UPDATE to the old template, the new one as previous. */
  async function rollBackUpdate(poolId: string): Promise<void> {
    const request = { action: 'UPDATE' as const, properties: template(poolId), previousProperties: next(poolId) };
    const rollback = await cognito.run({ ...request, rollback: true });
    expect({ status: rollback.status, message: rollback.message }).toEqual({ status: 'SUCCESS', message: '' });
  }

  /** A managed pool under the old template, its state, and the state the new template leaves. */
  async function managedPool() {
    const poolId = await cognito.createPool();
    expect((await cognito.handle('CREATE', template(poolId))).status).toBe('SUCCESS');
    const before = await poolState(poolId);
    return { poolId, before };
  }

  it('a changing UPDATE makes exactly these writes (the matrix covers each)', async () => {
    const { poolId } = await managedPool();
    cognito.proxy.resetCounts();
    expect((await cognito.handle('UPDATE', next(poolId), template(poolId))).status).toBe('SUCCESS');
    const writes = cognito.proxy.calls.filter((call) => !/^(Describe|Get)/.test(call));
    expect(writes).toEqual(WRITES.map((write) => write.operation));
  });

  for (const write of WRITES) {
    for (const [fault, injected] of Object.entries(FAULTS) as [Fault, Omit<InjectedFault, 'operation'>][]) {
      it(`${label(write)} ${fault}: ${ENDS_AT_TARGET.has(fault) ? 'the target' : 'the pool as it was'}`, async () => {
        const { poolId, before } = await managedPool();
        const reference = await cognito.createPool();
        inject(write, injected);
        const event = await cognito.handle('UPDATE', next(poolId), template(poolId));
        cognito.proxy.clearFaults();
        if (ENDS_AT_TARGET.has(fault)) {
          expect(event.status).toBe('SUCCESS');
          await cognito.handle('CREATE', template(reference));
          await cognito.handle('UPDATE', next(reference), template(reference));
          expect(withoutId(await poolState(poolId))).toEqual(withoutId(await poolState(reference)));
        } else {
          expect(event.status).toBe('FAILED');
          expect(await poolState(poolId)).toEqual(before);
        }
      }, 60_000);
    }

    it(`handler stopped after ${label(write)}: CloudFormation's retry reaches the target; its rollback the pool as it was`, async () => {
      const { poolId, before } = await managedPool();
      inject(write, { effect: 'stopped', times: 1 });
      await stoppedDuring(() => cognito.handle('UPDATE', next(poolId), template(poolId)));
      await rollBackUpdate(poolId);
      expect(await poolState(poolId)).toEqual(before);

      const other = await managedPool();
      inject(write, { effect: 'stopped', times: 1 });
      await stoppedDuring(() => cognito.handle('UPDATE', next(other.poolId), template(other.poolId)));
      expect((await cognito.handle('UPDATE', next(other.poolId), template(other.poolId))).status).toBe('SUCCESS');
      const reached = await poolState(other.poolId);
      expect(reached.mfa).toMatchObject({ MfaConfiguration: 'ON' });
      expect((reached.pool as { LambdaConfig?: object }).LambdaConfig).toMatchObject(next(poolId).LambdaConfig);
      expect((reached.pool as { UserPoolTags?: object }).UserPoolTags).toMatchObject(next(poolId).UserPoolTags);
    }, 60_000);
  }

  it('MFA and tags only (no UpdateUserPool): TagResource refused puts the MFA configuration back', async () => {
    const { poolId, before } = await managedPool();
    const {
      Policies: _policies,
      LambdaConfig: _lambda,
      UserPoolTier: _tier,
      UserPoolAddOns: _addOns,
      RiskConfiguration: _risk,
      LogDeliveryConfiguration: _logs,
      ...mfaAndTags
    } = next(poolId);
    inject({ operation: 'TagResource', skip: 0 }, FAULTS.refused);
    cognito.proxy.resetCounts();
    expect((await cognito.handle('UPDATE', mfaAndTags, template(poolId))).status).toBe('FAILED');
    expect(cognito.proxy.calls).not.toContain('UpdateUserPool');
    expect(await poolState(poolId)).toEqual(before);
  }, 60_000);

  it('a stack rollback after a successful UPDATE leaves the pool exactly as before, tags and MFA included', async () => {
    const { poolId, before } = await managedPool();
    expect((await cognito.handle('UPDATE', next(poolId), template(poolId))).status).toBe('SUCCESS');
    expect(await poolState(poolId)).not.toEqual(before);
    await rollBackUpdate(poolId);
    expect(await poolState(poolId)).toEqual(before);
  }, 60_000);

  it('a stack rollback after a successful CREATE (DELETE with rollback) leaves the pool as before that CREATE', async () => {
    const poolId = await cognito.createPool();
    const before = await poolState(poolId);
    expect((await cognito.handle('CREATE', next(poolId))).status).toBe('SUCCESS');
    const rollback = await cognito.run({ action: 'DELETE', properties: next(poolId), rollback: true });
    expect({ status: rollback.status, message: rollback.message }).toEqual({ status: 'SUCCESS', message: '' });
    expect(await poolState(poolId)).toEqual(before);
    // Released: the next CREATE claims it afresh.
    expect((await cognito.handle('READ', { UserPoolId: poolId })).errorCode).toBe('NotFound');
  }, 60_000);

  it('a CREATE retried after its answer was lost (same stack and logical id) succeeds', async () => {
    const poolId = await cognito.createPool();
    expect((await cognito.handle('CREATE', next(poolId))).status).toBe('SUCCESS');
    expect((await cognito.handle('CREATE', next(poolId))).status).toBe('SUCCESS');
  }, 60_000);

  it('a CREATE whose claim answer was lost on every retry leaves no claim behind, and its retry succeeds', async () => {
    const poolId = await cognito.createPool();
    const before = await poolState(poolId);
    inject({ operation: 'PutParameter', skip: 0 }, FAULTS['answer lost on every retry']);
    expect((await cognito.handle('CREATE', next(poolId))).status).toBe('FAILED');
    cognito.proxy.clearFaults();
    expect(await poolState(poolId)).toEqual(before);
    expect((await cognito.handle('CREATE', next(poolId))).status).toBe('SUCCESS');
  }, 60_000);

  it('a custom attribute whose AddCustomAttributes answer was lost counts as added', async () => {
    const { poolId } = await managedPool();
    inject({ operation: 'AddCustomAttributes', skip: 0 }, FAULTS['answer lost once']);
    cognito.proxy.resetCounts();
    const event = await cognito.handle('UPDATE', {
      ...template(poolId),
      Schema: [{ Name: 'cost_center', AttributeDataType: 'String', Mutable: true }],
    });
    expect(event.status).toBe('SUCCESS');
    // The SDK sent it again, and Cognito answered that the attribute exists.
    expect(cognito.proxy.counts().AddCustomAttributes).toBe(2);
    const attributes = (await cognito.describe(poolId)).SchemaAttributes ?? [];
    expect(attributes.map((attribute) => attribute.Name)).toContain('custom:cost_center');
  }, 60_000);
});

describe('Org::Cognito::UserPoolClientSettings: a fault at every write of an UPDATE', () => {
  afterAll(endStoppedInvocations);
  const template = (poolId: string, clientId: string) => ({
    UserPoolId: poolId,
    ClientId: clientId,
    IdTokenValidity: 12,
  });
  const next = clientTarget;
  const WRITES = CLIENT_WRITES;

  async function managedClient() {
    const poolId = await cognito.createPool();
    const clientId = await cognito.createClient(poolId);
    expect((await cognito.handleClient('CREATE', template(poolId, clientId))).status).toBe('SUCCESS');
    return { poolId, clientId, before: await clientState(poolId, clientId) };
  }

  for (const write of WRITES) {
    for (const [fault, injected] of Object.entries(FAULTS) as [Fault, Omit<InjectedFault, 'operation'>][]) {
      it(`${label(write)} ${fault}: ${ENDS_AT_TARGET.has(fault) ? 'the target' : 'the client as it was'}`, async () => {
        const { poolId, clientId, before } = await managedClient();
        inject(write, injected);
        const event = await cognito.handleClient('UPDATE', next(poolId, clientId), template(poolId, clientId));
        cognito.proxy.clearFaults();
        if (ENDS_AT_TARGET.has(fault)) {
          expect(event.status).toBe('SUCCESS');
          expect(await clientState(poolId, clientId)).toMatchObject({
            IdTokenValidity: 20,
            AllowedOAuthFlows: ['code'],
          });
        } else {
          expect(event.status).toBe('FAILED');
          expect(await clientState(poolId, clientId)).toEqual(before);
        }
      }, 60_000);
    }

    it(`handler stopped after ${label(write)}: the retry reaches the target; the rollback the client as it was`, async () => {
      const { poolId, clientId, before } = await managedClient();
      inject(write, { effect: 'stopped', times: 1 });
      await stoppedDuring(() => cognito.handleClient('UPDATE', next(poolId, clientId), template(poolId, clientId)));
      const rollback = await cognito.runClient({
        action: 'UPDATE',
        properties: template(poolId, clientId),
        previousProperties: next(poolId, clientId),
        rollback: true,
      });
      expect({ status: rollback.status, message: rollback.message }).toEqual({ status: 'SUCCESS', message: '' });
      expect(await clientState(poolId, clientId)).toEqual(before);

      inject(write, { effect: 'stopped', times: 1 });
      await stoppedDuring(() => cognito.handleClient('UPDATE', next(poolId, clientId), template(poolId, clientId)));
      const retried = await cognito.handleClient('UPDATE', next(poolId, clientId), template(poolId, clientId));
      expect(retried.status).toBe('SUCCESS');
      expect(await clientState(poolId, clientId)).toMatchObject({ IdTokenValidity: 20, AllowedOAuthFlows: ['code'] });
    }, 60_000);
  }

  it('a stack rollback after a successful CREATE leaves the client as before; a lost claim answer retried succeeds', async () => {
    const poolId = await cognito.createPool();
    const clientId = await cognito.createClient(poolId);
    const before = await clientState(poolId, clientId);
    inject({ operation: 'PutParameter', skip: 0 }, FAULTS['answer lost once']);
    expect((await cognito.handleClient('CREATE', next(poolId, clientId))).status).toBe('SUCCESS');
    const rollback = await cognito.runClient({ action: 'DELETE', properties: next(poolId, clientId), rollback: true });
    expect({ status: rollback.status, message: rollback.message }).toEqual({ status: 'SUCCESS', message: '' });
    expect(await clientState(poolId, clientId)).toEqual(before);
  }, 60_000);
});

/** The fault matrix of a CREATE: a target, the resource's state, and how CloudFormation retries or rolls back. */
interface CreateScenario {
  /** Makes an unclaimed resource and returns its CREATE properties. */
  fresh(): Promise<Record<string, unknown>>;
  state(properties: Record<string, unknown>): Promise<unknown>;
  create(properties: Record<string, unknown>): Promise<ProgressEvent>;
  /** A CREATE rolled back: DELETE with `rollback: true`. */
  rollBack(properties: Record<string, unknown>): Promise<ProgressEvent>;
  read(properties: Record<string, unknown>): Promise<ProgressEvent>;
  /** Whether a state is the one the CREATE's target leaves. */
  targetState(state: unknown): boolean;
}

function createMatrix(typeName: string, writes: WriteAt[], scenario: CreateScenario): void {
  describe(`${typeName}: a fault at every write of a CREATE`, () => {
    afterAll(endStoppedInvocations);

    it('a changing CREATE makes exactly these writes (the matrix covers each)', async () => {
      const properties = await scenario.fresh();
      cognito.proxy.resetCounts();
      expect((await scenario.create(properties)).status).toBe('SUCCESS');
      expect(cognito.proxy.calls.filter((call) => !/^(Describe|Get)/.test(call))).toEqual(
        writes.map((write) => write.operation),
      );
    });

    for (const write of writes) {
      for (const [fault, injected] of Object.entries(FAULTS) as [Fault, Omit<InjectedFault, 'operation'>][]) {
        const end = ENDS_AT_TARGET.has(fault) ? 'the target' : 'as it was, and unclaimed';
        it(`${label(write)} ${fault}: ${end}`, async () => {
          const properties = await scenario.fresh();
          const before = await scenario.state(properties);
          inject(write, injected);
          const event = await scenario.create(properties);
          cognito.proxy.clearFaults();
          if (ENDS_AT_TARGET.has(fault)) {
            expect(event.status).toBe('SUCCESS');
            expect(scenario.targetState(await scenario.state(properties))).toBe(true);
          } else {
            expect(event.status).toBe('FAILED');
            expect(await scenario.state(properties)).toEqual(before);
            expect((await scenario.read(properties)).errorCode).toBe('NotFound');
          }
        }, 60_000);
      }

      it(`handler stopped after ${label(write)}: the retry reaches the target; the rollback (DELETE) leaves it as it was`, async () => {
        const properties = await scenario.fresh();
        const before = await scenario.state(properties);
        inject(write, { effect: 'stopped', times: 1 });
        await stoppedDuring(() => scenario.create(properties));
        const rollback = await scenario.rollBack(properties);
        expect({ status: rollback.status, message: rollback.message }).toEqual({ status: 'SUCCESS', message: '' });
        expect(await scenario.state(properties)).toEqual(before);
        expect((await scenario.read(properties)).errorCode).toBe('NotFound');

        const other = await scenario.fresh();
        inject(write, { effect: 'stopped', times: 1 });
        await stoppedDuring(() => scenario.create(other));
        expect((await scenario.create(other)).status).toBe('SUCCESS');
        expect(scenario.targetState(await scenario.state(other))).toBe(true);
      }, 60_000);
    }
  });
}

createMatrix('Org::Cognito::UserPoolSettings', POOL_WRITES, {
  fresh: async () => poolTarget(await cognito.createPool()),
  state: (properties) => poolState(String(properties.UserPoolId)),
  create: (properties) => cognito.handle('CREATE', properties),
  rollBack: (properties) => cognito.run({ action: 'DELETE', properties, rollback: true }),
  read: (properties) => cognito.handle('READ', { UserPoolId: properties.UserPoolId }),
  targetState: (state) => {
    const { pool, mfa } = state as { pool: Record<string, any>; mfa: Record<string, unknown> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    const target = poolTarget('');
    return (
      mfa.MfaConfiguration === 'ON' &&
      pool.Policies?.PasswordPolicy?.MinimumLength === 14 &&
      pool.LambdaConfig?.PreAuthentication === target.LambdaConfig.PreAuthentication &&
      pool.UserPoolTags?.team === 'identity' &&
      pool.UserPoolTags?.environment === 'staging'
    );
  },
});

createMatrix('Org::Cognito::UserPoolClientSettings', CLIENT_WRITES, {
  fresh: async () => {
    const poolId = await cognito.createPool();
    return clientTarget(poolId, await cognito.createClient(poolId));
  },
  state: (properties) => clientState(String(properties.UserPoolId), String(properties.ClientId)),
  create: (properties) => cognito.handleClient('CREATE', properties),
  rollBack: (properties) => cognito.runClient({ action: 'DELETE', properties, rollback: true }),
  read: ({ UserPoolId, ClientId }) => cognito.handleClient('READ', { UserPoolId, ClientId }),
  targetState: (state) => {
    const client = state as Record<string, unknown>;
    return client.IdTokenValidity === 20 && JSON.stringify(client.AllowedOAuthFlows) === '["code"]';
  },
});

function withoutId(state: Record<string, unknown>): unknown {
  const { Id: _id, Name: _name, Arn: _arn, CreationDate: _created, ...pool } = state.pool as Record<string, unknown>;
  const { UserPoolId: _pool, ...risk } = state.risk as Record<string, unknown>;
  return { ...state, pool, risk };
}
