// Who signed what, checked against the organisation's trust list (org-settings.json `trustedKeys`).
// Per signable event: trusted (the key is on the list, valid at the event's time, the signature
// holds and the list's name is the event's actor), name-mismatch (an error: the key belongs to
// someone else), not-valid-then (the key's entry did not cover the event's time), unknown-key,
// invalid (the signature does not hold: the event was changed or forged), or unsigned (records made
// before 1.1 — readable, just not provable). Rotation: a new key is a new entry; an old signature is
// checked against the entry that was valid at its time, so it stays trusted.
import { signatureOf, verifyEventSignature, importPublicKey, keyIdOf, SIGNED_EVENT_TYPES } from './signature';
import type { ProvenanceRecord } from './schema';

export interface TrustedKey {
  name: string;
  unit: string;
  role?: string;
  /** JWK (EC P-256) or SPKI DER in base64 / PEM. */
  publicKey: JsonWebKey | string;
  /** ISO times; open-ended when left out. */
  validFrom?: string;
  validTo?: string;
}

export type SignatureStatus = 'trusted' | 'name-mismatch' | 'not-valid-then' | 'unknown-key' | 'invalid' | 'unsigned';

export interface SignedEventCheck {
  seq: number;
  type: string;
  actor: string;
  at: string;
  status: SignatureStatus;
  keyId?: string;
  /** From the trust list, when the key is on it. */
  trusted?: { name: string; unit: string; role?: string };
}

export interface SignatureReport {
  events: SignedEventCheck[];
  counts: Record<SignatureStatus, number>;
  /** No invalid signature and no name mismatch. */
  ok: boolean;
}

interface ImportedEntry {
  entry: TrustedKey;
  key: CryptoKey;
}

export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
  return norm(a) === norm(b);
}

function validAt(entry: TrustedKey, at: string): boolean {
  const t = Date.parse(at);
  if (entry.validFrom && t < Date.parse(entry.validFrom)) return false;
  if (entry.validTo && t > Date.parse(entry.validTo)) return false;
  return true;
}

// Importing every key is the costly part (≈ 0.35 ms a key): a logbook reads thousands of documents
// under one list, so the index is kept per list (the same array; a changed list is a new array).
const indexes = new WeakMap<readonly TrustedKey[], Promise<Map<string, ImportedEntry[]>>>();

/** keyId → the trust-list entries for that key (an entry whose key cannot be imported is skipped). */
export function indexTrustList(trustedKeys: readonly TrustedKey[]): Promise<Map<string, ImportedEntry[]>> {
  let index = indexes.get(trustedKeys);
  if (!index) {
    index = buildIndex(trustedKeys);
    indexes.set(trustedKeys, index);
  }
  return index;
}

async function buildIndex(trustedKeys: readonly TrustedKey[]): Promise<Map<string, ImportedEntry[]>> {
  const index = new Map<string, ImportedEntry[]>();
  for (const entry of trustedKeys) {
    let key: CryptoKey;
    try {
      key = await importPublicKey(entry.publicKey);
    } catch {
      continue;
    }
    const keyId = await keyIdOf(key);
    index.set(keyId, [...(index.get(keyId) ?? []), { entry, key }]);
  }
  return index;
}

export async function checkSignatures(record: ProvenanceRecord, trustedKeys: readonly TrustedKey[]): Promise<SignatureReport> {
  const index = await indexTrustList(trustedKeys);
  const events = await Promise.all(
    record.events
      .filter((event) => SIGNED_EVENT_TYPES.has(event.type))
      .map(async (event): Promise<SignedEventCheck> => {
        const base = { seq: event.seq, type: event.type, actor: event.actor, at: event.at };
        const sig = signatureOf(event);
        if (!sig) return { ...base, status: 'unsigned' };
        const entries = index.get(sig.keyId);
        if (!entries?.length) return { ...base, keyId: sig.keyId, status: 'unknown-key' };
        // The same key may be listed more than once (e.g. renewed validity): any entry verifies it.
        if (!(await verifyEventSignature(event, entries[0]!.key))) return { ...base, keyId: sig.keyId, status: 'invalid' };
        const current = entries.find((e) => validAt(e.entry, event.at));
        if (!current) return { ...base, keyId: sig.keyId, status: 'not-valid-then' };
        const { name, unit, role } = current.entry;
        const trusted = { name, unit, ...(role ? { role } : {}) };
        return { ...base, keyId: sig.keyId, trusted, status: sameName(name, event.actor) ? 'trusted' : 'name-mismatch' };
      }),
  );
  const counts: Record<SignatureStatus, number> = { trusted: 0, 'name-mismatch': 0, 'not-valid-then': 0, 'unknown-key': 0, invalid: 0, unsigned: 0 };
  for (const e of events) counts[e.status]++;
  return { events, counts, ok: counts.invalid === 0 && counts['name-mismatch'] === 0 };
}
