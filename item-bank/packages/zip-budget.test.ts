/**
 * Zip budgets (issue 26, finding 1): a 1.2 MB QTI zip of 500 entries of exactly 1,000,000 bytes
 * (under the old ratio check) took the engine to 5.1 GB and out of memory. Budgets on entries,
 * bytes per entry, bytes in all and XML bytes now refuse it from the zip's directory before
 * anything is inflated, and a directory that lies is stopped while streaming. The bombs are made
 * here, in memory.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_PACKAGE_NODES, readPackageFiles } from './read-package.ts';
import { checkZip, DEFAULT_ZIP_LIMITS, PackageError, readZip } from './read-zip.ts';
import { bombZip, deflated, repeatedDeflate } from './zip-bombs.ts';

/** Memory in use now (JS heap and buffers), for "bounded memory" checks. */
const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const MB = 1_000_000;

describe('zip budgets (issue 26, finding 1)', () => {
  it('refuses the 500 x 1,000,000-byte QTI bomb from its directory, without inflating it', async () => {
    const million = repeatedDeflate(100_000, 10); // 1,000,000 zero bytes in about 1 KB
    const bomb = bombZip(
      Array.from({ length: 500 }, (_, i) => ({
        name: `items/item-${i}.xml`,
        deflated: million,
        declaredSize: 1_000_000,
      })),
    );
    expect(bomb.length).toBeLessThan(1_500_000);
    const before = used();
    const started = performance.now();
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const error = await readZip(bomb).catch((e: unknown) => e);
    loop.disable();
    // The event loop is never held for long (generous bound for a loaded CI machine).
    expect(loop.max / 1e6).toBeLessThan(1_000);
    expect(error).toBeInstanceOf(PackageError);
    expect((error as Error).message).toBe(
      "The zip's XML files unpack to more than 32 MiB together; the file is refused (zip bomb guard).",
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(used() - before).toBeLessThan(100 * MB);

    // The same bomb as pictures is refused by the total budget.
    const pictures = bombZip(
      Array.from({ length: 500 }, (_, i) => ({
        name: `media/${i}.png`,
        deflated: million,
        declaredSize: 1_000_000,
      })),
    );
    await expect(readZip(pictures)).rejects.toThrow(
      'The zip unpacks to more than 256 MiB; the file is refused (zip bomb guard).',
    );
  });

  it('stops inflating an entry whose directory size lies the moment it outgrows it', async () => {
    const before = used();
    // Declares 2,000 bytes, inflates to 64 MB.
    const liar = bombZip([
      { name: 'imsmanifest.xml', deflated: deflated('<manifest/>'), declaredSize: 11 },
      { name: 'items/a.xml', deflated: repeatedDeflate(1 << 20, 64), declaredSize: 2_000 },
    ]);
    await expect(readZip(liar)).rejects.toThrow(
      /^items\/a\.xml cannot be unpacked: .*the file is refused\.$/,
    );
    await expect(checkZip(liar)).rejects.toBeInstanceOf(PackageError);
    expect(used() - before).toBeLessThan(50 * MB);
  });

  it('refuses by entry count, by size of one entry, of one XML file and by ratio, each with its reason', async () => {
    const tiny = deflated('x');
    const many = bombZip(
      Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, deflated: tiny, declaredSize: 1 })),
    );
    await expect(readZip(many, { maxEntries: 10 })).rejects.toThrow(
      'The zip has 11 entries; at most 10 are accepted (zip bomb guard).',
    );
    const big = bombZip([
      { name: 'video.mp4', deflated: repeatedDeflate(1 << 20, 65), declaredSize: 65 << 20 },
    ]);
    await expect(readZip(big)).rejects.toThrow(
      'video.mp4 unpacks to more than 64 MiB (the limit for one file); the file is refused (zip bomb guard).',
    );
    const xml = bombZip([
      { name: 'items/a.xml', deflated: repeatedDeflate(1 << 20, 5), declaredSize: 5 << 20 },
    ]);
    await expect(readZip(xml, { maxRatio: 1e9 })).rejects.toThrow(
      'items/a.xml unpacks to more than 4 MiB (the limit for one XML file); the file is refused (zip bomb guard).',
    );
    await expect(readZip(xml, { maxXmlEntryBytes: 8 << 20 })).rejects.toThrow(/compresses \d+:1/);
  });

  it('bounds the XML nodes of a whole package, so many files each under the per-file budget cannot add up', () => {
    const item = (id: string, paragraphs: number) =>
      Buffer.from(
        `<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="${id}" title="${id}"><qti-item-body>${'<p/>'.repeat(paragraphs)}</qti-item-body></qti-assessment-item>`,
      );
    const files = new Map([
      ['a.xml', item('A', 8)],
      ['b.xml', item('B', 8)],
      ['c.xml', item('C', 8)],
      ['d.xml', item('D', 8)],
    ]);
    const read = readPackageFiles(files, { maxPackageNodes: 25 });
    expect(read.ok).toBe(false);
    expect(read.items.map((i) => [i.file, i.problems.map((p) => p.code)])).toEqual([
      ['a.xml', []],
      ['b.xml', []],
      ['c.xml', ['package-too-large']],
    ]);
    expect(read.items[2]!.problems[0]!.message).toMatch(/more than 25 XML elements and text runs in all/);
    expect(readPackageFiles(files).ok).toBe(true);
    expect(DEFAULT_MAX_PACKAGE_NODES).toBe(1_000_000);
  });

  it('still reads a normal package within the budgets, and the budgets are the documented defaults', async () => {
    const item = `<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="A" title="A">
<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier"/>
<qti-item-body><p>Xin chào</p></qti-item-body></qti-assessment-item>`;
    const ok = bombZip([
      { name: 'imsmanifest.xml', deflated: deflated('<manifest/>'), declaredSize: 11 },
      { name: 'items/a.xml', deflated: deflated(item), declaredSize: Buffer.byteLength(item) },
    ]);
    const files = await readZip(ok);
    expect([...files.keys()]).toEqual(['imsmanifest.xml', 'items/a.xml']);
    expect(readPackageFiles(files).items.map((i) => i.item?.identifier)).toEqual(['A']);
    expect(DEFAULT_ZIP_LIMITS).toEqual({
      maxEntries: 5000,
      maxTotalBytes: 256 * 2 ** 20,
      maxEntryBytes: 64 * 2 ** 20,
      maxXmlEntryBytes: 4 * 2 ** 20,
      maxXmlTotalBytes: 32 * 2 ** 20,
      maxRatio: 200,
    });
  });
});
