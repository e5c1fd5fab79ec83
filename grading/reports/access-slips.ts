/**
 * Exam board papers for a sitting: access-code slips (phiếu dự thi), four to an A4 page with cut
 * lines, one per candidate with the room's access code; and room lists (danh sách phòng thi), one
 * page per room with a signature column. Vietnamese text in the DejaVu fonts of the reports.
 */
import {
  COLORS,
  PAGE,
  fields,
  heading,
  newDocument,
  officialHeader,
  table,
  toBuffer,
  type Doc,
} from './pdf-kit.ts';

export interface SittingPapersData {
  sitting: { name: string; subject?: string | null; opensAt: Date; closesAt: Date; durationMinutes: number };
  school: { name: string; parent?: string };
  /** Where candidates check in (printed on each slip). */
  checkInUrl: string;
  rooms: Array<{
    name: string;
    accessCode: string;
    proctors: string[];
    candidates: Array<{
      candidateNumber: string;
      fullName: string;
      dateOfBirth: string;
      extraTimePercent: number;
    }>;
  }>;
}

const dateVi = (d: Date) =>
  d.toLocaleString('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
/** dd/mm/yyyy of a yyyy-mm-dd date. */
const dobVi = (iso: string) => iso.split('-').reverse().join('/');

function slip(
  doc: Doc,
  data: SittingPapersData,
  room: SittingPapersData['rooms'][number],
  candidate: SittingPapersData['rooms'][number]['candidates'][number],
  top: number,
  height: number,
) {
  const left = PAGE.margin;
  const width = PAGE.width - 2 * PAGE.margin;
  doc
    .font('bold')
    .fontSize(12)
    .fillColor(COLORS.ink)
    .text('PHIẾU DỰ THI', left, top + 8, { width, align: 'center' });
  doc
    .font('regular')
    .fontSize(9)
    .text(`${data.school.name} – ${data.sitting.name}`, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.5);
  doc.y = Math.max(doc.y, top + 44);
  fields(doc, [
    ['Họ và tên', candidate.fullName],
    ['Ngày sinh', dobVi(candidate.dateOfBirth)],
    ['Số báo danh', candidate.candidateNumber],
    ['Phòng thi', room.name],
    ['Bắt đầu', dateVi(data.sitting.opensAt)],
    [
      'Thời gian làm bài',
      `${data.sitting.durationMinutes} phút${candidate.extraTimePercent ? ` (+${candidate.extraTimePercent} %)` : ''}`,
    ],
  ]);
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(COLORS.muted)
    .text('Mã phòng thi:', left, doc.y + 6);
  doc
    .font('bold')
    .fontSize(22)
    .fillColor(COLORS.ink)
    .text(room.accessCode, left, doc.y + 2, { characterSpacing: 3 });
  doc
    .font('regular')
    .fontSize(8)
    .fillColor(COLORS.muted)
    .text(
      `Vào ${data.checkInUrl}, nhập mã phòng thi, số báo danh và ngày sinh. Không đưa phiếu này cho người khác.`,
      left,
      top + height - 26,
      { width },
    );
  // Cut line under each slip.
  doc
    .moveTo(left, top + height)
    .lineTo(left + width, top + height)
    .dash(4, { space: 3 })
    .lineWidth(0.5)
    .strokeColor(COLORS.line)
    .stroke()
    .undash();
}

/** One slip per candidate, four to a page, rooms in order. */
export async function renderAccessSlips(data: SittingPapersData): Promise<Buffer> {
  const doc = newDocument(`Phiếu dự thi – ${data.sitting.name}`);
  const perPage = 4;
  const height = (PAGE.height - 2 * PAGE.margin) / perPage;
  let n = 0;
  for (const room of data.rooms)
    for (const candidate of room.candidates) {
      if (n > 0 && n % perPage === 0) doc.addPage();
      slip(doc, data, room, candidate, PAGE.margin + (n % perPage) * height, height);
      n++;
    }
  if (n === 0) doc.font('regular').fontSize(11).text('Buổi thi chưa có thí sinh.', PAGE.margin, PAGE.margin);
  return toBuffer(doc);
}

/** A room as a title: "Phòng 01" stays as it is (not "Phòng Phòng 01"); a bare "01" becomes "Phòng 01". */
export function roomTitle(name: string): string {
  const trimmed = name.trim();
  return /^phòng(\s|$)/iu.test(trimmed.normalize('NFC')) ? trimmed : `Phòng ${trimmed}`;
}

/** One page (or more) per room: the candidates in candidate-number order with a signature column. */
export async function renderRoomLists(data: SittingPapersData): Promise<Buffer> {
  const doc = newDocument(`Danh sách phòng thi – ${data.sitting.name}`);
  data.rooms.forEach((room, i) => {
    if (i > 0) doc.addPage();
    officialHeader(doc, data.school);
    heading(doc, `DANH SÁCH THÍ SINH – ${roomTitle(room.name).toUpperCase()}`, 13);
    fields(doc, [
      ['Buổi thi', data.sitting.name],
      ['Môn', data.sitting.subject ?? '–'],
      ['Bắt đầu', dateVi(data.sitting.opensAt)],
      ['Thời gian làm bài', `${data.sitting.durationMinutes} phút`],
      ['Mã phòng thi', room.accessCode],
      ['Cán bộ coi thi', room.proctors.join(', ') || '–'],
    ]);
    doc.moveDown(0.5);
    table(
      doc,
      [
        { title: 'STT', width: 30, align: 'right' },
        { title: 'Số báo danh', width: 80 },
        { title: 'Họ và tên', width: 170 },
        { title: 'Ngày sinh', width: 70 },
        { title: 'Thêm giờ', width: 55, align: 'center' },
        { title: 'Chữ kí thí sinh', width: 110 },
      ],
      room.candidates.map((c, k) => [
        String(k + 1),
        c.candidateNumber,
        c.fullName,
        dobVi(c.dateOfBirth),
        c.extraTimePercent ? `+${c.extraTimePercent} %` : '',
        '',
      ]),
      { rowHeight: 22 },
    );
    doc.moveDown(1);
    doc
      .font('regular')
      .fontSize(9)
      .fillColor(COLORS.ink)
      .text(
        `Tổng số thí sinh: ${room.candidates.length}.   Cán bộ coi thi kí tên: ....................................`,
        PAGE.margin,
      );
  });
  if (!data.rooms.length)
    doc.font('regular').fontSize(11).text('Buổi thi chưa có phòng thi.', PAGE.margin, PAGE.margin);
  return toBuffer(doc);
}
