import type { ResourceModel } from '../models';
import { declaredFromModel } from '../../engine/modelValues';
import { DECLARABLE_FIELDS } from './fields';
import type { DeclaredSettings } from './settings';

/** The settings a pool model declares, as plain SDK-shaped values. */
export function declaredSettingsFromModel(model: ResourceModel | undefined): DeclaredSettings {
  return declaredFromModel(model, DECLARABLE_FIELDS) as DeclaredSettings;
}
