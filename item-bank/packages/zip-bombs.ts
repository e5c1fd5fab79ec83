/**
 * Test helper: builds zip bombs in memory in milliseconds, so the bomb tests commit no binaries.
 * Entries are given as raw deflate data with the sizes the zip's directory should declare (true
 * or lying); `repeatedDeflate` makes a deflate stream of many gigabytes of zeros from one small
 * block, without ever holding the inflated bytes.
 */
import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface BombEntry {
  name: string;
  /** Raw deflate data of the entry. */
  deflated: Buffer;
  /** Uncompressed size the directory declares. */
  declaredSize: number;
}

/**
 * A raw deflate stream inflating to `copies` x `blockBytes` zero bytes: one fully flushed block
 * (independent of what precedes it) repeated, then an empty final block.
 */
export function repeatedDeflate(blockBytes: number, copies: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(blockBytes), { finishFlush: constants.Z_FULL_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: copies }, () => block), end]);
}

/** The deflate data of a file's real contents. */
export const deflated = (data: string | Buffer) => deflateRawSync(Buffer.from(data));

/**
 * A zip holding the entries (method deflate). Entries that inflate to at most 1 MB carry their
 * true CRC-32 (the reader checks it); a bomb's is left 0, since the reader stops it before its end.
 */
const crcOf = (deflatedData: Buffer) => {
  try {
    return crc32(inflateRawSync(deflatedData, { maxOutputLength: 2 ** 20 }));
  } catch {
    return 0;
  }
};

export function bombZip(entries: BombEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    const crc = crcOf(e.deflated);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x0800, 8);
    record.writeUInt16LE(8, 10);
    record.writeUInt16LE(0x21, 14);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(e.deflated.length, 20);
    record.writeUInt32LE(e.declaredSize, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    central.push(record, name);
    offset += local.length + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
