/**
 * @module grading
 * Scoring: QTI values, response processing compiled once per item version (standard templates
 * and the expression language), and the Vietnamese 10-point scale and ratings.
 */
export { compileItem, type CompiledItem } from './score-item.ts';
export {
  customOperators,
  compileExpression,
  compileRules,
  type CustomOperator,
} from './processing/compile.ts';
export { CompileError } from './processing/context.ts';
export { valueFromJson, valueFromRaw, parseScalar, ValueError } from './values/parse-value.ts';
export { toJson, valuesEqual, type QtiValue, type Scalar } from './values/value.ts';
export { toTenPointScale, ratingOf, type GradingScale } from './scales/ten-point.ts';
export { seededRandom } from './processing/seeded-random.ts';
