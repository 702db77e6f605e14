import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { ResourceModel as ClientModel } from '../client-settings/src/models';
import { settingsType as clientSettings } from '../client-settings/src/spec';
import { ResourceModel } from '../src/models';
import { settingsType } from '../src/spec';
import { ParameterStore } from '../engine/ssm/parameterStore';
import { DEFAULT_SETTINGS_NAME, OwnershipRecords, SETTINGS_NAME } from '../engine/ownershipRecords';
import { PLACEHOLDER_CREDENTIALS } from '../test/support/cfnRequest';
import { unlessNotFound, type CognitoGateway } from '../engine/cognito/gateway';
import type { LeafChange } from '../engine/leafChanges';
import { SettingsLifecycle } from '../engine/lifecycle';
import { declaredFromModel } from '../engine/modelValues';
import type { Identifiers, Refusal, SettingsPlan, SettingsType } from '../engine/settingsType';

/** One write as the plan shows it: the API it calls and what it changes. */
export interface PlannedWrite {
  operation: string;
  changes: LeafChange[];
}

/** What CREATE or UPDATE would do to a pool or app client, worked out by the production planner; nothing is written. */
export interface PlanPreview {
  typeName: string;
  poolId: string;
  /** Set for Org::Cognito::UserPoolClientSettings. */
  clientId?: string;
  action: 'CREATE' | 'UPDATE';
  /** Schema problems: CloudFormation would refuse the template before any handler runs. */
  problems: string[];
  /** What the handler would refuse, with its messages; nothing would be written. */
  refusals: string[];
  writes: PlannedWrite[];
  /**
   * The leaves an operation that never finished changed (its ownership record says so): the
   * handler puts them back before anything else, then plans as shown.
   */
  unfinished?: string[];
  /** Every Cognito call the operation would make, in order. */
  calls: string[];
  /** The other settings resources on the pool (or client), each with the members it owns. */
  others?: string[];
  /**
   * Settings whose target outside Cognito (SES identity, SMS role, Lambda trigger) is
   * missing, unverified or untrusting: Cognito would refuse the update. Checked read-only
   * against a real account only.
   */
  warnings?: string[];
}

/** Checks the settings a write would leave on the pool against what they name outside Cognito. */
export type ReferenceCheck = (pool: UserPoolType, declared: Record<string, unknown>) => Promise<string[]>;

/**
 * Previews CREATE (the resource is not managed yet) or UPDATE (it is) of the given
 * properties, as CloudFormation would send them, through the same validation, model
 * conversion, reads, planner and writes as the handlers; nothing is written. The plan
 * comes back too, for what a caller checks beyond it.
 */
export async function previewSettings<Declared extends object, State, Plan extends SettingsPlan, Connection>(
  type: SettingsType<Declared, State, Plan, Connection>,
  modelClass: { deserialize: (value: object) => object },
  connection: Connection,
  resourceIds: Identifiers,
  properties: Record<string, unknown>,
  parameters: ParameterStore = defaultParameterStore(type.typeName),
): Promise<{ preview: PlanPreview; plan?: Plan }> {
  let ids = resourceIds;
  const records = new OwnershipRecords(parameters, type.typeName);
  // The settings name the template gives (else `default`) is part of the identifiers.
  if (type.identifiers.includes(SETTINGS_NAME)) {
    ids = { ...ids, [SETTINGS_NAME]: String(properties[SETTINGS_NAME] ?? DEFAULT_SETTINGS_NAME) };
  }
  const raw = { ...properties, ...ids };
  const preview: PlanPreview = {
    typeName: type.typeName,
    poolId: ids.UserPoolId,
    ...(ids.ClientId ? { clientId: ids.ClientId } : {}),
    action: 'CREATE',
    problems: type.findSchemaProblems(raw),
    refusals: [],
    writes: [],
    calls: [],
  };
  if (preview.problems.length > 0) {
    // Nothing to plan: the properties cannot even be converted. The resource, if it exists,
    // says which action it would be; the problems are the answer either way.
    const [record, reading] = await Promise.all([
      records.read(ids),
      unlessNotFound(type.read(connection, ids, {} as Declared)),
    ]);
    preview.action = record || reading?.legacyClaim ? 'UPDATE' : 'CREATE';
    return { preview };
  }
  const declared = declaredFromModel(modelClass.deserialize(raw), type.declarable) as Declared;
  const lifecycle = new SettingsLifecycle(type, connection, records, { log: () => undefined });
  const { plan, reads, ownership, writes, unfinished, siblings } = await lifecycle.preview(ids, declared);
  preview.others = siblings.map(({ settingsName, record }) => {
    const who = record.stackId
      ? `${record.logicalResourceId ?? 'a resource'} in stack ${record.stackId}`
      : 'a resource';
    const owns = record.owns?.map((member) => member.path.join('.')).join(', ');
    return `${settingsName} (${who}): ${owns === undefined ? 'every setting it declares (a record from before SettingsName)' : owns || 'nothing'}`;
  });
  preview.action = ownership === 'claim' ? 'CREATE' : 'UPDATE';
  if (unfinished) preview.unfinished = unfinished.changes.map((change) => change.path.join('.'));
  preview.calls.push(...reads);
  preview.refusals = plan.refusals.map((refusal: Refusal) => refusal.message);
  if (preview.refusals.length > 0) return { preview, plan };
  preview.writes = writes
    .filter((write) => !write.check)
    .map((write) => ({ operation: write.operation, changes: write.changes() }));
  preview.calls.push(...writes.map((write) => write.operation));
  return { preview, plan };
}

/** The preview of a pool's settings, with the reference checks of `--real` when given. */
export async function previewPlan(
  gateway: CognitoGateway,
  poolId: string,
  properties: Record<string, unknown>,
  checkReferences?: ReferenceCheck,
  parameters?: ParameterStore,
): Promise<PlanPreview> {
  const ids = { UserPoolId: poolId };
  const { preview, plan } = await previewSettings(settingsType, ResourceModel, gateway, ids, properties, parameters);
  if (plan && checkReferences) preview.warnings = await checkReferences(plan.resultingPool, properties);
  return preview;
}

/** Parameter Store where the SDK's settings point (AWS_ENDPOINT_URL_SSM on the emulator). */
function defaultParameterStore(typeName: string): ParameterStore {
  return ParameterStore.forCaller(PLACEHOLDER_CREDENTIALS, 'us-east-1', { typeName, identifier: '' });
}

/** The preview of an app client's settings: see `previewSettings`. */
export async function previewClientPlan(
  gateway: CognitoGateway,
  poolId: string,
  clientId: string,
  properties: Record<string, unknown>,
  parameters?: ParameterStore,
): Promise<PlanPreview> {
  const ids = { UserPoolId: poolId, ClientId: clientId };
  return (await previewSettings(clientSettings, ClientModel, gateway, ids, properties, parameters)).preview;
}

export function formatPreview(preview: PlanPreview, where: string): string {
  const target = preview.clientId ? `app client ${preview.clientId} of ${preview.poolId}` : preview.poolId;
  const subject = preview.clientId ? 'client' : 'pool';
  const lines = [`Plan: ${preview.action} of ${preview.typeName} on ${target} (${where})`];
  if (preview.unfinished) {
    lines.push(`First, the last operation never finished: the handler puts back ${preview.unfinished.join(', ')}.`);
  }
  if (preview.others?.length) {
    lines.push(`Other settings resources on this ${subject} own:`);
    for (const other of preview.others) lines.push(`  ${other}`);
  }
  if (preview.problems.length > 0) {
    lines.push('Invalid properties (CloudFormation refuses the template; nothing would be called):');
    for (const problem of preview.problems) lines.push(`  ✗ ${problem}`);
  } else if (preview.refusals.length > 0) {
    lines.push('Refused (nothing would be written):');
    for (const refusal of preview.refusals) lines.push(`  ✗ ${refusal}`);
  } else if (preview.writes.length === 0) {
    lines.push(`No change: the ${subject} already has every declared setting.`);
  } else {
    lines.push('Would write:');
    for (const write of preview.writes) {
      lines.push(`  ${write.operation}`);
      for (const change of write.changes) {
        lines.push(`    ~ ${change.path}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`);
      }
    }
  }
  if (preview.warnings && preview.warnings.length > 0) {
    lines.push(
      'Cognito would refuse the update for what these settings name (checked read-only with your credentials):',
    );
    for (const warning of preview.warnings) lines.push(`  ⚠ ${warning}`);
  }
  if (preview.calls.length > 0) lines.push(`Cognito calls: ${preview.calls.join(' → ')}`);
  lines.push('Nothing was written.');
  return lines.join('\n');
}
