import { PLACEHOLDER_CREDENTIALS } from '../test/support/cfnRequest';
import { startCognitoLocal, type CognitoLocal } from '../test/support/cognitoLocal';
import { CognitoProxy } from '../test/support/cognitoProxy';
import { loadHandler, runToCompletion, type ProgressEvent } from '../test/support/handlerRunner';
import { accountCredentials, silenceConsoleLog } from './localRun';
import { pointHandlersAt } from '../test/support/emulatorEndpoints';

/** Where a demo runs: an AWS account, or the embedded cognito-local behind the proxy. */
export interface DemoCognito {
  region: string;
  credentials: typeof PLACEHOLDER_CREDENTIALS;
  local?: CognitoLocal;
  /** Counts the handler's calls and makes cognito-local answer like Cognito. */
  proxy?: CognitoProxy;
  /** Stops the emulator and restores the handler's endpoint. */
  stop(): Promise<void>;
}

export type DemoAction = 'CREATE' | 'READ' | 'UPDATE' | 'DELETE';

/**
 * How a demo calls a type's bundled handler: through its production entrypoint, as
 * CloudFormation would, with the lib's console chatter kept out unless verbose.
 */
export function demoInvoker(
  handlerPath: string,
  where: Pick<DemoCognito, 'region' | 'credentials'>,
  options: { resourceType?: string; verbose?: boolean },
): (action: DemoAction, properties: Record<string, unknown>) => Promise<ProgressEvent> {
  const entrypoint = loadHandler(handlerPath);
  return async (action, properties) => {
    const restoreLog = options.verbose ? () => undefined : silenceConsoleLog();
    try {
      const request = { action, properties, ...where, resourceType: options.resourceType };
      return (await runToCompletion(entrypoint, request)).event;
    } finally {
      restoreLog();
    }
  };
}

/**
 * Opens the Cognito a demo runs against: the account's (default credential chain and
 * region) or the embedded emulator, which the handler then reaches through the SDK's
 * own endpoint variable.
 */
export async function openDemoCognito(
  realAccount: boolean | undefined,
  print: (line: string) => void,
  starting: string,
): Promise<DemoCognito> {
  let restoreEndpoint = () => undefined as void;
  if (realAccount) {
    print('▶ Using your AWS account (default credential chain and region)');
    const { credentials, region } = await accountCredentials('us-east-1');
    return { region, credentials, stop: async () => restoreEndpoint() };
  }
  print(starting);
  const local = await startCognitoLocal();
  const proxy = new CognitoProxy(local.endpoint);
  restoreEndpoint = pointHandlersAt(await proxy.start());
  return {
    region: 'us-east-1',
    credentials: PLACEHOLDER_CREDENTIALS,
    local,
    proxy,
    stop: async () => {
      restoreEndpoint();
      await proxy.stop();
      await local.stop();
    },
  };
}
