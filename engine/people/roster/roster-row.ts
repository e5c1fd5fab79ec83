/**
 * One student row of a class roster: which headers mean which field (Vietnamese or English,
 * with or without diacritics), and how each cell is checked.
 */
import { z } from 'zod';
import { foldVietnamese } from '../../../item-bank/index.ts';

export const ROSTER_FIELDS = ['nationalId', 'fullName', 'dateOfBirth', 'gender'] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

const HEADER_ALIASES: Record<RosterField, string[]> = {
  nationalId: [
    'ma dinh danh',
    'ma dinh danh ca nhan',
    'ma dinh danh hoc sinh',
    'so dinh danh',
    'so dinh danh ca nhan',
    'ma hoc sinh',
    'ma hs',
    'cccd',
    'national id',
    'student id',
  ],
  fullName: ['ho va ten', 'ho ten', 'ho va ten hoc sinh', 'ten hoc sinh', 'full name', 'name'],
  dateOfBirth: ['ngay sinh', 'ngay thang nam sinh', 'date of birth', 'dob', 'birth date'],
  gender: ['gioi tinh', 'gender', 'sex'],
};

export const REQUIRED_FIELDS: readonly RosterField[] = ['nationalId', 'fullName', 'dateOfBirth'];
export const FIELD_LABELS: Record<RosterField, string> = {
  nationalId: 'Mã định danh',
  fullName: 'Họ và tên',
  dateOfBirth: 'Ngày sinh',
  gender: 'Giới tính',
};

export function fieldForHeader(header: string): RosterField | undefined {
  const folded = foldVietnamese(header);
  return ROSTER_FIELDS.find((field) => HEADER_ALIASES[field].includes(folded));
}

const GENDERS: Record<string, 'male' | 'female' | 'other'> = {
  nam: 'male',
  male: 'male',
  m: 'male',
  nu: 'female',
  female: 'female',
  f: 'female',
  khac: 'other',
  other: 'other',
};

/** Accepts dd/mm/yyyy (the Vietnamese form), d-m-yyyy, d.m.yyyy and ISO yyyy-mm-dd; returns ISO. */
export function parseVietnameseDate(value: string | Date): string | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return value.toISOString().slice(0, 10);
  }
  const text = value.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text)))
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return date.toISOString().slice(0, 10);
}

export const RosterStudent = z.object({
  nationalId: z
    .string({ error: 'Mã định danh is missing' })
    .trim()
    .regex(/^\d{12}$/, 'Mã định danh must be the 12-digit national identifier'),
  fullName: z
    .string({ error: 'Họ và tên is missing' })
    .trim()
    .min(2, 'Họ và tên is missing or too short')
    .max(200, 'Họ và tên is longer than 200 characters')
    .regex(/^[\p{L}\p{M}' .-]+$/u, 'Họ và tên may hold only letters, spaces, apostrophes and hyphens')
    .transform((name) => name.normalize('NFC').replace(/\s+/g, ' ')),
  dateOfBirth: z.union([z.string(), z.date()], { error: 'Ngày sinh is missing' }).transform((value, ctx) => {
    const iso = parseVietnameseDate(value);
    if (!iso) {
      ctx.addIssue({
        code: 'custom',
        message: `Ngày sinh "${String(value)}" is not a date in the form dd/mm/yyyy`,
      });
      return z.NEVER;
    }
    const age = (Date.now() - Date.parse(iso)) / (365.25 * 24 * 3600 * 1000);
    if (age < 3 || age > 30) {
      ctx.addIssue({ code: 'custom', message: `Ngày sinh ${iso} gives an age outside 3-30 years` });
      return z.NEVER;
    }
    return iso;
  }),
  gender: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return undefined;
      const gender = GENDERS[foldVietnamese(value)];
      if (!gender) {
        ctx.addIssue({ code: 'custom', message: `Giới tính "${value}" is not Nam, Nữ or Khác` });
        return z.NEVER;
      }
      return gender;
    }),
});
export type RosterStudent = z.output<typeof RosterStudent>;
