/**
 * The hostile uploads of issue 26 (findings 1 and 2), built in memory by the tests so no binary is
 * committed: each is small on the wire and costs gigabytes or minutes to a naive reader.
 */
import { deflateRawSync } from 'node:zlib';
import yazl from 'yazl';
import { bombZip, deflated, repeatedDeflate, type BombEntry } from '../../item-bank/packages/zip-bombs.ts';

const MiB = 2 ** 20;

/** A small entry with real contents, for a zip whose other entries lie (bombZip). */
const real = (name: string, data: string): BombEntry => ({
  name,
  deflated: deflated(data),
  declaredSize: Buffer.byteLength(data),
});

/** An honest zip (sizes and checksums true), written by yazl: what an office program would save. */
async function honestZip(entries: Array<[name: string, data: string]>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) zip.addBuffer(Buffer.from(data), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A QTI package of 500 entries of exactly 1,000,000 bytes each: 1.2 MB that unpacks to 500 MB. */
export function qtiZipOf500Megabytes(): Buffer {
  const entry = deflateRawSync(Buffer.alloc(1_000_000, 0x20));
  return bombZip(
    Array.from({ length: 500 }, (_, i) => ({
      name: `items/item-${i}.xml`,
      deflated: entry,
      declaredSize: 1_000_000,
    })),
  );
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const RELS = (type: string, target: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/></Relationships>`;

/** A .docx (367 KB) whose word/document.xml inflates to 1.1 GB. */
export function docxInflatingToAGigabyte(): Buffer {
  return bombZip([
    real('[Content_Types].xml', CONTENT_TYPES),
    real('_rels/.rels', RELS('officeDocument', 'word/document.xml')),
    { name: 'word/document.xml', deflated: repeatedDeflate(MiB, 1100), declaredSize: 1100 * MiB },
  ]);
}

/** A Word document of the given paragraphs (each a plain run of text). */
export function wordDocument(paragraphs: string[]): Promise<Buffer> {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('');
  return honestZip([
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', RELS('officeDocument', 'word/document.xml')],
    [
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ],
  ]);
}

/** A few KB of .docx holding 10,000 "Câu n." paragraphs. */
export const docxOf10000Questions = () =>
  wordDocument(Array.from({ length: 10_000 }, (_, i) => `Câu ${i + 1}.`));

/** One QTI 3 item whose body nests 100,000 <div> elements (1.1 MB). */
export function itemOf100000NestedDivs(): Buffer {
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="deep" title="deep" adaptive="false" time-dependent="false"><qti-item-body>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</qti-item-body></qti-assessment-item>`,
  );
}

const SHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${SHEET_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const sheet = (rowsXml: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${SHEET_NS}"><sheetData>${rowsXml}</sheetData></worksheet>`;
const sharedStrings = (xml: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${SHEET_NS}">${xml}</sst>`;
const ONE_SHARED_CELL = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>';

/** An .xlsx with the given sheet rows (XML of `<row>` elements) and shared strings (XML of `<si>`). */
export function workbook(rowsXml: string, stringsXml = ''): Promise<Buffer> {
  return honestZip([
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', RELS('officeDocument', 'xl/workbook.xml')],
    ['xl/workbook.xml', WORKBOOK],
    ['xl/_rels/workbook.xml.rels', RELS('worksheet', 'worksheets/sheet1.xml')],
    ['xl/worksheets/sheet1.xml', sheet(rowsXml)],
    ['xl/sharedStrings.xml', sharedStrings(stringsXml)],
  ]);
}

/** A roster workbook of a header and a million rows (a few MB compressed). */
export function rosterOfAMillionRows(): Promise<Buffer> {
  const rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>Mã định danh</t></is></c></row>'];
  for (let r = 2; r <= 1_000_001; r++) rows.push(`<row r="${r}"/>`);
  return workbook(rows.join(''));
}

/** A roster workbook whose shared-string table holds a million strings. */
export const rosterOfAMillionSharedStrings = () =>
  workbook(ONE_SHARED_CELL, '<si><t>x</t></si>'.repeat(1_000_000));

/** A roster workbook whose shared-string table inflates to 1 GB (its directory says so). */
export const rosterWithAGigabyteOfSharedStrings = () =>
  bombZip([
    real('[Content_Types].xml', CONTENT_TYPES),
    real('_rels/.rels', RELS('officeDocument', 'xl/workbook.xml')),
    real('xl/workbook.xml', WORKBOOK),
    real('xl/_rels/workbook.xml.rels', RELS('worksheet', 'worksheets/sheet1.xml')),
    real('xl/worksheets/sheet1.xml', sheet(ONE_SHARED_CELL)),
    { name: 'xl/sharedStrings.xml', deflated: repeatedDeflate(MiB, 1024), declaredSize: 1024 * MiB },
  ]);
