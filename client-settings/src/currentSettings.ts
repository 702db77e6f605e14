import type { DescribedClient } from './plan';
import { buildUpdateUserPoolClientRequest } from './updateRequest';
import type { DeclaredSettings } from './fields';

/**
 * The client's current settings under the property names a template uses: what READ
 * reports (and drift detection compares), and the model a write returns. A function of
 * the client alone, in the form UpdateUserPoolClient takes it: the request that would
 * leave the client as it is, without its identifiers.
 *
 * `GenerateSecret` is reported as whether the client has a secret. The secret itself
 * is dropped by the gateway as soon as Cognito returns it: no model, log line or
 * progress event can carry it.
 */
export function settingsOfUserPoolClient({ client, hasSecret }: DescribedClient): DeclaredSettings {
  const { UserPoolId: _pool, ClientId: _client, ...settings } = buildUpdateUserPoolClientRequest('', '', client);
  return { ...settings, GenerateSecret: hasSecret };
}
