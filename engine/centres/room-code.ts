/**
 * Room codes the exam board reads out when a centre's line is down: 80 bits as four groups of four
 * Crockford base32 characters, then Crockford's check symbol (the value mod 37), e.g.
 * `7K3M-Q9TD-0HXA-RW2E-*`. The check catches every single wrong character and every swap of two
 * neighbours before any decryption is tried. Reading is forgiving as Crockford says: lower case,
 * O for 0, I and L for 1, and hyphens or spaces anywhere.
 */
import { centreErrors } from './centre-errors.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Crockford's five extra check symbols, for the values 32 to 36. */
const CHECK_SYMBOLS = `${ALPHABET}*~$=U`;
const DATA_CHARS = 16;

/** Writes 80 bits (10 bytes) as a room code. */
export function formatRoomCode(bits: Buffer): string {
  if (bits.length !== 10) throw new Error('A room code holds exactly 80 bits.');
  const value = BigInt(`0x${bits.toString('hex')}`);
  let chars = '';
  for (let i = DATA_CHARS - 1; i >= 0; i--) chars += ALPHABET[Number((value >> BigInt(i * 5)) & 31n)];
  const check = CHECK_SYMBOLS[Number(value % 37n)]!;
  return `${chars.match(/.{4}/g)!.join('-')}-${check}`;
}

/** Reads a typed room code back into its 80 bits; throws room_code_mistyped when it cannot be right. */
export function parseRoomCode(typed: string): Buffer {
  const text = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (text.length !== DATA_CHARS + 1)
    throw centreErrors.roomCodeMistyped(
      `it has ${Math.max(0, text.length - 1)} characters and a check, not ${DATA_CHARS} and a check.`,
    );
  let value = 0n;
  for (const [i, char] of [...text.slice(0, DATA_CHARS)].entries()) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0)
      throw centreErrors.roomCodeMistyped(`"${char}" (character ${i + 1}) is not in the code's alphabet.`);
    value = (value << 5n) | BigInt(digit);
  }
  const check = CHECK_SYMBOLS.indexOf(text[DATA_CHARS]!);
  if (check < 0) throw centreErrors.roomCodeMistyped(`"${text[DATA_CHARS]}" is not a check character.`);
  if (BigInt(check) !== value % 37n)
    throw centreErrors.roomCodeMistyped(
      'the check character does not match: a character is wrong or two are swapped.',
    );
  return Buffer.from(value.toString(16).padStart(20, '0'), 'hex');
}
