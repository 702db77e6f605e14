import {
  Action,
  BaseModel,
  exceptions,
  handlerEvent,
  LoggerProxy,
  OperationStatus,
  Optional,
  ProgressEvent,
  ResourceHandlerRequest,
  SessionProxy,
} from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { callerOf, createCognitoClient } from '../cognito/client';
import { IamPropagationPending } from '../cognito/errors';
import { CognitoGateway } from '../cognito/gateway';
import { identifierOf, SettingsLifecycle } from '../lifecycle';
import { DEFAULT_SETTINGS_NAME, SETTINGS_NAME } from '../ownershipRecords';
import { declaredFromModel } from '../modelValues';
import { OwnershipRecords } from '../ownershipRecords';
import { ParameterStore } from '../ssm/parameterStore';
import type { AnySettingsType, Identifiers, SettingsPlan } from '../settingsType';
import { ProviderResource, type ModelClass } from './providerResource';

interface CallbackContext extends Record<string, unknown> {
  iamPropagationRetries?: number;
}

/** IAM changes reach Cognito within about two minutes; wait up to ~3. */
export const IAM_PROPAGATION_DELAY_SECONDS = 15;
export const IAM_PROPAGATION_MAX_RETRIES = 12;

type Request<T extends BaseModel> = ResourceHandlerRequest<T>;
/** What the lib passes every handler. */
type HandlerArgs<T extends BaseModel> = [
  session: Optional<SessionProxy>,
  request: Request<T>,
  callbackContext: CallbackContext,
  logger: LoggerProxy,
];
type Lifecycle = SettingsLifecycle<object, unknown, SettingsPlan, unknown>;

/**
 * The five handlers of a settings type, written once: identifiers from the model, the
 * identifier-change refusal, the lifecycle of the type, and the models CloudFormation
 * gets back. Each type's `handlers.ts` is this class and the type's spec.
 */
export class SettingsResource<T extends BaseModel> extends ProviderResource<T> {
  constructor(
    private readonly modelClass: ModelClass<T>,
    private readonly type: AnySettingsType,
  ) {
    super(type.typeName, modelClass, type.findSchemaProblems);
  }

  @handlerEvent(Action.Create)
  public create(...args: HandlerArgs<T>): Promise<ProgressEvent<T>> {
    return this.writeSettings(args, (lifecycle, ids, declared) => lifecycle.create(ids, declared));
  }

  @handlerEvent(Action.Update)
  public update(...args: HandlerArgs<T>): Promise<ProgressEvent<T>> {
    const previous = args[1].previousResourceState;
    return this.writeSettings(args, (lifecycle, ids, declared) => {
      this.refuseIdentifierChange(ids, previous);
      return lifecycle.update(ids, declared);
    });
  }

  @handlerEvent(Action.Delete)
  public delete(...args: HandlerArgs<T>): Promise<ProgressEvent<T>> {
    return this.whileIamPropagates(args, async (lifecycle, ids) => {
      await lifecycle.delete(ids);
      // A successful DELETE returns no model.
      return ProgressEvent.builder<ProgressEvent<T>>().status(OperationStatus.Success).build();
    });
  }

  @handlerEvent(Action.Read)
  public async read(...[session, request, , logger]: HandlerArgs<T>): Promise<ProgressEvent<T>> {
    // READ is a function of the identifiers alone: drift detection and import send nothing else.
    const ids = this.identifiersOf(request.desiredResourceState);
    const settings = await this.lifecycle(session, request, logger, ids).read(ids);
    return ProgressEvent.success<ProgressEvent<T>>(this.modelOf(ids, settings));
  }

  @handlerEvent(Action.List)
  public async list(...[session, request, , logger]: HandlerArgs<T>): Promise<ProgressEvent<T>> {
    const within = this.identifiersOf(request.desiredResourceState, this.type.listedWithin, 'LIST');
    const page = await this.lifecycle(session, request, logger, within).list(within, request.nextToken);
    const event = ProgressEvent.builder<ProgressEvent<T>>()
      .status(OperationStatus.Success)
      .resourceModels(page.found.map((ids) => this.modelOf(ids, {})))
      .build();
    // CloudFormation (and the contract tests) call LIST again with it until there is none.
    if (page.nextToken) event.nextToken = page.nextToken;
    return event;
  }

  /** CREATE or UPDATE: the declared settings applied, and the model READ reports next. */
  private writeSettings(
    args: HandlerArgs<T>,
    apply: (lifecycle: Lifecycle, ids: Identifiers, declared: object) => Promise<object>,
  ): Promise<ProgressEvent<T>> {
    const [, request] = args;
    const declared = declaredFromModel(request.desiredResourceState ?? undefined, this.type.declarable);
    return this.whileIamPropagates(args, async (lifecycle, ids) =>
      ProgressEvent.success<ProgressEvent<T>>(this.modelOf(ids, await apply(lifecycle, ids, declared))),
    );
  }

  /** The type's lifecycle for one invocation, connected as the caller, about the given resource. */
  private lifecycle(
    session: Optional<SessionProxy>,
    request: Request<T>,
    logger: LoggerProxy,
    ids: Identifiers,
  ): Lifecycle {
    const { credentials, region } = callerOf(session, request.region);
    // The runtime adds the action, the stack id and the rollback flag; the lib's request has none.
    const { action, stackId, rollback } = request as { action?: string; stackId?: string; rollback?: boolean };
    const cognito = new CognitoGateway(createCognitoClient(credentials, region, this.typeName, action), this.typeName, {
      accountId: request.awsAccountId,
      partition: request.awsPartition,
    });
    const log = { log: (message: string) => logger.log(message) };
    const claimant = { stackId, logicalResourceId: request.logicalResourceIdentifier ?? undefined };
    const connection = this.type.connect({ cognito, credentials, region, identifier: identifierOf(ids) });
    const parameters = ParameterStore.forCaller(
      credentials,
      region,
      { typeName: this.typeName, identifier: identifierOf(ids) },
      action,
    );
    const previous = request.previousResourceState
      ? declaredFromModel(request.previousResourceState, this.type.declarable)
      : undefined;
    return new SettingsLifecycle(this.type, connection, new OwnershipRecords(parameters, this.typeName), log, {
      claimant,
      rollback: rollback === true,
      previous,
    });
  }

  /** The identifiers a model names (all of the type's, unless told which), each required. */
  private identifiersOf(
    model: Optional<T>,
    names: readonly string[] = this.type.identifiers,
    action?: string,
  ): Identifiers {
    const values = (model?.serialize() ?? {}) as Record<string, unknown>;
    const ids: Record<string, string> = {};
    for (const name of names) {
      // Leaving SettingsName out means `default`: every template and stack from before it keeps working.
      const value = name === SETTINGS_NAME ? (values[name] ?? DEFAULT_SETTINGS_NAME) : values[name];
      if (typeof value !== 'string' || value === '') {
        throw new exceptions.InvalidRequest(
          action ? `${action} needs ${name}: resources are listed per ${name}.` : `${name} is required.`,
        );
      }
      ids[name] = value;
    }
    return ids;
  }

  /** The model CloudFormation gets back: the identifiers and the resource's current settings. */
  private modelOf(ids: Identifiers, settings: object): T {
    return (this.modelClass as unknown as { deserialize: (value: object) => T }).deserialize({ ...settings, ...ids });
  }

  /** UPDATE of a resource whose identifier changed: CloudFormation replaces it instead. */
  private refuseIdentifierChange(ids: Identifiers, previous: Optional<T>): void {
    const before = (previous?.serialize() ?? {}) as Record<string, unknown>;
    for (const [name, after] of Object.entries(ids)) {
      const was = before[name];
      if (typeof was === 'string' && was !== '' && was !== after) {
        throw new exceptions.NotUpdatable(
          `${name} cannot change from ${was} to ${after}; CloudFormation replaces the resource instead.`,
        );
      }
    }
  }

  // Cognito rejects an SMS role it cannot assume yet; IAM propagation can take ~2 minutes,
  // so the handler asks CloudFormation to call again later instead of failing.
  private async whileIamPropagates(
    [session, request, callbackContext, logger]: HandlerArgs<T>,
    run: (lifecycle: Lifecycle, ids: Identifiers) => Promise<ProgressEvent<T>>,
  ): Promise<ProgressEvent<T>> {
    const ids = this.identifiersOf(request.desiredResourceState);
    try {
      return await run(this.lifecycle(session, request, logger, ids), ids);
    } catch (error) {
      if (!(error instanceof IamPropagationPending)) throw error;
      const retries = callbackContext?.iamPropagationRetries ?? 0;
      if (retries >= IAM_PROPAGATION_MAX_RETRIES) {
        throw new exceptions.InvalidRequest(
          `${error.message}; the SMS role was still rejected after ${retries} retries.`,
        );
      }
      return ProgressEvent.builder<ProgressEvent<T>>()
        .status(OperationStatus.InProgress)
        .message(error.message)
        .callbackContext({ iamPropagationRetries: retries + 1 })
        .callbackDelaySeconds(IAM_PROPAGATION_DELAY_SECONDS)
        .resourceModel(this.modelOf(ids, {}))
        .build();
    }
  }
}
