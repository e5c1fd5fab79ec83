/**
 * The parts of a QTI assessmentTest that outcome processing needs: the test's outcome
 * declarations and processing, and every assessmentItemRef with its sections, categories and
 * weights (in document order).
 */
import type { OutcomeDeclaration, ProcessingNode } from '../../item-bank/index.ts';

export interface TestItemRef {
  /** The assessmentItemRef identifier (what `ITEM.SCORE` and testVariables refer to). */
  identifier: string;
  href: string;
  /** Identifiers of the enclosing assessmentSections, outermost first. */
  sections: string[];
  testPart: string;
  categories: string[];
  /** weight identifier -> value; a weight the ref does not define is 1. */
  weights: Record<string, number>;
}

export interface AssessmentTestModel {
  identifier: string;
  title: string;
  declarations: OutcomeDeclaration[];
  outcomeProcessing: ProcessingNode[];
  itemRefs: TestItemRef[];
}
