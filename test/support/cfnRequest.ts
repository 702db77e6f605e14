/** Credentials shaped as CloudFormation passes them; never real ones in this repo. */
export const PLACEHOLDER_CREDENTIALS = {
  accessKeyId: 'AKIAEXAMPLEEXAMPLE00',
  secretAccessKey: 'example-secret-access-key',
  sessionToken: 'example-session-token',
};

export type HandlerAction = 'CREATE' | 'READ' | 'UPDATE' | 'DELETE' | 'LIST';

export interface CfnRequestOptions {
  action: HandlerAction;
  properties?: Record<string, unknown>;
  previousProperties?: Record<string, unknown>;
  callbackContext?: Record<string, unknown>;
  region?: string;
  credentials?: typeof PLACEHOLDER_CREDENTIALS;
  /** As for a type registered with a logging configuration: where provider logs and metrics go. */
  provider?: { logGroupName: string; credentials: typeof PLACEHOLDER_CREDENTIALS };
  /** The type the request is for; Org::Cognito::UserPoolSettings unless told. */
  resourceType?: string;
  /** LIST: the token the previous page answered with. */
  nextToken?: string;
  /** The request's top-level `rollback`: CloudFormation is rolling the stack back. */
  rollback?: boolean;
  /** Who sends it: another stack or logical resource than the default example's. */
  stackId?: string;
  logicalResourceId?: string;
}

/** CloudFormation sends every primitive in resource properties as a string. */
export function asCloudFormationSends(value: unknown): unknown {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(asCloudFormationSends);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, asCloudFormationSends(member)]));
  }
  return value;
}

/** A handler request payload with the shape CloudFormation sends to `entrypoint`. */
export function cfnRequest(options: CfnRequestOptions): Record<string, unknown> {
  const region = options.region ?? 'us-east-1';
  return {
    awsAccountId: '123456789012',
    bearerToken: 'example-bearer-token',
    region,
    action: options.action,
    responseEndpoint: null,
    resourceType: options.resourceType ?? 'Org::Cognito::UserPoolSettings',
    resourceTypeVersion: '00000001',
    stackId:
      options.stackId ??
      `arn:aws:cloudformation:${region}:123456789012:stack/example/00000000-0000-0000-0000-000000000000`,
    callbackContext: options.callbackContext ?? null,
    ...(options.rollback !== undefined ? { rollback: options.rollback } : {}),
    ...(options.nextToken !== undefined ? { nextToken: options.nextToken } : {}),
    requestData: {
      callerCredentials: options.credentials ?? PLACEHOLDER_CREDENTIALS,
      providerCredentials: options.provider?.credentials ?? null,
      providerLogGroupName: options.provider?.logGroupName ?? null,
      logicalResourceId:
        options.logicalResourceId ?? (options.resourceType ?? 'Org::Cognito::UserPoolSettings').split('::')[2],
      resourceProperties: asCloudFormationSends(options.properties ?? {}),
      previousResourceProperties: options.previousProperties ? asCloudFormationSends(options.previousProperties) : null,
      stackTags: null,
      previousStackTags: null,
      systemTags: null,
      typeConfiguration: null,
    },
  };
}
