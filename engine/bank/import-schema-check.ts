/**
 * With QTI_SCHEMA_DIR set, an import's items and tests are also checked against the official XSDs
 * in that folder: each schema error (line, column, the schema rule's message) joins the file's
 * semantic problems, so the import is refused and the report names it.
 */
import {
  checkSchemas,
  loadSchemaFolder,
  schemaProblems,
  type ReadPackageResult,
} from '../../item-bank/index.ts';

export async function addSchemaProblems(read: ReadPackageResult, schemaDir: string): Promise<void> {
  const entries = [...read.items, ...read.tests];
  const result = await checkSchemas(
    entries.map((e) => ({ fileName: e.file, xml: e.xml })),
    await loadSchemaFolder(schemaDir),
  );
  const problems = schemaProblems(result);
  if (!problems.length) return;
  for (const entry of entries) entry.problems.push(...problems.filter((p) => p.file === entry.file));
  if (read.items.some((i) => result.errors.has(i.file))) read.ok = false;
}
