/**
 * Saved solo sessions, in IndexedDB: the log itself (header and events), so closing the tab
 * loses nothing and a saved session reopens by replaying it. Written after every command.
 */
import type { DomainEvent, EventEnvelope } from '../../engine/core/envelope.ts';
import type { LogHeader } from '../../engine/core/header.ts';
import type { LocalizedText } from '../../engine/model/scenario.ts';
import type { Difficulty } from './difficulty.ts';

export interface SavedSessionMeta {
  readonly id: string;
  readonly scenarioId: string;
  readonly title: LocalizedText;
  readonly difficulty: Difficulty;
  readonly round: number;
  readonly rounds: number;
  readonly ended: boolean;
  readonly updatedAt: string;
}

export interface SavedSession {
  readonly meta: SavedSessionMeta;
  readonly header: LogHeader;
  readonly events: readonly EventEnvelope<DomainEvent>[];
}

const DB = 'shapan';
const STORE = 'sessions';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'meta.id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB is not available'));
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error ?? request.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

export function saveSession(session: SavedSession): Promise<unknown> {
  return run('readwrite', (s) => s.put(session));
}

export function loadSession(id: string): Promise<SavedSession | undefined> {
  return run('readonly', (s) => s.get(id) as IDBRequest<SavedSession | undefined>);
}

export function deleteSession(id: string): Promise<unknown> {
  return run('readwrite', (s) => s.delete(id));
}

/** Every saved session, most recently played first. */
export async function listSessions(): Promise<SavedSessionMeta[]> {
  const all = await run('readonly', (s) => s.getAll() as IDBRequest<SavedSession[]>);
  return all.map((x) => x.meta).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
