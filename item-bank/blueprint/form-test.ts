/**
 * Turns an assembled form into a QTI assessmentTest: one test part, one section per topic row
 * in blueprint order, each item weighted so it is worth the points its cell gives it.
 */
import type { AssessmentTest, ItemRef, Section } from '../model/test.ts';
import type { AssembledForm } from './assemble-forms.ts';
import type { Blueprint } from './blueprint.ts';

const at = { line: 0, column: 0 };

/** QTI identifiers start with a letter and hold letters, digits, "-", "_" and ".". */
export const qtiIdentifier = (text: string) => {
  const cleaned = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `T-${cleaned}`;
};

export interface FormItemInfo {
  identifier: string;
  maxScore: number;
}

/** The assessmentTest of one form; `info` gives each item's QTI identifier and maximum score. */
export function formToTest(
  blueprint: Blueprint,
  form: AssembledForm,
  identifier: string,
  info: Map<string, FormItemInfo>,
): AssessmentTest {
  const sections: Section[] = blueprint.topics
    .map((topic, row) => {
      const refs: ItemRef[] = form.items
        .filter((i) => i.topic === topic)
        .map((i) => {
          const item = info.get(i.itemId)!;
          return {
            kind: 'itemRef',
            identifier: item.identifier,
            href: `items/${item.identifier}.xml`,
            categories: [qtiIdentifier(i.level)],
            required: false,
            fixed: false,
            weights: [{ identifier: 'W', value: Math.round((i.points / item.maxScore) * 1e6) / 1e6 }],
            mappings: [],
            preConditions: [],
            branchRules: [],
            location: at,
          };
        });
      return {
        kind: 'section' as const,
        identifier: `S${row + 1}`,
        title: topic,
        visible: true,
        keepTogether: false,
        required: false,
        fixed: false,
        rubricBlocks: [],
        parts: refs,
        preConditions: [],
        branchRules: [],
        location: at,
      };
    })
    .filter((s) => s.parts.length > 0);
  return {
    identifier,
    title: `${blueprint.title} – ${form.label}`,
    qtiVersion: '3.0',
    toolName: 'exam-engine blueprint',
    outcomeDeclarations: [],
    testParts: [
      {
        identifier: 'P1',
        navigationMode: 'nonlinear',
        submissionMode: 'simultaneous',
        sections,
        feedback: [],
        preConditions: [],
        branchRules: [],
        location: at,
      },
    ],
    feedback: [],
    stylesheets: [],
    location: at,
  };
}
