/**
 * Identifiers of choices, feedback and template elements that are not identifiers of the schemas
 * (xs:NCName: a name, not starting with a digit; QTI 2.0 samples number their hottexts 1, 2, 3...),
 * renamed for an export. The rename is consistent: every identifier value of the item that names
 * them (correct responses, default values, mapEntry keys of identifier, pair and directedPair
 * responses, baseValues in template and response processing, matchGroup lists, feedback and
 * template identifiers) gets the same new name, so every response scores as before once its
 * values are renamed the same way (`renameResponseValue`). The stored item is never changed: only
 * the written document.
 */
import type { ContentElement, ContentNode } from '../model/content.ts';
import type { BaseType, Declaration, Mapping, ProcessingNode, RawValue } from '../model/declarations.ts';
import type { ModalFeedback } from '../model/item.ts';

export const NCNAME = /^[\p{L}_][\p{L}\p{N}_.-]*$/u;

/** Base types whose values are identifiers (a pair: two, space-separated). */
const IDENTIFIER_VALUED = new Set<BaseType | undefined>(['identifier', 'pair', 'directedPair']);

/** Content elements whose `identifier` is a value responses, outcomes or templates take. */
const VALUE_IDENTIFIED = new Set([
  ...['simpleChoice', 'hottext', 'hotspotChoice', 'associableHotspot', 'gapText', 'gapImg', 'gap'],
  ...['inlineChoice', 'simpleAssociableChoice', 'feedbackInline', 'feedbackBlock'],
  ...['templateInline', 'templateBlock'],
]);

interface RenamableItem {
  declarations: Declaration[];
  templateProcessing?: ProcessingNode[];
  responseProcessing?: { rules: ProcessingNode[] };
  outcomeProcessing?: ProcessingNode[];
  body: ContentElement;
  modalFeedback: ModalFeedback[];
}

const isElement = (n: ContentNode): n is ContentElement => n.kind === 'element';

function* contentElements(nodes: ContentNode[]): Generator<ContentElement> {
  for (const n of nodes.filter(isElement)) {
    yield n;
    yield* contentElements(n.children);
  }
}

/**
 * The new name of each identifier of the item's choices, feedback and template elements that is
 * not an NCName (empty when there is none). A new name is `_` and the old one with what an NCName
 * cannot hold made `_`, unique among every identifier the item uses.
 */
export function identifierRenames(item: RenamableItem): Map<string, string> {
  const elements = [
    ...contentElements([item.body]),
    ...item.modalFeedback.flatMap((f) => [...contentElements(f.content)]),
  ];
  const bad = new Set<string>();
  const used = new Set<string>();
  const consider = (id: string | undefined) => {
    if (id === undefined) return;
    used.add(id);
    if (!NCNAME.test(id)) bad.add(id);
  };
  for (const e of elements)
    if (e.ns === 'qti' && VALUE_IDENTIFIED.has(e.name)) consider(e.attributes.identifier);
  for (const f of item.modalFeedback) consider(f.identifier);
  // Every identifier the item names anywhere, so that a new name clashes with none.
  for (const e of elements) for (const v of Object.values(e.attributes)) used.add(v);
  for (const d of item.declarations) used.add(d.identifier);
  const renames = new Map<string, string>();
  for (const id of [...bad].sort()) {
    const base = `_${id.replace(/[^\p{L}\p{N}_.-]/gu, '_')}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    renames.set(id, name);
  }
  return renames;
}

const renameTokens = (text: string, renames: ReadonlyMap<string, string>) =>
  text
    .split(/(\s+)/)
    .map((t) => renames.get(t) ?? t)
    .join('');

const renameValues = (
  values: RawValue[] | undefined,
  baseType: BaseType | undefined,
  renames: ReadonlyMap<string, string>,
) =>
  values?.map((v) =>
    IDENTIFIER_VALUED.has(v.baseType ?? baseType) ? { ...v, text: renameTokens(v.text, renames) } : v,
  );

const renameMapping = (m: Mapping | undefined, renames: ReadonlyMap<string, string>): Mapping | undefined =>
  m && { ...m, entries: m.entries.map((e) => ({ ...e, mapKey: renameTokens(e.mapKey, renames) })) };

function renameDeclaration(d: Declaration, renames: ReadonlyMap<string, string>): Declaration {
  const defaultValue = renameValues(d.defaultValue, d.baseType, renames);
  if (d.kind !== 'response') return { ...d, ...(defaultValue ? { defaultValue } : {}) };
  const idValued = IDENTIFIER_VALUED.has(d.baseType);
  return {
    ...d,
    ...(defaultValue ? { defaultValue } : {}),
    ...(d.correctResponse ? { correctResponse: renameValues(d.correctResponse, d.baseType, renames) } : {}),
    ...(d.mapping && idValued ? { mapping: renameMapping(d.mapping, renames) } : {}),
  };
}

function renameProcessing(node: ProcessingNode, renames: ReadonlyMap<string, string>): ProcessingNode {
  const text =
    node.name === 'baseValue' &&
    node.text !== undefined &&
    IDENTIFIER_VALUED.has(node.attributes.baseType as BaseType)
      ? renameTokens(node.text, renames)
      : node.text;
  return {
    ...node,
    ...(text !== undefined ? { text } : {}),
    children: node.children.map((c) => renameProcessing(c, renames)),
  };
}

function renameContent(node: ContentNode, renames: ReadonlyMap<string, string>): ContentNode {
  if (!isElement(node)) return node;
  const attributes = { ...node.attributes };
  if (node.ns === 'qti') {
    if (VALUE_IDENTIFIED.has(node.name) && attributes.identifier !== undefined)
      attributes.identifier = renames.get(attributes.identifier) ?? attributes.identifier;
    if (attributes.matchGroup !== undefined)
      attributes.matchGroup = renameTokens(attributes.matchGroup, renames);
  }
  return { ...node, attributes, children: node.children.map((c) => renameContent(c, renames)) };
}

/** The item with the renames applied everywhere it names them (see the file's comment). */
export function renameIdentifiers<T extends RenamableItem>(item: T, renames: ReadonlyMap<string, string>): T {
  if (!renames.size) return item;
  const rules = (nodes: ProcessingNode[] | undefined) => nodes?.map((n) => renameProcessing(n, renames));
  return {
    ...item,
    declarations: item.declarations.map((d) => renameDeclaration(d, renames)),
    ...(item.templateProcessing ? { templateProcessing: rules(item.templateProcessing) } : {}),
    ...(item.responseProcessing
      ? { responseProcessing: { ...item.responseProcessing, rules: rules(item.responseProcessing.rules)! } }
      : {}),
    ...(item.outcomeProcessing ? { outcomeProcessing: rules(item.outcomeProcessing) } : {}),
    body: renameContent(item.body, renames) as ContentElement,
    modalFeedback: item.modalFeedback.map((f) => ({
      ...f,
      identifier: renames.get(f.identifier) ?? f.identifier,
      content: f.content.map((c) => renameContent(c, renames)),
    })),
  };
}

/**
 * A response value (as scoreJson takes it: a string, a pair "a b", or a list of them) with its
 * identifiers renamed as the export renamed them, for a response of an identifier, pair or
 * directedPair base type; other values are returned as they are.
 */
export function renameResponseValue(
  value: unknown,
  baseType: BaseType | undefined,
  renames: ReadonlyMap<string, string>,
): unknown {
  if (!IDENTIFIER_VALUED.has(baseType) || !renames.size) return value;
  if (typeof value === 'string') return renameTokens(value, renames);
  if (Array.isArray(value)) return value.map((v) => renameResponseValue(v, baseType, renames));
  return value;
}
