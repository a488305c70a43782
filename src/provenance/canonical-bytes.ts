// issue 14 — performance: is a stored JSON text, as UTF-8 bytes, already the canonical form
// (canonical.ts: JSON.stringify with object keys in sorted order)? Checked in one pass over the bytes,
// with no string built, instead of JSON.stringify of each parsed event and a comparison (≈ 13 ms and
// 2.4 MB of garbage on the 500-passage record). It only accepts what canonicalJson would write
// byte for byte, and refuses anything else — a refusal only costs the slower path (the form rebuilt and
// hashed), so it refuses whatever is rare or subtle rather than handle it:
//   - no white space; literals true, false, null;
//   - numbers as JSON.stringify writes them (String(Number(text)) === text: no "1.0", "-0", "1e5");
//   - strings with raw characters except the ones JSON.stringify escapes, and only the escapes it
//     writes: \" \\ \b \f \n \r \t and \u00xx (lower-case hex) for the other control characters; any
//     other escape (\/, \u00e9, a lone surrogate's \udxxx) is refused;
//   - object keys in strictly increasing order (so no duplicate key), ASCII without escapes (then
//     byte order is the UTF-16 code-unit order Array#sort uses); any other key is refused.
// The bytes must be valid UTF-8 (the caller decoded them strictly first) and valid JSON (it parsed them).

import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE } from './canonical';

const COLON = 0x3a;
const MAX_DEPTH = 64;

/** Escapes JSON.stringify writes as two characters, by the byte after the backslash. */
const SHORT_ESCAPE = new Uint8Array(128);
for (const c of '"\\bfnrt') SHORT_ESCAPE[c.charCodeAt(0)] = 1;
/** Control characters JSON.stringify writes as \b \f \n \r \t (never as \u00xx). */
const HAS_SHORT_FORM = new Uint8Array(32);
for (const code of [0x08, 0x0c, 0x0a, 0x0d, 0x09]) HAS_SHORT_FORM[code] = 1;
const NUMBER_BYTE = new Uint8Array(128);
for (const c of '-+.eE0123456789') NUMBER_BYTE[c.charCodeAt(0)] = 1;

/**
 * Where the canonical JSON value starting at `start` ends (the index after it), or -1 when the bytes
 * there are not exactly canonicalJson of the value they parse to. `bytes` must be text JSON.parse
 * accepted (then no raw control character is inside a string, which this check does not look for).
 * Give the same `CanonicalScan` for successive values of one text: it remembers where the next quote
 * and backslash are, so each string is found by two native byte searches instead of a loop in script.
 */
export function canonicalValueEnd(bytes: Uint8Array, start: number, scan: CanonicalScan = new CanonicalScan(bytes)): number {
  if (scan.bytes !== bytes) throw new Error('canonicalValueEnd: the scan belongs to other bytes');
  scan.topHashKey = -1;
  return value(scan, start, 0);
}

/** Search positions kept across the values of one text (see canonicalValueEnd). */
export class CanonicalScan {
  nextQuote = -1;
  nextBackslash = -1;
  /**
   * issue 14 — performance: where the outermost object's `"hash"` key starts (its opening quote), -1
   * when it has none. Set by each value scanned, so the reader finds the member it rewrites without a
   * second look at the event's bytes.
   */
  topHashKey = -1;
  constructor(readonly bytes: Uint8Array) {}

  quoteFrom(at: number): number {
    if (this.nextQuote < at && this.nextQuote !== Infinity) {
      const found = this.bytes.indexOf(QUOTE, at);
      this.nextQuote = found < 0 ? Infinity : found;
    }
    return this.nextQuote;
  }

  backslashFrom(at: number): number {
    if (this.nextBackslash < at && this.nextBackslash !== Infinity) {
      const found = this.bytes.indexOf(BACKSLASH, at);
      this.nextBackslash = found < 0 ? Infinity : found;
    }
    return this.nextBackslash;
  }
}

function value(scan: CanonicalScan, at: number, depth: number): number {
  const bytes = scan.bytes;
  if (at >= bytes.length) return -1;
  const byte = bytes[at]!;
  if (byte === QUOTE) return string(scan, at);
  if (byte === OPEN_BRACE) return depth < MAX_DEPTH ? object(scan, at, depth + 1) : -1;
  if (byte === OPEN_BRACKET) return depth < MAX_DEPTH ? array(scan, at, depth + 1) : -1;
  if (byte === 0x74 /* t */) return literal(bytes, at, 'true');
  if (byte === 0x66 /* f */) return literal(bytes, at, 'false');
  if (byte === 0x6e /* n */) return literal(bytes, at, 'null');
  return number(bytes, at);
}

function literal(bytes: Uint8Array, at: number, word: string): number {
  for (let k = 0; k < word.length; k++) if (bytes[at + k] !== word.charCodeAt(k)) return -1;
  return at + word.length;
}

function number(bytes: Uint8Array, at: number): number {
  let end = at;
  while (end < bytes.length && bytes[end]! < 128 && NUMBER_BYTE[bytes[end]!]) end++;
  if (end === at) return -1;
  // A small non-negative integer (seq, offsets): canonical when it has no leading zero.
  if (end - at <= 15) {
    let digits = true;
    for (let k = at; k < end; k++) if (bytes[k]! < 0x30 || bytes[k]! > 0x39) digits = false;
    if (digits) return bytes[at] !== 0x30 || end - at === 1 ? end : -1;
  }
  let text = '';
  for (let k = at; k < end; k++) text += String.fromCharCode(bytes[k]!);
  // Only the characters of a number, and exactly what JSON.stringify writes for its value (which is
  // always valid JSON): that also rules out "01", "1.", "+1", "1e5" and the like.
  return String(Number(text)) === text ? end : -1;
}

/** The index after the closing quote of the string at `at`, or -1. */
function string(scan: CanonicalScan, at: number): number {
  const bytes = scan.bytes;
  let from = at + 1;
  for (;;) {
    const quote = scan.quoteFrom(from);
    if (quote === Infinity) return -1;
    const backslash = scan.backslashFrom(from);
    if (backslash > quote) return quote + 1;
    const next = bytes[backslash + 1] ?? 0;
    if (next < 128 && SHORT_ESCAPE[next]) {
      from = backslash + 2;
      continue;
    }
    // \u00xx, lower-case hex, only for a control character without a short form.
    if (next !== 0x75 /* u */ || bytes[backslash + 2] !== 0x30 || bytes[backslash + 3] !== 0x30) return -1;
    const high = bytes[backslash + 4]!;
    const low = bytes[backslash + 5]!;
    const lowValue = low >= 0x30 && low <= 0x39 ? low - 0x30 : low >= 0x61 && low <= 0x66 ? low - 0x61 + 10 : -1;
    if ((high !== 0x30 && high !== 0x31) || lowValue < 0) return -1;
    if (HAS_SHORT_FORM[(high - 0x30) * 16 + lowValue]) return -1;
    from = backslash + 6;
  }
}

function array(scan: CanonicalScan, at: number, depth: number): number {
  const bytes = scan.bytes;
  let i = at + 1;
  if (bytes[i] === CLOSE_BRACKET) return i + 1;
  for (;;) {
    i = value(scan, i, depth);
    if (i < 0) return -1;
    const byte = bytes[i];
    if (byte === CLOSE_BRACKET) return i + 1;
    if (byte !== COMMA) return -1;
    i++;
  }
}

function object(scan: CanonicalScan, at: number, depth: number): number {
  const bytes = scan.bytes;
  let i = at + 1;
  if (bytes[i] === CLOSE_BRACE) return i + 1;
  let previousStart = -1;
  let previousEnd = -1;
  for (;;) {
    if (bytes[i] !== QUOTE) return -1;
    const keyStart = i + 1;
    let keyEnd = keyStart;
    // A plain ASCII key: no escape, no control character, no byte of a multi-byte character.
    for (;;) {
      const byte = bytes[keyEnd];
      if (byte === undefined || byte === BACKSLASH || byte < 0x20 || byte >= 0x80) return -1;
      if (byte === QUOTE) break;
      keyEnd++;
    }
    if (previousStart >= 0 && !keyAfter(bytes, previousStart, previousEnd, keyStart, keyEnd)) return -1;
    if (depth === 1 && keyEnd - keyStart === 4 && bytes[keyStart] === 0x68 && bytes[keyStart + 1] === 0x61 && bytes[keyStart + 2] === 0x73 && bytes[keyStart + 3] === 0x68) {
      scan.topHashKey = keyStart - 1; // "hash"
    }
    previousStart = keyStart;
    previousEnd = keyEnd;
    i = keyEnd + 1;
    if (bytes[i] !== COLON) return -1;
    i = value(scan, i + 1, depth);
    if (i < 0) return -1;
    const byte = bytes[i];
    if (byte === CLOSE_BRACE) return i + 1;
    if (byte !== COMMA) return -1;
    i++;
  }
}

/** True when key [bStart, bEnd) sorts strictly after key [aStart, aEnd) (bytes compared as code units). */
function keyAfter(bytes: Uint8Array, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  const aLength = aEnd - aStart;
  const bLength = bEnd - bStart;
  const common = aLength < bLength ? aLength : bLength;
  for (let k = 0; k < common; k++) {
    const a = bytes[aStart + k]!;
    const b = bytes[bStart + k]!;
    if (a !== b) return b > a;
  }
  return bLength > aLength;
}
