import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoBank, splitCodeTask } from '../../item-bank/index.ts';
import { seedDemo, type DemoSitting } from '../demo/seed-demo.ts';
import { api } from './support/http.ts';
import { connectCandidate, request } from './support/delivery-fixtures.ts';
import { createTestEngine, type TestEngine } from './support/test-engine.ts';

let engine: TestEngine;
let port: number;
let demo: DemoSitting;

beforeAll(async () => {
  engine = await createTestEngine();
  demo = (await seedDemo(engine.deps.db)).sitting!;
  port = await engine.listen(0, '127.0.0.1');
});
afterAll(() => engine.dispose());

describe('what reaches a candidate', () => {
  it('no payload of a full sitting holds a correct response, mapping, processing rule, scorer rubric or hidden code test', async () => {
    const captured: string[] = [];
    const checkIn = await api(engine).post('/api/candidate/check-in', {
      accessCode: demo.accessCode,
      candidateNumber: demo.candidate.candidateNumber,
      dateOfBirth: demo.candidate.dateOfBirth,
    });
    captured.push(JSON.stringify(checkIn.data));
    const socket = await connectCandidate(port, checkIn.data.sessionToken, { deviceId: 'capture' });
    socket.onAny((event, payload) => captured.push(`${event} ${JSON.stringify(payload)}`));
    const record = <T>(ack: T) => {
      captured.push(JSON.stringify(ack));
      return ack;
    };
    const started = record(await request(socket, 'session:start', {}));
    if (!started.ok) throw new Error(JSON.stringify(started));
    for (const entry of started.snapshot.form) {
      record(await request(socket, 'item:fetch', { position: entry.position }));
      record(
        await request(socket, 'response:save', {
          itemRef: entry.itemRef,
          seq: 1,
          responses: { RESPONSE: 'x' },
        }),
      );
      record(await request(socket, 'navigate', { position: entry.position }));
      // Simultaneous submission: a per-item submit is refused and gives back no feedback or solution.
      expect(record(await request(socket, 'item:submit', { itemRef: entry.itemRef }))).toMatchObject({
        ok: false,
        error: { id: 'not_individual_submission' },
      });
    }
    record(await request(socket, 'session:resume', {}));
    record(await request(socket, 'submit', { confirm: true }));
    socket.disconnect();

    const everything = captured.join('\n');
    expect(everything).toContain('Nối mỗi quốc gia'); // the items did arrive
    for (const banned of [
      'correctResponse',
      'mapping',
      'mapEntry',
      'responseProcessing',
      'responseCondition',
      'setOutcomeValue',
      '"solution"',
      'matchTable',
      'lookupTable',
      '"scorer"',
      'rubricBlock',
    ]) {
      expect(everything, banned).not.toContain(banned);
    }
    // Nor the key values themselves where they are not shown as choices: the free-text and numeric keys.
    for (const { item } of loadDemoBank()) {
      for (const d of item.declarations) {
        if (d.kind === 'response' && d.baseType === 'string')
          for (const v of d.correctResponse ?? []) expect(everything).not.toContain(`"${v.text}"`);
        if (d.kind === 'response' && d.baseType === 'directedPair')
          for (const v of d.correctResponse ?? []) expect(everything).not.toContain(v.text);
      }
    }
    expect(everything).not.toContain('1 điểm: nêu được quán tính'); // the scorer rubric of the physics item

    // Nor the hidden tests of the code task: not their element or keys, names, inputs or expected outputs.
    // Payloads carry the task as JSON inside JSON, so the quotes are compared unescaped too.
    const unescaped = everything.replaceAll('\\"', '"');
    expect(unescaped).toContain('tong_chan'); // the code task itself did arrive
    for (const banned of ['hidden-tests', 'hiddenTests', 'data-visibility', '"visible":false'])
      expect(unescaped, banned).not.toContain(banned);
    const codeTasks = loadDemoBank().flatMap(({ item }) => item.codeTasks ?? []);
    const hiddenTests = codeTasks.flatMap(({ task }) => splitCodeTask(task).hidden.tests);
    const visibleTests = codeTasks.flatMap(({ task }) => splitCodeTask(task).visible.tests);
    expect(hiddenTests.map((t) => t.name)).toEqual(['Số âm', 'Không có số chẵn', 'Danh sách dài']);
    for (const test of hiddenTests) {
      expect(unescaped, test.name).not.toContain(test.name);
      if (test.kind === 'io') {
        for (const secret of [test.stdin, test.expected].filter((text) => text.trim().length > 3))
          expect(unescaped, `${test.name} input/output`).not.toContain(JSON.stringify(secret).slice(1, -1));
        continue;
      }
      expect(unescaped, `${test.name} input`).not.toContain(JSON.stringify(test.args));
      // An expected output a visible test shares (the visible example also returns 6) is no secret.
      const expected = `"expected":${JSON.stringify(test.expected)}`;
      if (
        !visibleTests.some(
          (v) => v.kind === 'function' && JSON.stringify(v.expected) === JSON.stringify(test.expected),
        )
      )
        expect(unescaped, `${test.name} expected output`).not.toContain(expected);
    }
  });
});
