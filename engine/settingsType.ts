import type { CallerCredentials } from './cognito/client';
import type { CognitoGateway } from './cognito/gateway';
import type { LeafChange } from './leafChanges';
import type { Write, WriteFailed } from './orderedWrites';
import type { PropertiesValidator } from './schemaValidation';

/** CREATE claims a resource with its ownership record; UPDATE keeps it. */
export type Ownership = 'claim' | 'keep';

/** Something a plan will not write, decided before any write: NotUpdatable when locked, else InvalidRequest. */
export interface Refusal {
  kind: 'locked' | 'invalid';
  message: string;
}

/** Where the lifecycle tells what it writes: the handler's log, delivered as telemetry. */
export interface OperationLog {
  log(message: string): void;
}

/** A resource's identifiers by their schema names, e.g. `{ UserPoolId, ClientId }`. */
export type Identifiers = Readonly<Record<string, string>>;

/** Who calls, and where: what a type needs to reach the resources it manages. */
export interface Caller {
  /** Cognito, for the caller's credentials and the request's region. */
  cognito: CognitoGateway;
  credentials: CallerCredentials;
  region: string;
  /** The resource the request is about, as CloudFormation names it (`<UserPoolId>|<ClientId>`). */
  identifier: string;
}

/** What a type reads before it plans or reports: the state, and the calls made. */
export interface Reading<State> {
  state: State;
  /** Claimed the way earlier versions claimed (a marker tag on the pool): managed, migrated to a record on its next write. */
  legacyClaim: boolean;
  /** The API calls the read made, in order: what `npm run plan` lists before the writes. */
  reads: readonly string[];
}

/** One write of a plan: the API it calls, and what it changes, for `npm run plan`. */
export interface PlannedWrite extends Write {
  /** The API the write calls (UpdateUserPool, TagResource, PutParameter, …). */
  operation: string;
  /** What the write changes, leaf by leaf; only `npm run plan` asks. */
  changes: () => LeafChange[];
}

/** What every plan has: what it refuses before any write. */
export interface SettingsPlan {
  refusals: readonly Refusal[];
}

/**
 * A settings type, as the engine runs it: each type supplies its schema, its identifiers,
 * how it reads, plans, writes and reports, how it lets go of a resource and how it lists.
 * The order of the steps, ownership checks, retries, undo and the answers to
 * CloudFormation are the engine's (`lifecycle.ts`, `runtime/settingsResource.ts`).
 */
export interface SettingsType<Declared extends object, State, Plan extends SettingsPlan, Connection> {
  typeName: string;
  /** The schema's primaryIdentifier properties, in order. */
  identifiers: readonly string[];
  /** The identifiers LIST requires (the schema's list handlerSchema), if any. */
  listedWithin: readonly string[];
  /** Every property a template may declare besides the identifiers. */
  declarable: readonly string[];
  /** Declarable properties that only assert what Cognito locks: declared alike by any number of resources, owned by none. */
  assertions: readonly string[];
  /** Settings a declaration in another mode replaces whole: each is one member, owned by one resource. */
  blocks: readonly string[];
  /** What the resources share, for messages: `pool`, `app client`. */
  scope: string;
  /** Checks raw properties (CloudFormation's strings) against schema.json. */
  findSchemaProblems: PropertiesValidator;
  /** What the type's reads and writes go through for one invocation. */
  connect: (caller: Caller) => Connection;
  /**
   * Reads what planning the declared settings needs, or (`reporting`, READ) what reporting
   * the resource's settings needs.
   */
  read: (connection: Connection, ids: Identifiers, declared: Declared, reporting?: boolean) => Promise<Reading<State>>;
  /**
   * The pure plan: the writes' requests and what they would leave, with the refusals.
   * `declared` is template-form; a restore also holds `null` for a member to remove, and
   * names the paths it puts back as they were (`restoredPaths`).
   */
  plan: (
    state: State,
    ids: Identifiers,
    declared: Declared,
    ownership: Ownership,
    restoredPaths?: readonly (readonly string[])[],
  ) => Plan;
  /** The writes that carry a plan out, in order; a legacy claim's marker is removed by one of them. */
  writes: (connection: Connection, ids: Identifiers, plan: Plan, state: State) => PlannedWrite[];
  /** The error a refused write answers with: Cognito's, with the setting it is about named. */
  explain: (failure: WriteFailed, plan: Plan, declared: Declared) => unknown;
  /** The settings a CREATE or UPDATE leaves: what READ reports next. */
  report: (plan: Plan) => Declared;
  /** The settings READ reports: what the undo record compares and restores, leaf by leaf. */
  current: (state: State) => Declared;
  /** DELETE of a legacy claim: removes the marker an earlier version wrote, every setting left as it is. */
  releaseLegacyClaim: (connection: Connection, ids: Identifiers, state: State, log: OperationLog) => Promise<void>;
  /** LIST: whether a resource whose record it found still exists. */
  exists: (connection: Connection, ids: Identifiers) => Promise<boolean>;
  /** LIST, after the records: one page of the resources earlier versions claimed with a marker tag. */
  legacyClaimsPage: (
    connection: Connection,
    within: Identifiers,
    nextToken: string | undefined,
  ) => Promise<{ found: Identifiers[]; nextToken?: string }>;
}

// The engine runs any settings type; what its parts are is each type's business.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySettingsType = SettingsType<any, any, any, any>;
