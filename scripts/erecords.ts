/**
 * `npm run erecords -- <status|replay> [ids...]`: the e-records outbox. `status` counts rows by
 * state and lists dead letters; `replay` puts dead letters (all, or the given ids) back in the queue.
 */
import { sql } from 'drizzle-orm';
import { createEngine, loadConfig } from '../engine/index.ts';
import { rowsOf } from '../engine/audit/audit-log.ts';
import { replayDeadLetters } from '../engine/records/erecords-deliverer.ts';

const [command = 'status', ...rest] = process.argv.slice(2);
if (command === '--help' || !['status', 'replay'].includes(command)) {
  console.log('Usage: npm run erecords -- status | replay [outbox ids...]');
  process.exit(command === '--help' ? 0 : 1);
}
const engine = await createEngine(loadConfig());
try {
  if (command === 'replay') {
    const ids = rest.map(Number).filter(Number.isInteger);
    console.log(
      `${await replayDeadLetters(engine.deps.db, ids.length ? ids : undefined)} dead letter(s) queued again.`,
    );
  } else {
    const counts = await engine.deps.db.execute(
      sql`select status, count(*)::int as n from erecords_outbox group by status order by status`,
    );
    const dead = await engine.deps.db.execute(
      sql`select id, idempotency_key, attempts, last_error from erecords_outbox where status = 'dead' order by id limit 50`,
    );
    console.log(JSON.stringify({ counts: rowsOf(counts), dead: rowsOf(dead) }, null, 2));
  }
} finally {
  await engine.close();
}
