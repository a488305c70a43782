import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendEvent, chainAnchor, computeEventHash, createRecord, verifyChain } from '../../src/provenance/chain';
import { ProvenanceError } from '../../src/provenance/errors';
import { GENESIS_HASH, sha256Hex, sha256HexEach } from '../../src/provenance/hash';
import { CanonicalJsonError, canonicalJson, canonicalJsonBytesOfEach } from '../../src/provenance/canonical';
import { SCHEMA_VERSION, type ProvenanceRecord } from '../../src/provenance/schema';
import { DOCUMENT_ID, PASSAGE_ID, baseRecord, fullRecord, nextTime, withGeneratedPassage } from './scenario';

async function refusal(promise: Promise<unknown>): Promise<ProvenanceError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ProvenanceError);
    return error as ProvenanceError;
  }
  throw new Error('expected a refusal');
}

describe('canonical JSON', () => {
  it('sorts keys at every depth, drops undefined fields and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true }, z: undefined })).toBe('{"a":{"c":true,"d":[1,"x",null]},"b":1}');
  });
  it('gives the same text whatever the key insertion order', () => {
    expect(canonicalJson({ x: 1, y: { b: 2, a: 3 } })).toBe(canonicalJson({ y: { a: 3, b: 2 }, x: 1 }));
  });
  it('sorts by UTF-16 code units, numeric-looking keys included (as RFC 8785)', () => {
    expect(canonicalJson({ '9': 0, '10': 0, a: 0, Đ: 0, B: 0 })).toBe('{"10":0,"9":0,"B":0,"a":0,"Đ":0}');
  });
  it('keeps text exactly (no normalisation) and escapes like JSON', () => {
    const decomposed = 'Vie\u0302\u0323t';
    expect(canonicalJson(decomposed)).toBe(JSON.stringify(decomposed));
    expect(canonicalJson('a"b\\c\n')).toBe('"a\\"b\\\\c\\n"');
  });
  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/not finite/);
    expect(() => canonicalJson([undefined])).toThrow(/undefined/);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(/plain objects/);
    expect(() => canonicalJson({ n: 1n })).toThrow(/bigint/);
  });
});

describe('canonical JSON of many values at once (the chain check\'s fast path)', () => {
  const utf8 = new TextEncoder();
  const alone = (value: unknown) => {
    try {
      return utf8.encode(canonicalJson(value));
    } catch (error) {
      return error as Error;
    }
  };
  // Strings full of what could confuse cutting the joined text apart: quotes, backslash runs,
  // brackets, commas, Vietnamese and astral characters.
  const trickyString = fc.stringMatching(/^[\\"{}[\],:aĐệ😀\n]{0,12}$/);
  const value = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.dictionary(trickyString, fc.oneof(trickyString, fc.array(trickyString, { maxLength: 3 }), fc.integer())),
    fc.constantFrom<unknown>({ z: 1, a: [2, { y: '\\"', b: null }] }, [undefined], { n: Number.NaN }, { d: new Date(0) }),
  );

  it('gives, for each value, exactly the bytes of its own canonicalJson (or its error)', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 12 }), (values) => {
        const many = canonicalJsonBytesOfEach(values);
        expect(many).toHaveLength(values.length);
        values.forEach((item, i) => {
          const expected = alone(item);
          if (expected instanceof Error) expect(many[i]).toBeInstanceOf(CanonicalJsonError);
          else expect(many[i]).toEqual(expected);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('reports a cyclic value as having no JSON form instead of throwing', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const [bad, good] = canonicalJsonBytesOfEach([cyclic, { b: 'x' }]);
    expect(bad).toBeInstanceOf(CanonicalJsonError);
    expect(new TextDecoder().decode(good as Uint8Array)).toBe('{"b":"x"}');
  });

  it('hashes each input on its own, in order', async () => {
    const texts = ['', 'a', 'Việt Nam', '{"a":1}'];
    const inputs = texts.map((text) => new TextEncoder().encode(text));
    expect(await sha256HexEach(inputs)).toEqual(await Promise.all(texts.map((text) => sha256Hex(text))));
  });
});

describe('appendEvent', () => {
  it('starts at seq 0 with the genesis prev and links every next event to the previous hash', async () => {
    const record = await fullRecord();
    expect(record.events[0]!.seq).toBe(0);
    expect(record.events[0]!.prev).toBe(GENESIS_HASH);
    record.events.forEach((event, i) => {
      expect(event.seq).toBe(i);
      if (i > 0) expect(event.prev).toBe(record.events[i - 1]!.hash);
    });
  });

  it('hashes the canonical form of {seq, type, at, actor, prev, data}', async () => {
    const record = await baseRecord();
    const event = record.events[0]!;
    const expected = await sha256Hex(
      canonicalJson({ seq: 0, type: 'record-created', at: event.at, actor: event.actor, prev: GENESIS_HASH, data: { profileId: 'strict', appVersion: '0.1.0', documentId: record.documentId } }),
    );
    expect(event.hash).toBe(expected);
    expect(await computeEventHash(event)).toBe(expected);
  });

  it('does not change the record it is given', async () => {
    const record = await baseRecord();
    const before = JSON.stringify(record);
    await withGeneratedPassage(record);
    expect(JSON.stringify(record)).toBe(before);
  });

  it('stores a copy of the data, so later changes to the caller\'s object do not alter the record', async () => {
    const data = { level: 3 as const };
    const record = await appendEvent(await baseRecord(), { type: 'level-declared', actor: 'An', data });
    (data as { level: number }).level = 1;
    expect(record.events[1]!.data).toEqual({ level: 3 });
    expect(await verifyChain(record)).toEqual({ ok: true });
  });

  it('requires record-created first and only first', async () => {
    const empty: ProvenanceRecord = { schemaVersion: '1.0', documentId: DOCUMENT_ID, events: [] };
    expect((await refusal(appendEvent(empty, { type: 'level-declared', actor: 'An', data: { level: 1 } }))).code).toBe('bad-sequence');
    const record = await baseRecord();
    expect((await refusal(appendEvent(record, { type: 'record-created', actor: 'An', data: { profileId: 'x', appVersion: '1' } }))).code).toBe('bad-sequence');
  });

  it('refuses data that fails its schema, with a bilingual message naming the field', async () => {
    const error = await refusal(
      appendEvent(await baseRecord(), { type: 'passage-removed', actor: 'An', data: { passageId: 'not-a-uuid' } }),
    );
    expect(error.code).toBe('invalid-event');
    expect(error.bilingual.vi).toContain('passageId');
    expect(error.bilingual.en).toContain('passageId');
  });

  it('refuses a content hash that does not match its text', async () => {
    const error = await refusal(
      appendEvent(await withGeneratedPassage(await baseRecord()), {
        type: 'claim-verified',
        actor: 'An',
        data: { passageId: PASSAGE_ID, claimId: 'c1', claimText: '87,5%', claimTextHash: await sha256Hex('87,6%'), source: 'Niên giám' },
      }),
    );
    expect(error.code).toBe('content-hash-mismatch');
  });

  it.each([
    ['an OpenAI-style key in the prompt', { prompt: 'dùng khoá sk-proj-AbCdEf0123456789xyzXYZ để gọi' }],
    ['a Bearer header in the prompt', { prompt: 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9abcdef' }],
    ['a key assignment in a source name', { sources: [{ name: 'api_key=Zx81kLmn0pQrStUv', sha256: 'b'.repeat(64), chars: 1 }] }],
    ['a Google key as a redaction kind', { redactions: { AIzaSyA1234567890abcdefghijklmnopqrstu: 1 } }],
  ])('refuses %s and does not repeat the secret in the message', async (_label, extra) => {
    const record = await baseRecord();
    const text = 'Năm 2025 đạt kết quả tốt.';
    const error = await refusal(
      appendEvent(record, {
        type: 'passage-generated',
        actor: 'An',
        data: {
          passageId: PASSAGE_ID,
          origin: 'generated',
          purpose: 'draft',
          provider: { id: 'p', name: 'P', tier: 'internal', endpointHost: 'localhost' },
          originalText: text,
          originalHash: await sha256Hex(text),
          fingerprint: '0123456789abcdef',
          claims: [],
          level: 1,
          ...extra,
        },
      }),
    );
    expect(error.code).toBe('secret-in-data');
    const secret = JSON.stringify(extra).match(/(sk-proj-\w+|eyJ\w+|Zx81kLmn0pQrStUv|AIza\w+)/)![0];
    expect(error.bilingual.vi).not.toContain(secret);
    expect(error.bilingual.en).not.toContain(secret);
  });

  it('lets ordinary Vietnamese prose, hashes and ids through the secret guard', async () => {
    const record = await withGeneratedPassage(await baseRecord());
    const next = await appendEvent(record, {
      type: 'disclosure-inserted',
      actor: 'Nguyễn Văn An',
      data: { text: 'Nội dung/kết quả có sự hỗ trợ của AI, đã được kiểm chứng bởi chuyên gia/cơ quan chuyên môn', profile: 'kai-cb-2025' },
    });
    expect(next.events).toHaveLength(3);
  });
});

describe('verifyChain', () => {
  it('accepts an untouched record', async () => {
    const record = await fullRecord();
    expect(await verifyChain(record)).toEqual({ ok: true });
    expect(await verifyChain(record, { anchor: chainAnchor(record) })).toEqual({ ok: true });
  });

  it('reports an event whose data has no JSON form at that event, and still checks the others', async () => {
    const record = await fullRecord();
    const events = structuredClone(record.events);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    (events[2]!.data as Record<string, unknown>).extra = cyclic;
    const result = await verifyChain({ ...record, events });
    expect(result).toMatchObject({ ok: false, brokenAt: 2 });
    if (!result.ok) expect(result.reason.en).toMatch(/not well formed \(not JSON data\)/);
    (events[2]!.data as Record<string, unknown>).extra = Number.NaN;
    expect(await verifyChain({ ...record, events })).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('reports an empty record', async () => {
    const result = await verifyChain({ schemaVersion: '1.0', documentId: DOCUMENT_ID, events: [] });
    expect(result.ok).toBe(false);
  });

  it('finds a changed field at that event, in both languages', async () => {
    const record = await fullRecord();
    const events = structuredClone(record.events);
    (events[4]!.data as { source: string }).source = 'Nguồn khác';
    const result = await verifyChain({ ...record, events });
    expect(result).toMatchObject({ ok: false, brokenAt: 4 });
    if (!result.ok) {
      expect(result.reason.vi).toMatch(/số 4/);
      expect(result.reason.en).toMatch(/event 4/i);
    }
  });

  it('detects a rewritten event whose own hash was recomputed, at the next event', async () => {
    const record = await fullRecord();
    const events = structuredClone(record.events);
    events[2]!.actor = 'Người khác';
    events[2]!.hash = await computeEventHash(events[2]!);
    expect(await verifyChain({ ...record, events })).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('detects removal, insertion and reordering of events', async () => {
    const record = await fullRecord();
    const removed = record.events.filter((_, i) => i !== 3);
    expect(await verifyChain({ ...record, events: removed })).toMatchObject({ ok: false, brokenAt: 3 });
    const inserted = [...record.events.slice(0, 3), structuredClone(record.events[5]!), ...record.events.slice(3)];
    expect(await verifyChain({ ...record, events: inserted })).toMatchObject({ ok: false, brokenAt: 3 });
    const swapped = [...record.events];
    [swapped[3], swapped[4]] = [swapped[4]!, swapped[3]!];
    expect(await verifyChain({ ...record, events: swapped })).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('detects a cut-off tail only against the anchor', async () => {
    const record = await fullRecord();
    const anchor = chainAnchor(record)!;
    const cut = { ...record, events: record.events.slice(0, -2) };
    expect(await verifyChain(cut)).toEqual({ ok: true });
    expect(await verifyChain(cut, { anchor })).toMatchObject({ ok: false, brokenAt: record.events.length - 2 });
  });

  it('detects a stored content hash that does not match its text (a faulty writer)', async () => {
    const record = await fullRecord();
    const events = structuredClone(record.events);
    const target = events[3]!;
    (target.data as { claimTextHash: string }).claimTextHash = await sha256Hex('khác');
    target.hash = await computeEventHash(target);
    for (let i = 4; i < events.length; i++) {
      events[i]!.prev = events[i - 1]!.hash;
      events[i]!.hash = await computeEventHash(events[i]!);
    }
    expect(await verifyChain({ ...record, events })).toEqual({ ok: true });
    expect(await verifyChain({ ...record, events }, { contentHashes: true })).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('creates a record with a random uuid when none is given', async () => {
    const record = await createRecord({ profileId: 'strict', appVersion: '0.1.0', actor: 'system', at: nextTime() });
    expect(record.documentId).toMatch(/^[0-9a-f-]{36}$/);
    expect(record.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('appending to a record of an older minor version (1.0) writes it as this version (issue 11)', async () => {
    const old = { ...(await createRecord({ profileId: 'strict', appVersion: '0.1.0', actor: 'system', at: nextTime() })), schemaVersion: '1.0' };
    const next = await appendEvent(old, { type: 'level-declared', actor: 'An', at: nextTime(), data: { level: 2 } });
    expect(next.schemaVersion).toBe(SCHEMA_VERSION);
    expect(old.schemaVersion).toBe('1.0');
  });
});
