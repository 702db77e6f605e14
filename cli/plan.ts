import { readFileSync } from 'node:fs';
import { runPoolCommand } from './cliArguments';
import { CLIENT_TYPE_NAME, TYPE_NAME } from './typeNames';
import { resourcesInDependencyOrder, settingsFromTemplate } from './exampleTemplate';
import { formatPreview, previewClientPlan, previewPlan, type PlanPreview, type ReferenceCheck } from './planPreview';
import { checkReferencedResources, formatWarning } from './referencedResources';
import type { PoolConnection } from './poolConnection';
import { poolChangesFor } from '../test/support/productionPool';

const USAGE = `usage: npm run plan -- [--pool <id>] [--client <id>] <template.yaml | properties.json> [--real | --endpoint URL] [--json]

Shows, for every Org::Cognito::UserPoolSettings and Org::Cognito::UserPoolClientSettings
resource of a template, in dependency order, what CREATE (not yet managed) or UPDATE
would write to the pool or app client, leaf by leaf, what the handler would refuse, and
the Cognito calls it would make; other resources are listed as skipped. It writes
nothing. The template is read as CloudFormation reads it (YAML 1.1: a bare OFF is a
boolean). Without --real or --endpoint it runs on the embedded emulator, against a
production-like pool (and an app client set up as Amplify does) it creates there.`;

const SETTINGS_TYPES = [TYPE_NAME, CLIENT_TYPE_NAME];

/** Whether a file declares an app client: a template with the client type, or properties with a ClientId. */
export function declaresClient(file: string): boolean {
  if (file.endsWith('.json')) return 'ClientId' in (JSON.parse(readFileSync(file, 'utf8')) as object);
  return resourcesInDependencyOrder(file).some((resource) => resource.type === CLIENT_TYPE_NAME);
}

/**
 * A template resource's properties (the first resource of the type the template declares
 * when no logical id is given), or a JSON object of properties. Every parameter a
 * template refers to stands for the pool (or the client) here: the identifiers are what matter.
 */
export function propertiesFromFile(
  file: string,
  poolId: string,
  clientId?: string,
  logicalId?: string,
): Record<string, unknown> {
  if (file.endsWith('.json')) return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const parameters = new Proxy({} as Record<string, string>, {
    has: () => true,
    get: (_target, name) => (name === 'ClientId' && clientId ? clientId : poolId),
  });
  const typeName = declaresClient(file) ? CLIENT_TYPE_NAME : TYPE_NAME;
  return settingsFromTemplate(file, parameters, typeName, logicalId);
}

/** One resource's part of a plan: its preview, or why it was skipped. */
export interface ResourcePlan {
  logicalId: string;
  type: string;
  preview?: PlanPreview;
  skipped?: string;
}

/** Plans every settings resource of a file, in dependency order; the rest are skipped with a reason. */
export async function planFile(file: string, connection: PoolConnection): Promise<ResourcePlan[]> {
  if (file.endsWith('.json')) {
    const properties = propertiesFromFile(file, connection.poolId, connection.clientId);
    const isClient = 'ClientId' in properties;
    return [
      {
        logicalId: file,
        type: isClient ? CLIENT_TYPE_NAME : TYPE_NAME,
        preview: isClient ? await previewClient(connection, properties) : await previewPool(connection, properties),
      },
    ];
  }
  const plans: ResourcePlan[] = [];
  for (const { logicalId, type } of resourcesInDependencyOrder(file)) {
    if (!SETTINGS_TYPES.includes(type)) {
      plans.push({ logicalId, type, skipped: 'not a settings type this command plans' });
      continue;
    }
    if (type === CLIENT_TYPE_NAME && !connection.clientId) {
      plans.push({ logicalId, type, skipped: 'an app client resource: name the client with --client <id>' });
      continue;
    }
    const properties = propertiesFromFile(file, connection.poolId, connection.clientId, logicalId);
    const preview =
      type === CLIENT_TYPE_NAME
        ? await previewClient(connection, properties)
        : await previewPool(connection, properties);
    plans.push({ logicalId, type, preview });
  }
  return plans;
}

/** On a real account, the read-only checks of what the pool's settings name; elsewhere none. */
function referenceCheck(connection: PoolConnection): ReferenceCheck | undefined {
  const clients = connection.referenceClients;
  if (!clients) return undefined;
  const region = connection.poolId.split('_')[0];
  return async (pool, declared) => (await checkReferencedResources(pool, declared, clients, region)).map(formatWarning);
}

async function previewPool(connection: PoolConnection, properties: Record<string, unknown>): Promise<PlanPreview> {
  const { gateway, poolId, parameters } = connection;
  return previewPlan(gateway, poolId, properties, referenceCheck(connection), parameters);
}

async function previewClient(connection: PoolConnection, properties: Record<string, unknown>): Promise<PlanPreview> {
  return previewClientPlan(
    connection.clientGateway,
    connection.poolId,
    connection.clientId ?? '',
    properties,
    connection.parameters,
  );
}

export function formatPlans(plans: ResourcePlan[], where: string): string {
  const sections = plans.map((plan) =>
    plan.preview
      ? `== ${plan.logicalId} (${plan.type})\n${formatPreview(plan.preview, where)}`
      : `== ${plan.logicalId} (${plan.type || 'no Type'}): skipped, ${plan.skipped}`,
  );
  const planned = plans.filter((plan) => plan.preview).length;
  if (planned === 0) sections.push('No Org::Cognito settings resource in this template: nothing to plan.');
  return sections.join('\n\n');
}

export async function main(argv: string[]): Promise<number> {
  return runPoolCommand(
    argv,
    USAGE,
    async (args, connection) => {
      const plans = await planFile(args.files[0], connection);
      process.stdout.write(`${args.json ? JSON.stringify(plans, null, 2) : formatPlans(plans, connection.where)}\n`);
      const previews = plans.flatMap((plan) => (plan.preview ? [plan.preview] : []));
      if (previews.length === 0) return 1;
      return previews.some((preview) => preview.problems.length > 0 || preview.refusals.length > 0) ? 1 : 0;
    },
    (args) => (args.files.length !== 1 ? 'name one template or properties file' : undefined),
    (args) => declaresClient(args.files[0]),
    // On the emulator, the pool the first pool resource needs, as the demo makes it.
    (args) => {
      const file = args.files[0];
      const firstPool = file.endsWith('.json')
        ? undefined
        : resourcesInDependencyOrder(file).find((resource) => resource.type === TYPE_NAME);
      const declared = file.endsWith('.json')
        ? propertiesFromFile(file, 'pending')
        : firstPool && propertiesFromFile(file, 'pending', undefined, firstPool.logicalId);
      return declared ? poolChangesFor(declared).changes : undefined;
    },
  );
}
