import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPackageFiles } from './read-package.ts';
import { PackageError, readZip } from './read-zip.ts';

const demoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../demo-bank');

function zipOf(
  entries: Array<[string, Buffer | string]>,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries)
    zip.addBuffer(Buffer.from(data), name, { compress: options.compress ?? true });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

describe('content packages', () => {
  it('reads every item of a zip with its media, and reports missing media', async () => {
    const items = readdirSync(demoDir).filter((f) => f.endsWith('.xml'));
    const withImage = `<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="IMG" title="Hình"><qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier"/><qti-item-body>
  <img src="../media/tam-giac.png" alt="Tam giác"/>
  <p>Hình bên: <img src="missing.png" alt="x"/></p>
</qti-item-body></qti-assessment-item>`;
    const bytes = await zipOf([
      ['imsmanifest.xml', '<manifest/>'],
      ...items.map((f): [string, Buffer] => [`items/${f}`, readFileSync(path.join(demoDir, f))]),
      ['items/hinh.xml', withImage],
      ['media/tam-giac.png', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
    ]);
    const result = readPackageFiles(await readZip(bytes));
    expect(result.items).toHaveLength(items.length + 1);
    const image = result.items.find((i) => i.file === 'items/hinh.xml')!;
    expect(image.media).toEqual([
      expect.objectContaining({ href: '../media/tam-giac.png', contentType: 'image/png' }),
    ]);
    expect(image.problems).toEqual([
      expect.objectContaining({
        code: 'missing-media',
        message: 'The item refers to missing.png, which is not in the package.',
        // Where the <img> naming the file starts.
        file: 'items/hinh.xml',
        line: 3,
        column: 16,
      }),
    ]);
    expect(result.ok).toBe(false);
  });

  it('refuses a path-traversal entry', async () => {
    // Zip writers refuse such names, so write a harmless name of the same length and swap the bytes.
    const rename = (zip: Buffer, from: string, to: string) =>
      Buffer.from(zip.toString('latin1').split(from).join(to), 'latin1');
    const traversal = rename(await zipOf([['zz/zz/x.xml', '<x/>']]), 'zz/zz/x.xml', '../../x.xml');
    await expect(readZip(traversal)).rejects.toThrow(/outside the package|invalid relative path/);
    await expect(readZip(traversal)).rejects.toBeInstanceOf(PackageError);
    const absolute = rename(await zipOf([['etc/passwdd', 'x']]), 'etc/passwdd', '/etc/passwd');
    await expect(readZip(absolute)).rejects.toBeInstanceOf(PackageError);
  });

  it('refuses a zip bomb', async () => {
    const bomb = await zipOf([['items/bomb.xml', Buffer.alloc(60 * 2 ** 20, 0x41)]]);
    expect(bomb.length).toBeLessThan(1_000_000);
    await expect(readZip(bomb)).rejects.toThrow(/zip bomb guard|the limit is/);
  });

  it('refuses something that is not a zip', async () => {
    await expect(readZip(Buffer.from('not a zip at all'))).rejects.toThrow(/not a readable zip/);
  });
});
