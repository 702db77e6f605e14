import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';

/**
 * The pool tags this repository's types write or once wrote: the value every marker has,
 * and the app client markers of earlier versions of Org::Cognito::UserPoolClientSettings,
 * a tag on the client's pool keyed by its id (current versions keep a Parameter Store
 * parameter instead). The pool type hides them from what it reports; the app client type
 * still recognises them.
 */
export const MARKER_TAG_VALUE = 'true';
export const CLIENT_MARKER_TAG_PREFIX = 'org-cognito-userpoolclientsettings:';

export function clientMarkerTagKey(clientId: string): string {
  return `${CLIENT_MARKER_TAG_PREFIX}${clientId}`;
}

/** Whether the pool carries an earlier version's marker for the app client. */
export function hasClientMarkerTag(pool: UserPoolType, clientId: string): boolean {
  return pool.UserPoolTags?.[clientMarkerTagKey(clientId)] === MARKER_TAG_VALUE;
}

/** The app clients an earlier version marked on the pool. */
export function clientsMarkedOn(pool: UserPoolType): string[] {
  return Object.keys(pool.UserPoolTags ?? {})
    .filter((key) => key.startsWith(CLIENT_MARKER_TAG_PREFIX))
    .map((key) => key.slice(CLIENT_MARKER_TAG_PREFIX.length));
}
