/** Reads response, outcome and template declarations into the model. */
import type { ContentElement } from '../model/content.ts';
import {
  BASE_TYPES,
  CARDINALITIES,
  type AreaMapping,
  type AreaShape,
  type BaseType,
  type Cardinality,
  type Declaration,
  type LookupTable,
  type Mapping,
  type RawValue,
} from '../model/declarations.ts';
import type { ProblemList } from './problems.ts';

const childElements = (e: ContentElement) =>
  e.children.filter((c): c is ContentElement => c.kind === 'element');
const child = (e: ContentElement, name: string) => childElements(e).find((c) => c.name === name);
export const textOf = (e: ContentElement): string =>
  e.children.map((c) => (c.kind === 'text' ? c.text : textOf(c))).join('');

const num = (value: string | undefined): number | undefined => {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
};

function readValues(container: ContentElement | undefined): RawValue[] | undefined {
  if (!container) return undefined;
  return childElements(container)
    .filter((v) => v.name === 'value')
    .map((v) => ({
      text: textOf(v).trim(),
      ...(v.attributes.fieldIdentifier ? { fieldIdentifier: v.attributes.fieldIdentifier } : {}),
      ...(v.attributes.baseType ? { baseType: v.attributes.baseType as BaseType } : {}),
    }));
}

function readMapping(e: ContentElement | undefined): Mapping | undefined {
  if (!e) return undefined;
  return {
    defaultValue: num(e.attributes.defaultValue) ?? 0,
    lowerBound: num(e.attributes.lowerBound),
    upperBound: num(e.attributes.upperBound),
    entries: childElements(e)
      .filter((m) => m.name === 'mapEntry')
      .map((m) => ({
        mapKey: m.attributes.mapKey ?? '',
        mappedValue: num(m.attributes.mappedValue) ?? 0,
        // Absent: false, the default of the QTI 2.2 and 3.0 schemas (2.1 makes it required and gives none).
        caseSensitive: m.attributes.caseSensitive === 'true' || m.attributes.caseSensitive === '1',
      })),
  };
}

function readAreaMapping(e: ContentElement | undefined): AreaMapping | undefined {
  if (!e) return undefined;
  return {
    defaultValue: num(e.attributes.defaultValue) ?? 0,
    lowerBound: num(e.attributes.lowerBound),
    upperBound: num(e.attributes.upperBound),
    entries: childElements(e)
      .filter((m) => m.name === 'areaMapEntry')
      .map((m) => ({
        shape: (m.attributes.shape ?? 'default') as AreaShape,
        coords: (m.attributes.coords ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
          .map(Number),
        mappedValue: num(m.attributes.mappedValue) ?? 0,
      })),
  };
}

function readLookupTable(e: ContentElement): LookupTable | undefined {
  const match = child(e, 'matchTable');
  if (match) {
    return {
      kind: 'matchTable',
      defaultValue: match.attributes.defaultValue,
      entries: childElements(match)
        .filter((m) => m.name === 'matchTableEntry')
        .map((m) => ({
          sourceValue: num(m.attributes.sourceValue) ?? 0,
          targetValue: m.attributes.targetValue ?? '',
        })),
    };
  }
  const interpolation = child(e, 'interpolationTable');
  if (interpolation) {
    return {
      kind: 'interpolationTable',
      defaultValue: interpolation.attributes.defaultValue,
      entries: childElements(interpolation)
        .filter((m) => m.name === 'interpolationTableEntry')
        .map((m) => ({
          sourceValue: num(m.attributes.sourceValue) ?? 0,
          targetValue: m.attributes.targetValue ?? '',
          includeBoundary: m.attributes.includeBoundary !== 'false',
        })),
    };
  }
  return undefined;
}

export function readDeclaration(
  e: ContentElement,
  problems: ProblemList,
  file?: string,
): Declaration | undefined {
  const at = { line: e.line, column: e.column };
  const identifier = e.attributes.identifier;
  if (!identifier) {
    problems.error('missing-identifier', `<${e.name}> has no identifier.`, at);
    return undefined;
  }
  const cardinality = e.attributes.cardinality as Cardinality;
  if (!CARDINALITIES.includes(cardinality)) {
    problems.error(
      'bad-cardinality',
      `${identifier}: cardinality "${e.attributes.cardinality ?? ''}" is not one of ${CARDINALITIES.join(', ')}.`,
      at,
    );
    return undefined;
  }
  const baseType = e.attributes.baseType as BaseType | undefined;
  if (baseType !== undefined && !BASE_TYPES.includes(baseType)) {
    problems.error('bad-base-type', `${identifier}: baseType "${baseType}" is not a QTI base type.`, at);
    return undefined;
  }
  if (baseType === undefined && cardinality !== 'record') {
    problems.error('missing-base-type', `${identifier}: a ${cardinality} variable needs a baseType.`, at);
  }
  const base = {
    identifier,
    cardinality,
    ...(baseType ? { baseType } : {}),
    defaultValue: readValues(child(e, 'defaultValue')),
    location: { file, line: e.line ?? 1, column: e.column ?? 1 },
  };
  if (e.name === 'responseDeclaration') {
    const correct = child(e, 'correctResponse');
    return {
      kind: 'response',
      ...base,
      correctResponse: readValues(correct),
      correctInterpretation: correct?.attributes.interpretation,
      mapping: readMapping(child(e, 'mapping')),
      areaMapping: readAreaMapping(child(e, 'areaMapping')),
    };
  }
  if (e.name === 'outcomeDeclaration') {
    return {
      kind: 'outcome',
      ...base,
      normalMaximum: num(e.attributes.normalMaximum),
      normalMinimum: num(e.attributes.normalMinimum),
      masteryValue: num(e.attributes.masteryValue),
      externalScored: e.attributes.externalScored as 'human' | 'externalMachine' | undefined,
      view: e.attributes.view?.split(/\s+/).filter(Boolean),
      interpretation: e.attributes.interpretation,
      lookupTable: readLookupTable(e),
      ...(child(e, 'mapping') ? { mapping: readMapping(child(e, 'mapping')) } : {}),
    };
  }
  return {
    kind: 'template',
    ...base,
    paramVariable: e.attributes.paramVariable === 'true',
    mathVariable: e.attributes.mathVariable === 'true',
  };
}
