import { cfnRequest, type CfnRequestOptions } from './cfnRequest';
import { handlerBundle } from '../../cli/projectRoot';

/** The progress event the handler returns to CloudFormation. */
export interface ProgressEvent {
  status: 'SUCCESS' | 'FAILED' | 'IN_PROGRESS';
  errorCode?: string;
  message?: string;
  callbackContext?: Record<string, unknown>;
  callbackDelaySeconds?: number;
  resourceModel?: Record<string, unknown>;
  resourceModels?: Record<string, unknown>[];
}

type Entrypoint = (event: unknown, context: unknown) => Promise<unknown>;

/** The bundled handler that the package ships, as CloudFormation loads it. */
export function loadHandler(handlerPath = handlerBundle()): Entrypoint {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const handler = require(handlerPath) as { entrypoint?: Entrypoint };
  if (typeof handler.entrypoint !== 'function') throw new Error(`${handlerPath} exports no entrypoint`);
  return handler.entrypoint;
}

export interface RunOptions {
  /** Waits between IN_PROGRESS events; CloudFormation waits callbackDelaySeconds. */
  wait?: (seconds: number) => Promise<void>;
  maxInvocations?: number;
}

/**
 * Calls the entrypoint with a CloudFormation-shaped request and, as CloudFormation
 * does, calls again with the returned callbackContext while the event is IN_PROGRESS.
 */
export async function runToCompletion(
  entrypoint: Entrypoint,
  request: CfnRequestOptions,
  options: RunOptions = {},
): Promise<{ event: ProgressEvent; invocations: number }> {
  const wait = options.wait ?? ((seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000)));
  const lambdaContext = { getRemainingTimeInMillis: () => 60_000, awsRequestId: 'local', functionVersion: '$LATEST' };
  let callbackContext = request.callbackContext;
  for (let invocation = 1; ; invocation += 1) {
    const event = (await entrypoint(cfnRequest({ ...request, callbackContext }), lambdaContext)) as ProgressEvent;
    if (event.status !== 'IN_PROGRESS' || invocation >= (options.maxInvocations ?? 20)) {
      return { event, invocations: invocation };
    }
    await wait(event.callbackDelaySeconds ?? 0);
    callbackContext = event.callbackContext;
  }
}
