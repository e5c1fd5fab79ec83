import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemBankTables, loadDemoBank, plainText, saveItemVersion } from '../../item-bank/index.ts';
import { sessionResults } from '../delivery/tables.ts';
import { buildOrganisationTree } from './support/factories.ts';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';
import {
  buildSitting,
  checkInCandidate,
  connectCandidate,
  request,
  type CandidateClient,
} from './support/delivery-fixtures.ts';

// The demo bank's Python task: two visible tests and three hidden ones ("Số âm", "Không có số chẵn", "Danh sách dài").
const demo = loadDemoBank().find((d) => d.item.codeTasks?.length)!;
const HIDDEN = ['Số âm', 'Không có số chẵn', 'Danh sách dài'];
const SANDBOX_WAIT_MS = 120_000;
const RIGHT = 'def tong_chan(ds):\n    return sum(x for x in ds if x % 2 == 0)\n';
// Hard-codes the visible examples: passes them and the hidden "no even number" case (0), fails the rest.
const ALMOST = 'def tong_chan(ds):\n    return 6 if ds == [1, 2, 3, 4] else 0\n';

// Returns 0 whatever the list: right only where the answer is 0.
const WRONG = 'def tong_chan(ds):\n    return 0\n';
/** Rewrites every harness function it finds in its callers' frames, the builtins and unittest's asserts. */
const PLANTING = `
import sys, builtins, unittest

def _code_returning(target, value):
    fv = target.__code__.co_freevars
    src = "def mk():\\n" + "".join("    %s = None\\n" % n for n in fv) + "    def g(*a, **k):\\n"
    src += "".join("        %s\\n" % n for n in fv) + "        return %r\\n    return g\\n" % (value,)
    ns = {}
    exec(src, ns)
    return ns["mk"]().__code__

def _plant():
    forged = {"enc": "6", "load_module": None, "unittest_run": '{"s":"pass"}', "classify": '{"s":"pass"}'}
    try:
        f = sys._getframe(1)
    except BaseException:
        f = None
    while f is not None:
        try:
            names = dict(f.f_globals)
            names.update(f.f_locals)
        except BaseException:
            names = {}
        for name, v in names.items():
            if name in forged and hasattr(v, "__code__"):
                try:
                    v.__code__ = _code_returning(v, forged[name])
                except BaseException:
                    pass
        f = f.f_back
    for n in dir(unittest.TestCase):
        if n.startswith(("assert", "fail")):
            try:
                setattr(unittest.TestCase, n, lambda *a, **k: None)
            except BaseException:
                pass
    builtins.sum = lambda *a, **k: 6

_plant()

def tong_chan(ds):
    _plant()
    return 0
`;

let engine: TestEngine;
let port: number;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
const sockets: CandidateClient[] = [];

beforeAll(async () => {
  engine = await createTestEngine();
  port = await engine.listen(0, '127.0.0.1');
  tree = await buildOrganisationTree(engine.deps.db);
}, 120_000);
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await engine?.dispose();
});

async function codeSitting(students: number) {
  const [bank] = await engine.deps.db
    .insert(itemBankTables.itemBanks)
    .values({ name: `Tin học ${randomUUID().slice(0, 6)}`, organisationId: tree.office.id })
    .returning();
  const saved = await engine.deps.db.transaction((tx) =>
    saveItemVersion(tx, bank!.id, {
      identifier: demo.item.identifier,
      title: demo.item.title,
      sourceFormat: 'qti3.0',
      qtiXml: demo.xml,
      model: demo.item,
      text: plainText([demo.item.body]),
      interactionTypes: ['customInteraction'],
    }),
  );
  return buildSitting(engine, tree, [saved.itemId], { students });
}

async function open(accessCode: string, candidate: { candidateNumber: string; dateOfBirth: string }) {
  const { sessionToken, sessionId } = await checkInCandidate(engine, accessCode, candidate);
  const socket = await connectCandidate(port, sessionToken, { deviceId: candidate.candidateNumber });
  sockets.push(socket);
  const started = (await request(socket, 'session:start', {})) as {
    snapshot: { form: Array<{ itemRef: string }> };
  };
  return { socket, sessionId, itemRef: started.snapshot.form[0]!.itemRef };
}

describe('code tasks in a sitting', () => {
  it('runs the visible tests for the candidate without naming a hidden one, and grades the submission on all tests in the sandbox', async () => {
    const s = await codeSitting(2);
    const right = await open(s.accessCode, s.candidates[0]!);
    const almost = await open(s.accessCode, s.candidates[1]!);

    // The first run starts the Python sandbox (a cold Pyodide: seconds, more on a loaded machine).
    const run = (await request(
      almost.socket,
      'code:run',
      { itemRef: almost.itemRef, responseIdentifier: 'RESPONSE', code: ALMOST },
      SANDBOX_WAIT_MS,
    )) as { ok: boolean; tests: Array<{ name: string; verdict: string }> };
    expect(run.ok).toBe(true);
    expect(run.tests.map((t) => [t.name, t.verdict])).toEqual([
      ['Ví dụ trong đề', 'passed'],
      ['Danh sách rỗng', 'passed'],
    ]);
    expect(JSON.stringify(run)).not.toMatch(new RegExp(HIDDEN.join('|')));

    const broken = (await request(
      right.socket,
      'code:run',
      { itemRef: right.itemRef, responseIdentifier: 'RESPONSE', code: 'def tong_chan(ds)\n    return 0\n' },
      SANDBOX_WAIT_MS,
    )) as { ok: boolean; notGradable: boolean };
    expect(broken).toMatchObject({ ok: true, notGradable: true });

    for (const [c, code] of [
      [right, RIGHT],
      [almost, ALMOST],
    ] as const) {
      await request(c.socket, 'response:save', { itemRef: c.itemRef, seq: 1, responses: { RESPONSE: code } });
      expect(await request(c.socket, 'submit', { confirm: true })).toMatchObject({ ok: true });
    }
    await engine.scoring.idle();
    const resultOf = async (sessionId: string) =>
      (await engine.deps.db.select().from(sessionResults).where(eq(sessionResults.sessionId, sessionId)))[0]!;
    const good = await resultOf(right.sessionId);
    expect({ ...good, outcomes: undefined }).toMatchObject({ status: 'final', rawScore: 1, maxScore: 1 });
    const partial = await resultOf(almost.sessionId);
    // Weights 1+1 visible, 2+1+2 hidden, scaled to maxScore 1: 1+1+1 of 7 pass.
    expect(partial.rawScore).toBeCloseTo(3 / 7, 5);
    const tests = (partial.outcomes as Record<string, { outcomes: Record<string, { tests: unknown[] }> }>)[
      almost.itemRef
    ]!.outcomes.CODE_RESPONSE!.tests;
    expect(tests).toHaveLength(5);
  }, 180_000);

  it('refuses "run visible tests" for an item outside the form and beyond the per-session rate', async () => {
    const s = await codeSitting(1);
    const c = await open(s.accessCode, s.candidates[0]!);
    expect(
      await request(c.socket, 'code:run', { itemRef: 'NOPE', responseIdentifier: 'RESPONSE', code: RIGHT }),
    ).toMatchObject({ ok: false, error: { id: 'unknown_item' } });
    const runs = [];
    for (let i = 0; i < 4; i++)
      runs.push(
        await request(
          c.socket,
          'code:run',
          { itemRef: c.itemRef, responseIdentifier: 'RESPONSE', code: RIGHT },
          SANDBOX_WAIT_MS,
        ),
      );
    expect(runs.slice(0, 3).every((r) => (r as { ok: boolean }).ok)).toBe(true);
    expect(runs[3]).toMatchObject({ ok: false, error: { id: 'rate_limited' } });
  }, 120_000);

  it("one candidate's code cannot decide another's grade: A plants through run and submit, B's wrong code scores 0", async () => {
    const s = await codeSitting(3);
    const [a, b, c] = [
      await open(s.accessCode, s.candidates[0]!),
      await open(s.accessCode, s.candidates[1]!),
      await open(s.accessCode, s.candidates[2]!),
    ];
    // A's run and A's submission rewrite every harness function they can reach (the code object, so
    // identity checks cannot see it), the builtins and unittest's asserts, at import and on every call.
    const planted = await request(
      a.socket,
      'code:run',
      { itemRef: a.itemRef, responseIdentifier: 'RESPONSE', code: PLANTING },
      SANDBOX_WAIT_MS,
    );
    expect(planted).toMatchObject({ ok: true });
    await request(a.socket, 'response:save', {
      itemRef: a.itemRef,
      seq: 1,
      responses: { RESPONSE: PLANTING },
    });
    expect(await request(a.socket, 'submit', { confirm: true })).toMatchObject({ ok: true });
    await engine.scoring.idle();
    // Then B (wrong) and C (right) run and submit, in the same sandbox pool.
    const wrongRun = (await request(
      b.socket,
      'code:run',
      { itemRef: b.itemRef, responseIdentifier: 'RESPONSE', code: WRONG },
      SANDBOX_WAIT_MS,
    )) as { ok: boolean; tests: Array<{ verdict: string }> };
    expect(wrongRun.tests.map((t) => t.verdict)).toEqual(['wrong_answer', 'passed']);
    for (const [candidate, code] of [
      [b, WRONG],
      [c, RIGHT],
    ] as const) {
      await request(candidate.socket, 'response:save', {
        itemRef: candidate.itemRef,
        seq: 1,
        responses: { RESPONSE: code },
      });
      expect(await request(candidate.socket, 'submit', { confirm: true })).toMatchObject({ ok: true });
    }
    await engine.scoring.idle();
    const scoreOf = async (sessionId: string) =>
      (await engine.deps.db.select().from(sessionResults).where(eq(sessionResults.sessionId, sessionId)))[0]!
        .rawScore;
    // WRONG returns 0 for every list: it passes only the tests whose answer is 0 (the empty list, no even number).
    expect(await scoreOf(b.sessionId)).toBeCloseTo(2 / 7, 5);
    expect(await scoreOf(c.sessionId)).toBe(1);
    expect(await scoreOf(a.sessionId)).toBeLessThan(1);
  }, 240_000);
});
