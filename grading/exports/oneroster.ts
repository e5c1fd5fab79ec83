/**
 * 1EdTech OneRoster 1.2 gradebook CSV (bulk), zipped with the roster files its references need.
 * Gradebook: `categories.csv` (one for the sitting's total, one per form section), `lineItems.csv`
 * (per class: the total on the 10-point scale and each section in points, in the sitting's school
 * year), `results.csv` (per candidate and line item, the Thông tư 22 rating as `textScore` of the
 * total). Roster (oneroster-roster.ts): academicSessions, orgs, courses, classes, users, roles and
 * enrollments. `manifest.csv` names every 1.2 file: `bulk` for those written, `absent` for the rest.
 * In bulk files the status and dateLastModified columns are left empty, as the CSV binding asks.
 */
import yazl from 'yazl';
import { toCsv, type CsvCell } from './csv.ts';
import type { GradebookData } from './gradebook-data.ts';
import { ONEROSTER_COLUMNS, ONEROSTER_MANIFEST_FILES, type OneRosterFile } from './oneroster-columns.ts';
import { cellsOf, rosterIds, rosterRows } from './oneroster-roster.ts';

export { ONEROSTER_COLUMNS, ONEROSTER_MANIFEST_FILES } from './oneroster-columns.ts';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const round = (n: number) => Math.round(n * 100) / 100;

/** The gradebook rows by file, each row in column order. */
function gradebookRows(data: GradebookData): Record<'categories' | 'lineItems' | 'results', CsvCell[][]> {
  const sittingId = data.sitting.id;
  const ids = rosterIds(data);
  const totalCategory = `${sittingId}-total`;
  const sectionCategory = (s: string) => `${sittingId}-section-${s}`;
  const total = data.sections.reduce((sum, s) => sum + s.max, 0) || 1;
  const categories: CsvCell[][] = [
    cellsOf('categories', { sourcedId: totalCategory, title: `${data.sitting.name} (hệ 10)`, weight: 1 }),
    ...data.sections.map((s) =>
      cellsOf('categories', {
        sourcedId: sectionCategory(s.id),
        title: s.title || s.id,
        weight: round(s.max / total),
      }),
    ),
  ];
  const classes = new Map<string, string>();
  for (const c of data.candidates) if (c.classId) classes.set(c.classId, c.className ?? c.classId);
  const date = isoDate(data.sitting.opensAt);
  const lineItemId = (classId: string, part: string) => `${sittingId}-${classId}-${part}`;
  const lineItems: CsvCell[][] = [];
  for (const [classId, className] of classes) {
    const common = {
      description: `${data.school.name}, lớp ${className}`,
      assignDate: date,
      dueDate: date,
      classSourcedId: classId,
      academicSessionSourcedId: ids.academicSession,
      resultValueMin: 0,
      schoolSourcedId: ids.school,
    };
    lineItems.push(
      cellsOf('lineItems', {
        ...common,
        sourcedId: lineItemId(classId, 'total'),
        title: data.sitting.name,
        categorySourcedId: totalCategory,
        resultValueMax: 10,
      }),
    );
    for (const s of data.sections)
      lineItems.push(
        cellsOf('lineItems', {
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
    const common = {
      studentSourcedId: c.studentId,
      scoreStatus: c.status === 'final' ? 'fully graded' : 'partially graded',
      scoreDate: isoDate(c.scoredAt),
      classSourcedId: c.classId,
    };
    results.push(
      cellsOf('results', {
        ...common,
        sourcedId: `${lineItemId(c.classId, 'total')}-${c.studentId}`,
        lineItemSourcedId: lineItemId(c.classId, 'total'),
        score: c.tenPoint,
        textScore: c.rating ?? '',
      }),
    );
    for (const s of data.sections)
      results.push(
        cellsOf('results', {
          ...common,
          sourcedId: `${lineItemId(c.classId, `section-${s.id}`)}-${c.studentId}`,
          lineItemSourcedId: lineItemId(c.classId, `section-${s.id}`),
          score: round(c.sections[s.id] ?? 0),
        }),
      );
  }
  return { categories, lineItems, results };
}

/** The CSV files of a sitting's gradebook and roster, by file name, with the manifest. */
export function oneRosterFiles(data: GradebookData): Record<string, string> {
  const rows: Partial<Record<OneRosterFile, CsvCell[][]>> = { ...rosterRows(data), ...gradebookRows(data) };
  const written = new Set(Object.keys(rows));
  const manifest: CsvCell[][] = [
    ['manifest.version', '1.0'],
    ['oneroster.version', '1.2'],
    ...ONEROSTER_MANIFEST_FILES.map((f) => [`file.${f}`, written.has(f) ? 'bulk' : 'absent']),
    ['source.systemName', 'exam-engine'],
  ];
  const files: Record<string, string> = { 'manifest.csv': toCsv(['propertyName', 'value'], manifest) };
  for (const [file, fileRows] of Object.entries(rows) as [OneRosterFile, CsvCell[][]][])
    files[`${file}.csv`] = toCsv(ONEROSTER_COLUMNS[file], fileRows);
  return files;
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
