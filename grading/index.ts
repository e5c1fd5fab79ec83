/**
 * @module grading
 * Scoring: QTI values, response processing compiled once per item version (standard templates
 * and the expression language), and the Vietnamese 10-point scale and ratings.
 */
export { compileItem, type CompiledItem } from './score-item.ts';
export { maxScoreOf, maxScoreOfItem, correctResponses } from './max-score.ts';
export {
  customOperators,
  compileExpression,
  compileRules,
  type CustomOperator,
} from './processing/compile.ts';
export { CompileError } from './processing/context.ts';
export { valueFromJson, valueFromRaw, parseScalar, ValueError } from './values/parse-value.ts';
export { float as floatValue, toJson, valuesEqual, type QtiValue, type Scalar } from './values/value.ts';
export {
  toTenPointScale,
  ratingOf,
  TT22_THRESHOLDS,
  type GradingScale,
  type RatingThresholds,
} from './scales/ten-point.ts';
export { seededRandom } from './processing/seeded-random.ts';
export {
  itemStatistics,
  testStatistics,
  cronbachAlpha,
  type ScoreMatrix,
  type ItemStatistics,
  type TestStatistics,
} from './analysis/classical.ts';
export { distractorAnalysis, type OptionStatistics } from './analysis/distractors.ts';
export { flagItem, DEFAULT_FLAG_THRESHOLDS, type FlagThresholds, type ItemFlag } from './analysis/flags.ts';
export {
  calibrate,
  estimateAbility,
  normalQuadrature,
  type Calibration,
  type IrtItem,
  type IrtModel,
} from './analysis/irt.ts';
export {
  adaptiveItemUses,
  itemHistory,
  type AdaptiveItemUse,
  type HistorySitting,
  type ItemHistory,
} from './analysis/item-history.ts';
export {
  analyseAdaptiveItems,
  type AdaptiveItemStatistics,
  type AdaptiveSectionAnalysis,
} from './analysis/adaptive-items.ts';
export {
  analyseSitting,
  type AnalysisItem,
  type AnalysisCandidate,
  type SittingAnalysis,
} from './analysis/analyse-sitting.ts';
export {
  compileTest,
  sessionTotals,
  type CompiledTest,
  type ScoredItem,
  type SessionTotals,
} from './outcome/score-test.ts';
export { readTestXml } from './outcome/read-test.ts';
export type { AssessmentTestModel, TestItemRef } from './outcome/test-model.ts';
export type { ItemSessionResult } from './outcome/test-expressions.ts';
export type { CandidateReportData, SittingSummaryData, ScorePart } from './reports/report-data.ts';
export { renderCandidateReport } from './reports/candidate-report.ts';
export { renderSittingSummary } from './reports/sitting-summary.ts';
export { zipReports, type BatchEntry, type BatchProgress } from './reports/batch-zip.ts';
export { createRenderPool, type RenderPool } from './reports/render-pool.ts';
export { verificationCode, verificationToken, normaliseCode } from './reports/verification.ts';
export { demoCandidates, demoCandidateReport, demoSittingSummary } from './reports/demo-data.ts';
export { vietnameseName } from './reports/vietnamese-names.ts';
export {
  RubricCriteria,
  scoreRubric,
  rubricMaximum,
  resolveMarks,
  nextRole,
  type MarkRole,
  type MarkingRule,
  type Resolution,
} from './marking/rubric.ts';
export * as gradingTables from './schema.ts';
export type { GradebookData, GradebookCandidate, GradebookSection } from './exports/gradebook-data.ts';
export { oneRosterFiles, oneRosterZip, ONEROSTER_COLUMNS } from './exports/oneroster.ts';
export { gradeBookXlsx, GRADE_BOOK_HEADER_ROW } from './exports/grade-book.ts';
export { toCsv } from './exports/csv.ts';
export {
  createCodeGrader,
  createMemoryQueue,
  createBullQueue,
  loadTask,
  parseCodeTask,
  codeTaskSchema,
  QueueFullError,
  probeVerdictTrust,
  type CodeGrader,
  type CodeTask,
  type VerdictTrust,
  type CodeGradingQueue,
  type GradeResult as CodeGradeResult,
  type Verdict as CodeVerdict,
} from './code/index.ts';
export { renderAccessSlips, renderRoomLists, type SittingPapersData } from './reports/access-slips.ts';
export * as adaptive from './adaptive/index.ts';
/** Item calibration (issue 23): MML-EM for 1PL–3PL, GPCM and GRM, fit, flags, linking. */
export * as calibration from './calibration/index.ts';
