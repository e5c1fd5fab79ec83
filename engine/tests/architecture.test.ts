/**
 * The shape ARCHITECTURE.md asks of engine/ ("Inside engine/"), checked on the source:
 * - route and socket adapters hold no transaction and write no audit row: they parse, authorize,
 *   call a command or a query and shape the reply;
 * - every command (a file in a capability's `commands/`) runs its writes in a transaction that
 *   also appends its audit row.
 * Import direction is checked by eslint (eslint.config.js, `engineCapabilityRules`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const engineDir = path.resolve(import.meta.dirname, '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'tests' || entry.name === 'migrations' ? [] : filesUnder(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const relative = (file: string) => path.relative(engineDir, file);
const capabilityFiles = filesUnder(engineDir).filter((f) => relative(f).includes(path.sep));
const isAdapter = (file: string) => {
  const rel = relative(file).split(path.sep);
  const name = rel.at(-1)!;
  return (
    rel.includes('routes') || name === 'routes.ts' || name.endsWith('-routes.ts') || name === 'socket.ts'
  );
};
const isCommand = (file: string) => relative(file).split(path.sep).at(-2) === 'commands';

describe('engine/ by capability', () => {
  const adapters = capabilityFiles.filter(isAdapter);
  const commands = capabilityFiles.filter(isCommand);

  it('finds the adapters and commands it checks', () => {
    expect(adapters.length).toBeGreaterThan(20);
    expect(commands.length).toBeGreaterThan(3);
  });

  it('no route or socket adapter opens a transaction or writes an audit row', () => {
    const offenders = adapters
      .filter((file) => /\.transaction\(|appendAudit\(/.test(readFileSync(file, 'utf8')))
      .map(relative);
    expect(offenders).toEqual([]);
  });

  it('every write command runs in a transaction that appends its audit row', () => {
    const missing = commands
      .filter((file) => {
        const source = readFileSync(file, 'utf8');
        return !/\.transaction\(/.test(source) || !/appendAudit\(/.test(source);
      })
      .map(relative);
    expect(missing).toEqual([]);
  });
});
