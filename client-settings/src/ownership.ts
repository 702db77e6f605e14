import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { MARKER_TAG_VALUE, markerTagKey, markerTagPrefix } from '../../engine/markerTags';
import { ResourceModel } from './models';

/**
 * Who manages an app client: its ownership record (the engine's), the Parameter Store
 * parameter `/org-cognito-userpoolclientsettings/<UserPoolId>/<ClientId>` (app clients take
 * no tags, and a pool takes at most 50). Clients claimed by earlier versions carry a tag on
 * their pool instead; they are still recognised, and their next write moves the claim to
 * the record.
 */

/**
 * How earlier versions claimed a client: a tag on its pool keyed by the client's id,
 * `org-cognito-userpoolclientsettings:<ClientId>`.
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
