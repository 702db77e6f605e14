import { cfnRequest, PLACEHOLDER_CREDENTIALS, type CfnRequestOptions } from './cfnRequest';
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
  nextToken?: string;
}

/** A handler's `entrypoint`, as Lambda calls it (the lib's and a loaded bundle's alike). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Entrypoint = (event: any, context: any) => Promise<unknown>;

/** What Lambda passes an invocation: the time it has left, and its ids. */
export function lambdaContext(remainingMs = 60_000) {
  return { getRemainingTimeInMillis: () => remainingMs, awsRequestId: 'local', functionVersion: '$LATEST' };
}

/** The event `cfn test` and SAM local invoke send to `testEntrypoint` (sam-tests/*.json). */
export function testEvent(action: string, desiredResourceState: Record<string, unknown>): Record<string, unknown> {
  return {
    credentials: PLACEHOLDER_CREDENTIALS,
    action,
    region: 'us-east-1',
    request: { clientRequestToken: 'token', desiredResourceState },
    callbackContext: null,
  };
}

/**
 * The one way every test, the demo and the invoker call a handler: one invocation of the
 * entrypoint with a CloudFormation-shaped request, answered with the progress event as
 * the lib serializes it back to CloudFormation.
 */
export async function invoke(entrypoint: Entrypoint, request: CfnRequestOptions): Promise<ProgressEvent> {
  return (await entrypoint(cfnRequest(request), lambdaContext())) as ProgressEvent;
}

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
  let callbackContext = request.callbackContext;
  for (let invocation = 1; ; invocation += 1) {
    const event = await invoke(entrypoint, { ...request, callbackContext });
    if (event.status !== 'IN_PROGRESS' || invocation >= (options.maxInvocations ?? 20)) {
      return { event, invocations: invocation };
    }
    await wait(event.callbackDelaySeconds ?? 0);
    callbackContext = event.callbackContext;
  }
}
