import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { PLACEHOLDER_CREDENTIALS } from '../test/support/cfnRequest';

/** Credentials and region from the default chain, for runs against a real account. */
export async function accountCredentials(
  fallbackRegion: string,
): Promise<{ credentials: typeof PLACEHOLDER_CREDENTIALS; region: string }> {
  const resolved = await fromNodeProviderChain()();
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
