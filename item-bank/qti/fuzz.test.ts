import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAuthoringXml } from '../authoring/authoring-item.ts';
import { toCandidateItem } from '../candidate/project-item.ts';
import { corpusIndex, readCorpusFile } from '../test/corpus.ts';
import { parseItemXml } from './parse-item.ts';
import type { ValidationProblem } from './problems.ts';
import { parseTestXml } from './parse-test.ts';
import { writeItemXml } from './write-item.ts';

const seeds = corpusIndex()
  .filter((e) => e.kind === 'item' || e.kind === 'test')
  .filter((_, i) => i % 7 === 0)
  .map((e) => readCorpusFile(e.path))
  .filter((xml) => xml.length < 20_000);

interface Mutation {
  kind: 'truncate' | 'delete' | 'insert' | 'repeat';
  at: number;
  length: number;
  junk: string;
}

/** Ways a file gets damaged: cut short, a slice removed, junk inserted, a slice repeated. */
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('truncate', 'delete', 'insert', 'repeat'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 1, max: 300 }),
  junk: fc.oneof(
    fc.string(),
    fc.constantFrom(
      '<',
      '>',
      '&',
      '"',
      '</qti-item-body>',
      '<!DOCTYPE x [<!ENTITY a "b">]>',
      '&a;',
      ']]>',
      '\u0000',
      '<x:y>',
      'xmlns=""',
      '<qti-choice-interaction response-identifier="R">',
    ),
  ),
});

function mutate(xml: string, steps: Mutation[]): string {
  let out = xml;
  for (const step of steps) {
    const at = Math.floor(step.at * out.length);
    if (step.kind === 'truncate') out = out.slice(0, at);
    else if (step.kind === 'delete') out = out.slice(0, at) + out.slice(at + step.length);
    else if (step.kind === 'insert') out = out.slice(0, at) + step.junk + out.slice(at);
    else out = out.slice(0, at) + out.slice(at, at + step.length) + out.slice(at);
  }
  return out;
}

function expectTyped(problems: ValidationProblem[], read: boolean): void {
  for (const p of problems) {
    expect(p).toMatchObject({
      severity: expect.stringMatching(/^(error|warning)$/),
      code: expect.stringMatching(/^[a-z-]+$/),
      line: expect.any(Number),
      column: expect.any(Number),
    });
    expect(p.message.length).toBeGreaterThan(5);
  }
  if (!read) expect(problems.some((p) => p.severity === 'error')).toBe(true);
}

describe('fuzzing the QTI readers', () => {
  // Thousands of parses: ~18 s alone, over the 30 s default when the machine is busy (no time is asserted).
  it('never throws on thousands of mutated and truncated items and tests: every failure is a typed problem', () => {
    let rejected = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (seed, steps) => {
          const xml = mutate(seed, steps);
          const item = parseItemXml(xml, 'fuzz.xml');
          expectTyped(item.problems, Boolean(item.item) || !/assessmentItem|qti-assessment-item/.test(xml));
          if (item.item) {
            toCandidateItem(item.item);
            // Whatever was read can be written and read again.
            expect(parseItemXml(writeItemXml(item.item)).item).toBeDefined();
          }
          if (item.problems.some((p) => p.severity === 'error')) rejected++;
          const test = parseTestXml(xml, 'fuzz.xml');
          expectTyped(test.problems, true);
          if (!test.test) expect(test.problems.some((p) => p.severity === 'error')).toBe(true);
          expectTyped(parseAuthoringXml(xml).problems, true);
        },
      ),
      { numRuns: 3000, seed: 20260 },
    );
    expect(rejected).toBeGreaterThan(100);
  }, 180_000);

  it('refuses an entity-expansion attack in every form (internal, parameter and external entities)', () => {
    for (const doctype of [
      '<!DOCTYPE a [<!ENTITY x "xxxxxxxxxx"><!ENTITY y "&x;&x;&x;&x;&x;&x;&x;&x;&x;&x;"><!ENTITY z "&y;&y;&y;&y;&y;&y;&y;&y;&y;&y;">]>',
      '<!DOCTYPE a [<!ENTITY % p "x"> %p;]>',
      '<!DOCTYPE a [<!ENTITY ext SYSTEM "file:///etc/passwd">]>',
    ]) {
      const xml = `<?xml version="1.0"?>${doctype}<assessmentItem identifier="a" title="&z;"><itemBody/></assessmentItem>`;
      const item = parseItemXml(xml);
      expect(item.item).toBeUndefined();
      expect(item.problems[0]!.code).toBe('xml-syntax');
      expect(parseTestXml(xml).test).toBeUndefined();
    }
  });
});
