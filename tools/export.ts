import { stringify } from 'yaml';
import type { CognitoGateway } from '../src/cognito/gateway';
import { currentSettings } from '../src/pool/currentSettings';
import { poolUsesMfaState } from '../src/pool/mfa';
import { runPoolCommand } from './cliArguments';

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
  return stringify(template, { lineWidth: 0 })
    .replace(/UserPoolId:\n\s+Ref: UserPoolId/, 'UserPoolId: !Ref UserPoolId')
    .replace(/^AWSTemplateFormatVersion: .*$/m, "AWSTemplateFormatVersion: '2010-09-09'");
}

export async function main(argv: string[]): Promise<number> {
  return runPoolCommand(
    argv,
    USAGE,
    async (_args, connection) => {
      process.stdout.write(await exportTemplate(connection.gateway, connection.poolId));
      return 0;
    },
    (args) => (args.files.length > 0 || args.json ? `unexpected ${args.files[0] ?? '--json'}` : undefined),
  );
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
