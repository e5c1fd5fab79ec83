/** `npm run qti -- score <item.xml> --responses '<json>'`: scores one item and prints its outcome variables as JSON. */
import { readFile } from 'node:fs/promises';
import { compileItem } from '../../grading/index.ts';
import { parseItemXml } from '../../item-bank/index.ts';

export const summary = 'score an item: outcome variables for the given responses (JSON)';

const HELP = `Usage: npm run qti -- score <item.xml> --responses '<json>' [--seed N]

Responses JSON maps response identifier -> value:
  identifier and string responses as strings      {"RESPONSE": "ChoiceA"}
  integer and float as numbers                    {"RESPONSE": 42.5}
  pair / directedPair / point as "A B"            {"RESPONSE": "A B"}
  multiple and ordered as arrays                  {"RESPONSE": ["A", "C"]}
  record as an object of fields                   {"RESPONSE": {"x": 1}}
  NULL (no answer) as null                        {"RESPONSE": null}
Prints {"OUTCOME": value, ...} in the same forms. --seed fixes random expressions.`;

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.length === 0) {
    console.log(HELP);
    return args.length === 0 ? 1 : 0;
  }
  const file = args[0]!;
  const responsesAt = args.indexOf('--responses');
  const seedAt = args.indexOf('--seed');
  let responses: Record<string, unknown>;
  try {
    responses =
      responsesAt >= 0 ? (JSON.parse(args[responsesAt + 1] ?? '{}') as Record<string, unknown>) : {};
  } catch (error) {
    console.error(`--responses is not valid JSON: ${(error as Error).message}`);
    return 1;
  }
  const { item, problems } = parseItemXml(await readFile(file, 'utf8'), file);
  if (!item) {
    for (const p of problems) console.error(`${p.file}:${p.line}:${p.column} ${p.severity}: ${p.message}`);
    return 1;
  }
  try {
    const outcomes = compileItem(item).scoreJson(responses, seedAt >= 0 ? Number(args[seedAt + 1]) : 1);
    console.log(JSON.stringify(outcomes));
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}
