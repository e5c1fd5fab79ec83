/**
 * `npm run qti -- <command> ...`: the QTI command line. Each command lives in
 * `scripts/qti/<command>.ts` and exports `run(args: string[]): Promise<number>` (the exit code)
 * and `summary` (one line for the help text).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface QtiCommand {
  summary: string;
  run(args: string[]): Promise<number>;
}

const commandsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'qti');

async function loadCommand(name: string): Promise<QtiCommand | undefined> {
  if (!/^[a-z][a-z-]*$/.test(name)) return undefined;
  const file = path.join(commandsDir, `${name}.ts`);
  try {
    return (await import(pathToFileURL(file).href)) as QtiCommand;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

async function printHelp(): Promise<void> {
  const names = (await readdir(commandsDir))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
  const lines = ['Usage: npm run qti -- <command> [options]', '', 'Commands:'];
  for (const name of names) {
    const command = await loadCommand(name);
    if (command) lines.push(`  ${name.padEnd(12)} ${command.summary}`);
  }
  lines.push('', 'Run `npm run qti -- <command> --help` for the options of one command.');
  console.log(lines.join('\n'));
}

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    await printHelp();
    return name ? 0 : 1;
  }
  const command = await loadCommand(name);
  if (!command) {
    console.error(`Unknown command "${name}".`);
    await printHelp();
    return 1;
  }
  return command.run(args);
}

process.exitCode = await main();
