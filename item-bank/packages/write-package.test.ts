import { describe, expect, it } from 'vitest';
import { toAuthoringItem } from '../authoring/authoring-item.ts';
import { loadDemoBank } from '../demo-bank/demo-bank.ts';
import { parseItemXml } from '../qti/parse-item.ts';
import { parseTestXml } from '../qti/parse-test.ts';
import { sha256Hex } from '../storage/item-store.ts';
import { readPackageFiles } from './read-package.ts';
import { readZip } from './read-zip.ts';
import { asWritten } from '../test/as-written.ts';
import { writePackage } from './write-package.ts';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const withImage = parseItemXml(
  `<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="HINH/01" title="Hình">
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier"><qti-correct-response><qti-value>A</qti-value></qti-correct-response></qti-response-declaration>
  <qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"/>
  <qti-item-body><p><img src="img/tam giac.png" alt="Tam giác"/><img src="img/copy.png" alt="Bản sao"/></p>
  <qti-choice-interaction response-identifier="RESPONSE" max-choices="1"><qti-simple-choice identifier="A">3 cạnh</qti-simple-choice><qti-simple-choice identifier="B">4 cạnh</qti-simple-choice></qti-choice-interaction></qti-item-body>
  <qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"/>
</qti-assessment-item>`,
).item!;
const demo = loadDemoBank();
const test =
  parseTestXml(`<qti-assessment-test xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="DE-THI" title="Đề thi thử">
  <qti-test-part identifier="P1" navigation-mode="nonlinear" submission-mode="simultaneous">
    <qti-assessment-section identifier="S1" title="Phần 1" visible="true">
      <qti-selection select="2"/><qti-ordering shuffle="true"/>
      ${demo.map((d) => `<qti-assessment-item-ref identifier="${d.item.identifier}" href="${d.file}"/>`).join('\n')}
      <qti-assessment-item-ref identifier="Q-HINH" href="hinh.xml"/>
    </qti-assessment-section>
  </qti-test-part>
</qti-assessment-test>`).test!;

describe.each(['3.0', '2.2'] as const)('a QTI %s content package', (version) => {
  it('holds a manifest, every item and test, media once by content hash, and reads back unchanged', async () => {
    const bytes = await writePackage(
      {
        items: [
          ...demo.map((d) => ({ item: d.item })),
          {
            item: withImage,
            media: [
              { href: 'img/tam giac.png', contentType: 'image/png', data: png },
              { href: 'img/copy.png', contentType: 'image/png', data: png },
            ],
          },
        ],
        tests: [{ test, itemRefs: { 'Q-HINH': 'HINH/01' } }],
      },
      { version },
    );
    const files = await readZip(bytes);
    const sha = sha256Hex(png);
    expect([...files.keys()].filter((f) => f.startsWith('media/'))).toEqual([`media/${sha}.png`]);
    const manifest = files.get('imsmanifest.xml')!.toString();
    expect(manifest).toContain(version === '3.0' ? 'imsqti_item_xmlv3p0' : 'imsqti_item_xmlv2p2');
    expect(manifest).toContain(`identifierref="M-${sha}"`);
    const read = readPackageFiles(files);
    expect(read.ok).toBe(true);
    expect(read.items).toHaveLength(demo.length + 1);
    for (const entry of read.items) {
      expect(entry.item!.qtiVersion).toBe(version);
      const original = [...demo.map((d) => d.item), withImage].find(
        (i) => i.identifier === entry.item!.identifier,
      )!;
      const { body: _b, ...again } = toAuthoringItem(entry.item!);
      const { body: _o, ...before } = asWritten(toAuthoringItem(original));
      expect(again).toEqual(before);
      expect(entry.item!.interactions.map((i) => i.choices)).toEqual(
        original.interactions.map((i) => i.choices),
      );
    }
    const image = read.items.find((i) => i.item!.identifier === 'HINH/01')!;
    expect(image.file).toBe('items/HINH_01.xml');
    expect(image.media.map((m) => [m.href, sha256Hex(m.data)])).toEqual([[`../media/${sha}.png`, sha]]);
    expect(read.tests).toHaveLength(1);
    expect(read.tests[0]!.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(read.tests[0]!.itemFiles['Q-HINH']).toBe('items/HINH_01.xml');
    expect(read.tests[0]!.test!.testParts[0]!.submissionMode).toBe('simultaneous');
  });
});
