/**
 * The JSON authoring model: what an authoring screen or API sends to create or edit an item, so
 * no user interface ever writes XML. It is the item model without what parsing derives (source
 * places, interaction summaries, media lists, version), checked with zod, and it serialises to
 * QTI 3.0. `parseAuthoringXml(serialiseAuthoringItem(x))` gives back `x`.
 */
import { z } from 'zod';
import { BASE_TYPES, CARDINALITIES, type Declaration } from '../model/declarations.ts';
import type { AssessmentItem } from '../model/item.ts';
import { parseItemXml } from '../qti/parse-item.ts';
import type { ValidationProblem } from '../qti/problems.ts';
import { writeItemXml } from '../qti/write-item.ts';

const xmlName = z.string().regex(/^[A-Za-z_][A-Za-z0-9._-]*(:[A-Za-z_][A-Za-z0-9._-]*)?$/, 'not an XML name');
const attributes = z.record(xmlName, z.string());

export interface AuthoringContentElement {
  kind: 'element';
  name: string;
  ns: 'qti' | 'html' | 'math' | 'other';
  attributes: Record<string, string>;
  children: AuthoringContentNode[];
  namespace?: string;
}
export type AuthoringContentNode = AuthoringContentElement | { kind: 'text'; text: string };

export const AuthoringContentElement: z.ZodType<AuthoringContentElement> = z.lazy(() =>
  z
    .object({
      kind: z.literal('element'),
      name: xmlName,
      ns: z.enum(['qti', 'html', 'math', 'other']),
      attributes,
      children: z.array(AuthoringContentNode),
      /** Namespace URI, required for foreign (`other`) elements. */
      namespace: z.string().min(1).optional(),
    })
    .refine((e) => (e.ns === 'other') === (e.namespace !== undefined), {
      message: 'a foreign element (ns "other") needs its namespace, and only it has one',
    }),
);
export const AuthoringContentNode: z.ZodType<AuthoringContentNode> = z.lazy(() =>
  z.union([AuthoringContentElement, z.object({ kind: z.literal('text'), text: z.string() })]),
);

export interface AuthoringProcessingNode {
  name: string;
  attributes: Record<string, string>;
  children: AuthoringProcessingNode[];
  text?: string;
}
export const AuthoringProcessingNode: z.ZodType<AuthoringProcessingNode> = z.lazy(() =>
  z.object({
    name: xmlName,
    attributes,
    children: z.array(AuthoringProcessingNode),
    text: z.string().optional(),
  }),
);

const value = z.object({
  text: z.string(),
  fieldIdentifier: z.string().optional(),
  baseType: z.enum(BASE_TYPES).optional(),
});
const bounds = {
  defaultValue: z.number(),
  lowerBound: z.number().optional(),
  upperBound: z.number().optional(),
};
const mapping = z.object({
  ...bounds,
  entries: z.array(z.object({ mapKey: z.string(), mappedValue: z.number(), caseSensitive: z.boolean() })),
});
const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9._-]*$/, 'not a QTI identifier');
const declarationBase = {
  identifier,
  cardinality: z.enum(CARDINALITIES),
  baseType: z.enum(BASE_TYPES).optional(),
  defaultValue: z.array(value).optional(),
};

export const AuthoringDeclaration = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('response'),
    ...declarationBase,
    correctResponse: z.array(value).optional(),
    correctInterpretation: z.string().optional(),
    mapping: mapping.optional(),
    areaMapping: z
      .object({
        ...bounds,
        entries: z.array(
          z.object({
            shape: z.enum(['rect', 'circle', 'poly', 'ellipse', 'default']),
            coords: z.array(z.number()),
            mappedValue: z.number(),
          }),
        ),
      })
      .optional(),
  }),
  z.object({
    kind: z.literal('outcome'),
    ...declarationBase,
    normalMaximum: z.number().optional(),
    normalMinimum: z.number().optional(),
    masteryValue: z.number().optional(),
    externalScored: z.enum(['human', 'externalMachine']).optional(),
    view: z.array(z.string()).optional(),
    interpretation: z.string().optional(),
    lookupTable: z
      .discriminatedUnion('kind', [
        z.object({
          kind: z.literal('matchTable'),
          defaultValue: z.string().optional(),
          entries: z.array(z.object({ sourceValue: z.number(), targetValue: z.string() })),
        }),
        z.object({
          kind: z.literal('interpolationTable'),
          defaultValue: z.string().optional(),
          entries: z.array(
            z.object({ sourceValue: z.number(), targetValue: z.string(), includeBoundary: z.boolean() }),
          ),
        }),
      ])
      .optional(),
    mapping: mapping.optional(),
  }),
  z.object({
    kind: z.literal('template'),
    ...declarationBase,
    paramVariable: z.boolean().default(false),
    mathVariable: z.boolean().default(false),
  }),
]);

export const AuthoringItem = z.object({
  identifier,
  title: z.string().max(1000),
  language: z.string().max(35).optional(),
  adaptive: z.boolean().default(false),
  timeDependent: z.boolean().default(false),
  /** Responses first, then outcomes, then templates (the order QTI writes them in). */
  declarations: z.array(AuthoringDeclaration),
  templateProcessing: z.array(AuthoringProcessingNode).optional(),
  /** A standard template, or rules. */
  responseProcessing: z
    .union([
      z.object({ template: z.enum(['match_correct', 'map_response', 'map_response_point']) }),
      z.object({ templateUri: z.string().min(1) }),
      z.object({ rules: z.array(AuthoringProcessingNode).min(1) }),
    ])
    .optional(),
  outcomeProcessing: z.array(AuthoringProcessingNode).optional(),
  body: AuthoringContentElement,
  modalFeedback: z
    .array(
      z.object({
        outcomeIdentifier: identifier,
        identifier: z.string(),
        showHide: z.enum(['show', 'hide']),
        title: z.string().optional(),
        content: z.array(AuthoringContentNode),
      }),
    )
    .default([]),
  stylesheets: z.array(z.string()).default([]),
});
export type AuthoringItem = z.output<typeof AuthoringItem>;
export type AuthoringItemInput = z.input<typeof AuthoringItem>;

const KIND_ORDER = { response: 0, outcome: 1, template: 2 } as const;
const clean = <T>(value: T): T =>
  JSON.parse(
    JSON.stringify(value, (key, v: unknown) =>
      key === 'location' || key === 'line' || key === 'column' ? undefined : v,
    ),
  ) as T;

/** The authoring form of a parsed item: derived parts and source places left out. */
export function toAuthoringItem(item: AssessmentItem): AuthoringItem {
  const rp = item.responseProcessing;
  return clean({
    identifier: item.identifier,
    title: item.title,
    ...(item.language ? { language: item.language } : {}),
    adaptive: item.adaptive,
    timeDependent: item.timeDependent,
    declarations: [...item.declarations].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]),
    ...(item.templateProcessing ? { templateProcessing: item.templateProcessing } : {}),
    ...(rp
      ? {
          responseProcessing: rp.rules.length
            ? { rules: rp.rules }
            : rp.template
              ? { template: rp.template }
              : { templateUri: rp.templateUri ?? '' },
        }
      : {}),
    ...(item.outcomeProcessing ? { outcomeProcessing: item.outcomeProcessing } : {}),
    body: item.body,
    modalFeedback: item.modalFeedback,
    stylesheets: item.stylesheets,
  }) as AuthoringItem;
}

/** Serialises an authoring item (checked with zod first) as a QTI 3.0 document. */
export function serialiseAuthoringItem(input: AuthoringItemInput): string {
  const item = AuthoringItem.parse(input);
  const at = { line: 1, column: 1 };
  const rp = item.responseProcessing;
  return writeItemXml({
    ...item,
    declarations: item.declarations.map((d) => ({ ...d, location: at }) as Declaration),
    templateProcessing: item.templateProcessing as AssessmentItem['templateProcessing'],
    outcomeProcessing: item.outcomeProcessing as AssessmentItem['outcomeProcessing'],
    responseProcessing: rp
      ? {
          ...('template' in rp ? { template: rp.template } : {}),
          ...('templateUri' in rp ? { templateUri: rp.templateUri } : {}),
          rules: ('rules' in rp ? rp.rules : []) as AssessmentItem['templateProcessing'] & object,
          location: at,
        }
      : undefined,
  });
}

/** Reads QTI (any version) into the authoring model, with the parser's problems. */
export function parseAuthoringXml(
  xml: string,
  file?: string,
): { item?: AuthoringItem; model?: AssessmentItem; problems: ValidationProblem[] } {
  const { item, problems } = parseItemXml(xml, file);
  return { ...(item ? { item: toAuthoringItem(item), model: item } : {}), problems };
}
