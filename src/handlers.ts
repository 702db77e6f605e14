import { SettingsResource } from '../engine/runtime/settingsResource';
import { ResourceModel } from './models';
import { settingsType } from './spec';

/** Org::Cognito::UserPoolSettings: the engine's handlers, run with this type's spec. */
export const resource = new SettingsResource(ResourceModel, settingsType);

// Entrypoints for production usage after registration in CloudFormation.
export const entrypoint = resource.entrypoint.bind(resource);
// Entrypoint used by the contract tests and SAM local invoke.
export const testEntrypoint = resource.testEntrypoint.bind(resource);
