/**
 * 1EdTech OneRoster 1.2 gradebook CSV (bulk): `categories.csv` (one for the sitting's total, one
 * per form section), `lineItems.csv` (per class: the total on the 10-point scale and each
 * section in points), `results.csv` (per candidate and line item, the Thông tư 22 rating as
 * `textScore` of the total) and the `manifest.csv` that names them, zipped. In bulk files the
 * status and dateLastModified columns are left empty, as the CSV binding asks.
 */
import yazl from 'yazl';
import { toCsv, type CsvCell } from './csv.ts';
import type { GradebookData } from './gradebook-data.ts';

/**
 * Column headers of the OneRoster 1.2 CSV binding for the gradebook files written here, in the
 * binding's order. Source: 1EdTech OneRoster CSV Binding 1.2.1 (Final Release, 22 August 2023),
 * https://www.imsglobal.org/spec/oneroster/v1p2/bind/csv (tables of categories.csv, lineItems.csv,
 * results.csv); cross-checked against a public zod schema of that binding found by code search.
 * Against 1.1, lineItems names `academicSessionSourcedId` (1.1: gradingPeriodSourcedId) and adds
 * `schoolSourcedId`; results puts `textScore` after `comment` and adds `classSourcedId`,
 * `inProgress`, `incomplete`, `late` and `missing`.
 */
export const ONEROSTER_COLUMNS = {
  categories: ['sourcedId', 'status', 'dateLastModified', 'title', 'weight'],
  lineItems: [
    'sourcedId',
    'status',
    'dateLastModified',
    'title',
    'description',
    'assignDate',
    'dueDate',
    'classSourcedId',
    'categorySourcedId',
    'academicSessionSourcedId',
    'resultValueMin',
    'resultValueMax',
    'schoolSourcedId',
  ],
  results: [
    'sourcedId',
    'status',
    'dateLastModified',
    'lineItemSourcedId',
    'studentSourcedId',
    'scoreStatus',
    'score',
    'scoreDate',
    'comment',
    'textScore',
    'classSourcedId',
    'inProgress',
    'incomplete',
    'late',
    'missing',
  ],
} as const;

type LineItemRow = Partial<Record<(typeof ONEROSTER_COLUMNS.lineItems)[number], CsvCell>>;
type ResultRow = Partial<Record<(typeof ONEROSTER_COLUMNS.results)[number], CsvCell>>;
/** Cells in the binding's column order; absent fields are empty (bulk files leave status empty). */
const cells = <K extends string>(columns: readonly K[], row: Partial<Record<K, CsvCell>>): CsvCell[] =>
  columns.map((c) => row[c] ?? '');

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const round = (n: number) => Math.round(n * 100) / 100;

/** The CSV files of a sitting's gradebook, by file name. */
export function oneRosterFiles(data: GradebookData): Record<string, string> {
  const sittingId = data.sitting.id;
  const totalCategory = `${sittingId}-total`;
  const sectionCategory = (s: string) => `${sittingId}-section-${s}`;
  const total = data.sections.reduce((sum, s) => sum + s.max, 0) || 1;
  const categories: CsvCell[][] = [
    [totalCategory, '', '', `${data.sitting.name} (hệ 10)`, 1],
    ...data.sections.map((s) => [sectionCategory(s.id), '', '', s.title || s.id, round(s.max / total)]),
  ];
  const classes = new Map<string, string>();
  for (const c of data.candidates) if (c.classId) classes.set(c.classId, c.className ?? c.classId);
  const date = isoDate(data.sitting.opensAt);
  const lineItemId = (classId: string, part: string) => `${sittingId}-${classId}-${part}`;
  const lineItems: CsvCell[][] = [];
  for (const [classId, className] of classes) {
    const description = `${data.school.name}, lớp ${className}`;
    const common: LineItemRow = {
      description,
      assignDate: date,
      dueDate: date,
      classSourcedId: classId,
      resultValueMin: 0,
      schoolSourcedId: data.school.id,
    };
    lineItems.push(
      cells(ONEROSTER_COLUMNS.lineItems, {
        ...common,
        sourcedId: lineItemId(classId, 'total'),
        title: data.sitting.name,
        categorySourcedId: totalCategory,
        resultValueMax: 10,
      }),
    );
    for (const s of data.sections)
      lineItems.push(
        cells(ONEROSTER_COLUMNS.lineItems, {
          ...common,
          sourcedId: lineItemId(classId, `section-${s.id}`),
          title: `${data.sitting.name}: ${s.title || s.id}`,
          categorySourcedId: sectionCategory(s.id),
          resultValueMax: round(s.max),
        }),
      );
  }
  const results: CsvCell[][] = [];
  for (const c of data.candidates) {
    if (!c.classId) continue;
    const scoreStatus = c.status === 'final' ? 'fully graded' : 'partially graded';
    const scoreDate = isoDate(c.scoredAt);
    const common: ResultRow = {
      studentSourcedId: c.studentId,
      scoreStatus,
      scoreDate,
      classSourcedId: c.classId,
    };
    results.push(
      cells(ONEROSTER_COLUMNS.results, {
        ...common,
        sourcedId: `${lineItemId(c.classId, 'total')}-${c.studentId}`,
        lineItemSourcedId: lineItemId(c.classId, 'total'),
        score: c.tenPoint,
        textScore: c.rating ?? '',
      }),
    );
    for (const s of data.sections)
      results.push(
        cells(ONEROSTER_COLUMNS.results, {
          ...common,
          sourcedId: `${lineItemId(c.classId, `section-${s.id}`)}-${c.studentId}`,
          lineItemSourcedId: lineItemId(c.classId, `section-${s.id}`),
          score: round(c.sections[s.id] ?? 0),
        }),
      );
  }
  const manifest: CsvCell[][] = [
    ['manifest.version', '1.0'],
    ['oneroster.version', '1.2'],
    ...['academicSessions', 'classes', 'courses', 'demographics', 'enrollments', 'orgs', 'users'].map((f) => [
      `file.${f}`,
      'absent',
    ]),
    ['file.categories', 'bulk'],
    ['file.lineItems', 'bulk'],
    ['file.results', 'bulk'],
    ['source.systemName', 'exam-engine'],
  ];
  return {
    'manifest.csv': toCsv(['propertyName', 'value'], manifest),
    'categories.csv': toCsv(ONEROSTER_COLUMNS.categories, categories),
    'lineItems.csv': toCsv(ONEROSTER_COLUMNS.lineItems, lineItems),
    'results.csv': toCsv(ONEROSTER_COLUMNS.results, results),
  };
}

/** The gradebook files zipped, as OneRoster CSV sets are exchanged. */
export function oneRosterZip(data: GradebookData): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(oneRosterFiles(data)))
    zip.addBuffer(Buffer.from(text, 'utf8'), name);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}
