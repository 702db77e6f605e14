import { readFileSync } from 'node:fs';
import { runPoolCommand } from './cliArguments';
import { CLIENT_TYPE_NAME } from '../src/typeInfo';
import { previewClientPlan } from './clientPlanPreview';
import { settingsFromTemplate, typeInTemplate } from './exampleTemplate';
import { formatPreview, previewPlan } from './planPreview';

const USAGE = `usage: npm run plan -- [--pool <id>] [--client <id>] <template.yaml | properties.json> [--real | --endpoint URL] [--json]

Shows what CREATE (not yet managed) or UPDATE would write to the pool, or to the app
client for an Org::Cognito::UserPoolClientSettings template, leaf by leaf, what the
handler would refuse, and the Cognito calls it would make. It writes nothing. Without
--real or --endpoint it runs on the embedded emulator, against a production-like pool
(and an app client set up as Amplify does) it creates there.`;

/** Whether a file declares an app client: a template with the client type, or properties with a ClientId. */
export function declaresClient(file: string): boolean {
  if (file.endsWith('.json')) return 'ClientId' in (JSON.parse(readFileSync(file, 'utf8')) as object);
  return typeInTemplate(file) === CLIENT_TYPE_NAME;
}

/** A template's properties of the type it declares, or a JSON object of properties. */
export function propertiesFromFile(file: string, poolId: string, clientId?: string): Record<string, unknown> {
  if (file.endsWith('.json')) return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  // Every parameter a template refers to stands for the pool (or the client) here: the identifiers are what matter.
  const parameters = new Proxy({} as Record<string, string>, {
    has: () => true,
    get: (_target, name) => (name === 'ClientId' && clientId ? clientId : poolId),
  });
  return settingsFromTemplate(file, parameters, declaresClient(file) ? CLIENT_TYPE_NAME : undefined);
}

export async function main(argv: string[]): Promise<number> {
  return runPoolCommand(
    argv,
    USAGE,
    async (args, connection) => {
      const properties = propertiesFromFile(args.files[0], connection.poolId, connection.clientId);
      const preview = connection.clientId
        ? await previewClientPlan(connection.clientGateway, connection.poolId, connection.clientId, properties)
        : await previewPlan(connection.gateway, connection.poolId, properties);
      process.stdout.write(
        `${args.json ? JSON.stringify(preview, null, 2) : formatPreview(preview, connection.where)}\n`,
      );
      return preview.problems.length > 0 || preview.refusals.length > 0 ? 1 : 0;
    },
    (args) => (args.files.length !== 1 ? 'name one template or properties file' : undefined),
    (args) => declaresClient(args.files[0]),
  );
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
