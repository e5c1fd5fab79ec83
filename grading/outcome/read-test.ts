/**
 * Reads an assessmentTest (QTI 2.x camelCase or 3.0 `qti-` names) into the test model, with the
 * item bank's XML reader (saxes; documents that declare entities are refused).
 */
import {
  parseXmlTree,
  type BaseType,
  type Cardinality,
  type OutcomeDeclaration,
  type ProcessingNode,
  type RawValue,
  type XmlElement,
} from '../../item-bank/index.ts';
import type { AssessmentTestModel, TestItemRef } from './test-model.ts';

const camel = (s: string) => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
/** `qti-assessment-item-ref` -> `assessmentItemRef`; 2.x names unchanged. */
const nameOf = (e: XmlElement) => (e.name.startsWith('qti-') ? camel(e.name.slice(4)) : e.name);
const elements = (e: XmlElement) => e.children.filter((c): c is XmlElement => c.kind === 'element');
const attrs = (e: XmlElement) =>
  Object.fromEntries(Object.entries(e.attributes).map(([k, v]) => [k.includes(':') ? k : camel(k), v]));
const textOf = (e: XmlElement): string =>
  e.children.map((c) => (c.kind === 'text' ? c.text : textOf(c))).join('');
const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : Number(s));

function toNode(e: XmlElement): ProcessingNode {
  const children = elements(e);
  return {
    name: nameOf(e),
    attributes: attrs(e),
    children: children.map(toNode),
    ...(children.length === 0 ? { text: textOf(e).trim() } : {}),
    location: e.location,
  };
}

function readOutcome(e: XmlElement): OutcomeDeclaration {
  const a = attrs(e);
  const values = (container: XmlElement | undefined): RawValue[] | undefined =>
    container &&
    elements(container)
      .filter((v) => nameOf(v) === 'value')
      .map((v) => ({ text: textOf(v).trim() }));
  return {
    kind: 'outcome',
    identifier: a.identifier ?? '',
    cardinality: (a.cardinality ?? 'single') as Cardinality,
    ...(a.baseType ? { baseType: a.baseType as BaseType } : {}),
    defaultValue: values(elements(e).find((c) => nameOf(c) === 'defaultValue')),
    normalMaximum: num(a.normalMaximum),
    normalMinimum: num(a.normalMinimum),
    location: e.location,
  };
}

/** Parses assessmentTest XML. Throws on malformed XML or when the root is not an assessmentTest. */
export function readTestXml(xml: string, file?: string): AssessmentTestModel {
  const root = parseXmlTree(xml, file);
  if (nameOf(root) !== 'assessmentTest')
    throw new Error(`the root element is <${root.name}>, not an assessmentTest`);
  const itemRefs: TestItemRef[] = [];
  const walk = (e: XmlElement, sections: string[], testPart: string) => {
    for (const c of elements(e)) {
      const name = nameOf(c);
      const a = attrs(c);
      if (name === 'testPart') walk(c, [], a.identifier ?? '');
      else if (name === 'assessmentSection') walk(c, [...sections, a.identifier ?? ''], testPart);
      else if (name === 'assessmentItemRef')
        itemRefs.push({
          identifier: a.identifier ?? '',
          href: a.href ?? '',
          sections,
          testPart,
          categories: (a.category ?? '').split(/\s+/).filter(Boolean),
          weights: Object.fromEntries(
            elements(c)
              .filter((w) => nameOf(w) === 'weight')
              .map((w) => [attrs(w).identifier ?? '', num(attrs(w).value) ?? 1]),
          ),
        });
    }
  };
  walk(root, [], '');
  const a = attrs(root);
  const processing = elements(root).find((c) => nameOf(c) === 'outcomeProcessing');
  return {
    identifier: a.identifier ?? '',
    title: a.title ?? '',
    declarations: elements(root)
      .filter((c) => nameOf(c) === 'outcomeDeclaration')
      .map(readOutcome),
    outcomeProcessing: processing ? elements(processing).map(toNode) : [],
    itemRefs,
  };
}
