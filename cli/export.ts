import { stringify } from 'yaml';
import type { CognitoGateway } from '../engine/cognito/gateway';
import { settingsType as clientSettingsType } from '../client-settings/src/spec';
import { settingsType as poolSettingsType } from '../src/spec';
import { runPoolCommand } from './cliArguments';

const USAGE = `usage: npm run export -- [--pool <id>] [--client <id>] [--settings-name <name>] [--real | --endpoint URL]

Prints a template (YAML) whose Org::Cognito::UserPoolSettings resource declares the
pool's current settings, as READ reports them: adopt a pool by deploying it unchanged.
With --client, the template's Org::Cognito::UserPoolClientSettings resource declares
that app client's settings instead (its secret is never read into it).
Without --real or --endpoint it runs on the embedded emulator, against a
production-like pool it creates there (and, with --client, an app client set up as
Amplify does standing in for the one named). The export declares every setting of the
pool (or client), whichever resource owns it; with --settings-name the resource carries
that SettingsName (cut it down to the members that resource is to own).`;

/**
 * YAML as CloudFormation reads it: version 1.1, where a bare OFF, ON, yes or no is a
 * boolean (aws/aws-cli#5257; aws/aws-cdk#875 is MfaConfiguration: ON read as true), so
 * every string that YAML 1.1 would read as another type is quoted.
 */
function asCloudFormationYaml(template: object): string {
  return stringify(template, { version: '1.1', lineWidth: 0 });
}

/** The template that declares a pool's current settings: planning it against the pool changes nothing. */
export async function exportTemplate(gateway: CognitoGateway, poolId: string, settingsName?: string): Promise<string> {
  // The reads and the report of READ: MFA factors, risk configuration and log delivery included.
  const { state } = await poolSettingsType.read(gateway, { UserPoolId: poolId }, {}, true);
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Settings of user pool ${poolId}, exported by npm run export.`,
    Parameters: { UserPoolId: { Type: 'String', Default: poolId } },
    Resources: {
      UserPoolSettings: {
        Type: 'Org::Cognito::UserPoolSettings',
        Properties: {
          UserPoolId: { Ref: 'UserPoolId' },
          ...(settingsName ? { SettingsName: settingsName } : {}),
          ...poolSettingsType.current(state),
        },
      },
    },
  };
  return asCloudFormationYaml(template).replace(/UserPoolId:\n\s+Ref: UserPoolId/, 'UserPoolId: !Ref UserPoolId');
}

/** The template that declares an app client's current settings: planning it against the client changes nothing. */
export async function exportClientTemplate(
  gateway: CognitoGateway,
  poolId: string,
  clientId: string,
  settingsName?: string,
): Promise<string> {
  const ids = { UserPoolId: poolId, ClientId: clientId };
  const { state } = await clientSettingsType.read(gateway, ids, {}, true);
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Settings of app client ${clientId} of user pool ${poolId}, exported by npm run export.`,
    Parameters: {
      UserPoolId: { Type: 'String', Default: poolId },
      ClientId: { Type: 'String', Default: clientId },
    },
    Resources: {
      UserPoolClientSettings: {
        Type: 'Org::Cognito::UserPoolClientSettings',
        Properties: {
          UserPoolId: { Ref: 'UserPoolId' },
          ClientId: { Ref: 'ClientId' },
          ...(settingsName ? { SettingsName: settingsName } : {}),
          ...clientSettingsType.current(state),
        },
      },
    },
  };
  return asCloudFormationYaml(template)
    .replace(/UserPoolId:\n\s+Ref: UserPoolId/, 'UserPoolId: !Ref UserPoolId')
    .replace(/ClientId:\n\s+Ref: ClientId/, 'ClientId: !Ref ClientId');
}

export async function main(argv: string[]): Promise<number> {
  return runPoolCommand(
    argv,
    USAGE,
    async (args, connection) => {
      process.stdout.write(
        connection.clientId
          ? await exportClientTemplate(
              connection.clientGateway,
              connection.poolId,
              connection.clientId,
              args.settingsName,
            )
          : await exportTemplate(connection.gateway, connection.poolId, args.settingsName),
      );
      return 0;
    },
    (args) => (args.files.length > 0 || args.json ? `unexpected ${args.files[0] ?? '--json'}` : undefined),
  );
}
