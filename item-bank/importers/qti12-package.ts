/**
 * QTI 1.2 files met in a content package or folder (Canvas, Blackboard and D2L exports), turned
 * into items the way the QTI 2/3 reader gives them: each question built into a QTI 3.0 item,
 * with its problems as validation problems naming the file and the line of its `<item>`, and the
 * pictures and sounds it shows taken from the package; each `assessment` becomes a QTI 3.0 test
 * of those items (qti12-test.ts). Also the QTI 1.2 import of the import preview (a single file or
 * a zip of them), which imports questions only and says so when the quiz has sections.
 */
import { readZip, PackageError } from '../packages/read-zip.ts';
import { manifestProblems } from '../packages/check-manifest.ts';
import type { ValidationProblem } from '../qti/problems.ts';
import {
  elementChildren,
  parseXmlTree,
  textContent,
  XmlSyntaxError,
  type XmlElement,
} from '../qti/xml-tree.ts';
import {
  groupPointsOf,
  identifierFromIdent,
  isQti12Document,
  parseQti12,
  type GroupPoints,
} from './qti12.ts';
import { qti12Test, type Qti12TestResult } from './qti12-test.ts';
import { buildItem } from './build-item.ts';
import type { ImportedMedia, ImportProblem, ParsedQuestions } from './question-draft.ts';

export interface Qti12Question {
  /** Package path of the QTI 1.2 file. */
  file: string;
  identifier: string;
  /** Line of the question's `<item>`. */
  line: number;
  /** The QTI 3.0 item built from the question, when it has no error. */
  qtiXml?: string;
  /** The pictures and sounds the item shows, from the package, under the hrefs the item uses. */
  media: ImportedMedia[];
  problems: ValidationProblem[];
}

export interface Qti12PackageTest extends Qti12TestResult {
  /** Package path of the QTI 1.2 file holding the assessment. */
  file: string;
  /** Item reference identifier -> the package item (`file#identifier`) it points to. */
  itemFiles: Record<string, string>;
  problems: ValidationProblem[];
}

const asValidationProblem = (file: string, p: ImportProblem): ValidationProblem => ({
  file,
  line: p.line ?? 1,
  column: 1,
  severity: p.severity,
  code: p.code,
  message: p.messageEn,
});

/**
 * Every question of one QTI 1.2 document, built; problems of the whole file (broken XML, no
 * questions) are returned apart, since they belong to no question.
 */
export function convertQti12File(
  file: string,
  xml: string,
  packageFiles?: ReadonlyMap<string, Uint8Array>,
  drawnPoints?: ReadonlyMap<string, GroupPoints>,
): { questions: Qti12Question[]; fileProblems: ValidationProblem[] } {
  const parsed = parseQti12(xml, 1, file, packageFiles, drawnPoints);
  const questions = parsed.drafts.map((draft): Qti12Question => {
    const built = buildItem(draft);
    const problems = [...parsed.problems.filter((p) => p.number === draft.number), ...built.problems].map(
      (p) => asValidationProblem(file, p),
    );
    const failed = problems.some((p) => p.severity === 'error');
    return {
      file,
      identifier: draft.sourceIdentifier ?? `${file}#${draft.number}`,
      line: draft.line ?? 1,
      ...(!failed && built.qtiXml ? { qtiXml: built.qtiXml } : {}),
      media: parsed.media?.[draft.number] ?? [],
      problems,
    };
  });
  return {
    questions,
    fileProblems: parsed.problems
      .filter((p) => p.number === undefined)
      .map((p) => asValidationProblem(file, p)),
  };
}

/** A QTI 1.2 document's root, when it is well-formed (its errors are reported by parseQti12). */
function rootOf(xml: string): XmlElement | undefined {
  try {
    return parseXmlTree(xml.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (error instanceof XmlSyntaxError) return undefined;
    throw error;
  }
}

const descendants = (e: XmlElement, name: string): XmlElement[] =>
  elementChildren(e).flatMap((c) => [...(c.name === name ? [c] : []), ...descendants(c, name)]);

/**
 * The question banks (`objectbank`) of a package's QTI 1.2 documents, by ident, and the points a
 * question group drawing from a bank gives the bank's questions (by question ident).
 */
function banksOf(roots: XmlElement[]) {
  const banks = new Map<string, string[]>();
  for (const root of roots)
    for (const bank of descendants(root, 'objectbank'))
      banks.set(
        bank.attributes.ident ?? '',
        descendants(bank, 'item').map((i) => i.attributes.ident ?? ''),
      );
  const drawnPoints = new Map<string, GroupPoints>();
  for (const root of roots)
    for (const section of descendants(root, 'section')) {
      const group = groupPointsOf(section);
      const bank = descendants(section, 'sourcebank_ref')[0];
      if (!group || !bank) continue;
      for (const ident of banks.get(textContent(bank).trim()) ?? [])
        if (!drawnPoints.has(ident)) drawnPoints.set(ident, group);
    }
  return { banks, drawnPoints };
}

/**
 * Every QTI 1.2 file of a package, converted together: questions (a question met again in another
 * file, as Canvas exports repeat them, is kept once), then one test per `assessment`, whose
 * question groups may draw from a question bank (`objectbank`) of any file of the package.
 */
export function convertQti12Package(
  documents: Array<{ file: string; xml: string }>,
  packageFiles: ReadonlyMap<string, Uint8Array>,
): { questions: Qti12Question[]; tests: Qti12PackageTest[]; problems: ValidationProblem[] } {
  const questions: Qti12Question[] = [];
  const problems: ValidationProblem[] = [];
  const fileOf = new Map<string, string>();
  const roots: Array<{ file: string; root: XmlElement }> = [];
  for (const { file, xml } of documents) {
    const root = rootOf(xml);
    if (root?.name === 'questestinterop') roots.push({ file, root });
  }
  const { banks, drawnPoints } = banksOf(roots.map((r) => r.root));
  for (const { file, xml } of documents) {
    const converted = convertQti12File(file, xml, packageFiles, drawnPoints);
    problems.push(...converted.fileProblems);
    for (const q of converted.questions) {
      const earlier = fileOf.get(q.identifier);
      if (earlier !== undefined) {
        problems.push({
          file,
          line: q.line,
          column: 1,
          severity: 'warning',
          code: 'qti12_duplicate_question',
          message: `The question ${q.identifier} is also in ${earlier}; it is imported once, from there.`,
        });
        continue;
      }
      fileOf.set(q.identifier, file);
      questions.push(q);
    }
  }
  const converted = new Set(questions.map((q) => q.identifier));
  const tests: Qti12PackageTest[] = [];
  const testIds = new Set<string>();
  for (const { file, root } of roots)
    for (const assessment of descendants(root, 'assessment')) {
      const made = qti12Test(assessment, {
        file,
        banks,
        itemOf: (ident) => {
          const id = ident ? identifierFromIdent(ident) : '';
          return converted.has(id) ? id : undefined;
        },
      });
      if (!made.test) {
        problems.push(...made.problems);
        continue;
      }
      if (testIds.has(made.test.identifier)) continue;
      testIds.add(made.test.identifier);
      tests.push({
        ...made.test,
        file,
        itemFiles: Object.fromEntries(made.test.itemRefs.map((id) => [id, `${fileOf.get(id)}#${id}`])),
        problems: made.problems,
      });
    }
  return { questions, tests, problems };
}

/** Sections beyond Canvas's one root section: question groups, selections, nested parts. */
function sectionsOf(xml: string): number {
  const root = rootOf(xml);
  if (!root) return 0;
  return descendants(root, 'section').filter(
    (s) =>
      s.attributes.ident !== 'root_section' ||
      elementChildren(s).some((c) => c.name === 'selection_ordering'),
  ).length;
}

/**
 * The import preview's QTI 1.2: one `questestinterop` file, or a zip (Canvas export) holding
 * several with the pictures and sounds they show. A zip that cannot be read, or whose
 * imsmanifest.xml is broken, is an error naming the entry (and the line and column); a question
 * repeated in another file is read once; the quiz's sections and question groups are not carried
 * here (this import makes questions), which a warning says.
 */
export async function parseQti12Upload(bytes: Uint8Array): Promise<ParsedQuestions> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) {
    const xml = new TextDecoder('utf-8').decode(bytes);
    const parsed = parseQti12(xml);
    return { ...parsed, problems: [...parsed.problems, ...sectionNote(sectionsOf(xml))] };
  }
  let files: Map<string, Buffer>;
  try {
    files = await readZip(bytes);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    return {
      drafts: [],
      problems: [
        {
          severity: 'error',
          code: 'zip_unreadable',
          message: `Không đọc được tệp nén: ${error.message}`,
          messageEn: `The zip cannot be read: ${error.message}`,
        },
      ],
    };
  }
  const merged: ParsedQuestions = { drafts: [], problems: [], media: {} };
  let sections = 0;
  const seen = new Set<string>();
  const { drawnPoints } = banksOf(
    [...files]
      .filter(([file]) => /\.(xml|qti)$/i.test(file))
      .map(([, data]) => data.toString('utf8'))
      .filter(isQti12Document)
      .map(rootOf)
      .filter((r): r is XmlElement => r?.name === 'questestinterop'),
  );
  for (const [file, data] of files) {
    if (/(^|\/)imsmanifest\.xml$/.test(file)) {
      for (const p of manifestProblems(file, data.toString('utf8')))
        merged.problems.push({
          severity: 'error',
          code: p.code,
          line: p.line,
          message: `${file} (dòng ${p.line}, cột ${p.column}): tệp kê khai của gói bị hỏng: ${p.message}`,
          messageEn: `${file} (line ${p.line}, column ${p.column}): ${p.message}`,
        });
      continue;
    }
    if (!/\.(xml|qti)$/i.test(file)) continue;
    const xml = data.toString('utf8');
    if (!isQti12Document(xml)) continue;
    sections += sectionsOf(xml);
    const parsed = parseQti12(xml, merged.drafts.length + 1, file, files, drawnPoints);
    const repeated = new Set(
      parsed.drafts.filter((d) => d.sourceIdentifier && seen.has(d.sourceIdentifier)).map((d) => d.number),
    );
    // Numbers stay consecutive when a repeated question is left out.
    const renumber = new Map<number, number>();
    for (const draft of parsed.drafts) {
      if (repeated.has(draft.number)) continue;
      const number = merged.drafts.length + 1;
      renumber.set(draft.number, number);
      if (draft.sourceIdentifier) seen.add(draft.sourceIdentifier);
      merged.drafts.push({ ...draft, number });
      if (parsed.media?.[draft.number]) merged.media![number] = parsed.media[draft.number]!;
    }
    for (const p of parsed.problems) {
      if (p.code === 'no_questions') continue;
      if (p.number === undefined) merged.problems.push(p);
      else if (renumber.has(p.number)) merged.problems.push({ ...p, number: renumber.get(p.number)! });
    }
    if (repeated.size)
      merged.problems.push({
        severity: 'warning',
        code: 'qti12_duplicate_question',
        message: `${file}: ${repeated.size} câu hỏi đã có trong tệp khác của gói nên chỉ được nhập một lần.`,
        messageEn: `${file}: ${repeated.size} question(s) are also in another file of the package and are imported once.`,
      });
  }
  merged.problems.push(...sectionNote(sections));
  if (!merged.drafts.length && !merged.problems.some((p) => p.severity === 'error'))
    merged.problems.push({
      severity: 'error',
      code: 'no_qti12',
      message: 'Tệp nén không có tệp QTI 1.2 (<questestinterop>) nào.',
      messageEn: 'The zip holds no QTI 1.2 file (<questestinterop>).',
    });
  return merged;
}

function sectionNote(sections: number): ImportProblem[] {
  if (!sections) return [];
  return [
    {
      severity: 'warning',
      code: 'qti12_sections_not_carried',
      message: `Bài kiểm tra có ${sections} phần/nhóm câu hỏi (chọn ngẫu nhiên, điểm mỗi câu của nhóm); ở đây chỉ nhập các câu hỏi (điểm mỗi câu theo nhóm vẫn được giữ). Để giữ các phần thành một đề, bấm "Nhập gói thành đề kiểm tra" trên trang nhập (hoặc npm run qti -- import, API POST /api/item-banks/{id}/import): các phần được dựng như khi nhập gói QTI.`,
      messageEn: `The quiz has ${sections} section(s) or question group(s) (random selection, points per question); this import makes questions only (the group's points per question are kept). To keep the sections as a test, press "Import the package as a test" on the import page (or npm run qti -- import, the API's POST /api/item-banks/{id}/import): the sections are built as the QTI package import builds them.`,
    },
  ];
}
