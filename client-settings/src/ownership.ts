import { exceptions } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { clientIdentifier, type CognitoGateway } from '../../engine/cognito/gateway';
import { MARKER_TAG_VALUE, markerTagKey, markerTagPrefix } from '../../engine/markerTags';
import type { ParameterStore } from '../../engine/ssm/parameterStore';
import { ResourceModel } from './models';

/**
 * Who manages an app client. App clients take no tags, and a pool takes at most 50, so a
 * managed client is marked by one standard Parameter Store parameter of its own,
 * `/org-cognito-userpoolclientsettings/<UserPoolId>/<ClientId>`, whose value names the
 * stack and logical resource that manage it. Clients claimed by earlier versions carry a
 * tag on their pool instead; they are still recognised, and their next UPDATE moves the
 * claim to the parameter.
 */
export const PARAMETER_ROOT = '/org-cognito-userpoolclientsettings';

export function parameterPath(userPoolId: string): string {
  return `${PARAMETER_ROOT}/${userPoolId}/`;
}

export function parameterName(userPoolId: string, clientId: string): string {
  return `${parameterPath(userPoolId)}${clientId}`;
}

/**
 * How earlier versions claimed a client: a tag on its pool keyed by the client's id,
 * `org-cognito-userpoolclientsettings:<ClientId>`. Still recognised; the next UPDATE moves
 * the claim to the parameter.
 */
export function clientMarkerTagKey(clientId: string): string {
  return markerTagKey(ResourceModel.TYPE_NAME, clientId);
}

/** Whether the pool carries an earlier version's marker for the app client. */
export function hasClientMarkerTag(pool: UserPoolType, clientId: string): boolean {
  return pool.UserPoolTags?.[clientMarkerTagKey(clientId)] === MARKER_TAG_VALUE;
}

/** The app clients an earlier version marked on the pool. */
export function clientsMarkedOn(pool: UserPoolType): string[] {
  const prefix = markerTagPrefix(ResourceModel.TYPE_NAME);
  return Object.keys(pool.UserPoolTags ?? {})
    .filter((key) => key.startsWith(prefix))
    .map((key) => key.slice(prefix.length));
}

/** What the parameter says: who manages the client. */
export interface Owner {
  stackId?: string;
  logicalResourceId?: string;
}

/** How a client is claimed now: by its parameter, by an earlier version's pool tag, or not at all. */
export type ClaimKind = 'parameter' | 'legacy-tag' | undefined;

export class OwnershipParameters {
  constructor(
    private readonly parameters: ParameterStore,
    private readonly cognito: CognitoGateway,
    private readonly owner: Owner,
  ) {}

  /** The parameter's value, when there is one (one GetParameter). */
  async parameterOf(userPoolId: string, clientId: string): Promise<string | undefined> {
    return this.parameters.get(parameterName(userPoolId, clientId));
  }

  /** How the client is claimed, from its parameter and, for earlier versions, the pool's tags. */
  claimOf(parameter: string | undefined, pool: UserPoolType | undefined, clientId: string): ClaimKind {
    if (parameter !== undefined) return 'parameter';
    return pool && hasClientMarkerTag(pool, clientId) ? 'legacy-tag' : undefined;
  }

  /**
   * Claims the client, atomically: a PutParameter without overwrite, so of two concurrent
   * CREATEs exactly one wins. The loser gets AlreadyExists naming the winner.
   */
  async claim(userPoolId: string, clientId: string): Promise<void> {
    const name = parameterName(userPoolId, clientId);
    const value = JSON.stringify({ type: ResourceModel.TYPE_NAME, ...this.owner });
    const where = this.owner.stackId
      ? ` by ${this.owner.logicalResourceId ?? 'a resource'} in ${this.owner.stackId}`
      : '';
    const created = await this.parameters.create(name, value, `App client ${clientId} is managed${where}.`);
    if (!created) throw alreadyManaged(userPoolId, clientId, await this.parameterOf(userPoolId, clientId));
  }

  /** Removes the parameter; false when there was none. */
  release(userPoolId: string, clientId: string): Promise<boolean> {
    return this.parameters.delete(parameterName(userPoolId, clientId));
  }

  /** Removes an earlier version's pool tag. */
  async releaseLegacyTag(pool: UserPoolType, clientId: string): Promise<void> {
    await this.cognito.untagResource(pool, [clientMarkerTagKey(clientId)]);
  }

  /** One page of the client ids that have a parameter under the pool's path. */
  async claimedPage(userPoolId: string, nextToken?: string): Promise<{ clientIds: string[]; nextToken?: string }> {
    const path = parameterPath(userPoolId);
    const page = await this.parameters.listPage(path.replace(/\/$/, ''), nextToken);
    return { clientIds: page.names.map((name) => name.slice(path.length)), nextToken: page.nextToken };
  }
}

/** AlreadyExists, naming the stack that manages the client when the parameter says. */
export function alreadyManaged(userPoolId: string, clientId: string, parameter: string | undefined): Error {
  const identifier = clientIdentifier(userPoolId, clientId);
  const owner = parseOwner(parameter);
  const who = owner?.stackId
    ? ` by ${owner.logicalResourceId ?? 'a resource'} in stack ${owner.stackId}`
    : parameter === undefined
      ? ' by an earlier version of this type (a tag on its pool)'
      : '';
  const error = new exceptions.AlreadyExists(ResourceModel.TYPE_NAME, identifier);
  error.message = `${error.message} It is managed${who} (parameter ${parameterName(userPoolId, clientId)}).`;
  return error;
}

function parseOwner(parameter: string | undefined): Owner | undefined {
  if (parameter === undefined) return undefined;
  try {
    return JSON.parse(parameter) as Owner;
  } catch {
    return undefined;
  }
}
