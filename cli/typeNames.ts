import { ResourceModel as ClientModel } from '../client-settings/src/models';
import { ResourceModel as PoolModel } from '../src/models';

/** The types' names, as each type's generated model has them. */
export const TYPE_NAME = PoolModel.TYPE_NAME;
export const CLIENT_TYPE_NAME = ClientModel.TYPE_NAME;
