// The record as the custom XML part stored in the .docx.
//
// Two forms, both under <record xmlns="urn:aiprov:provenance:1" schemaVersion documentId eventCount headHash>:
//
// - plain:  one <event seq type at actor prev hash> element per event, its data as canonical JSON
//           text. Readable with any unzip + text editor; used while the XML stays small.
// - packed: one <events encoding="deflate-raw+base64" format="json-array" bytes="N"> element whose
//           text is the base64 of the raw-deflated UTF-8 JSON array of the events (canonical JSON,
//           without `prev`, which is the previous event's hash and is restored on reading).
//
// Why two: Word on the web refuses custom XML parts over 1 MB and a realistic record of 500 passages
// does not fit in plain form. Per event it holds two 64-hex hashes (~150 bytes with attribute
// names), a 600–900-character Vietnamese passage (~1.1 KB of UTF-8), its claims, and five
// verification events of ~450 bytes each: about 2.6 MB plain, whatever the element layout
// (structured children would only add tag names). Deflate removes the repetition (field names,
// `prev` repeating the previous hash, passage ids repeated by every verification, Vietnamese
// syllables), which brings it under 1 MB even after base64. The encoder writes plain while the
// plain XML is at most PLAIN_FORM_MAX_BYTES (leaving room for hosts that re-escape quotes in text),
// packed above; the decoder reads both.
//
// The root's eventCount/headHash anchor the chain's end: verifyChain(record, { anchor }) then also
// detects events cut from the tail. The decoder never repairs anything: a malformed record, one of a
// newer major version or one in another namespace is reported (never thrown), so the caller can
// leave the part's bytes untouched.
import { DOMParser, XMLSerializer, type Element as XmlElement } from '@xmldom/xmldom';
import { deflateSync } from 'fflate';
import type { Bilingual } from '../checks/types';
import { canonicalJson, isAlreadyCanonical } from './canonical';
import { chainAnchor, type ChainAnchor } from './chain';
import { GENESIS_HASH, isSha256Hex } from './hash';
import { CanonicalScan, canonicalValueEnd } from './canonical-bytes';
import { decodeUtf8Strict, fromBase64, inflateRawExactly } from './native';
import {
  SCHEMA_MAJOR,
  parseSchemaVersion,
  validateEvents,
  type ProvenanceEvent,
  type ProvenanceRecord,
} from './schema';
import { bilingual } from '../i18n';

export const RECORD_NAMESPACE = 'urn:aiprov:provenance:1';
/** Every major version's namespace starts with this (…:2 for a future 2.x). */
export const RECORD_NAMESPACE_PREFIX = 'urn:aiprov:provenance:';
export const PLAIN_FORM_MAX_BYTES = 512 * 1024;
/** Word on the web's limit for one custom XML part. */
export const CUSTOM_XML_PART_LIMIT_BYTES = 1024 * 1024;
const PACKED_ENCODING = 'deflate-raw+base64';
const PACKED_FORMAT = 'json-array';
/** A packed record inflating beyond this is refused (a deflate bomb, not a document). */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
// issue 16 — gate: a record holding more events than any document needs (500 passages, each verified
// five times, are ~3,000) is refused before it is parsed, so reading it stays well under 5 s.
export const MAX_RECORD_EVENTS = 20_000;

export type RecordForm = 'auto' | 'plain' | 'packed';

export type DecodeErrorCode = 'malformed' | 'newer-version' | 'wrong-namespace';
export type DecodeResult =
  | {
      ok: true;
      record: ProvenanceRecord;
      /** The form the XML was in. */
      form: 'plain' | 'packed';
      /** Events of types this version does not know (only possible in a newer minor version). */
      unknownEvents: number;
      /** The writer's anchor, to pass to verifyChain; undefined when the XML carried none. */
      anchor?: ChainAnchor;
    }
  | { ok: false; code: DecodeErrorCode; message: Bilingual };

/** True when this namespace is one of ours, whatever the major version (for finding the part). */
export function isRecordNamespace(namespace: string | null | undefined): boolean {
  return !!namespace && namespace.startsWith(RECORD_NAMESPACE_PREFIX);
}

/** UTF-8 size of a string, without allocating the bytes. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function encodeRecord(record: ProvenanceRecord, options: { form?: RecordForm } = {}): string {
  const form = options.form ?? 'auto';
  if (form === 'packed') return writeXml(record, 'packed');
  const plain = writeXml(record, 'plain');
  if (form === 'plain' || utf8Length(plain) <= PLAIN_FORM_MAX_BYTES) return plain;
  return writeXml(record, 'packed');
}

/** JSON text safe inside XML 1.0: U+FFFE/U+FFFF are not XML characters, so they travel escaped. */
function xmlSafeJson(value: unknown): string {
  return canonicalJson(value).replace(/[\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

function writeXml(record: ProvenanceRecord, form: 'plain' | 'packed'): string {
  const doc = new DOMParser().parseFromString(`<record xmlns="${RECORD_NAMESPACE}"/>`, 'application/xml');
  const root = doc.documentElement!;
  root.setAttribute('schemaVersion', record.schemaVersion);
  root.setAttribute('documentId', record.documentId);
  const anchor = chainAnchor(record);
  root.setAttribute('eventCount', String(record.events.length));
  if (anchor) root.setAttribute('headHash', anchor.headHash);
  if (form === 'plain') {
    for (const event of record.events) {
      const element = doc.createElementNS(RECORD_NAMESPACE, 'event');
      element.setAttribute('seq', String(event.seq));
      element.setAttribute('type', event.type);
      element.setAttribute('at', event.at);
      element.setAttribute('actor', event.actor);
      element.setAttribute('prev', event.prev);
      element.setAttribute('hash', event.hash);
      element.appendChild(doc.createTextNode(xmlSafeJson(event.data)));
      root.appendChild(doc.createTextNode('\n'));
      root.appendChild(element);
    }
    root.appendChild(doc.createTextNode('\n'));
  } else {
    // `prev` is left out: it is always the previous event's hash, restored on reading (and still
    // covered by each event's hash, so a removed or inserted event is detected all the same).
    const json = `[${record.events.map(({ prev: _prev, ...event }) => xmlSafeJson(event)).join(',\n')}]`;
    const raw = new TextEncoder().encode(json);
    const element = doc.createElementNS(RECORD_NAMESPACE, 'events');
    element.setAttribute('encoding', PACKED_ENCODING);
    element.setAttribute('format', PACKED_FORMAT);
    element.setAttribute('bytes', String(raw.length));
    element.appendChild(doc.createTextNode(toBase64(deflateSync(raw, { level: 9, mem: 12 }))));
    root.appendChild(element);
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${new XMLSerializer().serializeToString(doc)}`;
}

const decodeMessages = {
  notXml: (detail: string): Bilingual => bilingual('codec.notXml', { detail }),
  wrongNamespace: (found: string): Bilingual => bilingual('codec.wrongNamespace', { found }),
  newer: (version: string): Bilingual => bilingual('codec.newer', { version, major: SCHEMA_MAJOR }),
  tooManyEvents: (limit: number): Bilingual => bilingual('codec.tooManyEvents', { limit }),
  malformed: (detail: string): Bilingual => bilingual('codec.malformed', { detail }),
};

class Malformed extends Error {}

function fail(code: DecodeErrorCode, message: Bilingual): { result: DecodeResult } {
  return { result: { ok: false, code, message } };
}

/**
 * Elements in the XML, counted without parsing (one linear pass): in plain form one per event, so a
 * record past the limit is refused before the DOM parser builds it.
 */
function elementCountExceeds(xml: string, limit: number): boolean {
  let count = 0;
  for (let at = xml.indexOf('<'); at !== -1; at = xml.indexOf('<', at + 1)) {
    const next = xml.charCodeAt(at + 1);
    if (next !== 0x2f /* / */ && next !== 0x3f /* ? */ && next !== 0x21 /* ! */ && ++count > limit) return true;
  }
  return false;
}

export function decodeRecord(xml: string): DecodeResult {
  return decodeRecordForms(xml).result;
}

/**
 * decodeRecord, plus for each event of a packed record the bytes its hash should cover, cut from the
 * stored text (`candidates`, for verifyChainWithForms; undefined where the text is not in the form
 * this codec writes). Internal to the provenance layer: read.ts pairs it with the chain check.
 */
export function decodeRecordForms(xml: string): { result: DecodeResult; candidates?: Array<Uint8Array | undefined> } {
  // The root, plus one element per event.
  if (elementCountExceeds(xml, MAX_RECORD_EVENTS + 1)) return fail('malformed', decodeMessages.tooManyEvents(MAX_RECORD_EVENTS));
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(xml, 'application/xml');
  } catch (error) {
    return fail('malformed', decodeMessages.notXml(firstLine(error)));
  }
  const root = doc.documentElement;
  if (!root) return fail('malformed', decodeMessages.notXml('no root element'));
  const namespace = root.namespaceURI ?? '';
  if (!isRecordNamespace(namespace)) return fail('wrong-namespace', decodeMessages.wrongNamespace(namespace));

  const version = root.getAttribute('schemaVersion') ?? '';
  const parsedVersion = parseSchemaVersion(version);
  const namespaceMajor = Number(namespace.slice(RECORD_NAMESPACE_PREFIX.length));
  if ((parsedVersion && parsedVersion.major > SCHEMA_MAJOR) || (Number.isInteger(namespaceMajor) && namespaceMajor > SCHEMA_MAJOR)) {
    return fail('newer-version', decodeMessages.newer(version || namespace));
  }
  try {
    if (namespace !== RECORD_NAMESPACE) throw new Malformed(`unknown namespace ${namespace}`);
    if (root.localName !== 'record') throw new Malformed(`root element is <${root.localName}>, expected <record>`);
    if (!parsedVersion || parsedVersion.major !== SCHEMA_MAJOR) throw new Malformed(`unsupported schemaVersion "${version}"`);
    const documentId = root.getAttribute('documentId') ?? '';
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(documentId)) {
      throw new Malformed('documentId is not a UUID');
    }
    const children = elementChildren(root);
    const packed = children.length === 1 && children[0]!.localName === 'events';
    const read = packed ? readPacked(children[0]!) : { events: children.map(readPlainEvent) };
    const events = read.events;
    if (events.length > MAX_RECORD_EVENTS) return fail('malformed', decodeMessages.tooManyEvents(MAX_RECORD_EVENTS));

    const checked = validateEvents(events, parsedVersion.minor);
    if (!checked.ok) throw new Malformed(`event ${checked.index}: ${checked.issue}`);
    const { unknownEvents } = checked;
    const anchor = readAnchor(root);
    const record: ProvenanceRecord = { schemaVersion: version, documentId, events: events as ProvenanceEvent[] };
    return {
      result: { ok: true, record, form: packed ? 'packed' : 'plain', unknownEvents, ...(anchor ? { anchor } : {}) },
      ...(read.candidates ? { candidates: read.candidates } : {}),
    };
  } catch (error) {
    if (error instanceof Malformed) return fail('malformed', decodeMessages.malformed(error.message));
    return fail('malformed', decodeMessages.malformed(firstLine(error)));
  }
}

function elementChildren(parent: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) {
      const element = node as XmlElement;
      if (element.namespaceURI !== RECORD_NAMESPACE) throw new Malformed(`element <${element.nodeName}> in a foreign namespace`);
      out.push(element);
    } else if (node.nodeType === 3 && (node.nodeValue ?? '').trim() !== '') {
      throw new Malformed('text outside <event> elements');
    }
  }
  return out;
}

function readPlainEvent(element: XmlElement, index: number): unknown {
  if (element.localName !== 'event') throw new Malformed(`unexpected element <${element.localName}> at position ${index}`);
  const attr = (name: string): string => {
    const value = element.getAttribute(name);
    if (value === null) throw new Malformed(`event ${index} has no ${name} attribute`);
    return value;
  };
  const seqText = attr('seq');
  if (!/^(0|[1-9]\d{0,8})$/.test(seqText)) throw new Malformed(`event ${index}: seq "${seqText}" is not a number`);
  let data: unknown;
  try {
    data = JSON.parse(element.textContent ?? '');
  } catch {
    throw new Malformed(`event ${index}: data is not JSON`);
  }
  return { seq: Number(seqText), type: attr('type'), at: attr('at'), actor: attr('actor'), prev: attr('prev'), hash: attr('hash'), data };
}

function readPacked(element: XmlElement): { events: unknown[]; candidates?: Array<Uint8Array | undefined> } {
  if (element.getAttribute('encoding') !== PACKED_ENCODING || element.getAttribute('format') !== PACKED_FORMAT) {
    throw new Malformed(`unsupported packed encoding "${element.getAttribute('encoding')}"`);
  }
  const declared = Number(element.getAttribute('bytes'));
  if (!Number.isInteger(declared) || declared < 2 || declared > MAX_INFLATED_BYTES) throw new Malformed('packed size is missing or too large');
  let json: string;
  let raw: Uint8Array;
  try {
    const compressed = fromBase64(element.textContent ?? '');
    raw = inflateRawExactly(compressed, declared);
    json = decodeUtf8Strict(raw);
  } catch {
    throw new Malformed('packed events cannot be decompressed');
  }
  let events: unknown;
  try {
    events = JSON.parse(json);
  } catch {
    throw new Malformed('packed events are not JSON');
  }
  if (!Array.isArray(events)) throw new Malformed('packed events are not a list');
  // Before prev is put back: the lines as stored.
  const lines = storedLinesOfBytes(raw, events) ?? storedLines(json, raw, events);
  let previousHash = GENESIS_HASH;
  for (const event of events as Array<Record<string, unknown>>) {
    if (event === null || typeof event !== 'object' || Array.isArray(event)) throw new Malformed('a packed event is not an object');
    if (!('prev' in event)) event.prev = previousHash;
    previousHash = typeof event.hash === 'string' ? event.hash : '';
  }
  return lines ? { events, candidates: hashedForms(lines, events as Array<Record<string, unknown>>, raw) } : { events };
}

// issue 14 — performance: the packed text as this codec writes it — "[", the events' JSON joined by
// ",\n", "]" — is checked to be exactly that, event by event (JSON.stringify of each parsed event), so
// each event's stored bytes are known and its hash need not be computed over a rebuilt canonical form.
// (One JSON.parse of the whole text then one stringify per event measured ≈ 2× faster than parsing
// the lines one by one.)
interface PackedLines {
  /** Per event: where its bytes end in the inflated text (before the "," or "]"). */
  byteEnds: number[];
  /** Per event: its stored text is canonicalJson of the event as parsed (sorted keys, no prev). */
  canonical: boolean[];
  /** Per event: where its top-level `"hash"` key starts in the inflated bytes (-1: not found). */
  hashKeys: number[];
}

/**
 * The layout of the stored bytes when every line is already canonical (canonical-bytes.ts: one pass
 * over the bytes, no string built; `raw` is the text JSON.parse has just accepted), or undefined — then storedLines below looks at it line by line.
 */
function storedLinesOfBytes(raw: Uint8Array, events: unknown[]): PackedLines | undefined {
  if (events.length === 0 || raw[0] !== 0x5b /* [ */) return undefined;
  const last = events.length - 1;
  const byteEnds: number[] = new Array(events.length);
  const canonical: boolean[] = new Array(events.length);
  const hashKeys: number[] = new Array(events.length);
  let at = 1;
  const scan = new CanonicalScan(raw);
  try {
    for (let i = 0; i <= last; i++) {
      if (raw[at] !== 0x7b /* { */) return undefined;
      const end = canonicalValueEnd(raw, at, scan);
      if (end < 0) return undefined;
      byteEnds[i] = end;
      hashKeys[i] = scan.topHashKey;
      if (i === last) {
        if (raw[end] !== 0x5d /* ] */ || end + 1 !== raw.length) return undefined;
      } else if (raw[end] !== 0x2c /* , */ || raw[end + 1] !== 0x0a /* \n */) return undefined;
      at = end + 2;
      canonical[i] = !Object.prototype.hasOwnProperty.call(events[i], 'prev');
    }
  } catch {
    return undefined; // (a stack too deep for the walk, say): the slower path decides
  }
  return { byteEnds, canonical, hashKeys };
}

/** The layout of the stored text, or undefined when it is not the one this codec writes. */
function storedLines(json: string, raw: Uint8Array, events: unknown[]): PackedLines | undefined {
  // raw[0] too: the decoder drops a byte-order mark, after which the bytes would not line up.
  if (events.length === 0 || json.charCodeAt(0) !== 0x5b /* [ */ || raw[0] !== 0x5b) return undefined;
  const last = events.length - 1;
  const byteEnds: number[] = new Array(events.length);
  const canonical: boolean[] = new Array(events.length);
  const hashKeys: number[] = new Array(events.length);
  const scan = new CanonicalScan(raw);
  let at = 1;
  let newline = -1;
  for (let i = 0; i <= last; i++) {
    const event = events[i];
    if (event === null || typeof event !== 'object' || Array.isArray(event)) return undefined;
    const text = JSON.stringify(event);
    if (!json.startsWith(text, at)) return undefined;
    at += text.length;
    const separator = i === last ? ']' : ',\n';
    if (!json.startsWith(separator, at)) return undefined;
    at += separator.length;
    // A line break is one byte in UTF-8 and never part of another character's bytes.
    newline = i === last ? raw.length : raw.indexOf(0x0a, newline + 1);
    if (newline < 0) return undefined;
    byteEnds[i] = newline - 1;
    // Only a canonical line's bytes are the form its hash covers (a line holding its own prev, or not
    // canonical, from another writer, is hashed from its rebuilt canonical form: same verdict).
    canonical[i] = !Object.prototype.hasOwnProperty.call(event, 'prev') && isAlreadyCanonical(event);
    hashKeys[i] = canonical[i] ? topHashKeyOfLine(raw, i === 0 ? 1 : byteEnds[i - 1]! + 2, byteEnds[i]!, scan) : -1;
  }
  return at === json.length ? { byteEnds, canonical, hashKeys } : undefined;
}

/** The top-level "hash" key of the line at start..end, found by the byte scan; -1 if it refuses the line. */
function topHashKeyOfLine(raw: Uint8Array, start: number, end: number, scan: CanonicalScan): number {
  try {
    return canonicalValueEnd(raw, start, scan) === end ? scan.topHashKey : -1;
  } catch {
    return -1;
  }
}

const PREV_KEY = '"prev":"'; // the same length as '"hash":"'
const HASH_KEY = '"hash":"';
const AFTER_HASH = '","seq":';

/**
 * Per event, its stored bytes with the top-level `"hash":"…"` member (found by the canonical scan)
 * overwritten in place by `"prev":"…"` — the same length, and the place prev takes in key order, since
 * the member is followed by `"seq"` (keys before "hash" sort before "prev", "seq" and any key after it
 * sort after). For a canonical line that is canonicalJson of the line's object with hash replaced by
 * prev, which for an event the schema accepts (exactly seq, type, at, actor, hash, data; decoding
 * fails otherwise) is exactly canonicalJson({actor, at, data, prev, seq, type}) that verifyChain would
 * build and hash. Written into `raw` (already decoded, not read again). Undefined for any other line,
 * which verifyChainWithForms then hashes from its canonical form.
 * issue 14 — performance: the scan already knows where the member is, so each event costs a check of
 * ~80 bytes and no string or array is built (the tail rebuilt and compared per event was ≈ 4 ms).
 */
function hashedForms(lines: PackedLines, events: Array<Record<string, unknown>>, raw: Uint8Array): Array<Uint8Array | undefined> {
  const out: Array<Uint8Array | undefined> = new Array(events.length);
  let start = 1; // after "["
  for (let i = 0; i < events.length; i++) {
    const end = lines.byteEnds[i]!;
    out[i] = hashedForm(raw, start, end, lines.canonical[i]! ? lines.hashKeys[i]! : -1, events[i]!.prev);
    start = end + 2; // after ",\n"
  }
  return out;
}

function hashedForm(raw: Uint8Array, start: number, end: number, key: number, prev: unknown): Uint8Array | undefined {
  if (key < start || typeof prev !== 'string' || !isSha256Hex(prev)) return undefined;
  const value = key + HASH_KEY.length;
  if (value + 64 + AFTER_HASH.length > end) return undefined;
  for (let k = 0; k < HASH_KEY.length; k++) if (raw[key + k] !== HASH_KEY.charCodeAt(k)) return undefined;
  for (let k = 0; k < 64; k++) {
    const c = raw[value + k]!;
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return undefined;
  }
  for (let k = 0; k < AFTER_HASH.length; k++) if (raw[value + 64 + k] !== AFTER_HASH.charCodeAt(k)) return undefined;
  for (let k = 0; k < PREV_KEY.length; k++) raw[key + k] = PREV_KEY.charCodeAt(k);
  for (let k = 0; k < 64; k++) raw[value + k] = prev.charCodeAt(k);
  return raw.subarray(start, end);
}

function readAnchor(root: XmlElement): ChainAnchor | undefined {
  const count = root.getAttribute('eventCount');
  const head = root.getAttribute('headHash');
  if (count === null) return undefined;
  if (!/^\d{1,9}$/.test(count)) throw new Malformed('eventCount is not a number');
  if (count === '0') return undefined;
  if (head === null || !/^[0-9a-f]{64}$/.test(head)) throw new Malformed('headHash is missing or not a SHA-256');
  return { eventCount: Number(count), headHash: head };
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').slice(0, 200);
}

// Base64 through btoa/atob, present in Node 20 and every browser; chunks keep the argument lists short.
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}


