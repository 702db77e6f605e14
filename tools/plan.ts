import { readFileSync } from 'node:fs';
import { runPoolCommand } from './cliArguments';
import { settingsFromTemplate } from './exampleTemplate';
import { formatPreview, previewPlan } from './planPreview';

const USAGE = `usage: npm run plan -- [--pool <id>] <template.yaml | properties.json> [--real | --endpoint URL] [--json]

Shows what CREATE (pool not yet managed) or UPDATE would write to the pool, leaf by
leaf, what the handler would refuse, and the Cognito calls it would make. It writes
nothing. Without --real or --endpoint it runs on the embedded emulator, against a
production-like pool it creates there.`;

/** A template's Org::Cognito::UserPoolSettings properties, or a JSON object of properties. */
export function propertiesFromFile(file: string, poolId: string): Record<string, unknown> {
  if (file.endsWith('.json')) return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  // Every parameter a template refers to stands for the pool here: UserPoolId is the one that matters.
  const parameters = new Proxy({} as Record<string, string>, { has: () => true, get: () => poolId });
  return settingsFromTemplate(file, parameters);
}

export async function main(argv: string[]): Promise<number> {
  return runPoolCommand(
    argv,
    USAGE,
    async (args, connection) => {
      const properties = propertiesFromFile(args.files[0], connection.poolId);
      const preview = await previewPlan(connection.gateway, connection.poolId, properties);
      process.stdout.write(
        `${args.json ? JSON.stringify(preview, null, 2) : formatPreview(preview, connection.where)}\n`,
      );
      return preview.problems.length > 0 || preview.refusals.length > 0 ? 1 : 0;
    },
    (args) => (args.files.length !== 1 ? 'name one template or properties file' : undefined),
  );
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
