import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  checkSetLogDeliveryConfiguration,
  checkSetRiskConfiguration,
  checkSetUserPoolMfaConfig,
  checkTags,
  checkUpdateUserPool,
  checkUserPoolClient,
  clientFromRequest,
  type CognitoRefusal,
  type PoolFacts,
} from './cognitoRules';

/**
 * A fault at one operation, `times` times:
 * - `refused` (the default): the proxy answers `errorName` instead of forwarding; nothing is written;
 * - `answer-lost`: the write is applied, then the connection is dropped before the answer
 *   (the SDK sees a reset socket, and retries);
 * - `stopped`: the write is applied and no answer ever comes, as when Lambda stops the
 *   handler (timeout, crash) right after the write: the invocation never continues.
 */
export interface InjectedFault {
  operation: string;
  errorName?: string;
  times: number;
  /** Calls of the operation to let through first: `skip: 1` is the fault at its second call. */
  skip?: number;
  message?: string;
  effect?: 'refused' | 'answer-lost' | 'stopped';
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What the proxy keeps per pool for what cognito-local does not store. */
interface EmulatedPool {
  UserPoolTier: string;
  DeletionProtection?: string;
  UserAttributeUpdateSettings?: Json;
  /** The factor blocks of the last SetUserPoolMfaConfig: cognito-local knows only TOTP and SMS. */
  mfa?: Json;
  grandfathered: boolean;
  /** The members of the last SetRiskConfiguration for the pool; none set: Cognito's defaults. */
  risk: Json;
  /** Each app client's own risk configuration, by client id (none: the client inherits the pool's). */
  clientRisk: Map<string, Json>;
  /** The last SetLogDeliveryConfiguration's list. */
  logs: Json[];
}

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const SSM_TARGET_PREFIX = 'AmazonSSM.';

/**
 * AWS Systems Manager Parameter Store, as much of it as the app client type uses, with its
 * real semantics (SSM API reference): PutParameter without Overwrite fails with
 * ParameterAlreadyExists; GetParameter and DeleteParameter of a missing name with
 * ParameterNotFound; GetParametersByPath pages (MaxResults 1-10) with a NextToken.
 */
export class EmulatedParameterStore {
  readonly parameters = new Map<string, { Value: string; Type: string; Version: number; Description?: string }>();

  handle(operation: string, request: Json): { body: Json } | { error: string; message: string } {
    const name = String(request.Name ?? '');
    const existing = this.parameters.get(name);
    switch (operation) {
      case 'PutParameter': {
        if (existing && request.Overwrite !== true) {
          return {
            error: 'ParameterAlreadyExists',
            message:
              'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
          };
        }
        // Values up to 4 KB in Standard, 8 KB in Advanced; Intelligent-Tiering picks the tier
        // by size (SSM API reference, PutParameter: Tier, Value).
        const size = Buffer.byteLength(String(request.Value ?? ''));
        const tier = request.Tier === 'Advanced' || (request.Tier === 'Intelligent-Tiering' && size > 4096);
        if (size > (tier ? 8192 : 4096)) {
          return { error: 'ValidationException', message: `Parameter value of ${size} bytes exceeds the tier's limit` };
        }
        const version = (existing?.Version ?? 0) + 1;
        this.parameters.set(name, {
          Value: String(request.Value),
          Type: request.Type ?? 'String',
          Version: version,
          Description: request.Description,
        });
        return { body: { Version: version, Tier: tier ? 'Advanced' : 'Standard' } };
      }
      case 'GetParameter':
        if (!existing) return { error: 'ParameterNotFound', message: '' };
        return {
          body: { Parameter: { Name: name, Type: existing.Type, Value: existing.Value, Version: existing.Version } },
        };
      case 'DeleteParameter':
        if (!existing) return { error: 'ParameterNotFound', message: '' };
        this.parameters.delete(name);
        return { body: {} };
      case 'GetParametersByPath': {
        const max = Number(request.MaxResults ?? 10);
        if (!Number.isInteger(max) || max < 1 || max > 10) {
          return { error: 'ValidationException', message: 'MaxResults must be between 1 and 10' };
        }
        const path = String(request.Path ?? '').replace(/\/$/, '');
        const names = [...this.parameters.keys()]
          .filter(
            (candidate) =>
              candidate.startsWith(`${path}/`) &&
              (request.Recursive || !candidate.slice(path.length + 1).includes('/')),
          )
          .sort();
        let start = 0;
        if (request.NextToken !== undefined) {
          const match = /^at-(\d+)$/.exec(Buffer.from(String(request.NextToken), 'base64').toString());
          if (!match) return { error: 'InvalidNextToken', message: 'The specified token is not valid.' };
          start = Number(match[1]);
        }
        const page = names.slice(start, start + max).map((found) => {
          const parameter = this.parameters.get(found)!;
          return { Name: found, Type: parameter.Type, Value: parameter.Value, Version: parameter.Version };
        });
        const nextToken = start + max < names.length ? Buffer.from(`at-${start + max}`).toString('base64') : undefined;
        return { body: { Parameters: page, ...(nextToken ? { NextToken: nextToken } : {}) } };
      }
      default:
        return { error: 'InvalidAction', message: `${operation} is not emulated` };
    }
  }
}

/**
 * The request-rate categories of the operations the types call, as Cognito's "Quotas"
 * page groups them ("Amazon Cognito user pools API operation categories and request rate
 * quotas"); the rate of each category is shared by all its operations, per account and Region.
 */
export const QUOTA_CATEGORIES: Record<string, string> = {
  DescribeUserPool: 'UserPoolRead',
  ListUserPools: 'UserPoolRead',
  GetUserPoolMfaConfig: 'UserPoolRead',
  UpdateUserPool: 'UserPoolUpdate',
  SetUserPoolMfaConfig: 'UserPoolUpdate',
  AddCustomAttributes: 'UserPoolUpdate',
  TagResource: 'UserPoolUpdate',
  UntagResource: 'UserPoolUpdate',
  DescribeUserPoolClient: 'UserPoolClientRead',
  ListUserPoolClients: 'UserPoolClientRead',
  UpdateUserPoolClient: 'UserPoolClientUpdate',
};

/** A token bucket per category: `ratePerSecond` refilled continuously, up to `burst`. */
class RequestQuota {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number,
  ) {}

  /** Takes one request's token; false when the category is over its rate. */
  take(category: string, now = Date.now()): boolean {
    const bucket = this.buckets.get(category) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.ratePerSecond);
    bucket.at = now;
    this.buckets.set(category, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

/**
 * An HTTP proxy in front of cognito-local that makes it answer as real Cognito does
 * where this type depends on it, and that counts the calls per API operation and can
 * answer chosen calls with a Cognito error (retries, rollback, call counts).
 *
 * - It adds what cognito-local lacks: TagResource and UntagResource; the settings it does
 *   not store (UserPoolTier, kept when omitted; DeletionProtection and
 *   UserAttributeUpdateSettings, reset when omitted); email MFA, passkey settings and
 *   turning the SMS factor off in the MFA state.
 * - App clients: UpdateUserPoolClient resets every member it omits, as real Cognito does
 *   (cognito-local merges instead), and new clients get Cognito's defaults. The proxy keeps
 *   each client's settings; cognito-local keeps its id, secret and dates.
 * - Strict (the default): it refuses, with Cognito's exception name and message, the
 *   requests real Cognito refuses (cognitoRules.ts); cognito-local accepts anything.
 */
export class CognitoProxy {
  readonly calls: string[] = [];
  /**
   * The operations each handler action called, as its user agent names it
   * (`Org-Cognito-UserPoolSettings/… action/UPDATE`), keyed `Org-Cognito-UserPoolSettings UPDATE`:
   * what a handler's schema permissions must list.
   */
  readonly callsByAction = new Map<string, Set<string>>();
  /** Parameter Store, served on the same port (AWS_ENDPOINT_URL_SSM points here too). */
  readonly parameterStore = new EmulatedParameterStore();
  /** Every request body the handler sent, by operation, in order (for assertions on what a request carries). */
  readonly requests: { operation: string; body: Json }[] = [];
  /** Runs once after the proxy answers the next call of an operation: another writer acting between read and write. */
  private readonly afterHooks: { operation: string; run: (poolId: string) => Promise<void> }[] = [];
  private barrier?: { operation: string; count: number; waiting: (() => void)[] };
  /** Every request the rules refused, as `Operation: message`. */
  readonly refusals: string[] = [];
  strict = true;
  private readonly faults: InjectedFault[] = [];
  /** Answers held by `stopped` faults: their handlers never continue. */
  private readonly held: http.ServerResponse[] = [];
  private readonly stopListeners: (() => void)[] = [];
  /** Requests answered TooManyRequestsException because their category was over its rate, by operation. */
  readonly throttled: Record<string, number> = {};
  private quota?: RequestQuota;
  /** Values that something outside the pool broke: a request carrying one is refused. */
  private readonly broken: { value: string; refusal: CognitoRefusal }[] = [];
  private readonly pools = new Map<string, EmulatedPool>();
  /** App client settings as Cognito keeps them, by client id. */
  private readonly clients = new Map<string, Json>();
  private server?: http.Server;

  constructor(public target: string) {}

  async start(): Promise<string> {
    this.server = http.createServer((request, response) => this.handle(request, response));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Lets the handlers `stopped` faults held go on (their connection drops): for a test's cleanup. */
  releaseStopped(): void {
    for (const response of this.held.splice(0)) response.socket?.destroy();
  }

  async stop(): Promise<void> {
    this.releaseStopped();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Marks a pool as one that kept threat protection on LITE (grandfathered by Cognito). */
  grandfather(poolId: string): void {
    this.emulated(poolId).grandfathered = true;
  }

  /** Sets a pool's feature plan as if it had been created on it. */
  setTier(poolId: string, tier: 'LITE' | 'ESSENTIALS' | 'PLUS'): void {
    this.emulated(poolId).UserPoolTier = tier;
  }

  /** An app client as DescribeUserPoolClient answers through this proxy, secret included. */
  async describeClient(poolId: string, clientId: string): Promise<Json> {
    return this.describeClientEmulated(poolId, clientId);
  }

  /** The pool as a client of real Cognito would describe it through this proxy. */
  async describe(poolId: string): Promise<Json> {
    return this.describeEmulated(poolId);
  }

  /**
   * After the next answered `operation`, runs `run` before the handler sees the answer:
   * e.g. another tool's TagResource landing between the type's read and its write.
   */
  afterNext(operation: string, run: (poolId: string) => Promise<void>): void {
    this.afterHooks.push({ operation, run });
  }

  /**
   * Holds the next `count` Parameter Store calls of `operation` until all of them have
   * arrived, then answers them together: contenders that all read before any of them writes.
   */
  gather(operation: string, count: number): void {
    this.barrier = { operation, count, waiting: [] };
  }

  private async passBarrier(operation: string): Promise<void> {
    const barrier = this.barrier;
    if (!barrier || barrier.operation !== operation) return;
    await new Promise<void>((resolve) => {
      barrier.waiting.push(resolve);
      if (barrier.waiting.length < barrier.count) return;
      this.barrier = undefined;
      for (const release of barrier.waiting) release();
    });
  }

  /** Drops the `afterNext` hooks no answer ran (an operation refused before its read). */
  clearAfterHooks(): void {
    this.afterHooks.length = 0;
  }

  /** TagResource as another writer sends it, straight to the emulated pool. */
  async tagAsAnotherWriter(poolId: string, tags: Record<string, string>): Promise<void> {
    const answer = await this.emulate('TagResource', {
      ResourceArn: `arn:aws:cognito-idp:::userpool/${poolId}`,
      Tags: tags,
    });
    if (answer && 'refusal' in answer) throw new Error(answer.refusal.message);
  }

  /** The MFA state as GetUserPoolMfaConfig answers through this proxy. */
  async describeMfa(poolId: string): Promise<Json> {
    return this.mfaEmulated(poolId);
  }

  /** SetUserPoolMfaConfig as another writer (the console, a script) sends it, with Cognito's rules. */
  async setMfaAsAnotherWriter(request: Json): Promise<void> {
    await this.sendAsAnotherWriter('SetUserPoolMfaConfig', request);
  }

  /** Any emulated operation as another writer (the console, a script) sends it, with Cognito's rules; its answer. */
  async sendAsAnotherWriter(operation: string, request: Json): Promise<Json> {
    const answer = await this.emulate(operation, request);
    if (answer && 'refusal' in answer) throw new Error(answer.refusal.message);
    return answer?.body ?? {};
  }

  /** DescribeRiskConfiguration's answer through this proxy: the pool's, or an app client's. */
  async describeRisk(poolId: string, clientId?: string): Promise<Json> {
    const answer = await this.sendAsAnotherWriter('DescribeRiskConfiguration', {
      UserPoolId: poolId,
      ...(clientId ? { ClientId: clientId } : {}),
    });
    return answer.RiskConfiguration;
  }

  /** GetLogDeliveryConfiguration's list through this proxy. */
  async describeLogs(poolId: string): Promise<Json[]> {
    const answer = await this.sendAsAnotherWriter('GetLogDeliveryConfiguration', { UserPoolId: poolId });
    return answer.LogDeliveryConfiguration.LogConfigurations;
  }

  /**
   * Makes a value the pool or a client holds invalid, as a change elsewhere in the account
   * does (a deleted SES identity, Lambda function or identity provider, a changed role):
   * every UpdateUserPool or UpdateUserPoolClient that carries it is refused with `refusal`,
   * as Cognito validates the whole request it is sent.
   */
  breakValue(value: string, refusal: CognitoRefusal): void {
    this.broken.push({ value, refusal });
  }

  /**
   * Enforces a request rate per operation category, as Cognito does per account and
   * Region: over the rate, a call is answered TooManyRequestsException, exactly as
   * Cognito answers it, and nothing is written. Undefined turns it off.
   */
  enforceQuotas(quota?: { ratePerSecond: number; burst?: number }): void {
    this.quota = quota && new RequestQuota(quota.ratePerSecond, quota.burst ?? quota.ratePerSecond);
    for (const operation of Object.keys(this.throttled)) delete this.throttled[operation];
  }

  inject(fault: InjectedFault): void {
    this.faults.push({ ...fault });
  }

  private recordAction(request: http.IncomingMessage, permission: string): void {
    const agent = `${request.headers['user-agent'] ?? ''} ${request.headers['x-amz-user-agent'] ?? ''}`;
    const match = /(Org-Cognito-\w+)\/\S+.*?\baction\/(\w+)/.exec(agent);
    if (!match) return;
    const key = `${match[1]} ${match[2]}`;
    if (!this.callsByAction.has(key)) this.callsByAction.set(key, new Set());
    this.callsByAction.get(key)?.add(permission);
  }

  /** Resolves when a `stopped` fault has held its answer: the handler that sent it is stopped. */
  whenStopped(): Promise<'stopped'> {
    return new Promise((resolve) => this.stopListeners.push(() => resolve('stopped')));
  }

  /** The next matching fault, counted; a refusal is answered here, the other effects wrap the answer. */
  private takeFault(operation: string, response: http.ServerResponse): 'answered' | undefined {
    const fault = this.faults.find((candidate) => candidate.operation === operation && candidate.times > 0);
    if (!fault) return undefined;
    if (fault.skip) {
      fault.skip -= 1;
      return undefined;
    }
    fault.times -= 1;
    const effect = fault.effect ?? 'refused';
    if (effect === 'refused') {
      const errorName = fault.errorName ?? 'InternalErrorException';
      this.answerError(response, errorName, fault.message ?? `injected ${errorName}`);
      return 'answered';
    }
    // The write goes through; its answer, once there is one, never reaches the handler.
    response.writeHead = (() => response) as never;
    response.write = (() => true) as never;
    response.end = (() => {
      if (effect === 'answer-lost') response.socket?.destroy();
      else {
        this.held.push(response);
        const listeners = this.stopListeners.splice(0);
        for (const listener of listeners) listener();
      }
      return response;
    }) as never;
    return undefined;
  }

  clearFaults(): void {
    this.faults.length = 0;
    this.broken.length = 0;
  }

  /** Calls per operation since the last reset, e.g. { DescribeUserPool: 1 }. */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const call of this.calls) counts[call] = (counts[call] ?? 0) + 1;
    return counts;
  }

  resetCounts(): void {
    this.calls.length = 0;
    this.requests.length = 0;
  }

  /** The bodies of the requests of one operation since the last reset. */
  requestsOf(operation: string): Json[] {
    return this.requests.filter((request) => request.operation === operation).map((request) => request.body);
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const target = String(request.headers['x-amz-target'] ?? '');
      const operation = target.split('.').pop() ?? '';
      this.recordAction(
        request,
        target.startsWith(SSM_TARGET_PREFIX) ? `ssm:${operation}` : `cognito-idp:${operation}`,
      );
      // Parameter Store, which the app client type keeps its ownership in, on the same port.
      if (target.startsWith(SSM_TARGET_PREFIX)) {
        this.calls.push(operation);
        const parsed = body.length ? (JSON.parse(body.toString()) as Json) : {};
        this.requests.push({ operation, body: parsed });
        if (this.takeFault(operation, response)) return;
        void this.passBarrier(operation).then(() => {
          const answer = this.parameterStore.handle(operation, parsed);
          if ('error' in answer) return this.answerError(response, answer.error, answer.message);
          response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
          response.end(JSON.stringify(answer.body));
        });
        return;
      }
      this.calls.push(operation);
      const parsed = body.length ? (JSON.parse(body.toString()) as Json) : {};
      this.requests.push({ operation, body: parsed });
      const category = QUOTA_CATEGORIES[operation];
      if (this.quota && category && !this.quota.take(category)) {
        this.throttled[operation] = (this.throttled[operation] ?? 0) + 1;
        return this.answerError(response, 'TooManyRequestsException', 'Too many requests');
      }
      if (this.takeFault(operation, response)) return;
      this.emulate(operation, parsed).then(
        async (answer) => {
          const hook = this.afterHooks.findIndex((candidate) => candidate.operation === operation);
          if (hook >= 0) {
            const [{ run }] = this.afterHooks.splice(hook, 1);
            const poolId: string = parsed.UserPoolId ?? String(parsed.ResourceArn ?? '').split('userpool/')[1];
            if (answer === undefined) return this.forward(request, response, body, () => run(poolId));
            await run(poolId);
          }
          if (answer === undefined) return this.forward(request, response, body);
          if ('refusal' in answer) return this.answerError(response, answer.refusal.name, answer.refusal.message);
          response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
          response.end(JSON.stringify(answer.body));
        },
        (error: Error) =>
          // cognito-local's own answer (ResourceNotFoundException, …) passes through.
          this.answerError(
            response,
            error.name?.endsWith('Exception') ? error.name : 'InternalErrorException',
            error.message,
          ),
      );
    });
  }

  /** Answers an operation itself where cognito-local falls short; undefined forwards it unchanged. */
  private async emulate(
    operation: string,
    request: Json,
  ): Promise<{ body: Json } | { refusal: CognitoRefusal } | undefined> {
    const poolId: string = request.UserPoolId ?? String(request.ResourceArn ?? '').split('userpool/')[1];
    switch (operation) {
      case 'DescribeUserPool':
        return { body: { UserPool: await this.describeEmulated(poolId) } };
      case 'GetUserPoolMfaConfig':
        return { body: await this.mfaEmulated(poolId) };
      case 'UpdateUserPool': {
        const refusal =
          this.brokenValueIn(request) ?? (this.strict && checkUpdateUserPool(request, await this.facts(poolId)));
        if (refusal) return this.refuse(operation, refusal);
        const pool = this.emulated(poolId);
        if (request.UserPoolTier) pool.UserPoolTier = request.UserPoolTier;
        pool.DeletionProtection = request.DeletionProtection;
        pool.UserAttributeUpdateSettings = request.UserAttributeUpdateSettings;
        // Real Cognito keeps the tags and the MFA mode when the request omits them
        // (terraform-provider-aws sends UpdateUserPool without UserPoolTags; go-to-k/cdkd
        // measured the mode); cognito-local resets both. A mode it is sent, it sets.
        const current = await this.upstreamPool(poolId);
        const kept = {
          ...(request.UserPoolTags === undefined && current.UserPoolTags ? { UserPoolTags: current.UserPoolTags } : {}),
          ...(request.MfaConfiguration === undefined && current.MfaConfiguration
            ? { MfaConfiguration: current.MfaConfiguration }
            : {}),
        };
        return { body: await this.upstream(operation, { ...request, ...kept }) };
      }
      case 'SetUserPoolMfaConfig': {
        const refusal = this.strict && checkSetUserPoolMfaConfig(request, await this.facts(poolId));
        if (refusal) return this.refuse(operation, refusal);
        // SetUserPoolMfaConfig API reference: an omitted MfaConfiguration means OFF
        // (cognito-local keeps the mode instead).
        const answer = await this.upstream(operation, {
          ...request,
          MfaConfiguration: request.MfaConfiguration ?? 'OFF',
        });
        const { UserPoolId: _id, MfaConfiguration: _mode, ...factors } = request;
        this.emulated(poolId).mfa = factors;
        return { body: answer };
      }
      // cognito-local has no threat protection or log delivery APIs. Emulated as the API
      // references describe them: DescribeRiskConfiguration answers the members set (none
      // for a pool never configured, terraform-provider-aws risk_configuration_test.go), a
      // client's own configuration with its ClientId, else the pool's without one (the
      // client inherits it); SetRiskConfiguration and SetLogDeliveryConfiguration replace
      // the whole configuration, and ids alone reset it.
      case 'DescribeRiskConfiguration': {
        await this.upstreamPool(poolId);
        const emulated = this.emulated(poolId);
        if (request.ClientId) await this.describeClientEmulated(poolId, request.ClientId);
        const own = request.ClientId ? emulated.clientRisk.get(request.ClientId) : undefined;
        const configuration = own ? { ClientId: request.ClientId, ...own } : emulated.risk;
        return { body: { RiskConfiguration: { UserPoolId: poolId, ...configuration } } };
      }
      case 'SetRiskConfiguration': {
        const facts = await this.facts(poolId);
        if (request.ClientId) await this.describeClientEmulated(poolId, request.ClientId);
        const refusal = this.brokenValueIn(request) ?? (this.strict && checkSetRiskConfiguration(request, facts));
        if (refusal) return this.refuse(operation, refusal);
        const { UserPoolId: _id, ClientId: clientId, ...members } = request;
        const emulated = this.emulated(poolId);
        if (!clientId) emulated.risk = members;
        else if (Object.keys(members).length === 0) emulated.clientRisk.delete(clientId);
        else emulated.clientRisk.set(clientId, members);
        const configuration = clientId ? { ClientId: clientId, ...members } : members;
        return { body: { RiskConfiguration: { UserPoolId: poolId, ...configuration } } };
      }
      case 'GetLogDeliveryConfiguration': {
        await this.upstreamPool(poolId);
        const LogConfigurations = this.emulated(poolId).logs;
        return { body: { LogDeliveryConfiguration: { UserPoolId: poolId, LogConfigurations } } };
      }
      case 'SetLogDeliveryConfiguration': {
        const refusal =
          this.brokenValueIn(request) ??
          (this.strict && checkSetLogDeliveryConfiguration(request, await this.facts(poolId)));
        if (refusal) return this.refuse(operation, refusal);
        this.emulated(poolId).logs = request.LogConfigurations ?? [];
        const LogConfigurations = this.emulated(poolId).logs;
        return { body: { LogDeliveryConfiguration: { UserPoolId: poolId, LogConfigurations } } };
      }
      case 'CreateUserPoolClient': {
        const hasSecret = request.GenerateSecret === true || Boolean(request.ClientSecret);
        const tier = (await this.describeEmulated(poolId)).UserPoolTier;
        const refusal = this.strict && checkUserPoolClient(request, { hasSecret, tier });
        if (refusal) return this.refuse(operation, refusal);
        const created = (await this.upstream(operation, request)).UserPoolClient as Json;
        this.clients.set(created.ClientId, clientFromRequest(request));
        return { body: { UserPoolClient: await this.describeClientEmulated(poolId, created.ClientId) } };
      }
      case 'DescribeUserPoolClient':
        return { body: { UserPoolClient: await this.describeClientEmulated(poolId, request.ClientId) } };
      case 'UpdateUserPoolClient': {
        const existing = await this.describeClientEmulated(poolId, request.ClientId);
        const tier = (await this.describeEmulated(poolId)).UserPoolTier;
        const refusal =
          this.brokenValueIn(request) ??
          (this.strict && checkUserPoolClient(request, { hasSecret: Boolean(existing.ClientSecret), tier }));
        if (refusal) return this.refuse(operation, refusal);
        // Omitted members reset; the name is kept (cognito-local requires one).
        this.clients.set(request.ClientId, { ClientName: existing.ClientName, ...clientFromRequest(request) });
        return { body: { UserPoolClient: await this.describeClientEmulated(poolId, request.ClientId) } };
      }
      case 'DeleteUserPoolClient': {
        const answer = await this.upstream(operation, request);
        this.clients.delete(request.ClientId);
        this.emulated(poolId).clientRisk.delete(request.ClientId);
        return { body: answer };
      }
      case 'ListUserPools':
      case 'ListUserPoolClients': {
        // Cognito pages these lists (MaxResults 1-60, an opaque NextToken); cognito-local
        // answers everything at once.
        const { UserPoolId: _id, MaxResults: _max, NextToken: _token, ...rest } = request;
        const all = await this.upstream(operation, { ...rest, ...(request.UserPoolId ? { UserPoolId: poolId } : {}) });
        const member = operation === 'ListUserPools' ? 'UserPools' : 'UserPoolClients';
        const page = pageOf(all[member] ?? [], request.MaxResults, request.NextToken);
        if ('refusal' in page) return this.refuse(operation, page.refusal);
        return { body: { [member]: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) } };
      }
      case 'AddCustomAttributes': {
        // An attribute is added once: Cognito refuses a name the pool already has with
        // InvalidParameterException (the API reference's AddCustomAttributes errors);
        // cognito-local adds it again.
        const described = await this.upstreamPool(poolId);
        const existing = new Set((described.SchemaAttributes ?? []).map((attribute: Json) => attribute.Name));
        const again = (request.CustomAttributes ?? []).find((attribute: Json) =>
          existing.has(`custom:${String(attribute.Name).replace(/^custom:/, '')}`),
        );
        if (again) {
          return this.refuse(operation, {
            name: 'InvalidParameterException',
            message: `Existing attribute already has name custom:${String(again.Name).replace(/^custom:/, '')}.`,
          });
        }
        return undefined;
      }
      case 'TagResource':
      case 'UntagResource': {
        const described = await this.upstreamPool(poolId);
        const tags: Record<string, string> = { ...described.UserPoolTags };
        if (operation === 'TagResource') Object.assign(tags, request.Tags);
        else for (const key of request.TagKeys ?? []) delete tags[key];
        const refusal = this.strict && operation === 'TagResource' && checkTags(tags);
        if (refusal) return this.refuse(operation, refusal);
        // cognito-local has no tag API: write the tags back with every setting it keeps.
        const { Id: _id, ...settings } = described;
        await this.upstream('UpdateUserPool', { ...settings, UserPoolId: poolId, UserPoolTags: tags });
        return { body: {} };
      }
      default:
        return undefined;
    }
  }

  private brokenValueIn(request: Json): CognitoRefusal | undefined {
    const sent = JSON.stringify(request);
    return this.broken.find(({ value }) => sent.includes(JSON.stringify(value)))?.refusal;
  }

  private refuse(operation: string, refusal: CognitoRefusal): { refusal: CognitoRefusal } {
    this.refusals.push(`${operation}: ${refusal.message}`);
    return { refusal };
  }

  private emulated(poolId: string): EmulatedPool {
    let pool = this.pools.get(poolId);
    if (!pool) {
      // New pools are on ESSENTIALS; DeletionProtection defaults to INACTIVE.
      pool = { UserPoolTier: 'ESSENTIALS', grandfathered: false, risk: {}, clientRisk: new Map(), logs: [] };
      this.pools.set(poolId, pool);
    }
    return pool;
  }

  private async facts(poolId: string): Promise<PoolFacts> {
    return {
      pool: await this.describeEmulated(poolId),
      mfa: await this.mfaEmulated(poolId),
      grandfathered: this.emulated(poolId).grandfathered,
    };
  }

  private async describeEmulated(poolId: string): Promise<Json> {
    const pool = await this.upstreamPool(poolId);
    const emulated = this.emulated(poolId);
    // Cognito keeps reporting the legacy UnusedAccountValidityDays as the policy's
    // TemporaryPasswordValidityDays (real describe outputs show both, equal); cognito-local
    // forgets it after any UpdateUserPool.
    const lifetime = pool.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays;
    const adminCreateUserConfig =
      lifetime === undefined
        ? pool.AdminCreateUserConfig
        : { ...pool.AdminCreateUserConfig, UnusedAccountValidityDays: lifetime };
    return {
      ...pool,
      ...(adminCreateUserConfig ? { AdminCreateUserConfig: adminCreateUserConfig } : {}),
      UserPoolTier: emulated.UserPoolTier,
      DeletionProtection: emulated.DeletionProtection ?? 'INACTIVE',
      ...(emulated.UserAttributeUpdateSettings
        ? { UserAttributeUpdateSettings: emulated.UserAttributeUpdateSettings }
        : {}),
    };
  }

  private async describeClientEmulated(poolId: string, clientId: string): Promise<Json> {
    // cognito-local answers ResourceNotFoundException for a client that is not there.
    const upstream = (await this.upstream('DescribeUserPoolClient', { UserPoolId: poolId, ClientId: clientId }))
      .UserPoolClient as Json;
    const emulated = this.clients.get(clientId);
    if (!emulated) return upstream;
    const { UserPoolId, ClientId, ClientName, ClientSecret, CreationDate, LastModifiedDate } = upstream;
    return {
      UserPoolId,
      ClientId,
      ClientName,
      ...(ClientSecret ? { ClientSecret } : {}),
      CreationDate,
      LastModifiedDate,
      ...emulated,
    };
  }

  private async mfaEmulated(poolId: string): Promise<Json> {
    const answer = await this.upstream('GetUserPoolMfaConfig', { UserPoolId: poolId });
    const factors = this.emulated(poolId).mfa;
    const mode = answer.MfaConfiguration ?? 'OFF';
    // MFA OFF carries no factors in Cognito (SetUserPoolMfaConfig refuses them next to
    // OFF), however it got there; passkey settings stay, they serve sign-in too.
    // cognito-local reports the pool's SMS settings as an SMS factor regardless.
    if (mode === 'OFF') {
      return {
        MfaConfiguration: 'OFF',
        SoftwareTokenMfaConfiguration: { Enabled: false },
        ...(factors?.WebAuthnConfiguration ? { WebAuthnConfiguration: factors.WebAuthnConfiguration } : {}),
      };
    }
    if (!factors) return answer;
    // Once set, the MFA state is what the last SetUserPoolMfaConfig said, as in Cognito; the
    // SMS factor reports the pool's own message and SMS configuration (SmsMfaConfigType),
    // as they are now.
    const pool = await this.upstreamPool(poolId);
    const sms = factors.SmsMfaConfiguration && {
      ...factors.SmsMfaConfiguration,
      ...(pool.SmsAuthenticationMessage ? { SmsAuthenticationMessage: pool.SmsAuthenticationMessage } : {}),
      ...(pool.SmsConfiguration ? { SmsConfiguration: pool.SmsConfiguration } : {}),
    };
    return { MfaConfiguration: mode, ...factors, ...(sms ? { SmsMfaConfiguration: sms } : {}) };
  }

  private async upstreamPool(poolId: string): Promise<Json> {
    return ((await this.upstream('DescribeUserPool', { UserPoolId: poolId })).UserPool ?? {}) as Json;
  }

  private async upstream(operation: string, body: Json): Promise<Json> {
    const answer = await fetch(this.target, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${TARGET_PREFIX}${operation}` },
      body: JSON.stringify(body),
    });
    const parsed = (await answer.json()) as Json;
    if (!answer.ok) throw Object.assign(new Error(parsed.message ?? operation), { name: parsed.__type });
    return parsed;
  }

  private answerError(response: http.ServerResponse, errorName: string, message: string): void {
    const status = errorName.startsWith('Internal') ? 500 : 400;
    response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': errorName });
    response.end(JSON.stringify({ __type: errorName, message }));
  }

  private forward(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    body: Buffer,
    beforeAnswer?: () => Promise<void>,
  ): void {
    const forward = http.request(
      new URL(request.url ?? '/', this.target),
      { method: request.method, headers: { ...request.headers, host: new URL(this.target).host } },
      (upstream) => {
        const answer = () => {
          response.writeHead(upstream.statusCode ?? 502, upstream.headers);
          upstream.pipe(response);
        };
        if (beforeAnswer) beforeAnswer().then(answer, answer);
        else answer();
      },
    );
    forward.on('error', (error) => {
      response.writeHead(502);
      response.end(String(error));
    });
    forward.end(body);
  }
}

/** One page of a Cognito list, with Cognito's rules for MaxResults and NextToken. */
function pageOf(
  items: Json[],
  maxResults: unknown,
  nextToken: unknown,
): { items: Json[]; nextToken?: string } | { refusal: CognitoRefusal } {
  const max = Number(maxResults);
  if (!Number.isInteger(max) || max < 1 || max > 60) {
    return { refusal: { name: 'InvalidParameterException', message: 'MaxResults must be between 1 and 60' } };
  }
  let start = 0;
  if (nextToken !== undefined) {
    const match = /^page-(\d+)$/.exec(Buffer.from(String(nextToken), 'base64').toString());
    if (!match) return { refusal: { name: 'InvalidParameterException', message: 'Invalid pagination token' } };
    start = Number(match[1]);
  }
  const end = start + max;
  return {
    items: items.slice(start, end),
    nextToken: end < items.length ? Buffer.from(`page-${end}`).toString('base64') : undefined,
  };
}
