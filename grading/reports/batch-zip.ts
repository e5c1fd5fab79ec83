/**
 * Batch generation for a whole sitting: candidate reports (and optionally the summary) rendered
 * one after another and streamed into a zip as each is ready, with progress after every file, so
 * an HTTP response or a file can start before the last report is drawn.
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
export function zipReports(entries: BatchEntry[], onProgress?: (p: BatchProgress) => void): Readable {
  const zip = new yazl.ZipFile();
  const out = new PassThrough();
  zip.outputStream.pipe(out);
  void (async () => {
    try {
      let done = 0;
      for (const entry of entries) {
        const pdf = await entry.render();
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
