/**
 * Answers are written to IndexedDB before they are sent, and stay there until the engine
 * acknowledges them, so a dropped network, a reload or a crashed tab loses nothing.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ItemResponses } from '../../engine/client.ts';

export interface PendingSave {
  sessionId: string;
  itemRef: string;
  seq: number;
  responses: ItemResponses;
  clientTime: number;
}

interface AnswerDb extends DBSchema {
  pending: { key: [string, string, number]; value: PendingSave; indexes: { bySession: string } };
  /** The newest local answer and sequence counter of each item. */
  latest: { key: [string, string]; value: PendingSave };
}

export class AnswerStore {
  private constructor(private readonly db: IDBPDatabase<AnswerDb>) {}

  static async open(): Promise<AnswerStore> {
    const db = await openDB<AnswerDb>('exam-answers', 1, {
      upgrade(database) {
        const pending = database.createObjectStore('pending', { keyPath: ['sessionId', 'itemRef', 'seq'] });
        pending.createIndex('bySession', 'sessionId');
        database.createObjectStore('latest', { keyPath: ['sessionId', 'itemRef'] });
      },
    });
    return new AnswerStore(db);
  }

  /** Records a change durably and returns it with its sequence number. */
  async record(
    sessionId: string,
    itemRef: string,
    responses: ItemResponses,
    serverSeq = 0,
  ): Promise<PendingSave> {
    const tx = this.db.transaction(['pending', 'latest'], 'readwrite');
    const previous = await tx.objectStore('latest').get([sessionId, itemRef]);
    const save: PendingSave = {
      sessionId,
      itemRef,
      seq: Math.max(previous?.seq ?? 0, serverSeq) + 1,
      responses,
      clientTime: Date.now(),
    };
    await tx.objectStore('pending').put(save);
    await tx.objectStore('latest').put(save);
    await tx.done;
    return save;
  }

  async acknowledge(save: Pick<PendingSave, 'sessionId' | 'itemRef' | 'seq'>): Promise<void> {
    await this.db.delete('pending', [save.sessionId, save.itemRef, save.seq]);
  }

  /** Every unacknowledged save of a session, oldest first per item. */
  async pending(sessionId: string): Promise<PendingSave[]> {
    const all = await this.db.getAllFromIndex('pending', 'bySession', sessionId);
    return all.sort((a, b) => a.clientTime - b.clientTime || a.seq - b.seq);
  }

  async latest(sessionId: string): Promise<Map<string, PendingSave>> {
    const all = await this.db.getAll('latest');
    return new Map(all.filter((s) => s.sessionId === sessionId).map((s) => [s.itemRef, s]));
  }
}
