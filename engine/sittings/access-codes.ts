/** Room access codes and candidate numbers: short, readable aloud, without look-alike characters. */
import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newAccessCode(length = 6): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** Số báo danh: a prefix for the room and a running number, e.g. P01-0007. */
export function candidateNumber(roomIndex: number, n: number): string {
  return `P${String(roomIndex).padStart(2, '0')}${String(n).padStart(4, '0')}`;
}
