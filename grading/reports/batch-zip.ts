/**
 * Batch generation for a whole sitting: candidate reports (and optionally the summary) streamed
 * into a zip in order as each is ready, with progress after every file, so an HTTP response or a
 * file can start before the last report is drawn. With `concurrency` above 1 that many renders
 * run ahead (a render pool's workers draw them in parallel); memory stays bounded by the window.
 */
import { PassThrough, type Readable } from 'node:stream';
import yazl from 'yazl';

export interface BatchEntry {
  /** File name inside the zip. */
  name: string;
  render(): Promise<Buffer>;
}

export interface BatchProgress {
  done: number;
  total: number;
  name: string;
}

/** A zip stream of the rendered entries; `onProgress` is called after each file. */
export function zipReports(
  entries: BatchEntry[],
  onProgress?: (p: BatchProgress) => void,
  options: { concurrency?: number } = {},
): Readable {
  const ahead = Math.max(1, options.concurrency ?? 1);
  const zip = new yazl.ZipFile();
  const out = new PassThrough();
  zip.outputStream.pipe(out);
  void (async () => {
    try {
      let done = 0;
      const started: Promise<Buffer>[] = [];
      const startUpTo = (n: number) => {
        while (started.length < Math.min(n, entries.length)) {
          const rendering = entries[started.length]!.render();
          rendering.catch(() => {}); // awaited in order below; a failure ends the zip there
          started.push(rendering);
        }
      };
      for (const [i, entry] of entries.entries()) {
        startUpTo(i + ahead);
        const pdf = await started[i]!;
        if (out.destroyed) return;
        // PDFs are already compressed inside; storing them keeps the zip step cheap.
        zip.addBuffer(pdf, entry.name, { compress: false });
        onProgress?.({ done: ++done, total: entries.length, name: entry.name });
      }
      zip.end();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}
