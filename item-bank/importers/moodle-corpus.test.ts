/**
 * Every file of Moodle's own import fixtures (../shared/corpus/moodle, read in place) through the
 * importers: what comes through clean, with a warning, refused, or crashes (none may), and the
 * items written are QTI 3.0 that the official schema accepts. How the items score is tested in
 * grading/moodle-import-scores.test.ts (item-bank may not import the scorer).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { previewImport, type ImportedQuestion, type ImportFormat } from './index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.resolve(here, '../../../shared/corpus/moodle');
const FORMATS: Record<string, ImportFormat> = { xml: 'moodle', gift: 'gift', aiken: 'aiken' };

type Outcome = 'clean' | 'warned' | 'refused' | 'crashed';
const outcome = (q: ImportedQuestion): Outcome =>
  !q.item ? 'refused' : q.problems.length ? 'warned' : 'clean';

async function importAll() {
  const rows: Array<{ file: string; outcomes: Outcome[]; questions: ImportedQuestion[] }> = [];
  for (const dir of Object.keys(FORMATS))
    for (const file of readdirSync(path.join(corpus, dir)).sort()) {
      try {
        const preview = await previewImport(
          FORMATS[dir]!,
          new Uint8Array(readFileSync(path.join(corpus, dir, file))),
        );
        rows.push({
          file: `${dir}/${file}`,
          outcomes: preview.questions.map(outcome),
          questions: preview.questions,
        });
      } catch {
        rows.push({ file: `${dir}/${file}`, outcomes: ['crashed'], questions: [] });
      }
    }
  return rows;
}

const count = (outcomes: Outcome[]) =>
  Object.fromEntries(
    (['clean', 'warned', 'refused', 'crashed'] as const).map((o) => [
      o,
      outcomes.filter((x) => x === o).length,
    ]),
  );

describe("Moodle's import fixtures", () => {
  it('import without a crash; refusals are the questions Moodle refuses too, every problem names its question', async () => {
    const rows = await importAll();
    const table = Object.fromEntries(rows.map((r) => [r.file, count(r.outcomes)]));
    expect(table).toEqual({
      'xml/01-multichoice.xml': { clean: 1, warned: 0, refused: 0, crashed: 0 },
      'xml/02-truefalse.xml': { clean: 0, warned: 1, refused: 0, crashed: 0 },
      'xml/03-multianswer.xml': { clean: 0, warned: 1, refused: 0, crashed: 0 },
      'xml/04-error_invalid_grades.xml': { clean: 0, warned: 0, refused: 1, crashed: 0 },
      'xml/05-broken_cloze_questions.xml': { clean: 0, warned: 0, refused: 5, crashed: 0 },
      'xml/06-nested_categories_with_questions.xml': { clean: 5, warned: 0, refused: 0, crashed: 0 },
      'xml/07-html_chars_in_idnumbers.xml': { clean: 0, warned: 1, refused: 0, crashed: 0 },
      'xml/09-test-snippets.xml': { clean: 1, warned: 5, refused: 0, crashed: 0 },
      'gift/01-questions.gift.txt': { clean: 9, warned: 0, refused: 0, crashed: 0 },
      'gift/g01-essay.gift': { clean: 1, warned: 0, refused: 0, crashed: 0 },
      'gift/g02-match.gift': { clean: 1, warned: 0, refused: 0, crashed: 0 },
      'gift/g03-multichoice.gift': { clean: 1, warned: 0, refused: 0, crashed: 0 },
      'gift/g04-multichoice-multi.gift': { clean: 1, warned: 0, refused: 0, crashed: 0 },
      'gift/g07-truefalse.gift': { clean: 1, warned: 0, refused: 0, crashed: 0 },
      'gift/g08-truefalse-T.gift': { clean: 1, warned: 0, refused: 0, crashed: 0 },
      'gift/g09-backslash.gift': { clean: 1, warned: 0, refused: 0, crashed: 0 },
      'gift/g11-tags.gift': { clean: 0, warned: 1, refused: 0, crashed: 0 },
      'aiken/01-questions.aiken.txt': { clean: 2, warned: 0, refused: 0, crashed: 0 },
      'aiken/02-aiken_errors.txt': { clean: 2, warned: 0, refused: 4, crashed: 0 },
      'aiken/03-aiken-good-only.txt': { clean: 3, warned: 0, refused: 0, crashed: 0 },
    });
    // Moodle's ID numbers (XML <idnumber>, GIFT [id:...]) are not kept, and said so.
    const ids = rows
      .flatMap((r) => r.questions)
      .flatMap((q) => q.problems.filter((p) => p.code === 'idnumber_dropped').map((p) => p.messageEn));
    expect(ids).toEqual(
      expect.arrayContaining([expect.stringContaining('("T & F")'), expect.stringContaining('("myid")')]),
    );
    // Only files Moodle's tests expect to fail hold refused questions.
    for (const r of rows) if (r.outcomes.includes('refused')) expect(r.file).toMatch(/error|broken/);
    // Every problem says which question it concerns, in both languages.
    for (const q of rows.flatMap((r) => r.questions))
      for (const p of q.problems) {
        expect(p.number).toBe(q.number);
        expect(p.message).toMatch(/^Câu \d+/);
        expect(p.messageEn).toMatch(/^Question \d+/);
      }
  });

  it('the items written are QTI 3.0 the official schema accepts', async () => {
    const rows = await importAll();
    const xml = rows.flatMap((r) =>
      r.questions.flatMap((q) =>
        q.qtiXml ? [{ fileName: `${r.file.replace(/\W+/g, '-')}-${q.number}.xml`, contents: q.qtiXml }] : [],
      ),
    );
    expect(xml.length).toBeGreaterThan(30);
    const root = path.resolve(here, '../../../shared/qti-xsd/3.0');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const full = path.join(dir, f);
        if (statSync(full).isDirectory()) walk(full);
        else if (f.endsWith('.xsd')) files.push(full);
      }
    };
    walk(root);
    const entry = 'qtiv3p0/imsqti_asiv3p0_sbacv1p0_v1p0.xsd';
    const schemas = files.map((f) => ({
      fileName: path.relative(root, f),
      contents: readFileSync(f, 'utf8'),
    }));
    const result = await validateXML({
      xml,
      schema: schemas.find((s) => s.fileName === entry)!,
      preload: schemas.filter((s) => s.fileName !== entry),
      maxMemoryPages: 4096,
    });
    const errors = result.errors.map((e) => e.rawMessage).filter((m) => / validity error /.test(m));
    expect(errors).toEqual([]);
    // xmllint in WebAssembly loading the official XSDs: seconds when idle, a minute or more on a loaded machine.
  }, 240_000);

  it('damaged copies of the fixtures are refused or flagged, never a crash', async () => {
    let seed = 20;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const dir of Object.keys(FORMATS))
      for (const file of readdirSync(path.join(corpus, dir)).sort()) {
        const source = readFileSync(path.join(corpus, dir, file), 'utf8');
        for (let i = 0; i < 12; i++) {
          const at = Math.floor(random() * source.length);
          const cut = Math.floor(random() * 40);
          const insert = ['{', '}', '~', '=', '#', ':', '<', '%50%', '{1:MC:', '*', '\n\n', ''][i]!;
          const damaged = source.slice(0, at) + insert + source.slice(at + cut);
          const preview = await previewImport(FORMATS[dir]!, new TextEncoder().encode(damaged));
          for (const q of preview.questions)
            expect(!!q.item || q.problems.some((p) => p.severity === 'error')).toBe(true);
        }
      }
    const many = `Too many {${Array.from({ length: 30 }, (_, i) => `${i ? '~' : '='}o${i}`).join(' ')}}`;
    const wide = await previewImport('gift', new TextEncoder().encode(many));
    expect(wide.questions[0]!.item).toBeUndefined();
    expect(wide.questions[0]!.problems.map((p) => p.code)).toEqual(['too_many_options']);
  });
});
