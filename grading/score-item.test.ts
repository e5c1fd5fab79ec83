import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseItemXml } from '../item-bank/index.ts';
import { CompileError } from './processing/context.ts';
import { corpusRoot } from './test/corpus-root.ts';
import { compileItem } from './score-item.ts';

interface Case {
  item: string;
  name?: string;
  source: string;
  responses: Record<string, { baseType: string; cardinality: string; value: unknown }>;
  expected: Record<string, unknown>;
  /** The fixture's own engine rejects the item (test-level expressions, xi:include): so must we. */
  xfail?: boolean;
  xfail_reason?: string;
}

interface KnownFailure {
  case: string;
  /** The name of a case with the same item and responses that asserts the opposite. */
  contradicts: string;
  reason: string;
}

const known = JSON.parse(
  readFileSync(new URL('./test/known-failures.json', import.meta.url), 'utf8'),
) as KnownFailure[];

const cases = readFileSync(path.join(corpusRoot, 'expected.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Case);

const label = (c: Case) => `${c.item} (${c.name ?? c.source})`;

function same(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') return Math.abs(actual - expected) <= 1e-9;
  if (Array.isArray(expected) && Array.isArray(actual))
    return expected.length === actual.length && expected.every((e, i) => same(actual[i], e));
  return actual === expected;
}

function compile(c: Case) {
  const { item, problems } = parseItemXml(readFileSync(path.join(corpusRoot, c.item), 'utf8'), c.item);
  if (!item) throw new Error(problems.map((p) => p.message).join('; '));
  return compileItem(item);
}

describe('conformance with the outcomes other engines assert (expected.jsonl)', () => {
  it(`scores every one of the ${cases.length} cases as asserted`, () => {
    const compiled = new Map<string, ReturnType<typeof compileItem> | Error>();
    const failures: string[] = [];
    let exact = 0;
    let rejected = 0;
    for (const c of cases) {
      let scorer = compiled.get(c.item);
      if (!scorer) {
        try {
          scorer = compile(c);
        } catch (error) {
          scorer = error as Error;
        }
        compiled.set(c.item, scorer);
      }
      if (c.xfail) {
        // The fixture says its engine rejects the item; ours must reject it at compile time, with a reason.
        if (scorer instanceof CompileError) rejected++;
        else failures.push(`${label(c)}: should be rejected (${c.xfail_reason ?? 'xfail'})`);
        continue;
      }
      if (scorer instanceof Error) {
        failures.push(`${label(c)}: cannot compile: ${scorer.message}`);
        continue;
      }
      const outcomes = scorer.scoreJson(
        Object.fromEntries(Object.entries(c.responses).map(([id, r]) => [id, r.value])),
      );
      const wrong = Object.entries(c.expected).filter(([id, value]) => !same(outcomes[id], value));
      if (wrong.length === 0) exact++;
      for (const [id, value] of wrong)
        failures.push(
          `${label(c)}: ${id} = ${JSON.stringify(outcomes[id])}, expected ${JSON.stringify(value)}`,
        );
    }
    const unexplained = failures.filter((f) => !known.some((k) => f.startsWith(`${k.case}:`)));
    expect(unexplained, 'failures').toEqual([]);
    console.log(
      `expected.jsonl: ${exact} of ${cases.length} cases score exactly, ${rejected} rejected as their xfail ` +
        `fixtures assert, ${failures.length} contradicted by another case (known-failures.json)`,
    );
  });

  it('lists in known-failures.json only cases the corpus contradicts itself on', () => {
    for (const k of known) {
      const mine = cases.filter((c) => label(c) === k.case);
      const other = cases.filter((c) => c.name === k.contradicts && mine.some((m) => m.item === c.item));
      expect(mine.length, k.case).toBeGreaterThan(0);
      expect(other.length, k.contradicts).toBeGreaterThan(0);
      for (const m of mine)
        for (const o of other) {
          // Identical item and responses...
          expect(o.responses).toEqual(m.responses);
          // ...and a different expectation for some outcome both assert.
          const shared = Object.keys(m.expected).filter((id) => id in o.expected);
          expect(
            shared.some((id) => !same(m.expected[id], o.expected[id])),
            k.reason,
          ).toBe(true);
        }
      expect(k.reason.length).toBeGreaterThan(40);
    }
  });
});
