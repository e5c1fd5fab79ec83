/**
 * Every item of the expected-outcome cases (../shared/corpus/qti/expected.jsonl), written as QTI
 * 3.0, read back, written as QTI 2.2 and read back again, scores every case exactly as the
 * source does: the schema-driven changes of the writers never change a score. Identifiers the
 * writers rename (no NCName, as QTI 2.0's hottexts 1..5) are renamed alike in the case's responses
 * and in identifier outcomes before comparing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileItem, CompileError } from '../../grading/index.ts';
import {
  identifierRenames,
  parseItemXml,
  renameResponseValue,
  writeItemXml,
  type AssessmentItem,
} from '../../item-bank/index.ts';
import { corpusRoot } from '../../item-bank/test/corpus.ts';

interface Case {
  item: string;
  name?: string;
  source: string;
  responses: Record<string, { value: unknown }>;
  expected: Record<string, unknown>;
}

const cases = readFileSync(path.join(corpusRoot, 'expected.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Case);

function parsed(xml: string, file: string): AssessmentItem {
  const { item, problems } = parseItemXml(xml, file);
  const errors = problems.filter((p) => p.severity === 'error');
  if (!item || errors.length) throw new Error(`${file}: ${errors.map((p) => p.message).join('; ')}`);
  return item;
}

/**
 * The outcomes of one case, or the compile error's class (a rejected item must stay rejected).
 * With `renames` (the writers' renames of the source), responses are renamed alike first.
 */
function outcomes(item: AssessmentItem, c: Case, renames: ReadonlyMap<string, string> = new Map()): unknown {
  const baseType = (id: string) => item.declarations.find((d) => d.identifier === id)?.baseType;
  try {
    return compileItem(item).scoreJson(
      Object.fromEntries(
        Object.entries(c.responses).map(([id, r]) => [
          id,
          renameResponseValue(r.value, baseType(id), renames),
        ]),
      ),
    );
  } catch (error) {
    if (error instanceof CompileError) return 'rejected';
    throw error;
  }
}

const same = (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number'
    ? Math.abs(a - b) <= 1e-9
    : Array.isArray(a) && Array.isArray(b)
      ? a.length === b.length && a.every((x, i) => same(x, b[i]))
      : a === b;

describe('round trip 2.x -> QTI 3.0 -> QTI 2.2 (expected.jsonl)', () => {
  it(`keeps the score of every one of the ${cases.length} expected cases`, () => {
    const items = new Map<string, { source?: AssessmentItem; roundTrip?: AssessmentItem }>();
    const changed: string[] = [];
    let holding = 0;
    let holdingAfter = 0;
    let renamedCases = 0;
    for (const c of cases) {
      if (!items.has(c.item)) {
        let entry: { source?: AssessmentItem; roundTrip?: AssessmentItem } = {};
        try {
          const source = parsed(readFileSync(path.join(corpusRoot, c.item), 'utf8'), c.item);
          const as30 = parsed(writeItemXml(source, { version: '3.0' }), `${c.item} (as 3.0)`);
          entry = { source, roundTrip: parsed(writeItemXml(as30, { version: '2.2' }), `${c.item} (as 2.2)`) };
          expect(entry.roundTrip!.qtiVersion).toBe('2.2');
        } catch (error) {
          // A source that does not import has nothing to carry; one that imports must survive both writes.
          if (entry.source || !String((error as Error).message).startsWith(`${c.item}:`)) throw error;
        }
        items.set(c.item, entry);
      }
      const { source, roundTrip } = items.get(c.item)!;
      if (!source || !roundTrip) continue;
      const renames = identifierRenames(source);
      if (renames.size) renamedCases++;
      const baseTypeOf = (id: string) => source.declarations.find((d) => d.identifier === id)?.baseType;
      const sourceOutcomes = outcomes(source, c);
      // The source's identifier outcomes under the exported names (what the round trip gives).
      const before =
        typeof sourceOutcomes === 'object' && renames.size
          ? Object.fromEntries(
              Object.entries(sourceOutcomes as Record<string, unknown>).map(([id, v]) => [
                id,
                renameResponseValue(v, baseTypeOf(id), renames),
              ]),
            )
          : sourceOutcomes;
      const after = outcomes(roundTrip, c, renames);
      const holds = (o: unknown) =>
        typeof o === 'object' &&
        Object.entries(c.expected).every(([id, v]) => same((o as Record<string, unknown>)[id], v));
      if (holds(sourceOutcomes)) holding++;
      if (holds(after)) holdingAfter++;
      const label = `${c.item} (${c.name ?? c.source})`;
      if (before === 'rejected' || after === 'rejected') {
        if (before !== after) changed.push(`${label}: ${String(before)} -> ${String(after)}`);
        continue;
      }
      const diff = Object.keys(c.expected).filter(
        (id) => !same((before as Record<string, unknown>)[id], (after as Record<string, unknown>)[id]),
      );
      if (diff.length) changed.push(`${label}: ${diff.map((id) => id).join(', ')} changed`);
    }
    console.log(
      `expected.jsonl: ${holding} cases hold on the sources, ${holdingAfter} after 2.x -> 3.0 -> 2.2; ${changed.length} changed; ${renamedCases} scored with renamed identifiers`,
    );
    expect(changed).toEqual([]);
    expect(holdingAfter).toBe(holding);
    expect(holding).toBeGreaterThan(cases.length * 0.9);
    // The QTI 2.0 hottext sample (hottexts 1..5) is among them.
    expect(renamedCases).toBeGreaterThan(0);
  }, 600_000);
});
