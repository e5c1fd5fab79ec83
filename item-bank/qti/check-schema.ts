/**
 * Checks QTI 3.0 documents against the official XSDs when a user points at a folder of them (the
 * schemas are not redistributable, so the project never ships them). libxml2 compiled to
 * WebAssembly (xmllint-wasm) does the validation; nothing is downloaded (`--nonet` semantics:
 * every include must be in the folder).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';

/** Entry schemas of QTI 3.0 items, the full ASI schema first, then the SBAC profile that stands in for it. */
const ITEM_ENTRIES = [
  'imsqti_asiv3p0_v1p0.xsd',
  'imsqti_asiv3p0p1_v1p0.xsd',
  'imsqti_asiv3p0_sbacv1p0_v1p0.xsd',
];

export interface SchemaDocument {
  fileName: string;
  xml: string;
}

/** Schema validity errors by document file name (documents without errors are absent). */
export type SchemaErrors = Map<string, Array<{ line?: number; message: string }>>;

async function xsdFiles(root: string): Promise<Array<{ fileName: string; contents: string }>> {
  const files: Array<{ fileName: string; contents: string }> = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.xsd')) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.push({
      fileName: path.relative(root, full).split(path.sep).join('/'),
      contents: await readFile(full, 'utf8'),
    });
  }
  return files;
}

/**
 * Validates QTI 3.0 item documents against the item schema found under `xsdFolder` (a folder
 * holding `imsqti_asiv3p0_v1p0.xsd` or the SBAC profile, with what it includes). Throws when
 * the folder holds no QTI 3.0 item schema.
 */
export async function checkQti3Schema(documents: SchemaDocument[], xsdFolder: string): Promise<SchemaErrors> {
  const schemas = await xsdFiles(xsdFolder);
  const entry = ITEM_ENTRIES.map((name) =>
    schemas.find((s) => path.posix.basename(s.fileName) === name),
  ).find(Boolean);
  if (!entry) throw new Error(`${xsdFolder} holds no QTI 3.0 item schema (${ITEM_ENTRIES.join(', ')}).`);
  const errors: SchemaErrors = new Map();
  if (!documents.length) return errors;
  const result = await validateXML({
    xml: documents.map((d) => ({ fileName: d.fileName, contents: d.xml })),
    schema: entry,
    preload: schemas.filter((s) => s !== entry),
    maxMemoryPages: 4096,
  });
  for (const e of result.errors) {
    if (!/ validity error /.test(e.rawMessage) && !/parser error/.test(e.rawMessage)) continue;
    const file = e.loc?.fileName ?? documents.find((d) => e.rawMessage.startsWith(d.fileName))?.fileName;
    if (!file) continue;
    const list = errors.get(file) ?? [];
    list.push({ ...(e.loc?.lineNumber ? { line: e.loc.lineNumber } : {}), message: e.message.trim() });
    errors.set(file, list);
  }
  return errors;
}
