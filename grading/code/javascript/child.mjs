/* global process */
// JavaScript sandbox child: runs submissions in isolated-vm isolates (a fresh isolate per job, sized to
// the task's memory limit) inside a hardened Node process, so a V8 out-of-memory takes down only this child.
import { createRequire } from 'node:module';
import { hardenChild } from '../sandbox/harden-child.mjs';

const proc = process;
const send = proc.send.bind(proc);
const cpuUsage = proc.cpuUsage.bind(proc);
const require = createRequire(import.meta.url);
const ivm = require(proc.argv[2]);
hardenChild();

let harnessSource = '';

/** Structural equality of cloned values, as Jest's toEqual (prototypes ignored). */
function deepEqual(a, b) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
  if (a instanceof RegExp || b instanceof RegExp) return String(a) === String(b);
  if (a instanceof Map || b instanceof Map || a instanceof Set || b instanceof Set) {
    if (a.constructor !== b.constructor || a.size !== b.size) return false;
    return deepEqual([...a.entries()], [...b.entries()]);
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}

/**
 * The host side of `expect`: every check of a teacher test file arrives here with its values cloned out
 * of the isolate and is decided in Node; the verdict of a test is taken from this record, so nothing
 * the submission does inside the isolate can turn a failed check into a pass.
 */
function makeChecks() {
  const rec = { n: 0, failure: null, inSandbox: 0 };
  const decide = (op, actual, expected, extra, localOk) => {
    switch (op) {
      case 'toBe':
        return typeof actual === 'object' && actual !== null ? localOk : Object.is(actual, expected);
      case 'toEqual':
        return deepEqual(actual, expected);
      case 'toBeCloseTo':
        return (
          typeof actual === 'number' &&
          typeof expected === 'number' &&
          Math.abs(actual - expected) < 10 ** -(extra ?? 2) / 2
        );
      case 'toBeTruthy':
        return !!actual;
      case 'toBeFalsy':
        return !actual;
      case 'toBeNull':
        return actual === null;
      case 'toBeUndefined':
        return actual === undefined;
      case 'toBeDefined':
        return actual !== undefined;
      case '>':
        return actual > expected;
      case '>=':
        return actual >= expected;
      case '<':
        return actual < expected;
      case '<=':
        return actual <= expected;
      case 'toContain':
        return Array.isArray(actual)
          ? actual.some((x) => x === expected)
          : typeof actual === 'string' && actual.includes(expected);
      case 'toHaveLength':
        return (Array.isArray(actual) || typeof actual === 'string') && actual.length === expected;
      case 'toMatch':
        return (
          typeof actual === 'string' &&
          (typeof expected === 'string'
            ? actual.includes(expected)
            : expected instanceof RegExp && new RegExp(expected.source, expected.flags).test(actual))
        );
      default:
        // toThrow: whether the function threw is only known inside (intrinsics captured before load).
        return localOk;
    }
  };
  const callback = new ivm.Callback((op, negate, actual, expected, extra, localOk, msg, uncloned) => {
    rec.n++;
    let ok;
    if (uncloned || op === 'toThrow') {
      rec.inSandbox++;
      ok = localOk === true;
    } else ok = decide(String(op), actual, expected, extra, localOk === true);
    if (negate === true) ok = !ok;
    if (!ok && rec.failure === null) rec.failure = String(msg).slice(0, 4000);
    return ok;
  });
  return {
    callback,
    reset() {
      rec.n = 0;
      rec.failure = null;
      rec.inSandbox = 0;
    },
    /** The verdict of the test just run: the host's record wins over what the isolate answered. */
    verdict(r) {
      if (r.s === 'output' || r.s === 'time' || r.s === 'memory') return r;
      if (rec.failure !== null) return { s: 'fail', msg: rec.failure };
      if (r.s !== 'pass') return r;
      if (rec.n === 0) return { s: 'fail', msg: 'test made no assertions' };
      return r;
    },
  };
}

function classify(e, over) {
  const msg = String(e?.message ?? e);
  if (over || /output limit exceeded/.test(msg)) return { s: 'output' };
  if (/timed out/i.test(msg)) return { s: 'time' };
  if (/memory limit|disposed|allocation failed|out of memory/i.test(msg)) return { s: 'memory' };
  return {
    s: 'error',
    etype: /^(\w*Error)/.exec(msg)?.[1] ?? 'Error',
    tb: String(e?.stack ?? msg).slice(0, 4000),
  };
}

/**
 * A run stopped by the clock while the isolate's heap is all but full was spending its time in V8's
 * last-resort garbage collections: the program ran out of memory, and says so. (On a loaded machine a
 * memory bomb reaches the wall-clock timeout before the heap limit disposes the isolate.)
 */
function nearMemoryLimit(isolate, limitMb) {
  if (isolate.isDisposed) return true;
  try {
    const heap = isolate.getHeapStatisticsSync();
    return heap.used_heap_size + heap.externally_allocated_size >= 0.8 * limitMb * 1024 * 1024;
  } catch {
    return false;
  }
}

function timed(isolate, limitMb, fn) {
  const before = cpuUsage();
  let r;
  try {
    r = fn();
  } catch (e) {
    r = classify(e);
  }
  if (r.s === 'time' && nearMemoryLimit(isolate, limitMb)) r = { s: 'memory' };
  const used = cpuUsage(before);
  r.cpuMs = (used.user + used.system) / 1000;
  return r;
}

/** Student code runs as a CommonJS-like module: `module.exports`, `exports`, top-level functions. */
function wrapModule(code, names) {
  const lookups = names
    .filter((n) => /^[A-Za-z_$][\w$]*$/.test(n))
    .map((n) => `if (n === ${JSON.stringify(n)}) return typeof ${n} === 'function' ? ${n} : undefined;`)
    .join(' ');
  return `(function () { const module = { exports: {} }; var exports = module.exports;\n${code}\n;return { module, local: (n) => { ${lookups} return undefined; } }; })`;
}

function runJob(id, job) {
  send({ t: 'started', id });
  const memoryMb = Math.max(8, job.limits.memoryMb);
  const isolate = new ivm.Isolate({ memoryLimit: memoryMb });
  let recycle = false;
  try {
    const context = isolate.createContextSync();
    const jail = context.global;
    jail.setSync('globalThis', jail.derefInto());
    const checks = makeChecks();
    const harness = isolate
      .compileScriptSync(harnessSource, { filename: 'harness.js' })
      .runSync(context, { reference: true })
      .applySync(
        undefined,
        [jail.derefInto(), job.kind === 'testfile', job.limits.outputBytes, checks.callback],
        { reference: true },
      );
    const h = (name) => harness.getSync(name, { reference: true });
    const timeout = job.limits.cpuMsPerTest;
    let script;
    try {
      script = isolate.compileScriptSync(
        wrapModule(
          job.code,
          job.kind === 'tests' ? job.tests.filter((t) => t.kind === 'function').map((t) => t.fn) : [],
        ),
        { filename: 'solution.js' },
      );
    } catch (e) {
      send({ t: 'done', id, prep: { s: 'syntax', msg: String(e?.message ?? e) }, recycle });
      return;
    }
    const factory = script.runSync(context, { reference: true, timeout });
    if (job.kind === 'tests') {
      let moduleRef = null;
      let loadError = null;
      for (let i = 0; i < job.tests.length; i++) {
        const t = job.tests[i];
        const r = timed(isolate, memoryMb, () => {
          if (t.kind === 'io') {
            h('setStdin').applySync(undefined, [t.stdin]);
            try {
              factory.applySync(undefined, [], { timeout });
            } catch (e) {
              const o = h('output').applySync(undefined, [], { result: { copy: true } });
              return classify(e, o.over);
            }
            const o = h('output').applySync(undefined, [], { result: { copy: true } });
            return o.over ? { s: 'output' } : { s: 'ok', out: o.text };
          }
          if (loadError) return loadError;
          if (!moduleRef) {
            try {
              moduleRef = factory.applySync(undefined, [], { timeout, result: { reference: true } });
            } catch (e) {
              loadError = classify(e);
              return loadError;
            }
          }
          h('resetOutput').applySync(undefined, []);
          const fn = context.evalClosureSync(
            `const m = $0.module.exports; const f = (m && typeof m[$1] === 'function') ? m[$1] : (typeof m === 'function' && m.name === $1 ? m : $0.local($1));
             return typeof f === 'function' ? f : undefined;`,
            [moduleRef.derefInto(), t.fn],
            { result: { reference: true }, timeout },
          );
          if (fn.typeof !== 'function')
            return {
              s: 'error',
              etype: 'ReferenceError',
              tb: `ReferenceError: function ${t.fn} is not defined`,
            };
          const v = fn.applySync(
            undefined,
            t.args.map((a) => new ivm.ExternalCopy(a).copyInto()),
            { timeout, result: { copy: true } },
          );
          const o = h('output').applySync(undefined, [], { result: { copy: true } });
          return o.over ? { s: 'output' } : { s: 'ok', v: v === undefined ? null : v, out: o.text };
        });
        if (r.s !== 'ok') recycle = recycle || r.s === 'memory';
        send({ t: 'progress', id, i, r });
        if (isolate.isDisposed) break;
      }
      send({ t: 'done', id, prep: { s: 'ok' }, recycle });
    } else {
      // Teacher test file: the submission is `require(moduleName)`; the file registers tests.
      let mod;
      try {
        mod = factory.applySync(undefined, [], { timeout, result: { reference: true } });
      } catch (e) {
        const err = classify(e);
        send({ t: 'names', id, prep: { s: 'ok', names: ['(load)'] } });
        send({ t: 'progress', id, i: 0, r: err });
        send({ t: 'done', id, prep: { s: 'ok' }, recycle: true });
        return;
      }
      const testScript = isolate.compileScriptSync(`(function (require) {\n${job.source}\n})`, {
        filename: 'tests.js',
      });
      const req = context.evalClosureSync(
        `const m = $0.module; const name = $1; return (n) => { if (n === name || n === './' + name || n === './' + name + '.js') return m.exports; throw new Error('Cannot find module ' + n); };`,
        [mod.derefInto(), job.moduleName],
        { result: { reference: true } },
      );
      testScript
        .runSync(context, { reference: true, timeout })
        .applySync(undefined, [req.derefInto()], { timeout });
      const names = h('names').applySync(undefined, [], { result: { copy: true } });
      send({ t: 'names', id, prep: { s: 'ok', names } });
      for (let i = job.startAt ?? 0; i < names.length; i++) {
        checks.reset();
        const r = timed(isolate, memoryMb, () => {
          const first = h('runTest').applySync(undefined, [i], { timeout, result: { copy: true } });
          // An async test's microtasks ran before applySync returned, within the same timeout.
          return checks.verdict(
            first.s === 'async'
              ? h('asyncResult').applySync(undefined, [], { timeout, result: { copy: true } })
              : first,
          );
        });
        send({ t: 'progress', id, i, r });
        if (isolate.isDisposed) break;
      }
      send({ t: 'done', id, prep: { s: 'ok', names }, recycle: true });
    }
  } catch (e) {
    send({ t: 'done', id, prep: { s: 'error', msg: String(e?.message ?? e) }, recycle: true });
  } finally {
    if (!isolate.isDisposed) isolate.dispose();
  }
}

proc.on('message', (msg) => {
  if (msg.t === 'init') {
    harnessSource = msg.harness;
    send({ t: 'ready' });
  } else if (msg.t === 'run') {
    runJob(msg.id, msg.job);
  }
});
send({ t: 'loaded' });
