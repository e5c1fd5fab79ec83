/**
 * Variable declarations and processing trees of the QTI item model.
 *
 * This file is the contract between item-bank (which parses QTI 2.x and 3.0 into it)
 * and grading (which compiles processing into scoring functions). Values stay as the
 * QTI string forms here; grading turns them into typed values.
 */

export const BASE_TYPES = [
  'identifier',
  'boolean',
  'integer',
  'float',
  'string',
  'point',
  'pair',
  'directedPair',
  'duration',
  'file',
  'uri',
  'intOrIdentifier',
] as const;
export type BaseType = (typeof BASE_TYPES)[number];

export const CARDINALITIES = ['single', 'multiple', 'ordered', 'record'] as const;
export type Cardinality = (typeof CARDINALITIES)[number];

/** Where an element was found in its source file (1-based). */
export interface SourceLocation {
  file?: string;
  line: number;
  column: number;
}

/** One `<value>` as written: its text plus, inside records, the field it fills. */
export interface RawValue {
  text: string;
  fieldIdentifier?: string;
  baseType?: BaseType;
}

export interface MapEntry {
  mapKey: string;
  mappedValue: number;
  caseSensitive: boolean;
}

export interface Mapping {
  defaultValue: number;
  lowerBound?: number;
  upperBound?: number;
  entries: MapEntry[];
}

export type AreaShape = 'rect' | 'circle' | 'poly' | 'ellipse' | 'default';

export interface AreaMapEntry {
  shape: AreaShape;
  coords: number[];
  mappedValue: number;
}

export interface AreaMapping {
  defaultValue: number;
  lowerBound?: number;
  upperBound?: number;
  entries: AreaMapEntry[];
}

export interface MatchTable {
  kind: 'matchTable';
  defaultValue?: string;
  entries: Array<{ sourceValue: number; targetValue: string }>;
}

export interface InterpolationTable {
  kind: 'interpolationTable';
  defaultValue?: string;
  entries: Array<{ sourceValue: number; targetValue: string; includeBoundary: boolean }>;
}

export type LookupTable = MatchTable | InterpolationTable;

interface DeclarationBase {
  identifier: string;
  cardinality: Cardinality;
  /** Absent only for record cardinality. */
  baseType?: BaseType;
  defaultValue?: RawValue[];
  location: SourceLocation;
}

export interface ResponseDeclaration extends DeclarationBase {
  kind: 'response';
  correctResponse?: RawValue[];
  /** Interpretation text of correctResponse, if any. */
  correctInterpretation?: string;
  mapping?: Mapping;
  areaMapping?: AreaMapping;
}

export interface OutcomeDeclaration extends DeclarationBase {
  kind: 'outcome';
  normalMaximum?: number;
  normalMinimum?: number;
  masteryValue?: number;
  externalScored?: 'human' | 'externalMachine';
  view?: string[];
  interpretation?: string;
  lookupTable?: LookupTable;
  /** A mapping on an outcome (read by the mapOutcome expression some players accept). */
  mapping?: Mapping;
}

export interface TemplateDeclaration extends DeclarationBase {
  kind: 'template';
  paramVariable: boolean;
  mathVariable: boolean;
}

export type Declaration = ResponseDeclaration | OutcomeDeclaration | TemplateDeclaration;

/**
 * A node of a processing tree (responseProcessing, outcomeProcessing, templateProcessing,
 * and every expression inside them). `name` is always the QTI 2.x camelCase element name
 * (`responseCondition`, `baseValue`, `mapResponse`), whatever version the source used:
 * the 3.0 parser turns `qti-response-condition` into `responseCondition`. Attribute names
 * are likewise the 2.x camelCase names (`baseType`, `toleranceMode`, `sectionIdentifier`).
 */
export interface ProcessingNode {
  name: string;
  attributes: Record<string, string>;
  children: ProcessingNode[];
  /** Text content for leaf nodes such as `baseValue`; undefined when the element has only children. */
  text?: string;
  location: SourceLocation;
}

/** The standard response processing templates, recognised from any of their URIs or names. */
export type StandardTemplate = 'match_correct' | 'map_response' | 'map_response_point';

export interface ResponseProcessing {
  /** Set when the item refers to a standard template (by `template` or `templateLocation`). */
  template?: StandardTemplate;
  /** The template URI exactly as written, also for unknown templates. */
  templateUri?: string;
  /** Inline rules; when a standard template is used, these are empty. */
  rules: ProcessingNode[];
  location: SourceLocation;
}
