// Normalisation with an offset map back to the caller's original text.
//
// Recognisers work on a normalised copy (NFC, Word's special characters mapped, spaces inside
// document symbols removed) but findings must point into the ORIGINAL text. Every normalised UTF-16
// unit therefore remembers the original range [start, end) it came from. NFC is applied per
// grapheme-like cluster (a base character and its combining marks), so composed output maps to the
// whole decomposed input it replaced.

import { guarded } from './guarded';

export interface Normalised {
  /** The normalised text the recognisers read. */
  text: string;
  /** Original offset where normalised unit `i` begins (i may equal text.length: original end). */
  toOriginal(i: number): number;
  /** Original offset just after normalised unit `i - 1`: use for exclusive span ends. */
  toOriginalEnd(i: number): number;
  /** Original [start, end) of a normalised span [start, end). */
  span(start: number, end: number): { start: number; end: number };
  /** Normalised [start, end) of symbols whose inner spaces were removed (`QĐ- UBND`, `14730 /STC-VP`). */
  squeezed: ReadonlyArray<readonly [number, number]>;
  /** Normalised offsets of letters of another script folded to Latin (a Cyrillic `Т` read as `T`). */
  folded: readonly number[];
  /** True when nothing changed: every offset is its own original offset. */
  identity?: boolean;
}

/** Cyrillic and Greek letters (the look-alikes CHAR_MAP folds come from these blocks). */
const isForeignScript = (code: number): boolean => code >= 0x0370 && code <= 0x04ff;

/** Word and Unicode characters mapped to plain ASCII punctuation; '' means removed. */
const CHAR_MAP: Record<number, string> = {
  0x00ad: '', // soft hyphen
  0x200b: '', // zero-width space
  0x2060: '', // word joiner
  0xfeff: '', // BOM / zero-width no-break space
  // Invisible format characters someone may slip inside a stamp word ("M\u200dẬT").
  0x200c: '', // zero-width non-joiner
  0x200d: '', // zero-width joiner
  0x200e: '', // left-to-right mark
  0x200f: '', // right-to-left mark
  0x202a: '', 0x202b: '', 0x202c: '', 0x202d: '', 0x202e: '', // bidi embeddings and overrides
  0x2061: '', 0x2062: '', 0x2063: '', 0x2064: '', // invisible math operators
  0x2066: '', 0x2067: '', 0x2068: '', 0x2069: '', // bidi isolates
  0x180e: '', // Mongolian vowel separator
  0x034f: '', // combining grapheme joiner
  // Cyrillic and Greek capitals that look like Latin ones: a reader sees "МẬТ" as MẬT.
  0x0410: 'A', 0x0412: 'B', 0x0415: 'E', 0x041a: 'K', 0x041c: 'M', 0x041d: 'H', 0x041e: 'O',
  0x0420: 'P', 0x0421: 'C', 0x0422: 'T', 0x0425: 'X', 0x0423: 'Y', 0x0406: 'I', 0x0408: 'J',
  0x0430: 'a', 0x0435: 'e', 0x043e: 'o', 0x0440: 'p', 0x0441: 'c', 0x0445: 'x', 0x0443: 'y', 0x0456: 'i',
  0x0391: 'A', 0x0392: 'B', 0x0395: 'E', 0x0396: 'Z', 0x0397: 'H', 0x0399: 'I', 0x039a: 'K', 0x039c: 'M',
  0x039d: 'N', 0x039f: 'O', 0x03a1: 'P', 0x03a4: 'T', 0x03a5: 'Y', 0x03a7: 'X', 0x03bf: 'o',
  0x00a0: ' ', // no-break space
  0x202f: ' ', // narrow no-break space
  0x2007: ' ', // figure space
  0x2009: ' ', // thin space
  0x2010: '-', // hyphen
  0x2011: '-', // non-breaking hyphen
  0x2012: '-', // figure dash
  0x2013: '-', // en dash
  0x2014: '-', // em dash
  0x2212: '-', // minus sign
  0x2044: '/', // fraction slash
  0x2215: '/', // division slash
};

const MARK_RE = /^\p{M}$/u;
// 0 = unknown, 1 = combining mark, 2 = not a mark. Lazily filled, shared across calls.
const markCache = new Uint8Array(0x10000);
function isMark(code: number): boolean {
  if (code < 0x300) return false;
  let v = markCache[code];
  if (v === 0) {
    v = MARK_RE.test(String.fromCharCode(code)) ? 1 : 2;
    markCache[code] = v;
  }
  return v === 1;
}

// 0 = unknown, 1 = NFC-stable on its own, 2 = changes under NFC.
const stableCache = new Uint8Array(0x10000);
function isStableAlone(code: number): boolean {
  if (code < 0x300) return true;
  if (code >= 0xd800 && code <= 0xdfff) return false; // surrogates: take the slow path
  let v = stableCache[code];
  if (v === 0) {
    const s = String.fromCharCode(code);
    v = s.normalize('NFC') === s ? 1 : 2;
    stableCache[code] = v;
  }
  return v === 1;
}

const NEEDS_WORK_RE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\u180e\u034f\ufeff\u00a0\u202f\u2007\u2009\u2010-\u2014\u2212\u2044\u2215\u0391-\u03bf\u0406-\u0456]/;

/** Candidate document symbols with spaces inside: `44 /2005/QĐ-UBND`, `126 - KL/BTV`. */
const SPACED_SYMBOL_RE =
  guarded(/(?<![\p{L}\d\/])\d{1,5}(?:\.\d{1,2})?[a-zđ]?(?:[ \t]*[\/-][ \t]*(?:(?:19|20)\d{2}|[A-ZĐ][A-Za-zĐđ0-9&]*)(?![\p{L}\d]))+/gu);
const CODE_TOKEN_RE = /[A-ZĐ][A-Za-zĐđ0-9&]*$/u;

function identity(text: string): Normalised {
  return {
    text,
    toOriginal: (i) => i,
    toOriginalEnd: (i) => i,
    span: (start, end) => ({ start, end }),
    squeezed: [],
    folded: [],
    identity: true,
  };
}

function fromMaps(
  text: string,
  starts: Int32Array,
  ends: Int32Array,
  originalLength: number,
  squeezed: ReadonlyArray<readonly [number, number]>,
  folded: readonly number[],
): Normalised {
  const toOriginal = (i: number): number => (i >= text.length ? originalLength : (starts[i] as number));
  const toOriginalEnd = (i: number): number => (i <= 0 ? (text.length === 0 ? originalLength : (starts[0] as number)) : (ends[i - 1] as number));
  return {
    text,
    toOriginal,
    toOriginalEnd,
    span: (start, end) => (end > start ? { start: toOriginal(start), end: toOriginalEnd(end) } : { start: toOriginal(start), end: toOriginal(start) }),
    squeezed,
    folded,
  };
}

/** Pass 1: NFC per cluster and Word characters. Returns null when the text needs no change. */
function pass1(input: string): { text: string; starts: Int32Array; ends: Int32Array; folded: number[] } | null {
  if (!NEEDS_WORK_RE.test(input) && input.normalize('NFC') === input) return null;
  const n = input.length;
  const out: string[] = [];
  const starts = new Int32Array(n + 1);
  const ends = new Int32Array(n + 1);
  let o = 0;
  let i = 0;
  let runStart = 0; // start of a run copied unchanged
  const folded: number[] = [];
  const flush = (upto: number): void => {
    if (upto > runStart) {
      out.push(input.slice(runStart, upto));
      for (let k = runStart; k < upto; k++) {
        starts[o] = k;
        ends[o] = k + 1;
        o++;
      }
    }
  };
  while (i < n) {
    const c = input.charCodeAt(i);
    const isHigh = c >= 0xd800 && c <= 0xdbff && i + 1 < n;
    let j = i + (isHigh ? 2 : 1);
    // The cluster's marks, and any invisible character slipped between them ("A\u200b\u0323\u0302"):
    // removed before composing, so the cluster reads as the letter it shows.
    for (;;) {
      let k = j;
      while (k < n && CHAR_MAP[input.charCodeAt(k)] === '') k++;
      if (k < n && isMark(input.charCodeAt(k))) j = k + 1;
      else break;
    }
    const mapped = CHAR_MAP[c];
    if (j === i + 1 && mapped === undefined && isStableAlone(c)) {
      i = j;
      continue;
    }
    if (isHigh && j === i + 2) {
      // Astral character without marks: copy as is (NFC changes almost none of them).
      i = j;
      continue;
    }
    flush(i);
    let s = input.slice(i, j);
    if (j > i + 1) s = [...s].filter((ch) => CHAR_MAP[ch.charCodeAt(0)] !== '').join('') || s;
    s = s.normalize('NFC');
    let mappedOut = '';
    for (let k = 0; k < s.length; k++) {
      const code = s.charCodeAt(k);
      const m = CHAR_MAP[code];
      if (m !== undefined && m !== '' && isForeignScript(code)) folded.push(o + mappedOut.length);
      mappedOut += m === undefined ? s[k] : m;
    }
    s = mappedOut;
    out.push(s);
    for (let k = 0; k < s.length; k++) {
      starts[o] = i;
      ends[o] = j;
      o++;
    }
    i = j;
    runStart = j;
  }
  flush(n);
  return { text: out.join(''), starts: starts.subarray(0, o), ends: ends.subarray(0, o), folded };
}

/** Pass 2: remove spaces inside document symbols. Returns kept indices, or null when none removed. */
function pass2(text: string): { text: string; kept: Int32Array; squeezed: Array<[number, number]> } | null {
  const removals: Array<[number, number]> = []; // [start, end) ranges of the match to squeeze
  SPACED_SYMBOL_RE.lastIndex = 0;
  for (let m = SPACED_SYMBOL_RE.exec(text); m; m = SPACED_SYMBOL_RE.exec(text)) {
    const s = m[0];
    if (!s.includes('/') || !/[ \t]/.test(s) || !CODE_TOKEN_RE.test(s)) continue;
    removals.push([m.index, m.index + s.length]);
  }
  if (removals.length === 0) return null;
  const out: string[] = [];
  const kept = new Int32Array(text.length);
  let o = 0;
  let pos = 0;
  const squeezed: Array<[number, number]> = [];
  for (const [a, b] of removals) {
    out.push(text.slice(pos, a));
    for (let k = pos; k < a; k++) kept[o++] = k;
    const from = o;
    for (let k = a; k < b; k++) {
      const ch = text.charCodeAt(k);
      if (ch === 0x20 || ch === 0x09) continue;
      out.push(text[k] as string);
      kept[o++] = k;
    }
    squeezed.push([from, o]);
    pos = b;
  }
  out.push(text.slice(pos));
  for (let k = pos; k < text.length; k++) kept[o++] = k;
  return { text: out.join(''), kept: kept.subarray(0, o), squeezed };
}

/**
 * NFC, Word characters (U+2011, U+00A0, U+202F, U+00AD, dashes, minus, fraction/division slash),
 * spaces inside document symbols. Offsets of the result map back to `input`.
 */
export function normalise(input: string): Normalised {
  const p1 = pass1(input);
  const text1 = p1 ? p1.text : input;
  const p2 = pass2(text1);
  if (!p1 && !p2) return identity(input);
  const finalText = p2 ? p2.text : text1;
  const n = finalText.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const foldedIn1 = new Set(p1?.folded ?? []);
  const folded: number[] = [];
  for (let k = 0; k < n; k++) {
    const k1 = p2 ? (p2.kept[k] as number) : k;
    starts[k] = p1 ? (p1.starts[k1] as number) : k1;
    ends[k] = p1 ? (p1.ends[k1] as number) : k1 + 1;
    if (foldedIn1.size > 0 && foldedIn1.has(k1)) folded.push(k);
  }
  return fromMaps(finalText, starts, ends, input.length, p2?.squeezed ?? [], folded);
}
