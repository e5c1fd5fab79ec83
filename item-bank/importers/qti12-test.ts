/**
 * A QTI 1.2 `assessment` as a QTI 3.0 assessment test: its sections (nested as written) become
 * assessment sections of one test part, its questions item references, and a section's
 * `selection_ordering` becomes the section's selection and ordering: `selection_number` is how
 * many of its questions each candidate gets, `order order_type="Random"` shuffles them. A Canvas
 * question group drawing from a question bank (`sourcebank_ref`) gets the bank's questions when
 * the bank (`objectbank`) is in the package. The test's SCORE is the sum of its items' SCOREs,
 * and Canvas's time limit (`qmd_timelimit`, minutes) is the test's. What is not carried (a bank
 * not in the package, selection by metadata, section rubrics and feedback, references to other
 * sections) is a warning at its line; the Canvas group's points per item are set on its
 * questions by the question reader (qti12.ts).
 */
import type { ValidationProblem } from '../qti/problems.ts';
import { escapeAttribute } from '../qti/xml-writer.ts';
import { elementChildren, textContent, type XmlElement } from '../qti/xml-tree.ts';
import { identifierFromIdent } from './qti12.ts';

const all = (e: XmlElement | undefined, name: string) =>
  e ? elementChildren(e).filter((c) => c.name === name) : [];
const first = (e: XmlElement | undefined, name: string) => all(e, name)[0];

export interface Qti12TestResult {
  identifier: string;
  title: string;
  /** The QTI 3.0 assessmentTest document. */
  xml: string;
  /** Identifiers of the items it refers to, in document order. */
  itemRefs: string[];
}

export interface Qti12TestContext {
  /** Package path of the QTI 1.2 file, named in every problem. */
  file: string;
  /** The item identifier a question `ident` became, for questions that were converted. */
  itemOf(ident: string): string | undefined;
  /** The questions (their idents) of each question bank (`objectbank`) in the package. */
  banks: ReadonlyMap<string, string[]>;
}

/** Selection and section parts QTI 1.2 has and the test model does not. */
const NOT_CARRIED: Record<string, string> = {
  selection_metadata: 'selection by metadata (selection_metadata)',
  and_selection: 'selection rules (and_selection)',
  or_selection: 'selection rules (or_selection)',
  not_selection: 'selection rules (not_selection)',
  selection_param: 'selection parameters (selection_param)',
  presentation_material: 'presentation material (presentation_material)',
  rubric: 'rubric',
  sectionfeedback: 'section feedback (sectionfeedback)',
  assessfeedback: 'assessment feedback (assessfeedback)',
  outcomes_processing: 'outcomes processing (outcomes_processing)',
  sectionref: 'a reference to another section (sectionref)',
  objectives: 'objectives',
  sectioncontrol: 'section control (sectioncontrol)',
  assessmentcontrol: 'assessment control (assessmentcontrol)',
};

const seconds = (minutes: string | undefined) => {
  const n = Number(minutes);
  return minutes !== undefined && minutes.trim() !== '' && Number.isFinite(n) && n > 0
    ? Math.round(n * 60)
    : undefined;
};

function metadata(e: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of all(first(e, 'qtimetadata'), 'qtimetadatafield'))
    out[textContent(first(field, 'fieldlabel') ?? field).trim()] = textContent(
      first(field, 'fieldentry') ?? field,
    ).trim();
  return out;
}

/** The QTI 3.0 test of one QTI 1.2 assessment; undefined (with a warning) when no question of it was converted. */
export function qti12Test(
  assessment: XmlElement,
  context: Qti12TestContext,
): { test?: Qti12TestResult; problems: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  const warn = (at: XmlElement, code: string, message: string) =>
    problems.push({
      file: context.file,
      line: at.location.line,
      column: at.location.column,
      severity: 'warning',
      code,
      message,
    });
  const used = new Set<string>();
  const unique = (wanted: string) => {
    let id = wanted;
    for (let i = 2; used.has(id); i++) id = `${wanted}_${i}`;
    used.add(id);
    return id;
  };
  const identifier = identifierFromIdent(assessment.attributes.ident || 'qti12_test');
  used.add(identifier);
  const title = (assessment.attributes.title ?? '').trim() || identifier;
  const itemRefs: string[] = [];
  const referenced = new Set<string>();

  const section = (s: XmlElement, depth: number): string | undefined => {
    const id = unique(identifierFromIdent(s.attributes.ident || `section_${used.size}`));
    const sectionTitle =
      (s.attributes.title ?? '').trim() ||
      (depth === 0 && s.attributes.ident === 'root_section' ? title : id);
    for (const c of elementChildren(s))
      if (NOT_CARRIED[c.name])
        warn(
          c,
          'qti12_section_part_dropped',
          `Section "${sectionTitle}": ${NOT_CARRIED[c.name]} is not carried into the test.`,
        );
    const parts: string[] = [];
    const addItem = (ident: string) => {
      const item = context.itemOf(ident);
      if (!item || referenced.has(item)) return false;
      referenced.add(item);
      itemRefs.push(item);
      parts.push(
        `<qti-assessment-item-ref identifier="${escapeAttribute(item)}" href="${escapeAttribute(`${item}.xml`)}"/>`,
      );
      return true;
    };
    for (const c of elementChildren(s)) {
      if (c.name === 'item') addItem(c.attributes.ident ?? '');
      else if (c.name === 'itemref') {
        if (!addItem(c.attributes.linkrefid ?? ''))
          warn(
            c,
            'qti12_itemref_dropped',
            `Section "${sectionTitle}": the reference to question "${c.attributes.linkrefid ?? ''}" names no question of the package; it is left out of the test.`,
          );
      } else if (c.name === 'section') {
        const nested = section(c, depth + 1);
        if (nested) parts.push(nested);
      }
    }
    const selectionOrdering = first(s, 'selection_ordering');
    const selection = first(selectionOrdering, 'selection');
    for (const c of selection ? elementChildren(selection) : [])
      if (NOT_CARRIED[c.name])
        warn(
          c,
          'qti12_selection_dropped',
          `Section "${sectionTitle}": ${NOT_CARRIED[c.name]} is not carried; the section's questions are drawn without it.`,
        );
    const bankRef = first(selection, 'sourcebank_ref');
    if (bankRef) {
      const bank = textContent(bankRef).trim();
      const questions = context.banks.get(bank);
      if (!questions)
        warn(
          bankRef,
          'qti12_bank_missing',
          `Section "${sectionTitle}" draws its questions from the question bank "${bank}", which is not in the package: the section is left out of the test (export the bank with the quiz, or add its questions to the test by hand).`,
        );
      else if (!questions.filter(addItem).length)
        warn(
          bankRef,
          'qti12_bank_empty',
          `Section "${sectionTitle}" draws its questions from the question bank "${bank}", none of which could be converted: the section is left out of the test.`,
        );
    }
    const count = parts.length;
    if (!count) return undefined;
    const number = selection
      ? Number(textContent(first(selection, 'selection_number') ?? selection).trim())
      : NaN;
    let select: number | undefined;
    if (first(selection, 'selection_number')) {
      if (!Number.isInteger(number) || number < 1)
        warn(
          first(selection, 'selection_number')!,
          'qti12_selection_number',
          `Section "${sectionTitle}": selection_number "${textContent(first(selection, 'selection_number')!).trim()}" is not a positive whole number; every question of the section is given.`,
        );
      else if (number > count)
        warn(
          first(selection, 'selection_number')!,
          'qti12_selection_number',
          `Section "${sectionTitle}" asks for ${number} question(s) but only ${count} came through; all ${count} are given.`,
        );
      else if (number < count) select = number;
    }
    const shuffle = all(selectionOrdering, 'order').some((o) =>
      /^random$/i.test(o.attributes.order_type ?? ''),
    );
    return [
      `<qti-assessment-section identifier="${escapeAttribute(id)}" title="${escapeAttribute(sectionTitle)}" visible="true">`,
      ...(select ? [`<qti-selection select="${select}"/>`] : []),
      ...(shuffle ? ['<qti-ordering shuffle="true"/>'] : []),
      ...parts,
      '</qti-assessment-section>',
    ].join('\n');
  };

  for (const c of elementChildren(assessment))
    if (NOT_CARRIED[c.name])
      warn(c, 'qti12_assessment_part_dropped', `Test "${title}": ${NOT_CARRIED[c.name]} is not carried.`);
  const sections = all(assessment, 'section')
    .map((s) => section(s, 0))
    .filter((s): s is string => Boolean(s));
  if (!sections.length) {
    warn(
      assessment,
      'qti12_test_empty',
      `Test "${title}": none of its questions could be converted, so no test is made of it.`,
    );
    return { problems };
  }
  const limit = seconds(metadata(assessment).qmd_timelimit);
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<qti-assessment-test xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="${escapeAttribute(identifier)}" title="${escapeAttribute(title)}" tool-name="QTI 1.2 import">`,
    '<qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"/>',
    ...(limit ? [`<qti-time-limits max-time="${limit}" allow-late-submission="false"/>`] : []),
    '<qti-test-part identifier="P1" navigation-mode="nonlinear" submission-mode="individual">',
    ...sections,
    '</qti-test-part>',
    '<qti-outcome-processing>',
    '<qti-set-outcome-value identifier="SCORE"><qti-sum><qti-test-variables variable-identifier="SCORE"/></qti-sum></qti-set-outcome-value>',
    '</qti-outcome-processing>',
    '</qti-assessment-test>',
    '',
  ].join('\n');
  return { test: { identifier, title, xml, itemRefs }, problems };
}
