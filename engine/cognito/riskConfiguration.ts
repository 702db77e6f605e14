import { isIP } from 'node:net';
import type {
  AccountTakeoverRiskConfigurationType,
  CompromisedCredentialsRiskConfigurationType,
  RiskConfigurationType,
  RiskExceptionConfigurationType,
  SetRiskConfigurationCommandInput,
  UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { changedMembers, leafChanges } from '../leafChanges';
import { deepMerge, pruneEmpty } from '../merge';
import type { PlannedWrite } from '../settingsType';
import type { CognitoGateway } from './gateway';

/**
 * Threat protection's risk configuration, as a template declares it: SetRiskConfiguration's
 * members without the identifiers. SetRiskConfiguration replaces the whole configuration
 * ("To set the risk configuration for the user pool to defaults, send this request with only
 * the UserPoolId", SetRiskConfiguration API reference), so it is merged member by member
 * into what DescribeRiskConfiguration answers and sent whole, like UpdateUserPool.
 */
export interface RiskSettings {
  CompromisedCredentialsRiskConfiguration?: CompromisedCredentialsRiskConfigurationType;
  AccountTakeoverRiskConfiguration?: AccountTakeoverRiskConfigurationType;
  RiskExceptionConfiguration?: RiskExceptionConfigurationType;
}

export const RISK_MEMBERS = [
  'CompromisedCredentialsRiskConfiguration',
  'AccountTakeoverRiskConfiguration',
  'RiskExceptionConfiguration',
] as const satisfies readonly (keyof RiskSettings)[];

/**
 * A risk configuration as DescribeRiskConfiguration reports it. Cognito reports only the
 * members that were set: a pool never configured (or reset) answers with its UserPoolId
 * alone (terraform-provider-aws risk_configuration_test.go reads back no member it did not
 * set, and reads an empty configuration after its delete, which sends only the ids). For an
 * app client, a configuration without `ClientId` is the pool's, which the client inherits
 * (RiskConfigurationType.ClientId: "When this parameter isn't present, the risk
 * configuration applies to all user pool app clients that don't have client-level settings").
 */
export interface DescribedRisk {
  settings: RiskSettings;
  /** Whether the configuration is the one asked for: false when a client inherits the pool's. */
  own: boolean;
}

/** The declarable members of a described configuration; undefined (threat protection never enabled) describes as nothing set. */
export function describedRisk(described: RiskConfigurationType | undefined, clientId?: string): DescribedRisk {
  const settings: RiskSettings = {};
  for (const member of RISK_MEMBERS) {
    const value = pruneEmpty(described?.[member]);
    if (value !== undefined) (settings as Record<string, unknown>)[member] = value;
  }
  const own = clientId === undefined ? true : described?.ClientId === clientId;
  return { settings, own };
}

/** Declared members merged into the described ones: objects member by member, lists (IP ranges, event filters) replaced. */
export function mergeRisk(described: RiskSettings, declared: RiskSettings | null | undefined): RiskSettings {
  if (declared === undefined) return described;
  return deepMerge(described, declared) ?? {};
}

/** The complete SetRiskConfiguration request for a configuration: what it omits, Cognito resets. */
export function setRiskRequest(
  ids: { UserPoolId: string; ClientId?: string },
  settings: RiskSettings,
): SetRiskConfigurationCommandInput {
  return { ...ids, ...settings };
}

const SES_IDENTITY_ARN = /^arn:aws[a-z-]*:ses:[a-z0-9-]+:\d{12}:identity\/.+$/;
// SetRiskConfiguration API reference (NotifyEmailType.Subject: 1-140 characters) and
// botocore cognito-idp service-2.json (BlockedIPRangeListType, SkippedIPRangeListType: at most 200).
const MAX_IP_RANGES = 200;
const MAX_SUBJECT = 140;

/**
 * What Cognito refuses in a merged risk configuration, each naming its property path under
 * `subject` (RiskConfiguration): the members SetRiskConfiguration requires, notification
 * emails with their sender, IP ranges in CIDR notation.
 */
export function findRiskProblems(merged: RiskSettings, subject = 'RiskConfiguration'): string[] {
  const problems: string[] = [];
  const compromised = merged.CompromisedCredentialsRiskConfiguration;
  if (compromised && !compromised.Actions?.EventAction) {
    problems.push(
      `${subject}.CompromisedCredentialsRiskConfiguration.Actions.EventAction: required (BLOCK or NO_ACTION) once compromised-credentials settings are declared.`,
    );
  }
  const takeover = merged.AccountTakeoverRiskConfiguration;
  if (takeover) {
    const actions = takeover.Actions ?? {};
    // AccountTakeoverRiskConfigurationType.Actions is required; each of its levels is optional.
    if (!takeover.Actions) {
      problems.push(
        `${subject}.AccountTakeoverRiskConfiguration.Actions: required once account-takeover settings are declared (LowAction, MediumAction, HighAction).`,
      );
    }
    const levels = (['LowAction', 'MediumAction', 'HighAction'] as const).filter((level) => actions[level]);
    for (const level of levels) {
      const action = actions[level];
      if (action?.EventAction === undefined || action.Notify === undefined) {
        problems.push(
          `${subject}.AccountTakeoverRiskConfiguration.Actions.${level}: needs both Notify and EventAction (BLOCK, MFA_IF_CONFIGURED, MFA_REQUIRED or NO_ACTION).`,
        );
      }
    }
    const notifies = levels.some((level) => actions[level]?.Notify === true);
    const notify = takeover.NotifyConfiguration;
    if ((notifies || notify) && !notify?.SourceArn) {
      problems.push(
        `${subject}.AccountTakeoverRiskConfiguration.NotifyConfiguration.SourceArn: required${notifies ? ' when an action has Notify true' : ''}; name the Amazon SES identity that sends the notification emails.`,
      );
    } else if (notify?.SourceArn && !SES_IDENTITY_ARN.test(notify.SourceArn)) {
      problems.push(
        `${subject}.AccountTakeoverRiskConfiguration.NotifyConfiguration.SourceArn: ${notify.SourceArn} is not an Amazon SES identity ARN (arn:aws:ses:<region>:<account>:identity/<address or domain>).`,
      );
    }
    for (const email of ['BlockEmail', 'NoActionEmail', 'MfaEmail'] as const) {
      const template = notify?.[email];
      if (template && !(template.Subject && template.Subject.length <= MAX_SUBJECT)) {
        problems.push(
          `${subject}.AccountTakeoverRiskConfiguration.NotifyConfiguration.${email}.Subject: required, 1-${MAX_SUBJECT} characters.`,
        );
      }
    }
  }
  for (const list of ['BlockedIPRangeList', 'SkippedIPRangeList'] as const) {
    const ranges = merged.RiskExceptionConfiguration?.[list] ?? [];
    if (ranges.length > MAX_IP_RANGES) {
      problems.push(
        `${subject}.RiskExceptionConfiguration.${list}: ${ranges.length} ranges; Cognito allows at most ${MAX_IP_RANGES}.`,
      );
    }
    const notCidr = ranges.filter((range) => !isCidr(range));
    if (notCidr.length > 0) {
      problems.push(`${subject}.RiskExceptionConfiguration.${list}: not in CIDR notation: ${notCidr.join(', ')}.`);
    }
  }
  return problems;
}

function isCidr(range: string): boolean {
  const [address, bits, ...rest] = range.split('/');
  if (rest.length > 0 || bits === undefined || !/^\d{1,3}$/.test(bits)) return false;
  const version = isIP(address);
  return version !== 0 && Number(bits) <= (version === 4 ? 32 : 128);
}

/** Whether threat protection runs on a pool: UserPoolAddOns.AdvancedSecurityMode AUDIT or ENFORCED. */
export function threatProtectionOn(pool: UserPoolType): boolean {
  return ['AUDIT', 'ENFORCED'].includes(pool.UserPoolAddOns?.AdvancedSecurityMode ?? 'OFF');
}

/**
 * Whether a pool may hold a risk configuration: threat protection is a Plus feature
 * (SetRiskConfiguration API reference: "your user pool must be on the Plus tier"; an
 * ESSENTIALS pool answers FeatureUnavailableInTierException, terraform-provider-aws PR
 * #40734, aws-cdk PR #33565), except on a pool Cognito let keep it when feature plans came
 * (a LITE or ESSENTIALS pool that already ran threat protection, aws-cdk #36023).
 * `before` is the pool as described, `after` as the operation leaves it.
 */
export function threatProtectionProblem(
  before: UserPoolType,
  after: UserPoolType,
  subject: string,
): string | undefined {
  const tier = after.UserPoolTier ?? 'ESSENTIALS';
  if (tier === 'PLUS') return undefined;
  const grandfathered = (before.UserPoolTier ?? 'ESSENTIALS') !== 'PLUS' && threatProtectionOn(before);
  if (grandfathered) return undefined;
  return `${subject}: threat protection needs the Plus feature plan, and this pool is on ${tier} (Cognito answers FeatureUnavailableInTierException); declare UserPoolTier PLUS, or leave ${subject} out.`;
}

/** SetRiskConfiguration of a pool or app client (`subject`), undone with the configuration described before it. */
export function riskConfigurationWrite(
  cognito: CognitoGateway,
  subject: string,
  request: SetRiskConfigurationCommandInput,
  restore: SetRiskConfigurationCommandInput,
): PlannedWrite {
  return {
    operation: 'SetRiskConfiguration',
    log: `SetRiskConfiguration ${subject}: ${changedMembers(request, restore).join(', ')}`,
    request,
    changes: () => leafChanges({ RiskConfiguration: restore }, { RiskConfiguration: request }),
    run: () => cognito.setRiskConfiguration(request),
    undo: () => cognito.setRiskConfiguration(restore),
  };
}
