/**
 * One row of a sitting roster (danh sách dự thi): which student, their candidate number, room and
 * accommodations. Headers may be Vietnamese (with or without diacritics) or English.
 */
import { z } from 'zod';
import { foldVietnamese } from '../../../item-bank/index.ts';
import type { EnrolmentIssueCode } from './enrolment-issue.ts';

export const ENROLMENT_FIELDS = [
  'nationalId',
  'candidateNumber',
  'room',
  'extraTimePercent',
  'separateRoom',
] as const;
export type EnrolmentField = (typeof ENROLMENT_FIELDS)[number];

const HEADER_ALIASES: Record<EnrolmentField, string[]> = {
  nationalId: [
    'ma dinh danh',
    'ma dinh danh ca nhan',
    'so dinh danh',
    'ma hoc sinh',
    'ma hs',
    'cccd',
    'national id',
    'student id',
    'student code',
  ],
  candidateNumber: ['so bao danh', 'sbd', 'candidate number', 'candidate no', 'candidatenumber'],
  room: ['phong', 'phong thi', 'room', 'room name'],
  extraTimePercent: [
    'thoi gian cong them',
    'cong them thoi gian',
    'them gio',
    'extra time',
    'extra time percent',
    'extratimepercent',
  ],
  separateRoom: ['phong rieng', 'thi phong rieng', 'separate room', 'separateroom'],
};

export const REQUIRED_ENROLMENT_FIELDS: readonly EnrolmentField[] = ['nationalId', 'room'];
export const ENROLMENT_FIELD_LABELS: Record<EnrolmentField, string> = {
  nationalId: 'Mã định danh',
  candidateNumber: 'Số báo danh',
  room: 'Phòng thi',
  extraTimePercent: 'Thời gian cộng thêm (%)',
  separateRoom: 'Phòng riêng',
};

export function enrolmentFieldForHeader(header: string): EnrolmentField | undefined {
  const folded = foldVietnamese(header);
  return ENROLMENT_FIELDS.find((field) => HEADER_ALIASES[field].includes(folded));
}

const YES = new Set(['co', 'x', 'yes', 'y', 'true', '1']);
const NO = new Set(['', 'khong', 'no', 'n', 'false', '0']);

export const EnrolmentRow = z.object({
  nationalId: z
    .string({ error: 'Mã định danh is missing' })
    .trim()
    .min(1, { error: 'Mã định danh is missing', abort: true })
    .regex(/^\d{12}$/, 'Mã định danh must be the 12-digit national identifier'),
  /** Empty: the engine numbers the candidate in their room. */
  candidateNumber: z
    .string()
    .trim()
    .max(32, 'Số báo danh is longer than 32 characters')
    .regex(/^[A-Za-z0-9-]*$/, 'Số báo danh may hold only letters, digits and hyphens')
    .optional()
    .transform((v) => (v ? v.toUpperCase() : undefined)),
  room: z.string({ error: 'Phòng thi is missing' }).trim().min(1, 'Phòng thi is missing'),
  extraTimePercent: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return 0;
      const n = Number(value.replace(/%$/, ''));
      if (!Number.isInteger(n) || n < 0 || n > 200) {
        ctx.addIssue({
          code: 'custom',
          message: `Thời gian cộng thêm "${value}" is not a whole 0-200 percent`,
          params: { code: 'extra_time_invalid' satisfies EnrolmentIssueCode, value },
        });
        return z.NEVER;
      }
      return n;
    }),
  separateRoom: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const folded = foldVietnamese(value ?? '');
      if (YES.has(folded)) return true;
      if (NO.has(folded)) return false;
      ctx.addIssue({
        code: 'custom',
        message: `Phòng riêng "${value}" is not Có or Không`,
        params: { code: 'separate_room_invalid' satisfies EnrolmentIssueCode, value: value ?? '' },
      });
      return z.NEVER;
    }),
});
export type EnrolmentRow = z.output<typeof EnrolmentRow>;
