/**
 * Parses a QTI 2.0/2.1/2.2/3.0 assessmentItem into the item model. Never throws: every failure
 * is a ValidationProblem with file, line, column and a plain sentence.
 */
import { walkContent, isInteraction, type ContentElement } from '../model/content.ts';
import type { Declaration, ProcessingNode } from '../model/declarations.ts';
import type { AssessmentItem, InteractionSummary, ModalFeedback, QtiVersion } from '../model/item.ts';
import { mediaReferencesIn } from './media-references.ts';
import { normaliseElement, reportRemoved } from './normalise-content.ts';
import { sanitiseContent, sanitiseElement, type RemovedContent } from '../model/sanitise-content.ts';
import { ProblemList, type ValidationProblem } from './problems.ts';
import { QTI_NAMESPACES } from './qti-names.ts';
import { readCodeTasks } from './read-code-task.ts';
import { isWrappedPci, readPortableInteractions } from './read-portable-interaction.ts';
import { readDeclaration } from './read-declarations.ts';
import { readResponseProcessing, toProcessingNode } from './read-processing.ts';
import { validateItem } from './validate-item.ts';
import {
  parseXmlTree,
  XmlBudgetError,
  XmlSyntaxError,
  type XmlLimits,
  type XmlParseStats,
} from './xml-tree.ts';

export interface ParseItemResult {
  /** Present whenever the document could be read as an item, even with errors (scoring tools may still use it). */
  item?: AssessmentItem;
  /** Any problem of severity `error` means the item must not be imported. */
  problems: ValidationProblem[];
}

const CHOICE_ELEMENTS = new Set([
  'simpleChoice',
  'simpleAssociableChoice',
  'gapText',
  'gapImg',
  'inlineChoice',
  'hottext',
  'hotspotChoice',
  'associableHotspot',
  'gap',
]);

const elements = (e: ContentElement) => e.children.filter((c): c is ContentElement => c.kind === 'element');

function versionOf(namespace: string, rootName: string): QtiVersion {
  return QTI_NAMESPACES[namespace] ?? (rootName.startsWith('qti-') ? '3.0' : '2.1');
}

export interface ParseOptions {
  /** Nesting depth and node budget of the document (DEFAULT_XML_LIMITS where left out). */
  xmlLimits?: Partial<XmlLimits>;
  /** Filled in with what the document held (nodes read), for budgets across many documents. */
  stats?: XmlParseStats;
}

export function parseItemXml(xml: string, file?: string, options: ParseOptions = {}): ParseItemResult {
  const problems = new ProblemList(file);
  let raw;
  try {
    raw = parseXmlTree(xml, file, options.xmlLimits, options.stats);
  } catch (error) {
    if (error instanceof XmlBudgetError) {
      problems.error(error.code, error.message, error.location);
      return { problems: problems.items };
    }
    if (error instanceof XmlSyntaxError) {
      problems.error('xml-syntax', `The file is not well-formed XML: ${error.message}`, error.location);
      return { problems: problems.items };
    }
    problems.error('xml-syntax', `The file cannot be read as XML: ${(error as Error).message}`);
    return { problems: problems.items };
  }
  if (raw.name !== 'assessmentItem' && raw.name !== 'qti-assessment-item') {
    problems.error('not-an-item', `The root element is <${raw.name}>, not an assessmentItem.`, raw.location);
    return { problems: problems.items };
  }
  const qtiVersion = versionOf(raw.namespace, raw.name);
  const root = normaliseElement(raw, { lines: true });
  // The parts shown in a browser are sanitised; declarations and processing are data.
  const removed: RemovedContent[] = [];
  const identifier = root.attributes.identifier;
  if (!identifier)
    problems.error('missing-identifier', 'The assessmentItem has no identifier.', {
      line: root.line,
      column: root.column,
    });

  const declarations: Declaration[] = [];
  let templateProcessing: ProcessingNode[] | undefined;
  let outcomeProcessing: ProcessingNode[] | undefined;
  let responseProcessing;
  let body: ContentElement | undefined;
  const modalFeedback: ModalFeedback[] = [];
  const stylesheets: string[] = [];
  for (const e of elements(root)) {
    switch (e.name) {
      case 'responseDeclaration':
      case 'outcomeDeclaration':
      case 'templateDeclaration': {
        const declaration = readDeclaration(e, problems, file);
        if (declaration) declarations.push(declaration);
        break;
      }
      case 'templateProcessing':
        templateProcessing = elements(e).map((c) => toProcessingNode(c, file));
        break;
      case 'outcomeProcessing':
        outcomeProcessing = elements(e).map((c) => toProcessingNode(c, file));
        break;
      case 'stylesheet': {
        const href = sanitiseElement(e, { removed })?.attributes.href;
        if (href) stylesheets.push(href);
        break;
      }
      case 'itemBody':
        body = sanitiseElement(e, { removed });
        break;
      case 'responseProcessing':
        responseProcessing = readResponseProcessing(e, file);
        break;
      case 'modalFeedback':
        modalFeedback.push({
          outcomeIdentifier: e.attributes.outcomeIdentifier ?? '',
          identifier: e.attributes.identifier ?? '',
          showHide: e.attributes.showHide === 'hide' ? 'hide' : 'show',
          title: e.attributes.title,
          content: sanitiseContent(e.children, { removed }),
          location: { file, line: e.line ?? 1, column: e.column ?? 1 },
        });
        break;
      default:
        break;
    }
  }
  reportRemoved(problems, removed);
  if (!body) {
    // itemBody is optional in QTI (processing-only items); an empty body stands in.
    problems.warning('missing-item-body', 'The item has no itemBody.', {
      line: root.line,
      column: root.column,
    });
    body = { kind: 'element', name: 'itemBody', ns: 'qti', attributes: {}, children: [] };
  }

  const interactions: InteractionSummary[] = [];
  const media = new Set<string>();
  for (const e of walkContent([body, ...modalFeedback.flatMap((f) => f.content)])) {
    // TAO's inner PCI is not an interaction of its own: the customInteraction around it is.
    if (isInteraction(e.name) && !isWrappedPci(e)) {
      interactions.push({
        type: e.name,
        responseIdentifier: e.attributes.responseIdentifier ?? '',
        choices: [...walkContent(e.children)]
          .filter((c) => CHOICE_ELEMENTS.has(c.name) && c.attributes.identifier)
          .map((c) => c.attributes.identifier!),
        ...(e.attributes.maxChoices !== undefined && Number.isInteger(Number(e.attributes.maxChoices))
          ? { maxChoices: Number(e.attributes.maxChoices) }
          : {}),
        location: { file, line: e.line ?? 1, column: e.column ?? 1 },
      });
    }
  }
  for (const ref of mediaReferencesIn([body, ...modalFeedback.flatMap((f) => f.content)]))
    media.add(ref.href);

  const codeTasks = readCodeTasks(body, declarations, problems);
  const portableInteractions = readPortableInteractions(body, problems);
  for (const pci of portableInteractions) for (const module of pci.modules) media.add(module.path);
  const item: AssessmentItem = {
    identifier: identifier ?? '',
    title: root.attributes.title ?? identifier ?? '',
    qtiVersion,
    language: root.attributes['xml:lang'],
    adaptive: root.attributes.adaptive === 'true',
    timeDependent: root.attributes.timeDependent === 'true',
    declarations,
    ...(templateProcessing ? { templateProcessing } : {}),
    ...(responseProcessing ? { responseProcessing } : {}),
    ...(outcomeProcessing ? { outcomeProcessing } : {}),
    body,
    interactions,
    modalFeedback,
    stylesheets,
    ...(codeTasks.length ? { codeTasks } : {}),
    ...(portableInteractions.length ? { portableInteractions } : {}),
    media: [...media],
    location: { file, line: root.line ?? 1, column: root.column ?? 1 },
  };
  validateItem(item, problems);
  return { item, problems: problems.items };
}
