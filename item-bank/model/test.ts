/**
 * The test model: what a QTI assessmentTest says (test parts, sections, item references,
 * selection and ordering, navigation and submission modes, time limits, item session control,
 * preconditions, branch rules, outcome processing), whatever version it was written in.
 * Names follow the QTI 2.x spelling, like the item model.
 */
import type { ContentElement, ContentNode } from './content.ts';
import type { OutcomeDeclaration, ProcessingNode, SourceLocation } from './declarations.ts';
import type { QtiVersion } from './item.ts';

export interface TimeLimits {
  /** Seconds. */
  minTime?: number;
  /** Seconds. */
  maxTime?: number;
  allowLateSubmission: boolean;
}

export interface ItemSessionControl {
  maxAttempts?: number;
  showFeedback?: boolean;
  allowReview?: boolean;
  showSolution?: boolean;
  allowComment?: boolean;
  allowSkipping?: boolean;
  validateResponses?: boolean;
}

export interface BranchRule {
  /** An itemRef, section or testPart identifier, or EXIT_TEST, EXIT_TESTPART, EXIT_SECTION. */
  target: string;
  expression: ProcessingNode;
  location: SourceLocation;
}

/** What every part of a test (testPart, section, itemRef) may carry. */
export interface TestPartCommon {
  identifier: string;
  /** Each precondition is one expression; the part is entered only when all are true. */
  preConditions: ProcessingNode[];
  branchRules: BranchRule[];
  itemSessionControl?: ItemSessionControl;
  timeLimits?: TimeLimits;
  location: SourceLocation;
}

export interface ItemRef extends TestPartCommon {
  kind: 'itemRef';
  href: string;
  categories: string[];
  required: boolean;
  fixed: boolean;
  weights: Array<{ identifier: string; value: number }>;
  /** variableMapping and templateDefault children, kept as written. */
  mappings: ProcessingNode[];
}

export interface SectionRef {
  kind: 'sectionRef';
  identifier: string;
  href: string;
  required: boolean;
  fixed: boolean;
  location: SourceLocation;
}

export interface Section extends TestPartCommon {
  kind: 'section';
  title: string;
  visible: boolean;
  keepTogether: boolean;
  required: boolean;
  fixed: boolean;
  selection?: { select: number; withReplacement: boolean };
  ordering?: { shuffle: boolean };
  rubricBlocks: ContentElement[];
  parts: SectionPart[];
}

export type SectionPart = Section | SectionRef | ItemRef;

export interface TestPart extends TestPartCommon {
  navigationMode: 'linear' | 'nonlinear';
  submissionMode: 'individual' | 'simultaneous';
  sections: Array<Section | SectionRef>;
  feedback: TestFeedback[];
}

export interface TestFeedback {
  access: 'during' | 'atEnd';
  outcomeIdentifier: string;
  identifier: string;
  showHide: 'show' | 'hide';
  title?: string;
  content: ContentNode[];
}

export interface AssessmentTest {
  identifier: string;
  title: string;
  qtiVersion: QtiVersion;
  toolName?: string;
  toolVersion?: string;
  outcomeDeclarations: OutcomeDeclaration[];
  timeLimits?: TimeLimits;
  testParts: TestPart[];
  outcomeProcessing?: ProcessingNode[];
  feedback: TestFeedback[];
  stylesheets: string[];
  location: SourceLocation;
}

/** Every itemRef of a test, depth-first in document order, with the testPart and section path it sits in. */
export function* itemRefsOf(
  test: AssessmentTest,
): Generator<{ testPart: TestPart; path: Section[]; ref: ItemRef }> {
  for (const testPart of test.testParts) {
    const visit = function* (
      parts: SectionPart[],
      path: Section[],
    ): Generator<{
      testPart: TestPart;
      path: Section[];
      ref: ItemRef;
    }> {
      for (const part of parts) {
        if (part.kind === 'itemRef') yield { testPart, path, ref: part };
        else if (part.kind === 'section') yield* visit(part.parts, [...path, part]);
      }
    };
    yield* visit(testPart.sections, []);
  }
}
