/**
 * Checks QTI documents (items and tests of QTI 2.1, 2.2 and 3.0) and content-package manifests
 * against the official XSDs, when a user points at a folder of them: the schemas are not
 * redistributable, so the project never ships them. libxml2 compiled to WebAssembly
 * (xmllint-wasm) does the validation. Nothing is fetched (`--nonet`): a schema that imports
 * another by URL is pointed at the folder's copy of that file, and a schema whose import is not
 * in the folder is an error that names it.
 *
 * The entry schema is chosen by the namespace of the document's root element. Compiling a QTI
 * schema takes seconds, so every document of one entry schema is validated in one xmllint run.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { validateXML } from 'xmllint-wasm';
import type { ValidationProblem } from './problems.ts';

export interface SchemaDocument {
  fileName: string;
  xml: string;
}

export interface SchemaError {
  line: number;
  column: number;
  /** libxml2's message: the schema rule the document breaks. */
  message: string;
}

/** Schema validity errors by document file name (documents without errors are absent). */
export type SchemaErrors = Map<string, SchemaError[]>;

/** One folder of XSDs, read once, with remote imports pointed at local copies. */
export interface SchemaFolder {
  root: string;
  files: Array<{ fileName: string; contents: string }>;
}

/** What a document is validated against; `entries` are tried in order, the first present wins. */
interface EntrySchema {
  label: string;
  entries: string[];
  /**
   * The QTI 3.0 SBAC profile stands in for the base ASI schema (not available): it deletes the
   * HTML5 `data-*` attribute extension, so its `data-*` messages are artefacts, not defects.
   */
  dataAttributesAllowed?: string;
}

const SCHEMAS = {
  'qti-2.1': { label: 'QTI 2.1', entries: ['qtiv2p1/imsqti_v2p1.xsd'] },
  'qti-2.2': { label: 'QTI 2.2', entries: ['qtiv2p2/imsqti_v2p2.xsd'] },
  'qti-2.2.4': { label: 'QTI 2.2.4', entries: ['qtiv2p2p4/imsqti_v2p2p4.xsd', 'qtiv2p2/imsqti_v2p2.xsd'] },
  'qti-3.0': {
    label: 'QTI 3.0',
    entries: [
      'qtiv3p0/imsqti_asiv3p0_v1p0.xsd',
      'qtiv3p0/imsqti_asiv3p0p1_v1p0.xsd',
      'qtiv3p0/imsqti_asiv3p0_sbacv1p0_v1p0.xsd',
    ],
    dataAttributesAllowed: 'qtiv3p0/imsqti_asiv3p0_sbacv1p0_v1p0.xsd',
  },
  'cp-1.1': { label: 'IMS CP 1.1', entries: ['imscp_v1p1.xsd'] },
  'cp-qti-2.2': { label: 'IMS CP 1.2 (QTI 2.2 profile)', entries: ['qtiv2p2/qtiv2p2_imscpv1p2_v1p0.xsd'] },
  'cp-qti-3.0': { label: 'IMS CP 1.2 (QTI 3.0 profile)', entries: ['qtiv3p0/imsqtiv3p0_imscpv1p2_v1p0.xsd'] },
} satisfies Record<string, EntrySchema>;

export type SchemaKind = keyof typeof SCHEMAS;

const NAMESPACES = {
  qti21: 'http://www.imsglobal.org/xsd/imsqti_v2p1',
  qti22: 'http://www.imsglobal.org/xsd/imsqti_v2p2',
  qti30: 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0',
  cp11: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  cp30: 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1',
};

export class SchemaFolderError extends Error {}

/** Where `<xs:import>`/`<xs:include>` point; only these are rewritten (documentation text is left alone). */
const SCHEMA_REFERENCE = /(<(?:xs|xsd):(?:import|include|redefine)\b[^>]*?\bschemaLocation=")([^"]+)(")/g;

/**
 * Reads every `.xsd` under `root` (not the `*.orig-*` originals kept beside fixed files). An
 * import by URL is pointed at the folder's file of the same name, the one nearest the importer
 * (so 2.2.4's `https://www.imsglobal.org/xsd/w3/2001/XInclude.xsd` becomes `w3/XInclude.xsd`).
 */
export async function loadSchemaFolder(root: string): Promise<SchemaFolder> {
  let entries;
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    throw new SchemaFolderError(`Cannot read the schema folder ${root}: ${(error as Error).message}`);
  }
  const raw: Array<{ fileName: string; contents: string }> = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.xsd')) continue;
    const full = path.join(entry.parentPath, entry.name);
    raw.push({
      fileName: `xsd/${path.relative(root, full).split(path.sep).join('/')}`,
      contents: await readFile(full, 'utf8'),
    });
  }
  if (!raw.length) throw new SchemaFolderError(`${root} holds no .xsd file.`);
  const byBaseName = new Map<string, string[]>();
  for (const f of raw) {
    const base = path.posix.basename(f.fileName).toLowerCase();
    byBaseName.set(base, [...(byBaseName.get(base) ?? []), f.fileName]);
  }
  const files = raw.map((f) => ({
    fileName: f.fileName,
    contents: f.contents.replace(
      SCHEMA_REFERENCE,
      (whole, before: string, location: string, after: string) => {
        if (!/^https?:\/\//i.test(location)) return whole;
        const candidates = byBaseName.get(path.posix.basename(new URL(location).pathname).toLowerCase());
        if (!candidates) return whole; // left remote: reported as an unresolved import when compiled
        const dir = path.posix.dirname(f.fileName);
        const nearest = [...candidates].sort(
          (a, b) => path.posix.relative(dir, a).length - path.posix.relative(dir, b).length,
        )[0]!;
        return `${before}${path.posix.relative(dir, nearest)}${after}`;
      },
    ),
  }));
  return { root, files };
}

/** The root element's namespace and `xsi:schemaLocation`, read without parsing the rest. */
function rootOf(xml: string): { namespace: string; local: string; schemaLocation: string } | undefined {
  const parser = new SaxesParser({ xmlns: true, position: false });
  let found: { namespace: string; local: string; schemaLocation: string } | undefined;
  const stop = new Error('root found');
  parser.on('opentag', (tag) => {
    const location = Object.values(tag.attributes).find(
      (a) => typeof a === 'object' && a.local === 'schemaLocation' && a.uri.includes('XMLSchema-instance'),
    );
    found = {
      namespace: tag.uri ?? '',
      local: tag.local ?? tag.name,
      schemaLocation: typeof location === 'object' ? location.value : '',
    };
    throw stop;
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error !== stop) return undefined;
  }
  return found;
}

/** The schema a document is validated against, by its root's namespace; undefined: none applies. */
export function schemaKindOf(xml: string): SchemaKind | undefined {
  const root = rootOf(xml);
  if (!root) return undefined;
  switch (root.namespace) {
    case NAMESPACES.qti21:
      return 'qti-2.1';
    case NAMESPACES.qti22:
      // Files that name a 2.2.x revision (2.2.1 to 2.2.4) may use what it added; 2.2.4 has it all.
      return /imsqti_v2p2p[1-9]/.test(root.schemaLocation) ? 'qti-2.2.4' : 'qti-2.2';
    case NAMESPACES.qti30:
      return 'qti-3.0';
    case NAMESPACES.cp11:
      if (root.local !== 'manifest') return undefined;
      return /qtiv2p2_imscpv1p2/.test(root.schemaLocation) ? 'cp-qti-2.2' : 'cp-1.1';
    case NAMESPACES.cp30:
      return root.local === 'manifest' ? 'cp-qti-3.0' : undefined;
    default:
      return undefined;
  }
}

/** The label of what a document is checked against ("QTI 2.2", "IMS CP 1.1"...). */
export const schemaLabel = (kind: SchemaKind) => SCHEMAS[kind].label;

export interface SchemaCheckResult {
  /** Errors of every checked document that has any. */
  errors: SchemaErrors;
  /** What each document was checked against (absent: no schema for its namespace). */
  checked: Map<string, { kind: SchemaKind; entry: string }>;
  /** Documents no schema applies to (QTI 2.0, QTI 1.2, other XML), or whose schema is not in the folder. */
  unchecked: Map<string, string>;
  /** `data-*` attribute messages dropped as artefacts of the QTI 3.0 SBAC stand-in. */
  ignoredDataAttributes: number;
}

const DATA_ATTRIBUTE_ARTEFACT = /attribute 'data-[^']*': The attribute 'data-[^']*' is not allowed\./;

/** `file:line: ...` lines of xmllint's output; the rest (context lines, carets, "fails to validate") is noise. */
const ERROR_LINE = /^(.+?):(\d+): (.*)$/;

/**
 * Where on its line the element (or attribute) an error names begins: libxml2 reports only the
 * line. Column 1 when it cannot be found there.
 */
function columnOf(lines: string[], line: number, message: string): number {
  const text = lines[line - 1];
  if (text === undefined) return 1;
  const element = /Element '(?:\{[^}]*\})?([^']+)'/.exec(message)?.[1];
  const attribute = /attribute '(?:\{[^}]*\})?([^']+)'/.exec(message)?.[1];
  if (attribute) {
    const at = new RegExp(`(^|\\s)((?:[\\w.-]+:)?${escapeRegExp(attribute)})\\s*=`).exec(text);
    if (at) return at.index + at[1]!.length + 1;
  }
  if (element) {
    const local = element.includes(':') ? element.slice(element.indexOf(':') + 1) : element;
    const tags = [...text.matchAll(new RegExp(`<(?:[\\w.-]+:)?${escapeRegExp(local)}(?=[\\s/>]|$)`, 'g'))];
    if (tags.length) return tags[tags.length - 1]!.index + 1;
  }
  return 1;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The message without libxml2's "element x: Schemas validity error :" prefix. */
const plainMessage = (message: string) =>
  message
    .replace(/^(element [^:]+: )?Schemas validity error : /, '')
    .replace(/^(element [^:]+: )?parser error : /, 'not well-formed: ');

/** xmllint's errors about a document (its warnings, e.g. a relative namespace URI, do not make it invalid). */
const isError = (message: string) => /(^|: )(Schemas validity|parser|namespace) error : /.test(message);

/** Validates documents against one entry schema in a single xmllint run. */
async function validateAgainst(
  folder: SchemaFolder,
  entry: string,
  documents: SchemaDocument[],
  ignoreDataAttributes: boolean,
): Promise<{ errors: SchemaErrors; ignored: number }> {
  // Documents get neutral names in xmllint's file system (no clash with schema files, no odd characters).
  const names = documents.map((_, i) => `doc/${i}.xml`);
  const byName = new Map(names.map((n, i) => [n, documents[i]!]));
  let output: string;
  try {
    const result = await validateXML({
      xml: documents.map((d, i) => ({ fileName: names[i]!, contents: d.xml })),
      schema: folder.files.find((f) => f.fileName === entry)!,
      preload: folder.files.filter((f) => f.fileName !== entry),
      initialMemoryPages: 1024,
      maxMemoryPages: 16384,
      modifyArguments: (args) => ['--nonet', ...args],
    });
    output = result.rawOutput;
  } catch (error) {
    const problems = String((error as Error).message)
      .split('\n')
      .filter((l) => /error|failed|warning/i.test(l))
      .slice(0, 5)
      .join('\n');
    throw new SchemaFolderError(
      `${path.join(folder.root, entry.slice('xsd/'.length))} does not compile:\n${problems}`,
    );
  }
  const errors: SchemaErrors = new Map();
  const lines = new Map<string, string[]>();
  let ignored = 0;
  for (const raw of output.split('\n')) {
    const match = ERROR_LINE.exec(raw);
    if (!match) continue;
    const document = byName.get(match[1]!);
    if (!document) continue; // a schema's own warning
    if (!isError(match[3]!)) continue;
    const message = plainMessage(match[3]!.trim());
    if (ignoreDataAttributes && DATA_ATTRIBUTE_ARTEFACT.test(message)) {
      ignored++;
      continue;
    }
    if (!lines.has(document.fileName)) lines.set(document.fileName, document.xml.split('\n'));
    const line = Number(match[2]);
    const list = errors.get(document.fileName) ?? [];
    list.push({ line, column: columnOf(lines.get(document.fileName)!, line, message), message });
    errors.set(document.fileName, list);
  }
  return { errors, ignored };
}

/** Checks each document against the entry schema its root's namespace calls for. */
export async function checkSchemas(
  documents: SchemaDocument[],
  folder: SchemaFolder,
): Promise<SchemaCheckResult> {
  const result: SchemaCheckResult = {
    errors: new Map(),
    checked: new Map(),
    unchecked: new Map(),
    ignoredDataAttributes: 0,
  };
  const groups = new Map<string, { kind: SchemaKind; documents: SchemaDocument[] }>();
  for (const document of documents) {
    const kind = schemaKindOf(document.xml);
    if (!kind) {
      result.unchecked.set(document.fileName, 'no schema for its root element and namespace');
      continue;
    }
    const entry = SCHEMAS[kind].entries
      .map((e) => folder.files.find((f) => f.fileName === `xsd/${e}` || f.fileName.endsWith(`/${e}`)))
      .find(Boolean)?.fileName;
    if (!entry) {
      result.unchecked.set(
        document.fileName,
        `no ${SCHEMAS[kind].label} schema (${SCHEMAS[kind].entries.join(' or ')}) in ${folder.root}`,
      );
      continue;
    }
    result.checked.set(document.fileName, { kind, entry: entry.slice('xsd/'.length) });
    const group = groups.get(entry) ?? { kind, documents: [] };
    group.documents.push(document);
    groups.set(entry, group);
  }
  for (const [entry, group] of groups) {
    const spec: EntrySchema = SCHEMAS[group.kind];
    const ignore = spec.dataAttributesAllowed !== undefined && entry.endsWith(spec.dataAttributesAllowed);
    const { errors, ignored } = await validateAgainst(folder, entry, group.documents, ignore);
    for (const [file, list] of errors) result.errors.set(file, list);
    result.ignoredDataAttributes += ignored;
  }
  return result;
}

/** Schema errors as validation problems (code `xsd`), the schema's label and the rule's message in each. */
export function schemaProblems(result: SchemaCheckResult): ValidationProblem[] {
  return [...result.errors].flatMap(([file, list]) => {
    const { kind, entry } = result.checked.get(file)!;
    return list.map((e): ValidationProblem => ({
      file,
      line: e.line,
      column: e.column,
      severity: 'error',
      code: 'xsd',
      message: `Not valid under the ${SCHEMAS[kind].label} schema (${path.posix.basename(entry)}): ${e.message}`,
    }));
  });
}

/**
 * Validates QTI 3.0 item documents against the item schema under `xsdFolder` (kept for the
 * converter, which writes QTI 3.0 only). Throws when the folder holds no QTI 3.0 item schema.
 */
export async function checkQti3Schema(documents: SchemaDocument[], xsdFolder: string): Promise<SchemaErrors> {
  const folder = await loadSchemaFolder(xsdFolder).catch(() => undefined);
  const entries = SCHEMAS['qti-3.0'].entries;
  if (!folder?.files.some((f) => entries.some((e) => f.fileName.endsWith(`/${path.posix.basename(e)}`))))
    throw new SchemaFolderError(`${xsdFolder} holds no QTI 3.0 item schema (${entries.join(', ')}).`);
  return (await checkSchemas(documents, folder)).errors;
}
