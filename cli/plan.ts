import { readFileSync } from 'node:fs';
import { ExitWith, runPoolCommand } from './cliArguments';
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
production-like pool (and an app client set up as Amplify does) it creates there.

Exit codes: 0 nothing to change; 4 something would change; 1 something would be refused
(invalid or missing properties, a locked setting, a rule Cognito enforces); 3 no
Org::Cognito settings resource in the file; 2 usage or parse error.`;

/** What `npm run plan` exits with, so that a pipeline tells the outcomes apart. */
export const PLAN_EXIT = { noChange: 0, refused: 1, usage: 2, noSettingsResource: 3, changes: 4 } as const;

const SETTINGS_TYPES = [TYPE_NAME, CLIENT_TYPE_NAME];

/** Whether a file declares an app client: a template with the client type, or properties with a ClientId. */
export function declaresClient(file: string): boolean {
  if (file.endsWith('.json')) return 'ClientId' in parseJsonFile(file);
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
  if (file.endsWith('.json')) return parseJsonFile(file);
  const parameters = new Proxy({} as Record<string, string>, {
    has: () => true,
    get: (_target, name) => (name === 'ClientId' && clientId ? clientId : poolId),
  });
  const typeName = declaresClient(file) ? CLIENT_TYPE_NAME : TYPE_NAME;
  return settingsFromTemplate(file, parameters, typeName, logicalId);
}

/** A JSON properties file; a syntax error names the file and, as V8 says it, the line and column. */
function parseJsonFile(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    const position = /at position (\d+)/.exec((error as Error).message);
    const offset = position ? Number(position[1]) : undefined;
    const line = offset === undefined ? undefined : text.slice(0, offset).split('\n').length;
    const where = line === undefined || /\(line \d+/.test((error as Error).message) ? '' : ` (line ${line})`;
    throw new Error(`${file}: ${(error as Error).message}${where}`);
  }
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
    // A template names its resource itself (the preview reads the one --pool or --client names).
    const identifiers = type === CLIENT_TYPE_NAME ? ['UserPoolId', 'ClientId'] : ['UserPoolId'];
    const missing = identifiers.filter((name) => properties[name] === undefined || properties[name] === '');
    if (missing.length > 0) {
      preview.problems.unshift(
        ...missing.map((name) => `${name}: is required (CloudFormation refuses the template without it)`),
      );
      Object.assign(preview, { refusals: [], writes: [], calls: [] });
    }
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
  if (planned === 0) sections.push(NO_SETTINGS_RESOURCE);
  return sections.join('\n\n');
}

const NO_SETTINGS_RESOURCE = 'No Org::Cognito settings resource in this template: nothing to plan.';

function holdsSettingsResource(file: string): boolean {
  return resourcesInDependencyOrder(file).some((resource) => SETTINGS_TYPES.includes(resource.type));
}

/** The exit code of a plan: refused over changes over nothing to change; no resource at all is its own. */
export function planExitCode(plans: ResourcePlan[]): number {
  const previews = plans.flatMap((plan) => (plan.preview ? [plan.preview] : []));
  if (previews.length === 0) return PLAN_EXIT.noSettingsResource;
  if (previews.some((preview) => preview.problems.length > 0 || preview.refusals.length > 0)) return PLAN_EXIT.refused;
  return previews.some((preview) => preview.writes.length > 0) ? PLAN_EXIT.changes : PLAN_EXIT.noChange;
}

export async function main(argv: string[]): Promise<number> {
  return runPoolCommand(
    argv,
    USAGE,
    async (args, connection) => {
      const plans = await planFile(args.files[0], connection);
      process.stdout.write(`${args.json ? JSON.stringify(plans, null, 2) : formatPlans(plans, connection.where)}\n`);
      return planExitCode(plans);
    },
    (args) => {
      if (args.files.length !== 1) return 'name one template or properties file';
      if (args.settingsName) return '--settings-name is for export: plan takes SettingsName from the template';
      // Said before any emulator starts: a file with nothing to plan.
      if (!args.files[0].endsWith('.json') && !holdsSettingsResource(args.files[0])) {
        throw new ExitWith(PLAN_EXIT.noSettingsResource, NO_SETTINGS_RESOURCE);
      }
      return undefined;
    },
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
