/**
 * Two markers racing for the same role, made to collide for certain: on PostgreSQL a third
 * connection holds the marks table (reads still pass, inserts wait) until both requests have read
 * "no mark yet" and wait to insert; then it lets go. The loser hits the unique index on (session,
 * item, role) and must get 409 `taken`, not 500. (PGlite has one connection, so it cannot hold a
 * lock while the engine works: this file runs only with DATABASE_URL.)
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradingTables } from '../../../../../grading/index.ts';
import { connectPostgres } from '../../../../platform/db/connect-postgres.ts';
import { buildOrganisationTree, buildStaff } from '../../../support/factories.ts';
import { api, tokenFor } from '../../../support/http.ts';
import { createTestEngine, type TestEngine } from '../../../support/test-engine.ts';
import { buildEssaySitting } from '../../../support/essay-sitting.ts';

describe.runIf(Boolean(process.env.DATABASE_URL))(
  'two markers racing for the first mark (PostgreSQL)',
  () => {
    let engine: TestEngine;
    let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
    beforeAll(async () => {
      engine = await createTestEngine();
      tree = await buildOrganisationTree(engine.deps.db);
    });
    afterAll(() => engine?.dispose());

    it('gives one 201 and one 409 with refused: taken, and stores one mark', async () => {
      const essay = await buildEssaySitting(engine, tree, { students: 1 });
      const sessionId = essay.sessions[0]!.sessionId;
      const tokens = [
        await tokenFor(engine, tree.teacherA),
        await tokenFor(engine, await buildStaff(engine.deps.db, 'teacher', tree.schoolA)),
      ];
      const holder = connectPostgres(engine.databaseUrl!, { max: 1, onnotice: () => {} });
      let racing: Promise<Awaited<ReturnType<ReturnType<typeof api>['post']>>>[] = [];
      try {
        await holder.begin(async (tx) => {
          await tx`lock table marks in exclusive mode`;
          racing = tokens.map((token) =>
            api(engine).post(
              `/api/marking/sittings/${essay.sittingId}/marks`,
              { sessionId, itemRef: 'Q2', score: 2 },
              token,
            ),
          );
          for (let waited = 0; ; waited += 25) {
            const [row] = await tx<{ n: number }[]>`
            select count(*)::int as n from pg_locks where relation = 'marks'::regclass and not granted`;
            if (row!.n >= 2) break;
            if (waited > 20_000) throw new Error('the two inserts never met at the lock');
            await new Promise((resolve) => setTimeout(resolve, 25));
          }
        });
      } finally {
        await holder.end();
      }
      const results = await Promise.all(racing);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expect(loser.data.error).toMatchObject({
        id: 'conflict',
        message: 'Another marker has just given the first mark of this response.',
        details: { refused: 'taken', role: 'first' },
      });
      const stored = await engine.deps.db
        .select()
        .from(gradingTables.marks)
        .where(eq(gradingTables.marks.sessionId, sessionId));
      expect(stored.map((m) => m.role)).toEqual(['first']);
    }, 60_000);
  },
);
