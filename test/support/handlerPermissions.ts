import poolSchema from '../../schema.json';
import clientSchema from '../../client-settings/schema.json';

type Schema = { handlers: Record<string, { permissions: string[] }> };

/** Each type's schema by the name its user agent carries (`Org-Cognito-UserPoolSettings`). */
const SCHEMAS: Record<string, Schema> = {
  'Org-Cognito-UserPoolSettings': poolSchema as Schema,
  'Org-Cognito-UserPoolClientSettings': clientSchema as Schema,
};

/**
 * The permissions a handler action must list but its schema does not: every call it made
 * (the proxy records them by the user agent, `… action/UPDATE`). In an account whose
 * execution role grants only what each handler lists, such a call is AccessDenied.
 */
export function unlistedCalls(callsByAction: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const unlisted: string[] = [];
  for (const [key, calls] of callsByAction) {
    const [type, action] = key.split(' ');
    const listed = new Set(SCHEMAS[type]?.handlers[action.toLowerCase()]?.permissions ?? []);
    for (const call of calls) if (!listed.has(call)) unlisted.push(`${type} ${action} called ${call}`);
  }
  return unlisted.sort();
}

/** A handler's listed permissions, as the schema says. */
export function listedPermissions(type: string, action: string): string[] {
  return [...(SCHEMAS[type]?.handlers[action.toLowerCase()]?.permissions ?? [])].sort();
}
