/**
 * The USB fallback of the result log: one sitting's chain written to a file on the centre
 * (`npm run centre -- export-log`) and carried to the central engine when no line comes back. The
 * file is the chain's entries as the sync sends them (each hashed, chained and signed by the centre)
 * under a small readable header; nothing in the header is trusted: the central engine imports the
 * entries through the same verifier and exactly-once import as the network sync
 * (commands/import-result-log.ts), for the centre the exam board names or, by default, the one the
 * file names.
 */
import { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import type { LogEntry } from './result-log.ts';

export const LOG_FILE_FORMAT = 'exam-centre-log';
export const LOG_FILE_VERSION = 1;

export const LogFile = z.object({
  format: z.literal(LOG_FILE_FORMAT),
  version: z.literal(LOG_FILE_VERSION),
  centreId: z.uuid(),
  sittingId: z.uuid(),
  exportedAt: z.iso.datetime({ precision: 3 }),
  /** The chain's last entry when exported (what a complete import ends at). */
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  /** The chain from its first entry, in order (each checked on import, never here). */
  entries: z.array(z.unknown()),
});
export type LogFile = z.output<typeof LogFile>;

export function logFileOf(
  chain: { centreId: string; sittingId: string },
  entries: readonly LogEntry[],
  exportedAt = new Date(),
): LogFile {
  const last = entries.at(-1);
  return {
    format: LOG_FILE_FORMAT,
    version: LOG_FILE_VERSION,
    centreId: chain.centreId,
    sittingId: chain.sittingId,
    exportedAt: exportedAt.toISOString(),
    head: last ? { seq: last.seq, hash: last.hash } : null,
    entries: [...entries],
  };
}

const malformed = (message: string) =>
  new AppError(
    400,
    'log_file_malformed',
    `Tệp nhật ký kết quả không đọc được / The result log file cannot be read: ${message}`,
  );

/** Reads a log file's text (or parsed JSON); a file that is not one is refused with `log_file_malformed`. */
export function readLogFile(content: string | unknown): LogFile {
  let value = content;
  if (typeof content === 'string') {
    try {
      value = JSON.parse(content) as unknown;
    } catch (error) {
      throw malformed(`not JSON (${(error as Error).message}).`);
    }
  }
  const parsed = LogFile.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw malformed(`${issue.path.join('.') || 'file'}: ${issue.message}.`);
  }
  return parsed.data;
}
