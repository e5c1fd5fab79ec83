/**
 * @module item-bank/blueprint
 * Blueprints (ma trận đề) and the assembly of one or N parallel forms from published items.
 */
export { Blueprint, BlueprintCell, blueprintTotals, type BlueprintInput } from './blueprint.ts';
export {
  assembleForms,
  formLabel,
  type AssembledForm,
  type AssemblyResult,
  type CellShortage,
  type FormItem,
  type PoolItem,
} from './assemble-forms.ts';
export { formToTest, qtiIdentifier, type FormItemInfo } from './form-test.ts';
export { itemMaxScore, declaredMaxScore } from '../model/max-score.ts';
export {
  THETA_GRID,
  itemInformation,
  informationCurve,
  informationSpread,
  type IrtItem,
} from './test-information.ts';
