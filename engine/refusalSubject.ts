import { exceptions } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { cognitoErrorName, IamPropagationPending } from './cognito/errors';
import { isPlainObject } from './merge';

/**
 * Cognito sends complete updates back, so a setting that something outside the template
 * broke (a deleted SES identity, a changed SMS role, a deleted Lambda function or identity
 * provider) makes every update fail, whatever the template changes. Cognito's guide:
 * "examine the error response and validate the setting that it mentions". This finds that
 * setting and says whether the template declares it and what to do.
 */

/** The setting a Cognito exception is about by its very name. */
const SUBJECT_OF_EXCEPTION: Record<string, string[]> = {
  InvalidEmailRoleAccessPolicyException: ['EmailConfiguration.SourceArn', 'EmailConfiguration'],
  InvalidSmsRoleAccessPolicyException: ['SmsConfiguration.SnsCallerArn', 'SmsConfiguration.EumsSms.CallerArn'],
  InvalidSmsRoleTrustRelationshipException: ['SmsConfiguration.SnsCallerArn', 'SmsConfiguration.EumsSms.CallerArn'],
  InvalidLambdaResponseException: ['LambdaConfig'],
  UserLambdaValidationException: ['LambdaConfig'],
};

/** Where a setting's value lives outside the pool, so the reason can say what to fix. */
const WHERE_IT_LIVES: [RegExp, string][] = [
  [/^EmailConfiguration/, 'verify or restore the Amazon SES identity or configuration set it names'],
  [/^SmsConfiguration/, 'restore the trust policy and permissions of the IAM role Cognito sends SMS with'],
  [/^LambdaConfig\.KMSKeyID/, 'restore the KMS key it names, or let Cognito use it'],
  [/^LambdaConfig/, 'restore the Lambda function it names, or let Cognito invoke it'],
  [/^SupportedIdentityProviders/, "create the pool's identity provider it names again"],
  [/^AnalyticsConfiguration/, 'restore the Amazon Pinpoint project or IAM role it names'],
];

/** The request leaves, by path; list items share their list's path. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((item) => leaves(item, path));
  if (isPlainObject(value)) {
    return Object.entries(value).flatMap(([key, member]) => leaves(member, path ? `${path}.${key}` : key));
  }
  return [[path, value]];
}

/**
 * The request member Cognito's answer is about, or undefined when nothing matches: the
 * exception's own subject, a provider it says does not exist, a value of the request
 * that appears in the message (an ARN, an address, a name), or a member it names.
 */
export function findRefusedSetting(errorName: string, message: string, request: object): string | undefined {
  const requestLeaves = leaves(request).filter(([path]) => path !== 'UserPoolId' && path !== 'ClientId');
  const paths = new Set(requestLeaves.map(([path]) => path));
  const subject = SUBJECT_OF_EXCEPTION[errorName]?.find(
    (path) => paths.has(path) || [...paths].some((leaf) => leaf.startsWith(`${path}.`)),
  );
  if (subject) return subject;
  // "The provider Google does not exist for User Pool us-east-1_…"
  const provider = /provider (\S+) does not exist/i.exec(message)?.[1];
  if (provider && paths.has('SupportedIdentityProviders')) return 'SupportedIdentityProviders';
  const lowerMessage = message.toLowerCase();
  // The longest value that appears wins: an identity ARN over the address inside it.
  const byValue = requestLeaves
    .filter(([, value]) => typeof value === 'string' && value.length >= 8 && lowerMessage.includes(value.toLowerCase()))
    .sort(([, a], [, b]) => String(b).length - String(a).length)[0];
  if (byValue) return byValue[0];
  // A member named in the message (Cognito writes them camelCase or PascalCase).
  const named = [...paths]
    .flatMap((path) => path.split('.').map((_, index, parts) => parts.slice(0, index + 1).join('.')))
    .filter((path) => {
      const member = path.split('.').pop() ?? '';
      return member.length >= 6 && new RegExp(`\\b${member}\\b`, 'i').test(message);
    })
    .sort((a, b) => b.split('.').length - a.split('.').length);
  return named[0];
}

/** Whether the template declares the setting at `path`, or one within or around it. */
export function declares(declared: object, path: string): boolean {
  return leaves(declared).some(([leaf]) => leaf === path || leaf.startsWith(`${path}.`) || path.startsWith(`${leaf}.`));
}

/** The sentence the status reason gets after Cognito's own text. */
export function refusalExplanation(
  errorName: string,
  message: string,
  request: object,
  declared: object,
  /** What the type calls the resource whose setting is at fault: 'pool', 'app client'. */
  owner: string,
): string {
  const setting = findRefusedSetting(errorName, message, request);
  if (!setting) {
    return `Cognito's answer names no setting of the request that this type can match, so it cannot say which of the ${owner}'s settings is at fault.`;
  }
  if (declares(declared, setting)) {
    return `The setting at fault is ${setting}, which the template declares: correct its value in the template.`;
  }
  const top = setting.split('.')[0];
  const where = WHERE_IT_LIVES.find(([pattern]) => pattern.test(setting))?.[1] ?? 'repair what it points to';
  return `The setting at fault is ${setting}, which the template does not declare: it is the ${owner}'s current value, carried unchanged because an update resets what it leaves out. Fix it where it lives (${where}), or declare a replacement ${top} in the template.`;
}

/**
 * Cognito's refusal of a write, with the setting it is about named in the reason. Only
 * refusals are explained (InvalidRequest, and the SMS role errors that are retried while
 * IAM propagates); any other error passes through unchanged.
 */
export function explainRefusal(
  error: unknown,
  request: object,
  declared: object,
  /** What the type calls the resource whose setting is at fault: 'pool', 'app client'. */
  owner: string,
): unknown {
  const name = cognitoErrorName(error);
  if (!name) return error;
  const isRefusal = error instanceof exceptions.InvalidRequest || error instanceof IamPropagationPending;
  if (!isRefusal) return error;
  const message = `${(error as Error).message} ${refusalExplanation(name, (error as Error).message, request, declared, owner)}`;
  const explained =
    error instanceof IamPropagationPending
      ? new IamPropagationPending(message)
      : new exceptions.InvalidRequest(message);
  return Object.defineProperty(explained, 'cognitoErrorName', { value: name });
}
