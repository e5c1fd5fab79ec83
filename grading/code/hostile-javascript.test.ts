import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCodeGrader, type CodeGrader } from './code-grader.ts';
import { parseCodeTask } from './task.ts';
import type { Verdict } from './verdict.ts';

let grader: CodeGrader;
beforeAll(async () => {
  grader = createCodeGrader({ size: 2 });
  await grader.warm(['javascript']);
}, 120_000);
afterAll(() => grader.close());

const task = parseCodeTask({
  language: 'javascript',
  entry: 'f',
  limits: { cpuMsPerTest: 1_000, wallMs: 60_000, memoryMb: 64, outputBytes: 10_000 },
  tests: [
    { name: 'visible', kind: 'function', args: [3], expected: 6, visible: true },
    { name: 'hidden', kind: 'function', args: [5], expected: 10 },
  ],
});
const ordinary = 'function f(x) { return [x, x].map((v) => v).length * x; }';
const fn = (body: string) => `function f(x) {\n${body}\n}`;
const sab = 'new Int32Array(new SharedArrayBuffer(4))';

const hostile: Array<[string, string, Verdict]> = [
  ['while (true)', fn('while (true) {}'), 'time_limit'],
  [
    'catching the timeout and continuing',
    fn('for (;;) { try { while (true) {} } catch (e) {} }'),
    'time_limit',
  ],
  ['Atomics.wait', fn(`Atomics.wait(${sab}, 0, 0); return x * 2;`), 'time_limit'],
  [
    'Atomics.wait in a catching loop',
    fn(`for (;;) { try { Atomics.wait(${sab}, 0, 0); } catch {} }`),
    'time_limit',
  ],
  [
    "constructor.constructor('return process')()",
    fn("return f.constructor.constructor('return process')().pid;"),
    'runtime_error',
  ],
  [
    'async constructor to process',
    fn("return (async () => {}).constructor('return process')();"),
    'runtime_error',
  ],
  ['require', fn("return require('child_process').execSync('id').toString();"), 'runtime_error'],
  ['import()', fn("return import('node:fs');"), 'runtime_error'],
  ['process', fn('return process.env.HOME;'), 'runtime_error'],
  ['globalThis.process', fn('return globalThis.process.pid;'), 'runtime_error'],
  ['eval', fn("return eval('x * 2');"), 'runtime_error'],
  ['new Function', fn("return new Function('return 6')();"), 'runtime_error'],
  ['fetch', fn("fetch('http://127.0.0.1:6379/'); return x * 2;"), 'runtime_error'],
  ['WebSocket', fn("new WebSocket('ws://127.0.0.1:6379/'); return x * 2;"), 'runtime_error'],
  ['setTimeout', fn('setTimeout(() => {}, 1); return x * 2;'), 'runtime_error'],
  ['memory bomb (arrays)', fn('const a = []; for (;;) a.push(new Array(1e6).fill(1.5));'), 'memory_limit'],
  // On a loaded machine the clock can stop a memory bomb before V8 disposes the isolate: a run stopped
  // with its heap all but full is reported over memory, as it is here every time.
  [
    'memory bomb the clock stops first',
    fn('const a = []; for (let i = 0; i < 7; i++) a.push(new Array(1e6).fill(1.5)); for (;;) {}'),
    'memory_limit',
  ],
  ['memory bomb (typed arrays)', fn('const a = []; for (;;) a.push(new Float64Array(1e6));'), 'memory_limit'],
  ['huge output', fn("console.log('x'.repeat(1e7)); return x * 2;"), 'output_limit'],
  ['endless logging', fn("for (;;) console.log('spam');"), 'output_limit'],
  ['deep recursion', 'function f(x) { return f(x) + 1; }', 'runtime_error'],
  ['throw a non-Error', fn('throw 42;'), 'runtime_error'],
  ['return a function', fn('return () => x;'), 'runtime_error'],
  ['return a throwing getter', fn("return { get v() { throw new Error('boom'); } };"), 'runtime_error'],
  [
    'prepareStackTrace hijack',
    fn("Error.prepareStackTrace = () => 'forged'; throw new Error('x');"),
    'runtime_error',
  ],
  [
    'prototype pollution of shared objects',
    fn(
      "Object.prototype.polluted = 1; Array.prototype.map = () => []; Object.defineProperty(Array.prototype, 'length', {}); return x * 2;",
    ),
    'passed',
  ],
  ['JSON.stringify hijack', fn("JSON.stringify = () => '6'; return -1;"), 'wrong_answer'],
  [
    'WebAssembly memory bomb',
    fn('const m = new WebAssembly.Memory({ initial: 1, maximum: 65536 }); for (;;) m.grow(1000);'),
    'runtime_error',
  ],
  ['syntax error', 'function f(x) { return x * 2', 'not_gradable'],
];

describe('hostile JavaScript submissions', () => {
  it.each(hostile)(
    '%s',
    async (_name, code, verdict) => {
      const r = await grader.grade(task, code);
      expect(r.tests.map((t) => t.verdict)).toEqual([verdict, verdict]);
      const next = await grader.grade(task, ordinary);
      expect(next.score).toBe(2);
    },
    120_000,
  );

  it('keeps teacher tests honest when the submission rewrites expect and intrinsics', async () => {
    const fileTask = parseCodeTask({
      language: 'javascript',
      testFile: {
        source:
          "const { add } = require('solution');\ndescribe('add', () => {\n" +
          '  test("small", () => expect(add(1, 2)).toBe(3));\n' +
          '  xtest("zero", () => expect(add(0, 0)).toEqual(0));\n' +
          '  it("negative", () => { expect(add(-1, -1)).not.toBe(0); expect(add(-1, -1)).toBe(-2); });\n});\n',
      },
    });
    const forged =
      'try { globalThis.expect = () => ({ toBe() {}, toEqual() {}, not: { toBe() {} } }); } catch {}\n' +
      'try { Object.is = () => true; } catch {}\n' +
      'module.exports = { add: () => 42 };\n';
    const r = await grader.grade(fileTask, forged);
    expect(r.tests.map((t) => t.verdict)).toEqual(['wrong_answer', 'wrong_answer', 'wrong_answer']);
    expect(r.score).toBe(0);
    const honest = await grader.grade(fileTask, 'exports.add = (a, b) => a + b;');
    expect(honest.score).toBe(3);
  }, 60_000);

  // Each forgery below makes a wrong area() pass if the check were decided inside the isolate with
  // what the submission can reach; the checks are decided in the host on cloned values.
  const areaTask = parseCodeTask({
    language: 'javascript',
    testFile: {
      source:
        "const { area, squares } = require('solution');\n" +
        "test('r=2', () => expect(area(2)).toBeCloseTo(12.566, 2));\n" +
        "test('squares', () => expect(squares(3)).toContain(9));\n" +
        "test('squares length', () => expect(squares(3)).toHaveLength(3));\n" +
        "test('equal', () => expect(squares(2)).toEqual([1, 4]));\n" +
        "test('caught', () => { try { expect(area(1)).toBeGreaterThan(3); } catch (e) {} });\n",
    },
  });
  const wrongArea =
    'function area(r) { return -1; }\n' +
    'function squares(n) { const o = { length: 3, includes: () => true }; return n === 3 ? o : [0]; }\n' +
    'module.exports = { area, squares };\n';
  const forgeries: Array<[string, string]> = [
    ['rebinding the global Math', 'Math = { abs: () => 0, PI: 3 };\nglobalThis.Math = { abs: () => 0 };\n'],
    [
      'defineProperty on the global Math',
      "Object.defineProperty(globalThis, 'Math', { value: { abs: () => 0 } });\n",
    ],
    ['patching Array.prototype.includes', 'Array.prototype.includes = () => true;\n'],
    [
      'rebinding expect',
      'expect = () => ({ toBeCloseTo() {}, toContain() {}, toHaveLength() {}, toEqual() {} });\n',
    ],
    ['patching Object.keys and Object.is', 'Object.keys = () => []; Object.is = () => true;\n'],
  ];
  it.each(forgeries)(
    'scores a wrong submission 0 despite %s',
    async (_name, prefix) => {
      const r = await grader.grade(areaTask, `try {\n${prefix}} catch (e) {}\n${wrongArea}`);
      expect(r.tests.map((t) => t.verdict)).toEqual([
        'wrong_answer',
        'wrong_answer',
        'wrong_answer',
        'wrong_answer',
        'wrong_answer',
      ]);
      const right = await grader.grade(
        areaTask,
        'exports.area = (r) => Math.PI * r * r;\n' +
          'exports.squares = (n) => Array.from({ length: n }, (_, i) => (i + 1) ** 2);\n',
      );
      expect(right.score).toBe(right.maxScore);
    },
    60_000,
  );
});
