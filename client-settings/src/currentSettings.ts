import type { DescribedRisk } from '../../engine/cognito/riskConfiguration';
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
 *
 * `RiskConfiguration` is reported where it was read, when the client has one of its own.
 */
export function settingsOfUserPoolClient(
  { client, hasSecret }: DescribedClient,
  risk?: DescribedRisk,
): DeclaredSettings {
  const { UserPoolId: _pool, ClientId: _client, ...settings } = buildUpdateUserPoolClientRequest('', '', client);
  // Only a configuration of the client's own: an inherited one is the pool's.
  const own = risk?.own ? { RiskConfiguration: risk.settings } : {};
  return { ...settings, GenerateSecret: hasSecret, ...own };
}
