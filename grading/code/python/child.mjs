/* global process, WebAssembly, performance */
// Python sandbox child: Pyodide interpreters in a hardened Node process (see ../README.md): a fresh one,
// loaded from a memory snapshot, for every job (one submission's tests), dropped after it.
// Started by the pool with the permission model, no code generation from strings, a wasm memory cap,
// an empty environment and working folder, and under bubblewrap where available. Plain JavaScript:
// it runs without a TypeScript loader, which the permission model would refuse to read.
import fs from 'node:fs';
import os from 'node:os';
import { hardenChild } from '../sandbox/harden-child.mjs';

const send = process.send.bind(process);
const proc = process;
const onMessage = (fn) => proc.on('message', fn);
const exit = process.exit.bind(process);
const cpuUsage = process.cpuUsage.bind(process);
const now = performance.now.bind(performance);
const pyodideDir = process.argv[2];

// Pyodide asks process.binding('constants'), which the permission model refuses; answer only that.
const constants = { fs: fs.constants, os: os.constants };
process.binding = (name) => {
  if (name === 'constants') return constants;
  throw new Error(`process.binding(${name}) is not available in the grader`);
};

hardenChild();

// Every interpreter of this child instantiates the same compiled wasm module: compiling pyodide.asm.wasm
// is most of a cold start, and a fresh interpreter per teacher test file would otherwise pay it again.
const instantiate = WebAssembly.instantiate;
let compiledPyodide;
WebAssembly.instantiate = async function (source, imports) {
  if (!(source instanceof WebAssembly.Module) && source?.byteLength > 1_000_000) {
    compiledPyodide ??= await WebAssembly.compile(source);
    return { instance: await instantiate(compiledPyodide, imports), module: compiledPyodide };
  }
  return instantiate(source, imports);
};

const { loadPyodide } = await import(`${pyodideDir}/pyodide.mjs`);
const pyodideOptions = {
  indexURL: `${pyodideDir}/`,
  jsglobals: Object.freeze(Object.create(null)),
  env: { HOME: '/sandbox' },
  args: [],
  stdin: () => null,
  stdout: () => {},
  stderr: () => {},
};

// Pyodide's loader looks at globalThis.process (Node detection, file reads). Student code never runs
// while it is visible: `hideProcess()` runs before every synchronous stretch of student code, and
// `process` is shown again only while an interpreter is loading in the background.
let loadsInFlight = 0;
const hideProcess = () => delete globalThis.process;
const afterStudentCode = () => {
  if (loadsInFlight > 0) globalThis.process = proc;
};

/** A memory snapshot of an interpreter that ran the harness module and its imports, nothing else. */
let snapshot;
/** Loads an interpreter from the snapshot and starts the harness in it: one that never ran student code. */
async function freshInterpreter() {
  loadsInFlight++;
  globalThis.process = proc;
  let py;
  try {
    py = await loadPyodide({ ...pyodideOptions, _loadSnapshot: snapshot });
  } finally {
    if (--loadsInFlight === 0) hideProcess();
  }
  const factory = py.globals.get('_grader_factory');
  py.globals.delete('_grader_factory');
  const g = factory();
  const grader = Object.fromEntries(
    ['prepare', 'call', 'run_io', 'unittest_prepare', 'unittest_run'].map((k) => [k, g.get(k)]),
  );
  const heapBytes = () => py._module.HEAPU8.buffer.byteLength;
  return { grader, heapBytes, baseline: heapBytes() };
}

async function init(harness) {
  const maker = await loadPyodide({ ...pyodideOptions, _makeSnapshot: true });
  maker.runPython(harness);
  maker.runPython('_grader_preload()\ndel _grader_preload');
  snapshot = maker.makeMemorySnapshot();
  prepareSpare();
  const first = await nextFresh;
  return { baselineBytes: first.baseline };
}

/** The next interpreter, loaded ahead so a job never waits for it; every job takes one and drops it. */
let nextFresh;

/** Starts loading the next fresh interpreter; the pool hears when it is ready. */
function prepareSpare() {
  nextFresh = freshInterpreter();
  nextFresh.then(
    () => send({ t: 'spare' }),
    () => {},
  );
}

function pyCall(fn, ...args) {
  return fn(...args);
}

/**
 * The CPU time of a synchronous call into the interpreter: the process's CPU time, but never more than
 * the wall time, since the call runs on this one thread. The process's figure also counts V8's helper
 * threads (collecting the interpreter the previous job dropped, tens of MB), which must not be charged
 * to the submission; the wall time alone would charge it for a loaded machine.
 */
function measure(fn) {
  const wallStart = now();
  const before = cpuUsage();
  let raw;
  try {
    raw = fn();
  } catch (e) {
    if (
      e?.pyodide_fatal_error ||
      /fatally failed|Maximum call stack|RuntimeError/i.test(String(e?.message))
    ) {
      raw = JSON.stringify({ s: 'fatal', msg: String(e?.message ?? e).slice(0, 500) });
    } else {
      raw = JSON.stringify({
        s: 'error',
        etype: 'InternalError',
        tb: String(e?.message ?? e).slice(0, 2000),
      });
    }
  }
  const used = cpuUsage(before);
  const wall = now() - wallStart;
  const r = JSON.parse(raw);
  r.cpuMs = Math.min((used.user + used.system) / 1000, wall);
  return r;
}

/** Runs a job's tests in `interp`; returns true when the child must be recycled. */
function runTests(id, job, interp) {
  const { grader } = interp;
  const cap = job.limits.outputBytes;
  const memCap = job.limits.memoryMb * 1024 * 1024;
  let recycle = false;
  const check = (r) => {
    if (interp.heapBytes() - interp.baseline > memCap && r.s !== 'fatal') {
      r.s = 'memory';
      recycle = true;
    }
    // The interpreter is dropped after the job anyway; a child whose interpreter crashed or ran out of
    // memory is renewed too, in case the child's own heap suffered.
    if (r.s === 'memory' || r.s === 'fatal') recycle = true;
    return r;
  };
  hideProcess();
  try {
    if (job.kind === 'tests') {
      const prep = JSON.parse(pyCall(grader.prepare, job.code, job.moduleName, cap));
      if (prep.s === 'ok') {
        for (let i = 0; i < job.tests.length; i++) {
          const t = job.tests[i];
          const r = check(
            measure(() =>
              t.kind === 'function' ? grader.call(t.fn, JSON.stringify(t.args)) : grader.run_io(t.stdin),
            ),
          );
          send({ t: 'progress', id, i, r });
          if (r.s === 'fatal') break;
        }
      }
      send({ t: 'done', id, prep, recycle });
    } else {
      const prep = JSON.parse(pyCall(grader.unittest_prepare, job.code, job.moduleName, job.source, cap));
      send({ t: 'names', id, prep });
      if (prep.s === 'ok') {
        for (let i = job.startAt ?? 0; i < prep.names.length; i++) {
          const r = check(measure(() => grader.unittest_run(i)));
          send({ t: 'progress', id, i, r });
          if (r.s === 'fatal') break;
        }
      }
      send({ t: 'done', id, prep, recycle });
    }
  } finally {
    afterStudentCode();
  }
}

async function runJob(id, job) {
  // Every submission gets an interpreter that never ran student code, used once and dropped: nothing
  // one submission changes (code objects, stdlib state, files) can reach another's verdict.
  const interp = await nextFresh;
  prepareSpare();
  // The pool's per-test clock starts now: waiting for the interpreter to load is not the submission's.
  send({ t: 'started', id });
  runTests(id, job, interp);
}

onMessage((msg) => {
  if (msg.t === 'init') {
    init(msg.harness).then(
      (info) => send({ t: 'ready', ...info }),
      (e) => {
        send({ t: 'fatal', message: String(e?.message ?? e) });
        exit(3);
      },
    );
  } else if (msg.t === 'run') {
    runJob(msg.id, msg.job).catch((e) => {
      send({ t: 'fatal', message: String(e?.message ?? e) });
      exit(3);
    });
  }
});
send({ t: 'loaded' });
