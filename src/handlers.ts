import {
  Action,
  exceptions,
  handlerEvent,
  LoggerProxy,
  OperationStatus,
  Optional,
  ProgressEvent,
  ResourceHandlerRequest,
  SessionProxy,
} from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { clientForSession } from '../engine/cognito/client';
import { IamPropagationPending } from '../engine/cognito/errors';
import { CognitoGateway } from '../engine/cognito/gateway';
import { ResourceModel } from './models';
import { UserPoolSettingsOperations } from './operations';
import { declaredSettingsFromModel } from './pool/declaredSettings';
import type { DeclaredSettings } from './pool/settings';
import { findSchemaProblems } from './pool/validation';
import { refuseIdentifierChange } from '../engine/lifecycle';
import { ProviderResource } from '../engine/runtime/providerResource';
import { TYPE_NAME } from '../engine/typeInfo';

interface CallbackContext extends Record<string, unknown> {
  iamPropagationRetries?: number;
}

/** IAM changes reach Cognito within about two minutes; wait up to ~3. */
export const IAM_PROPAGATION_DELAY_SECONDS = 15;
export const IAM_PROPAGATION_MAX_RETRIES = 12;

type Request = ResourceHandlerRequest<ResourceModel>;

class Resource extends ProviderResource<ResourceModel> {
  @handlerEvent(Action.Create)
  public async create(
    session: Optional<SessionProxy>,
    request: Request,
    callbackContext: CallbackContext,
    logger: LoggerProxy,
  ): Promise<ProgressEvent<ResourceModel>> {
    const userPoolId = requireUserPoolId(request.desiredResourceState);
    return retryWhileIamPropagates(userPoolId, callbackContext, async () => {
      const settings = await operationsFor(session, request, logger).create(
        userPoolId,
        declaredSettingsFromModel(request.desiredResourceState),
      );
      return ProgressEvent.success<ProgressEvent<ResourceModel>>(modelOf(userPoolId, settings));
    });
  }

  @handlerEvent(Action.Update)
  public async update(
    session: Optional<SessionProxy>,
    request: Request,
    callbackContext: CallbackContext,
    logger: LoggerProxy,
  ): Promise<ProgressEvent<ResourceModel>> {
    const userPoolId = requireUserPoolId(request.desiredResourceState);
    refuseIdentifierChange([['UserPoolId', request.previousResourceState?.userPoolId, userPoolId]]);
    return retryWhileIamPropagates(userPoolId, callbackContext, async () => {
      const settings = await operationsFor(session, request, logger).update(
        userPoolId,
        declaredSettingsFromModel(request.desiredResourceState),
      );
      return ProgressEvent.success<ProgressEvent<ResourceModel>>(modelOf(userPoolId, settings));
    });
  }

  @handlerEvent(Action.Delete)
  public async delete(
    session: Optional<SessionProxy>,
    request: Request,
    callbackContext: CallbackContext,
    logger: LoggerProxy,
  ): Promise<ProgressEvent<ResourceModel>> {
    const userPoolId = requireUserPoolId(request.desiredResourceState);
    return retryWhileIamPropagates(userPoolId, callbackContext, async () => {
      await operationsFor(session, request, logger).delete(userPoolId);
      // A successful DELETE returns no model.
      return ProgressEvent.builder<ProgressEvent<ResourceModel>>().status(OperationStatus.Success).build();
    });
  }

  @handlerEvent(Action.Read)
  public async read(
    session: Optional<SessionProxy>,
    request: Request,
    _callbackContext: CallbackContext,
    logger: LoggerProxy,
  ): Promise<ProgressEvent<ResourceModel>> {
    const userPoolId = requireUserPoolId(request.desiredResourceState);
    // READ is a function of the identifier alone: drift detection and import send nothing else.
    const settings = await operationsFor(session, request, logger).read(userPoolId);
    return ProgressEvent.success<ProgressEvent<ResourceModel>>(modelOf(userPoolId, settings));
  }

  @handlerEvent(Action.List)
  public async list(
    session: Optional<SessionProxy>,
    request: Request,
    _callbackContext: CallbackContext,
    logger: LoggerProxy,
  ): Promise<ProgressEvent<ResourceModel>> {
    const page = await operationsFor(session, request, logger).list(request.nextToken);
    const event = ProgressEvent.builder<ProgressEvent<ResourceModel>>()
      .status(OperationStatus.Success)
      .resourceModels(page.poolIds.map((id) => new ResourceModel({ userPoolId: id })))
      .build();
    // CloudFormation (and the contract tests) call LIST again with it until there is none.
    if (page.nextToken) event.nextToken = page.nextToken;
    return event;
  }
}

function requireUserPoolId(model: Optional<ResourceModel>): string {
  const userPoolId = model?.userPoolId;
  if (!userPoolId) throw new exceptions.InvalidRequest('UserPoolId is required.');
  return userPoolId;
}

function operationsFor(
  session: Optional<SessionProxy>,
  request: Request,
  logger: LoggerProxy,
): UserPoolSettingsOperations {
  const gateway = new CognitoGateway(clientForSession(session, request.region, TYPE_NAME), TYPE_NAME, {
    accountId: request.awsAccountId,
    partition: request.awsPartition,
  });
  return new UserPoolSettingsOperations(gateway, { log: (message) => logger.log(message) });
}

/** The model CloudFormation gets back: the identifier and the pool's current settings. */
function modelOf(userPoolId: string, settings: DeclaredSettings): ResourceModel {
  return ResourceModel.deserialize({ ...settings, UserPoolId: userPoolId });
}

// Cognito rejects an SMS role it cannot assume yet; IAM propagation can take ~2 minutes,
// so the handler asks CloudFormation to call again later instead of failing.
async function retryWhileIamPropagates(
  userPoolId: string,
  callbackContext: CallbackContext,
  run: () => Promise<ProgressEvent<ResourceModel>>,
): Promise<ProgressEvent<ResourceModel>> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof IamPropagationPending)) throw error;
    const retries = callbackContext?.iamPropagationRetries ?? 0;
    if (retries >= IAM_PROPAGATION_MAX_RETRIES) {
      throw new exceptions.InvalidRequest(
        `${error.message}; the SMS role was still rejected after ${retries} retries.`,
      );
    }
    return ProgressEvent.builder<ProgressEvent<ResourceModel>>()
      .status(OperationStatus.InProgress)
      .message(error.message)
      .callbackContext({ iamPropagationRetries: retries + 1 })
      .callbackDelaySeconds(IAM_PROPAGATION_DELAY_SECONDS)
      .resourceModel(new ResourceModel({ userPoolId }))
      .build();
  }
}

export const resource = new Resource(ResourceModel.TYPE_NAME, ResourceModel, findSchemaProblems);

// Entrypoints for production usage after registration in CloudFormation.
export const entrypoint = resource.entrypoint.bind(resource);
// Entrypoint used by the contract tests and SAM local invoke.
export const testEntrypoint = resource.testEntrypoint.bind(resource);
