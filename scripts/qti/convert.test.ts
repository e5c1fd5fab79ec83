/**
 * `npm run qti -- convert` run as a child process on Moodle's own import fixtures
 * (../shared/corpus/moodle, read in place): one QTI 3.0 file per question with its media beside it,
 * the same questions converted and refused as the authoring import's preview, the JSON summary as
 * the last line, and every written file valid under the official QTI 3.0 schema
 * (../shared/qti-xsd/3.0, read in place).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import { checkQti3Schema, parseItemXml, previewImport, type ImportFormat } from '../../item-bank/index.ts';

const exec = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(root, '../shared/corpus/moodle');
const xsd = path.resolve(root, '../shared/qti-xsd/3.0');
const FORMATS: Record<string, ImportFormat> = { xml: 'moodle', gift: 'gift', aiken: 'aiken' };

interface Summary {
  items: Array<{
    file: string;
    title: string;
    question: string;
    number: number;
    media: string[];
    category?: string;
    tags?: string[];
    problems: Array<{ severity: string; code: string; message: string; messageEn: string }>;
  }>;
  refused: Array<{ question: string; number: number; reason: string; line: number | null }>;
}

async function convert(...args: string[]): Promise<{ code: number; stdout: string; summary: Summary }> {
  const result = await exec(
    path.join(root, 'node_modules/.bin/tsx'),
    ['scripts/qti.ts', 'convert', ...args],
    {
      cwd: root,
    },
  ).then(
    (r) => ({ ...r, code: 0 }),
    (e: { stdout: string; code: number }) => e,
  );
  const last = result.stdout.trim().split('\n').pop()!;
  return { code: result.code, stdout: result.stdout, summary: JSON.parse(last) as Summary };
}

const fixtures = Object.keys(FORMATS).flatMap((dir) =>
  readdirSync(path.join(corpus, dir))
    .sort()
    .map((file) => ({ dir, file, full: path.join(corpus, dir, file) })),
);

describe('npm run qti -- convert', () => {
  it("converts every Moodle fixture as the import preview reads it: a file per question, media beside it, refusals with Moodle's reasons, all schema-valid", async () => {
    const limit = pLimit(2);
    const runs = await Promise.all(
      fixtures.map((f) =>
        limit(async () => {
          const out = mkdtempSync(path.join(os.tmpdir(), 'qti-convert-'));
          // .txt files of the GIFT folder are told apart by content; the format is given for the Aiken ones.
          const format = f.dir === 'aiken' ? ['--format', 'aiken'] : [];
          return { ...f, out, ...(await convert(f.full, '--out', out, '--json', ...format)) };
        }),
      ),
    );
    const documents: Array<{ fileName: string; xml: string }> = [];
    let items = 0;
    let media = 0;
    for (const r of runs) {
      const name = `${r.dir}/${r.file}`;
      // --json: the JSON is the only line.
      expect(r.stdout.trim().split('\n'), name).toHaveLength(1);
      const preview = await previewImport(FORMATS[r.dir]!, new Uint8Array(readFileSync(r.full)));
      expect(
        r.summary.items.map((i) => i.number),
        name,
      ).toEqual(preview.questions.filter((q) => q.item).map((q) => q.number));
      expect(
        r.summary.refused.map((q) => q.number),
        name,
      ).toEqual(preview.questions.filter((q) => !q.item).map((q) => q.number));
      expect(r.code, name).toBe(r.summary.refused.length ? 2 : 0);
      // Only the files Moodle's tests expect to fail have refused questions, each with a reason and its line.
      if (r.summary.refused.length) expect(name).toMatch(/error|broken/);
      for (const q of r.summary.refused) {
        expect(q.reason).toMatch(/^Question \d+/);
        expect(q.line).toBeGreaterThan(0);
      }
      expect(
        readdirSync(r.out)
          .filter((f) => f.endsWith('.xml'))
          .sort(),
      ).toEqual(r.summary.items.map((i) => i.file).sort());
      for (const item of r.summary.items) {
        const xml = readFileSync(path.join(r.out, item.file), 'utf8');
        const model = parseItemXml(xml).item!;
        expect(model.title).toBe(item.title);
        // Every file the item refers to was written beside it, and nothing else.
        expect([...model.media].sort()).toEqual([...item.media].sort());
        for (const href of item.media) expect(existsSync(path.join(r.out, href)), href).toBe(true);
        documents.push({ fileName: `${r.dir}-${r.file}-${item.file}`.replace(/[^\w.-]/g, '_'), xml });
        items++;
        media += item.media.length;
      }
    }
    expect(items).toBeGreaterThan(30);
    expect(media).toBeGreaterThanOrEqual(4);
    // The listening question of Moodle's multichoice fixture keeps its sound and flags.
    const listening = runs.find((r) => r.file === '01-multichoice.xml')!;
    expect(listening.summary.items[0]!.media).toContain('media/bonjour.mp3');
    expect(readFileSync(path.join(listening.out, 'media/bonjour.mp3')).length).toBeGreaterThan(0);
    // Categories and tags travel with the item.
    const nested = runs.find((r) => r.file === '06-nested_categories_with_questions.xml')!;
    expect(nested.summary.items.every((i) => i.category)).toBe(true);
    expect(new Set(nested.summary.items.map((i) => i.category)).size).toBeGreaterThan(1);
    const tagged = runs.find((r) => r.file === 'g11-tags.gift')!;
    expect(tagged.summary.items[0]!.tags?.length).toBeGreaterThan(0);

    const errors = await checkQti3Schema(documents, xsd);
    expect(Object.fromEntries(errors)).toEqual({});
  }, 300_000);

  it('--xsd checks what it writes; without --json each question has its line before the JSON', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'qti-convert-'));
    const { code, stdout, summary } = await convert(
      path.join(corpus, 'xml/03-multianswer.xml'),
      '--out',
      out,
      '--xsd',
      xsd,
    );
    expect(code).toBe(0);
    expect(summary.items).toHaveLength(1);
    expect(summary.items[0]!.problems.map((p) => p.code)).toEqual(['feedback_media_dropped']);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^IMP-[0-9A-F]{12}\.xml {2}.+\(\+1 media\)$/);
    expect(lines.at(-2)).toMatch(/^1 item\(s\) written to .+, 0 question\(s\) refused\.$/);

    const broken = await convert(path.join(corpus, 'xml/05-broken_cloze_questions.xml'), '--out', out);
    expect(broken.code).toBe(2);
    expect(broken.summary.items).toEqual([]);
    expect(broken.summary.refused.map((r) => [r.question, r.line])).toEqual([
      ['Câu 1 (Multianswer question without subquestions)', 4],
      ['Câu 2 (Multichoice subquestion without choices)', 20],
      expect.arrayContaining([expect.stringMatching(/^Câu 3 /)]),
      expect.arrayContaining([expect.stringMatching(/^Câu 4 /)]),
      expect.arrayContaining([expect.stringMatching(/^Câu 5 /)]),
    ]);
    expect(broken.stdout).toMatch(
      /^refused: Câu 1 \(Multianswer question without subquestions\) \(line 4\): /m,
    );

    // A folder without the QTI 3.0 schema is a usage error, not a crash.
    const noSchema = await exec(
      path.join(root, 'node_modules/.bin/tsx'),
      [
        'scripts/qti.ts',
        'convert',
        path.join(corpus, 'gift/g03-multichoice.gift'),
        '--out',
        out,
        '--xsd',
        out,
      ],
      { cwd: root },
    ).catch((e: { code: number; stderr: string }) => e);
    expect(noSchema).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/holds no QTI 3\.0 item schema/),
    });

    // A question sheet goes through the same import: the row with a key that matches no option is refused.
    const sheet = await convert(
      path.join(root, 'item-bank/importers/fixtures/questions.csv'),
      '--out',
      out,
      '--json',
    );
    expect(sheet.code).toBe(2);
    expect(sheet.summary.items).toHaveLength(4);
    expect(sheet.summary.refused.map((r) => [r.number, r.line])).toEqual([[5, 6]]);
  }, 120_000);

  it('two pictures of the same name but different content are both kept, the second renamed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qti-convert-'));
    const png = readFileSync(path.join(corpus, 'xml/03-multianswer.xml'), 'utf8').match(
      /encoding="base64">([^<]+)</,
    )![1]!;
    const other = Buffer.from(Buffer.from(png, 'base64').toString('binary') + 'x', 'binary').toString(
      'base64',
    );
    const question = (
      name: string,
      data: string,
    ) => `<question type="truefalse"><name><text>${name}</text></name>
      <questiontext format="html"><text><![CDATA[<p>Lá cờ này? <img src="@@PLUGINFILE@@/flag.png" alt="cờ"></p>]]></text>
      <file name="flag.png" encoding="base64">${data}</file></questiontext>
      <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>`;
    writeFileSync(
      path.join(dir, 'co.xml'),
      `<quiz>${question('Cờ 1', png)}${question('Cờ 2', other)}${question('Cờ 3', png)}</quiz>`,
    );
    const out = path.join(dir, 'out');
    const { code, summary } = await convert(path.join(dir, 'co.xml'), '--out', out, '--json');
    expect(code).toBe(0);
    expect(summary.items.map((i) => i.media)).toEqual([
      ['media/flag.png'],
      ['media/flag-2.png'],
      ['media/flag.png'],
    ]);
    expect(readdirSync(path.join(out, 'media')).sort()).toEqual(['flag-2.png', 'flag.png']);
    expect(readFileSync(path.join(out, summary.items[1]!.file), 'utf8')).toContain('src="media/flag-2.png"');
    expect(readFileSync(path.join(out, 'media/flag-2.png')).toString('base64')).toBe(other);
    // The folder written is one the project's own validator accepts, media references included.
    const validated = await exec(
      path.join(root, 'node_modules/.bin/tsx'),
      ['scripts/qti.ts', 'validate', out],
      {
        cwd: root,
      },
    );
    expect(validated.stdout).toMatch(/3 item\(s\) and 0 test\(s\) checked, 0 error\(s\)\./);
  }, 60_000);
});
