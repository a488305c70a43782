// The append-only, hash-chained event log. Each event's `hash` is the SHA-256 of the canonical JSON of
// {seq, type, at, actor, prev, data}; `prev` is the previous event's hash (GENESIS_HASH for the
// first). Changing, removing, inserting or reordering any stored event breaks the chain at or after
// that event. Truncating the tail is only visible against an anchor (event count + head hash) kept
// elsewhere: the XML codec writes one on the root element.
import type { Bilingual } from '../checks/types';
import { CanonicalJsonError, canonicalJson, canonicalJsonBytesOfEach, canonicalJsonOfEach } from './canonical';
import { ProvenanceError, chainMessages } from './errors';
import { GENESIS_HASH, hasSyncSha256, sha256Hex, sha256HexEach, sha256HexSync } from './hash';
import {
  SCHEMA_MINOR,
  SCHEMA_VERSION,
  formatIssue,
  parseSchemaVersion,
  isKnownEventType,
  strictSchemas,
  type EventDataMap,
  type KnownEvent,
  type KnownEventType,
  type ProvenanceEvent,
  type ProvenanceRecord,
} from './schema';
import { findSecretLike } from './secrets';
import { SIGNED_EVENT_TYPES, signEvent, type EventSigner } from './signature';

const NO_BYTES = new Uint8Array(0);

export interface AppendInput<K extends KnownEventType = KnownEventType> {
  type: K;
  /** A person's name, or "system". */
  actor: string;
  data: EventDataMap[K];
  /** ISO time; now when left out. */
  at?: string;
  /**
   * The person's key (issue 11): verifications, rejections, the disclosure and the sign-off are then
   * signed (`data.sig`). Ignored for other event types.
   */
  signer?: EventSigner;
}

export type ChainResult = { ok: true } | { ok: false; brokenAt: number; reason: Bilingual };

/** What the writer recorded about the chain's end, to detect a cut-off tail. */
export interface ChainAnchor {
  eventCount: number;
  headHash: string;
}

/** The exact string an event's hash is computed over. */
export function canonicalEventForm(event: Omit<ProvenanceEvent, 'hash'> & { hash?: string }): string {
  return canonicalJson(hashedFields(event));
}

/** The fields an event's hash covers, keys in sorted order so canonicalJson can take its fast path. */
function hashedFields(event: Omit<ProvenanceEvent, 'hash'> & { hash?: string }) {
  const { seq, type, at, actor, prev, data } = event;
  return { actor, at, data, prev, seq, type };
}

export async function computeEventHash(event: Omit<ProvenanceEvent, 'hash'> & { hash?: string }): Promise<string> {
  return sha256Hex(canonicalEventForm(event));
}

/** Fields holding the SHA-256 of a text field of the same event, checked on append and on verify. */
const CONTENT_HASHES: Partial<Record<KnownEventType, { text: string; hash: string }>> = {
  'passage-generated': { text: 'originalText', hash: 'originalHash' },
  'passage-edited': { text: 'text', hash: 'textHash' },
  'claim-verified': { text: 'claimText', hash: 'claimTextHash' },
  'claim-rejected': { text: 'claimText', hash: 'claimTextHash' },
};

async function contentHashProblem(type: string, data: unknown): Promise<string | undefined> {
  if (!isKnownEventType(type)) return undefined;
  const fields = CONTENT_HASHES[type];
  if (!fields || data === null || typeof data !== 'object') return undefined;
  const record = data as Record<string, unknown>;
  const text = record[fields.text];
  const hash = record[fields.hash];
  if (typeof text !== 'string' || typeof hash !== 'string') return fields.hash;
  return (await sha256Hex(text)) === hash ? undefined : fields.hash;
}

export interface CreateRecordInput {
  profileId: string;
  appVersion: string;
  actor: string;
  documentId?: string;
  at?: string;
}

/** A new record holding its record-created event. */
export async function createRecord(input: CreateRecordInput): Promise<ProvenanceRecord> {
  const empty: ProvenanceRecord = {
    schemaVersion: SCHEMA_VERSION,
    documentId: input.documentId ?? globalThis.crypto.randomUUID(),
    events: [],
  };
  return appendEvent(empty, {
    type: 'record-created',
    actor: input.actor,
    at: input.at,
    // issue 17 — tamper (1.3): under the first event's hash, so a changed root documentId is detected.
    data: { profileId: input.profileId, appVersion: input.appVersion, documentId: empty.documentId },
  });
}

/**
 * Returns a new record with one more event (the input record is not changed). Refuses, with a
 * ProvenanceError: data that fails its schema, data or actor holding something shaped like an API
 * key or password, a content hash that does not match its text, a first event other than
 * record-created (or a second one). Trusts the stored hash of the last event (verifyChain checks
 * the whole chain); cross-event consistency (e.g. editing an unknown passage) is reported by
 * foldRecord as a problem, not refused here, so appending stays O(1) in the record's length.
 */
export async function appendEvent<K extends KnownEventType>(
  record: ProvenanceRecord,
  input: AppendInput<K>,
): Promise<ProvenanceRecord> {
  if (!isKnownEventType(input.type)) {
    throw new ProvenanceError('invalid-event', chainMessages.unknownType(String(input.type)));
  }
  const isFirst = record.events.length === 0;
  if (isFirst !== (input.type === 'record-created')) {
    throw new ProvenanceError('bad-sequence', chainMessages.firstMustBeCreated());
  }
  const secret = findSecretLike(input.data) ?? findSecretLike(input.actor, 'actor');
  if (secret) throw new ProvenanceError('secret-in-data', chainMessages.secret(secret.path, secret.kind));

  let data: unknown;
  try {
    // Through canonical JSON and back: what is stored is exactly what the hash covers and what the
    // XML holds (undefined fields dropped, no shared references with the caller's objects).
    data = JSON.parse(canonicalJson(input.data));
  } catch (error) {
    throw new ProvenanceError('invalid-event', chainMessages.invalidData(input.type, (error as Error).message));
  }

  const last = record.events.at(-1);
  if (last && (last.seq !== record.events.length - 1 || !/^[0-9a-f]{64}$/.test(last.hash))) {
    throw new ProvenanceError('corrupt-chain', chainMessages.notAppendable());
  }
  const unsigned = {
    seq: record.events.length,
    type: input.type,
    at: input.at ?? new Date().toISOString(),
    actor: input.actor,
    prev: last ? last.hash : GENESIS_HASH,
    data,
  };
  if (input.signer && SIGNED_EVENT_TYPES.has(input.type)) {
    if (data !== null && typeof data === 'object' && 'sig' in data) {
      throw new ProvenanceError('invalid-event', chainMessages.invalidData(input.type, 'sig is written by the signer'));
    }
    unsigned.data = { ...(data as object), sig: await signEvent(unsigned, input.signer) };
  }
  const event = { ...unsigned, hash: await computeEventHash(unsigned) };
  const parsed = strictSchemas.event.safeParse(event);
  if (!parsed.success) {
    throw new ProvenanceError('invalid-event', chainMessages.invalidData(input.type, formatIssue(parsed.error)));
  }
  const badHash = await contentHashProblem(input.type, data);
  if (badHash) {
    throw new ProvenanceError('content-hash-mismatch', chainMessages.contentHashMismatch(unsigned.seq, `data.${badHash}`));
  }
  return { ...record, schemaVersion: upgradedVersion(record.schemaVersion), events: [...record.events, event as KnownEvent] };
}

/** An older minor version becomes this one on append: the new event may use fields it lacks. */
function upgradedVersion(version: string): string {
  const parsed = parseSchemaVersion(version);
  return parsed && parsed.minor < SCHEMA_MINOR ? SCHEMA_VERSION : version;
}

/**
 * Recomputes every hash and link. Reports the first position where the stored events stop being
 * the chain that was written. All digests run concurrently (WebCrypto is async).
 */
export interface VerifyOptions {
  /** The writer's anchor (from decodeRecord): also detects events cut from the end. */
  anchor?: ChainAnchor;
  /**
   * Also check that originalHash / textHash / claimTextHash match their texts (default false).
   * Event hashes alone already detect any change to a stored event; this audit catches a foreign
   * writer that stored an inconsistent content hash in the first place (appendEvent refuses those).
   * It costs one more digest per passage and claim event, so the reports run it and the hot path
   * (opening a document) does not.
   */
  contentHashes?: boolean;
}

export async function verifyChain(record: ProvenanceRecord, options: VerifyOptions = {}): Promise<ChainResult> {
  return verifyChainWithForms(record, options);
}

/**
 * verifyChain, given for some events the bytes their hash should cover as the reader found them
 * (`candidates`, from decodeRecordForms: the stored canonical text with `prev` put back). A candidate
 * whose digest is the event's hash is that event's canonical form (SHA-256 is collision resistant and
 * the reader parsed the event from those very bytes), so it is not rebuilt; any other event — no
 * candidate, or one that does not match — is hashed from its canonical form as verifyChain does, so
 * the verdicts and messages are the same. Only for a record nobody could change in between (read.ts).
 */
export async function verifyChainWithForms(
  record: ProvenanceRecord,
  options: VerifyOptions,
  candidates?: ReadonlyArray<Uint8Array | undefined>,
): Promise<ChainResult> {
  const { anchor, contentHashes = false } = options;
  const events = record.events;
  if (events.length === 0) return { ok: false, brokenAt: 0, reason: chainMessages.empty() };

  const [hashes, contentProblems] = await Promise.all([
    computedHashes(events, candidates),
    contentHashes
      ? Promise.all(events.map((event) => contentHashProblem(event.type, event.data).catch(() => 'data')))
      : [],
  ]);

  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    if (event.seq !== i) return broken(i, chainMessages.seqOrder(i, event.seq));
    if (i === 0 && event.type !== 'record-created') return broken(0, chainMessages.firstNotCreated());
    const expectedPrev = i === 0 ? GENESIS_HASH : events[i - 1]!.hash;
    if (event.prev !== expectedPrev) return broken(i, chainMessages.prevMismatch(i));
    const computed = hashes[i];
    if (computed instanceof CanonicalJsonError) return broken(i, chainMessages.invalidEvent(i, 'not JSON data'));
    if (computed !== event.hash) return broken(i, chainMessages.hashMismatch(i));
    const contentProblem = contentProblems[i];
    if (contentProblem) return broken(i, chainMessages.contentHashMismatch(i, `data.${contentProblem}`));
  }
  // issue 17 — tamper (1.3): the record-created event names the documentId, so the root's one is covered.
  const named = documentIdProblem(record);
  if (named) return broken(0, named);
  if (anchor) {
    if (events.length < anchor.eventCount) return broken(events.length, chainMessages.truncated(anchor.eventCount, events.length));
    if (events.length > anchor.eventCount) return broken(anchor.eventCount, chainMessages.headMismatch());
    if (events.at(-1)!.hash !== anchor.headHash) return broken(events.length - 1, chainMessages.headMismatch());
  }
  return { ok: true };
}

/**
 * A record-created event naming a documentId (written from 1.3 on) that is not the record's: the
 * root attribute was edited. Records begun before 1.3 name none (documentIdCovered in fold.ts).
 */
function documentIdProblem(record: ProvenanceRecord): Bilingual | undefined {
  const first = record.events[0];
  if (first?.type !== 'record-created') return undefined;
  const named = (first.data as { documentId?: unknown } | null)?.documentId;
  if (named === undefined || named === record.documentId) return undefined;
  return chainMessages.documentIdChanged(String(named), record.documentId);
}

/** Each event's computed hash, or the CanonicalJsonError of an event whose data has no JSON form. */
async function computedHashes(
  events: readonly ProvenanceEvent[],
  candidates: ReadonlyArray<Uint8Array | undefined> | undefined,
): Promise<Array<string | CanonicalJsonError>> {
  const out: Array<string | CanonicalJsonError | undefined> = new Array(events.length);
  if (candidates) {
    const offered: number[] = [];
    for (let i = 0; i < events.length; i++) if (candidates[i]) offered.push(i);
    const digests = hasSyncSha256
      ? offered.map((i) => sha256HexSync(candidates[i]!)!)
      : await sha256HexEach(offered.map((i) => candidates[i]!));
    offered.forEach((i, k) => {
      if (digests[k] === events[i]!.hash) out[i] = digests[k];
    });
  }
  const rest: number[] = [];
  for (let i = 0; i < events.length; i++) if (out[i] === undefined) rest.push(i);
  if (rest.length === 0) return out as string[];
  const restEvents = rest.length === events.length ? events : rest.map((i) => events[i]!);
  const { forms, hashes } = canonicalFormsAndSyncHashes(restEvents);
  const digests =
    hashes ?? (await sha256HexEach(forms.map((form) => (form instanceof CanonicalJsonError ? NO_BYTES : (form as Uint8Array)))));
  rest.forEach((i, k) => {
    const form = forms[k];
    out[i] = form instanceof CanonicalJsonError ? form : digests[k]!;
  });
  return out as Array<string | CanonicalJsonError>;
}

// issue 14 — performance: where hashing is synchronous (node:crypto), each event's canonical text is
// hashed as a string — the hash encodes it to UTF-8 natively — which skips a TextEncoder pass over
// the whole record and the split of the joined bytes. Same bytes hashed either way (canonical.test.ts).
function canonicalFormsAndSyncHashes(events: readonly ProvenanceEvent[]): {
  forms: Array<Uint8Array | string | CanonicalJsonError>;
  hashes?: string[];
} {
  if (!hasSyncSha256) return { forms: canonicalJsonBytesOfEach(events.map(hashedFields)) };
  const forms = canonicalJsonOfEach(events.map(hashedFields));
  return { forms, hashes: forms.map((form) => (form instanceof CanonicalJsonError ? '' : sha256HexSync(form)!)) };
}

function broken(index: number, reason: Bilingual): ChainResult {
  return { ok: false, brokenAt: Math.max(0, index), reason };
}

/** The anchor of a record as it stands (written by the codec, compared by verifyChain). */
export function chainAnchor(record: ProvenanceRecord): ChainAnchor | undefined {
  const last = record.events.at(-1);
  return last ? { eventCount: record.events.length, headHash: last.hash } : undefined;
}
