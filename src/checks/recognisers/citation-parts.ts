// Pieces of the citation grammar shared by the citation recognisers: symbols, the words before a
// symbol (type word, name, "số"), and what follows it (issuance date, "của" + issuer).
// CITE := TYPEWORD [name] ["số"[:]] SYMBOL ["ngày" DATE] ["của" ISSUER]

import { guarded } from '../guarded';
import { TYPE_WORDS, CODE_TYPE, STATE_TYPE_CODES } from '../tables';
import { isLetterCode, isWordCharAt, isoDate, windowStart } from '../context';

// A code group; dots may join upper-case parts inside it (`V.I` in 11554/VPCP-V.I, `E.K.LM`), never end it.
const SEG = '[A-ZĐ][A-Za-zĐđ0-9&]*(?:\\.[A-ZĐ][A-ZĐ0-9&]*)*';
const SEGS = `${SEG}(?:-${SEG})*`;
/** The number of a symbol: `13`, a decimal `66.4` (66.4/2025/NQ-CP), a letter after it `364a`. */
const NUM = '(\\d{1,5}(?:\\.\\d{1,2})?[a-zđ]?)';
const PARTY_TYPE = '[A-ZĐ][A-Za-zĐđ]{0,4}';

/** `13/2023/NĐ-CP`, `2081/QĐ-UBND`, `134/2025/QH15`, `123/UBND-VP`. */
export const STATE_SYMBOL_RE = guarded(new RegExp(
  `(?<![\\p{L}\\d/.,-])${NUM}/(?:((?:19|20)\\d{2})/)?(${SEGS})(?![\\p{L}\\d])`,
  'gu',
));
/** `126-KL/BTV`, `35-NQ/TW`, `05-QC/BTCTU-BDVTU`. */
export const PARTY_SYMBOL_RE = guarded(new RegExp(
  `(?<![\\p{L}\\d/.,-])${NUM}-(${PARTY_TYPE})/(${SEGS})(?![\\p{L}\\d])`,
  'gu',
));
/** Blank-number drafts: `Số:      /QĐ-UBND`, `Số      -QC/ĐU`, `Số: ......./2025/NĐ-CP`. */
export const DRAFT_SYMBOL_RE = new RegExp(
  `(?<!\\p{L})Số[ \\t]*:?[ \\t]*(?:[.…_]+[ \\t]*)?(?:-(${PARTY_TYPE})/(${SEGS})|/(?:((?:19|20)\\d{2})/)?(${SEGS}))(?![\\p{L}\\d])`,
  'gu',
);
/** Near misses such as `82/2005-QĐ-UBND` (hyphen where a slash belongs). */
export const MALFORMED_SYMBOL_RE = guarded(new RegExp(
  `(?<![\\p{L}\\d/.,-])${NUM}/((?:19|20)\\d{2})-(${SEG}(?:-${SEG})+)(?![\\p{L}\\d])`,
  'gu',
));

export interface SymbolInfo {
  system: 'state' | 'party';
  subtype: string;
  symbol: string;
  number: string | undefined;
  year: number | undefined;
  typeCode: string | undefined;
  issuerCode: string | undefined;
  legislatureTerm: number | undefined;
  draft: boolean;
  malformed: boolean;
}

/** The number as compared: leading zeros dropped ("05" → "5"), decimals and letters kept ("66.4", "364a"). */
export function symbolNumber(written: string): string {
  return written.replace(/^0+(?=\d)/u, '');
}

const LEGISLATURE_CODE_RE = /^(UBTVQH|QH)(\d{1,2})$/u;

/** One object shape for every symbol (absent parts undefined): building them is on the hot path. */
function symbolInfo(system: 'state' | 'party', subtype: string, symbol: string, number: string | undefined, year: number | undefined, draft: boolean, malformed: boolean): SymbolInfo {
  return {
    system,
    subtype,
    symbol,
    number: number !== undefined ? symbolNumber(number) : undefined,
    year,
    typeCode: undefined,
    issuerCode: undefined,
    legislatureTerm: undefined,
    draft,
    malformed,
  };
}

/** Classifies a state symbol from its parts. */
export function stateSymbol(number: string | undefined, year: number | undefined, segs: string[], draft: boolean, malformed = false): SymbolInfo {
  const symbol = `${number ?? ''}/${year !== undefined ? `${year}/` : ''}${segs.join('-')}`;
  const info = symbolInfo('state', 'state-official-letter', symbol, number, year, draft, malformed);
  const first = segs[0] as string;
  const last = segs[segs.length - 1] as string;
  const qh = last.includes('QH') ? LEGISLATURE_CODE_RE.exec(last) : null;
  const term = qh ? Number(qh[2]) : undefined;
  const rest = (): string => segs.slice(1).join('-');
  if (year !== undefined) {
    if (segs.length === 1 && qh) {
      info.subtype = qh[1] === 'QH' ? 'state-law' : 'state-normative';
      info.typeCode = qh[1] as string;
      info.issuerCode = first;
      info.legislatureTerm = term;
      return info;
    }
    info.subtype = 'state-normative';
    info.typeCode = first;
    if (segs.length === 1) return info;
    info.issuerCode = rest();
    info.legislatureTerm = term;
    return info;
  }
  if (STATE_TYPE_CODES.has(first) || first === 'CV') {
    info.subtype = first === 'CV' ? 'state-official-letter' : 'state-administrative';
    info.typeCode = first;
    if (segs.length > 1) info.issuerCode = rest();
    info.legislatureTerm = term;
    return info;
  }
  // Công văn: issuer then drafting unit.
  info.issuerCode = first;
  return info;
}

export function partySymbol(number: string | undefined, typeCode: string, issuer: string, draft: boolean): SymbolInfo {
  const info = symbolInfo('party', 'party', `${number ?? ''}-${typeCode}/${issuer}`, number, undefined, draft, false);
  info.typeCode = typeCode;
  info.issuerCode = issuer;
  return info;
}

// ---- before the symbol: type word, name, "số" ----

function firstLetterEitherCase(word: string): string {
  const f = word[0] as string;
  return `[${f}${f.toLowerCase()}]${word.slice(1).replace(/ /gu, '[ \\t]+')}`;
}
export const TYPE_WORD_SOURCE = TYPE_WORDS.map(firstLetterEitherCase).join('|');
const TYPE_WORD_RE = new RegExp(`(?<![\\p{L}\\d])(?:${TYPE_WORD_SOURCE})(?![\\p{L}\\d])`, 'gu');
const TYPE_WORD_AT_RE = new RegExp(`(?:${TYPE_WORD_SOURCE})(?![\\p{L}\\d])`, 'uy');

/** Canonical spelling of a type word as written: first letter upper, old-style tone marks mapped. */
export function canonicalTypeWord(written: string): string {
  const s = written.replace(/\s+/gu, ' ').replace('thoả', 'thỏa').replace('uỷ', 'ủy');
  // A "Thông báo kết luận" is a Thông báo (code TB) that reports conclusions.
  if (s.toLowerCase() === 'thông báo kết luận') return 'Thông báo';
  return (s[0] as string).toUpperCase() + s.slice(1);
}

export interface Lead {
  start: number;
  typeWord?: string;
  title?: string;
  hasSo: boolean;
}

const TYPE_WORDS_LOWER = new Set(TYPE_WORDS.map((w) => w.toLowerCase()));
const MAX_TYPE_WORDS = Math.max(...TYPE_WORDS.map((w) => w.split(' ').length));

/** Fast path: the type word written right before `pos` ("Nghị định số", "Kết luận 126-KL/TU"). */
function typeWordEndingAt(text: string, pos: number): { start: number; word: string } | undefined {
  let i = pos;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  const end = i;
  let found: { start: number; word: string } | undefined;
  for (let k = 0; k < MAX_TYPE_WORDS && i > 0; k++) {
    let j = i;
    while (j > 0 && isLetterCode(text.charCodeAt(j - 1))) j--;
    if (j === i) break;
    const word = text.slice(j, end).replace(/[ \t]+/gu, ' ');
    if (TYPE_WORDS_LOWER.has(word.toLowerCase()) && !isWordCharAt(text, j - 1)) found = { start: j, word };
    i = j;
    if (i > 0 && text[i - 1] !== ' ') break;
    while (i > 0 && text[i - 1] === ' ') i--;
  }
  return found;
}

const SO_CELL_RE = /(?:^|\n)[ \t]*Số[ \t]*:?[ \t]*\n$/u;

const NAME_BREAK_RE = /[;:()\n\t\d/"“”]/u;

/** Looks back from a symbol for `số`/`Số:` and a type word with an optional name in between. */
export function leadBefore(text: string, symStart: number): Lead {
  let p = symStart;
  while (p > 0 && (text[p - 1] === ' ' || text[p - 1] === '\t')) p--;
  if (text[p - 1] === ':') {
    p--;
    while (p > 0 && (text[p - 1] === ' ' || text[p - 1] === '\t')) p--;
  }
  let hasSo = false;
  let anchor = symStart;
  if (p >= 2 && text.slice(p - 2, p).toLowerCase() === 'số' && !/\p{L}/u.test(text[p - 3] ?? ' ')) {
    hasSo = true;
    anchor = p - 2;
  }
  if (!hasSo && (p === 0 || text[p - 1] === '\n') && SO_CELL_RE.test(text.slice(Math.max(0, p - 12), p))) {
    // A table cell "Số:" then the symbol on the next line (a header converted cell by cell).
    return { start: symStart, hasSo: true };
  }
  const quick = typeWordEndingAt(text, anchor);
  if (quick) return { start: quick.start, typeWord: canonicalTypeWord(quick.word), hasSo };
  const ws = windowStart(text, anchor, 160);
  const window = text.slice(ws, anchor);
  let best: { start: number; word: string; between: string } | undefined;
  TYPE_WORD_RE.lastIndex = 0;
  for (let m = TYPE_WORD_RE.exec(window); m; m = TYPE_WORD_RE.exec(window)) {
    const between = window.slice(m.index + m[0].length);
    if (NAME_BREAK_RE.test(between)) continue;
    const words = between.trim() === '' ? 0 : between.trim().split(/\s+/u).length;
    if (words > (hasSo ? 20 : 10)) continue;
    if (!hasSo && words > 0 && !/^\s+\p{Lu}/u.test(between)) continue;
    if (words > 0 && /\s$/u.test(between) === false) continue;
    best = { start: ws + m.index, word: m[0], between };
  }
  if (!best) return { start: hasSo ? anchor : symStart, hasSo };
  const typeWord = canonicalTypeWord(best.word);
  const name = best.between.trim().replace(/,$/u, '').trim();
  return {
    start: best.start,
    typeWord,
    ...(name ? { title: `${best.word.replace(/\s+/gu, ' ')} ${name}` } : {}),
    hasSo,
  };
}

// ---- after the symbol: date and issuer ----

const DATE_AFTER_RE =
  /[ \t]*,?[ \t]*(?:ban hành[ \t]+)?ngày[ \t]*(?:(\d{1,2})[ \t]+tháng[ \t]+(\d{1,2})[ \t]+năm[ \t]+(\d{4})|(\d{1,2})[ \t]*([/.-])[ \t]*(\d{1,2})[ \t]*\5[ \t]*(\d{4}))(?!\d)/uy;
const YEAR_AFTER_RE = /[ \t]+năm[ \t]+((?:19|20)\d{2})(?![\d/])/uy;

export interface DateAfter {
  end: number;
  /** ISO when the day exists. */
  iso?: string;
  /** Start of the date text (after "ngày") for diagnostics. */
  dateStart: number;
  day: number;
  month: number;
  year: number;
}

export function dateAfter(text: string, pos: number): DateAfter | undefined {
  DATE_AFTER_RE.lastIndex = pos;
  const m = DATE_AFTER_RE.exec(text);
  if (!m) return undefined;
  const long = m[1] !== undefined;
  const day = Number(long ? m[1] : m[4]);
  const month = Number(long ? m[2] : m[6]);
  const year = Number(long ? m[3] : m[7]);
  const iso = isoDate(day, month, year);
  const dateStart = pos + m[0].search(/ngày/u);
  return { end: pos + m[0].length, dateStart, day, month, year, ...(iso ? { iso } : {}) };
}

export function yearAfter(text: string, pos: number): { end: number; year: number } | undefined {
  YEAR_AFTER_RE.lastIndex = pos;
  const m = YEAR_AFTER_RE.exec(text);
  return m ? { end: pos + m[0].length, year: Number(m[1]) } : undefined;
}

const OF_RE = /[ \t]*,?[ \t]*của[ \t]+/uy;
const WORD_RE = /([^\s;:,.()"“”]+)/uy;
const SPACE_RE = /[ \t]+/uy;
/** Words that begin a trích yếu or a new clause, ending an issuer name. */
const ISSUER_STOP = new Set([
  'về', 'quy', 'hướng', 'phê', 'sửa', 'triển', 'thực', 'giao', 'kiện', 'bổ', 'điều', 'bãi', 'hủy',
  'huỷ', 'thay', 'đã', 'được', 'có', 'tại', 'theo', 'trong', 'với', 'để', 'nhằm', 'kèm', 'năm',
  'là', 'thì', 'mà', 'nên', 'đến', 'cho', 'ngày', 'số', 'tổ', 'đề', 'xây', 'chỉ', 'ban', 'thành', 'công',
  'các', 'những', 'khi', 'nay', 'này', 'đó', 'đối', 'tiếp', 'tăng', 'áp', 'phân', 'quản', 'chấp',
]);
/** Lower-case words allowed in issuer names when they would otherwise stop ("Ban Chấp hành", "thành phố"). */
function stopsIssuer(text: string, word: string, next: string | undefined, nextPos: number): boolean {
  if (word === 'ban') return next === 'hành';
  if (word === 'thành') return next === 'lập';
  if (word === 'công') return next === 'nhận' || next === 'bố' || next === 'tác';
  if (word === 'và') {
    if (next === undefined || !/^\p{Lu}/u.test(next)) return true;
    TYPE_WORD_AT_RE.lastIndex = nextPos;
    return TYPE_WORD_AT_RE.test(text);
  }
  return ISSUER_STOP.has(word);
}

export function issuerAfter(text: string, pos: number): { end: number; name: string } | undefined {
  OF_RE.lastIndex = pos;
  const of = OF_RE.exec(text);
  if (!of) return undefined;
  let p = pos + of[0].length;
  const words: string[] = [];
  const ends: number[] = [];
  const limit = Math.min(text.length, p + 120);
  for (let k = 0; k < 12 && p < limit; k++) {
    WORD_RE.lastIndex = p;
    const w = WORD_RE.exec(text);
    if (!w) break;
    const word = w[1] as string;
    const afterWord = p + word.length;
    SPACE_RE.lastIndex = afterWord;
    const sp = SPACE_RE.exec(text);
    let next: string | undefined;
    const nextPos = sp ? afterWord + sp[0].length : afterWord;
    if (sp) {
      WORD_RE.lastIndex = nextPos;
      next = WORD_RE.exec(text)?.[1];
    }
    if (k === 0 && !/^\p{Lu}/u.test(word)) return undefined;
    if (k > 0 && stopsIssuer(text, word, next, nextPos)) break;
    words.push(word);
    ends.push(afterWord);
    if (!sp) break;
    p = nextPos;
  }
  if (words.length === 0) return undefined;
  return { end: ends[ends.length - 1] as number, name: words.join(' ') };
}

/** Type word implied by a code (for citations written without one). */
export function impliedTypeWord(system: 'state' | 'party', code: string | undefined, subtype: string): string | undefined {
  if (subtype === 'state-law') return 'Luật';
  if (code === undefined) return subtype === 'state-official-letter' ? 'Công văn' : undefined;
  if (system === 'party' && code === 'TT') return 'Thông tri';
  return CODE_TYPE[code];
}
