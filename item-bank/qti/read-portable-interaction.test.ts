import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toCandidateItem } from '../candidate/project-item.ts';
import { walkContent } from '../model/content.ts';
import type { PortableInteraction } from '../model/portable-interaction.ts';
import { readPackageFiles } from '../packages/read-package.ts';
import { readCorpusFile } from '../test/corpus.ts';
import { parseItemXml } from './parse-item.ts';
import { writeItemXml } from './write-item.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../test/pci');
const fixture = (relative: string) => readFileSync(path.join(fixtures, relative), 'utf8');
const errorsOf = (problems: Array<{ severity: string }>) => problems.filter((p) => p.severity === 'error');

/** A package's files as readPackageFiles takes them (the folder read as if unzipped). */
function packageOf(folder: string): Map<string, Buffer> {
  const root = path.join(fixtures, folder);
  return new Map(
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.includes('.'))
      .map((f) => [f.split(path.sep).join('/'), readFileSync(path.join(root, f))]),
  );
}

const qti3Item = (
  modules: string,
) => `<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
  identifier="p" title="p" adaptive="false" time-dependent="false">
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="integer"/>
  <qti-item-body>
    <qti-portable-custom-interaction response-identifier="RESPONSE" module="main"
      custom-interaction-type-identifier="urn:test:pci">
      <qti-interaction-modules>
${modules}
      </qti-interaction-modules>
      <qti-interaction-markup><div class="x"></div></qti-interaction-markup>
    </qti-portable-custom-interaction>
  </qti-item-body>
</qti-assessment-item>`;

describe('portable custom interactions (PCI)', () => {
  it("reads TAO's QTI 2.2 form: the response identifier from the enclosing customInteraction", () => {
    const { item, problems } = parseItemXml(fixture('likert-tao/likert.xml'), 'likert.xml');
    expect(errorsOf(problems)).toEqual([]);
    expect(item!.interactions).toEqual([
      expect.objectContaining({ type: 'customInteraction', responseIdentifier: 'RESPONSE' }),
    ]);
    expect(item!.portableInteractions).toEqual([
      expect.objectContaining({
        form: 'tao',
        responseIdentifier: 'RESPONSE',
        typeIdentifier: 'likertScaleInteraction',
        modules: [
          expect.objectContaining({
            id: 'likertScaleInteraction/runtime/likert',
            path: 'likert/runtime/likert.js',
          }),
        ],
        properties: { level: '5', 'label-min': 'ít', 'label-max': 'nhiều' },
      }),
    ]);
    // The markup (TAO puts it in an XHTML-namespaced <markup>) is kept: the scale's list is there.
    expect(JSON.stringify(item!.portableInteractions![0]!.markup)).toContain('"likert"');
    expect(item!.media).toEqual(['likert/runtime/likert.js']);
  });

  it("reads a TAO export from the corpus (likert, module outside the item's folder) that was refused before", () => {
    const file =
      'qti-components/public/assets/qti-portable-interaction/likert_pci_1733224036/i674ee5ef802e720241203120519e9a798a4/qti.xml';
    const { item, problems } = parseItemXml(readCorpusFile(file), file);
    expect(errorsOf(problems)).toEqual([]);
    expect(item!.portableInteractions![0]).toMatchObject({
      responseIdentifier: 'RESPONSE',
      modules: [{ path: '../runtime/js/likertScoreInteraction.min.js', line: 17 }],
      properties: { level: '5', 'label-min': 'min' },
    });
  });

  it("reads TAO's earlier form: hook, nested properties and markup; shared libraries are refused by name", () => {
    const xml = `<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1"
  xmlns:pci="http://www.imsglobal.org/xsd/portableCustomInteraction" xmlns:html5="html5"
  identifier="old" title="old" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="R" cardinality="single" baseType="integer"/>
  <itemBody>
    <customInteraction responseIdentifier="R">
      <pci:portableCustomInteraction customInteractionTypeIdentifier="likert" hook="likert/runtime/likert.amd.js">
        <pci:resources location="http://imsglobal.org/pci/1.0.15/sharedLibraries.xml">
          <pci:libraries><pci:lib id="IMSGlobal/jquery_2_1_1"/></pci:libraries>
        </pci:resources>
        <pci:properties>
          <pci:entry key="level">7</pci:entry>
          <pci:properties key="labels"><pci:entry key="min">low</pci:entry></pci:properties>
        </pci:properties>
        <pci:markup><html5:div class="likert"/></pci:markup>
      </pci:portableCustomInteraction>
    </customInteraction>
  </itemBody>
</assessmentItem>`;
    const { item, problems } = parseItemXml(xml, 'old.xml');
    expect(item!.portableInteractions![0]).toMatchObject({
      responseIdentifier: 'R',
      modules: [{ id: 'likert/runtime/likert.amd', path: 'likert/runtime/likert.amd.js' }],
      properties: { level: '7', labels: { min: 'low' } },
    });
    expect(errorsOf(problems)).toEqual([
      expect.objectContaining({
        file: 'old.xml',
        line: 9,
        code: 'pci-shared-library',
        message: expect.stringContaining('IMSGlobal/jquery_2_1_1'),
      }),
    ]);
  });

  it('reads the QTI 3 form: response identifier, module, modules and data-* properties', () => {
    const { item, problems } = parseItemXml(fixture('recorder-qti3/recorder.xml'), 'recorder.xml');
    expect(errorsOf(problems)).toEqual([]);
    expect(item!.interactions).toEqual([
      expect.objectContaining({ type: 'portableCustomInteraction', responseIdentifier: 'RESPONSE' }),
    ]);
    expect(item!.portableInteractions![0]).toMatchObject({
      form: 'qti3',
      entryModule: 'audioRecorder',
      modules: [{ id: 'audioRecorder', path: 'modules/recorder.js', line: 17 }],
      properties: { maxSeconds: '15', audioBitsPerSecond: '16000', recordLabel: 'Ghi âm' },
    });
  });

  it('refuses a module whose only path is a URL, naming the file and line', () => {
    const { problems } = parseItemXml(
      qti3Item(`        <qti-interaction-module id="main" primary-path="modules/main.js"/>
        <qti-interaction-module id="jquery" primary-path="https://code.jquery.com/jquery-2.2.3.min"/>`),
      'remote.xml',
    );
    expect(errorsOf(problems)).toEqual([
      {
        file: 'remote.xml',
        line: 9,
        column: 9,
        severity: 'error',
        code: 'pci-module-url',
        message:
          "The PCI module jquery is loaded from https://code.jquery.com/jquery-2.2.3.min, a URL: modules must be files of the item's package, never from the internet.",
      },
    ]);
    // Protocol-relative and absolute paths are not package files either.
    for (const bad of ['//cdn.example.org/x.js', '/etc/x.js'])
      expect(
        errorsOf(
          parseItemXml(qti3Item(`<qti-interaction-module id="main" primary-path="${bad}"/>`)).problems,
        ),
      ).toEqual([expect.objectContaining({ code: 'pci-module-url' })]);
  });

  it("uses a module's package copy (fallback-path) over a URL or a missing primary, with a warning for the URL", () => {
    const { item, problems } = parseItemXml(
      qti3Item(
        `<qti-interaction-module id="main" primary-path="https://cdn.example.org/main.js" fallback-path="modules/main"/>`,
      ),
    );
    expect(errorsOf(problems)).toEqual([]);
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'pci-module-url' }));
    expect(item!.portableInteractions![0]!.modules).toEqual([
      expect.objectContaining({ id: 'main', path: 'modules/main.js' }),
    ]);
    const corpus = '1EdTech-qti-examples/qtiv3-examples/packaging/pci/src/fractions_deps.xml';
    expect(errorsOf(parseItemXml(readCorpusFile(corpus), corpus).problems)[0]).toMatchObject({
      line: 59,
      code: 'pci-module-url',
    });
  });

  it('stores module files from the package like media; a missing one is an error at its line', () => {
    const read = readPackageFiles(packageOf('likert-tao'));
    expect(read.ok).toBe(true);
    expect(read.items[0]!.media.map((m) => m.href)).toEqual(['likert/runtime/likert.js']);
    const files = packageOf('recorder-qti3');
    files.delete('modules/recorder.js');
    const missing = readPackageFiles(files);
    expect(missing.ok).toBe(false);
    expect(errorsOf(missing.items[0]!.problems)).toEqual([
      expect.objectContaining({ file: 'recorder.xml', line: 17, code: 'missing-media' }),
    ]);
  });

  it('projects the interaction for the candidate without its key', () => {
    const { item } = parseItemXml(fixture('likert-tao/likert.xml'));
    const projected = JSON.stringify(toCandidateItem(item!));
    expect(projected).not.toContain('correctResponse');
    expect(projected).not.toContain('portableInteractions');
    expect(projected).toContain('"customInteraction"');
  });

  it('keeps every PCI (modules, properties, markup) through an export as QTI 3.0 and as 2.2', () => {
    // The markup may change spelling (2.2 writes HTML5 elements in their own namespace): its elements
    // and classes are compared; everything else must be identical.
    const essentials = (pcis: PortableInteraction[] | undefined) =>
      (pcis ?? []).map(({ markup, location: _location, form: _form, ...rest }) => ({
        ...rest,
        modules: rest.modules.map(({ id, path: file }) => ({ id, file })),
        markup: [...walkContent(markup)].map((e) => `${e.name}.${e.attributes.class ?? ''}`),
      }));
    for (const file of ['likert-tao/likert.xml', 'recorder-qti3/recorder.xml']) {
      const { item } = parseItemXml(fixture(file));
      for (const version of ['3.0', '2.2'] as const) {
        const again = parseItemXml(writeItemXml(item!, { version }), `${file} as ${version}`);
        expect(errorsOf(again.problems), `${file} as ${version}`).toEqual([]);
        expect(essentials(again.item!.portableInteractions), `${file} as ${version}`).toEqual(
          essentials(item!.portableInteractions),
        );
        // QTI 2.2 has one form: the customInteraction around a PCI v1 portableCustomInteraction.
        if (version === '2.2') expect(again.item!.portableInteractions![0]!.form).toBe('tao');
      }
    }
  });
});
