import { stringify } from 'yaml';
import type { CognitoGateway } from '../src/cognito/gateway';
import { currentSettings } from '../src/pool/currentSettings';
import { poolUsesMfaState } from '../src/pool/mfa';
import { parseArguments } from './cliArguments';
import { connect } from './poolConnection';

const USAGE = `usage: npm run export -- [--pool <id>] [--real | --endpoint URL]

Prints a template (YAML) whose Org::Cognito::UserPoolSettings resource declares the
pool's current settings, as READ reports them: adopt a pool by deploying it unchanged.
Without --real or --endpoint it runs on the embedded emulator, against a
production-like pool it creates there.`;

/** The template that declares a pool's current settings: planning it against the pool changes nothing. */
export async function exportTemplate(gateway: CognitoGateway, poolId: string): Promise<string> {
  const described = await gateway.describePool(poolId);
  const mfa = poolUsesMfaState(described) ? await gateway.describeMfa(poolId) : undefined;
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Settings of user pool ${poolId}, exported by npm run export.`,
    Parameters: { UserPoolId: { Type: 'String', Default: poolId } },
    Resources: {
      UserPoolSettings: {
        Type: 'Org::Cognito::UserPoolSettings',
        Properties: { UserPoolId: { Ref: 'UserPoolId' }, ...currentSettings(described, mfa) },
      },
    },
  };
  return stringify(template, { lineWidth: 0 }).replace(
    /UserPoolId:\n\s+Ref: UserPoolId/,
    'UserPoolId: !Ref UserPoolId',
  );
}

export async function main(argv: string[]): Promise<number> {
  try {
    const args = parseArguments(argv);
    if (args.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (args.files.length > 0 || args.json) throw new Error(`unexpected ${args.files[0] ?? '--json'}\n${USAGE}`);
    const connection = await connect(args);
    try {
      process.stdout.write(await exportTemplate(connection.gateway, connection.poolId));
      return 0;
    } finally {
      await connection.close();
    }
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
