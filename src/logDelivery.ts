import type { LogConfigurationType, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { deepMerge } from '../engine/merge';
import { threatProtectionOn } from '../engine/cognito/riskConfiguration';

/**
 * Log delivery as a template declares it: `{ LogConfigurations: [...] }`, one entry per event
 * source. SetLogDeliveryConfiguration's list is the whole configuration (an entry it omits
 * is turned off), so declared entries are merged into the described list by EventSource.
 */
export interface LogDeliverySettings {
  LogConfigurations?: LogConfigurationType[];
}

const DESTINATIONS = ['CloudWatchLogsConfiguration', 'S3Configuration', 'FirehoseConfiguration'] as const;

/**
 * Declared entries merged into the described list by EventSource: a declared event source
 * merges into its own entry member by member (a declared destination replaces the one
 * described, since an entry has one destination), or is added; the other entries stay.
 * `replace` is for a restore, whose list is the whole configuration as it was.
 */
export function mergeLogConfigurations(
  described: readonly LogConfigurationType[],
  declared: LogDeliverySettings | null | undefined,
  replace = false,
): LogConfigurationType[] {
  if (declared === undefined) return [...described];
  if (declared === null || replace) return [...(declared?.LogConfigurations ?? [])];
  const merged = [...described];
  for (const entry of declared.LogConfigurations ?? []) {
    const at = merged.findIndex((existing) => existing.EventSource === entry.EventSource);
    if (at < 0) {
      merged.push(entry);
      continue;
    }
    const existing = { ...merged[at] };
    if (DESTINATIONS.some((destination) => entry[destination] !== undefined)) {
      for (const destination of DESTINATIONS) delete existing[destination];
    }
    merged[at] = deepMerge(existing, entry);
  }
  return merged;
}

const ARN_PATTERNS: Record<(typeof DESTINATIONS)[number], { member: string; pattern: RegExp; shape: string }> = {
  CloudWatchLogsConfiguration: {
    member: 'LogGroupArn',
    pattern: /^arn:aws[a-z-]*:logs:[a-z0-9-]+:\d{12}:log-group:[\w./#-]+(:\*)?$/,
    shape: 'arn:aws:logs:<region>:<account>:log-group:<name>',
  },
  S3Configuration: {
    member: 'BucketArn',
    pattern: /^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
    shape: 'arn:aws:s3:::<bucket>',
  },
  FirehoseConfiguration: {
    member: 'StreamArn',
    pattern: /^arn:aws[a-z-]*:firehose:[a-z0-9-]+:\d{12}:deliverystream\/[\w.-]+$/,
    shape: 'arn:aws:firehose:<region>:<account>:deliverystream/<name>',
  },
};

/**
 * What Cognito refuses in a merged log delivery configuration, from the LogConfigurationType
 * and SetLogDeliveryConfiguration API references (and terraform-provider-aws PR #47894):
 * at most two entries, one per event source, each with exactly one destination;
 * `userNotification` goes at ERROR to CloudWatch Logs; `userAuthEvents` (threat protection's
 * user activity) goes at INFO, to any destination, and needs the Plus plan with threat
 * protection on ("when threat protection is active, user-activity logs").
 */
export function findLogDeliveryProblems(merged: readonly LogConfigurationType[], pool: UserPoolType): string[] {
  const problems: string[] = [];
  const subject = 'LogDeliveryConfiguration.LogConfigurations';
  const sources = merged.map((entry) => entry.EventSource);
  const repeated = sources.filter((source, index) => sources.indexOf(source) !== index);
  if (repeated.length > 0) problems.push(`${subject}: one entry per EventSource; ${repeated.join(', ')} repeats.`);
  if (merged.length > 2) problems.push(`${subject}: at most 2 entries (userNotification, userAuthEvents).`);
  for (const entry of merged) {
    const at = `${subject}[EventSource=${entry.EventSource}]`;
    const destinations = DESTINATIONS.filter((destination) => entry[destination] !== undefined);
    if (destinations.length !== 1) {
      problems.push(
        `${at}: needs exactly one destination (${DESTINATIONS.join(', ')}); it has ${destinations.length === 0 ? 'none' : destinations.join(' and ')}.`,
      );
    }
    for (const destination of destinations) {
      const { member, pattern, shape } = ARN_PATTERNS[destination];
      const arn = (entry[destination] as Record<string, string | undefined>)[member];
      if (!arn || !pattern.test(arn)) {
        problems.push(`${at}.${destination}.${member}: ${arn ?? 'missing'} is not an ARN of the form ${shape}.`);
      }
    }
    if (entry.EventSource === 'userNotification') {
      if (entry.LogLevel !== 'ERROR') problems.push(`${at}.LogLevel: userNotification logs go at ERROR.`);
      if (destinations.some((destination) => destination !== 'CloudWatchLogsConfiguration')) {
        problems.push(`${at}: userNotification logs go to CloudWatchLogsConfiguration only.`);
      }
    }
    if (entry.EventSource === 'userAuthEvents') {
      if (entry.LogLevel !== 'INFO') problems.push(`${at}.LogLevel: userAuthEvents logs go at INFO.`);
      const tier = pool.UserPoolTier ?? 'ESSENTIALS';
      if (tier !== 'PLUS') {
        problems.push(
          `${at}: user activity logs need the Plus feature plan; declare UserPoolTier PLUS (the pool is on ${tier}).`,
        );
      } else if (!threatProtectionOn(pool)) {
        problems.push(
          `${at}: user activity logs need threat protection; declare UserPoolAddOns.AdvancedSecurityMode AUDIT or ENFORCED.`,
        );
      }
    }
  }
  return problems;
}
