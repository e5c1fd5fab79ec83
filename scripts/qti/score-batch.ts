/**
 * `npm run qti -- score-batch <cases.jsonl>`: one JSON line per case, in order: `{"item", "outcomes"}`
 * or `{"item", "error"}`. Item paths are relative to the file; a failing case never stops the batch.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { compileItem, type CompiledItem } from '../../grading/index.ts';
import { parseItemXml } from '../../item-bank/index.ts';

export const summary = 'score many cases from a JSON-lines file (the form of expected.jsonl)';

export async function run(args: string[]): Promise<number> {
  const file = args[0];
  if (!file || file === '--help') {
    console.log(
      'Usage: npm run qti -- score-batch <cases.jsonl>\nEach line: {"item": "<path>", "responses": {ID: {"baseType", "cardinality", "value"}}}',
    );
    return file ? 0 : 1;
  }
  const base = path.dirname(path.resolve(file));
  const compiled = new Map<string, CompiledItem | Error>();
  const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim());
  for (const line of lines) {
    let itemPath = '';
    try {
      const c = JSON.parse(line) as { item: string; responses?: Record<string, { value: unknown }> };
      itemPath = c.item;
      let scorer = compiled.get(c.item);
      if (!scorer) {
        try {
          const { item, problems } = parseItemXml(await readFile(path.resolve(base, c.item), 'utf8'), c.item);
          scorer = item
            ? compileItem(item)
            : new Error(problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('; '));
        } catch (error) {
          scorer = error as Error;
        }
        compiled.set(c.item, scorer);
      }
      if (scorer instanceof Error) throw scorer;
      const responses = Object.fromEntries(
        Object.entries(c.responses ?? {}).map(([id, r]) => [id, r?.value ?? null]),
      );
      console.log(JSON.stringify({ item: c.item, outcomes: scorer.scoreJson(responses) }));
    } catch (error) {
      console.log(JSON.stringify({ item: itemPath, error: (error as Error).message }));
    }
  }
  return 0;
}
