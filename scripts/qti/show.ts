/** `npm run qti -- show <item.xml>`: prints the parsed item model as JSON. */
import { readFile } from 'node:fs/promises';
import { parseItemXml } from '../../item-bank/index.ts';

export const summary = 'print the parsed model of a QTI item as JSON';

export async function run(args: string[]): Promise<number> {
  const file = args[0];
  if (!file || file === '--help') {
    console.log('Usage: npm run qti -- show <item.xml>');
    return file ? 0 : 1;
  }
  const { item, problems } = parseItemXml(await readFile(file, 'utf8'), file);
  console.log(JSON.stringify({ item, problems }, null, 2));
  return item && !problems.some((p) => p.severity === 'error') ? 0 : 1;
}
