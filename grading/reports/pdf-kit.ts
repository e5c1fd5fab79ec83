/**
 * Shared drawing helpers for the reports: a document with DejaVu registered, the Vietnamese
 * official header, tables, horizontal bar charts and QR codes drawn as vectors.
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { type EmbeddedFontInternals, shareFontWork } from './font-embedding.ts';
import { reportFonts } from './fonts.ts';

export type Doc = PDFKit.PDFDocument;

export const COLORS = {
  ink: '#1a1a1a',
  muted: '#555555',
  line: '#9aa5b1',
  bar: '#1f6feb',
  fill: '#eef2f7',
  warn: '#b42318',
};
export const PAGE = { width: 595.28, height: 841.89, margin: 40 };

/** A new A4 document with the report fonts as `regular` and `bold`. */
export function newDocument(title: string): Doc {
  const fonts = reportFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    info: { Title: title, Producer: 'Exam engine', Creator: 'Exam engine' },
    bufferPages: false,
    // Start with DejaVu rather than Helvetica, so pdfkit never loads the AFM metrics it would not use.
    font: fonts.regular as unknown as string,
  });
  // The constructor embedded `fonts.regular` under its PostScript name only; pdfkit would open (and
  // subset) a fresh copy on every later font('regular') call, so name the one it has.
  const internals = doc as unknown as { _font: unknown; _fontFamilies: Record<string, unknown> };
  internals._fontFamilies.regular = internals._font;
  // pdfkit accepts an already parsed fontkit font (anything with `layout`); its types say only Buffer.
  doc.registerFont('bold', fonts.bold as unknown as Buffer);
  doc.font('bold');
  // Both font objects exist now, before any text: start them from the shared subset and shaping cache.
  shareFontWork(internals._fontFamilies.regular as EmbeddedFontInternals);
  shareFontWork(internals._fontFamilies.bold as EmbeddedFontInternals);
  doc.font('regular').fillColor(COLORS.ink);
  return doc;
}

/** Collects the document into one Buffer. */
export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Left: the issuing office and school; right: the national motto, as Vietnamese official papers have. */
export function officialHeader(doc: Doc, school: { name: string; parent?: string }): void {
  const top = PAGE.margin;
  const half = (PAGE.width - 2 * PAGE.margin) / 2;
  doc.font('regular').fontSize(9).fillColor(COLORS.ink);
  doc.text((school.parent ?? '').toUpperCase(), PAGE.margin, top, { width: half, align: 'center' });
  doc.font('bold').text(school.name.toUpperCase(), PAGE.margin, doc.y, { width: half, align: 'center' });
  doc
    .font('bold')
    .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', PAGE.margin + half, top, { width: half, align: 'center' });
  doc.text('Độc lập - Tự do - Hạnh phúc', PAGE.margin + half, doc.y, {
    width: half,
    align: 'center',
    underline: true,
  });
  doc.y = top + 40;
}

export function heading(doc: Doc, text: string, size = 11): void {
  doc.moveDown(0.6);
  doc.font('bold').fontSize(size).fillColor(COLORS.ink).text(text, PAGE.margin, doc.y);
  doc.moveDown(0.2);
  doc.font('regular').fontSize(9);
}

/** Label: value pairs in two columns. */
export function fields(doc: Doc, pairs: [string, string][]): void {
  const colWidth = (PAGE.width - 2 * PAGE.margin) / 2;
  const startY = doc.y;
  pairs.forEach(([label, value], i) => {
    const x = PAGE.margin + (i % 2) * colWidth;
    const y = startY + Math.floor(i / 2) * 15;
    doc.font('regular').fontSize(9).fillColor(COLORS.muted).text(`${label}:`, x, y, { continued: true });
    doc.font('bold').fillColor(COLORS.ink).text(` ${value}`);
  });
  doc.y = startY + Math.ceil(pairs.length / 2) * 15;
  doc.x = PAGE.margin;
}

export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** A simple ruled table; starts a new page when the rows run past the bottom margin. */
export function table(
  doc: Doc,
  columns: Column[],
  rows: string[][],
  options: { rowHeight?: number; highlight?: (row: number) => boolean } = {},
): void {
  const rowHeight = options.rowHeight ?? 14;
  const totalWidth = columns.reduce((s, c) => s + c.width, 0);
  const drawRow = (cells: string[], y: number, bold: boolean, fill?: string) => {
    if (fill) doc.rect(PAGE.margin, y, totalWidth, rowHeight).fill(fill);
    let x = PAGE.margin;
    doc
      .font(bold ? 'bold' : 'regular')
      .fontSize(8)
      .fillColor(COLORS.ink);
    columns.forEach((c, i) => {
      doc.text(cells[i] ?? '', x + 3, y + 3.5, {
        width: c.width - 6,
        align: c.align ?? 'left',
        height: rowHeight - 4,
        ellipsis: true,
      });
      x += c.width;
    });
    doc
      .moveTo(PAGE.margin, y + rowHeight)
      .lineTo(PAGE.margin + totalWidth, y + rowHeight)
      .lineWidth(0.4)
      .strokeColor(COLORS.line)
      .stroke();
  };
  let y = doc.y;
  drawRow(
    columns.map((c) => c.title),
    y,
    true,
    COLORS.fill,
  );
  y += rowHeight;
  rows.forEach((cells, r) => {
    if (y + rowHeight > PAGE.height - PAGE.margin - 20) {
      doc.addPage();
      y = PAGE.margin;
      drawRow(
        columns.map((c) => c.title),
        y,
        true,
        COLORS.fill,
      );
      y += rowHeight;
    }
    drawRow(cells, y, false, options.highlight?.(r) ? '#fdecea' : undefined);
    y += rowHeight;
  });
  doc.y = y + 4;
  doc.x = PAGE.margin;
}

/** Horizontal bars, one per part, labelled with the score and the percentage. */
export function barChart(
  doc: Doc,
  parts: { name: string; score: number; max: number }[],
  width = PAGE.width - 2 * PAGE.margin,
): void {
  const labelWidth = 210;
  const barWidth = width - labelWidth - 80;
  let y = doc.y + 2;
  for (const p of parts) {
    const share = p.max > 0 ? Math.max(0, Math.min(1, p.score / p.max)) : 0;
    doc
      .font('regular')
      .fontSize(8.5)
      .fillColor(COLORS.ink)
      .text(p.name, PAGE.margin, y + 1, { width: labelWidth - 6, height: 11, ellipsis: true });
    doc.rect(PAGE.margin + labelWidth, y, barWidth, 11).fill(COLORS.fill);
    if (share > 0) doc.rect(PAGE.margin + labelWidth, y, barWidth * share, 11).fill(COLORS.bar);
    doc
      .fillColor(COLORS.ink)
      .text(
        `${fmt(p.score)}/${fmt(p.max)} (${Math.round(share * 100)}%)`,
        PAGE.margin + labelWidth + barWidth + 6,
        y + 1,
        { lineBreak: false },
      );
    y += 16;
  }
  doc.y = y + 2;
  doc.x = PAGE.margin;
}

/** A QR code of `text` drawn as filled runs of modules, `size` points wide, at (x, y). */
export function qrCode(doc: Doc, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / (n + 8);
  const origin = { x: x + 4 * cell, y: y + 4 * cell };
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < n; row++) {
    let start = -1;
    for (let col = 0; col <= n; col++) {
      const dark = col < n && qr.modules.get(row, col) === 1;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        doc.rect(origin.x + start * cell, origin.y + row * cell, (col - start) * cell, cell);
        start = -1;
      }
    }
  }
  doc.fill('#000000');
  doc.restore();
}

/** A number with at most two decimals, Vietnamese decimal comma. */
export function fmt(n: number, decimals = 2): string {
  return String(Math.round(n * 10 ** decimals) / 10 ** decimals).replace('.', ',');
}
