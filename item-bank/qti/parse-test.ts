/**
 * Parses a QTI 2.x/3.0 assessmentTest into the test model. Never throws: every failure is a
 * ValidationProblem with file, line, column and a plain sentence.
 */
import type { ContentElement } from '../model/content.ts';
import type { OutcomeDeclaration, ProcessingNode } from '../model/declarations.ts';
import type {
  AssessmentTest,
  BranchRule,
  ItemRef,
  ItemSessionControl,
  Section,
  SectionPart,
  SectionRef,
  TestFeedback,
  TestPart,
  TimeLimits,
} from '../model/test.ts';
import { itemRefsOf } from '../model/test.ts';
import { normaliseElement, reportRemoved } from './normalise-content.ts';
import { sanitiseContent, sanitiseElement, type RemovedContent } from '../model/sanitise-content.ts';
import { refuseProcessing } from './not-in-schema.ts';
import { ProblemList, type ValidationProblem } from './problems.ts';
import { QTI_NAMESPACES } from './qti-names.ts';
import { readDeclaration } from './read-declarations.ts';
import { toProcessingNode } from './read-processing.ts';
import type { ParseOptions } from './parse-item.ts';
import { parseXmlTree, XmlBudgetError, XmlSyntaxError } from './xml-tree.ts';

export interface ParseTestResult {
  test?: AssessmentTest;
  problems: ValidationProblem[];
}

const elements = (e: ContentElement) => e.children.filter((c): c is ContentElement => c.kind === 'element');
const bool = (value: string | undefined, fallback: boolean) =>
  value === undefined ? fallback : value === 'true' || value === '1';
const optionalBool = (value: string | undefined) => (value === undefined ? undefined : bool(value, false));
const num = (value: string | undefined) => {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
};
const PART_NAMES = { itemRef: 'item reference', section: 'section', sectionRef: 'section reference' };
const EXIT_TARGETS = new Set(['EXIT_TEST', 'EXIT_TESTPART', 'EXIT_SECTION']);

class TestReader {
  /** What the sanitiser took out of rubric blocks and feedback. */
  readonly removed: RemovedContent[] = [];

  constructor(
    private readonly problems: ProblemList,
    private readonly file: string | undefined,
  ) {}

  private at(e: ContentElement) {
    return { file: this.file, line: e.line ?? 1, column: e.column ?? 1 };
  }

  private expression(e: ContentElement): ProcessingNode | undefined {
    const [first] = elements(e);
    if (!first) {
      this.problems.error('missing-expression', `<${e.name}> holds no expression.`, this.at(e));
      return undefined;
    }
    return toProcessingNode(first, this.file);
  }

  timeLimits(e: ContentElement | undefined): TimeLimits | undefined {
    if (!e) return undefined;
    return {
      minTime: num(e.attributes.minTime),
      maxTime: num(e.attributes.maxTime),
      allowLateSubmission: bool(e.attributes.allowLateSubmission, false),
    };
  }

  itemSessionControl(e: ContentElement | undefined): ItemSessionControl | undefined {
    if (!e) return undefined;
    const a = e.attributes;
    return {
      maxAttempts: num(a.maxAttempts),
      showFeedback: optionalBool(a.showFeedback),
      allowReview: optionalBool(a.allowReview),
      showSolution: optionalBool(a.showSolution),
      allowComment: optionalBool(a.allowComment),
      allowSkipping: optionalBool(a.allowSkipping),
      validateResponses: optionalBool(a.validateResponses),
    };
  }

  common(e: ContentElement) {
    const children = elements(e);
    const identifier = e.attributes.identifier ?? '';
    if (!identifier) this.problems.error('missing-identifier', `<${e.name}> has no identifier.`, this.at(e));
    return {
      identifier,
      preConditions: children
        .filter((c) => c.name === 'preCondition')
        .flatMap((c) => this.expression(c) ?? []),
      branchRules: children
        .filter((c) => c.name === 'branchRule')
        .flatMap((c): BranchRule[] => {
          const expression = this.expression(c);
          if (!c.attributes.target)
            this.problems.error('missing-target', 'A branchRule has no target.', this.at(c));
          return expression ? [{ target: c.attributes.target ?? '', expression, location: this.at(c) }] : [];
        }),
      itemSessionControl: this.itemSessionControl(children.find((c) => c.name === 'itemSessionControl')),
      timeLimits: this.timeLimits(children.find((c) => c.name === 'timeLimits')),
      location: this.at(e),
    };
  }

  itemRef(e: ContentElement): ItemRef {
    const children = elements(e);
    if (!e.attributes.href)
      this.problems.error(
        'missing-href',
        `The itemRef ${e.attributes.identifier ?? ''} has no href.`,
        this.at(e),
      );
    return {
      kind: 'itemRef',
      ...this.common(e),
      href: e.attributes.href ?? '',
      categories: (e.attributes.category ?? '').split(/\s+/).filter(Boolean),
      required: bool(e.attributes.required, false),
      fixed: bool(e.attributes.fixed, false),
      weights: children
        .filter((c) => c.name === 'weight')
        .map((c) => ({ identifier: c.attributes.identifier ?? '', value: num(c.attributes.value) ?? 1 })),
      mappings: children
        .filter((c) => c.name === 'variableMapping' || c.name === 'templateDefault')
        .map((c) => toProcessingNode(c, this.file)),
    };
  }

  sectionRef(e: ContentElement): SectionRef {
    return {
      kind: 'sectionRef',
      identifier: e.attributes.identifier ?? '',
      href: e.attributes.href ?? '',
      required: bool(e.attributes.required, false),
      fixed: bool(e.attributes.fixed, false),
      location: this.at(e),
    };
  }

  part(e: ContentElement): SectionPart | undefined {
    if (e.name === 'assessmentItemRef') return this.itemRef(e);
    if (e.name === 'assessmentSection') return this.section(e);
    if (e.name === 'assessmentSectionRef') return this.sectionRef(e);
    return undefined;
  }

  section(e: ContentElement): Section {
    const children = elements(e);
    const selection = children.find((c) => c.name === 'selection');
    const ordering = children.find((c) => c.name === 'ordering');
    const parts = children.flatMap((c) => this.part(c) ?? []);
    const select = num(selection?.attributes.select);
    if (selection && (select === undefined || select < 0))
      this.problems.error(
        'bad-selection',
        `The selection of section ${e.attributes.identifier ?? ''} has no valid select count.`,
        this.at(selection),
      );
    const withReplacement = bool(selection?.attributes.withReplacement, false);
    if (select !== undefined && !withReplacement && select > parts.length)
      this.problems.error(
        'bad-selection',
        `Section ${e.attributes.identifier ?? ''} selects ${select} of only ${parts.length} parts.`,
        this.at(selection!),
      );
    return {
      kind: 'section',
      ...this.common(e),
      title: e.attributes.title ?? '',
      visible: bool(e.attributes.visible, true),
      keepTogether: bool(e.attributes.keepTogether, true),
      required: bool(e.attributes.required, false),
      fixed: bool(e.attributes.fixed, false),
      ...(selection && select !== undefined ? { selection: { select, withReplacement } } : {}),
      ...(ordering ? { ordering: { shuffle: bool(ordering.attributes.shuffle, false) } } : {}),
      rubricBlocks: children
        .filter((c) => c.name === 'rubricBlock')
        .flatMap((c) => sanitiseElement(c, { removed: this.removed }) ?? []),
      parts,
    };
  }

  feedback(e: ContentElement): TestFeedback {
    return {
      access: e.attributes.access === 'atEnd' ? 'atEnd' : 'during',
      outcomeIdentifier: e.attributes.outcomeIdentifier ?? '',
      identifier: e.attributes.identifier ?? '',
      showHide: e.attributes.showHide === 'hide' ? 'hide' : 'show',
      ...(e.attributes.title !== undefined ? { title: e.attributes.title } : {}),
      content: sanitiseContent(e.children, { removed: this.removed }),
    };
  }

  testPart(e: ContentElement): TestPart {
    const children = elements(e);
    const sections = children.flatMap((c) => {
      const part = this.part(c);
      return part && part.kind !== 'itemRef' ? [part] : [];
    });
    if (!sections.length)
      this.problems.error(
        'empty-test-part',
        `Test part ${e.attributes.identifier ?? ''} has no section.`,
        this.at(e),
      );
    return {
      ...this.common(e),
      navigationMode: e.attributes.navigationMode === 'linear' ? 'linear' : 'nonlinear',
      submissionMode: e.attributes.submissionMode === 'simultaneous' ? 'simultaneous' : 'individual',
      sections,
      feedback: children.filter((c) => c.name === 'testFeedback').map((c) => this.feedback(c)),
    };
  }
}

/** Identifiers must be unique across the test, and branch rules must lead somewhere that exists. */
function validateTest(test: AssessmentTest, problems: ProblemList) {
  const seen = new Map<string, string>();
  const note = (identifier: string, what: string, at: { line: number; column: number }) => {
    if (!identifier) return;
    if (seen.has(identifier))
      problems.error(
        'duplicate-identifier',
        `The identifier ${identifier} is used twice (${seen.get(identifier)}, then ${what}).`,
        at,
      );
    else seen.set(identifier, what);
  };
  const branchRules: BranchRule[] = [];
  const visit = (parts: SectionPart[]) => {
    for (const part of parts) {
      note(part.identifier, PART_NAMES[part.kind], part.location);
      if (part.kind !== 'sectionRef') branchRules.push(...part.branchRules);
      if (part.kind === 'section') visit(part.parts);
    }
  };
  for (const testPart of test.testParts) {
    note(testPart.identifier, 'test part', testPart.location);
    branchRules.push(...testPart.branchRules);
    visit(testPart.sections);
  }
  const preConditions: ProcessingNode[] = [];
  const collect = (parts: SectionPart[]) => {
    for (const part of parts)
      if (part.kind !== 'sectionRef') {
        preConditions.push(...part.preConditions);
        if (part.kind === 'section') collect(part.parts);
      }
  };
  for (const testPart of test.testParts) {
    preConditions.push(...testPart.preConditions);
    collect(testPart.sections);
  }
  const notValid =
    'no schema-valid QTI 2.2 or 3.0 form of this test means the same, so the test is not imported';
  refuseProcessing(
    [...branchRules.map((r) => r.expression), ...preConditions, ...(test.outcomeProcessing ?? [])],
    'outcome',
    problems,
    notValid,
  );
  for (const rule of branchRules) {
    // `Q02.3` names the third occurrence of Q02 when a section selects with replacement.
    const target = rule.target.replace(/\.\d+$/, '');
    if (rule.target && !EXIT_TARGETS.has(rule.target) && !seen.has(rule.target) && !seen.has(target))
      problems.error(
        'unknown-branch-target',
        `A branchRule leads to ${rule.target}, which is no part of the test.`,
        rule.location,
      );
  }
  if (
    ![...itemRefsOf(test)].length &&
    !test.testParts.some((p) => p.sections.some((s) => s.kind === 'sectionRef'))
  )
    problems.warning('no-items', 'The test refers to no item.', test.location);
}

export function parseTestXml(xml: string, file?: string, options: ParseOptions = {}): ParseTestResult {
  const problems = new ProblemList(file);
  let raw;
  try {
    raw = parseXmlTree(xml, file, options.xmlLimits, options.stats);
  } catch (error) {
    if (error instanceof XmlBudgetError) {
      problems.error(error.code, error.message, error.location);
      return { problems: problems.items };
    }
    const location = error instanceof XmlSyntaxError ? error.location : undefined;
    problems.error('xml-syntax', `The file is not well-formed XML: ${(error as Error).message}`, location);
    return { problems: problems.items };
  }
  if (raw.name !== 'assessmentTest' && raw.name !== 'qti-assessment-test') {
    problems.error('not-a-test', `The root element is <${raw.name}>, not an assessmentTest.`, raw.location);
    return { problems: problems.items };
  }
  const qtiVersion = QTI_NAMESPACES[raw.namespace] ?? (raw.name.startsWith('qti-') ? '3.0' : '2.1');
  const root = normaliseElement(raw, { lines: true });
  const reader = new TestReader(problems, file);
  const children = elements(root);
  const identifier = root.attributes.identifier ?? '';
  if (!identifier)
    problems.error('missing-identifier', 'The assessmentTest has no identifier.', {
      line: root.line,
      column: root.column,
    });
  const outcomeDeclarations = children
    .filter((c) => c.name === 'outcomeDeclaration')
    .flatMap((c) => {
      const d = readDeclaration(c, problems, file);
      return d?.kind === 'outcome' ? [d as OutcomeDeclaration] : [];
    });
  const testParts = children.filter((c) => c.name === 'testPart').map((c) => reader.testPart(c));
  if (!testParts.length)
    problems.error('no-test-part', 'The assessmentTest has no testPart.', {
      line: root.line,
      column: root.column,
    });
  const outcomeProcessing = children.find((c) => c.name === 'outcomeProcessing');
  const test: AssessmentTest = {
    identifier,
    title: root.attributes.title ?? identifier,
    qtiVersion,
    ...(root.attributes.toolName ? { toolName: root.attributes.toolName } : {}),
    ...(root.attributes.toolVersion ? { toolVersion: root.attributes.toolVersion } : {}),
    outcomeDeclarations,
    timeLimits: reader.timeLimits(children.find((c) => c.name === 'timeLimits')),
    testParts,
    ...(outcomeProcessing
      ? { outcomeProcessing: elements(outcomeProcessing).map((c) => toProcessingNode(c, file)) }
      : {}),
    feedback: children.filter((c) => c.name === 'testFeedback').map((c) => reader.feedback(c)),
    stylesheets: children
      .filter((c) => c.name === 'stylesheet')
      .flatMap((c) => sanitiseElement(c, { removed: reader.removed })?.attributes.href ?? []),
    location: { file, line: root.line ?? 1, column: root.column ?? 1 },
  };
  reportRemoved(problems, reader.removed);
  validateTest(test, problems);
  return { test, problems: problems.items };
}
