import { exceptions } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import {
  ADVANCED_VALUE_LIMIT,
  decodeRecord,
  encodeRecord,
  type OwnershipRecord,
  type SiblingRecord,
} from './ownershipRecord';
import type { Identifiers } from './settingsType';

/** Parameter Store as the ownership records need it (engine/ssm/parameterStore.ts, or a test's map). */
export interface ParameterAccess {
  get(name: string): Promise<string | undefined>;
  /** Creates the parameter without overwrite, atomically; false when it already exists. */
  create(name: string, value: string, description: string): Promise<boolean>;
  /** Writes the parameter, overwriting it. */
  put(name: string, value: string, description: string): Promise<void>;
  /** Deletes it; false when there was none. */
  delete(name: string): Promise<boolean>;
  /** One page of the names under a path: its children, or (recursive) every descendant. */
  listPage(path: string, nextToken?: string, recursive?: boolean): Promise<{ names: string[]; nextToken?: string }>;
  /** Every child of a path with its value (all pages). */
  children(path: string): Promise<{ name: string; value: string }[]>;
}

/** The identifier that lets several resources share one pool (or app client); `default` when omitted. */
export const SETTINGS_NAME = 'SettingsName';
export const DEFAULT_SETTINGS_NAME = 'default';

/** Whether identifiers name the `default` resource of their pool (or app client). */
export function isDefaultSettings(ids: Identifiers): boolean {
  return (ids[SETTINGS_NAME] ?? DEFAULT_SETTINGS_NAME) === DEFAULT_SETTINGS_NAME;
}

/** Who an invocation acts for: the stack and logical resource CloudFormation names. */
export interface Claimant {
  stackId?: string;
  logicalResourceId?: string;
}

/** The parameter tree of a type: `/org-cognito-userpoolsettings`, from `Org::Cognito::UserPoolSettings`. */
export function recordRoot(typeName: string): string {
  return `/${typeName.toLowerCase().replace(/::/g, '-')}`;
}

/**
 * The ownership records of one type's resources, one parameter each, named by the
 * resource's identifiers: `/org-cognito-userpoolsettings/<UserPoolId>`,
 * `/org-cognito-userpoolclientsettings/<UserPoolId>/<ClientId>` for the `default` settings
 * name (where records were before resources could share a pool), and
 * `…/<UserPoolId>/<SettingsName>`, `…/<UserPoolId>/<ClientId>/<SettingsName>` for others.
 */
export class OwnershipRecords {
  constructor(
    private readonly parameters: ParameterAccess,
    private readonly typeName: string,
  ) {}

  nameOf(ids: Identifiers): string {
    const settingsName = ids[SETTINGS_NAME] ?? DEFAULT_SETTINGS_NAME;
    const scope = this.scopeOf(ids);
    return settingsName === DEFAULT_SETTINGS_NAME ? scope : `${scope}/${settingsName}`;
  }

  /**
   * The records of the other resources on the same pool (or app client): the default one
   * (GetParameter) unless it is this one, and the named ones (GetParametersByPath).
   */
  async siblings(ids: Identifiers): Promise<SiblingRecord[]> {
    const own = ids[SETTINGS_NAME] ?? DEFAULT_SETTINGS_NAME;
    const scope = this.scopeOf(ids);
    const [defaultValue, named] = await Promise.all([
      own === DEFAULT_SETTINGS_NAME ? undefined : this.parameters.get(scope),
      this.parameters.children(scope),
    ]);
    const siblings: SiblingRecord[] = named
      .map(({ name, value }) => ({
        settingsName: name.slice(scope.length + 1),
        record: decodeRecord(value, this.typeName),
      }))
      .filter((sibling) => sibling.settingsName !== own);
    if (defaultValue !== undefined) {
      siblings.unshift({ settingsName: DEFAULT_SETTINGS_NAME, record: decodeRecord(defaultValue, this.typeName) });
    }
    return siblings;
  }

  /** The parameter of the `default` resource: the identifiers without the settings name. */
  private scopeOf(ids: Identifiers): string {
    const scope = Object.entries(ids)
      .filter(([name]) => name !== SETTINGS_NAME)
      .map(([, value]) => value);
    return `${recordRoot(this.typeName)}/${scope.join('/')}`;
  }

  /** The record, or undefined when the resource is not claimed (one GetParameter). */
  async read(ids: Identifiers): Promise<OwnershipRecord | undefined> {
    const value = await this.parameters.get(this.nameOf(ids));
    return value === undefined ? undefined : decodeRecord(value, this.typeName);
  }

  /**
   * Claims the resource with its first record, atomically (PutParameter without overwrite):
   * of two concurrent CREATEs exactly one wins. A claim whose answer was lost and was sent
   * again finds its own record (same nonce) and counts as done; any other owner's is AlreadyExists.
   */
  async claim(ids: Identifiers, record: OwnershipRecord): Promise<void> {
    if (await this.parameters.create(this.nameOf(ids), this.encoded(ids, record), describe(ids, record))) return;
    const existing = await this.read(ids);
    const nonce = record.operation?.nonce;
    if (nonce !== undefined && existing?.operation?.nonce === nonce) return;
    throw this.alreadyManaged(ids, existing);
  }

  /** Writes the record over the previous one. */
  async write(ids: Identifiers, record: OwnershipRecord): Promise<void> {
    await this.parameters.put(this.nameOf(ids), this.encoded(ids, record), describe(ids, record));
  }

  /** Removes the record; false when there was none. */
  release(ids: Identifiers): Promise<boolean> {
    return this.parameters.delete(this.nameOf(ids));
  }

  /**
   * Undoes a claim: removes the record only while it is the one this invocation wrote, so a
   * claim that lost the race (or whose answer was lost) never removes the winner's.
   */
  async releaseOwnClaim(ids: Identifiers, nonce: string): Promise<void> {
    const existing = await this.read(ids);
    if (existing?.operation?.nonce === nonce) await this.release(ids);
  }

  /**
   * One page (at most 10) of the claimed resources within the given identifiers: each as its
   * identifiers' values, the settings name last when it is not `default`.
   */
  async page(within: Identifiers, nextToken?: string): Promise<{ found: string[][]; nextToken?: string }> {
    const path = [recordRoot(this.typeName), ...Object.values(within)].join('/');
    const page = await this.parameters.listPage(path, nextToken, true);
    return {
      found: page.names.map((name) => name.slice(recordRoot(this.typeName).length + 1).split('/')),
      nextToken: page.nextToken,
    };
  }

  /** AlreadyExists, naming who manages the resource when the record says. */
  alreadyManaged(ids: Identifiers, record: OwnershipRecord | undefined): Error {
    const error = new exceptions.AlreadyExists(this.typeName, Object.values(ids).join('|'));
    const settingsName = ids[SETTINGS_NAME];
    const who = record?.stackId
      ? ` by ${record.logicalResourceId ?? 'a resource'} in stack ${record.stackId}`
      : record
        ? ''
        : ' by an earlier version of this type (a marker tag on its pool)';
    const another = settingsName
      ? ` Another SettingsName than ${settingsName} lets a second resource manage other members of it.`
      : '';
    error.message = `${error.message} It is managed${who} (parameter ${this.nameOf(ids)}).${another}`;
    return error;
  }

  private encoded(ids: Identifiers, record: OwnershipRecord): string {
    const value = encodeRecord(record);
    if (value.length > ADVANCED_VALUE_LIMIT) {
      throw new exceptions.InvalidRequest(
        `The undo record of this operation on ${Object.values(ids).join('|')} is ${value.length} bytes compressed, over Parameter Store's ${ADVANCED_VALUE_LIMIT}-byte limit: apply the change in two smaller updates (for example the message templates on their own). Nothing was written.`,
      );
    }
    return value;
  }
}

function describe(ids: Identifiers, record: OwnershipRecord): string {
  const where = record.stackId ? ` by ${record.logicalResourceId ?? 'a resource'} in ${record.stackId}` : '';
  return `${record.type} ${Object.values(ids).join('|')} is managed${where}.`.slice(0, 1024);
}
