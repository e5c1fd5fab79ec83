import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { itemRefsOf } from '../model/test.ts';
import { corpusIndex, readCorpusFile } from '../test/corpus.ts';
import rejections from '../test/corpus-test-rejections.json' with { type: 'json' };
import { withoutLocations } from '../test/without-locations.ts';
import { parseTestXml } from './parse-test.ts';
import { categoryList, categoryName } from './categories.ts';
import { anyUri, writeTestXml } from './write-test.ts';

const tests = corpusIndex().filter((e) => e.kind === 'test');

/** Categories and hrefs as the writers write them: identifiers (NCNames), every reference alike; URIs. */
const categoriesAsWritten = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value), (key, v: unknown) =>
    key === 'categories' && Array.isArray(v)
      ? v.map((c) => categoryName(String(c)))
      : (key === 'includeCategory' || key === 'excludeCategory') && typeof v === 'string'
        ? categoryList(v)
        : key === 'href' && typeof v === 'string'
          ? anyUri(v)
          : v,
  ) as T;

/**
 * QTI 3.0 puts a block's stylesheets before its content (`<qti-content-body>`): a 2.x rubric block
 * with its stylesheet last reads back with the stylesheet first, nothing else changed.
 */
/** QTI 3.0 requires `use` on a rubric block; the writer adds it where the source had none (conform-element.ts). */
function withRubricUse(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withRubricUse);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, withRubricUse(v)]),
  );
  const attributes = out.attributes as Record<string, string> | undefined;
  if (out.name === 'rubricBlock' && attributes && !attributes.use) {
    const views = (attributes.view ?? '').split(/\s+/).filter(Boolean);
    const use =
      views.length && views.every((v) => v === 'scorer' || v === 'tutor') ? 'scoring' : 'instructions';
    out.attributes = { ...attributes, use };
  }
  return out;
}

function stylesheetsFirst(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stylesheetsFirst);
  if (!value || typeof value !== 'object') return value;
  const out = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stylesheetsFirst(v)]));
  const isSheet = (n: unknown) => (n as { name?: string }).name === 'stylesheet';
  if (/^(rubricBlock|feedbackBlock|templateBlock)$/.test(String(out.name)) && Array.isArray(out.children)) {
    const moved = [...out.children.filter(isSheet), ...out.children.filter((n) => !isSheet(n))];
    // Texts the move brought together are one text when read back.
    out.children = moved.reduce<Array<{ kind?: string; text?: string }>>((list, n) => {
      const node = n as { kind?: string; text?: string };
      const last = list.at(-1);
      if (last?.kind === 'text' && node.kind === 'text')
        list[list.length - 1] = { ...last, text: last.text! + node.text! };
      else list.push(node);
      return list;
    }, []);
  }
  return out;
}

describe('QTI assessment tests of the shared corpus', () => {
  it(`reads all ${tests.length} tests: each imports, or is rejected with errors listed in corpus-test-rejections.json`, () => {
    const rejected: Record<string, string[]> = {};
    for (const entry of tests) {
      const { test, problems } = parseTestXml(readCorpusFile(entry.path), entry.path);
      const errors = problems.filter((p) => p.severity === 'error');
      for (const p of problems) {
        expect(p.file).toBe(entry.path);
        expect(p.line).toBeGreaterThan(0);
      }
      if (errors.length)
        rejected[entry.path] = errors.map((e) => `${e.line}:${e.column} ${e.code}: ${e.message}`);
      else expect(test?.identifier, entry.path).toBeTruthy();
    }
    if (process.env.UPDATE_CORPUS_REJECTIONS)
      writeFileSync(
        new URL('../test/corpus-test-rejections.json', import.meta.url),
        `${JSON.stringify(rejected, null, 2)}\n`,
      );
    expect(rejected).toEqual(rejections);
  });

  it('keeps parts, sections, selection, ordering, modes, time limits, session control, preconditions, branch rules and outcome processing', () => {
    const branching = parseTestXml(
      readCorpusFile('qti-sdk/test/samples/custom/runtime/branchings/branching_rules.xml'),
    ).test;
    expect(branching).toBeDefined();
    const rules = [...itemRefsOf(branching!)].flatMap(({ ref }) => ref.branchRules);
    expect(rules.length).toBeGreaterThan(0);
    const all = tests.flatMap((e) => parseTestXml(readCorpusFile(e.path), e.path).test ?? []);
    const sections = all.flatMap((t) =>
      t.testParts.flatMap((p) => p.sections.filter((s) => s.kind === 'section')),
    );
    expect(sections.some((s) => s.kind === 'section' && s.selection && s.selection.select > 0)).toBe(true);
    expect(sections.some((s) => s.kind === 'section' && s.ordering?.shuffle)).toBe(true);
    expect(all.some((t) => t.testParts.some((p) => p.navigationMode === 'linear'))).toBe(true);
    expect(all.some((t) => t.testParts.some((p) => p.submissionMode === 'simultaneous'))).toBe(true);
    expect(all.some((t) => t.timeLimits?.maxTime || t.testParts.some((p) => p.timeLimits?.maxTime))).toBe(
      true,
    );
    expect(all.some((t) => t.testParts.some((p) => p.itemSessionControl?.maxAttempts !== undefined))).toBe(
      true,
    );
    expect(all.some((t) => [...itemRefsOf(t)].some(({ ref }) => ref.preConditions.length > 0))).toBe(true);
    expect(all.some((t) => t.outcomeProcessing?.length)).toBe(true);
    expect(all.some((t) => [...itemRefsOf(t)].some(({ ref }) => ref.weights.length > 0))).toBe(true);
  });

  it.each(['3.0', '2.2'] as const)(
    'writes every importable test as QTI %s and reads it back unchanged',
    (version) => {
      for (const entry of tests) {
        const { test, problems } = parseTestXml(readCorpusFile(entry.path), entry.path);
        if (!test || problems.some((p) => p.severity === 'error')) continue;
        const notes: string[] = [];
        const again = parseTestXml(
          writeTestXml(test, { version, onAdjust: (n) => notes.push(n) }),
          entry.path,
        );
        expect(
          again.problems.filter((p) => p.severity === 'error'),
          entry.path,
        ).toEqual([]);
        // A templateBlock in a test rubric is written as what it shows (see write-conform.test.ts).
        const shown = notes.some((n) => n.startsWith('A templateBlock'));
        const parts = (t: unknown) => (shown ? { ...(t as object), testParts: undefined } : t);
        expect(parts(withoutLocations({ ...again.test!, qtiVersion: test.qtiVersion })), entry.path).toEqual(
          parts(
            categoriesAsWritten(
              version === '3.0'
                ? withRubricUse(stylesheetsFirst(withoutLocations(test)))
                : withoutLocations(test),
            ),
          ),
        );
      }
    },
  );

  it('reports a branch rule that leads nowhere and a selection larger than its section', () => {
    const xml = `<qti-assessment-test xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="T" title="T">
  <qti-test-part identifier="P" navigation-mode="linear" submission-mode="individual">
    <qti-assessment-section identifier="S" title="S" visible="true">
      <qti-selection select="3"/>
      <qti-assessment-item-ref identifier="Q1" href="q1.xml">
        <qti-branch-rule target="NOWHERE"><qti-base-value base-type="boolean">true</qti-base-value></qti-branch-rule>
      </qti-assessment-item-ref>
    </qti-assessment-section>
  </qti-test-part>
</qti-assessment-test>`;
    const { problems } = parseTestXml(xml, 't.xml');
    expect(problems.map((p) => `${p.line}:${p.column} ${p.code}`)).toEqual([
      '4:7 bad-selection',
      '6:9 unknown-branch-target',
    ]);
  });
});
