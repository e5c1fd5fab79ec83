/** Every importable corpus item, exported as QTI 3.0 and 2.2 and imported again, keeps its meaning and its score. */
import { describe, expect, it } from 'vitest';
import { compileItem, valueFromRaw, type QtiValue } from '../../grading/index.ts';
import type { AssessmentItem } from '../../item-bank/index.ts';
import { corpusIndex, readCorpusFile } from '../../item-bank/test/corpus.ts';
import { withoutLocations } from '../../item-bank/test/without-locations.ts';
import { parseItemXml, writeItemXml, type ExportVersion } from '../../item-bank/index.ts';

const imported = corpusIndex()
  .filter((e) => e.kind === 'item')
  .flatMap((entry) => {
    const { item, problems } = parseItemXml(readCorpusFile(entry.path), entry.path);
    return item && !problems.some((p) => p.severity === 'error') ? [{ path: entry.path, item }] : [];
  });

/** The outcomes of scoring the item's correct response (or the compile error, which must be the same). */
function scoreOfKey(item: AssessmentItem): unknown {
  try {
    const compiled = compileItem(item);
    const responses = new Map<string, QtiValue>();
    for (const d of item.declarations)
      if (d.kind === 'response' && d.correctResponse)
        responses.set(d.identifier, valueFromRaw(d.correctResponse, d.baseType, d.cardinality));
    return Object.fromEntries(compiled.score(responses, 7));
  } catch (error) {
    return { error: (error as Error).message.replace(/ at line \d+/g, '') };
  }
}

/** What the item means: declarations, interactions, processing and the score of its key. */
const meaning = (item: AssessmentItem) =>
  withoutLocations({
    identifier: item.identifier,
    title: item.title,
    language: item.language,
    adaptive: item.adaptive,
    timeDependent: item.timeDependent,
    // Written in the schema's order (responses, outcomes, templates), whatever order the source had.
    declarations: ['response', 'outcome', 'template'].flatMap((k) =>
      item.declarations.filter((d) => d.kind === k),
    ),
    interactions: item.interactions,
    template: item.responseProcessing?.template,
    rules: item.responseProcessing?.rules,
    templateProcessing: item.templateProcessing,
    outcomeProcessing: item.outcomeProcessing,
    modalFeedback: item.modalFeedback.map((f) => ({ ...f, content: undefined })),
    media: item.media,
    stylesheets: item.stylesheets,
    score: scoreOfKey(item),
  });

describe.each<ExportVersion>(['3.0', '2.2'])('export as QTI %s and re-import', (version) => {
  it(`keeps the meaning of every one of the ${imported.length} importable corpus items`, () => {
    expect(imported.length).toBeGreaterThan(1000);
    const changed: string[] = [];
    for (const { path, item } of imported) {
      const xml = writeItemXml(item, { version });
      const again = parseItemXml(xml, path);
      expect(
        again.problems.filter((p) => p.severity === 'error'),
        path,
      ).toEqual([]);
      expect(again.item!.qtiVersion).toBe(version);
      if (JSON.stringify(meaning(again.item!)) !== JSON.stringify(meaning(item))) changed.push(path);
    }
    for (const path of changed.slice(0, 3)) {
      const { item } = imported.find((i) => i.path === path)!;
      expect(meaning(parseItemXml(writeItemXml(item, { version }), path).item!), path).toEqual(meaning(item));
    }
    expect(changed).toEqual([]);
  });
});
