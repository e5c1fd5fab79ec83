/**
 * The demo report renders Vietnamese correctly: the PDF's text layer holds the words with their
 * diacritics (pdftotext), and its first page rasterised by pdftoppm is a real page with ink on it.
 * Needs Debian's poppler-utils (`.ci/run` installs it); the test fails, not skips, without it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { renderCandidateReport } from './candidate-report.ts';
import { demoCandidateReport, demoCandidates, demoSittingSummary } from './demo-data.ts';
import { renderSittingSummary } from './sitting-summary.ts';
import { zipReports } from './batch-zip.ts';
import { normaliseCode, verificationCode } from './verification.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'reports-'));

/** Width, height and the share of non-white pixels of a binary PPM/PGM written by pdftoppm. */
function inkOf(file: string): { width: number; height: number; ink: number } {
  const data = readFileSync(file);
  const header = data.subarray(0, 64).toString('latin1').split(/\s+/);
  const [magic, w, h] = header;
  const width = Number(w);
  const height = Number(h);
  const pixels = data.subarray(data.length - width * height * (magic === 'P6' ? 3 : 1));
  let dark = 0;
  for (const v of pixels) if (v < 200) dark++;
  return { width, height, ink: dark / pixels.length };
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('candidate score report', () => {
  it('renders the demo report with Vietnamese text, a QR code and a non-blank page', async () => {
    const candidates = demoCandidates();
    const data = demoCandidateReport(candidates[0]!, 0);
    const pdf = await renderCandidateReport(data);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(dir, 'demo.pdf');
    writeFileSync(file, pdf);
    const text = pdfText(file);
    for (const word of [
      'Trường',
      'Điểm',
      'PHIẾU BÁO ĐIỂM',
      'Họ và tên',
      'Xếp loại',
      'Hồ sơ năng lực',
      'Chi tiết từng câu',
    ])
      expect(text).toContain(word);
    expect(text).toContain(data.candidate.fullName);
    expect(text).toContain(data.verification.code);
    // A sitting of one form prints no mã đề.
    expect(text).not.toContain('Mã đề');
    // The fonts are embedded subsets of DejaVu Sans, nothing substituted.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans\s/);
    expect(fonts).toMatch(/DejaVuSans-Bold/);
    execFileSync('pdftoppm', ['-r', '50', '-gray', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
    const page = inkOf(path.join(dir, 'page-1.pgm'));
    expect(page.width).toBeGreaterThan(400);
    expect(page.height).toBeGreaterThan(page.width);
    expect(page.ink).toBeGreaterThan(0.02);
    expect(page.ink).toBeLessThan(0.5);
  });

  it('prints the parallel form (mã đề) on the candidate number s row-pair, keeping every field', async () => {
    const base = demoCandidateReport(demoCandidates()[2]!, 2);
    const data = { ...base, candidate: { ...base.candidate, form: 'B' } };
    const file = path.join(dir, 'form-b.pdf');
    writeFileSync(file, await renderCandidateReport(data));
    const text = pdfText(file);
    const lines = text.split('\n');
    const numberLine = lines.findIndex((l) => l.includes(`Số báo danh: ${data.candidate.candidateNumber}`));
    expect(numberLine).toBeGreaterThanOrEqual(0);
    // Right under the candidate number, in the same column.
    const formLine = lines.findIndex((l) => /Mã đề: B\b/.test(l));
    expect(formLine).toBe(numberLine + 1);
    expect(lines[formLine]!.indexOf('Mã đề')).toBe(lines[numberLine]!.indexOf('Số báo danh'));
    for (const field of ['Họ và tên:', 'Lớp:', 'Ngày sinh:', 'Trường:', 'Ngày thi:'])
      expect(text).toContain(field);
  });

  it('leaves the item table out when the release policy hides it', async () => {
    const data = { ...demoCandidateReport(demoCandidates()[1]!, 1), items: undefined };
    const file = path.join(dir, 'no-items.pdf');
    writeFileSync(file, await renderCandidateReport(data));
    const text = pdfText(file);
    // The notice names the item details; the table (its column titles and item titles) is absent.
    expect(text).toContain('Chi tiết từng câu chưa được công bố');
    expect(text).not.toMatch(/Câu\s+Nội dung/);
    expect(text).not.toContain('Tính giá trị biểu thức');
  });
});

describe('sitting summary', () => {
  it('renders statistics, the item analysis table and flagged items', async () => {
    const file = path.join(dir, 'summary.pdf');
    writeFileSync(file, await renderSittingSummary(demoSittingSummary(demoCandidates(60))));
    const text = pdfText(file);
    for (const word of ['BÁO CÁO TỔNG HỢP', 'Phổ điểm', 'Phân tích câu hỏi', 'Cronbach', 'Số thí sinh: 60'])
      expect(text).toContain(word);
  });
});

describe('batch zip and verification codes', () => {
  it('streams one PDF per candidate into a zip, reporting progress', async () => {
    const candidates = demoCandidates(4);
    const progress: number[] = [];
    const stream = zipReports(
      candidates.map((c, i) => ({
        name: `${c.candidateNumber}.pdf`,
        render: () => renderCandidateReport(demoCandidateReport(c, i)),
      })),
      (p) => progress.push(p.done),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const zip = Buffer.concat(chunks);
    const names = await new Promise<string[]>((resolve, reject) =>
      yauzl.fromBuffer(zip, { lazyEntries: false }, (error, file) => {
        if (error || !file) return reject(error);
        const found: string[] = [];
        file.on('entry', (e: yauzl.Entry) => found.push(e.fileName));
        file.on('end', () => resolve(found));
      }),
    );
    expect(names).toEqual(candidates.map((c) => `${c.candidateNumber}.pdf`));
    expect(progress).toEqual([1, 2, 3, 4]);
  });

  it('derives codes from the result id and version, and reads them back as typed', () => {
    const a = verificationCode('secret', 'r1', 1);
    expect(a).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(verificationCode('secret', 'r1', 2)).not.toBe(a);
    expect(verificationCode('other', 'r1', 1)).not.toBe(a);
    expect(normaliseCode(a.toLowerCase().replace('-', ' '))).toBe(a);
    expect(normaliseCode('nope')).toBeUndefined();
  });
});
