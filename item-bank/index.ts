/**
 * @module item-bank
 * The question bank: the QTI item model, parsing, validation, packages, authoring, and
 * storage (banks, immutable item versions, review workflow, media by hash, search).
 */
export * as itemBankTables from './schema.ts';
export type { ItemBankDatabase, ItemBankExecutor } from './storage/database.ts';
export {
  saveItemVersion,
  saveItemVersions,
  changeItemStatus,
  getItemVersion,
  markVersionDelivered,
  ItemStatusError,
  sha256Hex,
  type ItemVersionInput,
  type MediaFile,
  type SavedItemVersion,
} from './storage/item-store.ts';
export {
  CLASH_POLICIES,
  findItemClashes,
  findTestClashes,
  freeIdentifier,
  withRootIdentifier,
  type ClashPolicy,
  type IdentifierClash,
} from './storage/identifier-clashes.ts';
export {
  saveAssessmentTestVersion,
  listAssessmentTests,
  loadAssessmentTest,
  type AssessmentTestInput,
  type SavedAssessmentTest,
  type StoredAssessmentTest,
} from './storage/test-store.ts';
export { searchItems, searchQuery, type ItemSearch } from './storage/item-search.ts';
export {
  saveItemParameters,
  itemParameterHistory,
  currentItemParameters,
  CalibratedParameters,
  type ItemParameterInput,
  type ItemParameterVersion,
  type CalibrationRun,
} from './storage/item-parameters.ts';
export { ITEM_STATUSES, canTransition, allowedTransitions, type ItemStatus } from './storage/item-status.ts';
export {
  ItemMetadata,
  IrtParameters,
  COGNITIVE_LEVELS,
  COGNITIVE_LEVEL_LABELS,
  type CognitiveLevel,
} from './storage/metadata.ts';
export { foldVietnamese } from './search/fold-vietnamese.ts';
export { scorerRubricText } from './model/scorer-rubric.ts';
export * from './model/declarations.ts';
export { parseItemXml, type ParseItemResult, type ParseOptions } from './qti/parse-item.ts';
export {
  parseXmlTree,
  XmlSyntaxError,
  XmlBudgetError,
  DEFAULT_XML_LIMITS,
  type XmlElement,
  type XmlLimits,
  type XmlParseStats,
} from './qti/xml-tree.ts';
export {
  sanitiseContent,
  sanitiseElement,
  sanitiseItemContent,
  sanitiseStyle,
  unsafeUrl,
  type RemovedContent,
  type SanitiseOptions,
} from './model/sanitise-content.ts';
export { sanitiseItemXml, sanitiseItemForStorage } from './qti/sanitise-item.ts';
export type { ValidationProblem } from './qti/problems.ts';
export { NOT_IN_SCHEMA } from './qti/not-in-schema.ts';
export { toCandidateItem, type ProjectionOptions } from './candidate/project-item.ts';
export type { CandidateItem, CandidateResponseShape } from './candidate/candidate-item.ts';
export type { AssessmentItem, InteractionSummary, ModalFeedback, QtiVersion } from './model/item.ts';
export {
  INTERACTION_TYPES,
  isInteraction,
  walkContent,
  plainText,
  type ContentElement,
  type ContentNode,
  type InteractionType,
} from './model/content.ts';
export { loadDemoBank, type DemoItem } from './demo-bank/demo-bank.ts';
export {
  readZip,
  checkZip,
  safeEntryName,
  PackageError,
  DEFAULT_ZIP_LIMITS,
  type ZipLimits,
} from './packages/read-zip.ts';
export { checkDocx, DEFAULT_DOCX_LIMITS } from './importers/docx-limits.ts';
export { convertQti12Package } from './importers/qti12-package.ts';
export { checkXlsx, DEFAULT_XLSX_LIMITS, type XlsxLimits } from './importers/xlsx-limits.ts';
export {
  readPackageFiles,
  DEFAULT_MAX_PACKAGE_NODES,
  type ReadPackageOptions,
  contentTypeOf,
  type PackageItem,
  type ReadPackageResult,
} from './packages/read-package.ts';
export {
  writeItemXml,
  itemElement,
  type WritableItem,
  type WriteItemOptions,
  type ExportVersion,
  matchAsInterpolation,
} from './qti/write-item.ts';
export { identifierRenames, renameResponseValue } from './qti/rename-identifiers.ts';
export {
  checkQti3Schema,
  checkSchemas,
  loadSchemaFolder,
  schemaKindOf,
  schemaLabel,
  schemaProblems,
  SchemaFolderError,
  type SchemaCheckResult,
  type SchemaDocument,
  type SchemaError,
  type SchemaErrors,
  type SchemaFolder,
  type SchemaKind,
} from './qti/check-schema.ts';
export {
  serialiseXml,
  escapeText,
  escapeAttribute,
  XmlWriteError,
  type OutElement,
  type OutNode,
} from './qti/xml-writer.ts';
export type {
  AssessmentTest,
  TestPart,
  Section,
  SectionRef,
  SectionPart,
  ItemRef,
  BranchRule,
  TimeLimits,
  ItemSessionControl,
  TestFeedback,
} from './model/test.ts';
export { itemRefsOf } from './model/test.ts';
export { parseTestXml, type ParseTestResult } from './qti/parse-test.ts';
export { writeTestXml, testElement, type WriteTestOptions } from './qti/write-test.ts';
export {
  CODE_TASK_TYPE,
  CodeTask,
  CodeTest,
  CodeFunctionTest,
  CodeIoTest,
  CodeTestFile,
  CodeLimits,
  splitCodeTask,
  type CodeTaskInput,
  type ItemCodeTask,
  type HiddenCodeTaskParts,
  type JsonValue,
} from './model/code-task.ts';
export { codeTaskInteraction } from './authoring/code-task-interaction.ts';
export {
  AuthoringItem,
  AuthoringDeclaration,
  AuthoringContentElement,
  AuthoringContentNode,
  AuthoringProcessingNode,
  toAuthoringItem,
  serialiseAuthoringItem,
  parseAuthoringXml,
  type AuthoringItemInput,
} from './authoring/authoring-item.ts';
export {
  writePackage,
  type PackageItemInput,
  type PackageTestInput,
  type WritePackageOptions,
} from './packages/write-package.ts';
export type { PackageTest } from './packages/read-package.ts';
export {
  previewImport,
  formatFromFilename,
  buildItem,
  draftIdentifier,
  draftText,
  QuestionDraft,
  QUESTION_KINDS,
  IMPORT_FORMATS,
  type ImportFormat,
  type ImportPreview,
  type ImportedQuestion,
  type ImportedMedia,
  type ImportDecisions,
  type ImportProblem,
  type QuestionKind,
} from './importers/index.ts';
export * from './blueprint/index.ts';
