/**
 * The .docx decompression budget (issue 26, finding 1): a 367 KB .docx whose document.xml
 * inflates to 1.1 GB blocked the engine 88 s and killed it at 4.7 GB, because mammoth unpacks the
 * whole zip in memory. Every part is now inflated as a stream and counted before mammoth runs,
 * so the bomb is refused with the part and the budget named, and a real Word test still imports.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { PackageError } from '../packages/read-zip.ts';
import { bombZip, deflated, repeatedDeflate } from '../packages/zip-bombs.ts';
import { checkDocx, DEFAULT_DOCX_LIMITS } from './docx-limits.ts';
import { buildVietnameseTestDocx } from './fixtures/vietnamese-test-docx.ts';
import { previewImport } from './index.ts';
import { readWordBlocks } from './word-blocks.ts';

const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const MB = 1_000_000;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;

/** A .docx whose word/document.xml inflates to 1,100 x 1 MiB of zeros, declared as `declared`. */
const docxBomb = (declared: number) =>
  bombZip([
    { name: '[Content_Types].xml', deflated: deflated(CONTENT_TYPES), declaredSize: CONTENT_TYPES.length },
    { name: 'word/document.xml', deflated: repeatedDeflate(1 << 20, 1100), declaredSize: declared },
  ]);

describe('.docx decompression budget (issue 26, finding 1)', () => {
  it('refuses a .docx whose document.xml inflates to 1.1 GB before mammoth sees it, in bounded memory', async () => {
    const honest = docxBomb(1100 * 2 ** 20);
    expect(honest.length).toBeLessThan(2 * MB);
    const before = used();
    const started = performance.now();
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    await expect(readWordBlocks(honest)).rejects.toThrow(
      'word/document.xml unpacks to more than 16 MiB (the limit for one XML file); the file is refused (zip bomb guard).',
    );
    // The directory lies (says 4 KB): inflating stops just past 4 KB.
    await expect(checkDocx(docxBomb(4096))).rejects.toThrow(/^word\/document\.xml cannot be unpacked: /);
    loop.disable();
    expect(loop.max / 1e6).toBeLessThan(1_000);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(used() - before).toBeLessThan(100 * MB);
  });

  it('turns the refusal into the import problem teachers see', async () => {
    const preview = await previewImport('docx', docxBomb(1100 * 2 ** 20));
    expect(preview.ok).toBe(false);
    expect(preview.problems).toEqual([
      expect.objectContaining({
        code: 'docx_unreadable',
        severity: 'error',
        messageEn: expect.stringContaining('word/document.xml unpacks to more than 16 MiB'),
      }),
    ]);
  });

  it('lets a real Word test through, and a caller can tighten the budgets', async () => {
    const docx = await buildVietnameseTestDocx();
    await expect(checkDocx(docx)).resolves.toBeUndefined();
    expect((await readWordBlocks(docx)).blocks.length).toBeGreaterThan(10);
    await expect(checkDocx(docx, { maxXmlEntryBytes: 100 })).rejects.toBeInstanceOf(PackageError);
    expect(DEFAULT_DOCX_LIMITS.maxXmlEntryBytes).toBe(16 * 2 ** 20);
  });
});
