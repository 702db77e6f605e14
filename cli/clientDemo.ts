import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolClientCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import path from 'node:path';
import { CLIENT_TYPE_NAME } from './typeNames';
import { demoInvoker, openDemoCognito, type DemoCognito } from './demoCognito';
import { CognitoProxy } from '../test/support/cognitoProxy';
import { driftBetween } from './drift';
import { settingsFromTemplate } from './exampleTemplate';
import type { ProgressEvent } from '../test/support/handlerRunner';
import { diffPools } from './poolDiff';
import { amplifyLikeClient } from '../test/support/productionClient';
import { productionPoolRequest } from '../test/support/productionPool';
import { handlerBundle, projectRoot } from './projectRoot';

const ENDPOINT_VARIABLE = 'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER';
const WRITES = ['UpdateUserPoolClient', 'TagResource', 'UntagResource', 'PutParameter', 'DeleteParameter'];
type Change = { path: string; before: unknown; after: unknown };

export interface ClientDemoOptions {
  realAccount?: boolean;
  template?: string;
  handlerPath?: string;
  print?: (line: string) => void;
  verbose?: boolean;
}

/** What the app client demo saw; its test checks these claims. */
export interface ClientDemoResult {
  naiveUpdateResets: Change[];
  declaredChanges: Change[];
  untouchedSettings: string[];
  lockedChange: { event: ProgressEvent; clientUnchanged: boolean; writes: number };
  noOpUpdate: { event: ProgressEvent; calls: Record<string, number> };
  read: { event: ProgressEvent; drift: string[]; secretShown: boolean };
  deleteResult: { event: ProgressEvent; settingsKept: boolean };
}

/**
 * Org::Cognito::UserPoolClientSettings end to end: an app client set up as Amplify or
 * the console would, what a one-field UpdateUserPoolClient does to it, and what this type
 * does instead.
 */
export async function runClientDemo(options: ClientDemoOptions = {}): Promise<ClientDemoResult> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const template = options.template ?? path.join(projectRoot(), 'examples', 'client-settings.yaml');
  let demoCognito: DemoCognito | undefined;
  let poolId: string | undefined;
  let sdk: CognitoIdentityProviderClient | undefined;
  try {
    demoCognito = await openDemoCognito(
      options.realAccount,
      print,
      '▶ Starting the embedded Cognito for app clients (cognito-local behind the proxy)…',
    );
    const { region, credentials, proxy } = demoCognito;
    if (proxy) print('  the proxy resets what UpdateUserPoolClient omits, as Cognito does (cognito-local merges)');
    // Through the proxy: cognito-local alone would neither give new clients Cognito's
    // defaults nor reset on update.
    sdk = new CognitoIdentityProviderClient({ region, credentials, endpoint: process.env[ENDPOINT_VARIABLE] });
    const invoke = demoInvoker(
      options.handlerPath ?? handlerBundle(CLIENT_TYPE_NAME),
      { region, credentials },
      { resourceType: CLIENT_TYPE_NAME, verbose: options.verbose },
    );
    const pool = await sdk.send(new CreateUserPoolCommand(productionPoolRequest(`client-demo-${Date.now()}`)));
    poolId = pool.UserPool?.Id ?? '';
    const createClient = async () =>
      (await sdk!.send(new CreateUserPoolClientCommand({ ...amplifyLikeClient(), UserPoolId: poolId }))).UserPoolClient
        ?.ClientId ?? '';
    // The demo's own reads do not go through the proxy's counter: it counts only the handler.
    const describe = async (clientId: string): Promise<Record<string, unknown>> =>
      proxy
        ? proxy.describeClient(poolId!, clientId)
        : (((await sdk!.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId })))
            .UserPoolClient ?? {}) as Record<string, unknown>);
    print(`▶ Pool ${poolId} with two identical app clients, set up as Amplify does (hosted UI, OAuth, minutes)`);

    print('▶ First, the trap: a one-field UpdateUserPoolClient (IdTokenValidity 1) on the first client…');
    const naiveId = await createClient();
    const naiveBefore = await describe(naiveId);
    await sdk.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: naiveId, IdTokenValidity: 1 }));
    const naiveResets = diffPools(withoutDates(naiveBefore), withoutDates(await describe(naiveId))).changed;
    for (const change of naiveResets) print(`    ✗ ${change.path}: ${show(change.before)} → ${show(change.after)}`);
    const resetBeside = naiveResets.filter((change) => change.path !== 'IdTokenValidity').length;
    print(`  One field declared (IdTokenValidity); ${resetBeside} other settings reset with it.`);

    const clientId = await createClient();
    const declared = settingsFromTemplate(template, { UserPoolId: poolId, ClientId: clientId }, CLIENT_TYPE_NAME);
    print(
      `▶ CREATE ${CLIENT_TYPE_NAME} on the second client from ${path.relative(process.cwd(), template)}, declaring:`,
    );
    for (const line of JSON.stringify(declared, null, 2).split('\n')) print(`    ${line}`);
    const before = await describe(clientId);
    proxy?.resetCounts();
    const created = await invoke('CREATE', declared);
    if (created.status !== 'SUCCESS') throw new Error(`CREATE answered ${created.errorCode}: ${created.message}`);
    const diff = diffPools(withoutDates(before), withoutDates(await describe(clientId)));
    print(`  ${created.status}${callSummary(proxy)}. What changed on the client:`);
    for (const change of diff.changed) print(`    ~ ${change.path}: ${show(change.before)} → ${show(change.after)}`);
    print(`  Untouched: ${diff.unchanged.filter((name) => name !== 'ClientSecret').join(', ')}`);

    print('▶ UPDATE declaring GenerateSecret: true (a client gets a secret only when it is created)…');
    const beforeLocked = await describe(clientId);
    proxy?.resetCounts();
    const locked = await invoke('UPDATE', { ...declared, GenerateSecret: true });
    const lockedWrites = writes(proxy);
    const clientUnchanged = JSON.stringify(await describe(clientId)) === JSON.stringify(beforeLocked);
    print(`  ${locked.status} ${locked.errorCode}: ${locked.message}`);
    print(`  client byte-for-byte as before: ${clientUnchanged ? 'yes' : 'NO'}${callSummary(proxy)}`);

    print('▶ UPDATE with the same properties again (a no-op)…');
    proxy?.resetCounts();
    const noOp = await invoke('UPDATE', declared);
    const noOpCalls = proxy?.counts() ?? {};
    print(`  ${noOp.status}${callSummary(proxy)}`);

    print('▶ READ with only UserPoolId and ClientId, as drift detection calls it…');
    const read = await invoke('READ', { UserPoolId: poolId, ClientId: clientId });
    const drift = driftBetween(declared, read.resourceModel);
    print(`  ${read.status}; ${drift.length === 0 ? 'IN_SYNC' : `MODIFIED\n    ${drift.join('\n    ')}`}`);
    print(`  reported: ${Object.keys(read.resourceModel ?? {}).join(', ')}`);
    const secretShown = JSON.stringify(read).includes('ClientSecret');

    print('▶ DELETE (stops managing; the client keeps its settings)…');
    const beforeDelete = await describe(clientId);
    const deleted = await invoke('DELETE', declared);
    const settingsKept =
      diffPools(withoutDates(beforeDelete), withoutDates(await describe(clientId))).changed.length === 0;
    print(`  ${deleted.status}; client settings kept: ${settingsKept ? 'yes' : 'NO'}`);
    print('✔ Done.');
    return {
      naiveUpdateResets: naiveResets,
      declaredChanges: diff.changed,
      untouchedSettings: diff.unchanged,
      lockedChange: { event: locked, clientUnchanged, writes: lockedWrites },
      noOpUpdate: { event: noOp, calls: noOpCalls },
      read: { event: read, drift, secretShown },
      deleteResult: { event: deleted, settingsKept },
    };
  } finally {
    if (options.realAccount && poolId && sdk) {
      await sdk.send(new DeleteUserPoolCommand({ UserPoolId: poolId })).catch(() => undefined);
    }
    sdk?.destroy();
    await demoCognito?.stop();
  }
}

function withoutDates(client: Record<string, unknown>): Record<string, unknown> {
  const { LastModifiedDate: _modified, CreationDate: _created, ClientSecret: _secret, ...settings } = client;
  return settings;
}

function show(value: unknown): string {
  return value === undefined ? '(unset)' : JSON.stringify(value);
}

function writes(proxy: CognitoProxy | undefined): number {
  const counts = proxy?.counts() ?? {};
  return WRITES.reduce((total, name) => total + (counts[name] ?? 0), 0);
}

function callSummary(proxy: CognitoProxy | undefined): string {
  if (!proxy) return '';
  const calls = Object.entries(proxy.counts())
    .map(([name, count]) => `${name} ×${count}`)
    .join(', ');
  return `; Cognito calls: ${calls || 'none'}${writes(proxy) ? '' : ' (no write)'}`;
}
