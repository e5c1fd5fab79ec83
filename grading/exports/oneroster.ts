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

/** Column headers of the OneRoster 1.2 CSV binding for the gradebook files written here. */
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
    'gradingPeriodSourcedId',
    'resultValueMin',
    'resultValueMax',
  ],
  results: [
    'sourcedId',
    'status',
    'dateLastModified',
    'lineItemSourcedId',
    'studentSourcedId',
    'scoreStatus',
    'score',
    'textScore',
    'scoreDate',
    'comment',
  ],
} as const;

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
    lineItems.push([
      lineItemId(classId, 'total'),
      '',
      '',
      data.sitting.name,
      description,
      date,
      date,
      classId,
      totalCategory,
      '',
      0,
      10,
    ]);
    for (const s of data.sections)
      lineItems.push([
        lineItemId(classId, `section-${s.id}`),
        '',
        '',
        `${data.sitting.name}: ${s.title || s.id}`,
        description,
        date,
        date,
        classId,
        sectionCategory(s.id),
        '',
        0,
        round(s.max),
      ]);
  }
  const results: CsvCell[][] = [];
  for (const c of data.candidates) {
    if (!c.classId) continue;
    const scoreStatus = c.status === 'final' ? 'fully graded' : 'partially graded';
    const scoreDate = isoDate(c.scoredAt);
    results.push([
      `${lineItemId(c.classId, 'total')}-${c.studentId}`,
      '',
      '',
      lineItemId(c.classId, 'total'),
      c.studentId,
      scoreStatus,
      c.tenPoint,
      c.rating ?? '',
      scoreDate,
      '',
    ]);
    for (const s of data.sections)
      results.push([
        `${lineItemId(c.classId, `section-${s.id}`)}-${c.studentId}`,
        '',
        '',
        lineItemId(c.classId, `section-${s.id}`),
        c.studentId,
        scoreStatus,
        round(c.sections[s.id] ?? 0),
        '',
        scoreDate,
        '',
      ]);
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
