import { exceptions } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';

/**
 * Cognito has not yet seen an IAM role that was just created or changed (the SMS
 * role); IAM takes up to about two minutes to propagate. The handler answers
 * IN_PROGRESS and tries again later instead of failing.
 */
export class IamPropagationPending extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IamPropagationPending';
  }
}

/** The resource a Cognito call was about: its type and its primary identifier. */
export interface ResourceRef {
  typeName: string;
  identifier: string;
}

/** Another writer changed the pool at the same time; the whole operation is retried. */
export class ConcurrentPoolChange extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConcurrentPoolChange';
  }
}

const INVALID_REQUEST_ERRORS = new Set([
  'InvalidParameterException',
  'InvalidEmailRoleAccessPolicyException',
  'InvalidLambdaResponseException',
  'FeatureUnavailableInTierException',
  'TierChangeNotAllowedException',
  'OperationNotEnabledException',
  'UserPoolTaggingException',
  'UserImportInProgressException',
  'ValidationException',
  'InvalidOAuthFlowException',
  'ScopeDoesNotExistException',
  'SerializationException',
  // SetRiskConfiguration while threat protection is off (its API reference's errors).
  'UserPoolAddOnNotEnabledException',
]);

const IAM_PROPAGATION_ERRORS = new Set([
  'InvalidSmsRoleTrustRelationshipException',
  'InvalidSmsRoleAccessPolicyException',
]);

/** Cognito's answers when a feature is outside the pool's feature plan. */
export const FEATURE_PLAN_ERRORS: ReadonlySet<string> = new Set([
  'FeatureUnavailableInTierException',
  'TierChangeNotAllowedException',
  'OperationNotEnabledException',
]);

/** The exception name of an SDK error, before it is mapped to a handler error. */
export function rawErrorName(error: unknown): string | undefined {
  return (error as { name?: string })?.name;
}

/** The Cognito exception name behind a handler error, when there was one. */
export function cognitoErrorName(error: unknown): string | undefined {
  return (error as { cognitoErrorName?: string })?.cognitoErrorName;
}

/**
 * Maps an SDK error to the handler exception CloudFormation understands, keeping
 * Cognito's own reason in the message. The request itself is never included.
 */
export function toHandlerError(error: unknown, operation: string, resource: ResourceRef): Error {
  if (error instanceof exceptions.BaseHandlerException) return error;
  const name = (error as { name?: string })?.name ?? 'Error';
  // Kept beside the handler error, not in its class: error codes come from class names.
  return Object.defineProperty(mapError(error, name, operation, resource), 'cognitoErrorName', { value: name });
}

function mapError(error: unknown, name: string, operation: string, resource: ResourceRef): Error {
  const reason = `${operation}: ${(error as { message?: string })?.message ?? String(error)} (${name})`;
  if (name === 'ResourceNotFoundException') return new exceptions.NotFound(resource.typeName, resource.identifier);
  if (INVALID_REQUEST_ERRORS.has(name)) return new exceptions.InvalidRequest(reason);
  if (IAM_PROPAGATION_ERRORS.has(name)) return new IamPropagationPending(reason);
  if (name === 'ConcurrentModificationException') return new ConcurrentPoolChange(reason);
  if (name === 'NotAuthorizedException' || name === 'AccessDeniedException' || name === 'AccessDenied') {
    return new exceptions.AccessDenied(reason);
  }
  if (name === 'UnrecognizedClientException' || name === 'InvalidClientTokenId' || name === 'ExpiredTokenException') {
    return new exceptions.InvalidCredentials(reason);
  }
  // TooManyUpdates: Parameter Store's answer to concurrent writes of one parameter.
  if (name === 'TooManyRequestsException' || name === 'ThrottlingException' || name === 'TooManyUpdates') {
    return new exceptions.Throttling(reason);
  }
  if (name === 'LimitExceededException' || name === 'ParameterLimitExceeded') {
    return new exceptions.ServiceLimitExceeded(reason);
  }
  if (name === 'InvalidNextToken') return new exceptions.InvalidRequest(reason);
  if (name === 'InternalErrorException') return new exceptions.ServiceInternalError(reason);
  // Node's socket errors carry the reason in `code` (ECONNRESET for "socket hang up"); an
  // error from another realm reaches us as the SDK's "AWS SDK error wrapper for <name>: …".
  const wrapped = /^AWS SDK error wrapper for (\w+)/.exec((error as { message?: string })?.message ?? '')?.[1];
  if (
    isNetworkError(name) ||
    isNetworkError((error as { code?: string })?.code ?? '') ||
    isNetworkError(wrapped ?? '')
  ) {
    return new exceptions.NetworkFailure(reason);
  }
  return new exceptions.InternalFailure(reason);
}

function isNetworkError(name: string): boolean {
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'TimeoutError', 'EPIPE'].includes(name);
}
