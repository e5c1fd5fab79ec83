import { describe, expect, it } from 'vitest';
import { walkContent, type ContentNode } from '../model/content.ts';
import type { AssessmentItem } from '../model/item.ts';
import { corpusIndex, readCorpusFile } from '../test/corpus.ts';
import { withoutLocations } from '../test/without-locations.ts';
import { PCI_V1_NAMESPACE } from './pci-as-custom-interaction.ts';
import { parseItemXml } from './parse-item.ts';
import { writeItemXml } from './write-item.ts';

const errorsOf = (problems: Array<{ severity: string }>) => problems.filter((p) => p.severity === 'error');

/** Every importable corpus item with a QTI 3 portable custom interaction. */
const qti3Pcis = corpusIndex()
  .filter((e) => e.kind === 'item')
  .flatMap((entry) => {
    const { item, problems } = parseItemXml(readCorpusFile(entry.path), entry.path);
    return item && !errorsOf(problems).length && item.portableInteractions?.some((p) => p.form === 'qti3')
      ? [{ path: entry.path, item }]
      : [];
  });

/** Adjacent text nodes as one (the sanitiser's removals leave them split; a re-read joins them). */
const joined = (nodes: ContentNode[]): ContentNode[] =>
  nodes.reduce<ContentNode[]>((out, n) => {
    const last = out.at(-1);
    if (n.kind === 'text' && last?.kind === 'text')
      out[out.length - 1] = { kind: 'text', text: last.text + n.text };
    else out.push(n.kind === 'element' ? { ...n, children: joined(n.children) } : n);
    return out;
  }, []);

/** The PCIs as the delivery frame gets them, whichever form the file used. */
const pcis = (item: AssessmentItem) =>
  withoutLocations(
    (item.portableInteractions ?? []).map(({ form: _form, markup, ...pci }) => ({
      ...pci,
      markup: joined(markup),
    })),
  );

describe('QTI 3 portable custom interactions written as QTI 2.2', () => {
  it('are a customInteraction around a PCI v1 portableCustomInteraction (modules, properties, markup)', () => {
    const { item } = parseItemXml(
      `<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="p" title="p"
        adaptive="false" time-dependent="false">
        <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="integer"/>
        <qti-item-body>
          <qti-portable-custom-interaction response-identifier="RESPONSE" module="main" class="wide"
            custom-interaction-type-identifier="urn:test:pci" data-tap-message="Tap" data-level="5">
            <qti-prompt>Choose a level.</qti-prompt>
            <qti-interaction-modules>
              <qti-interaction-module id="main" primary-path="modules/main.js"/>
            </qti-interaction-modules>
            <qti-interaction-markup><div class="x"><span>level</span></div></qti-interaction-markup>
          </qti-portable-custom-interaction>
        </qti-item-body>
      </qti-assessment-item>`,
      'p.xml',
    );
    const notes: string[] = [];
    const xml = writeItemXml(item!, { version: '2.2', onAdjust: (n) => notes.push(n) });
    expect(xml).toContain('<customInteraction responseIdentifier="RESPONSE" class="wide">');
    expect(xml).toContain(
      `<portableCustomInteraction xmlns="${PCI_V1_NAMESPACE}" module="main" customInteractionTypeIdentifier="urn:test:pci">`,
    );
    expect(xml).toContain('<property key="tapMessage">Tap</property><property key="level">5</property>');
    expect(xml).toContain('<module id="main" primaryPath="modules/main.js"/>');
    expect(xml).toContain(
      '<markup><div xmlns="http://www.w3.org/1999/xhtml" class="x"><span>level</span></div>',
    );
    // The prompt has no place in a customInteraction: written before it, and said so.
    expect(xml).toMatch(/<div class="qti-prompt">Choose a level\.<\/div>\s*<customInteraction/);
    expect(notes).toEqual([expect.stringContaining('prompt of a portable custom interaction')]);

    const again = parseItemXml(xml, 'p.xml as 2.2');
    expect(errorsOf(again.problems)).toEqual([]);
    expect(pcis(again.item!)).toEqual(pcis(item!));
    expect(again.item!.portableInteractions![0]!.form).toBe('tao');
  });

  it(`import back into the same PCI model for every QTI 3 PCI item of the corpus (${qti3Pcis.length})`, () => {
    expect(qti3Pcis.length).toBeGreaterThanOrEqual(4);
    for (const { path, item } of qti3Pcis) {
      const xml = writeItemXml(item, { version: '2.2' });
      const again = parseItemXml(xml, `${path} as 2.2`);
      expect(errorsOf(again.problems), path).toEqual([]);
      expect(pcis(again.item!), path).toEqual(pcis(item));
      // The interaction answering for the PCI is its customInteraction, on the same response.
      expect(
        again
          .item!.interactions.filter((i) => i.type === 'customInteraction')
          .map((i) => i.responseIdentifier),
        path,
      ).toEqual(item.portableInteractions!.map((p) => p.responseIdentifier));
      // Writing that 2.2 form again (as 2.2 or as 3.0) keeps the model: the TAO form is stable.
      for (const version of ['2.2', '3.0'] as const) {
        const third = parseItemXml(writeItemXml(again.item!, { version }), `${path} as 2.2 then ${version}`);
        expect(pcis(third.item!), `${path} 2.2 -> ${version}`).toEqual(pcis(item));
      }
      expect(
        [...walkContent([again.item!.body])].some(
          (e) => e.ns === 'qti' && e.name === 'portableCustomInteraction',
        ),
      ).toBe(false);
    }
  });
});
