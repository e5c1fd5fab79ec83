/**
 * The sitting summary for the exam board: score histogram, test statistics (mean, SD, alpha, SEM),
 * the distribution of ratings, the item analysis table, and the flagged items with their reasons.
 */
import type { SittingSummaryData } from './report-data.ts';
import {
  COLORS,
  PAGE,
  fields,
  fmt,
  heading,
  newDocument,
  officialHeader,
  table,
  toBuffer,
  type Doc,
} from './pdf-kit.ts';

const FLAG_TEXT: Record<string, string> = {
  too_hard: 'quá khó',
  too_easy: 'quá dễ',
  low_discrimination: 'độ phân biệt thấp',
  negative_discrimination: 'độ phân biệt âm (kiểm tra đáp án)',
  low_upper_lower: 'chỉ số D thấp',
  distractor_problem: 'phương án nhiễu có vấn đề',
};

function histogram(doc: Doc, scores: number[]): void {
  const bins = Array.from({ length: 10 }, () => 0);
  for (const s of scores) bins[Math.min(9, Math.floor(s))]!++;
  const top = Math.max(1, ...bins);
  const x0 = PAGE.margin + 20;
  const height = 120;
  const y0 = doc.y + height + 6;
  const width = PAGE.width - 2 * PAGE.margin - 40;
  const barWidth = width / 10;
  doc
    .moveTo(x0, y0)
    .lineTo(x0 + width, y0)
    .lineWidth(0.6)
    .strokeColor(COLORS.line)
    .stroke();
  bins.forEach((count, b) => {
    const h = (count / top) * height;
    doc.rect(x0 + b * barWidth + 4, y0 - h, barWidth - 8, h).fill(COLORS.bar);
    doc.font('regular').fontSize(7.5).fillColor(COLORS.ink);
    doc.text(String(count), x0 + b * barWidth, y0 - h - 10, { width: barWidth, align: 'center' });
    doc.text(`${b}–${b + 1}`, x0 + b * barWidth, y0 + 3, { width: barWidth, align: 'center' });
  });
  doc.y = y0 + 16;
  doc.x = PAGE.margin;
}

/** Renders the summary of one sitting as a PDF. */
export function renderSittingSummary(data: SittingSummaryData): Promise<Buffer> {
  const doc = newDocument(`Báo cáo tổng hợp - ${data.sitting.name}`);
  officialHeader(doc, data.school);
  doc
    .font('bold')
    .fontSize(15)
    .fillColor(COLORS.ink)
    .text('BÁO CÁO TỔNG HỢP KẾT QUẢ', PAGE.margin, doc.y + 6, { align: 'center' });
  doc
    .font('regular')
    .fontSize(10)
    .text(
      `${data.sitting.name}${data.sitting.subject ? ` - Môn ${data.sitting.subject}` : ''} - ${data.sitting.date}`,
      { align: 'center' },
    );
  doc.moveDown(0.8);
  const t = data.analysis.test;
  const mean10 = data.tenPointScores.length
    ? data.tenPointScores.reduce((s, v) => s + v, 0) / data.tenPointScores.length
    : 0;
  fields(doc, [
    ['Số thí sinh', String(data.candidates)],
    ...(data.pending ? [['Bài đang chấm (chưa tính)', String(data.pending)] as [string, string]] : []),
    ['Điểm trung bình (thang 10)', fmt(mean10)],
    ['Điểm thô trung bình', `${fmt(t.mean)} (ĐLC ${fmt(t.sd)})`],
    ['Trung vị / thấp nhất / cao nhất', `${fmt(t.median)} / ${fmt(t.min)} / ${fmt(t.max)}`],
    ['Độ tin cậy (Cronbach alpha / KR-20)', fmt(t.alpha, 3)],
    ['Sai số chuẩn đo lường (SEM)', fmt(t.sem, 3)],
    ...Object.entries(data.ratings).map(
      ([k, v]) =>
        [`Xếp loại ${k}`, `${v} (${data.candidates ? Math.round((v / data.candidates) * 100) : 0}%)`] as [
          string,
          string,
        ],
    ),
  ]);
  heading(doc, 'Phổ điểm (thang 10)');
  histogram(doc, data.tenPointScores);

  heading(doc, 'Phân tích câu hỏi');
  const irt = new Map(data.analysis.irt?.items.map((i) => [i.ref, i]));
  table(
    doc,
    [
      { title: 'Câu', width: 130 },
      { title: 'n', width: 40, align: 'right' },
      { title: 'Độ khó p', width: 55, align: 'right' },
      { title: 'r pbis', width: 50, align: 'right' },
      { title: 'D (27%)', width: 50, align: 'right' },
      { title: 'b (IRT)', width: 50, align: 'right' },
      { title: 'Cảnh báo', width: 140 },
    ],
    data.analysis.items.map((s) => [
      data.itemTitles[s.item] ?? s.item,
      String(s.n),
      fmt(s.p, 2),
      fmt(s.pointBiserialCorrected, 2),
      fmt(s.upperLower, 2),
      irt.has(s.item) ? fmt(irt.get(s.item)!.b, 2) : '-',
      s.flags.map((f) => FLAG_TEXT[f] ?? f).join(', '),
    ]),
    { highlight: (r) => (data.analysis.items[r]?.flags.length ?? 0) > 0 },
  );

  // Adaptive sections: each candidate was given other items, so p and r do not apply (issue 23).
  for (const section of data.analysis.adaptive ?? []) {
    heading(doc, `Phần thích ứng ${section.section}: mức sử dụng câu hỏi`);
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(COLORS.muted)
      .text(
        `Độ khó p, độ phân biệt và cảnh báo không áp dụng: mỗi thí sinh được giao các câu khác nhau theo năng lực. ${section.candidates} thí sinh, trung bình ${fmt(section.meanLength, 1)} câu, tỉ lệ sử dụng cao nhất ${fmt(section.maxExposureRate * 100, 0)}%.`,
      )
      .fillColor(COLORS.ink);
    table(
      doc,
      [
        { title: 'Câu', width: 200 },
        { title: 'Số lần giao', width: 70, align: 'right' },
        { title: 'Tỉ lệ', width: 60, align: 'right' },
        { title: 'θ trung bình', width: 70, align: 'right' },
        { title: 'p, r', width: 60 },
      ],
      section.items.map((s) => [
        data.itemTitles[s.item] ?? s.item,
        String(s.exposure),
        `${fmt(s.exposureRate * 100, 0)}%`,
        s.meanTheta === null ? '-' : fmt(s.meanTheta, 2),
        'không áp dụng',
      ]),
    );
  }

  const flagged = data.analysis.items.filter((s) => s.flags.length);
  heading(doc, `Câu hỏi cần xem lại (${flagged.length})`);
  if (!flagged.length) doc.font('regular').fontSize(9).text('Không có câu hỏi nào bị cảnh báo.');
  for (const s of flagged) {
    doc
      .font('bold')
      .fontSize(9)
      .fillColor(COLORS.warn)
      .text(`${data.itemTitles[s.item] ?? s.item}: `, PAGE.margin, doc.y, { continued: true });
    doc
      .font('regular')
      .fillColor(COLORS.ink)
      .text(s.flags.map((f) => FLAG_TEXT[f] ?? f).join(', '));
    const bad = s.options?.filter((o) => o.problem);
    if (bad?.length)
      doc
        .fontSize(8)
        .fillColor(COLORS.muted)
        .text(
          `  Phương án: ${bad.map((o) => `${o.option} (chọn ${o.count}, nhóm cao ${fmt(o.upper * 100, 0)}%, nhóm thấp ${fmt(o.lower * 100, 0)}%)`).join('; ')}`,
        );
  }
  doc.moveDown(1);
  doc
    .font('regular')
    .fontSize(7.5)
    .fillColor(COLORS.muted)
    .text(`Báo cáo in ngày ${data.issuedAt}.`, PAGE.margin);
  return toBuffer(doc);
}
