import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { computeEventHash, verifyChain } from '../../src/provenance/chain';
import { CUSTOM_XML_PART_LIMIT_BYTES, PLAIN_FORM_MAX_BYTES, RECORD_NAMESPACE, decodeRecord, encodeRecord, isRecordNamespace, utf8Length } from '../../src/provenance/codec';
import { foldRecord } from '../../src/provenance/fold';
import { SCHEMA_MINOR, SCHEMA_VERSION, type ProvenanceRecord } from '../../src/provenance/schema';
import { realisticRecord } from './fixtures';
import { DOCUMENT_ID, fullRecord } from './scenario';

function decodeOk(xml: string) {
  const result = decodeRecord(xml);
  if (!result.ok) throw new Error(`decode failed: ${result.code} ${result.message.en}`);
  return result;
}

function expectFailure(xml: string, code: 'malformed' | 'newer-version' | 'wrong-namespace') {
  const result = decodeRecord(xml);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.code).toBe(code);
    expect(result.message.vi.length).toBeGreaterThan(10);
    expect(result.message.en.length).toBeGreaterThan(10);
  }
  return result;
}

describe('encodeRecord / decodeRecord', () => {
  it('round-trips a record in plain form, event for event, and the chain still verifies', async () => {
    const record = await fullRecord();
    const xml = encodeRecord(record);
    const decoded = decodeOk(xml);
    expect(decoded.form).toBe('plain');
    expect(decoded.record).toEqual(record);
    expect(decoded.unknownEvents).toBe(0);
    expect(await verifyChain(decoded.record, { anchor: decoded.anchor })).toEqual({ ok: true });
    expect(foldRecord(decoded.record)).toEqual(foldRecord(record));
  });

  it('writes the documented plain layout: namespaced root, one <event> per event with its attributes', async () => {
    const record = await fullRecord();
    const doc = new DOMParser().parseFromString(encodeRecord(record, { form: 'plain' }), 'application/xml');
    const root = doc.documentElement!;
    expect(root.namespaceURI).toBe(RECORD_NAMESPACE);
    expect(root.localName).toBe('record');
    expect(root.getAttribute('schemaVersion')).toBe(SCHEMA_VERSION);
    expect(root.getAttribute('documentId')).toBe(DOCUMENT_ID);
    expect(root.getAttribute('eventCount')).toBe(String(record.events.length));
    expect(root.getAttribute('headHash')).toBe(record.events.at(-1)!.hash);
    const events = root.getElementsByTagNameNS(RECORD_NAMESPACE, 'event');
    expect(events.length).toBe(record.events.length);
    const third = events.item(2)!;
    expect(['seq', 'type', 'at', 'actor', 'prev', 'hash'].map((name) => third.getAttribute(name))).toEqual([
      '2',
      'passage-generated',
      record.events[2]!.at,
      'Trần Thị Bích Ngọc',
      record.events[1]!.hash,
      record.events[2]!.hash,
    ]);
    expect(JSON.parse(third.textContent!)).toEqual(record.events[2]!.data);
  });

  it('round-trips the packed form, and the decoder restores prev from the previous hash', async () => {
    const record = await fullRecord();
    const xml = encodeRecord(record, { form: 'packed' });
    expect(xml).toContain('encoding="deflate-raw+base64"');
    const decoded = decodeOk(xml);
    expect(decoded.form).toBe('packed');
    expect(decoded.record).toEqual(record);
    expect(await verifyChain(decoded.record, { anchor: decoded.anchor })).toEqual({ ok: true });
  });

  it('escapes markup-like text so that it survives the XML untouched', async () => {
    const record = await fullRecord();
    const events = structuredClone(record.events);
    const tricky = 'a < b && c > d ]]> "q" \'s\' <script>alert(1)</script> \u0001 \ufffe';
    (events[10]!.data as { text: string }).text = tricky;
    events[10]!.actor = 'Nguyễn "Văn" <An> & Co';
    events[10]!.hash = await computeEventHash(events[10]!);
    const modified: ProvenanceRecord = { ...record, events: events.slice(0, 11) };
    for (const form of ['plain', 'packed'] as const) {
      const decoded = decodeOk(encodeRecord(modified, { form }));
      expect(decoded.record).toEqual(modified);
    }
  });

  it('chooses the plain form for small records and the packed form above the threshold', async () => {
    const small = await fullRecord();
    expect(decodeOk(encodeRecord(small)).form).toBe('plain');
    const large = await realisticRecord({ passages: 120, verifyAll: true, seed: 7 });
    expect(utf8Length(encodeRecord(large, { form: 'plain' }))).toBeGreaterThan(PLAIN_FORM_MAX_BYTES);
    const decoded = decodeOk(encodeRecord(large));
    expect(decoded.form).toBe('packed');
    expect(decoded.record).toEqual(large);
  });

  it('keeps a realistic record of 500 passages (~5 claims each, all verified) under 1 MB', async () => {
    const record = await realisticRecord({ passages: 500, verifyAll: true });
    const claims = foldRecord(record).totals.claims;
    expect(claims / 500).toBeGreaterThanOrEqual(4);
    const xml = encodeRecord(record);
    const bytes = utf8Length(xml);
    expect(bytes).toBeLessThan(CUSTOM_XML_PART_LIMIT_BYTES);
    expect(new TextEncoder().encode(xml).length).toBe(bytes);
    const decoded = decodeOk(xml);
    expect(decoded.record.events).toHaveLength(record.events.length);
    expect(await verifyChain(decoded.record, { anchor: decoded.anchor })).toEqual({ ok: true });
  }, 60_000);

  it('detects, through the anchor, an <event> element deleted from the end of the XML', async () => {
    const record = await fullRecord();
    const xml = encodeRecord(record, { form: 'plain' });
    const cut = xml.replace(/\n<event [^>]*type="signed-off"[^>]*>[^<]*<\/event>/, '');
    expect(cut.length).toBeLessThan(xml.length);
    const decoded = decodeOk(cut);
    expect(await verifyChain(decoded.record)).toEqual({ ok: true });
    expect(await verifyChain(decoded.record, { anchor: decoded.anchor })).toMatchObject({ ok: false, brokenAt: record.events.length - 1 });
  });

  it('detects an edited data text in the XML through the chain', async () => {
    const record = await fullRecord();
    const xml = encodeRecord(record, { form: 'plain' }).replace('Niên giám thống kê 2025', 'Niên giám thống kê 2024');
    const decoded = decodeOk(xml);
    expect(await verifyChain(decoded.record)).toMatchObject({ ok: false, brokenAt: 3 });
  });
});

describe('decodeRecord refusals', () => {
  const header = (attrs: string, ns = RECORD_NAMESPACE) => `<?xml version="1.0"?><record xmlns="${ns}" ${attrs}>`;

  it('reports a newer major version instead of reading it', async () => {
    const xml = encodeRecord(await fullRecord()).replace(`schemaVersion="${SCHEMA_VERSION}"`, 'schemaVersion="2.0"');
    const result = expectFailure(xml, 'newer-version');
    if (!result.ok) expect(result.message.vi).toContain('2.0');
    expectFailure(`${header('schemaVersion="2.3" documentId="x"', 'urn:aiprov:provenance:2')}<anything/></record>`, 'newer-version');
  });

  it('reports a part in another namespace', () => {
    expectFailure('<record xmlns="urn:other" schemaVersion="1.0"/>', 'wrong-namespace');
    expectFailure('<record schemaVersion="1.0"/>', 'wrong-namespace');
    expect(isRecordNamespace(RECORD_NAMESPACE)).toBe(true);
    expect(isRecordNamespace('urn:aiprov:provenance:2')).toBe(true);
    expect(isRecordNamespace('http://schemas.openxmlformats.org/officeDocument/2006/bibliography')).toBe(false);
  });

  it.each([
    ['not XML at all', 'this is not xml'],
    ['unclosed tags', `<record xmlns="${RECORD_NAMESPACE}" schemaVersion="1.0"><event>`],
    ['an empty string', ''],
    ['a missing version', `<record xmlns="${RECORD_NAMESPACE}" documentId="${DOCUMENT_ID}"/>`],
    ['a bad documentId', `<record xmlns="${RECORD_NAMESPACE}" schemaVersion="1.0" documentId="42"/>`],
    ['an unknown child element', `<record xmlns="${RECORD_NAMESPACE}" schemaVersion="1.0" documentId="${DOCUMENT_ID}"><note/></record>`],
    ['an event without attributes', `<record xmlns="${RECORD_NAMESPACE}" schemaVersion="1.0" documentId="${DOCUMENT_ID}"><event>{}</event></record>`],
    ['a wrong root element', `<journal xmlns="${RECORD_NAMESPACE}" schemaVersion="1.0" documentId="${DOCUMENT_ID}"/>`],
    ['packed data that is not deflate', `<record xmlns="${RECORD_NAMESPACE}" schemaVersion="1.0" documentId="${DOCUMENT_ID}"><events encoding="deflate-raw+base64" format="json-array" bytes="10">AAAA</events></record>`],
  ])('reports %s as malformed, never throwing', (_label, xml) => {
    expect(() => decodeRecord(xml)).not.toThrow();
    expectFailure(xml, 'malformed');
  });

  it('reports an event whose data breaks its schema, and an unknown type in a 1.0 record', async () => {
    const xml = encodeRecord(await fullRecord(), { form: 'plain' });
    expectFailure(xml.replace('"editRatio":', '"editRatio":7,"x":'), 'malformed');
    expectFailure(xml.replace('type="level-declared"', 'type="level-guessed"'), 'malformed');
    expectFailure(xml.replace(/seq="3"/, 'seq="three"'), 'malformed');
  });

  it('reads a newer minor version: unknown event types and fields are kept, counted and chain-verified', async () => {
    const record = structuredClone(await fullRecord());
    record.schemaVersion = `1.${SCHEMA_MINOR + 1}`;
    const last = record.events.at(-1)!;
    const unknown = { seq: record.events.length, type: 'ai-watermark-checked', at: last.at, actor: 'system', prev: last.hash, data: { detector: 'x', score: 0.2 } };
    record.events.push({ ...unknown, hash: await computeEventHash(unknown) });
    const future = record.events[1]!;
    (future.data as Record<string, unknown>).reason = 'field added in 1.1';
    future.hash = await computeEventHash(future);
    for (let i = 2; i < record.events.length; i++) {
      record.events[i]!.prev = record.events[i - 1]!.hash;
      record.events[i]!.hash = await computeEventHash(record.events[i]!);
    }
    for (const form of ['plain', 'packed'] as const) {
      const decoded = decodeOk(encodeRecord(record, { form }));
      expect(decoded.unknownEvents).toBe(1);
      expect(decoded.record).toEqual(record);
      expect(await verifyChain(decoded.record, { anchor: decoded.anchor })).toEqual({ ok: true });
      const state = foldRecord(decoded.record);
      expect(state.unknownEvents).toBe(1);
      expect(state.signOffs[0]!.current).toBe(false);
    }
    // The same content claiming to be this version is refused: it knows every type and field it may hold.
    expectFailure(encodeRecord({ ...record, schemaVersion: SCHEMA_VERSION }), 'malformed');
  });
});
