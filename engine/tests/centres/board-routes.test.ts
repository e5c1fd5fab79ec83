/**
 * The exam board's view of its test centres over HTTP (issue 22): the centre list with its status
 * (package sealed, key released online and room codes issued, the result log received and whether it
 * is whole, the last refused import), a room code issued for a centre's room, the USB log file a real
 * centre node exported uploaded through the same import as the sync and the CLI (tampered, foreign
 * and malformed files refused by their ids, nothing changed; the file twice: nothing new), and the
 * per-centre reconciliation of the package's roster: who opened, saved, submitted and was scored.
 * Who may: admin and exam board; a teacher and a proctor get 403; another organisation's centre is 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_FILE_FORMAT, type LogFile } from '../../centres/log-file.ts';
import type { LogEntry } from '../../centres/result-log.ts';
import { parseRoomCode } from '../../centres/room-code.ts';
import { buildQtiItems, buildSitting } from '../support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../support/factories.ts';
import { api, tokenFor } from '../support/http.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';
import { registerTestCentre, runSittingAtCentre, type CentreRun } from './support/centre-run.ts';

const PLAN = ['submits', 'answers', 'absent', 'submits'] as const;
let central: TestEngine;
let centralUrl: string;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;
let other: Awaited<ReturnType<typeof buildOrganisationTree>>;
let sitting: Awaited<ReturnType<typeof buildSitting>>;
let items: string[];
let centreId: string;
let centreName: string;
let board: string;
let run: CentreRun | undefined;

beforeAll(async () => {
  central = await createTestEngine();
  centralUrl = `http://127.0.0.1:${await central.listen(0, '127.0.0.1')}`;
  tree = await buildOrganisationTree(central.deps.db);
  other = await buildOrganisationTree(central.deps.db);
  items = await buildQtiItems(central, tree, 5);
  sitting = await buildSitting(central, tree, items, { students: PLAN.length });
  const registered = await registerTestCentre(central, tree.schoolA.id);
  centreId = registered.credential.centreId;
  centreName = registered.name;
  board = await tokenFor(central, tree.examBoard);
  // Sealed over HTTP, as the page does; the centre node runs the sitting from that very file.
  const sealed = await central.app.request('/api/centres/packages', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${board}` },
    body: JSON.stringify({ sittingId: sitting.sittingId, centreIds: [centreId] }),
  });
  if (sealed.status !== 200) throw new Error(await sealed.text());
  run = await runSittingAtCentre({
    centralUrl,
    credentialFile: registered.credentialFile,
    packageFile: Buffer.from(await sealed.arrayBuffer()),
    accessCode: sitting.accessCode,
    candidates: sitting.candidates,
    plan: [...PLAN],
  });
}, 180_000);
afterAll(async () => {
  await run?.close();
  await central?.dispose();
});

type Status = {
  items: Array<{
    id: string;
    name: string;
    sittings: Array<{
      sittingId: string;
      packages: Array<{ packageId: string; rooms: Array<{ name: string }> }>;
      key: { onlineAt: string | null; roomCodes: Array<{ roomName: string }> };
      log: { entries: number; headSeq: number; verified: boolean; deferredWaiting: number } | null;
      lastRefusal: { error: string; via: string } | null;
    }>;
  }>;
};
const statusOf = async (token = board) => {
  const res = await api(central).get('/api/centres', token);
  expect(res.status).toBe(200);
  const centre = (res.data as Status).items.find((c) => c.id === centreId);
  return { centre, sitting: centre?.sittings.find((s) => s.sittingId === sitting.sittingId) };
};
const upload = (body: string, token = board, id = centreId) =>
  central.app.request(`/api/centres/${id}/log-file`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
    body,
  });

describe('the exam board’s centres over HTTP', () => {
  it('lists the centre with its sealed package and the key the centre fetched online; no log yet', async () => {
    const { centre, sitting: s } = await statusOf();
    expect(centre).toMatchObject({ name: centreName });
    expect(s!.packages).toHaveLength(1);
    expect(s!.packages[0]!.rooms.map((r) => r.name)).toEqual(['Phòng 01']);
    expect(s!.key.onlineAt).not.toBeNull();
    expect(s!.key.roomCodes).toEqual([]);
    expect(s!.log).toBeNull();
    // The admin sees it too; another organisation's exam board does not.
    expect((await statusOf(await tokenFor(central, tree.admin))).centre).toBeDefined();
    expect((await statusOf(await tokenFor(central, other.examBoard))).centre).toBeUndefined();
  });

  it('refuses a teacher and a proctor (403) and hides the centre from another organisation (404)', async () => {
    const teacher = await tokenFor(central, tree.teacherA);
    const proctor = await tokenFor(central, tree.proctorA);
    const outsider = await tokenFor(central, other.examBoard);
    const report = `/api/centres/${centreId}/reconciliation?sittingId=${sitting.sittingId}`;
    for (const token of [teacher, proctor]) {
      expect((await api(central).get('/api/centres', token)).status).toBe(403);
      expect((await api(central).get(report, token)).status).toBe(403);
      expect((await upload(run!.logText, token)).status).toBe(403);
      const code = await api(central).post(
        `/api/centres/${centreId}/room-codes`,
        { sittingId: sitting.sittingId, roomId: sitting.roomId },
        token,
      );
      expect(code.status).toBe(403);
    }
    expect((await api(central).get(report, outsider)).status).toBe(404);
    expect((await upload(run!.logText, outsider)).status).toBe(404);
    const code = await api(central).post(
      `/api/centres/${centreId}/room-codes`,
      { sittingId: sitting.sittingId, roomId: sitting.roomId },
      outsider,
    );
    expect(code.status).toBe(404);
    // Nothing was imported by the refused uploads.
    expect((await statusOf()).sitting!.log).toBeNull();
  });

  it('issues a room code for the centre’s room (its check symbol valid) and lists it', async () => {
    const res = await api(central).post(
      `/api/centres/${centreId}/room-codes`,
      { sittingId: sitting.sittingId, roomId: sitting.roomId },
      board,
    );
    expect(res.status).toBe(200);
    const { code, roomName } = res.data as { code: string; roomName: string };
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}-[0-9A-HJKMNP-TV-Z*~$=U]$/);
    expect(() => parseRoomCode(code)).not.toThrow();
    expect(roomName).toBe('Phòng 01');
    expect((await statusOf()).sitting!.key.roomCodes.map((r) => r.roomName)).toEqual(['Phòng 01']);
    // A room of a sitting with no package for this centre is refused.
    const unsealed = await buildSitting(central, tree, items.slice(0, 1), { students: 1 });
    const refused = await api(central).post(
      `/api/centres/${centreId}/room-codes`,
      { sittingId: unsealed.sittingId, roomId: unsealed.roomId },
      board,
    );
    expect(refused).toMatchObject({ status: 403, data: { error: { id: 'package_wrong_centre' } } });
  });

  it('refuses a tampered, a foreign-centre and a malformed file by id, importing nothing', async () => {
    const file = JSON.parse(run!.logText) as LogFile;
    const entries = file.entries as LogEntry[];
    const saveAt = entries.findIndex((e) => e.kind === 'save');
    const tampered = await upload(
      JSON.stringify({
        ...file,
        entries: entries.map((e, i) =>
          i === saveAt ? { ...e, payload: { ...e.payload, value: { RESPONSE: 'A' } } } : e,
        ),
      }),
    );
    expect(tampered.status).toBe(422);
    expect(((await tampered.json()) as { error: { id: string } }).error.id).toBe('log_entry_tampered');
    // The stick of this centre uploaded as another centre's.
    const otherCentre = await registerTestCentre(central, tree.schoolA.id, 'Điểm thi khác');
    const foreign = await upload(run!.logText, board, otherCentre.credential.centreId);
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { id: string } }).error.id).toBe('log_foreign_centre');
    const malformed = await upload(run!.logText.slice(0, 300));
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { id: string } }).error.id).toBe('log_file_malformed');
    const notALog = await upload(JSON.stringify({ format: LOG_FILE_FORMAT }));
    expect(((await notALog.json()) as { error: { id: string } }).error.id).toBe('log_file_malformed');
    const { sitting: s } = await statusOf();
    expect(s!.log).toBeNull();
    expect(s!.lastRefusal).toMatchObject({ error: 'log_entry_tampered', via: 'file' });
  });

  it('imports the exported file once (the second time: nothing new) and shows the chain whole', async () => {
    const first = await upload(run!.logText);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      centreId,
      sittingId: sitting.sittingId,
      entries: run!.entries,
      imported: run!.entries,
      skipped: 0,
      head: { seq: run!.entries },
      awaitingOpen: [],
    });
    const again = await upload(run!.logText);
    expect(await again.json()).toMatchObject({ imported: 0, skipped: run!.entries });
    const { sitting: s } = await statusOf();
    expect(s!.log).toMatchObject({
      entries: run!.entries,
      headSeq: run!.entries,
      verified: true,
      deferredWaiting: 0,
    });
  });

  it('reconciles the roster: opened, saves, submits, central scores and what is missing', async () => {
    const path = `/api/centres/${centreId}/reconciliation?sittingId=${sitting.sittingId}`;
    type Report = {
      candidates: Array<{
        candidateNumber: string;
        opened: boolean;
        savesReceived: number;
        answersHeld: number;
        submitted: boolean;
        scored: boolean;
        rawScore: number | null;
      }>;
      totals: Record<string, number>;
      missing: Record<string, string[]>;
    };
    // Scoring runs after the import's commit: wait for the two submitted sessions' results.
    let report: Report | undefined;
    for (let tries = 0; tries < 200; tries++) {
      const res = await api(central).get(path, board);
      expect(res.status).toBe(200);
      report = res.data as Report;
      if (report.totals.scored === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const numbers = sitting.candidates.map((c) => c.candidateNumber);
    const saves = [...run!.outcome.values()].reduce((n, o) => n + o.saves, 0);
    expect(report!.totals).toEqual({
      rostered: 4,
      opened: 3,
      savesReceived: saves,
      answersHeld: saves,
      submitted: 2,
      scored: 2,
      deferred: 0,
    });
    expect(report!.missing).toEqual({
      notOpened: [numbers[2]],
      openedNotSubmitted: [numbers[1]],
      deferred: [],
      sessionsAwaitingOpen: [],
    });
    for (const c of report!.candidates) {
      const expected = run!.outcome.get(c.candidateNumber);
      expect(c.opened).toBe(Boolean(expected));
      expect(c.savesReceived).toBe(expected?.saves ?? 0);
      expect(c.submitted).toBe(expected?.submitted ?? false);
      expect(c.rawScore).toBe(expected?.submitted ? expected.score : null);
    }
    // A sitting that is not the centre's, and one that does not exist: 404.
    const elsewhere = await buildSitting(central, other, await buildQtiItems(central, other, 1), {
      students: 1,
    });
    const missing = await api(central).get(
      `/api/centres/${centreId}/reconciliation?sittingId=00000000-0000-4000-8000-000000000000`,
      board,
    );
    expect(missing.status).toBe(404);
    const foreign = await api(central).get(
      `/api/centres/${centreId}/reconciliation?sittingId=${elsewhere.sittingId}`,
      board,
    );
    expect(foreign.status).toBe(404);
  });

  it('refuses a declared body over 256 MB before reading it (413)', async () => {
    const res = await central.app.request(`/api/centres/${centreId}/log-file`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'content-length': String(256 * 1024 * 1024 + 1),
        authorization: `Bearer ${board}`,
      },
      body: 'x',
    });
    expect(res.status).toBe(413);
  });
});
