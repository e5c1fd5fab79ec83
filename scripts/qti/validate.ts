/** `npm run qti -- validate <file|dir>`: checks QTI items; prints every problem with file, line and column; exit 1 when any error. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseItemXml } from '../../item-bank/index.ts';

export const summary = 'validate QTI item files or a folder of them (exit 1 with the report when invalid)';

async function xmlFiles(target: string): Promise<string[]> {
  if (!(await stat(target)).isDirectory()) return [target];
  const entries = await readdir(target, { recursive: true });
  return entries
    .filter((e) => e.endsWith('.xml') && !e.endsWith('imsmanifest.xml'))
    .map((e) => path.join(target, e));
}

export async function run(args: string[]): Promise<number> {
  const target = args[0];
  if (!target || target === '--help') {
    console.log('Usage: npm run qti -- validate <item.xml | folder>');
    return target ? 0 : 1;
  }
  let errors = 0;
  let files = 0;
  for (const file of await xmlFiles(target)) {
    const xml = await readFile(file, 'utf8');
    if (!/assessmentItem|qti-assessment-item/.test(xml)) continue;
    files++;
    for (const p of parseItemXml(xml, file).problems) {
      if (p.severity === 'error') errors++;
      console.log(`${p.file}:${p.line}:${p.column} ${p.severity} ${p.code}: ${p.message}`);
    }
  }
  console.log(`${files} item(s) checked, ${errors} error(s).`);
  return errors ? 1 : 0;
}
