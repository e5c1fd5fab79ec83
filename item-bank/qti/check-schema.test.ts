/** Official-XSD checks (../shared/qti-xsd, read in place): the schema is picked by namespace, errors carry line, column and rule. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkSchemas,
  loadSchemaFolder,
  schemaProblems,
  type SchemaCheckResult,
  type SchemaFolder,
} from './check-schema.ts';

const schemaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/qti-xsd');

const item30 = (body: string, declarations = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>
<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="I" title="t" adaptive="false" time-dependent="false">
${declarations}<qti-item-body>${body}</qti-item-body>
</qti-assessment-item>
`;
const RESPONSE = `<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier"/>`;
const OUTCOME = `<qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"/>`;
const item22 = (schemaLocation: string) =>
  `<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imsqti_v2p2 ${schemaLocation}" identifier="I" title="t" adaptive="false" timeDependent="false">
  <itemBody><p>Hello</p></itemBody>
</assessmentItem>`;

let folder: SchemaFolder;
let result: SchemaCheckResult;

beforeAll(async () => {
  folder = await loadSchemaFolder(schemaDir);
  result = await checkSchemas(
    [
      { fileName: 'valid30.xml', xml: item30('<p>Hello</p>', RESPONSE + OUTCOME) },
      // Outcome before response declaration: the schema's order is broken on line 3.
      { fileName: 'order30.xml', xml: item30('<p>Hello</p>', `${OUTCOME}\n  ${RESPONSE}\n`) },
      { fileName: 'data30.xml', xml: item30('<p data-note="x">Hello</p>') },
      { fileName: 'p22.xml', xml: item22('http://www.imsglobal.org/xsd/qti/qtiv2p2/imsqti_v2p2.xsd') },
      { fileName: 'p224.xml', xml: item22('http://www.imsglobal.org/xsd/qti/qtiv2p2p4/imsqti_v2p2p4.xsd') },
      {
        fileName: 'v20.xml',
        xml: '<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p0" identifier="I" title="t"/>',
      },
    ],
    folder,
  );
}, 300_000);

describe('checkSchemas', () => {
  it('picks the entry schema by namespace (and 2.2.4 by schemaLocation), leaving QTI 2.0 unchecked', () => {
    expect(Object.fromEntries([...result.checked].map(([f, c]) => [f, c.kind]))).toEqual({
      'valid30.xml': 'qti-3.0',
      'order30.xml': 'qti-3.0',
      'data30.xml': 'qti-3.0',
      'p22.xml': 'qti-2.2',
      'p224.xml': 'qti-2.2.4',
    });
    expect([...result.unchecked.keys()]).toEqual(['v20.xml']);
  });

  it('resolves every import locally: 2.2.4 imports XInclude by URL, pointed at w3/XInclude.xsd', () => {
    const html5 = folder.files.find((f) => f.fileName.endsWith('qtiv2p2p4/imsqtiv2p2p4_html5_v1p0.xsd'))!;
    expect(html5.contents).toContain('schemaLocation="../w3/XInclude.xsd"');
    expect(result.errors.has('p224.xml')).toBe(false);
    expect(result.errors.has('p22.xml')).toBe(false);
  });

  it('reports a broken rule with line, column and the schema message, as an xsd problem', () => {
    expect(result.errors.has('valid30.xml')).toBe(false);
    const [error] = result.errors.get('order30.xml')!;
    expect(error).toMatchObject({ line: 4, column: 3 });
    expect(error!.message).toMatch(/qti-response-declaration'.*This element is not expected/);
    expect(schemaProblems(result)).toContainEqual(
      expect.objectContaining({
        file: 'order30.xml',
        line: 4,
        column: 3,
        severity: 'error',
        code: 'xsd',
        message: expect.stringMatching(
          /^Not valid under the QTI 3\.0 schema \(imsqti_asiv3p0_sbacv1p0_v1p0\.xsd\): /,
        ),
      }),
    );
  });

  it('drops only the data-* artefact of the SBAC stand-in, and counts it', () => {
    expect(result.errors.has('data30.xml')).toBe(false);
    expect(result.ignoredDataAttributes).toBe(1);
  });
});
