/** The shared QTI corpus, read in place. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const corpusRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/corpus/qti',
);
