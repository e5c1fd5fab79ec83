/**
 * Reads QTI items from a content package (zip with imsmanifest.xml), a folder's files or a
 * single XML: every item parsed and checked, every media file it refers to found in the package
 * (or reported missing), so an import can save all items or none.
 */
import path from 'node:path';
import type { AssessmentItem } from '../model/item.ts';
import { parseItemXml } from '../qti/parse-item.ts';
import type { ValidationProblem } from '../qti/problems.ts';
import type { MediaFile } from '../storage/item-store.ts';

export interface PackageItem {
  file: string;
  xml: string;
  item?: AssessmentItem;
  media: MediaFile[];
  problems: ValidationProblem[];
}

export interface ReadPackageResult {
  items: PackageItem[];
  /** Whether every item can be imported (no error anywhere). */
  ok: boolean;
}

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.css': 'text/css',
  '.pdf': 'application/pdf',
};
export const contentTypeOf = (file: string) =>
  CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** Reads items from a map of package-relative paths to file contents. */
export function readPackageFiles(files: Map<string, Buffer>): ReadPackageResult {
  const items: PackageItem[] = [];
  for (const [file, data] of files) {
    if (!file.toLowerCase().endsWith('.xml') || path.posix.basename(file) === 'imsmanifest.xml') continue;
    const xml = data.toString('utf8');
    // Tests, stimuli and other documents are not items; only item roots are read here.
    if (!/<(qti-assessment-item|assessmentItem)[\s>]/.test(xml)) continue;
    const { item, problems } = parseItemXml(xml, file);
    const media: MediaFile[] = [];
    if (item) {
      for (const href of item.media) {
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(href)));
        const content = files.get(resolved);
        if (content) media.push({ href, contentType: contentTypeOf(resolved), data: content });
        else
          problems.push({
            file,
            line: 1,
            column: 1,
            severity: 'error',
            code: 'missing-media',
            message: `The item refers to ${href}, which is not in the package.`,
          });
      }
    }
    items.push({ file, xml, item, media, problems });
  }
  return {
    items,
    ok: items.length > 0 && items.every((i) => i.item && !i.problems.some((p) => p.severity === 'error')),
  };
}
