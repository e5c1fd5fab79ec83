/** Where the shared third-party QTI corpus lives (read in place, never copied into the project). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const corpusRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/corpus/qti',
);

export interface CorpusEntry {
  path: string;
  kind: string;
  version: string;
  wellFormed: boolean;
}

export function corpusIndex(): CorpusEntry[] {
  return readFileSync(path.join(corpusRoot, 'INDEX.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .map(([p, kind, version, , , , , wf]) => ({
      path: p!,
      kind: kind!,
      version: version!,
      wellFormed: wf === 'True',
    }));
}

export const readCorpusFile = (relative: string) => readFileSync(path.join(corpusRoot, relative), 'utf8');
