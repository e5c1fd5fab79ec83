/**
 * The author page's calibration routes (issue 23): POST /api/item-banks/{id}/calibration and
 * POST /api/results/sittings/{id}/calibration run the same command as `npm run calibrate`. Who may:
 * a bank's writers (admin, exam board, a teacher of the owning organisation; not a teacher of a school
 * below, who only reads it, nor a proctor); a sitting's results writers (admin, exam board). Bad input
 * is refused with the field or a code; a preview writes nothing; storing writes the unflagged (or, asked,
 * all) estimates as new parameter versions with one audit row. Data: a linear sitting of 40 candidates
 * with 8 anchored operational items and 4 pretest items (pretest-calibration-fixture.ts).
 * PGlite, or PostgreSQL when DATABASE_URL is set.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemBankTables, itemParameterHistory } from '../../../item-bank/index.ts';
import { auditLog } from '../../people/tables.ts';
import { api, tokenFor } from '../support/http.ts';
import { buildStaff } from '../support/factories.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import { buildPretestCalibrationSitting, OPERATIONAL, PRETEST } from './pretest-calibration-fixture.ts';

const CANDIDATES = 40;
let engine: TestEngine;
let fixture: Awaited<ReturnType<typeof buildPretestCalibrationSitting>>;
let tokens: Record<'admin' | 'board' | 'teacherA' | 'officeTeacher' | 'proctor', string>;
const bankPath = () => `/api/item-banks/${fixture.saved.bankId}/calibration`;
const sittingPath = () => `/api/results/sittings/${fixture.sitting.sittingId}/calibration`;
const post = (path: string, body: unknown, token?: string) => api(engine).post(path, body, token);
const calibrationAudits = () =>
  engine.deps.db.select().from(auditLog).where(eq(auditLog.action, 'items.calibrate'));
const versionsOf = async (refs: string[]) =>
  Promise.all(refs.map((r) => itemParameterHistory(engine.deps.db, fixture.saved.itemIds[r]!)));
const pretestRefs = PRETEST.map((_, k) => `P${k}`);

beforeAll(async () => {
  engine = await createTestEngine();
  fixture = await buildPretestCalibrationSitting(engine, CANDIDATES);
  const { tree } = fixture;
  const officeTeacher = await buildStaff(engine.deps.db, 'teacher', tree.office);
  tokens = {
    admin: await tokenFor(engine, tree.admin),
    board: await tokenFor(engine, tree.examBoard),
    teacherA: await tokenFor(engine, tree.teacherA),
    officeTeacher: await tokenFor(engine, officeTeacher),
    proctor: await tokenFor(engine, tree.proctorA),
  };
}, 600_000);

afterAll(async () => {
  await engine?.dispose();
});

describe('who may calibrate', () => {
  it('a bank: its writers; a teacher of a school below reads it only; a proctor never', async () => {
    expect((await post(bankPath(), {})).status).toBe(401);
    const proctor = await post(bankPath(), {}, tokens.proctor);
    expect(proctor.status).toBe(403);
    const teacherA = await post(bankPath(), {}, tokens.teacherA);
    expect(teacherA.status).toBe(403);
    expect(teacherA.data.error.details).toMatchObject({ code: 'bank_read_only' });
    for (const who of ['officeTeacher', 'board', 'admin'] as const) {
      const ok = await post(bankPath(), {}, tokens[who]);
      expect(ok.status, who).toBe(200);
      expect(ok.data).toMatchObject({
        source: 'database',
        sampleSize: CANDIDATES,
        anchors: OPERATIONAL.length,
        estimated: PRETEST.length,
        stored: 0,
        linking: { method: 'fixed', anchors: OPERATIONAL.length },
      });
    }
  });

  it('a sitting: results writers (admin, exam board); a teacher is refused by the permission', async () => {
    const teacher = await post(sittingPath(), {}, tokens.officeTeacher);
    expect(teacher.status).toBe(403);
    expect(teacher.data.error.message).toMatch(/results:write/);
    expect((await post(sittingPath(), {}, tokens.proctor)).status).toBe(403);
    const board = await post(sittingPath(), {}, tokens.board);
    expect(board.status).toBe(200);
    expect(board.data.source).toBe(`database:sitting:${fixture.sitting.sittingId}`);
    // Every item the sessions were presented, the pretest items estimated and the operational ones anchors.
    const rows = board.data.items as { identifier: string; anchor: boolean; n: number; flags: string[] }[];
    expect(rows.map((r) => r.identifier).sort()).toEqual(
      [...OPERATIONAL.map((_, k) => `O${k}`), ...pretestRefs].sort(),
    );
    for (const r of rows) {
      expect(r.anchor).toBe(r.identifier.startsWith('O'));
      expect(r.n).toBe(CANDIDATES);
    }
    // 40 responses: each estimate is flagged few_responses (the 2PL's default threshold is 200).
    for (const r of rows.filter((x) => !x.anchor)) expect(r.flags).toContain('few_responses');
  });
});

describe('bad input is refused with its reason', () => {
  it('refuses wrong models, link methods, unknown fields and thresholds, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ model: 'gpcm' }, 'model'],
      [{ poly: '2pl' }, 'poly'],
      [{ link: 'equipercentile' }, 'link'],
      [{ minResponses: 0 }, 'minResponses'],
      [{ store: 'yes' }, 'store'],
      [{ models: { P0: 'rasch2' } }, 'models.P0'],
      [{ anchors: ['O0'] }, ''],
    ];
    for (const [body, field] of cases) {
      const res = await post(bankPath(), body, tokens.board);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.data.error.message).toContain(field);
    }
  });

  it('404 for an unknown bank or sitting; 409 calibration_no_responses for a bank nobody sat', async () => {
    const missing = randomUUID();
    expect((await post(`/api/item-banks/${missing}/calibration`, {}, tokens.board)).status).toBe(404);
    expect((await post(`/api/results/sittings/${missing}/calibration`, {}, tokens.board)).status).toBe(404);
    const [empty] = await engine.deps.db
      .insert(itemBankTables.itemBanks)
      .values({ name: `Empty ${missing.slice(0, 6)}`, organisationId: fixture.tree.office.id })
      .returning();
    const none = await post(`/api/item-banks/${empty!.id}/calibration`, {}, tokens.board);
    expect(none.status).toBe(409);
    expect(none.data.error).toMatchObject({ id: 'calibration_no_responses' });
  });
});

describe('preview and store', () => {
  it('a preview writes nothing; storing writes the chosen estimates and one audit row, in one go', async () => {
    const before = await calibrationAudits();
    const preview = await post(bankPath(), { model: '2pl' }, tokens.board);
    expect(preview.status).toBe(200);
    expect((await versionsOf(pretestRefs)).every((h) => h.length === 0)).toBe(true);
    expect(await calibrationAudits()).toHaveLength(before.length);

    // Without includeFlagged, flagged estimates are not stored (all four are flagged at 40 responses).
    const unflagged = await post(bankPath(), { store: true }, tokens.board);
    expect(unflagged.status).toBe(200);
    expect(unflagged.data.stored).toBe(0);

    const stored = await post(bankPath(), { store: true, includeFlagged: true }, tokens.officeTeacher);
    expect(stored.status).toBe(200);
    expect(stored.data.stored).toBe(PRETEST.length);
    // The same estimates the preview showed (the run is deterministic).
    const bOf = (data: typeof preview.data) =>
      Object.fromEntries(
        (data.items as { identifier: string; params: { b: number } }[]).map((i) => [
          i.identifier,
          i.params.b,
        ]),
      );
    expect(bOf(stored.data)).toEqual(bOf(preview.data));
    const histories = await versionsOf(pretestRefs);
    for (const [k, h] of histories.entries()) {
      expect(h).toHaveLength(1);
      expect(h[0]).toMatchObject({ version: 1, source: 'database', sampleSize: CANDIDATES });
      expect(h[0]!.flags).toContain('few_responses');
      const row = (stored.data.items as { identifier: string; storedVersion: number | null }[]).find(
        (i) => i.identifier === `P${k}`,
      );
      expect(row!.storedVersion).toBe(1);
    }
    // Anchors are never re-stored.
    expect((await versionsOf(OPERATIONAL.map((_, k) => `O${k}`))).every((h) => h.length === 1)).toBe(true);
    const audits = await calibrationAudits();
    expect(audits).toHaveLength(before.length + 2);
    const last = audits.sort((a, b) => a.seq - b.seq).at(-1)!;
    expect(last).toMatchObject({ subjectType: 'item_bank', subjectId: fixture.saved.bankId });
    expect(last.details).toMatchObject({ via: 'page', source: 'database', sampleSize: CANDIDATES });
    expect((last.details as { stored: unknown[] }).stored).toHaveLength(PRETEST.length);

    // Stored items are anchors from now on: a fixed-anchor run holds all twelve.
    const held = await post(sittingPath(), {}, tokens.board);
    expect(held.data).toMatchObject({ estimated: 0, anchors: OPERATIONAL.length + PRETEST.length });
    // Without linking every item is estimated again, and storing adds a version (the item itself unchanged).
    const again = await post(
      sittingPath(),
      { link: 'none', store: true, includeFlagged: true },
      tokens.board,
    );
    expect(again.status).toBe(200);
    expect(again.data).toMatchObject({
      stored: OPERATIONAL.length + PRETEST.length,
      linking: { method: 'none' },
    });
    const now = await versionsOf(pretestRefs);
    expect(now.map((h) => h.map((v) => v.version))).toEqual(pretestRefs.map(() => [2, 1]));
    expect(now[0]![0]!.source).toBe(`database:sitting:${fixture.sitting.sittingId}`);
    // Five estimations in one case: on CI's loaded machine this took more than 30 s.
  }, 180_000);
});

describe('recalibrating stored items without link: none', () => {
  it('fixed linking refuses; Stocking–Lord re-estimates every item through the stored ones and stores them', async () => {
    const fixed = await post(sittingPath(), { recalibrate: true }, tokens.board);
    expect(fixed.status).toBe(400);
    expect(fixed.data.error.details).toMatchObject({ code: 'calibration_recalibrate_fixed' });

    const before = await versionsOf(['O0', ...pretestRefs]);
    const audits = (await calibrationAudits()).length;
    const res = await post(
      sittingPath(),
      { link: 'stocking-lord', recalibrate: true, store: true, includeFlagged: true },
      tokens.board,
    );
    expect(res.status).toBe(200);
    const all = OPERATIONAL.length + PRETEST.length;
    expect(res.data).toMatchObject({
      anchors: all,
      estimated: all,
      stored: all,
      linking: { method: 'stocking-lord', anchors: all, recalibrated: true },
    });
    // Fresh estimates on the bank's scale: the operational items come back near their stored b.
    const rows = res.data.items as { identifier: string; params: { b: number }; storedVersion: number }[];
    for (const [k, p] of OPERATIONAL.entries()) {
      const row = rows.find((r) => r.identifier === `O${k}`)!;
      expect(row.params.b).not.toBe(p.b);
      expect(Math.abs(row.params.b - p.b), `O${k}`).toBeLessThan(1);
    }
    // One more version for each item, with the linking that placed it.
    const after = await versionsOf(['O0', ...pretestRefs]);
    for (const [i, h] of after.entries()) {
      expect(h).toHaveLength(before[i]!.length + 1);
      expect(h[0]!.linking).toMatchObject({ method: 'stocking-lord', recalibrated: true });
    }
    const list = (await calibrationAudits()).sort((a, b) => a.seq - b.seq);
    expect(list).toHaveLength(audits + 1);
    expect(list.at(-1)!.details).toMatchObject({ recalibrated: true, linking: { method: 'stocking-lord' } });
  }, 180_000);
});
