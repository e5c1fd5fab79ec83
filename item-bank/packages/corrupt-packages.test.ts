/**
 * Packages that cannot be trusted are errors with a place: a zip whose bytes do not match its
 * checksums or that is cut short, a malformed imsmanifest.xml (line and column), a package with
 * nothing QTI in it; and a Canvas-style package of QTI 1.2 is converted, not passed over.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { readPackageFiles } from './read-package.ts';
import { PackageError, readZip } from './read-zip.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const canvasQuiz = readFileSync(path.join(here, '../importers/fixtures/canvas-quiz-qti12.xml'));
const demoItem = readFileSync(path.join(here, '../demo-bank/toan-dien-tich-hinh-tron.xml'));
const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="M1" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1">
  <resources>
    <resource identifier="R1" type="imsqti_xmlv1p2" href="g0quiz01/g0quiz01.xml"><file href="g0quiz01/g0quiz01.xml"/></resource>
  </resources>
</manifest>`;

/** A zip of the entries, stored (not deflated) when asked, so a test can damage known bytes. */
function zipOf(entries: Array<[string, Buffer | string]>, compress = true): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) zip.addBuffer(Buffer.from(data), name, { compress });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

describe('corrupt zips', () => {
  it('refuses an entry whose bytes do not match the CRC-32 the zip records, naming the entry', async () => {
    const bytes = await zipOf([['items/item.xml', demoItem]], false);
    // One letter of the stored item changed, as a bad disk or transfer would.
    const at = bytes.indexOf('identifier=');
    expect(at).toBeGreaterThan(0);
    bytes[at] = 'I'.charCodeAt(0);
    await expect(readZip(bytes)).rejects.toThrow(PackageError);
    await expect(readZip(bytes)).rejects.toThrow(
      /items\/item\.xml is corrupt: its bytes do not match the checksum \(CRC-32\)/,
    );
  });

  it('refuses a zip cut short (a broken download)', async () => {
    const bytes = await zipOf([['items/item.xml', demoItem]]);
    await expect(readZip(bytes.subarray(0, Math.floor(bytes.length / 2)))).rejects.toThrow(
      /The file is not a readable zip/,
    );
  });

  it('reads an undamaged zip', async () => {
    const files = await readZip(await zipOf([['items/item.xml', demoItem]]));
    expect(files.get('items/item.xml')?.equals(demoItem)).toBe(true);
  });
});

describe('manifests', () => {
  it('reports a malformed imsmanifest.xml as an error with its line and column, and the package is not importable', () => {
    const broken =
      '<?xml version="1.0"?>\n<manifest identifier="M">\n  <resources>\n  </resource>\n</manifest>';
    const read = readPackageFiles(
      new Map([
        ['imsmanifest.xml', Buffer.from(broken)],
        ['items/item.xml', demoItem],
      ]),
    );
    expect(read.items).toHaveLength(1);
    expect(read.problems).toEqual([
      expect.objectContaining({
        file: 'imsmanifest.xml',
        line: 4,
        column: expect.any(Number),
        severity: 'error',
        code: 'manifest-malformed',
        message: expect.stringMatching(/^imsmanifest\.xml is not well-formed XML: /),
      }),
    ]);
    expect(read.ok).toBe(false);
  });

  it('reports a manifest whose root is not <manifest>', () => {
    const read = readPackageFiles(
      new Map([
        ['imsmanifest.xml', Buffer.from('<quiz/>')],
        ['items/item.xml', demoItem],
      ]),
    );
    expect(read.problems.map((p) => p.code)).toEqual(['manifest-not-ims']);
    expect(read.ok).toBe(false);
  });

  it('a well-formed manifest adds no problem', () => {
    const read = readPackageFiles(
      new Map([
        ['imsmanifest.xml', Buffer.from(MANIFEST)],
        ['items/item.xml', demoItem],
      ]),
    );
    expect(read.problems).toEqual([]);
    expect(read.ok).toBe(true);
  });
});

describe('packages with no QTI 2/3 items', () => {
  it('converts a Canvas-style QTI 1.2 package, naming the file and line of what cannot be carried', async () => {
    const bytes = await zipOf([
      ['imsmanifest.xml', MANIFEST],
      ['g0quiz01/g0quiz01.xml', canvasQuiz],
      // Canvas's own quiz settings: not QTI, ignored.
      ['g0quiz01/assessment_meta.xml', '<quiz identifier="g0quiz01"><title>x</title></quiz>'],
    ]);
    const read = readPackageFiles(await readZip(bytes));
    expect(read.problems).toEqual([]);
    expect(read.items).toHaveLength(11);
    expect(read.items.every((i) => i.sourceFormat === 'qti1.2')).toBe(true);
    expect(read.items[0]).toMatchObject({
      file: 'g0quiz01/g0quiz01.xml#g0mc01',
      item: { identifier: 'g0mc01' },
    });
    expect(read.items[0]!.xml).toMatch(/^<\?xml[^>]*>\s*<qti-assessment-item/);
    const refused = read.items.filter((i) => !i.item);
    expect(refused.map((i) => i.problems)).toEqual([
      [
        expect.objectContaining({
          file: 'g0quiz01/g0quiz01.xml',
          line: 277,
          severity: 'error',
          code: 'qti12_unsupported',
          message: expect.stringMatching(/QTI 1\.2 question type "calculated_question"/),
        }),
      ],
    ]);
    expect(read.ok).toBe(false);
  });

  it('says so when nothing in the package is QTI', () => {
    const read = readPackageFiles(new Map([['notes.xml', Buffer.from('<notes/>')]]));
    expect(read.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'no-qti-content',
        message: expect.stringMatching(/questestinterop/),
      }),
    ]);
    expect(read.ok).toBe(false);
  });
});
