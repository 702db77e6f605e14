import { isDeepStrictEqual } from 'node:util';
import { flatten } from '../../engine/leafChanges';

/**
 * What Cognito's state must look like after a CREATE or UPDATE of declared settings,
 * written from the API reference and the measurements the project cites, independently
 * of the planner: the proxy in front of cognito-local (test/support/cognitoProxy.ts and
 * cognitoRules.ts) is the model of how each API writes and what it refuses; this is the
 * model of what a declaration means.
 *
 * - Each declared leaf holds afterwards (objects merge, lists and scalars replace).
 * - A declared object that selects another mode (EmailConfiguration with another
 *   EmailSendingAccount, SmsConfiguration with the other transport) replaces the old one.
 * - Nothing undeclared changes, at any depth, except what a declared value implies
 *   (PreTokenGeneration follows PreTokenGenerationConfig.LambdaArn; the MFA factor blocks
 *   follow the declared mode).
 * - Tags: declared keys hold, every other key (another writer's included) stays.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Equal as JSON values: what the proxy answers was parsed in Node's own realm (fetch), what
 * a test declares in the test's, and a strict comparison would tell their arrays apart.
 */
function sameValue(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(plain(a), plain(b));
}

/** A JSON value of this realm, with empty objects dropped: `LambdaConfig: {}` holds no more than no LambdaConfig. */
function plain(value: unknown): unknown {
  if (value === undefined) return undefined;
  const parsed: unknown = JSON.parse(JSON.stringify(value));
  const prune = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(prune);
    if (!node || typeof node !== 'object') return node;
    const entries = Object.entries(node)
      .map(([key, member]) => [key, prune(member)] as const)
      .filter(([, member]) => member !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  };
  return prune(parsed);
}

/** Legacy verification texts and the template member that supersedes each. */
const LEGACY_TEXTS: Record<string, string> = {
  EmailVerificationMessage: 'EmailMessage',
  EmailVerificationSubject: 'EmailSubject',
  SmsVerificationMessage: 'SmsMessage',
};

/** Leaves that change on any write or that Cognito derives, never a setting of their own. */
const DERIVED = [/^LastModifiedDate$/, /^AdminCreateUserConfig\.UnusedAccountValidityDays$/];

/** Whether a path is under (or is) one of the given paths. */
function under(path: string, paths: Iterable<string>): boolean {
  for (const candidate of paths) if (path === candidate || path.startsWith(`${candidate}.`)) return true;
  return false;
}

const LOG_DESTINATIONS = ['CloudWatchLogsConfiguration', 'S3Configuration', 'FirehoseConfiguration'];

/**
 * Log delivery as the model compares it: entries keyed by EventSource, since
 * SetLogDeliveryConfiguration's list is one entry per source, and a template's entries
 * merge into their own source's (`LogDeliveryConfiguration.userAuthEvents.LogLevel`).
 */
export function logsByEventSource(entries: Json[] | undefined): Json | undefined {
  if (!entries?.length) return undefined;
  return Object.fromEntries(entries.map(({ EventSource, ...entry }) => [EventSource, entry]));
}

/** The paths a declaration owns: its leaves, whole lists, and a replaced mode object. */
export function declaredPaths(declared: Json, before: Json): string[] {
  const paths = [...flatten(declared).keys()];
  const email = declared.EmailConfiguration;
  const emailAccount = (value: Json | undefined) => value?.EmailSendingAccount ?? 'COGNITO_DEFAULT';
  if (
    email &&
    email.EmailSendingAccount !== undefined &&
    emailAccount(email) !== emailAccount(before.EmailConfiguration)
  ) {
    paths.push('EmailConfiguration');
  }
  const sms = declared.SmsConfiguration;
  if (
    sms &&
    ((sms.EumsSms && before.SmsConfiguration?.SnsCallerArn) || (sms.SnsCallerArn && before.SmsConfiguration?.EumsSms))
  ) {
    paths.push('SmsConfiguration');
  }
  // SetUserPoolMfaConfig's SMS factor carries the pool's own SMS message and configuration
  // (SmsMfaConfigType): declaring them there writes the pool's.
  if (declared.SmsMfaConfiguration?.SmsAuthenticationMessage !== undefined) paths.push('SmsAuthenticationMessage');
  if (declared.SmsMfaConfiguration?.SmsConfiguration !== undefined) paths.push('SmsConfiguration');
  // A log entry has one destination: declaring one replaces the entry's other (LogConfigurationType).
  for (const [source, entry] of Object.entries((declared.LogDeliveryConfiguration ?? {}) as Json)) {
    if (LOG_DESTINATIONS.some((destination) => entry[destination] !== undefined)) {
      paths.push(...LOG_DESTINATIONS.map((destination) => `LogDeliveryConfiguration.${source}.${destination}`));
    }
  }
  if (declared.LambdaConfig?.PreTokenGenerationConfig || declared.LambdaConfig?.PreTokenGeneration) {
    paths.push('LambdaConfig.PreTokenGeneration', 'LambdaConfig.PreTokenGenerationConfig');
  }
  return paths;
}

export interface StateCheck {
  /** Where the state differs from what the declaration means, one line each. */
  violations: string[];
}

/**
 * Compares the pool (DescribeUserPool as the proxy answers it, with the MFA state under
 * `mfa`) after a successful write with the pool before it and the declaration.
 */
export function checkDeclaredApplied(before: Json, after: Json, declared: Json): StateCheck {
  const violations: string[] = [];
  const afterLeaves = flatten(after);
  const {
    UserPoolId: _id,
    Schema: schema,
    PoolName: _name,
    UsernameAttributes: _u,
    AliasAttributes: _a,
    UsernameConfiguration: _c,
    ...settings
  } = declared;
  const mfaDeclared = [
    'MfaConfiguration',
    'SoftwareTokenMfaConfiguration',
    'SmsMfaConfiguration',
    'EmailMfaConfiguration',
    'WebAuthnConfiguration',
  ];
  const { MfaConfiguration: mode, ...poolSettings } = Object.fromEntries(
    Object.entries(settings).filter(([key]) => !mfaDeclared.includes(key) || key === 'MfaConfiguration'),
  ) as Json;
  for (const [path, value] of flatten(poolSettings)) {
    if (!sameValue(afterLeaves.get(path), value)) {
      violations.push(`declared ${path} = ${JSON.stringify(value)}, pool has ${JSON.stringify(afterLeaves.get(path))}`);
    }
  }
  if (mode !== undefined) {
    if (after.MfaConfiguration !== mode)
      violations.push(`declared MfaConfiguration ${mode}, DescribeUserPool says ${after.MfaConfiguration}`);
    if (after.mfa?.MfaConfiguration !== mode) {
      violations.push(`declared MfaConfiguration ${mode}, GetUserPoolMfaConfig says ${after.mfa?.MfaConfiguration}`);
    }
  }
  if (declared.SoftwareTokenMfaConfiguration?.Enabled === true && (mode ?? after.MfaConfiguration) !== 'OFF') {
    if (after.mfa?.SoftwareTokenMfaConfiguration?.Enabled !== true)
      violations.push('declared TOTP on, the MFA state has it off');
  }
  for (const attribute of schema ?? []) {
    const name = String(attribute.Name).replace(/^custom:/, '');
    if (!(after.SchemaAttributes ?? []).some((existing: Json) => existing.Name === `custom:${name}`)) {
      violations.push(`declared custom attribute ${name} is missing`);
    }
  }
  const owned = declaredPaths(declared, before);
  // A legacy verification text is unused once the template holds the member that
  // supersedes it (DESIGN, "Describe → update: known traps"): not a setting of its own then.
  const template = after.VerificationMessageTemplate ?? {};
  const superseded = Object.entries(LEGACY_TEXTS)
    .filter(([, replacement]) => template[replacement] !== undefined)
    .map(([legacy]) => legacy);
  const beforeLeaves = flatten(before);
  for (const [path, value] of beforeLeaves) {
    if (DERIVED.some((pattern) => pattern.test(path)) || path.startsWith('mfa') || path === 'MfaConfiguration')
      continue;
    if (path.startsWith('SchemaAttributes') || under(path, owned) || superseded.includes(path)) continue;
    if (!sameValue(afterLeaves.get(path), value)) {
      violations.push(
        `undeclared ${path} changed: ${JSON.stringify(value)} → ${JSON.stringify(afterLeaves.get(path))}`,
      );
    }
  }
  return { violations };
}

/** After a refusal: the pool is exactly as before (only another writer's tags may differ). */
export function checkUnchanged(before: Json, after: Json, otherWritersTags: Record<string, string>): StateCheck {
  const strip = (pool: Json) => {
    const { LastModifiedDate: _m, UserPoolTags: tags, ...rest } = pool;
    const ownTags = Object.fromEntries(Object.entries(tags ?? {}).filter(([key]) => !(key in otherWritersTags)));
    return { ...rest, UserPoolTags: ownTags };
  };
  return sameValue(strip(before), strip(after))
    ? { violations: [] }
    : { violations: [`a refused operation changed the pool: ${JSON.stringify(diff(strip(before), strip(after)))}`] };
}

function diff(before: Json, after: Json): string[] {
  const was = flatten(before);
  const now = flatten(after);
  return [...new Set([...was.keys(), ...now.keys()])].filter(
    (path) => !isDeepStrictEqual(was.get(path), now.get(path)),
  );
}
