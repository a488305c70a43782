// issue 14 — performance: decodeAndVerifyRecord hashes a packed event's stored bytes instead of its
// rebuilt canonical form. Whatever the stored text (canonical or not, hash recomputed over it or not),
// its verdict and message must be those of decodeRecord + verifyChain.
// issue 17 — tamper: from 1.3 the record-created event names the documentId.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { canonicalJson } from '../../src/provenance/canonical';
import { chainAnchor, computeEventHash, createRecord, verifyChain } from '../../src/provenance/chain';
import { RECORD_NAMESPACE, decodeRecord, encodeRecord } from '../../src/provenance/codec';
import { foldRecord } from '../../src/provenance/fold';
import { sha256Hex } from '../../src/provenance/hash';
import { decodeAndVerifyRecord } from '../../src/provenance/read';
import { SCHEMA_VERSION, type ProvenanceEvent, type ProvenanceRecord } from '../../src/provenance/schema';
import { DOCUMENT_ID, fullRecord } from './scenario';

let record: ProvenanceRecord;
beforeAll(async () => {
  record = await fullRecord();
});

/** A packed record XML around the given event lines (each the JSON of one event, without prev). */
function packedXml(documentId: string, lines: string[], anchor: { eventCount: number; headHash: string }, schemaVersion = SCHEMA_VERSION): string {
  const raw = new TextEncoder().encode(`[${lines.join(',\n')}]`);
  const base64 = Buffer.from(deflateSync(raw)).toString('base64');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<record xmlns="${RECORD_NAMESPACE}" schemaVersion="${schemaVersion}" documentId="${documentId}" ` +
    `eventCount="${anchor.eventCount}" headHash="${anchor.headHash}"><events encoding="deflate-raw+base64" format="json-array" bytes="${raw.length}">${base64}</events></record>`
  );
}

/** An event's line as the codec writes it: canonical JSON, without prev. */
const lineOf = ({ prev: _prev, ...event }: ProvenanceEvent) => canonicalJson(event);

/** Both readings of the same XML: what loadRecord does now and what it did before. */
async function bothVerdicts(xml: string) {
  const fast = await decodeAndVerifyRecord(xml);
  const slow = decodeRecord(xml);
  const slowChain = slow.ok ? await verifyChain(slow.record, slow.anchor ? { anchor: slow.anchor } : {}) : undefined;
  return { fast: fast.ok ? { ok: true, chain: fast.chain } : fast, slow: slow.ok ? { ok: true, chain: slowChain } : slow };
}

/** Text edits a foreign writer might make that keep the JSON equivalent but not canonical. */
const NON_CANONICAL: Array<[string, (line: string) => string]> = [
  ['a space after a colon', (l) => l.replace('":', '": ')],
  ['keys reordered', (l) => l.replace(/^\{("actor":"[^"]*"),("at":"[^"]*"),/, '{$2,$1,')],
  ['a letter escaped', (l) => l.replace(/"actor":"(.)/, (_, c: string) => `"actor":"\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)],
  ['a non-ASCII letter escaped', (l) => l.replace(/[^\x00-\x7f]/, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)],
  ['a number written 1.0', (l) => l.replace(/"seq":(\d+)/, '"seq":$1.0')],
];

describe('decodeAndVerifyRecord (issue 14)', () => {
  it('an intact packed record: same record as decodeRecord, chain intact, anchor used', async () => {
    const xml = encodeRecord(record, { form: 'packed' });
    const fast = await decodeAndVerifyRecord(xml);
    if (!fast.ok) throw new Error(fast.message.en);
    expect(fast.chain).toEqual({ ok: true });
    const slow = decodeRecord(xml);
    expect(slow.ok && fast.record).toEqual(slow.ok && slow.record);
    // The plain form takes the canonical path only; same verdict.
    expect(await bothVerdicts(encodeRecord(record, { form: 'plain' }))).toMatchObject({ fast: { ok: true, chain: { ok: true } } });
    // A cut tail is still seen against the anchor.
    const cut = packedXml(DOCUMENT_ID, record.events.slice(0, -1).map(lineOf), chainAnchor(record)!);
    const verdicts = await bothVerdicts(cut);
    expect(verdicts.fast).toEqual(verdicts.slow);
    expect(verdicts.fast).toMatchObject({ ok: true, chain: { ok: false } });
  });

  it.each(NON_CANONICAL)('a non-canonical line (%s), hash recomputed over the stored text or not: same verdict as verifyChain', async (_name, edit) => {
    let editedLines = 0;
    for (let index = 0; index < record.events.length; index++) {
      const lines = record.events.map(lineOf);
      const edited = edit(lines[index]!);
      if (edited === lines[index]) continue; // nothing of that kind in this event (an all-ASCII one)
      editedLines++;
      for (const rehash of [false, true]) {
        let line = edited;
        if (rehash) {
          // The attack on the fast path: the hash made over the stored (non-canonical) bytes with prev put back.
          const prev = index === 0 ? '0'.repeat(64) : record.events[index - 1]!.hash;
          const form = line.replace(/"hash":"[0-9a-f]{64}"/, `"prev":"${prev}"`);
          line = line.replace(/"hash":"[0-9a-f]{64}"/, `"hash":"${await sha256Hex(form)}"`);
        }
        lines[index] = line;
        const verdicts = await bothVerdicts(packedXml(DOCUMENT_ID, lines, chainAnchor(record)!));
        expect(verdicts.fast).toEqual(verdicts.slow);
      }
    }
    expect(editedLines).toBeGreaterThan(record.events.length / 2);
  });

  it('any value changed in any event, hash recomputed or not: same verdict as verifyChain (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.boolean(), fc.oneof(fc.string(), fc.integer(), fc.constant('Nguyễn Văn An')), async (pick, rehash, value) => {
        const events = structuredClone(record.events);
        const event = events[pick % events.length]!;
        const keys = Object.keys(event.data as object);
        (event.data as Record<string, unknown>)[keys[pick % keys.length]!] = value;
        if (rehash) event.hash = await computeEventHash(event);
        const verdicts = await bothVerdicts(packedXml(DOCUMENT_ID, events.map(lineOf), chainAnchor({ ...record, events })!));
        expect(verdicts.fast).toEqual(verdicts.slow);
      }),
      { numRuns: 60 },
    );
  });

  it('a byte-order mark before the packed text, the first hash made over the bytes after it: same verdict', async () => {
    const lines = record.events.map(lineOf);
    const body = new TextEncoder().encode(`[${lines.join(',\n')}]`);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
    // What a reader not aware of the mark would take as event 0's form (bytes 1…), hashed by the attacker.
    const end = withBom.indexOf(0x0a) - 1;
    const form = withBom.slice(1, end);
    const hashAt = new TextDecoder('latin1').decode(form).lastIndexOf('"hash":"');
    form.set(new TextEncoder().encode(`"prev":"${'0'.repeat(64)}`), hashAt);
    const forged = lines[0]!.replace(/"hash":"[0-9a-f]{64}"/, `"hash":"${await sha256Hex(form)}"`);
    for (const first of [lines[0]!, forged]) {
      const raw = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`[${[first, ...lines.slice(1)].join(',\n')}]`)]);
      const xml = packedXml(DOCUMENT_ID, [], chainAnchor(record)!).replace(/bytes="\d+">[^<]*</, `bytes="${raw.length}">${Buffer.from(deflateSync(raw)).toString('base64')}<`);
      const verdicts = await bothVerdicts(xml);
      expect(verdicts.fast).toEqual(verdicts.slow);
    }
  });

  it('a line carrying its own prev, and the U+FFFE escape the codec writes: same verdict', async () => {
    const withPrev = record.events.map((event) => canonicalJson(event));
    const verdicts = await bothVerdicts(packedXml(DOCUMENT_ID, withPrev, chainAnchor(record)!));
    expect(verdicts.fast).toEqual(verdicts.slow);
    expect(verdicts.fast).toMatchObject({ ok: true, chain: { ok: true } });
    const odd = await createRecord({ profileId: 'strict', appVersion: '0.1.0\ufffe', actor: 'Nguyễn Văn An', documentId: DOCUMENT_ID });
    const oddVerdicts = await bothVerdicts(encodeRecord(odd, { form: 'packed' }));
    expect(oddVerdicts.fast).toEqual(oddVerdicts.slow);
    expect(oddVerdicts.fast).toMatchObject({ ok: true, chain: { ok: true } });
  });
});

describe('documentId under the chain (issue 17, record 1.3)', () => {
  const OTHER_ID = '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b';

  it('a new record names its documentId in record-created; the state says it is covered', () => {
    expect(record.schemaVersion).toBe('1.3');
    expect((record.events[0]!.data as { documentId?: string }).documentId).toBe(DOCUMENT_ID);
    expect(foldRecord(record).documentIdCovered).toBe(true);
  });

  it.each(['packed', 'plain'] as const)('the documentId changed on the root of a 1.3 record (%s) → the chain is broken at event 0, named', async (form) => {
    const xml = encodeRecord(record, { form }).replace(`documentId="${DOCUMENT_ID}"`, `documentId="${OTHER_ID}"`);
    const read = await decodeAndVerifyRecord(xml);
    if (!read.ok) throw new Error(read.message.en);
    expect(read.chain).toMatchObject({ ok: false, brokenAt: 0 });
    expect(!read.chain.ok && read.chain.reason.en).toBe(
      `The record's documentId was changed after it was written: the record-created event names ${DOCUMENT_ID}, the record part says ${OTHER_ID}.`,
    );
    expect(!read.chain.ok && read.chain.reason.vi).toContain('Mã hồ sơ văn bản (documentId) đã bị thay đổi');
    expect(await verifyChain(read.record, { anchor: read.anchor! })).toEqual(read.chain);
  });

  it('a 1.2 record (record-created without documentId) still reads intact; its documentId is said not covered', async () => {
    const created = record.events[0]!;
    const { documentId: _id, ...oldData } = created.data as Record<string, unknown>;
    const oldCreated = { ...created, data: oldData };
    oldCreated.hash = await computeEventHash(oldCreated);
    const events: ProvenanceEvent[] = [oldCreated as ProvenanceEvent];
    for (const event of record.events.slice(1)) {
      const relinked = { ...event, prev: events.at(-1)!.hash };
      events.push({ ...relinked, hash: await computeEventHash(relinked) } as ProvenanceEvent);
    }
    const old: ProvenanceRecord = { schemaVersion: '1.2', documentId: DOCUMENT_ID, events };
    for (const form of ['packed', 'plain'] as const) {
      const read = await decodeAndVerifyRecord(encodeRecord(old, { form }));
      if (!read.ok) throw new Error(read.message.en);
      expect(read.chain).toEqual({ ok: true });
      expect(read.record.schemaVersion).toBe('1.2');
      expect(foldRecord(read.record).documentIdCovered).toBe(false);
      // Its documentId can be changed unseen: exactly what "not covered" says.
      const moved = await decodeAndVerifyRecord(encodeRecord({ ...old, documentId: OTHER_ID }, { form }));
      expect(moved.ok && moved.chain).toEqual({ ok: true });
    }
    // Claiming 1.2 on a 1.3 record does not hide a changed documentId: record-created still names it.
    const downgraded = encodeRecord({ ...record, schemaVersion: '1.2', documentId: OTHER_ID }, { form: 'packed' });
    const read = await decodeAndVerifyRecord(downgraded);
    expect(read.ok && read.chain).toMatchObject({ ok: false, brokenAt: 0 });
  });
});

describe('stored bytes as the hashed form (issue 14 — performance)', () => {
  it('every packed event this codec writes gets a candidate, and each is exactly its canonical event form', async () => {
    const { canonicalEventForm } = await import('../../src/provenance/chain');
    const { decodeRecordForms } = await import('../../src/provenance/codec');
    const { result, candidates } = decodeRecordForms(encodeRecord(record, { form: 'packed' }));
    expect(result.ok).toBe(true);
    expect(candidates).toHaveLength(record.events.length);
    const decoder = new TextDecoder();
    candidates!.forEach((bytes, i) => {
      expect(bytes).toBeDefined();
      expect(decoder.decode(bytes)).toBe(canonicalEventForm(record.events[i]!));
    });
  });
});
