import {
  exceptions,
  type Optional,
  type SessionProxy,
} from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { TYPE_VERSION } from '../version';

export interface CallerCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** SDK retries, including TooManyRequestsException, before a Throttling failure. */
const MAX_ATTEMPTS = 6;

/**
 * An SDK v3 client for the caller's credentials and the request's region. The
 * endpoint comes only from the SDK's own settings (AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER).
 */
export function createCognitoClient(
  credentials: CallerCredentials,
  region: string,
  typeName: string,
  action?: string,
): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient(callerClientOptions(credentials, region, typeName, action));
}

/**
 * What every SDK v3 client of a handler is built with: the caller's credentials, the
 * request's region, the SDK's retries and a user agent naming the type, its version and
 * the handler action (`action/UPDATE`), so that CloudTrail (and the tests' check of each
 * handler's permissions) can tell which handler made a call.
 */
export function callerClientOptions(credentials: CallerCredentials, region: string, typeName: string, action?: string) {
  return {
    region,
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    },
    maxAttempts: MAX_ATTEMPTS,
    customUserAgent: [[typeName.replace(/::/g, '-'), TYPE_VERSION], ...(action ? [['action', action]] : [])] as [
      string,
      string,
    ][],
  };
}

/** The caller's credentials and the request's region, as every AWS client of a handler needs them. */
export function callerOf(
  session: Optional<SessionProxy>,
  requestRegion: string | undefined,
): { credentials: CallerCredentials; region: string } {
  const credentials = session?.configuration?.credentials as CallerCredentials | undefined;
  if (!credentials?.accessKeyId || !credentials.secretAccessKey) {
    throw new exceptions.InvalidCredentials('No caller credentials in the request.');
  }
  const region = requestRegion ?? (session?.configuration?.region as string | undefined);
  if (!region) throw new exceptions.InvalidRequest('The request names no region.');
  return { credentials, region };
}

/** A client for the caller's session and the request's region, as every handler needs one. */
export function clientForSession(
  session: Optional<SessionProxy>,
  requestRegion: string | undefined,
  typeName: string,
): CognitoIdentityProviderClient {
  const { credentials, region } = callerOf(session, requestRegion);
  return createCognitoClient(credentials, region, typeName);
}
