// A short fingerprint of a passage's text, stored with the passage so that a passage whose content
// control lost its tag (LibreOffice drops w:tag) can be bound again by its title and its text.
//
// It is a 64-bit SimHash over word trigrams of the normalised text (NFC, lower case, letters and
// digits only, single spaces), written as 16 hex digits. Similar texts give fingerprints a few bits
// apart, so small edits made since the last save still match; unrelated texts differ in about half
// of the 64 bits. It identifies, it does not protect: the exact text is bound by its SHA-256.

export function normaliseForFingerprint(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/**
 * Per UTF-16 unit below 0x10000 outside surrogates: 1 when it is a letter or digit (\p{L}\p{N}),
 * 2 when not, 0 not yet known. Filled lazily, once per thread.
 */
const unitClass = new Uint8Array(0x10000);

function isLetterOrDigitUnit(code: number): boolean {
  let known = unitClass[code]!;
  if (known === 0) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 2;
    unitClass[code] = known;
  }
  return known === 1;
}

/**
 * The words of the normalised text (NFC, lower case, runs of letters and digits), found in one pass:
 * `starts[i]`..`ends[i]` index into the returned `text`. Same words as splitting
 * normaliseForFingerprint's result on spaces.
 */
function wordsOf(input: string): { text: string; starts: number[]; ends: number[] } {
  // toLowerCase equals toLocaleLowerCase('vi'): only Lithuanian, Turkish and Azeri have their own rules.
  const text = input.normalize('NFC').toLowerCase();
  const starts: number[] = [];
  const ends: number[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let inWord: boolean;
    let width = 1;
    if (code < 0x80) inWord = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      inWord = LETTER_OR_DIGIT.test(text.slice(i, i + 2));
      width = 2;
    } else if (code >= 0xd800 && code <= 0xdfff) inWord = false;
    else inWord = isLetterOrDigitUnit(code);
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      starts.push(start);
      ends.push(i);
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) {
    starts.push(start);
    ends.push(text.length);
  }
  return { text, starts, ends };
}

const HIGH_SEED = 0x811c9dc5;
const LOW_SEED = 0x01000193 ^ 0x5bd1e995;

/**
 * The votes as bit-sliced counters, one per bit of each 32-bit half: plane p holds bit p of every
 * bit's count of ones, so adding a hash is a short ripple carry over the planes instead of 32 adds.
 * 34 planes count past any string's length.
 */
const highPlanes = new Int32Array(34);
const lowPlanes = new Int32Array(34);
const PLANE_WEIGHT = Float64Array.from({ length: 34 }, (_, p) => 2 ** p);

export function passageFingerprint(input: string): string {
  // issue 14/15 — performance: the words are found in one pass over the normalised text (no regex, no
  // split), each trigram is hashed word by word with both seeds at once (the same FNV-1a over "a b c"
  // as over the joined string), and the ones of each bit are counted bit-sliced. Same fingerprints as the plain
  // form (tests/provenance/fingerprint-speed.test.ts keeps it as the reference).
  const { text, starts, ends } = wordsOf(input);
  const count = starts.length;
  const span = count < 3 ? count : 3;
  const features = count < 3 ? 1 : count - 2;
  highPlanes.fill(0);
  lowPlanes.fill(0);
  let used = 0;
  for (let i = 0; i < features; i++) {
    let high = HIGH_SEED >>> 0;
    let low = LOW_SEED >>> 0;
    for (let w = i; w < i + span; w++) {
      if (w > i) {
        high = Math.imul(high ^ 0x20, 0x01000193);
        low = Math.imul(low ^ 0x20, 0x01000193);
      }
      for (let c = starts[w]!, end = ends[w]!; c < end; c++) {
        const code = text.charCodeAt(c);
        high = Math.imul(high ^ code, 0x01000193);
        low = Math.imul(low ^ code, 0x01000193);
      }
    }
    let carry = finish(high) | 0;
    let p = 0;
    for (; carry !== 0; p++) {
      const next = highPlanes[p]! & carry;
      highPlanes[p]! ^= carry;
      carry = next;
    }
    if (p > used) used = p;
    carry = finish(low) | 0;
    for (p = 0; carry !== 0; p++) {
      const next = lowPlanes[p]! & carry;
      lowPlanes[p]! ^= carry;
      carry = next;
    }
    if (p > used) used = p;
  }
  // A bit is set when more features have it than not (votes of +1 / -1 summing above zero).
  let high = 0;
  let low = 0;
  const half = features / 2;
  for (let bit = 0; bit < 32; bit++) {
    let h = 0;
    let l = 0;
    for (let p = 0; p < used; p++) {
      const weight = PLANE_WEIGHT[p]!;
      h += ((highPlanes[p]! >>> bit) & 1) * weight;
      l += ((lowPlanes[p]! >>> bit) & 1) * weight;
    }
    if (h > half) high |= 1 << bit;
    if (l > half) low |= 1 << bit;
  }
  return (high >>> 0).toString(16).padStart(8, '0') + (low >>> 0).toString(16).padStart(8, '0');
}

/** Number of differing bits (0–64) between two fingerprints. */
export function fingerprintDistance(a: string, b: string): number {
  let distance = 0;
  for (let i = 0; i < 16; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x) {
      x &= x - 1;
      distance++;
    }
  }
  return distance;
}

/** Default distance under which a text is taken to be the fingerprinted passage. */
export const FINGERPRINT_MATCH_DISTANCE = 12;

export function fingerprintMatches(fingerprint: string, text: string, maxDistance = FINGERPRINT_MATCH_DISTANCE): boolean {
  return fingerprintDistance(fingerprint, passageFingerprint(text)) <= maxDistance;
}

/** The MurmurHash3 finaliser. */
function finish(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
