import { isDeepStrictEqual } from 'node:util';
import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { DeclaredSettings } from '../src/pool/settings';
import { declaredSettingsFromModel } from '../src/pool/declaredSettings';
import { findSchemaProblems } from '../src/pool/validation';
import { isManaged } from '../src/pool/ownership';
import { ResourceModel } from '../src/models';
import { UserPoolSettingsOperations } from '../src/operations';
import type { CognitoGateway } from '../engine/cognito/gateway';
import { TYPE_NAME } from '../engine/typeInfo';
import { flatten } from './poolDiff';

export interface LeafChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface PlannedWrite {
  operation:
    | 'UpdateUserPool'
    | 'SetUserPoolMfaConfig'
    | 'AddCustomAttributes'
    | 'TagResource'
    | 'UntagResource'
    | 'UpdateUserPoolClient'
    | 'PutParameter';
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
  /** Every Cognito call the operation would make, in order. */
  calls: string[];
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
 * Previews CREATE (the pool is not managed yet) or UPDATE (it is) of the given
 * properties, as CloudFormation would send them, through the same validation, model
 * conversion, reads and planner as the handlers.
 */
export async function previewPlan(
  gateway: CognitoGateway,
  poolId: string,
  properties: Record<string, unknown>,
  checkReferences?: ReferenceCheck,
): Promise<PlanPreview> {
  const raw = { ...properties, UserPoolId: poolId };
  const problems = findSchemaProblems(raw);
  if (problems.length > 0) {
    // Nothing to plan: the properties cannot even be converted. The pool says which action it would be.
    const action = isManaged(await gateway.describePool(poolId)) ? 'UPDATE' : 'CREATE';
    return { typeName: TYPE_NAME, poolId, action, problems, refusals: [], writes: [], calls: [] };
  }
  const declared: DeclaredSettings = declaredSettingsFromModel(ResourceModel.deserialize(raw));
  const operations = new UserPoolSettingsOperations(gateway, { log: () => undefined });
  const { plan, reads, ownership } = await operations.preview(poolId, declared);
  const preview: PlanPreview = {
    typeName: TYPE_NAME,
    poolId,
    action: ownership === 'claim' ? 'CREATE' : 'UPDATE',
    problems,
    refusals: [],
    writes: [],
    calls: [],
  };
  preview.calls.push(...reads);
  if (checkReferences) preview.warnings = await checkReferences(plan.resultingPool, properties);
  preview.refusals = plan.refusals.map((refusal) => refusal.message);
  if (preview.refusals.length > 0) return preview;
  const pool: PlannedWrite | undefined = plan.updateRequest && {
    operation: 'UpdateUserPool',
    changes: leafChanges(plan.restoreRequest, plan.updateRequest),
  };
  const mfa: PlannedWrite | undefined = plan.setMfaRequest && {
    operation: 'SetUserPoolMfaConfig',
    changes: leafChanges(plan.restoreMfaRequest, plan.setMfaRequest),
  };
  const ordered = plan.mfaFirst ? [mfa, pool] : [pool, mfa];
  for (const write of ordered) if (write) preview.writes.push(write);
  if (plan.tagWrite) preview.writes.push(tagWrite(plan.tagWrite.tags, plan.tagWrite.restoreTags));
  for (const batch of plan.customAttributeBatches) {
    preview.writes.push({
      operation: 'AddCustomAttributes',
      changes: batch.map((attribute) => ({
        path: `Schema.custom:${attribute.Name}`,
        before: undefined,
        after: attribute,
      })),
    });
  }

  preview.calls.push(...preview.writes.map((write) => write.operation));
  return preview;
}

/** A TagResource on the pool: declared tags that change, or an ownership marker. */
export function tagWrite(tags: Record<string, string>, before: Record<string, string> = {}): PlannedWrite {
  return {
    operation: 'TagResource',
    changes: Object.entries(tags).map(([key, value]) => ({
      path: `UserPoolTags.${key}`,
      before: before[key],
      after: value,
    })),
  };
}

export function leafChanges(before: object | undefined, after: object): LeafChange[] {
  const was = flatten(before ?? {});
  const now = flatten(after);
  return (
    [...new Set([...was.keys(), ...now.keys()])]
      // Values, not their text: key order inside a list item is no change.
      .filter((path) => !isDeepStrictEqual(was.get(path), now.get(path)))
      .sort()
      .map((path) => ({ path, before: was.get(path), after: now.get(path) }))
  );
}

export function formatPreview(preview: PlanPreview, where: string): string {
  const target = preview.clientId ? `app client ${preview.clientId} of ${preview.poolId}` : preview.poolId;
  const subject = preview.clientId ? 'client' : 'pool';
  const lines = [`Plan: ${preview.action} of ${preview.typeName} on ${target} (${where})`];
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
