import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { TYPE_NAME, TYPE_VERSION } from '../typeInfo';

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
export function createCognitoClient(credentials: CallerCredentials, region: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region,
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    },
    maxAttempts: MAX_ATTEMPTS,
    customUserAgent: [[TYPE_NAME.replace(/::/g, '-'), TYPE_VERSION]],
  });
}
