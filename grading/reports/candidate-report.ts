/**
 * The candidate score report (phiếu báo điểm): official header, candidate and sitting, the score
 * on the 10-point scale with its rating, per-section and per-competency scores with bar charts,
 * the item-by-item table when the release policy allows, and a verification code with its QR code.
 * A practice sitting's report says under its title that it is not an official result.
 */
import type { CandidateReportData } from './report-data.ts';
import {
  COLORS,
  PAGE,
  barChart,
  fields,
  fmt,
  heading,
  newDocument,
  officialHeader,
  qrCode,
  table,
  toBuffer,
} from './pdf-kit.ts';

/**
 * The candidate and sitting fields, two a row. A candidate of a sitting with parallel forms gets
 * the form (mã đề) right under their candidate number, as schools write it next to the SBD.
 */
function candidateFields(data: CandidateReportData): [string, string][] {
  const { candidate, school, sitting } = data;
  if (candidate.form === undefined)
    return [
      ['Họ và tên', candidate.fullName],
      ['Số báo danh', candidate.candidateNumber],
      ['Lớp', candidate.className ?? '-'],
      ['Ngày sinh', candidate.dateOfBirth ?? '-'],
      ['Trường', school.name],
      ['Ngày thi', sitting.date],
    ];
  return [
    ['Họ và tên', candidate.fullName],
    ['Số báo danh', candidate.candidateNumber],
    ['Lớp', candidate.className ?? '-'],
    ['Mã đề', candidate.form],
    ['Ngày sinh', candidate.dateOfBirth ?? '-'],
    ['Ngày thi', sitting.date],
    ['Trường', school.name],
  ];
}

/** Printed under the title of a practice sitting's report, Vietnamese first. */
export const PRACTICE_LINES = {
  vi: 'BUỔI LUYỆN TẬP - KHÔNG PHẢI KẾT QUẢ CHÍNH THỨC',
  en: 'Practice sitting - not an official result',
};

/** Renders one candidate's report as a PDF. */
export function renderCandidateReport(data: CandidateReportData): Promise<Buffer> {
  const doc = newDocument(`Phiếu báo điểm - ${data.candidate.fullName}`);
  officialHeader(doc, data.school);

  doc
    .font('bold')
    .fontSize(16)
    .fillColor(COLORS.ink)
    .text('PHIẾU BÁO ĐIỂM', PAGE.margin, doc.y + 6, { align: 'center' });
  doc
    .font('regular')
    .fontSize(10)
    .text(`${data.sitting.name}${data.sitting.subject ? ` - Môn ${data.sitting.subject}` : ''}`, {
      align: 'center',
    });
  if (data.sitting.practice)
    doc
      .font('bold')
      .fontSize(10)
      .fillColor(COLORS.warn)
      .text(PRACTICE_LINES.vi, { align: 'center' })
      .font('regular')
      .fontSize(9)
      .text(PRACTICE_LINES.en, { align: 'center' })
      .fillColor(COLORS.ink);
  doc.moveDown(0.8);

  fields(doc, candidateFields(data));

  // The score box: 10-point score, rating and raw score, with the verification QR on the right.
  const boxTop = doc.y + 8;
  const boxWidth = PAGE.width - 2 * PAGE.margin - 110;
  doc.roundedRect(PAGE.margin, boxTop, boxWidth, 84, 6).lineWidth(1).strokeColor(COLORS.line).stroke();
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(COLORS.muted)
    .text('Điểm (thang 10)', PAGE.margin + 14, boxTop + 10);
  doc
    .font('bold')
    .fontSize(30)
    .fillColor(COLORS.bar)
    .text(fmt(data.result.tenPoint), PAGE.margin + 14, boxTop + 24);
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(COLORS.muted)
    .text('Xếp loại', PAGE.margin + 150, boxTop + 10);
  doc
    .font('bold')
    .fontSize(18)
    .fillColor(COLORS.ink)
    .text(data.result.rating, PAGE.margin + 150, boxTop + 28);
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(COLORS.muted)
    .text('Điểm thô', PAGE.margin + 290, boxTop + 10);
  doc
    .font('bold')
    .fontSize(14)
    .fillColor(COLORS.ink)
    .text(`${fmt(data.result.raw)} / ${fmt(data.result.max)}`, PAGE.margin + 290, boxTop + 30);
  if (data.result.ability) {
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(COLORS.muted)
      .text(
        `Năng lực (IRT): ${fmt(data.result.ability.eap)} ± ${fmt(data.result.ability.se)}`,
        PAGE.margin + 290,
        boxTop + 56,
      );
  }
  if (data.result.adaptive) {
    const { theta, se, items } = data.result.adaptive;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(COLORS.muted)
      .text(
        `Năng lực (thích ứng): θ = ${fmt(theta)}, sai số chuẩn ${fmt(se)}, ${items} câu` +
          ` / Ability (adaptive): θ = ${fmt(theta)}, SE ${fmt(se)}, ${items} items`,
        PAGE.margin + 14,
        boxTop + 68,
        { width: boxWidth - 28 },
      );
  }
  qrCode(doc, data.verification.url, PAGE.width - PAGE.margin - 96, boxTop - 6, 96);
  doc
    .font('regular')
    .fontSize(7.5)
    .fillColor(COLORS.muted)
    .text('Mã xác thực', PAGE.width - PAGE.margin - 96, boxTop + 88, { width: 96, align: 'center' });
  doc
    .font('bold')
    .fontSize(9)
    .fillColor(COLORS.ink)
    .text(data.verification.code, PAGE.width - PAGE.margin - 96, boxTop + 98, { width: 96, align: 'center' });
  doc.y = boxTop + 114;
  doc.x = PAGE.margin;

  if (data.sections.length) {
    heading(doc, 'Điểm theo phần');
    barChart(doc, data.sections);
  }
  if (data.competencies.length) {
    heading(doc, 'Hồ sơ năng lực');
    barChart(doc, data.competencies);
  }
  if (data.items?.length) {
    heading(doc, 'Chi tiết từng câu');
    table(
      doc,
      [
        { title: 'Câu', width: 36, align: 'center' },
        { title: 'Nội dung', width: 220 },
        { title: 'Trả lời', width: 160 },
        { title: 'Điểm', width: 99, align: 'right' },
      ],
      data.items.map((i) => [String(i.number), i.title, i.response, `${fmt(i.score)} / ${fmt(i.max)}`]),
      { highlight: (r) => (data.items?.[r]?.score ?? 0) === 0 },
    );
  } else {
    doc.moveDown(0.5);
    doc
      .font('regular')
      .fontSize(8.5)
      .fillColor(COLORS.muted)
      .text('Chi tiết từng câu chưa được công bố theo quy định của kỳ thi.', PAGE.margin);
  }

  doc.moveDown(1);
  doc
    .font('regular')
    .fontSize(7.5)
    .fillColor(COLORS.muted)
    .text(
      `Phiếu in ngày ${data.issuedAt}, kết quả phiên bản ${data.result.version}. Kiểm tra tính xác thực tại ${data.verification.url} hoặc quét mã QR.`,
      PAGE.margin,
      doc.y,
      { width: PAGE.width - 2 * PAGE.margin },
    );
  return toBuffer(doc);
}
