import 'reflect-metadata';
import {
  Action,
  BaseModel,
  BaseResource,
  exceptions,
  HandlerErrorCode,
  HandlerRequest,
  OperationStatus,
  ProgressEvent,
  SessionProxy,
  UnmodeledRequest,
  type CfnResponse,
  type Constructor,
  type LambdaContext,
  type LoggerProxy,
} from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import type { PropertiesValidator } from '../schemaValidation';
import { startInvocationClock } from '../retry';
import { InvocationLog } from './invocationLog';
import { ProviderTelemetry } from './providerTelemetry';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type ModelClass<T extends BaseModel> = Constructor<T> & { deserialize: Function };
type Handler<T extends BaseModel> = (
  session: SessionProxy | null,
  request: unknown,
  callbackContext: Record<string, unknown>,
  logger: LoggerProxy,
) => Promise<ProgressEvent<T>>;

/** Actions whose desired state is a whole template's properties, validated before anything runs. */
const VALIDATED_ACTIONS: ReadonlySet<string> = new Set([Action.Create, Action.Update]);
const SYNCHRONOUS_ACTIONS: ReadonlySet<string> = new Set([Action.Read, Action.List]);

/**
 * The lib's BaseResource with the invocation path CloudFormation calls replaced:
 *
 * - the raw properties (strings for primitives) are checked against schema.json before
 *   the lib's model conversion, which would otherwise fail with messages that name no
 *   property or drop unknown properties silently;
 * - provider logs and metrics are telemetry: delivered once, in parallel, within a
 *   budget, and a failure of either never changes the result;
 * - no fixed wait per invocation and nothing created in the account for logging.
 *
 * Handlers, models, ProgressEvent shapes and error codes are the lib's own.
 */
export abstract class ProviderResource<T extends BaseModel> extends BaseResource<T> {
  constructor(
    typeName: string,
    model: ModelClass<T>,
    private readonly validateProperties: PropertiesValidator,
  ) {
    super(typeName, model);
  }

  /** What CloudFormation calls in production (`handlers.entrypoint`). */
  public override async entrypoint(eventData: unknown, context?: LambdaContext): Promise<CfnResponse<T>> {
    const startedAt = new Date();
    // Retries never plan past the invocation's end (Lambda's remaining time).
    startInvocationClock(context?.getRemainingTimeInMillis?.());
    const log = new InvocationLog();
    let telemetry: ProviderTelemetry | undefined;
    let action = 'UNKNOWN';
    const progress = await this.settle(log, async () => {
      const event = parseHandlerRequest(eventData);
      action = String(event.action);
      const { callerCredentials, providerCredentials, providerLogGroupName } = event.requestData;
      log.redact(event.bearerToken, ...secretsOf(callerCredentials), ...secretsOf(providerCredentials));
      // As the lib does: provider credentials mean metrics; a log group name adds log delivery.
      if (providerCredentials?.accessKeyId) {
        telemetry = new ProviderTelemetry({
          credentials: providerCredentials,
          region: event.region,
          logGroupName: providerLogGroupName || undefined,
          logStreamName: logStreamName(event),
          resourceType: event.resourceType || this.typeName,
        });
      }
      log.log(`[${action}] ${this.typeName} request ${context?.awsRequestId ?? ''}`.trim());
      const request = this.modeledRequest(action, event.requestData.resourceProperties, () =>
        UnmodeledRequest.fromUnmodeled({
          clientRequestToken: event.bearerToken,
          desiredResourceState: event.requestData.resourceProperties,
          previousResourceState: event.requestData.previousResourceProperties,
          desiredResourceTags: event.requestData.stackTags,
          previousResourceTags: event.requestData.previousStackTags,
          systemTags: event.requestData.systemTags,
          awsAccountId: event.awsAccountId,
          logicalResourceIdentifier: event.requestData.logicalResourceId,
          region: event.region,
          // The lib's own path drops it; LIST needs it to resume at the next page.
          nextToken: event.nextToken,
        }),
      );
      // The lib's request has no stack id and drops `rollback` (cloudformation-cli-java-plugin's
      // HandlerRequest has both): the ownership record needs the one, a stack rollback the other.
      if (event.stackId) Object.assign(request as object, { stackId: event.stackId });
      Object.assign(request as object, { action, rollback: isRollback(eventData) });
      const session = SessionProxy.getSession(callerCredentials as never, event.region);
      return this.invoke(action, session, request, event.callbackContext ?? {}, log);
    });
    const durationMs = Date.now() - startedAt.getTime();
    log.log(`[${action}] ${progress.status}${progress.errorCode ? ` ${progress.errorCode}` : ''} in ${durationMs} ms`);
    if (telemetry) {
      const outcome = await telemetry.deliver({
        action,
        startedAt,
        durationMs,
        errorCode: progress.errorCode,
        logLines: log.lines,
      });
      // The Lambda log is the one place a telemetry failure is told; the result stands.
      for (const problem of outcome.problems) console.log(`Provider telemetry not delivered: ${problem}`);
    }
    return progress.serialize() as CfnResponse<T>;
  }

  /** What `cfn test` and SAM local invoke call (`handlers.testEntrypoint`): same path, no telemetry. */
  public override async testEntrypoint(eventData: unknown, _context?: unknown): Promise<ProgressEvent<T>> {
    const log = new InvocationLog();
    return this.settle(log, async () => {
      const event = eventData as {
        credentials?: Record<string, string>;
        action?: string;
        request?: Record<string, unknown>;
        callbackContext?: Record<string, unknown>;
        region?: string;
        rollback?: unknown;
      };
      if (!event?.credentials) throw new exceptions.InvalidRequest('The test event has no credentials.');
      log.redact(...secretsOf(event.credentials));
      const action = String(event.action);
      const rawRequest = event.request ?? {};
      const request = this.modeledRequest(action, rawRequest.desiredResourceState, () =>
        UnmodeledRequest.deserialize({ region: event.region, ...rawRequest }),
      );
      Object.assign(request as object, { action, rollback: isRollback(event) || isRollback(rawRequest) });
      const session = SessionProxy.getSession(event.credentials as never, event.region);
      return this.invoke(action, session, request, event.callbackContext ?? {}, log);
    });
  }

  private modeledRequest(action: string, rawProperties: unknown, unmodeled: () => UnmodeledRequest): unknown {
    if (VALIDATED_ACTIONS.has(action)) {
      const problems = this.validateProperties(rawProperties ?? {});
      if (problems.length > 0) throw new exceptions.InvalidRequest(`Invalid properties: ${problems.join('; ')}`);
    }
    try {
      return unmodeled().toModeled(this.modelTypeReference as ModelClass<T>);
    } catch (error) {
      throw new exceptions.InvalidRequest(`The request could not be read: ${(error as Error).message}`);
    }
  }

  private async invoke(
    action: string,
    session: SessionProxy | null,
    request: unknown,
    callbackContext: Record<string, unknown>,
    log: InvocationLog,
  ): Promise<ProgressEvent<T>> {
    const handler = this.handlerFor(action);
    const progress = await handler(session, request, callbackContext, log as unknown as LoggerProxy);
    if (!progress) throw new exceptions.InternalFailure('The handler returned no progress event.');
    if (progress.status === OperationStatus.InProgress && SYNCHRONOUS_ACTIONS.has(action)) {
      throw new exceptions.InternalFailure('READ and LIST handlers must return synchronously.');
    }
    return progress;
  }

  private handlerFor(action: string): Handler<T> {
    // The lib's @handlerEvent decorator records which method handles which action.
    const methods = Reflect.getMetadata('handlerEvents', this) as Map<string, string> | undefined;
    const method = methods?.get(action);
    const handler = method ? (this as unknown as Record<string, Handler<T>>)[method] : undefined;
    if (!handler) throw new exceptions.InvalidRequest(`This type has no handler for action ${action}.`);
    return handler;
  }

  /** Runs an invocation and turns any failure into the lib's FAILED progress event. */
  private async settle(log: InvocationLog, run: () => Promise<ProgressEvent<T>>): Promise<ProgressEvent<T>> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof exceptions.BaseHandlerException) {
        log.log(`Handler error: ${error.message}`);
        // The lib's toProgressEvent() prefixes "Error: " to every status reason; the message alone reads as CloudFormation shows AWS's own types.
        return ProgressEvent.failed<ProgressEvent<T>>(error.errorCode, error.message);
      }
      const message = (error as Error)?.message || String(error);
      log.log(`Unexpected error: ${(error as Error)?.stack ?? message}`);
      return ProgressEvent.failed<ProgressEvent<T>>(HandlerErrorCode.InternalFailure, message);
    }
  }
}

function parseHandlerRequest(eventData: unknown): HandlerRequest {
  let event: HandlerRequest;
  try {
    event = HandlerRequest.deserialize(eventData as object) as HandlerRequest;
  } catch (error) {
    throw new exceptions.InvalidRequest(`The request could not be read: ${(error as Error).message}`);
  }
  if (!event?.awsAccountId) throw new exceptions.InvalidRequest('The request has no awsAccountId.');
  if (!event.requestData) throw new exceptions.InvalidRequest('The request has no requestData.');
  return event;
}

/** CloudFormation's `rollback` flag: a boolean, or the string "true" from a hand-written event. */
function isRollback(event: unknown): boolean {
  const flag = (event as { rollback?: unknown } | null)?.rollback;
  return flag === true || flag === 'true';
}

function secretsOf(credentials: object | null | undefined): string[] {
  return credentials ? Object.values(credentials).filter((value): value is string => typeof value === 'string') : [];
}

// One stream per stack resource, as CloudFormation's own handlers name them; CloudWatch
// does not allow ':' in stream names.
function logStreamName(event: HandlerRequest): string {
  const name =
    event.stackId && event.requestData.logicalResourceId
      ? `${event.stackId}/${event.requestData.logicalResourceId}`
      : `${event.awsAccountId}-${event.region}`;
  return name.replace(/:/g, '__');
}
