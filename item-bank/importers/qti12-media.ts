/**
 * The pictures and sounds of a QTI 1.2 question found in its package. Canvas writes
 * `$IMS-CC-FILEBASE$/Uploaded%20Media/map.png` (the Common Cartridge token for the package's
 * web resources, `web_resources/` in Canvas exports) in HTML `<img>` and in `matimage uri`;
 * Blackboard and others write paths relative to the QTI file. Each is looked for beside the QTI
 * file, at the package root, under `web_resources/`, and last as the one package file whose path
 * ends with it; a file found is stored with the question under `media/<name>`.
 */
import path from 'node:path';
import { QuestionMedia } from './moodle-common.ts';

/** The Common Cartridge file-base token, written plainly or URL-encoded. */
const FILEBASE = /^(?:\$IMS-CC-FILEBASE\$|%24IMS-CC-FILEBASE%24)\/?/i;

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** The package path a reference of `file` may name, most likely first. */
export function packagePathsOf(src: string, file: string | undefined): string[] {
  const bare = safeDecode(src.replace(FILEBASE, '').split(/[?#]/)[0]!).replace(/^\.\//, '');
  if (!bare || /^[a-z][a-z0-9+.-]*:/i.test(bare) || bare.startsWith('/')) return [];
  const beside = file ? path.posix.normalize(path.posix.join(path.posix.dirname(file), bare)) : bare;
  return [
    ...new Set([beside, path.posix.normalize(bare), `web_resources/${path.posix.normalize(bare)}`]),
  ].filter((p) => !p.startsWith('../'));
}

/** QuestionMedia that also finds files of the package the QTI 1.2 file came in. */
export class PackageMedia extends QuestionMedia {
  constructor(
    private readonly packageFiles: ReadonlyMap<string, Uint8Array> | undefined,
    private readonly file: string | undefined,
  ) {
    super();
  }

  override resolve(src: string): { href: string; contentType: string } | 'missing' {
    const files = this.packageFiles;
    if (files && !/^(data:|https?:|@@PLUGINFILE@@)/i.test(src)) {
      const candidates = packagePathsOf(src, this.file);
      let found = candidates.find((p) => files.has(p));
      if (!found && candidates.length) {
        const tail = `/${candidates[1]}`;
        const ending = [...files.keys()].filter((k) => k.endsWith(tail));
        if (ending.length === 1) found = ending[0];
      }
      if (found) return this.add(path.posix.basename(found), files.get(found)!);
    }
    return super.resolve(src);
  }
}
