/** With QTI_SCHEMA_DIR (schemaDir), an import whose item breaks the official XSD is refused, the rule and line named. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemBankTables } from '../../../item-bank/index.ts';
import { importItems } from '../../bank/commands/import-items.ts';
import { AppError } from '../../platform/errors.ts';
import { buildOrganisationTree } from '../support/factories.ts';
import { createTestEngine, type TestEngine } from '../support/test-engine.ts';

const schemaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/qti-xsd');

// Semantically fine; the outcome declaration before the response declaration breaks the schema's order (line 3).
const ITEM = `<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="XSD-ORDER" title="x" adaptive="false" time-dependent="false">
<qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"/>
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier"><qti-correct-response><qti-value>A</qti-value></qti-correct-response></qti-response-declaration>
<qti-item-body><qti-choice-interaction response-identifier="RESPONSE" max-choices="1"><qti-simple-choice identifier="A">a</qti-simple-choice></qti-choice-interaction></qti-item-body>
<qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"/>
</qti-assessment-item>`;

let engine: TestEngine;
let tree: Awaited<ReturnType<typeof buildOrganisationTree>>;

beforeAll(async () => {
  engine = await createTestEngine();
  tree = await buildOrganisationTree(engine.deps.db);
});
afterAll(() => engine.dispose());

describe('importing with QTI_SCHEMA_DIR', () => {
  it('refuses an item the XSD rejects, naming file, line, column and rule; without the setting it imports', async () => {
    const [bank] = await engine.deps.db
      .insert(itemBankTables.itemBanks)
      .values({ name: `XSD ${crypto.randomUUID()}`, organisationId: tree.schoolA.id })
      .returning();
    const props = {
      db: engine.deps.db,
      actor: tree.teacherA,
      bankId: bank!.id,
      organisationId: tree.schoolA.id,
      bytes: new TextEncoder().encode(ITEM),
      filename: 'order.xml',
    };
    const refused = await importItems({ ...props, schemaDir }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(422);
    expect((refused as AppError).details).toEqual({
      code: 'import_has_errors',
      bad: 1,
      total: 1,
      files: [
        {
          file: 'order.xml',
          problems: [
            expect.objectContaining({
              line: 3,
              column: 3,
              severity: 'error',
              code: 'xsd',
              message: expect.stringMatching(/QTI 3\.0 schema .*qti-response-declaration'.*not expected/),
            }),
          ],
        },
      ],
    });
    const imported = await importItems(props);
    expect(imported.created).toBe(1);
  }, 300_000);
});
