/**
 * The `npm run erecords` command, apart from process start-up so tests can run it on their own
 * database: `status` counts outbox rows (pending, blocked, delivered, dead) and lists dead and
 * blocked rows; `replay [ids...]` puts dead letters (all, or the given ids) back in the queue.
 */
import type { Database } from '../platform/db/database.ts';
import { replayDeadLetters } from './erecords-deliverer.ts';
import { outboxStatus } from './outbox-status.ts';

export const ERECORDS_USAGE = [
  'Usage: npm run erecords -- status [--json] | replay [outbox ids...]',
  '  status   rows by state: pending, blocked (behind a dead letter of the same student), delivered, dead',
  '  replay   queue dead letters again (all, or the given ids); blocked rows follow them in order',
].join('\n');

export interface CommandOutcome {
  exitCode: number;
  output: string;
}

/** Whether the arguments name a command at all (checked before opening the database). */
export function parseErecordsArgs(
  args: string[],
): { command: 'status' | 'replay'; rest: string[] } | CommandOutcome {
  const [command = 'status', ...rest] = args;
  if (command === '--help' || command === '-h') return { exitCode: 0, output: ERECORDS_USAGE };
  if (command !== 'status' && command !== 'replay')
    return { exitCode: 1, output: `Unknown command "${command}".\n${ERECORDS_USAGE}` };
  const bad =
    command === 'replay' ? rest.filter((a) => !/^[1-9]\d*$/.test(a)) : rest.filter((a) => a !== '--json');
  if (bad.length)
    return {
      exitCode: 1,
      output: `Not ${command === 'replay' ? 'an outbox id' : 'an option'}: ${bad.join(', ')}\n${ERECORDS_USAGE}`,
    };
  return { command, rest };
}

export async function runErecordsCommand(db: Database, args: string[]): Promise<CommandOutcome> {
  const parsed = parseErecordsArgs(args);
  if ('exitCode' in parsed) return parsed;
  if (parsed.command === 'replay') {
    const asked = parsed.rest.map(Number);
    const queued = await replayDeadLetters(db, asked.length ? asked : undefined);
    const missed = asked.filter((id) => !queued.includes(id));
    const lines = [
      queued.length
        ? `Queued ${queued.length} dead letter(s) again: ${queued.map((id) => `#${id}`).join(', ')}.`
        : 'No dead letters to queue.',
    ];
    if (missed.length)
      lines.push(`Not dead letters, left as they are: ${missed.map((id) => `#${id}`).join(', ')}.`);
    return { exitCode: missed.length ? 1 : 0, output: lines.join('\n') };
  }
  const status = await outboxStatus(db);
  if (parsed.rest.includes('--json')) return { exitCode: 0, output: JSON.stringify(status, null, 2) };
  const { counts } = status;
  const lines = [
    `pending ${counts.pending}, blocked ${counts.blocked}, delivered ${counts.delivered}, dead ${counts.dead}`,
    ...status.dead.map(
      (d) =>
        `dead    #${d.id} ${d.idempotencyKey} after ${d.attempts} tries: ${d.lastError ?? 'no error recorded'}`,
    ),
    ...status.blocked.map(
      (b) => `blocked #${b.id} ${b.idempotencyKey} waits for dead letter #${b.blockedBy}`,
    ),
  ];
  return { exitCode: 0, output: lines.join('\n') };
}
