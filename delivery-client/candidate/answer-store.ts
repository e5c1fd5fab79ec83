/**
 * Answers are written to IndexedDB before they are sent, and stay there until the engine
 * acknowledges them, so a dropped network, a reload or a crashed tab loses nothing. Beside them,
 * the candidate-safe payloads of the items the session may see (fetched in the background once the
 * exam starts), so the candidate can move between items and answer while the line is down; they
 * are kept per session and deleted once the session is over.
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

/** One item's candidate-safe payload as the engine served it to this session. */
export interface CachedItem {
  sessionId: string;
  position: number;
  itemRef: string;
  item: unknown;
}

interface AnswerDb extends DBSchema {
  pending: { key: [string, string, number]; value: PendingSave; indexes: { bySession: string } };
  /** The newest local answer and sequence counter of each item. */
  latest: { key: [string, string]; value: PendingSave };
  /** Item payloads kept on the device for working offline, by session and form position. */
  items: { key: [string, number]; value: CachedItem; indexes: { bySession: string } };
}

export class AnswerStore {
  private constructor(private readonly db: IDBPDatabase<AnswerDb>) {}

  static async open(): Promise<AnswerStore> {
    const db = await openDB<AnswerDb>('exam-answers', 2, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) {
          const pending = database.createObjectStore('pending', {
            keyPath: ['sessionId', 'itemRef', 'seq'],
          });
          pending.createIndex('bySession', 'sessionId');
          database.createObjectStore('latest', { keyPath: ['sessionId', 'itemRef'] });
        }
        if (oldVersion < 2) {
          const items = database.createObjectStore('items', { keyPath: ['sessionId', 'position'] });
          items.createIndex('bySession', 'sessionId');
        }
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

  /** Keeps an item's payload on the device for this session. */
  async keepItem(item: CachedItem): Promise<void> {
    await this.db.put('items', item);
  }

  /** The item payloads this device holds for a session, by position. */
  async items(sessionId: string): Promise<CachedItem[]> {
    return this.db.getAllFromIndex('items', 'bySession', sessionId);
  }

  /** Deletes a session's item payloads (the session is over: nothing of the test stays on the device). */
  async forgetItems(sessionId: string): Promise<void> {
    const tx = this.db.transaction('items', 'readwrite');
    const keys = await tx.store.index('bySession').getAllKeys(sessionId);
    await Promise.all(keys.map((key) => tx.store.delete(key)));
    await tx.done;
  }
}
