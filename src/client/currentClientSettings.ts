import { pruneEmpty } from '../shared/merge';
import type { DescribedClient } from './clientPlan';
import { sendableClientSetting } from './clientRequest';
import { MERGEABLE_CLIENT_FIELDS, type DeclaredClientSettings } from './fields';

/**
 * The client's current settings under the property names a template uses: what READ
 * reports (and drift detection compares), and the model a write returns. A function of
 * the client alone, in the form UpdateUserPoolClient takes it.
 *
 * `GenerateSecret` is reported as whether the client has a secret. The secret itself
 * is dropped by the gateway as soon as Cognito returns it: no model, log line or
 * progress event can carry it.
 */
export function currentClientSettings({ client, hasSecret }: DescribedClient): DeclaredClientSettings {
  const settings: Record<string, unknown> = {};
  for (const field of MERGEABLE_CLIENT_FIELDS) {
    const value = sendableClientSetting(field, client[field]);
    if (value !== undefined) settings[field] = value;
  }
  settings.AllowedOAuthFlowsUserPoolClient = client.AllowedOAuthFlowsUserPoolClient ?? false;
  settings.GenerateSecret = hasSecret;
  return pruneEmpty(settings) ?? {};
}
