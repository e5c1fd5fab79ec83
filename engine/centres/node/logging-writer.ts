/**
 * The centre's response writer: delivery's group-committed writer, and then the save's entry in the
 * signed result log, before the candidate is answered. A save stored but not yet logged (power cut
 * between the two) was never acknowledged: the client sends it again, the writer answers it as a
 * replay and the entry is written then. The central import keeps each answer once.
 */
import { deliveryErrors } from '../../delivery/delivery-errors.ts';
import { ResponseWriter, type SaveOutcome, type SaveRequest } from '../../delivery/response-writer.ts';
import type { Database } from '../../platform/db/database.ts';
import type { LogAppender } from './log-appender.ts';

export class LoggingResponseWriter extends ResponseWriter {
  constructor(
    db: Database,
    private readonly log: () => LogAppender | undefined,
  ) {
    super(db);
  }

  override async save(request: SaveRequest): Promise<SaveOutcome> {
    const outcome = await super.save(request);
    if (!outcome.ok) return outcome;
    const log = this.log();
    if (!log) return { ok: false, error: deliveryErrors.saveFailed(new Error('the result log is not open')) };
    try {
      await log.append(request.sessionId, 'save', {
        itemRef: request.itemRef,
        seq: request.seq,
        value: request.responses as never,
        clientTime: request.clientTime === undefined ? null : new Date(request.clientTime).toISOString(),
        savedAt: new Date(outcome.savedAt).toISOString(),
      });
    } catch (error) {
      return { ok: false, error: deliveryErrors.saveFailed(error) };
    }
    return outcome;
  }
}
