import { exceptions } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';

/**
 * The nextToken a LIST hands CloudFormation: Cognito's own page token for the list it
 * walks, wrapped with the list's name so a token from another list, another type or a
 * typo is refused as InvalidRequest before any call.
 */
export function encodeListToken(list: string, cognitoToken: string | undefined): string | undefined {
  if (!cognitoToken) return undefined;
  return Buffer.from(JSON.stringify({ list, token: cognitoToken })).toString('base64url');
}

export function decodeListToken(list: string, nextToken: string | undefined): string | undefined {
  if (nextToken === undefined || nextToken === null || nextToken === '') return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(String(nextToken), 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = decoded as { list?: unknown; token?: unknown } | undefined;
  if (!parsed || parsed.list !== list || typeof parsed.token !== 'string' || parsed.token === '') {
    throw new exceptions.InvalidRequest('nextToken is not one this LIST handed out; start again without a nextToken.');
  }
  return parsed.token;
}

/** The name of the list a token walks, or undefined for none (or one that is not a token this LIST handed out). */
export function listTokenName(nextToken: string | undefined): string | undefined {
  if (!nextToken) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(String(nextToken), 'base64url').toString('utf8')) as { list?: unknown };
    return typeof parsed?.list === 'string' ? parsed.list : undefined;
  } catch {
    return undefined;
  }
}
