/**
 * Unsaved work in the workbench, kept in this browser's IndexedDB until the person downloads the
 * .docx or discards it: the document's bytes (they carry the passages, the record, verifications and
 * sign-off) and its name. One slot: the workbench holds one document at a time. Where IndexedDB is
 * missing or refused (a private window, a test DOM) every call does nothing and says so (false/null).
 */

export interface UnsavedDocument {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** ISO time of the last save. */
  readonly savedAt: string;
}

const DB = 'aiprov-workbench';
const STORE = 'unsaved';
const KEY = 'current';

function openDb(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(DB, 1);
    } catch {
      resolve(null);
      return;
    }
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
}

async function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | null> {
  const db = await openDb();
  if (!db) return null;
  try {
    return await new Promise<T | null>((resolve) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result ?? null);
      tx.onerror = () => resolve(null);
      tx.onabort = () => resolve(null);
    });
  } finally {
    db.close();
  }
}

/** Keeps `doc` as the unsaved work (replacing any before). True when it was stored. */
export async function keepUnsaved(doc: UnsavedDocument): Promise<boolean> {
  const stored = await withStore('readwrite', (store) => store.put({ name: doc.name, bytes: doc.bytes, savedAt: doc.savedAt }, KEY));
  return stored !== null;
}

/** The unsaved work left by an earlier visit, or null. */
export async function findUnsaved(): Promise<UnsavedDocument | null> {
  const value = await withStore<unknown>('readonly', (store) => store.get(KEY));
  const v = value as { name?: unknown; bytes?: unknown; savedAt?: unknown } | null;
  if (!v || typeof v.name !== 'string' || !(v.bytes instanceof Uint8Array) || typeof v.savedAt !== 'string') return null;
  return { name: v.name, bytes: v.bytes, savedAt: v.savedAt };
}

/** Forgets the unsaved work (after a download or a confirmed discard). */
export async function forgetUnsaved(): Promise<void> {
  await withStore('readwrite', (store) => store.delete(KEY));
}
