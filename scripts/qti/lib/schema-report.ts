/** The `--schemas` part of `validate`: every XML file of the target checked against the official XSDs. */
import {
  checkSchemas,
  loadSchemaFolder,
  schemaLabel,
  SchemaFolderError,
  type SchemaCheckResult,
} from '../../../item-bank/index.ts';

/** The XSD check of every XML document of the target; undefined (with the reason printed) when the folder is unusable. */
export async function schemaCheck(
  files: Map<string, Buffer>,
  schemaDir: string,
): Promise<SchemaCheckResult | undefined> {
  const documents = [...files]
    .filter(([name]) => name.toLowerCase().endsWith('.xml'))
    .map(([fileName, data]) => ({ fileName, xml: data.toString('utf8') }));
  try {
    return await checkSchemas(documents, await loadSchemaFolder(schemaDir));
  } catch (error) {
    if (!(error instanceof SchemaFolderError)) throw error;
    console.log(`${schemaDir}:1:1 error bad-schemas: ${error.message}`);
    return undefined;
  }
}

/** What was checked against which schema, how many files are invalid, and what was not checked or left out. */
export function schemaSummary(result: SchemaCheckResult, schemaDir: string): string[] {
  const bySchema = new Map<string, { checked: number; invalid: number }>();
  for (const [file, { kind }] of result.checked) {
    const counts = bySchema.get(schemaLabel(kind)) ?? { checked: 0, invalid: 0 };
    counts.checked++;
    if (result.errors.has(file)) counts.invalid++;
    bySchema.set(schemaLabel(kind), counts);
  }
  const lines = [
    `Checked against the XSDs in ${schemaDir}: ` +
      ([...bySchema].map(([label, c]) => `${label} ${c.checked} file(s), ${c.invalid} invalid`).join('; ') ||
        'no file has a QTI or content-packaging namespace') +
      '.',
  ];
  const reasons = [...result.unchecked.values()].filter((r) => !r.startsWith('no schema for its root'));
  const foreign = result.unchecked.size - reasons.length;
  if (foreign)
    lines.push(
      `${foreign} XML file(s) with no QTI 2.1/2.2/3.0 or IMS CP namespace not checked (QTI 2.0, QTI 1.2, other XML).`,
    );
  if (reasons.length)
    lines.push(`${reasons.length} file(s) not checked: ${[...new Set(reasons)].join('; ')}.`);
  if (result.ignoredDataAttributes)
    lines.push(
      `${result.ignoredDataAttributes} message(s) about data-* attributes ignored: the QTI 3.0 SBAC profile, which stands in for the ASI schema, deletes the HTML5 data-* extension.`,
    );
  return lines;
}
