/**
 * `npm run bench -- proctor-room`: is the live proctor dashboard smooth with a room of 500?
 *
 * An engine (in-memory database) with one sitting and one room of 500 candidates under proctoring; the real
 * dashboard (the built /proctor/ page) open in headless Debian Chromium as the room's proctor; the candidates in a
 * child process with live sockets: a connect-and-start wave, then steady traffic (answers, navigation, device event
 * batches, no-face episodes that become incidents, dropped and regained connections). Measured on the page, per
 * phase: feed messages and patches per second reaching it, long tasks (PerformanceObserver 'longtask'), frame rate
 * (requestAnimationFrame), the time from a candidate's action to its row showing it (p50/p95), and the JS heap.
 * Smooth means: fps >= 30 and long tasks over 50 ms rare.
 */
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { sittings } from '../../engine/sittings/tables.ts';
import { buildItems, buildSitting, testProjection } from '../../engine/tests/support/delivery-fixtures.ts';
import { buildOrganisationTree } from '../../engine/tests/support/factories.ts';
import { tokenFor } from '../../engine/tests/support/http.ts';
import { createTestEngine } from '../../engine/tests/support/test-engine.ts';
import type {
  ChildMessage,
  Expectation,
  Field,
  ParentMessage,
  TrafficPlan,
} from './proctor-room-candidates.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOM_SIZE = Number(process.env.BENCH_ROOM_SIZE ?? 500);
const ITEMS = 40;
const NO_FACE_SECONDS = 2;

/**
 * Builds the proctor page as it is now into a folder of its own, served to the page by the browser context (a
 * test run elsewhere may rebuild the client's dist at any moment); the API and sockets are the engine's.
 */
async function buildProctorPage(): Promise<string> {
  const root = path.join(here, '../../delivery-client');
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'proctor-room-bench-'));
  await build({
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      reportCompressedSize: false,
      rollupOptions: { input: { proctor: path.join(root, 'proctor/index.html') } },
    },
  });
  return outDir;
}

/** Serves the files of the private build; everything else goes to the engine. */
async function servePage(context: BrowserContext, baseUrl: string, outDir: string) {
  await context.route(`${baseUrl}/**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    const file = path.join(outDir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(outDir) || !existsSync(file) || !statSync(file).isFile()) return route.fallback();
    await route.fulfill({ path: file });
  });
}

/** Instruments the page before its scripts run: long tasks, animation frames, and each row's visible values. */
function instrument() {
  type RowValues = [number, boolean, number, number];
  const bench = {
    longTasks: [] as [number, number][],
    frames: [] as number[],
    rows: {} as Record<string, RowValues[]>,
  };
  (window as unknown as { __bench: typeof bench }).__bench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      bench.longTasks.push([performance.timeOrigin + e.startTime, Math.round(e.duration)]);
  }).observe({ type: 'longtask', buffered: true });
  const frame = () => {
    bench.frames.push(Date.now());
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const read = (tr: HTMLTableRowElement) => {
    const cells = tr.cells;
    if (cells.length < 7) return;
    const key = cells[0]!.textContent ?? '';
    const answered = Number(/(\d+)\//.exec(cells[4]!.textContent ?? '')?.[1] ?? NaN);
    const online = cells[2]!.querySelector('.dot.online') !== null;
    const incidents = Number(cells[6]!.textContent);
    const log = (bench.rows[key] ??= []);
    const last = log[log.length - 1];
    if (!last || last[1] !== online || last[2] !== answered || last[3] !== incidents)
      log.push([Date.now(), online, answered, incidents]);
  };
  new MutationObserver((mutations) => {
    const rows = new Set<HTMLTableRowElement>();
    for (const m of mutations) {
      const node = m.target.nodeType === Node.ELEMENT_NODE ? (m.target as Element) : m.target.parentElement;
      const tr = node?.closest('tbody tr');
      if (tr) rows.add(tr as HTMLTableRowElement);
      m.addedNodes.forEach((n) => {
        if (n instanceof HTMLElement)
          n.querySelectorAll('tbody tr').forEach((r) => rows.add(r as HTMLTableRowElement));
      });
    }
    rows.forEach(read);
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

interface PageData {
  longTasks: [number, number][];
  frames: number[];
  rows: Record<string, [number, boolean, number, number][]>;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
function percentiles(values: number[]) {
  if (!values.length) return { n: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { n: values.length, p50Ms: p(0.5), p95Ms: p(0.95), maxMs: sorted[sorted.length - 1] };
}

/** Frame rate, long tasks and feed traffic of one phase, from the page's records. */
function phaseFigures(data: PageData, feed: FeedCounter, from: number, to: number) {
  const seconds = (to - from) / 1000;
  const frames = data.frames.filter((t) => t >= from && t < to);
  const perSecond: number[] = [];
  for (let s = from; s + 1000 <= to; s += 1000)
    perSecond.push(frames.filter((t) => t >= s && t < s + 1000).length);
  const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
  const tasks = data.longTasks.filter(([t]) => t >= from && t < to).map(([, d]) => d);
  const messages = feed.frames.filter((f) => f.at >= from && f.at < to);
  return {
    seconds: round(seconds),
    fps: round(frames.length / seconds),
    worstSecondFps: perSecond.length ? Math.min(...perSecond) : null,
    longestFrameGapMs: gaps.length ? Math.max(...gaps) : null,
    longTasks: {
      count: tasks.length,
      perMinute: round((tasks.length / seconds) * 60),
      over100ms: tasks.filter((d) => d > 100).length,
      totalMs: tasks.reduce((s, d) => s + d, 0),
      busyPercent: round((tasks.reduce((s, d) => s + d, 0) / (seconds * 1000)) * 100),
      ...percentiles(tasks),
    },
    feed: {
      messagesPerSecond: round(messages.length / seconds),
      patchesPerSecond: round(messages.reduce((s, m) => s + m.patches, 0) / seconds),
      incidentsPerSecond: round(messages.reduce((s, m) => s + m.incidents, 0) / seconds),
      meanBytes: messages.length
        ? Math.round(messages.reduce((s, m) => s + m.bytes, 0) / messages.length)
        : 0,
    },
  };
}

/**
 * Time from each candidate action to the first moment its row showed the new value, counted from the action and
 * from the engine's acknowledgement (the action stored and published: what is left is the feed and the page).
 * Only rows the page renders are seen: with the grid windowed, those in view.
 */
function latencies(data: PageData, expectations: Expectation[]) {
  const column: Record<Field, 1 | 2 | 3> = { online: 1, answered: 2, incidents: 3 };
  const fromAction: Record<Field, number[]> = { online: [], answered: [], incidents: [] };
  const fromAck: Record<Field, number[]> = { online: [], answered: [], incidents: [] };
  let unseen = 0;
  for (const e of expectations) {
    const log = data.rows[e.candidateNumber];
    if (!log) continue;
    const seen = log.find((r) => r[0] >= e.at && r[column[e.field]] === e.value);
    if (!seen) {
      unseen += 1;
      continue;
    }
    fromAction[e.field].push(seen[0] - e.at);
    fromAck[e.field].push(Math.max(0, seen[0] - e.acked));
  }
  const all = (bag: Record<Field, number[]>) => [...bag.answered, ...bag.online, ...bag.incidents];
  return {
    rowsSeen: Object.keys(data.rows).length,
    fromAction: {
      answered: percentiles(fromAction.answered),
      online: percentiles(fromAction.online),
      incidents: percentiles(fromAction.incidents),
      all: percentiles(all(fromAction)),
    },
    fromAck: {
      answered: percentiles(fromAck.answered),
      incidents: percentiles(fromAck.incidents),
      all: percentiles(all(fromAck)),
    },
    unseen,
  };
}

interface FeedCounter {
  frames: { at: number; patches: number; incidents: number; bytes: number }[];
}

/** Counts the feed's Socket.IO frames as they reach the page (its own websocket, seen through the browser). */
function countFeed(page: Page): FeedCounter {
  const counter: FeedCounter = { frames: [] };
  page.on('websocket', (ws) => {
    ws.on('framereceived', ({ payload }) => {
      const text = typeof payload === 'string' ? payload : payload.toString('utf8');
      const at = Date.now();
      if (text.includes('"candidates:update"')) {
        const body = JSON.parse(text.slice(text.indexOf('['))) as [string, unknown[]];
        counter.frames.push({ at, patches: body[1].length, incidents: 0, bytes: text.length });
      } else if (text.includes('"incidents:new"')) {
        const body = JSON.parse(text.slice(text.indexOf('['))) as [string, { incidents: unknown[] }];
        counter.frames.push({ at, patches: 0, incidents: body[1].incidents.length, bytes: text.length });
      }
    });
  });
  return counter;
}

function startCandidates() {
  const child = fork(path.join(here, 'proctor-room-candidates.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const inbox: ChildMessage[] = [];
  const waiters: ((m: ChildMessage) => void)[] = [];
  child.on('message', (m: ChildMessage) => (waiters.length ? waiters.shift()!(m) : inbox.push(m)));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => code !== 0 && reject(new Error(`candidates exited with ${code}`))),
  );
  exited.catch(() => {});
  return {
    async ask<T extends ChildMessage['type']>(message: ParentMessage, reply: T) {
      child.send(message);
      const got = await Promise.race([
        new Promise<ChildMessage>((resolve) =>
          inbox.length ? resolve(inbox.shift()!) : waiters.push(resolve),
        ),
        exited,
      ]);
      if (got.type !== reply) throw new Error(`candidates answered ${got.type}, not ${reply}`);
      return got as Extract<ChildMessage, { type: T }>;
    },
    kill: () => child.kill(),
  };
}

async function heapMb(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    jsHeapUsedMb: round(metric('JSHeapUsedSize') / 2 ** 20),
    jsHeapTotalMb: round(metric('JSHeapTotalSize') / 2 ** 20),
    domNodes: metric('Nodes'),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  console.log('building the proctor page');
  const outDir = await buildProctorPage();
  const engine = await createTestEngine({}, { candidateProjection: testProjection, sweepIntervalMs: 60_000 });
  const candidates = startCandidates();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      // The page is served by the context (servePage), which Chromium does not count as a local address.
      '--disable-features=LocalNetworkAccessChecks',
    ],
  });
  try {
    const port = await engine.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${port}`;
    console.log(`setting up a room of ${ROOM_SIZE}`);
    const tree = await buildOrganisationTree(engine.deps.db);
    const items = await buildItems(engine, tree, ITEMS);
    const sitting = await buildSitting(engine, tree, items, {
      students: ROOM_SIZE,
      securityPolicy: { proctoring: true },
    });
    const [row] = await engine.deps.db.select().from(sittings).where(eq(sittings.id, sitting.sittingId));
    await engine.deps.db
      .update(sittings)
      .set({
        securityPolicy: {
          ...(row!.securityPolicy as object),
          proctoringRules: { noFaceSeconds: NO_FACE_SECONDS },
        },
      })
      .where(eq(sittings.id, sitting.sittingId));
    const plan: TrafficPlan = {
      baseUrl,
      accessCode: sitting.accessCode,
      candidates: sitting.candidates.map((c) => ({
        candidateNumber: c.candidateNumber,
        dateOfBirth: c.dateOfBirth,
      })),
      connectSeconds: Number(process.env.BENCH_CONNECT_SECONDS ?? 15),
      steadySeconds: Number(process.env.BENCH_STEADY_SECONDS ?? 40),
      actionEverySeconds: Number(process.env.BENCH_ACTION_EVERY_SECONDS ?? 4),
      noFaceSeconds: NO_FACE_SECONDS + 0.5,
    };
    console.log('checking in');
    await candidates.ask({ type: 'checkIn', plan }, 'checkedIn');

    // The room's proctor, signed in (the page keeps its token and room for the tab), watching the room.
    const token = await tokenFor(engine, tree.proctorA);
    const room = {
      sittingId: sitting.sittingId,
      sittingName: row!.name,
      opensAt: row!.opensAt.toISOString(),
      closesAt: row!.closesAt.toISOString(),
      roomId: sitting.roomId,
      roomName: 'Phòng 01',
      assigned: true,
    };
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'vi-VN' });
    await servePage(context, baseUrl, outDir);
    await context.addInitScript(
      ([t, r]) => {
        sessionStorage.setItem('proctor.token', t);
        sessionStorage.setItem('proctor.room', r);
      },
      [token, JSON.stringify(room)] as const,
    );
    // tsx keeps function names with a `__name` helper that the page does not have.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await context.addInitScript(instrument);
    const page = await context.newPage();
    const feed = countFeed(page);
    page.on('console', (m) => m.type() === 'error' && console.error(`page console: ${m.text()}`));
    const opened = Date.now();
    await page.goto(`${baseUrl}/proctor/`);
    await page
      .locator('.connection.live')
      .waitFor({ timeout: 60_000 })
      .catch(async (error: unknown) => {
        console.error(
          `page: ${await page
            .locator('main')
            .innerText()
            .catch(() => '?')}`,
        );
        throw error;
      });
    // The whole roster is in (the grid may render only the rows in view).
    await page.waitForFunction(
      (n) =>
        Number(document.querySelector('.candidate-grid')?.getAttribute('aria-rowcount')) === n + 1 ||
        document.querySelectorAll('tbody tr.candidate, tbody tr:not(.spacer)').length >= n,
      ROOM_SIZE,
      { timeout: 60_000 },
    );
    const shownAt = Date.now();
    const idle = await heapMb(page);

    console.log('connect wave');
    const waveFrom = Date.now();
    const connected = await candidates.ask({ type: 'connect' }, 'connected');
    const waveTo = Date.now();
    const afterWave = await heapMb(page);
    console.log(`steady traffic for ${plan.steadySeconds} s`);
    const steadyFrom = Date.now();
    const traffic = await candidates.ask({ type: 'steady' }, 'steadyDone');
    const steadyTo = Date.now();
    // Let the last batches land before reading the page.
    await page.waitForTimeout(1500);
    const afterSteady = await heapMb(page);
    const data = (await page.evaluate(() => (window as unknown as { __bench: unknown }).__bench)) as PageData;

    const figures = {
      roomSize: ROOM_SIZE,
      plan: {
        connectSeconds: plan.connectSeconds,
        steadySeconds: plan.steadySeconds,
        actionEverySeconds: plan.actionEverySeconds,
      },
      firstRosterMs: shownAt - opened,
      connected: connected.connected,
      /** Candidate socket handshakes (connect to accepted), engine side: not part of the dashboard's latency. */
      handshake: percentiles(traffic.handshakeMs),
      actions: traffic.actions,
      errors: traffic.errors,
      connectWave: phaseFigures(data, feed, waveFrom, waveTo),
      steady: phaseFigures(data, feed, steadyFrom, steadyTo),
      actionToRow: latencies(data, traffic.expectations),
      heap: { idle, afterWave, afterSteady },
    };
    console.log(JSON.stringify(figures, null, 2));
    return figures;
  } finally {
    candidates.kill();
    await browser.close();
    await engine.dispose();
    rmSync(outDir, { recursive: true, force: true });
  }
}
