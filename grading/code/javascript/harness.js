/* eslint-disable @typescript-eslint/no-unused-expressions -- evaluated by isolated-vm as one expression */
// Runs inside a fresh isolated-vm context before any student code. Holds the test registry, `expect`
// and the I/O capture in closures the student cannot reach; intrinsics are frozen and the global bindings
// made read-only for teacher-file runs. Every `expect` check goes out to the host (`report`, an
// isolated-vm Callback: the values are structured-cloned by isolated-vm and compared in Node), which
// keeps the count and the first failure of each test; the verdict is the host's.
(function setup(global, freeze, cap, report) {
  'use strict';
  const { defineProperty, freeze: objFreeze, getOwnPropertyNames, is, keys, getPrototypeOf } = Object;
  const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const mathAbs = Math.abs;
  const arrayIncludes = Array.prototype.includes;
  const stringIncludes = String.prototype.includes;
  const regexpTest = RegExp.prototype.test;
  const isArray = Array.isArray;
  const apply = Reflect.apply;
  const push = Array.prototype.push;
  const join = Array.prototype.join;
  const stringify = JSON.stringify;
  const StringC = String;
  const PromiseC = Promise;
  const promiseResolve = Promise.resolve;
  const promiseThen = Promise.prototype.then;
  let out = [];
  let outBytes = 0;
  let over = false;
  let stdinLines = [];
  let stdinPos = 0;
  let stdinText = '';
  const fmt = (a) =>
    typeof a === 'string'
      ? a
      : (() => {
          try {
            return stringify(a) ?? StringC(a);
          } catch {
            return StringC(a);
          }
        })();
  const write = (...args) => {
    const line = apply(join, args.map(fmt), [' ']) + '\n';
    outBytes += line.length;
    if (outBytes > cap) {
      over = true;
      throw new RangeError('output limit exceeded');
    }
    apply(push, out, [line]);
  };
  const console = objFreeze({ log: write, info: write, warn: write, error: write, debug: write });
  const def = (name, value) =>
    defineProperty(global, name, { value, writable: false, configurable: false, enumerable: false });
  def('console', console);
  def('input', () => (stdinPos < stdinLines.length ? stdinLines[stdinPos++] : null));
  def('readline', () => (stdinPos < stdinLines.length ? stdinLines[stdinPos++] : null));
  def('readAll', () => stdinText);
  // No code generation from strings inside the isolate either.
  const noEval = () => {
    throw new EvalError('code generation from strings is disabled');
  };
  for (const F of [function () {}, async function () {}, function* () {}, async function* () {}]) {
    defineProperty(getPrototypeOf(F), 'constructor', { value: noEval, writable: false, configurable: false });
  }
  def('eval', noEval);
  def('Function', noEval);

  // --- teacher test files: describe / test / it / xtest / expect
  const tests = [];
  const prefix = [];
  const describe = (name, fn) => {
    apply(push, prefix, [name]);
    try {
      fn();
    } finally {
      prefix.length--;
    }
  };
  const test = (name, fn) => apply(push, tests, [{ name: apply(join, [...prefix, name], [' > ']), fn }]);
  let assertions = 0;
  const fail = (msg) => {
    const e = new Error(msg);
    e.__expectFailure = true;
    throw e;
  };
  const deepEqual = (a, b) => {
    if (is(a, b)) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (isArray(a) !== isArray(b)) return false;
    const ka = keys(a),
      kb = keys(b);
    if (ka.length !== kb.length) return false;
    for (let i = 0; i < ka.length; i++) if (!deepEqual(a[ka[i]], b[ka[i]])) return false;
    return true;
  };
  const show = (v) => {
    try {
      return stringify(v) ?? StringC(v);
    } catch {
      return StringC(v);
    }
  };
  const expect = (actual) => {
    const make = (negate) => {
      // `op` and the values go to the host, which decides; `localOk` (computed here with intrinsics
      // captured before the submission loaded) is used there only for what cannot be cloned or
      // compared outside (object identity, a function that throws).
      const check = (ok, msg, op, expected, extra) => {
        assertions++;
        const text = (negate ? 'not ' : '') + msg;
        let hostOk;
        try {
          hostOk = report(op, negate, actual, expected, extra, ok, text, false);
        } catch {
          hostOk = report(op, negate, null, null, extra, ok, text, true);
        }
        if (hostOk !== true) fail(text);
      };
      return objFreeze({
        toBe: (e) => check(is(actual, e), `expected ${show(actual)} to be ${show(e)}`, 'toBe', e),
        toEqual: (e) =>
          check(deepEqual(actual, e), `expected ${show(actual)} to equal ${show(e)}`, 'toEqual', e),
        toStrictEqual: (e) =>
          check(deepEqual(actual, e), `expected ${show(actual)} to equal ${show(e)}`, 'toEqual', e),
        toBeCloseTo: (e, digits = 2) =>
          check(
            typeof actual === 'number' && mathAbs(actual - e) < 10 ** -digits / 2,
            `expected ${show(actual)} to be close to ${show(e)}`,
            'toBeCloseTo',
            e,
            digits,
          ),
        toBeTruthy: () => check(!!actual, `expected ${show(actual)} to be truthy`, 'toBeTruthy'),
        toBeFalsy: () => check(!actual, `expected ${show(actual)} to be falsy`, 'toBeFalsy'),
        toBeNull: () => check(actual === null, `expected ${show(actual)} to be null`, 'toBeNull'),
        toBeUndefined: () =>
          check(actual === undefined, `expected ${show(actual)} to be undefined`, 'toBeUndefined'),
        toBeDefined: () => check(actual !== undefined, `expected value to be defined`, 'toBeDefined'),
        toBeGreaterThan: (e) => check(actual > e, `expected ${show(actual)} > ${show(e)}`, '>', e),
        toBeGreaterThanOrEqual: (e) => check(actual >= e, `expected ${show(actual)} >= ${show(e)}`, '>=', e),
        toBeLessThan: (e) => check(actual < e, `expected ${show(actual)} < ${show(e)}`, '<', e),
        toBeLessThanOrEqual: (e) => check(actual <= e, `expected ${show(actual)} <= ${show(e)}`, '<=', e),
        toContain: (e) =>
          check(
            isArray(actual)
              ? apply(arrayIncludes, actual, [e])
              : typeof actual === 'string' && apply(stringIncludes, actual, [e]),
            `expected ${show(actual)} to contain ${show(e)}`,
            'toContain',
            e,
          ),
        toHaveLength: (n) =>
          check(
            (isArray(actual) || typeof actual === 'string') && actual.length === n,
            `expected length ${n}`,
            'toHaveLength',
            n,
          ),
        toMatch: (re) =>
          check(
            typeof actual === 'string' &&
              (typeof re === 'string'
                ? apply(stringIncludes, actual, [re])
                : apply(regexpTest, re, [actual])),
            `expected ${show(actual)} to match ${StringC(re)}`,
            'toMatch',
            re,
          ),
        toThrow: () => {
          let threw = false;
          try {
            actual();
          } catch {
            threw = true;
          }
          check(threw, 'expected function to throw', 'toThrow');
        },
      });
    };
    const m = make(false);
    return objFreeze({ ...m, not: make(true) });
  };
  for (const [n, v] of [
    ['describe', describe],
    ['test', test],
    ['it', test],
    ['xtest', test],
    ['xit', test],
    ['expect', objFreeze(expect)],
  ])
    def(n, v);
  def('xdescribe', describe);

  // Freeze intrinsics and make every global binding read-only, so a submission can neither pollute nor
  // rebind what the tests rely on (`Math = {...}` is ignored, `Object.defineProperty` throws).
  if (freeze) {
    for (const name of getOwnPropertyNames(global)) {
      const v = global[name];
      if ((typeof v === 'function' || (typeof v === 'object' && v !== null)) && name !== 'globalThis') {
        objFreeze(v);
        if (typeof v === 'function' && v.prototype) objFreeze(v.prototype);
      }
      const d = getOwnPropertyDescriptor(global, name);
      if (d && d.configurable) {
        defineProperty(
          global,
          name,
          'value' in d ? { writable: false, configurable: false } : { configurable: false },
        );
      }
    }
    objFreeze(getPrototypeOf(function () {}));
  }

  let asyncOutcome = null;
  const passed = () =>
    over ? { s: 'output' } : assertions > 0 ? { s: 'pass' } : { s: 'fail', msg: 'test made no assertions' };
  const failed = (e) => {
    if (over) return { s: 'output' };
    if (e && e.__expectFailure) return { s: 'fail', msg: StringC(e.message) };
    return { s: 'error', etype: (e && e.name) || 'Error', tb: StringC((e && e.stack) || e) };
  };

  return {
    setStdin(text) {
      stdinText = text;
      stdinLines = text.split('\n');
      if (stdinLines[stdinLines.length - 1] === '') stdinLines.length--;
      stdinPos = 0;
      out = [];
      outBytes = 0;
      over = false;
    },
    output() {
      return { text: apply(join, out, ['']), over };
    },
    resetOutput() {
      out = [];
      outBytes = 0;
      over = false;
    },
    count() {
      return tests.length;
    },
    names() {
      return tests.map((t) => t.name);
    },
    /**
     * Runs test i. An async test (returning a promise) answers { s: 'async' }: its outcome is read with
     * asyncResult() once the host call returned, which is after the isolate ran every pending microtask
     * under the same time limit. With no timers in the isolate, a promise still pending then never settles.
     */
    runTest(i) {
      assertions = 0;
      out = [];
      outBytes = 0;
      over = false;
      asyncOutcome = null;
      const t = tests[i];
      let returned;
      try {
        returned = t.fn();
      } catch (e) {
        return failed(e);
      }
      if (returned !== null && (typeof returned === 'object' || typeof returned === 'function')) {
        let then;
        try {
          then = returned.then;
        } catch (e) {
          return failed(e);
        }
        if (typeof then === 'function') {
          asyncOutcome = { s: 'time', msg: 'the async test never finished' };
          apply(promiseThen, apply(promiseResolve, PromiseC, [returned]), [
            () => (asyncOutcome = passed()),
            (e) => (asyncOutcome = failed(e)),
          ]);
          return { s: 'async' };
        }
      }
      return passed();
    },
    asyncResult() {
      return asyncOutcome ?? { s: 'error', etype: 'Error', tb: 'no async test ran' };
    },
  };
});
