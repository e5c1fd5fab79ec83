/**
 * Reports share one embedded DejaVu subset while they draw only Vietnamese-repertoire glyphs, and
 * fall back to a per-document subset otherwise; either way the text layer reads back exactly.
 * Needs poppler-utils (pdftotext, pdffonts), as the other report tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderCandidateReport } from './candidate-report.ts';
import { demoCandidateReport, demoCandidates } from './demo-data.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'font-embedding-'));

/** The decompressed FontFile2 streams of a PDF written by pdfkit (uncompressed object syntax). */
function fontFiles(pdf: Buffer): Buffer[] {
  const text = pdf.toString('latin1');
  const ids = [...text.matchAll(/\/FontFile2 (\d+) 0 R/g)].map((m) => m[1]);
  return ids.map((id) => {
    const start = text.indexOf('stream\n', text.indexOf(`\n${id} 0 obj`)) + 'stream\n'.length;
    const end = text.indexOf('\nendstream', start);
    return inflateSync(pdf.subarray(start, end));
  });
}

async function render(fullName: string, index: number): Promise<{ pdf: Buffer; text: string }> {
  const data = demoCandidateReport(demoCandidates(3)[index]!, index);
  const pdf = await renderCandidateReport({ ...data, candidate: { ...data.candidate, fullName } });
  const file = path.join(dir, `r${index}-${fullName.length}.pdf`);
  writeFileSync(file, pdf);
  // Long names wrap: compare words, not lines.
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  return { pdf, text };
}

describe('shared font embedding', () => {
  it('embeds the same font files in reports of Vietnamese text, and the text reads back', async () => {
    // Every Vietnamese vowel with every tone, đ, in both cases.
    const letters = 'aáàảãạ ăắằẳẵặ âấầẩẫậ eéèẻẽẹ êếềểễệ iíìỉĩị oóòỏõọ ôốồổỗộ ơớờởỡợ uúùủũụ ưứừửữự yýỳỷỹỵ đ';
    const a = await render(`Nguyễn ${letters}`, 0);
    const b = await render(`Phạm ${letters.toUpperCase()}`, 1);
    expect(a.text).toContain(letters);
    expect(b.text).toContain(letters.toUpperCase());
    const filesA = fontFiles(a.pdf);
    const filesB = fontFiles(b.pdf);
    expect(filesA).toHaveLength(2);
    expect(filesA.map((f) => f.equals(filesB[filesA.indexOf(f)]!))).toEqual([true, true]);
    // A TrueType file: fontkit writes the 'true' tag.
    expect(filesA[0]!.subarray(0, 4).toString('latin1')).toBe('true');
  });

  it('adds glyphs outside the repertoire to that report only, which still reads back', async () => {
    const plain = await render('Trần An', 2);
    const greek = await render('Ωmega Straße Ñandú', 2);
    expect(greek.text).toContain('Ωmega Straße Ñandú');
    const [plainRegular, plainBold] = fontFiles(plain.pdf);
    const [greekRegular, greekBold] = fontFiles(greek.pdf);
    // The name is drawn in bold: that subset grew, the regular one is the shared file.
    expect(greekRegular!.equals(plainRegular!)).toBe(true);
    expect(greekBold!.length).toBeGreaterThan(plainBold!.length);
    const fonts = execFileSync('pdffonts', [path.join(dir, 'r2-18.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans-Bold\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });
});
