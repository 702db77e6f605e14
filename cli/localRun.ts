import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { PLACEHOLDER_CREDENTIALS } from '../test/support/cfnRequest';

/** Credentials and region from the default chain, for runs against a real account. */
export async function accountCredentials(
  fallbackRegion: string,
): Promise<{ credentials: typeof PLACEHOLDER_CREDENTIALS; region: string }> {
  let resolved;
  try {
    // One quick try of the instance metadata service, not the SDK's default retries (~50 s
    // on a laptop, where there is none).
    resolved = await fromNodeProviderChain({ timeout: 1000, maxRetries: 0 })();
  } catch (error) {
    throw new Error(
      `No AWS credentials for --real (${(error as Error).message}). Set AWS_PROFILE (after \`aws sso login\` or \`aws configure\`), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; or leave out --real to run on the embedded emulator.`,
    );
  }
  return {
    credentials: {
      accessKeyId: resolved.accessKeyId,
      secretAccessKey: resolved.secretAccessKey,
      sessionToken: resolved.sessionToken ?? '',
    },
    region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? fallbackRegion,
  };
}

/** The lib prints its own progress with console.log; local tools print a summary instead. */
export function silenceConsoleLog(): () => void {
  const original = console.log;
  console.log = () => undefined;
  return () => {
    console.log = original;
  };
}

/** The Region a user pool id names: `eu-west-1_AbC123` is in eu-west-1. */
export function regionOfPoolId(poolId: string): string | undefined {
  return /^([a-z]{2}(?:-[a-z]+)+-\d+)_[A-Za-z0-9]+$/.exec(poolId)?.[1];
}

/**
 * The Region to reach a pool in: the one its id names. An explicit Region (AWS_REGION,
 * AWS_DEFAULT_REGION) that disagrees is refused rather than answered with NotFound.
 */
export function regionForPool(poolId: string): string | undefined {
  const named = regionOfPoolId(poolId);
  const explicit = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (named && explicit && named !== explicit) {
    throw new Error(
      `The pool ${poolId} is in ${named}, but AWS_REGION says ${explicit}: unset it, or set it to ${named}.`,
    );
  }
  return named;
}
