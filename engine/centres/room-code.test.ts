import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.ts';
import { formatRoomCode, parseRoomCode } from './room-code.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const mistyped = (typed: string) => {
  try {
    parseRoomCode(typed);
    return false;
  } catch (error) {
    if (error instanceof AppError && error.id === 'room_code_mistyped') return true;
    throw error;
  }
};

describe('room codes', () => {
  it('are four groups of four Crockford characters and a check, and read back to the same 80 bits', () => {
    for (let i = 0; i < 200; i++) {
      const bits = randomBytes(10);
      const code = formatRoomCode(bits);
      expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z*~$=U]$/);
      expect(parseRoomCode(code)).toEqual(bits);
    }
  });

  it('read forgivingly: lower case, spaces, O for 0 and I or L for 1', () => {
    const bits = Buffer.from('00000000000000000001', 'hex');
    const code = formatRoomCode(bits);
    expect(code).toBe('0000-0000-0000-0001-1');
    expect(parseRoomCode('oooo oooo OOOO 000i l')).toEqual(bits);
  });

  it('catch every single wrong character and every swap of two neighbours', () => {
    for (let round = 0; round < 20; round++) {
      const chars = formatRoomCode(randomBytes(10)).replaceAll('-', '');
      for (let i = 0; i < 16; i++) {
        for (const c of ALPHABET) {
          if (c === chars[i]) continue;
          expect(mistyped(`${chars.slice(0, i)}${c}${chars.slice(i + 1)}`)).toBe(true);
        }
        if (i < 15 && chars[i] !== chars[i + 1])
          expect(mistyped(`${chars.slice(0, i)}${chars[i + 1]}${chars[i]}${chars.slice(i + 2)}`)).toBe(true);
      }
      expect(mistyped(chars.slice(0, 16))).toBe(true);
      expect(mistyped(`${chars}0`)).toBe(true);
    }
  });
});
