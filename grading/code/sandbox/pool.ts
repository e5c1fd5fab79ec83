/**
 * A pool of hardened sandbox child processes for one language. Children are reused across jobs, and
 * every job runs in an interpreter (Python) or isolate (JavaScript) that no earlier job touched; a child
 * is recycled after `maxRuns` runs or any limit hit. A child that overruns its time is killed (SIGKILL)
 * and replaced.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { childCommand, type ChildSpec } from './layers.ts';
import { processTreeRssBytes } from './process-memory.ts';

/** A raw per-test result as the child reports it (see python/harness.py, javascript/child.mjs). */
export interface RawResult {
  s:
    | 'ok'
    | 'error'
    | 'memory'
    | 'output'
    | 'fatal'
    | 'pass'
    | 'fail'
    | 'tampered'
    | 'syntax'
    | 'skipped'
    | 'teacher_error';
  v?: unknown;
  out?: string;
  etype?: string;
  tb?: string;
  msg?: string;
  cpuMs?: number;
  /** Python teacher files: the checks a passing test recorded, decided by the grader (python-values.ts). */
  checks?: unknown[];
  /** A test the teacher's file expects to fail (expectedFailure, xfail) failed as expected. */
  xfail?: boolean;
  /** The error came from the teacher's own file (a fixture), not from the submission. */
  teacher?: boolean;
  /** A failed Python test had compared two of the submission's objects before it failed. */
  dep?: boolean;
}

export interface JobHooks {
  onNames?(names: string[]): void;
  onProgress(index: number, result: RawResult): void;
}

export interface RunOutcome {
  /** The child's answer to preparing the job (syntax errors end here). */
  prep?: { s: string; msg?: string; names?: string[] };
  /** Set when the child was killed: index of the test that was running, and why. */
  killed?: { index: number; reason: KillReason };
}

/**
 * Why a child was killed: it overran its time, died by itself, or overran its time while holding more
 * memory than the job allows (see process-memory.ts).
 */
export type KillReason = 'time' | 'crash' | 'memory';

export interface PoolOptions {
  name: string;
  spec: ChildSpec;
  /** Message sent after spawn, answered by { t: 'ready' }. */
  init: Record<string, unknown>;
  size: number;
  maxRuns: number;
  /**
   * The child itself gives every job an interpreter that never ran student code (Python: loaded ahead
   * from a memory snapshot, one per job), so any job may go to any warm child; a child that has its
   * next interpreter ready is preferred.
   */
  freshInChild?: boolean;
  log?: (msg: string) => void;
}

interface Worker {
  proc: ChildProcess;
  ready: Promise<void>;
  runs: number;
  busy: boolean;
  dead: boolean;
  started: boolean;
  /** The child has a fresh interpreter loaded and waiting (it says so with { t: 'spare' }). */
  spareReady: boolean;
  /** The child sent its first message (so bubblewrap finished setting it up). */
  spoke: boolean;
  /** A kill waiting for the child to speak first. */
  killPending: boolean;
  events: EventEmitter;
}

/** What grading needs of a pool: the Pyodide/isolate children below, or native CPython (../native/). */
export interface CodePool {
  readonly layers: string[];
  readonly stats: { spawned: number; killed: number; recycled: number };
  readonly isBroken: boolean;
  /** How much slower than CPython the runtime runs a program (limit-factor.ts); Pyodide's when absent. */
  readonly limitFactor?: number;
  run(
    job: Record<string, unknown>,
    hooks: JobHooks,
    fresh: boolean,
    perTestMs: number,
    totalMs: number,
  ): Promise<RunOutcome>;
  warm(): Promise<void>;
  close(): Promise<void>;
}

export class SandboxPool implements CodePool {
  readonly layers: string[];
  private workers: Worker[] = [];
  private waiting: Array<() => void> = [];
  private nextId = 1;
  private closed = false;
  private broken = false;
  private failedStarts = 0;
  /** Counters for tests and the benchmark. */
  readonly stats = { spawned: 0, killed: 0, recycled: 0 };

  constructor(private readonly opts: PoolOptions) {
    this.layers = childCommand(opts.spec).layers;
    opts.log?.(`${opts.name} sandbox pool of ${opts.size}; layers: ${this.layers.join('; ')}`);
    for (let i = 0; i < opts.size; i++) this.workers.push(this.spawnWorker());
  }

  /** Resolves when every child has loaded its interpreter. */
  async warm(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.ready));
  }

  private spawnWorker(): Worker {
    const { command, args } = childCommand(this.opts.spec);
    const proc = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: {}, cwd: '/' });
    this.stats.spawned++;
    const events = new EventEmitter();
    const w: Worker = {
      proc,
      runs: 0,
      busy: false,
      dead: false,
      started: false,
      spareReady: false,
      spoke: false,
      killPending: false,
      events,
      ready: Promise.resolve(),
    };
    let stderr = '';
    proc.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < 4000) stderr += d.toString();
    });
    w.ready = new Promise<void>((resolve, reject) => {
      proc.on('message', (msg: { t: string; message?: string }) => {
        if (!w.spoke) {
          w.spoke = true;
          if (w.killPending) {
            proc.kill('SIGKILL');
            return;
          }
        }
        if (msg.t === 'loaded') proc.send(this.opts.init);
        else if (msg.t === 'ready') {
          w.started = true;
          this.failedStarts = 0;
          resolve();
        } else if (msg.t === 'spare') {
          w.spareReady = true;
        } else if (msg.t === 'fatal') reject(new Error(`${this.opts.name} child: ${msg.message}`));
        else events.emit('message', msg);
      });
      proc.on('exit', (code, signal) => {
        w.dead = true;
        reject(
          new Error(
            `${this.opts.name} child exited (${code ?? signal}) before ready: ${stderr.slice(0, 1000)}`,
          ),
        );
        events.emit('exit');
        this.replace(w);
      });
      proc.on('error', (e) => reject(e));
    });
    w.ready.catch((e: unknown) => {
      if (!this.closed) this.opts.log?.(String(e));
    });
    return w;
  }

  private replace(w: Worker): void {
    const i = this.workers.indexOf(w);
    if (i < 0) return;
    if (!w.started) this.failedStarts++;
    if (this.closed || this.failedStarts >= 5) {
      if (!this.closed) this.opts.log?.(`${this.opts.name} children fail to start; pool stopped`);
      this.broken = this.failedStarts >= 5;
      this.workers.splice(i, 1);
      return;
    }
    this.workers[i] = this.spawnWorker();
    this.wake();
  }

  /** True when children repeatedly failed to start (the pool then refuses jobs). */
  get isBroken(): boolean {
    return this.broken;
  }

  private kill(w: Worker): void {
    if (!w.dead) {
      w.dead = true;
      this.terminate(w);
    }
    this.replace(w);
  }

  /**
   * SIGKILLs a child. Under bubblewrap, killing the outer bwrap in its first milliseconds (before the
   * inner one is set up to die with its parent) leaves the inner bwrap running forever, so a child
   * that has not spoken yet is killed when it first speaks (or after 10 s at the latest).
   */
  private terminate(w: Worker): void {
    if (w.spoke || w.proc.exitCode !== null || w.proc.signalCode !== null) {
      w.proc.kill('SIGKILL');
      return;
    }
    w.killPending = true;
    setTimeout(() => w.proc.kill('SIGKILL'), 10_000).unref();
  }

  private wake(): void {
    const next = this.waiting.shift();
    if (next) next();
  }

  private async acquire(fresh: boolean): Promise<Worker> {
    for (;;) {
      if (this.closed) throw new Error('sandbox pool closed');
      if (this.broken) throw new Error(`${this.opts.name} sandbox children fail to start`);
      // Children still loading their interpreter come last: a job never waits for a cold start
      // while a started child is free.
      const idle = this.workers
        .filter((w) => !w.busy && !w.dead)
        .sort((a, b) => Number(b.started) - Number(a.started));
      const needsUnused = fresh && !this.opts.freshInChild;
      const pick = needsUnused
        ? (idle.find((w) => w.runs === 0) ?? idle[0])
        : fresh
          ? (idle.find((w) => w.spareReady) ?? idle[0])
          : (idle.find((w) => w.runs > 0 && w.started) ?? idle[0]);
      if (pick) {
        pick.busy = true;
        if (needsUnused && pick.runs > 0) {
          this.stats.recycled++;
          this.kill(pick);
          continue;
        }
        if (fresh) pick.spareReady = false;
        try {
          await pick.ready;
          return pick;
        } catch {
          pick.busy = false;
          continue;
        }
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(w: Worker, recycle: boolean, fresh: boolean): void {
    w.busy = false;
    // A job on a fresh interpreter of the child leaves the child's own state untouched: it counts a
    // tenth of a run, so a child still gets renewed now and then but not at a cold start every `maxRuns`.
    w.runs += fresh && this.opts.freshInChild ? 0.1 : 1;
    if (recycle || w.runs >= this.opts.maxRuns) {
      this.stats.recycled++;
      this.kill(w);
    } else {
      this.wake();
    }
  }

  /**
   * Runs one job in a child. `perTestMs` bounds each test (reset at every progress message) and
   * `totalMs` the whole job; an overrun kills the child.
   */
  async run(
    job: Record<string, unknown>,
    hooks: JobHooks,
    fresh: boolean,
    perTestMs: number,
    totalMs: number,
  ): Promise<RunOutcome> {
    // With fresh interpreters in the child every job is fresh (see PoolOptions.freshInChild).
    fresh = fresh || this.opts.freshInChild === true;
    const w = await this.acquire(fresh);
    const id = this.nextId++;
    return new Promise<RunOutcome>((resolve) => {
      let current = 0;
      let done = false;
      const finish = (outcome: RunOutcome, recycle: boolean, killed: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(testTimer);
        clearTimeout(totalTimer);
        w.events.removeListener('message', onMessage);
        w.events.removeListener('exit', onExit);
        if (killed) {
          w.busy = false;
          this.stats.killed++;
          this.kill(w);
        } else this.release(w, recycle, fresh);
        resolve(outcome);
      };
      const memoryMb = (job.limits as { memoryMb?: number } | undefined)?.memoryMb;
      const rssAtStart = memoryMb === undefined ? undefined : processTreeRssBytes(w.proc.pid);
      const timeUp = () => {
        const rssNow = rssAtStart === undefined ? undefined : processTreeRssBytes(w.proc.pid);
        const overMemory =
          rssAtStart !== undefined &&
          rssNow !== undefined &&
          rssNow - rssAtStart > (memoryMb ?? 0) * 1024 * 1024;
        finish({ killed: { index: current, reason: overMemory ? 'memory' : 'time' } }, true, true);
      };
      // A child that loads an interpreter per job says { t: 'started' } once it has one; until then only
      // the job's total time runs (loading is not the submission's time, and takes seconds under load).
      let testTimer: ReturnType<typeof setTimeout> | undefined = this.opts.freshInChild
        ? undefined
        : setTimeout(timeUp, perTestMs + 2_000);
      const totalTimer = setTimeout(timeUp, totalMs);
      const onMessage = (msg: {
        t: string;
        id: number;
        i: number;
        r: RawResult;
        prep: RunOutcome['prep'];
        recycle: boolean;
      }) => {
        if (msg.id !== id) return;
        if (msg.t === 'started') {
          clearTimeout(testTimer);
          testTimer = setTimeout(timeUp, perTestMs + 2_000);
        } else if (msg.t === 'names') {
          hooks.onNames?.(msg.prep?.names ?? []);
        } else if (msg.t === 'progress') {
          hooks.onProgress(msg.i, msg.r);
          current = msg.i + 1;
          clearTimeout(testTimer);
          testTimer = setTimeout(timeUp, perTestMs);
        } else if (msg.t === 'done') {
          finish({ prep: msg.prep }, msg.recycle, false);
        }
      };
      const onExit = () => finish({ killed: { index: current, reason: 'crash' } }, true, true);
      w.events.on('message', onMessage);
      w.events.on('exit', onExit);
      w.proc.send({ t: 'run', id, job });
    });
  }

  /** Kills every child. */
  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.workers) {
      w.dead = true;
      this.terminate(w);
    }
    this.workers = [];
    for (const wake of this.waiting.splice(0)) wake();
  }
}
