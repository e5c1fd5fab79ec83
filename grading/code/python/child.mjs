/* global process */
// Python sandbox child: one Pyodide interpreter in a hardened Node process (see ../README.md).
// Started by the pool with the permission model, no code generation from strings, a wasm memory cap,
// an empty environment and working folder, and under bubblewrap where available. Plain JavaScript:
// it runs without a TypeScript loader, which the permission model would refuse to read.
import fs from 'node:fs';
import os from 'node:os';
import { createRequire, syncBuiltinESMExports } from 'node:module';

const send = process.send.bind(process);
const proc = process;
const onMessage = (fn) => proc.on('message', fn);
const exit = process.exit.bind(process);
const cpuUsage = process.cpuUsage.bind(process);
const pyodideDir = process.argv[2];

// Pyodide asks process.binding('constants'), which the permission model refuses; answer only that.
const constants = { fs: fs.constants, os: os.constants };
process.binding = (name) => {
  if (name === 'constants') return constants;
  throw new Error(`process.binding(${name}) is not available in the grader`);
};

// Module deny-list: every function of these builtins throws, for whoever reaches them later.
const require = createRequire(import.meta.url);
const DENIED = [
  'net',
  'http',
  'https',
  'http2',
  'tls',
  'dgram',
  'dns',
  'child_process',
  'worker_threads',
  'vm',
  'cluster',
  'inspector',
];
const denied = DENIED.map((name) => [name, require(name)]);
for (const [name, mod] of denied) {
  for (const key of Object.keys(mod)) {
    if (typeof mod[key] === 'function' && !/^[A-Z]/.test(key)) {
      try {
        mod[key] = () => {
          throw new Error(`${name}.${key} is not available in the grader`);
        };
      } catch {
        /* read-only export: the permission model still applies */
      }
    }
  }
}
syncBuiltinESMExports();
for (const g of [
  'fetch',
  'WebSocket',
  'EventSource',
  'XMLHttpRequest',
  'Request',
  'Response',
  'Headers',
  'FormData',
]) {
  delete globalThis[g];
}

const { loadPyodide } = await import(`${pyodideDir}/pyodide.mjs`);
let pyodide;
let grader;
try {
  pyodide = await loadPyodide({
    indexURL: `${pyodideDir}/`,
    jsglobals: Object.freeze(Object.create(null)),
    env: { HOME: '/sandbox' },
    args: [],
    stdin: () => null,
    stdout: () => {},
    stderr: () => {},
  });
} catch (e) {
  send({ t: 'fatal', message: `pyodide failed to load: ${e?.message ?? e}` });
  exit(3);
}
const heapBytes = () => pyodide._module.HEAPU8.buffer.byteLength;
// After loading, nothing in the interpreter should find `process`: the IPC and exit functions are held here.
delete globalThis.process;

function pyCall(fn, ...args) {
  return fn(...args);
}

async function init(harness) {
  pyodide.runPython(harness);
  const factory = pyodide.globals.get('_grader_factory');
  pyodide.globals.delete('_grader_factory');
  const g = factory();
  grader = Object.fromEntries(
    ['prepare', 'call', 'run_io', 'reset', 'unittest_prepare', 'unittest_run'].map((k) => [k, g.get(k)]),
  );
  return { baselineBytes: heapBytes() };
}

let baseline = 0;
function measure(fn) {
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
  const r = JSON.parse(raw);
  r.cpuMs = (used.user + used.system) / 1000;
  return r;
}

function runJob(id, job) {
  const cap = job.limits.outputBytes;
  const memCap = job.limits.memoryMb * 1024 * 1024;
  let recycle = false;
  const check = (r) => {
    if (heapBytes() - baseline > memCap && r.s !== 'fatal') {
      r.s = 'memory';
      recycle = true;
    }
    if (r.s === 'memory' || r.s === 'fatal' || r.s === 'output' || r.s === 'tampered') recycle = true;
    return r;
  };
  if (job.kind === 'tests') {
    const args = JSON.stringify(job.tests.map((t) => JSON.stringify(t.kind === 'function' ? t.args : [])));
    const prep = JSON.parse(pyCall(grader.prepare, job.code, job.moduleName, args, cap));
    if (prep.s === 'ok') {
      for (let i = 0; i < job.tests.length; i++) {
        const t = job.tests[i];
        const r = check(
          measure(() => (t.kind === 'function' ? grader.call(i, t.fn) : grader.run_io(t.stdin))),
        );
        send({ t: 'progress', id, i, r });
        if (r.s === 'fatal') break;
      }
    }
    try {
      grader.reset();
    } catch {
      recycle = true;
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
    send({ t: 'done', id, prep, recycle: true });
  }
}

onMessage((msg) => {
  if (msg.t === 'init') {
    init(msg.harness).then(
      (info) => {
        baseline = info.baselineBytes;
        send({ t: 'ready', ...info });
      },
      (e) => {
        send({ t: 'fatal', message: String(e?.message ?? e) });
        exit(3);
      },
    );
  } else if (msg.t === 'run') {
    runJob(msg.id, msg.job);
  }
});
send({ t: 'loaded' });
