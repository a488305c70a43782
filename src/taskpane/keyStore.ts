// The pane's personal signing key (issue 11): a P-256 key pair made in the browser with a
// NON-EXTRACTABLE private key, kept in IndexedDB of the add-in's origin (a CryptoKey survives
// IndexedDB's structured clone without its bytes ever being readable by script). Only the public key
// leaves, for the administrator's trust list. Storage is injected so the logic is tested without a
// browser; `indexedDbKeyStorage` is the real one.
import { generateSigningKeyPair, keyIdOf, signerFromKeys, spkiBase64, type EventSigner } from '../provenance';

export interface StoredPersonalKey {
  name: string;
  unit: string;
  createdAt: string;
  keyId: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

export interface KeyStorage {
  get(): Promise<StoredPersonalKey | undefined>;
  put(key: StoredPersonalKey): Promise<void>;
}

const DB_NAME = 'aiprov-keys';
const STORE = 'personal';
const RECORD_ID = 'current';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function indexedDbKeyStorage(factory: IDBFactory = globalThis.indexedDB): KeyStorage {
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const withStore = async <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const db = await open();
    try {
      return await request(work(db.transaction(STORE, mode).objectStore(STORE)));
    } finally {
      db.close();
    }
  };
  return {
    get: () => withStore('readonly', (s) => s.get(RECORD_ID) as IDBRequest<StoredPersonalKey | undefined>),
    put: async (key) => void (await withStore('readwrite', (s) => s.put(key, RECORD_ID))),
  };
}

/** Makes and stores a new key (replacing any old one: the old trust-list entry keeps old signatures valid). */
export async function createPersonalKey(storage: KeyStorage, owner: { name: string; unit: string }, now = new Date()): Promise<StoredPersonalKey> {
  const pair = await generateSigningKeyPair(false);
  if (pair.privateKey.extractable) throw new Error('the private key must be non-extractable');
  const key: StoredPersonalKey = { ...owner, createdAt: now.toISOString(), keyId: await keyIdOf(pair.publicKey), ...pair };
  await storage.put(key);
  return key;
}

/** The signer for the workflow context, or undefined when this browser has no key yet. */
export async function personalSigner(storage: KeyStorage): Promise<{ signer: EventSigner; owner: string } | undefined> {
  const key = await storage.get();
  if (!key) return undefined;
  return { signer: await signerFromKeys(key), owner: key.name };
}

/**
 * The trust-list entry the person sends to the administrator (public key only), exactly as
 * org-settings.json `trustedKeys` takes it; the fingerprint to read out is `key.keyId`.
 */
export async function trustListEntry(key: StoredPersonalKey): Promise<{ name: string; unit: string; publicKey: string; validFrom: string }> {
  return { name: key.name, unit: key.unit, publicKey: await spkiBase64(key.publicKey), validFrom: key.createdAt };
}
