/**
 * Writes an item of the model as a QTI 3.0 or QTI 2.2 assessmentItem document. Declarations,
 * processing, body, feedback and stylesheets are all written back, so re-reading the output
 * gives the same item.
 */
import type {
  AreaMapping,
  Declaration,
  LookupTable,
  Mapping,
  ProcessingNode,
  RawValue,
  ResponseProcessing,
  StandardTemplate,
} from '../model/declarations.ts';
import type { AssessmentItem } from '../model/item.ts';
import {
  qtiElement,
  QTI_NAMESPACE,
  SCHEMA_LOCATION,
  XSI_NAMESPACE,
  type ExportVersion,
} from './qti-spelling.ts';
import { contentElement, wrappedContent, type ContentWriteOptions } from './write-content.ts';
import { identifierRenames, renameIdentifiers } from './rename-identifiers.ts';
import { processingElement } from './write-processing.ts';
import { serialiseXml, type OutElement } from './xml-writer.ts';

export type { ExportVersion } from './qti-spelling.ts';

/** The parts of an item the writer needs (the parsed model, or an authoring item). */
export type WritableItem = Pick<
  AssessmentItem,
  | 'identifier'
  | 'title'
  | 'language'
  | 'adaptive'
  | 'timeDependent'
  | 'declarations'
  | 'templateProcessing'
  | 'responseProcessing'
  | 'outcomeProcessing'
  | 'body'
  | 'modalFeedback'
  | 'stylesheets'
>;

export interface WriteItemOptions {
  version?: ExportVersion;
  /** Rewrites media references (img src, object data, stylesheets) in the output. */
  mediaHref?(href: string): string;
  /** Told of everything the target schema made the writer drop or rename (one sentence each). */
  onAdjust?(note: string): void;
}

const TEMPLATE_URIS: Record<ExportVersion, (t: StandardTemplate) => string> = {
  '3.0': (t) => `https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/${t}.xml`,
  '2.2': (t) => `http://www.imsglobal.org/question/qti_v2p2/rptemplates/${t}`,
};

const values = (list: RawValue[], v: ExportVersion) =>
  list.map((value) =>
    qtiElement('value', v, { fieldIdentifier: value.fieldIdentifier, baseType: value.baseType }, [
      value.text,
    ]),
  );

const mapping = (m: Mapping, v: ExportVersion) =>
  qtiElement(
    'mapping',
    v,
    { lowerBound: m.lowerBound, upperBound: m.upperBound, defaultValue: m.defaultValue },
    m.entries.map((e) =>
      qtiElement('mapEntry', v, {
        mapKey: e.mapKey,
        mappedValue: e.mappedValue,
        caseSensitive: e.caseSensitive,
      }),
    ),
  );

const areaMapping = (m: AreaMapping, v: ExportVersion) =>
  qtiElement(
    'areaMapping',
    v,
    { lowerBound: m.lowerBound, upperBound: m.upperBound, defaultValue: m.defaultValue },
    m.entries.map((e) =>
      qtiElement('areaMapEntry', v, {
        shape: e.shape,
        coords: e.coords.join(','),
        mappedValue: e.mappedValue,
      }),
    ),
  );

/**
 * A matchTable as the interpolationTable that gives the same target for every source: the
 * schemas (2.2 and 3.0 alike) type matchTableEntry's targetValue as a base-type name, so no
 * matchTable with real targets is valid. Entries from the highest source down: above a source
 * the default, at it its target; below the lowest the default. Without a defaultValue (a miss is
 * NULL, which no entry can give) the matchTable is kept.
 */
export function matchAsInterpolation(t: LookupTable, onAdjust?: (note: string) => void): LookupTable {
  if (t.kind !== 'matchTable' || t.defaultValue === undefined || !t.entries.length) return t;
  const first = new Map<number, string>();
  for (const e of t.entries) if (!first.has(e.sourceValue)) first.set(e.sourceValue, e.targetValue);
  const sources = [...first.keys()].sort((a, b) => b - a);
  onAdjust?.(
    'A matchTable written as the interpolationTable that maps every source the same way (the schemas take no target values in a matchTable).',
  );
  return {
    kind: 'interpolationTable',
    defaultValue: t.defaultValue,
    entries: sources.flatMap((sourceValue) => [
      { sourceValue, targetValue: t.defaultValue!, includeBoundary: false },
      { sourceValue, targetValue: first.get(sourceValue)!, includeBoundary: true },
    ]),
  };
}

function lookupTable(source: LookupTable, v: ExportVersion, onAdjust?: (note: string) => void): OutElement {
  const t = matchAsInterpolation(source, onAdjust);
  if (t.kind === 'matchTable')
    return qtiElement(
      'matchTable',
      v,
      { defaultValue: t.defaultValue },
      t.entries.map((e) =>
        qtiElement('matchTableEntry', v, { sourceValue: e.sourceValue, targetValue: e.targetValue }),
      ),
    );
  return qtiElement(
    'interpolationTable',
    v,
    { defaultValue: t.defaultValue },
    t.entries.map((e) =>
      qtiElement('interpolationTableEntry', v, {
        sourceValue: e.sourceValue,
        includeBoundary: e.includeBoundary,
        targetValue: e.targetValue,
      }),
    ),
  );
}

/** A response, outcome or template declaration as an output element. */
export function declarationElement(
  d: Declaration,
  v: ExportVersion,
  onAdjust?: (note: string) => void,
): OutElement {
  const common = { identifier: d.identifier, cardinality: d.cardinality, baseType: d.baseType };
  const defaults = d.defaultValue ? [qtiElement('defaultValue', v, {}, values(d.defaultValue, v))] : [];
  if (d.kind === 'response') {
    return qtiElement('responseDeclaration', v, common, [
      ...defaults,
      ...(d.correctResponse
        ? [
            qtiElement(
              'correctResponse',
              v,
              { interpretation: d.correctInterpretation },
              values(d.correctResponse, v),
            ),
          ]
        : []),
      ...(d.mapping ? [mapping(d.mapping, v)] : []),
      ...(d.areaMapping ? [areaMapping(d.areaMapping, v)] : []),
    ]);
  }
  if (d.kind === 'outcome') {
    return qtiElement(
      'outcomeDeclaration',
      v,
      {
        ...common,
        view: d.view?.join(' '),
        interpretation: d.interpretation,
        normalMaximum: d.normalMaximum,
        normalMinimum: d.normalMinimum,
        masteryValue: d.masteryValue,
        externalScored: d.externalScored,
      },
      [
        ...defaults,
        ...(d.lookupTable ? [lookupTable(d.lookupTable, v, onAdjust)] : []),
        ...(d.mapping ? [mapping(d.mapping, v)] : []),
      ],
    );
  }
  return qtiElement(
    'templateDeclaration',
    v,
    { ...common, paramVariable: d.paramVariable, mathVariable: d.mathVariable },
    defaults,
  );
}

/** Outcome rules as the response rules that do the same after the item's own response rules. */
const OUTCOME_AS_RESPONSE: Record<string, string> = {
  outcomeCondition: 'responseCondition',
  outcomeIf: 'responseIf',
  outcomeElseIf: 'responseElseIf',
  outcomeElse: 'responseElse',
  outcomeProcessingFragment: 'responseProcessingFragment',
  // Last in response processing, ending it ends all the item's processing, as exitTest did.
  exitTest: 'exitResponse',
};
const asResponseRule = (n: ProcessingNode): ProcessingNode => ({
  ...n,
  name: OUTCOME_AS_RESPONSE[n.name] ?? n.name,
  children: n.children.map(asResponseRule),
});
const hasExit = (nodes: ProcessingNode[]): boolean =>
  nodes.some((n) => n.name === 'exitResponse' || hasExit(n.children));

/**
 * No schema has outcomeProcessing in an item (some tools write it; the scorer runs it after
 * response processing). The same rules at the end of response processing mean the same, unless
 * response processing is a template or can end early (exitResponse would then skip them): those
 * are kept where they are, and reported, since no valid place keeps their meaning.
 */
function itemOutcomeRules(
  item: WritableItem,
  onAdjust?: (note: string) => void,
): { moved?: ProcessingNode[]; kept?: ProcessingNode[] } {
  const rules = item.outcomeProcessing;
  if (!rules) return {};
  const rp = item.responseProcessing;
  if (rp && ((!rp.rules.length && (rp.template || rp.templateUri)) || hasExit(rp.rules))) {
    onAdjust?.(
      "The item's outcomeProcessing is kept as it is, which no schema allows: its response processing is a template or can end early, so no valid place runs it the same way.",
    );
    return { kept: rules };
  }
  onAdjust?.(
    "The item's outcomeProcessing (no schema has it in an item) written at the end of its responseProcessing, as response rules (same meaning: they run after the response rules).",
  );
  return { moved: rules.map(asResponseRule) };
}

function responseProcessing(
  rp: ResponseProcessing,
  v: ExportVersion,
  onAdjust?: (note: string) => void,
  after: ProcessingNode[] = [],
): OutElement {
  if (rp.rules.length || after.length)
    return qtiElement(
      'responseProcessing',
      v,
      {},
      [...rp.rules, ...after].map((r) => processingElement(r, v, onAdjust)),
    );
  return qtiElement('responseProcessing', v, {
    template: rp.template ? TEMPLATE_URIS[v](rp.template) : rp.templateUri,
  });
}

/** The item as a QTI document element tree. */
export function itemElement(source: WritableItem, options: WriteItemOptions = {}): OutElement {
  const v = options.version ?? '3.0';
  // Choice, feedback and template identifiers that are no NCName get new names, everywhere they are named.
  const renames = identifierRenames(source);
  const item = renameIdentifiers(source, renames);
  if (renames.size)
    options.onAdjust?.(
      `Identifiers that are not identifiers of the schemas renamed, with every value naming them (correct responses, mappings, processing, feedback): ${[
        ...renames,
      ]
        .map(([from, to]) => `"${from}" -> "${to}"`)
        .join(', ')}. Responses to the exported item name the new identifiers.`,
    );
  const content: ContentWriteOptions = {
    version: v,
    mediaHref: options.mediaHref,
    onAdjust: options.onAdjust,
    ids: new Set(),
  };
  // An item without a body has no qti-item-body: the schema wants at least one block in one.
  const hasBody = item.body.children.some((n) => n.kind === 'element' || n.text.trim());
  const kinds = ['response', 'outcome', 'template'] as const;
  const outcome = itemOutcomeRules(item, options.onAdjust);
  const children: OutElement[] = [
    ...kinds.flatMap((kind) =>
      item.declarations.filter((d) => d.kind === kind).map((d) => declarationElement(d, v, options.onAdjust)),
    ),
    ...(item.templateProcessing
      ? [
          qtiElement(
            'templateProcessing',
            v,
            {},
            item.templateProcessing.map((n) => processingElement(n, v, options.onAdjust)),
          ),
        ]
      : []),
    ...item.stylesheets.map((href) =>
      qtiElement('stylesheet', v, { href: options.mediaHref?.(href) ?? href, type: 'text/css' }),
    ),
    ...(hasBody ? [contentElement(item.body, content)] : []),
    ...(item.responseProcessing || outcome.moved
      ? [
          responseProcessing(
            item.responseProcessing ?? { rules: [], location: { line: 1, column: 1 } },
            v,
            options.onAdjust,
            outcome.moved,
          ),
        ]
      : []),
    ...(outcome.kept
      ? [
          qtiElement(
            'outcomeProcessing',
            v,
            {},
            outcome.kept.map((n) => processingElement(n, v, options.onAdjust)),
          ),
        ]
      : []),
    ...item.modalFeedback.map((f) =>
      qtiElement(
        'modalFeedback',
        v,
        {
          outcomeIdentifier: f.outcomeIdentifier,
          identifier: f.identifier,
          showHide: f.showHide,
          title: f.title,
        },
        wrappedContent(f.content, content),
      ),
    ),
  ];
  const root = qtiElement(
    'assessmentItem',
    v,
    {
      identifier: item.identifier,
      title: item.title,
      adaptive: item.adaptive,
      timeDependent: item.timeDependent,
    },
    children,
  );
  root.namespace = QTI_NAMESPACE[v];
  root.attributes!.unshift(['xmlns:xsi', XSI_NAMESPACE], ['xsi:schemaLocation', SCHEMA_LOCATION[v]]);
  if (item.language) root.attributes!.push(['xml:lang', item.language]);
  return root;
}

/** Writes the item as a QTI 3.0 (default) or 2.2 document. */
export function writeItemXml(item: WritableItem, options: WriteItemOptions = {}): string {
  return serialiseXml(itemElement(item, options));
}
