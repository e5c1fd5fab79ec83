/** `npm run qti -- validate --schemas <dir>`: XSD errors join the semantic problems with file, line, column and rule. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const qti = (...args: string[]) =>
  promisify(execFile)(path.join(root, 'node_modules/.bin/tsx'), ['scripts/qti.ts', ...args], { cwd: root })
    .then((r) => ({ ...r, code: 0 }))
    .catch((e: { stdout: string; stderr: string; code: number }) => e);

describe('npm run qti -- validate --schemas', () => {
  it('adds XSD errors to the semantic ones, says what it checked, and says so when it checked semantics only', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qti-xsd-'));
    // Semantically fine, but the outcome declaration comes before the response declaration (line 3).
    writeFileSync(
      path.join(dir, 'order.xml'),
      `<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="ORDER" title="x" adaptive="false" time-dependent="false">
<qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"/>
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier"><qti-correct-response><qti-value>A</qti-value></qti-correct-response></qti-response-declaration>
<qti-item-body><qti-choice-interaction response-identifier="RESPONSE" max-choices="1"><qti-simple-choice identifier="A">a</qti-simple-choice></qti-choice-interaction></qti-item-body>
<qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"/>
</qti-assessment-item>`,
    );
    const semantic = await qti('validate', dir);
    expect(semantic.code).toBe(0);
    expect(semantic.stdout).toMatch(/Semantics only: no XSD check/);

    const checked = await qti('validate', dir, '--schemas', path.resolve(root, '../shared/qti-xsd'));
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(
      /order\.xml:3:3 error xsd: Not valid under the QTI 3\.0 schema \(imsqti_asiv3p0_sbacv1p0_v1p0\.xsd\): Element '\{http:\/\/www\.imsglobal\.org\/xsd\/imsqtiasi_v3p0\}qti-response-declaration': This element is not expected\./,
    );
    expect(checked.stdout).toMatch(/Checked against the XSDs in .*: QTI 3\.0 1 file\(s\), 1 invalid\./);

    const noSchemas = await qti('validate', dir, '--schemas', dir);
    expect(noSchemas.code).toBe(1);
    expect(noSchemas.stdout).toMatch(/error bad-schemas: .* holds no \.xsd file\./);
  }, 300_000);
});
