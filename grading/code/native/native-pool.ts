/**
 * The native Python sandbox: one CPython process per job (one submission's tests), in bubblewrap, with
 * rlimits and a seccomp filter set by `native_child.py` before the harness runs. Nothing survives a
 * process, so no state passes from one submission to the next by construction. Used only when every
 * layer works here (`detectNativePython`); otherwise the grader keeps Pyodide (see ../README.md,
 * "Throughput").
 */
import { randomBytes } from 'node:crypto';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectBubblewrap } from '../sandbox/layers.ts';
import type { CodePool, JobHooks, RawResult, RunOutcome } from '../sandbox/pool.ts';
import { processTreeRssBytes } from '../sandbox/process-memory.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const CHILD = path.join(here, 'native_child.py');
const PYTHON_DIR = path.join(here, '..', 'python');
/** Debian's interpreter: its python3-seccomp binding sits beside it in /usr/lib/python3/dist-packages. */
const PYTHON = '/usr/bin/python3';

/** Size of each writable tmpfs (/tmp, /sandbox) of a native job. */
export const TMPFS_MB = 32;

/** bwrap options: as the Pyodide children's, without /proc (the process's own memory stays unreadable). */
function bwrapArgs(): string[] {
  const args = ['--unshare-all', '--clearenv', '--die-with-parent', '--new-session', '--cap-drop', 'ALL'];
  for (const dir of ['/usr', '/lib', '/lib64', '/lib32', '/bin']) {
    if (existsSync(dir)) args.push('--ro-bind', dir, dir);
  }
  // The only writable places are two small tmpfs: a tmpfs takes host memory that RLIMIT_AS does not
  // count, and bubblewrap's root and /dev are tmpfs of half the host's RAM, so they are remounted
  // read-only once built (a submission writing files there could take gigabytes of the host's memory).
  const tmpBytes = String(TMPFS_MB << 20);
  args.push('--dev', '/dev', '--size', tmpBytes, '--tmpfs', '/tmp', '--dir', '/sandbox');
  args.push('--size', tmpBytes, '--tmpfs', '/sandbox');
  const child = realpathSync(CHILD);
  args.push('--ro-bind', child, '/grader/native_child.py');
  args.push('--remount-ro', '/dev', '--remount-ro', '/', '--chdir', '/sandbox');
  return args;
}

/** The harness (assertion rewriter, pytest shim, harness) compiled once by the sandbox's interpreter. */
function compileHarness(): Buffer {
  const source = ['teacher_asserts.py', 'pytest_shim.py', 'harness.py']
    .map((file) => readFileSync(path.join(PYTHON_DIR, file), 'utf8'))
    .join('\n');
  return execFileSync(
    PYTHON,
    [
      '-I',
      '-S',
      '-c',
      'import sys, marshal; sys.stdout.buffer.write(marshal.dumps(compile(sys.stdin.read(), "harness.py", "exec")))',
    ],
    { input: source, env: {}, maxBuffer: 64 << 20 },
  );
}

let detected: { layers: string[]; version: string; refused: Record<string, boolean> } | null | undefined;
let unavailable = 'not probed yet';

/** Why `detectNativePython()` found no native sandbox here (for the grader's log line). */
export function nativePythonUnavailable(): string {
  return unavailable;
}

/**
 * The layers of the native sandbox when all of them work here (bubblewrap, rlimits, the seccomp
 * filter, CPython >= 3.11), else null: the grader then uses Pyodide, never a native process with less.
 */
export function detectNativePython(): {
  layers: string[];
  version: string;
  refused: Record<string, boolean>;
} | null {
  if (detected !== undefined) return detected;
  detected = null;
  const bwrap = detectBubblewrap();
  if (!bwrap) {
    unavailable = 'bubblewrap does not work here';
    return null;
  }
  if (!existsSync(PYTHON)) {
    unavailable = `no ${PYTHON}`;
    return null;
  }
  const token = randomBytes(16).toString('hex');
  const input = Buffer.from(JSON.stringify({ token, job: { kind: 'probe' } }) + '\n');
  const p = spawnSync(
    bwrap,
    [...bwrapArgs(), '--', PYTHON, '-I', '-S', '-B', '-X', 'utf8', '/grader/native_child.py'],
    {
      input,
      env: {},
      stdio: ['pipe', 'ignore', 'ignore', 'pipe'],
      timeout: 10_000,
    },
  );
  const line = (p.output?.[3] as Buffer | null)?.toString() ?? '';
  if (p.status !== 0 || !line.startsWith(`${token} `)) {
    unavailable = `the probe process failed (exit ${p.status}; python3-seccomp missing, or bubblewrap too old for --size?)`;
    return null;
  }
  const probe = JSON.parse(line.slice(token.length + 1)) as {
    layers: string[];
    version: string;
    refused: Record<string, boolean>;
  };
  const [major, minor] = probe.version.split('.').map(Number);
  if (probe.layers.length !== 2 || major !== 3 || (minor ?? 0) < 11) {
    unavailable = `CPython ${probe.version} (3.11 or later needed)`;
    return null;
  }
  // The filter must be seen to refuse, not only to load: a process, a socket, a thread; and no /proc.
  const missing = ['fork', 'socket', 'thread', 'proc'].filter((k) => probe.refused[k] !== true);
  if (missing.length > 0) {
    unavailable = `the probe was not refused: ${missing.join(', ')}`;
    return null;
  }
  detected = probe;
  return detected;
}

export interface NativePoolOptions {
  /** Processes running at once; default the number of cores. */
  size: number;
  log?: (msg: string) => void;
}

/** A pool of native CPython jobs: at most `size` sandboxed processes at a time, a new one per job. */
export class NativePythonPool implements CodePool {
  readonly layers: string[];
  /** `processCpuMs`: CPU time of the finished jobs' sandboxed processes, as each measured itself. */
  readonly stats = { spawned: 0, killed: 0, recycled: 0, processCpuMs: 0 };
  /** CPython itself: the teacher's limits apply as stated. */
  readonly limitFactor = 1;
  private running = 0;
  private waiting: Array<() => void> = [];
  private closed = false;
  private readonly harness: Buffer;
  private readonly bwrap: string;
  private readonly live = new Set<ReturnType<typeof spawn>>();

  constructor(private readonly opts: NativePoolOptions) {
    const native = detectNativePython();
    const bwrap = detectBubblewrap();
    if (!native || !bwrap) throw new Error('the native Python sandbox is not available here');
    this.bwrap = bwrap;
    this.harness = compileHarness();
    this.layers = [
      `native CPython ${native.version}, a new process per job`,
      'bubblewrap (all namespaces unshared: no network, own pid/ipc/uts, read-only /usr and /lib, no /proc)',
      ...native.layers,
      'audit hook and identity checks of the harness',
    ];
    opts.log?.(`python native sandbox, ${opts.size} at a time; layers: ${this.layers.join('; ')}`);
  }

  get isBroken(): boolean {
    return false;
  }

  async warm(): Promise<void> {}

  private async slot(): Promise<void> {
    while (this.running >= this.opts.size) {
      if (this.closed) throw new Error('sandbox pool closed');
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    if (this.closed) throw new Error('sandbox pool closed');
    this.running++;
  }

  private free(): void {
    this.running--;
    this.waiting.shift()?.();
  }

  /** Runs one job in a new process; `perTestMs` bounds each test, `totalMs` the job. */
  async run(
    job: Record<string, unknown>,
    hooks: JobHooks,
    _fresh: boolean,
    perTestMs: number,
    totalMs: number,
  ): Promise<RunOutcome> {
    await this.slot();
    const token = randomBytes(16).toString('hex');
    const cpuSeconds = Math.ceil(totalMs / 1000) + 1;
    const proc = spawn(
      NICE_OR(this.bwrap),
      [
        ...NICE_ARGS(this.bwrap),
        ...bwrapArgs(),
        '--',
        PYTHON,
        '-I',
        '-S',
        '-B',
        '-X',
        'utf8',
        '/grader/native_child.py',
      ],
      { stdio: ['pipe', 'ignore', 'ignore', 'pipe'], env: {}, cwd: '/' },
    );
    this.stats.spawned++;
    this.live.add(proc);
    proc.stdin?.on('error', () => {});
    // Function and I/O tests' inputs go one at a time, each after the previous test's result, as they
    // enter a Pyodide interpreter: no hidden input is in the process before every visible result.
    const inputs = Array.isArray(job.tests)
      ? (job.tests as Array<{ kind: string; fn?: string; args?: unknown; stdin?: string }>).map(
          (t) =>
            JSON.stringify(
              t.kind === 'function'
                ? { kind: 'function', fn: t.fn, args: JSON.stringify(t.args) }
                : { kind: 'io', stdin: t.stdin },
            ) + '\n',
        )
      : [];
    const header = {
      ...job,
      ...(Array.isArray(job.tests) ? { tests: undefined, count: inputs.length } : {}),
    };
    proc.stdin?.write(
      Buffer.concat([
        Buffer.from(
          JSON.stringify({ token, job: header, cpuSeconds, harnessBytes: this.harness.length }) + '\n',
        ),
        this.harness,
        Buffer.from(inputs[0] ?? ''),
      ]),
    );
    return new Promise<RunOutcome>((resolve) => {
      let current = 0;
      let done = false;
      let buffered = '';
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        this.live.delete(proc);
        this.free();
      };
      const finish = (outcome: RunOutcome, killed: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(testTimer);
        clearTimeout(totalTimer);
        proc.stdin?.destroy();
        const running = proc.exitCode === null && proc.signalCode === null;
        if (killed) {
          this.stats.killed++;
          if (running) proc.kill('SIGKILL');
          release();
        } else if (running) {
          // A finished job's process exits by itself at once; waiting for it keeps its slot taken and
          // lets its CPU time be counted where it was spent. Killed if it lingers.
          const linger = setTimeout(() => proc.kill('SIGKILL'), 2_000);
          proc.once('close', () => {
            clearTimeout(linger);
            release();
          });
        } else release();
        resolve(outcome);
      };
      // Stopped over time while holding more memory than the job allows: memory is what it overran.
      const memoryMb = (job.limits as { memoryMb?: number } | undefined)?.memoryMb;
      let rssAtStart: number | undefined;
      const timeUp = () => {
        const rssNow = proc.pid === undefined ? undefined : processTreeRssBytes(proc.pid);
        const over =
          memoryMb !== undefined &&
          rssAtStart !== undefined &&
          rssNow !== undefined &&
          rssNow - rssAtStart > memoryMb * 1024 * 1024;
        finish({ killed: { index: current, reason: over ? 'memory' : 'time' } }, true);
      };
      let testTimer: ReturnType<typeof setTimeout> | undefined;
      const totalTimer = setTimeout(timeUp, totalMs);
      /** A line not carrying the token was written by the submission: nothing more is believed. */
      const forged = () => {
        hooks.onProgress(current, { s: 'tampered' } as RawResult);
        finish({ killed: { index: current + 1, reason: 'crash' } }, true);
      };
      const onLine = (line: string) => {
        if (!line.startsWith(`${token} `)) return forged();
        let msg: {
          t: string;
          i: number;
          r: RawResult;
          cpuMs: number;
          processCpuMs?: number;
          prep: RunOutcome['prep'];
        };
        try {
          msg = JSON.parse(line.slice(token.length + 1)) as typeof msg;
        } catch {
          return forged();
        }
        if (msg.t === 'started') {
          rssAtStart = proc.pid === undefined ? undefined : processTreeRssBytes(proc.pid);
          testTimer = setTimeout(timeUp, perTestMs + 2_000);
        } else if (msg.t === 'names') {
          hooks.onNames?.(msg.prep?.names ?? []);
        } else if (msg.t === 'progress') {
          if (msg.i !== current && !(current === 0 && msg.i === ((job.startAt as number) ?? 0))) {
            return forged();
          }
          hooks.onProgress(msg.i, { ...msg.r, cpuMs: msg.cpuMs });
          current = msg.i + 1;
          const next = inputs[current];
          if (next) proc.stdin?.write(next);
          clearTimeout(testTimer);
          testTimer = setTimeout(timeUp, perTestMs);
        } else if (msg.t === 'done') {
          if (typeof msg.processCpuMs === 'number') this.stats.processCpuMs += msg.processCpuMs;
          proc.stdin?.end();
          finish({ prep: msg.prep }, false);
        }
      };
      proc.stdio[3]?.on('data', (d: Buffer) => {
        buffered += d.toString();
        for (let nl = buffered.indexOf('\n'); nl >= 0 && !done; nl = buffered.indexOf('\n')) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          onLine(line);
        }
      });
      // 'close' comes once the process ended and its pipe is drained, so every line was read first.
      proc.on('close', () => finish({ killed: { index: current, reason: 'crash' } }, true));
      proc.on('error', () => finish({ killed: { index: current, reason: 'crash' } }, true));
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.live) p.kill('SIGKILL');
    this.live.clear();
    for (const wake of this.waiting.splice(0)) wake();
  }
}

/** Native jobs run at the lower CPU priority of every sandbox child (nice 10, or GRADER_NICE). */
function niceLevel(): number {
  const value = Number(process.env.GRADER_NICE ?? 10);
  return Number.isInteger(value) && value >= 0 && value <= 19 ? value : 10;
}
function NICE_OR(command: string): string {
  return niceLevel() > 0 && existsSync('/usr/bin/nice') ? '/usr/bin/nice' : command;
}
function NICE_ARGS(command: string): string[] {
  return niceLevel() > 0 && existsSync('/usr/bin/nice') ? ['-n', String(niceLevel()), command] : [];
}
