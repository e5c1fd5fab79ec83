/**
 * A Canvas-style QTI 1.2 package written for this project (fixtures/canvas-package-qti12): the
 * pictures its questions show come from the package (Canvas's `$IMS-CC-FILEBASE$` paths, a
 * `matimage` beside the quiz file), its sections and question groups become a QTI 3.0 test with
 * selection and ordering, a group drawing from a question bank of another file gets the bank's
 * questions, and what is not carried is a warning at its line. The same package through the
 * question import (preview): pictures kept, sections named as not carried, a broken manifest and
 * a corrupt zip refused with their place.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import type { Section } from '../model/test.ts';
import { readPackageFiles } from '../packages/read-package.ts';
import { checkSchemas, loadSchemaFolder } from '../qti/check-schema.ts';
import { previewImport } from './index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, 'fixtures/canvas-package-qti12');
const XSD = path.resolve(here, '../../../shared/qti-xsd');

/** The fixture's files keyed as in a zip. */
const packageFiles = () =>
  new Map(
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.includes('.'))
      .map((f) => [f.split(path.sep).join('/'), readFileSync(path.join(root, f))]),
  );

function zipOf(entries: Map<string, Buffer>, compress = true): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) zip.addBuffer(data, name, { compress });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

const QUIZ = 'g1quiz02/g1quiz02.xml';
const BANK = 'non_cc_assessments/g1bank01.xml.qti';

describe('a Canvas-style QTI 1.2 package', () => {
  const read = readPackageFiles(packageFiles());
  const item = (id: string) => {
    const found = read.items.find((i) => i.item?.identifier === id);
    if (!found) throw new Error(`no item ${id}`);
    return found;
  };

  it('converts every question, the bank questions included, each once', () => {
    expect(read.ok).toBe(true);
    expect(read.problems).toEqual([]);
    expect(read.items.map((i) => i.file)).toEqual([
      ...['g1im01', 'g1im02', 'g1sa02', 'g1md01', 'g1bb01', 'g1tf01', 'g1tf02', 'g1tf03', 'g1es02'].map(
        (id) => `${QUIZ}#${id}`,
      ),
      `${BANK}#g1bk01`,
      `${BANK}#g1bk02`,
    ]);
  });

  it("carries pictures from the package: Canvas's $IMS-CC-FILEBASE$ (web_resources) and a matimage beside the quiz", () => {
    const map = item('g1im01');
    expect(map.media.map((m) => m.href)).toEqual(['media/ban-do.png']);
    expect(
      Buffer.from(map.media[0]!.data).equals(
        readFileSync(path.join(root, 'web_resources/Uploaded Media/ban-do.png')),
      ),
    ).toBe(true);
    expect(map.media[0]!.contentType).toBe('image/png');
    expect(map.xml).toMatch(/<img [^>]*src="media\/ban-do\.png"[^>]*alt="Bản đồ"/);
    expect(map.item!.media).toEqual(['media/ban-do.png']);

    const triangle = item('g1im02');
    expect(triangle.media.map((m) => m.href)).toEqual(['media/tam-giac.png']);
    expect(
      Buffer.from(triangle.media[0]!.data).equals(
        readFileSync(path.join(root, 'g1quiz02/images/tam-giac.png')),
      ),
    ).toBe(true);
    // A picture the package does not hold is named, at the question's line.
    expect(triangle.problems).toEqual([
      expect.objectContaining({
        file: QUIZ,
        line: 31,
        severity: 'warning',
        code: 'media_missing',
        message: expect.stringContaining('$IMS-CC-FILEBASE$/Uploaded%20Media/khong-co.png'),
      }),
    ]);
  });

  it('says which pictures are not carried (feedback shows text only)', () => {
    expect(item('g1es02').problems).toEqual([
      expect.objectContaining({ line: 204, severity: 'warning', code: 'qti12_media_dropped' }),
    ]);
    expect(item('g1es02').media).toEqual([]);
  });

  it('makes the assessment a QTI 3.0 test: nested sections, selection and shuffling, the bank group, the time limit', () => {
    expect(read.tests).toHaveLength(1);
    const [entry] = read.tests;
    expect(entry!.file).toBe(`${QUIZ}#g1quiz02`);
    const test = entry!.test!;
    expect(test).toMatchObject({ identifier: 'g1quiz02', title: 'Địa lý và hình học', qtiVersion: '3.0' });
    expect(test.timeLimits?.maxTime).toBe(1200);
    expect(test.testParts).toHaveLength(1);
    const [rootSection] = test.testParts[0]!.sections as Section[];
    expect(rootSection).toMatchObject({ identifier: 'root_section', title: 'Địa lý và hình học' });
    const shape = (s: Section): unknown => ({
      id: s.identifier,
      ...(s.selection ? { select: s.selection.select } : {}),
      ...(s.ordering?.shuffle ? { shuffle: true } : {}),
      parts: s.parts.map((p) => (p.kind === 'section' ? shape(p) : p.identifier)),
    });
    expect(shape(rootSection!)).toEqual({
      id: 'root_section',
      parts: [
        'g1im01',
        'g1im02',
        'g1sa02',
        'g1md01',
        'g1bb01',
        { id: 'g1grp01', select: 2, shuffle: true, parts: ['g1tf01', 'g1tf02', 'g1tf03'] },
        { id: 'g1grp02', select: 1, parts: ['g1bk01', 'g1bk02'] },
        { id: 'g1sec04', parts: [{ id: 'g1sec05', parts: ['g1es02'] }] },
      ],
    });
    // Every item reference points to a converted item of the package.
    const files = new Set(read.items.map((i) => i.file));
    expect(Object.keys(entry!.itemFiles)).toHaveLength(11);
    for (const file of Object.values(entry!.itemFiles)) expect(files.has(file)).toBe(true);
    expect(entry!.itemFiles.g1bk01).toBe(`${BANK}#g1bk01`);
  });

  it('names what the test does not carry, at its line: a bank not in the package, a section rubric', () => {
    expect(read.tests[0]!.problems).toEqual([
      expect.objectContaining({
        file: QUIZ,
        line: 195,
        severity: 'warning',
        code: 'qti12_bank_missing',
        message: expect.stringMatching(
          /question bank "g1bank99", which is not in the package: the section is left out/,
        ),
      }),
      expect.objectContaining({
        file: QUIZ,
        line: 202,
        severity: 'warning',
        code: 'qti12_section_part_dropped',
        message: 'Section "Phần tự luận": rubric is not carried into the test.',
      }),
    ]);
  });

  it("gives a group's questions the group's points per item, saying so (the bank's questions too)", () => {
    for (const id of ['g1tf01', 'g1tf02', 'g1tf03'])
      expect(item(id).problems).toEqual([
        expect.objectContaining({
          severity: 'warning',
          code: 'qti12_group_points',
          message: expect.stringMatching(/group's 2 point\(s\) \(points_per_item\), not its own 1/),
        }),
      ]);
    expect(item('g1bk01').problems).toEqual([
      expect.objectContaining({
        file: BANK,
        code: 'qti12_group_points',
        message: expect.stringMatching(/"Nhóm từ ngân hàng", so it is worth the group's 3 point/),
      }),
    ]);
  });

  it('writes the test and its items valid against the official QTI 3.0 schema', async () => {
    const folder = await loadSchemaFolder(XSD);
    const result = await checkSchemas(
      [
        { fileName: 'test.xml', xml: read.tests[0]!.xml },
        ...read.items.map((i) => ({ fileName: i.file, xml: i.xml })),
      ],
      folder,
    );
    expect([...result.errors]).toEqual([]);
    expect(result.checked.size).toBe(12);
    // xmllint in WebAssembly loading the official XSDs: seconds when idle, a minute or more on a loaded machine.
  }, 240_000);
});

describe('the same package through the question import', () => {
  it('keeps the pictures with their questions and says the sections are not carried there', async () => {
    const preview = await previewImport('qti12', new Uint8Array(await zipOf(packageFiles())));
    expect(preview.ok).toBe(true);
    expect(preview.questions).toHaveLength(11);
    const map = preview.questions.find((q) => q.identifier === 'g1im01')!;
    expect(map.media?.map((m) => m.href)).toEqual(['media/ban-do.png']);
    expect(map.qtiXml).toContain('src="media/ban-do.png"');
    expect(preview.questions.find((q) => q.identifier === 'g1im02')!.media?.map((m) => m.href)).toEqual([
      'media/tam-giac.png',
    ]);
    expect(preview.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'qti12_sections_not_carried',
        messageEn: expect.stringMatching(/^The quiz has 5 section\(s\) or question group\(s\)/),
      }),
    ]);
    // Points per item still come from the groups.
    expect(preview.questions.find((q) => q.identifier === 'g1tf01')!.draft.points).toBe(2);
    expect(preview.questions.find((q) => q.identifier === 'g1bk01')!.draft.points).toBe(3);
  });

  it('reads a question repeated in another file of the zip once', async () => {
    const files = packageFiles();
    files.set('non_cc_assessments/g1quiz02.xml.qti', files.get(QUIZ)!);
    const preview = await previewImport('qti12', new Uint8Array(await zipOf(files)));
    expect(preview.questions.map((q) => q.identifier).filter((id) => id === 'g1im01')).toHaveLength(1);
    expect(preview.questions.map((q) => q.number)).toEqual(preview.questions.map((_, i) => i + 1));
    expect(preview.problems.map((p) => p.code)).toContain('qti12_duplicate_question');
    const read = readPackageFiles(files);
    expect(read.items.filter((i) => i.item?.identifier === 'g1im01')).toHaveLength(1);
    expect(read.tests).toHaveLength(1);
    expect(read.problems.filter((p) => p.code === 'qti12_duplicate_question')).toHaveLength(9);
  });

  it('refuses a package whose imsmanifest.xml is broken, naming its line and column', async () => {
    const files = packageFiles();
    files.set(
      'imsmanifest.xml',
      Buffer.from('<?xml version="1.0"?>\n<manifest>\n  <resources>\n</manifest>\n'),
    );
    const preview = await previewImport('qti12', new Uint8Array(await zipOf(files)));
    expect(preview.ok).toBe(false);
    expect(preview.problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'manifest-malformed',
        line: 4,
        messageEn: expect.stringMatching(
          /^imsmanifest\.xml \(line 4, column \d+\): imsmanifest\.xml is not well-formed XML/,
        ),
      }),
    );
  });

  it('refuses a corrupt zip, naming the damaged entry', async () => {
    const bytes = await zipOf(new Map([[QUIZ, readFileSync(path.join(root, QUIZ))]]), false);
    const at = bytes.indexOf('Địa lý');
    bytes[at] = 'X'.charCodeAt(0);
    const preview = await previewImport('qti12', new Uint8Array(bytes));
    expect(preview.ok).toBe(false);
    expect(preview.questions).toEqual([]);
    expect(preview.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'zip_unreadable',
        messageEn: expect.stringMatching(/^The zip cannot be read: g1quiz02\/g1quiz02\.xml is corrupt/),
      }),
    ]);
    const cut = await zipOf(new Map([[QUIZ, readFileSync(path.join(root, QUIZ))]]));
    const half = await previewImport('qti12', new Uint8Array(cut.subarray(0, cut.length >> 1)));
    expect(half.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'zip_unreadable',
        messageEn: expect.stringMatching(/not a readable zip/),
      }),
    ]);
  });
});
