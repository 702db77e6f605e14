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
import { callerOf, clientForSession } from '../../engine/cognito/client';
import { ParameterStore } from '../../engine/ssm/parameterStore';
import { ClientOwnership } from './ownership';
import { CognitoGateway } from '../../engine/cognito/gateway';
import { declaredFromModel } from '../../engine/modelValues';
import { refuseIdentifierChange } from '../../engine/lifecycle';
import { ProviderResource } from '../../engine/runtime/providerResource';
import { CLIENT_TYPE_NAME } from '../../engine/typeInfo';
import { ClientSettingsOperations } from './operations';
import { DECLARABLE_CLIENT_FIELDS, type DeclaredClientSettings } from './fields';
import { ResourceModel } from './models';
import { findClientSchemaProblems } from './validation';

type Request = ResourceHandlerRequest<ResourceModel>;
type Identifiers = { userPoolId: string; clientId: string };

/** Org::Cognito::UserPoolClientSettings: thin handlers around ClientSettingsOperations. */
class ClientResource extends ProviderResource<ResourceModel> {
  @handlerEvent(Action.Create)
  public async create(
    session: Optional<SessionProxy>,
    request: Request,
    _callbackContext: Record<string, unknown>,
    logger: LoggerProxy,
  ): Promise<ProgressEvent<ResourceModel>> {
    const ids = requireIdentifiers(request.desiredResourceState);
    const settings = await operationsFor(session, request, logger).create(
      ids.userPoolId,
      ids.clientId,
      declaredOf(request.desiredResourceState),
    );
    return ProgressEvent.success<ProgressEvent<ResourceModel>>(modelOf(ids, settings));
  }

  @handlerEvent(Action.Update)
  public async update(
    session: Optional<SessionProxy>,
    request: Request,
    _callbackContext: Record<string, unknown>,
    logger: LoggerProxy,
  ): Promise<ProgressEvent<ResourceModel>> {
    const ids = requireIdentifiers(request.desiredResourceState);
    const previous = request.previousResourceState;
    refuseIdentifierChange([
      ['UserPoolId', previous?.userPoolId, ids.userPoolId],
      ['ClientId', previous?.clientId, ids.clientId],
    ]);
    const settings = await operationsFor(session, request, logger).update(
      ids.userPoolId,
      ids.clientId,
      declaredOf(request.desiredResourceState),
    );
    return ProgressEvent.success<ProgressEvent<ResourceModel>>(modelOf(ids, settings));
  }

  @handlerEvent(Action.Delete)
  public async delete(
    session: Optional<SessionProxy>,
    request: Request,
    _callbackContext: Record<string, unknown>,
    logger: LoggerProxy,
  ): Promise<ProgressEvent<ResourceModel>> {
    const ids = requireIdentifiers(request.desiredResourceState);
    await operationsFor(session, request, logger).delete(ids.userPoolId, ids.clientId);
    // A successful DELETE returns no model.
    return ProgressEvent.builder<ProgressEvent<ResourceModel>>().status(OperationStatus.Success).build();
  }

  @handlerEvent(Action.Read)
  public async read(
    session: Optional<SessionProxy>,
    request: Request,
    _callbackContext: Record<string, unknown>,
    logger: LoggerProxy,
  ): Promise<ProgressEvent<ResourceModel>> {
    // READ is a function of the identifiers alone: drift detection and import send nothing else.
    const ids = requireIdentifiers(request.desiredResourceState);
    const settings = await operationsFor(session, request, logger).read(ids.userPoolId, ids.clientId);
    return ProgressEvent.success<ProgressEvent<ResourceModel>>(modelOf(ids, settings));
  }

  @handlerEvent(Action.List)
  public async list(
    session: Optional<SessionProxy>,
    request: Request,
    _callbackContext: Record<string, unknown>,
    logger: LoggerProxy,
  ): Promise<ProgressEvent<ResourceModel>> {
    // The schema's list handlerSchema requires the pool: clients are listed per pool.
    const userPoolId = request.desiredResourceState?.userPoolId;
    if (!userPoolId) throw new exceptions.InvalidRequest('LIST needs UserPoolId: app clients are listed per pool.');
    const page = await operationsFor(session, request, logger).list(userPoolId, request.nextToken);
    const event = ProgressEvent.builder<ProgressEvent<ResourceModel>>()
      .status(OperationStatus.Success)
      .resourceModels(page.clientIds.map((clientId) => new ResourceModel({ userPoolId, clientId })))
      .build();
    if (page.nextToken) event.nextToken = page.nextToken;
    return event;
  }
}

function requireIdentifiers(model: Optional<ResourceModel>): Identifiers {
  const userPoolId = model?.userPoolId;
  const clientId = model?.clientId;
  if (!userPoolId) throw new exceptions.InvalidRequest('UserPoolId is required.');
  if (!clientId) throw new exceptions.InvalidRequest('ClientId is required.');
  return { userPoolId, clientId };
}

function declaredOf(model: Optional<ResourceModel>): DeclaredClientSettings {
  return declaredFromModel(model ?? undefined, DECLARABLE_CLIENT_FIELDS) as DeclaredClientSettings;
}

function operationsFor(
  session: Optional<SessionProxy>,
  request: Request,
  logger: LoggerProxy,
): ClientSettingsOperations {
  const gateway = new CognitoGateway(clientForSession(session, request.region, CLIENT_TYPE_NAME), CLIENT_TYPE_NAME, {
    accountId: request.awsAccountId,
    partition: request.awsPartition,
  });
  const { credentials, region } = callerOf(session, request.region);
  const identifier = request.desiredResourceState?.userPoolId ?? '';
  const parameters = ParameterStore.forCaller(credentials, region, {
    typeName: CLIENT_TYPE_NAME,
    identifier: `${identifier}|${request.desiredResourceState?.clientId ?? ''}`,
  });
  const ownership = new ClientOwnership(parameters, gateway, {
    stackId: (request as { stackId?: string }).stackId,
    logicalResourceId: request.logicalResourceIdentifier,
  });
  return new ClientSettingsOperations(gateway, ownership, { log: (message) => logger.log(message) });
}

/** The model CloudFormation gets back: the identifiers and the client's current settings. */
function modelOf(ids: Identifiers, settings: DeclaredClientSettings): ResourceModel {
  return ResourceModel.deserialize({ ...settings, UserPoolId: ids.userPoolId, ClientId: ids.clientId });
}

export const resource = new ClientResource(ResourceModel.TYPE_NAME, ResourceModel, findClientSchemaProblems);

// Entrypoints for production usage after registration in CloudFormation.
export const entrypoint = resource.entrypoint.bind(resource);
// Entrypoint used by the contract tests and SAM local invoke.
export const testEntrypoint = resource.testEntrypoint.bind(resource);
