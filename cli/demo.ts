import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeRiskConfigurationCommand,
  DescribeUserPoolCommand,
  GetLogDeliveryConfigurationCommand,
  GetUserPoolMfaConfigCommand,
  type CreateUserPoolCommandInput,
  type UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import path from 'node:path';
import { demoInvoker, openDemoCognito, type DemoCognito } from './demoCognito';
import { CognitoProxy } from '../test/support/cognitoProxy';
import { runClientDemo } from './clientDemo';
import { settingsFromTemplate, typeInTemplate } from './exampleTemplate';
import type { ProgressEvent } from '../test/support/handlerRunner';
import { deepMerge } from '../engine/merge';
import { driftBetween } from './drift';
import { diffPools } from './poolDiff';
import { poolChangesFor, productionPoolRequest } from '../test/support/productionPool';
import { handlerBundle, projectRoot } from './projectRoot';
import { parseProgramArguments } from './cliArguments';

/**
 * Cognito derives this legacy member from PasswordPolicy.TemporaryPasswordValidityDays and
 * keeps reporting it; cognito-local forgets it after any UpdateUserPool. Not a change.
 */
const EMULATOR_ONLY_DIFFERENCES = new Set(['AdminCreateUserConfig.UnusedAccountValidityDays']);
/**
 * What DescribeUserPool answers that no template declares (the pool's id, name, dates and
 * the locked attributes' describe-only shapes): left out of the "untouched settings".
 */
const DESCRIBE_ONLY = new Set([
  'Id',
  'Name',
  'Arn',
  'CreationDate',
  'LastModifiedDate',
  'EstimatedNumberOfUsers',
  'Status',
  'SchemaAttributes',
  'Domain',
  'CustomDomain',
  'EmailConfigurationFailure',
  'SmsConfigurationFailure',
]);

export interface DemoOptions {
  /** Use the default credential chain and region instead of the embedded Cognito. */
  realAccount?: boolean;
  template?: string;
  handlerPath?: string;
  print?: (line: string) => void;
  /** Show the lib's own log lines. */
  verbose?: boolean;
  /** Changes to the production-like pool the demo creates, for templates that need them. */
  poolChanges?: Partial<CreateUserPoolCommandInput>;
}

/** What the demo saw; its test checks these claims. */
export interface DemoResult {
  declaredChanges: { path: string; before: unknown; after: unknown }[];
  untouchedSettings: string[];
  lockedChange: { event: ProgressEvent; poolUnchanged: boolean };
  noOpUpdate: { event: ProgressEvent; calls: Record<string, number> };
  changingUpdate: { event: ProgressEvent; changes: { path: string; before: unknown; after: unknown }[] };
  removal: { property: string; event: ProgressEvent; valueKept: boolean };
  read: { event: ProgressEvent; drift: string[]; compared: string[] };
  /** `released`: READ answers NotFound afterwards (the ownership record is gone). */
  deleteResult: { event: ProgressEvent; settingsKept: boolean; released: boolean };
}

export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const template = options.template ?? path.join(projectRoot(), 'examples', 'apply-settings.yaml');
  let demoCognito: DemoCognito | undefined;
  let poolId: string | undefined;
  let cognito: CognitoIdentityProviderClient | undefined;
  try {
    demoCognito = await openDemoCognito(
      options.realAccount,
      print,
      '▶ Starting the embedded Cognito (cognito-local) on a free port…',
    );
    const { region, credentials, local, proxy } = demoCognito;
    if (local) print(`  listening at ${local.endpoint}, calls counted through a local proxy`);
    // The demo's own reads go straight to Cognito, so the proxy counts only the handler's calls.
    cognito = new CognitoIdentityProviderClient({ region, credentials, endpoint: local?.endpoint });
    const invoke = demoInvoker(options.handlerPath ?? handlerBundle(), { region, credentials }, options);
    // The pool as the handler sees it: through the proxy on the emulator, which keeps what
    // cognito-local does not store (DeletionProtection, the feature plan, …).
    // The MFA factor blocks come from GetUserPoolMfaConfig, as the handler reads them.
    const describe = async (): Promise<UserPoolType> => {
      const pool = proxy
        ? ((await proxy.describe(poolId ?? '')) as UserPoolType)
        : ((await cognito!.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool ?? {});
      const mfa = proxy
        ? await proxy.describeMfa(poolId ?? '')
        : await cognito!.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
      const { MfaConfiguration: _mode, $metadata: _metadata, ...factors } = mfa as Record<string, unknown>;
      return { ...pool, ...factors, ...(await securityOf(poolId ?? '')) } as UserPoolType;
    };
    // Threat protection's risk configuration and the log delivery, under their template names.
    const securityOf = async (id: string): Promise<Record<string, unknown>> => {
      const risk = proxy
        ? await proxy.describeRisk(id)
        : (await cognito!.send(new DescribeRiskConfigurationCommand({ UserPoolId: id })).catch(() => undefined))
            ?.RiskConfiguration;
      const logs = proxy
        ? await proxy.describeLogs(id)
        : (await cognito!.send(new GetLogDeliveryConfigurationCommand({ UserPoolId: id })).catch(() => undefined))
            ?.LogDeliveryConfiguration?.LogConfigurations;
      const { UserPoolId: _id, ClientId: _client, LastModifiedDate: _modified, ...members } = risk ?? {};
      return {
        ...(Object.keys(members).length > 0 ? { RiskConfiguration: members } : {}),
        ...(logs?.length ? { LogDeliveryConfiguration: { LogConfigurations: logs } } : {}),
      };
    };

    const templateDeclares = settingsFromTemplate(template, { UserPoolId: 'pending' });
    const needed = poolChangesFor(templateDeclares);
    const poolChanges = options.poolChanges ?? needed.changes;
    if (needed.why && !options.poolChanges) print(`  (${needed.why})`);
    print('▶ Creating a pool that looks like production (triggers, password policy, templates, devices, tags)…');
    const created = await cognito.send(
      new CreateUserPoolCommand({ ...productionPoolRequest(`demo-${Date.now()}`), ...poolChanges }),
    );
    poolId = created.UserPool?.Id;
    if (!poolId) throw new Error('CreateUserPool returned no pool id');
    print(`  pool ${poolId}`);

    const declared: Record<string, unknown> = { ...templateDeclares, UserPoolId: poolId };
    // READ and DELETE name the resource by its identifiers: the pool, and its settings name if any.
    const identifiers = {
      UserPoolId: poolId,
      ...(templateDeclares.SettingsName ? { SettingsName: templateDeclares.SettingsName } : {}),
    };
    print(`▶ CREATE Org::Cognito::UserPoolSettings from ${path.relative(process.cwd(), template)}, declaring:`);
    for (const line of JSON.stringify(declared, null, 2).split('\n')) print(`    ${line}`);
    const before = await describe();
    const created_ = await invoke('CREATE', declared);
    expectStatus(created_, 'SUCCESS', 'CREATE');
    const afterCreate = await describe();
    const diff = diffPools(before, afterCreate);
    print(`  ${created_.status}. What changed on the pool:`);
    for (const change of diff.changed.filter((candidate) => !EMULATOR_ONLY_DIFFERENCES.has(candidate.path))) {
      print(`    ~ ${change.path}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`);
    }
    // Under the names a template uses: the describe-only members are not settings.
    const untouched = diff.unchanged.filter((name) => !DESCRIBE_ONLY.has(name));
    print(`  Untouched settings (identical before and after): ${untouched.join(', ')}`);

    print('▶ UPDATE that renames the pool (PoolName is locked after creation)…');
    const beforeLocked = await describe();
    proxy?.resetCounts();
    const locked = await invoke('UPDATE', { ...declared, PoolName: 'renamed-by-template' });
    const lockedUnchanged = JSON.stringify(await describe()) === JSON.stringify(beforeLocked);
    print(`  ${locked.status} ${locked.errorCode}: ${locked.message}`);
    print(`  pool byte-for-byte as before: ${lockedUnchanged ? 'yes' : 'NO'}${callSummary(proxy)}`);

    print('▶ UPDATE with the same properties again (a no-op)…');
    proxy?.resetCounts();
    const noOp = await invoke('UPDATE', declared);
    const noOpCalls = proxy?.counts() ?? {};
    print(`  ${noOp.status}${callSummary(proxy)}`);

    const currentLength = (await describe()).Policies?.PasswordPolicy?.MinimumLength ?? 12;
    const changedTemplate = {
      ...declared,
      Policies: deepMerge(declared.Policies ?? {}, { PasswordPolicy: { MinimumLength: currentLength + 2 } }),
    };
    print(`▶ UPDATE that changes a value (Policies.PasswordPolicy.MinimumLength → ${currentLength + 2})…`);
    const beforeChange = await describe();
    const changing = await invoke('UPDATE', changedTemplate);
    const changeDiff = diffPools(beforeChange, await describe()).changed.filter(
      (change) => !EMULATOR_ONLY_DIFFERENCES.has(change.path),
    );
    for (const change of changeDiff) {
      print(`    ~ ${change.path}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`);
    }
    print(`  ${changing.status}; nothing else changed: ${changeDiff.length === 1 ? 'yes' : 'NO'}`);

    const removedProperty = Object.keys(changedTemplate)
      .filter((key) => !['UserPoolId', 'SettingsName', 'Policies'].includes(key))
      .pop();
    const shorterTemplate: Record<string, unknown> = { ...changedTemplate };
    if (removedProperty) delete shorterTemplate[removedProperty];
    print(
      removedProperty
        ? `▶ UPDATE with ${removedProperty} removed from the template (it stops being managed; the pool keeps it)…`
        : '▶ UPDATE with a property removed from the template: this template has none to remove besides Policies…',
    );
    const beforeRemoval = await describe();
    const removing = await invoke('UPDATE', shorterTemplate);
    const afterRemoval = await describe();
    const valueKept =
      removedProperty === undefined ||
      JSON.stringify((afterRemoval as Record<string, unknown>)[removedProperty]) ===
        JSON.stringify((beforeRemoval as Record<string, unknown>)[removedProperty]);
    print(
      removedProperty
        ? `  ${removing.status}; ${removedProperty} on the pool unchanged: ${valueKept ? 'yes' : 'NO'}`
        : `  ${removing.status}; nothing removed, nothing to compare`,
    );

    print('▶ READ with only UserPoolId, as drift detection calls it…');
    const read = await invoke('READ', identifiers);
    const drift = driftBetween(shorterTemplate, read.resourceModel);
    const compared = Object.keys(shorterTemplate);
    print(
      `  ${read.status}; compared as drift detection does (${compared.join(', ')}): ${drift.length === 0 ? 'IN_SYNC' : `MODIFIED\n    ${drift.join('\n    ')}`}`,
    );

    print('▶ DELETE (stops managing; the pool keeps its settings)…');
    const beforeDelete = await describe();
    const deleted = await invoke('DELETE', shorterTemplate);
    const afterDelete = await describe();
    const deleteDiff = diffPools(beforeDelete, afterDelete);
    const settingsKept = deleteDiff.changed.length === 0;
    const released = (await invoke('READ', identifiers)).errorCode === 'NotFound';
    print(
      `  ${deleted.status}; settings kept: ${settingsKept ? 'yes' : 'NO'}; ownership record removed (READ answers NotFound): ${released ? 'yes' : 'NO'}`,
    );
    print('✔ Done.');
    return {
      declaredChanges: diff.changed,
      untouchedSettings: untouched,
      lockedChange: { event: locked, poolUnchanged: lockedUnchanged },
      noOpUpdate: { event: noOp, calls: noOpCalls },
      changingUpdate: { event: changing, changes: changeDiff },
      removal: { property: removedProperty ?? '', event: removing, valueKept },
      read: { event: read, drift, compared },
      deleteResult: { event: deleted, settingsKept, released },
    };
  } finally {
    if (options.realAccount && poolId && cognito) {
      await cognito.send(new DeleteUserPoolCommand({ UserPoolId: poolId })).catch(() => undefined);
    }
    await demoCognito?.stop();
  }
}

function expectStatus(event: ProgressEvent, status: ProgressEvent['status'], action: string): void {
  if (event.status !== status) {
    throw new Error(`${action} answered ${event.status} ${event.errorCode ?? ''}: ${event.message ?? ''}`);
  }
}

function callSummary(proxy: CognitoProxy | undefined): string {
  if (!proxy) return '';
  const counts = proxy.counts();
  const writes = [
    'UpdateUserPool',
    'SetUserPoolMfaConfig',
    'AddCustomAttributes',
    'TagResource',
    'UntagResource',
  ].filter((name) => counts[name]);
  const calls = Object.entries(counts)
    .map(([name, count]) => `${name} ×${count}`)
    .join(', ');
  return `; Cognito calls: ${calls || 'none'}${writes.length ? '' : ' (no write)'}`;
}

const print = (line: string): void => void process.stdout.write(`${line}\n`);

const DEMO_USAGE = `usage: npm start -- [--template FILE] [--real] [--verbose]

Runs both types through their production entrypoints, as CloudFormation calls them, on
an embedded local Cognito it starts and stops (no AWS account needed).
  --template FILE  another example template, of either type (examples/*.yaml); --template=FILE too
  --real           against your AWS account (default credential chain and region); it
                   creates a throw-away pool and deletes it afterwards
  --verbose        show the lib's own log lines`;

/** `npm start`: both types' demos by default; a template picks the type it declares. */
export async function main(args: string[]): Promise<number> {
  let values: { template?: string; real?: boolean; verbose?: boolean; help?: boolean };
  try {
    const parsed = parseProgramArguments(args, {
      template: { type: 'string' },
      real: { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (parsed.positionals.length > 0) throw new Error(`unexpected argument ${parsed.positionals.join(' ')}`);
    if (parsed.values.template === '') throw new Error('--template needs a file');
    values = parsed.values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${DEMO_USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${DEMO_USAGE}\n`);
    return 0;
  }
  const { template } = values;
  const options = { realAccount: values.real ?? false, verbose: values.verbose ?? false, template };
  // A template with nothing to demo is said before any emulator starts.
  let type: ReturnType<typeof typeInTemplate>;
  try {
    type = template ? typeInTemplate(template) : undefined;
    if (template && !type) throw new Error(`${template} holds no Org::Cognito settings resource: nothing to demo`);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${DEMO_USAGE}\n`);
    return 2;
  }
  try {
    if (type !== 'Org::Cognito::UserPoolClientSettings') {
      print('━━ Org::Cognito::UserPoolSettings ━━');
      await runDemo(options);
    }
    if (!type || type === 'Org::Cognito::UserPoolClientSettings') {
      print('━━ Org::Cognito::UserPoolClientSettings ━━');
      await runClientDemo(options);
    }
    return 0;
  } catch (error) {
    process.stderr.write(`demo failed: ${(error as Error).message}\n`);
    return 1;
  }
}
