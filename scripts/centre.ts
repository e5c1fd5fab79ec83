/**
 * `npm run centre -- <seal|verify|room-code|register|import|open|sync> ...`: sealed sitting packages
 * for test centres, their room codes and centre credentials (central), and on a centre node
 * (CENTRE_MODE) importing and opening packages and pushing the result log (issue 22). See
 * engine/centres/centre-cli.ts for the commands.
 */
import { parseCentreArgs, runCentreCommand } from '../engine/centres/centre-cli.ts';

const parsed = parseCentreArgs(process.argv.slice(2));
if ('exitCode' in parsed) {
  console.log(parsed.output);
  process.exit(parsed.exitCode);
}
// The engine is loaded only for a real command, so usage and command-line mistakes answer at once.
const { createEngine, loadConfig } = await import('../engine/index.ts');
const config = loadConfig();
const engine = await createEngine(config);
const outcome = await runCentreCommand(
  engine.deps.db,
  { keySecret: config.auditKey },
  parsed,
  engine.centre,
).finally(() => engine.close());
(outcome.exitCode ? console.error : console.log)(outcome.output);
process.exit(outcome.exitCode);
