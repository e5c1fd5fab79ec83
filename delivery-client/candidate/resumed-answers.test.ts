/** After a (re)connection the page shows the newest version of every answer, wherever it is held. */
import { describe, expect, it } from 'vitest';
import { resumedAnswers, type ResumeSources } from './resumed-answers.ts';

const text = (value: string) => ({ RESPONSE: value });
const base: ResumeSources = {
  snapshot: {},
  local: new Map(),
  knownBefore: new Map(),
  answeredHere: [],
  held: {},
};

describe('resumedAnswers', () => {
  it("takes the engine's stored answers on a fresh page", () => {
    const answers = resumedAnswers({
      ...base,
      snapshot: { a: { seq: 3, responses: text('engine') } },
    });
    expect(answers).toEqual({ a: text('engine') });
  });

  it("prefers the device's unsent answer over an older stored one, not over a newer one", () => {
    const answers = resumedAnswers({
      ...base,
      snapshot: { a: { seq: 3, responses: text('engine a') }, b: { seq: 5, responses: text('engine b') } },
      local: new Map([
        ['a', { seq: 4, responses: text('device a') }],
        ['b', { seq: 4, responses: text('device b') }],
      ]),
    });
    expect(answers).toEqual({ a: text('device a'), b: text('engine b') });
  });

  it('keeps what the candidate typed while the snapshot and the store were read', () => {
    const answers = resumedAnswers({
      ...base,
      // The engine and the device are one keystroke behind the page.
      snapshot: { a: { seq: 4, responses: text('tong = 0') } },
      local: new Map([['a', { seq: 4, responses: text('tong = 0') }]]),
      knownBefore: new Map([['a', 4]]),
      answeredHere: ['a'],
      held: { a: text('tong = 0\nfor') },
    });
    expect(answers).toEqual({ a: text('tong = 0\nfor') });
  });

  it('lets a later version stored from another device win over what this page holds', () => {
    const answers = resumedAnswers({
      ...base,
      // This page last knew seq 4; the session moved and the other device saved seq 7 and 8.
      snapshot: { a: { seq: 8, responses: text('other device') } },
      local: new Map([['a', { seq: 4, responses: text('this page') }]]),
      knownBefore: new Map([['a', 4]]),
      answeredHere: ['a'],
      held: { a: text('this page') },
    });
    expect(answers).toEqual({ a: text('other device') });
  });

  it('leaves items this page never touched to the engine and the device', () => {
    const answers = resumedAnswers({
      ...base,
      snapshot: { b: { seq: 2, responses: text('engine b') } },
      answeredHere: ['a'],
      held: { b: text('stale page copy') },
    });
    expect(answers).toEqual({ b: text('engine b') });
  });
});
