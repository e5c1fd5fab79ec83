/**
 * `npm run erecords -- <status|replay> [ids...]`: the e-records outbox. `status` counts rows by
 * state (pending, blocked, delivered, dead) and lists dead and blocked rows; `replay` puts dead
 * letters (all, or the given ids) back in the queue. See engine/records/erecords-command.ts.
 */
import { parseErecordsArgs, runErecordsCommand } from '../engine/records/erecords-command.ts';

const args = process.argv.slice(2);
const parsed = parseErecordsArgs(args);
if ('exitCode' in parsed) {
  console.log(parsed.output);
  process.exit(parsed.exitCode);
}
// The engine is loaded only for a real command, so usage and refusals answer at once.
const { createEngine, loadConfig } = await import('../engine/index.ts');
const engine = await createEngine(loadConfig());
const outcome = await runErecordsCommand(engine.deps.db, args).finally(() => engine.close());
console.log(outcome.output);
process.exit(outcome.exitCode);
