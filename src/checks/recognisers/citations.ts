// Citations of State and Party documents: by symbol (state normative / administrative / công văn,
// Party), by name and date (laws), by type and number only, and references to articles, clauses,
// points and chapters, attached to the document they cite when adjacent.

import { guarded } from '../guarded';
import { ScanContext, isWordCharAt, type Recogniser } from '../context';
import type { ArticleRef, CitationData, CitationFinding } from '../types';
import { checkCitation } from '../consistency';
import {
  DRAFT_SYMBOL_RE,
  MALFORMED_SYMBOL_RE,
  PARTY_SYMBOL_RE,
  STATE_SYMBOL_RE,
  TYPE_WORD_SOURCE,
  canonicalTypeWord,
  dateAfter,
  impliedTypeWord,
  issuerAfter,
  leadBefore,
  partySymbol,
  stateSymbol,
  yearAfter,
  type DateAfter,
  type SymbolInfo,
} from './citation-parts';
import { STATE_TYPE_CODES } from '../tables';
import { bilingual } from '../../i18n';

type CitationDraft = Omit<CitationFinding, 'text'>;

interface RawSymbol {
  start: number;
  end: number;
  info: SymbolInfo;
}

const SUBTYPE_VI: Record<string, [string, string]> = {
  'state-law': ['luật/nghị quyết của Quốc hội', 'law or National Assembly resolution'],
  'state-normative': ['văn bản quy phạm pháp luật', 'normative legal document'],
  'state-administrative': ['văn bản hành chính', 'administrative document'],
  'state-official-letter': ['công văn', 'official letter (công văn)'],
  party: ['văn bản của Đảng', 'Party document'],
  'by-name': ['văn bản dẫn theo tên', 'document cited by name'],
  'by-number': ['văn bản dẫn theo số', 'document cited by number only'],
  'article-ref': ['điều, khoản, điểm', 'article, clause or point'],
};

// Formatting the explanation (template fill and NFC normalisation in two languages) per citation was
// a fifth of a 4 MB scan's CPU (issue 14); the same symbols recur, so the result is kept per
// (subtype, label). Bounded so a huge text of distinct symbols cannot grow it without limit.
const EXPLANATIONS = new Map<string, { vi: string; en: string }>();
const MAX_EXPLANATIONS = 4096;

function explanation(subtype: string, label: string): { vi: string; en: string } {
  const key = `${subtype}\u0000${label}`;
  let both = EXPLANATIONS.get(key);
  if (!both) {
    const [vi, en] = SUBTYPE_VI[subtype] ?? ['văn bản', 'document'];
    both = bilingual('checks.recognisers.citations.explanation', { kind: { vi, en }, label });
    if (EXPLANATIONS.size >= MAX_EXPLANATIONS) EXPLANATIONS.clear();
    EXPLANATIONS.set(key, both);
  }
  // A fresh object per finding, as before: callers may edit a finding's explanation.
  return { vi: both.vi, en: both.en };
}

function collectSymbols(text: string): RawSymbol[] {
  const out: RawSymbol[] = [];
  STATE_SYMBOL_RE.lastIndex = 0;
  for (let m = STATE_SYMBOL_RE.exec(text); m; m = STATE_SYMBOL_RE.exec(text)) {
    const segs = (m[3] as string).split('-');
    out.push({ start: m.index, end: m.index + m[0].length, info: stateSymbol(m[1], m[2] ? Number(m[2]) : undefined, segs, false) });
  }
  PARTY_SYMBOL_RE.lastIndex = 0;
  for (let m = PARTY_SYMBOL_RE.exec(text); m; m = PARTY_SYMBOL_RE.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, info: partySymbol(m[1], m[2] as string, m[3] as string, false) });
  }
  DRAFT_SYMBOL_RE.lastIndex = 0;
  for (let m = DRAFT_SYMBOL_RE.exec(text); m; m = DRAFT_SYMBOL_RE.exec(text)) {
    // The span starts at the symbol part ("/QĐ-UBND"), "Số:" is picked up as the lead.
    const rel = m[0].search(/[-/]/u);
    const start = m.index + rel;
    const info = m[1] !== undefined
      ? partySymbol(undefined, m[1], m[2] as string, true)
      : stateSymbol(undefined, m[3] ? Number(m[3]) : undefined, (m[4] as string).split('-'), true);
    out.push({ start, end: m.index + m[0].length, info });
  }
  MALFORMED_SYMBOL_RE.lastIndex = 0;
  for (let m = MALFORMED_SYMBOL_RE.exec(text); m; m = MALFORMED_SYMBOL_RE.exec(text)) {
    const info = stateSymbol(m[1], Number(m[2]), (m[3] as string).split('-'), false, true);
    out.push({ start: m.index, end: m.index + m[0].length, info });
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

/** Accept a symbol only when its shape or its lead makes it a citation (not "24/7", "TP/HCM"). */
function plausible(info: SymbolInfo, hasLead: boolean): boolean {
  if (info.draft || info.malformed || hasLead) return true;
  if (info.system === 'party') return true;
  if (info.year !== undefined) return info.issuerCode !== undefined || info.subtype === 'state-law';
  return info.typeCode !== undefined && STATE_TYPE_CODES.has(info.typeCode) && info.issuerCode !== undefined;
}

function emitCitation(
  ctx: ScanContext,
  start: number,
  end: number,
  subtype: string,
  data: CitationData,
  confidence: number,
  date?: DateAfter,
): CitationDraft {
  const value = data.symbol ?? data.title ?? ctx.text.slice(start, end).replace(/\s+/gu, ' ');
  const draft: CitationDraft = {
    kind: 'citation',
    subtype,
    start,
    end,
    value,
    confidence,
    recogniser: 'citations',
    explanation: explanation(subtype, value),
    citation: data,
  };
  ctx.emit(draft);
  if (date && !date.iso) {
    ctx.diagnose('error', 'invalid-date', date.dateStart, date.end, bilingual('checks.recognisers.citations.emitCitation.invalid-date', { day: date.day, month: date.month, year: date.year, value }));
  }
  return draft;
}

function tail(ctx: ScanContext, pos: number): { end: number; date?: DateAfter; issuer?: string } {
  let end = pos;
  const date = dateAfter(ctx.text, end);
  if (date) end = date.end;
  const issuer = issuerAfter(ctx.text, end);
  if (issuer) end = issuer.end;
  return { end, ...(date ? { date } : {}), ...(issuer ? { issuer: issuer.name } : {}) };
}

function annexStart(text: string): number {
  const m = ANNEX_HEADING_RE.exec(text);
  return m ? m.index : Infinity;
}

/** What may stand between two symbols of one list: "số 1552/BTTTT-TTH và 708/BTTTT-CATTT", "8004/…, 8008/… và 8796/…". */
const LIST_GAP_RE = /^[ \t]*(?:,|;|và|hoặc|,[ \t]*và)[ \t]*(?:(?:các[ \t]+)?(?:văn bản[ \t]+)?số[ \t]*:?[ \t]*)?$/u;

/**
 * Issue 9 — level: an annex of form templates ("PHỤ LỤC", "Mẫu số 01") starts here. A blank number
 * after it is a field of a form ("Số: /BC-…"), not the document's own number: no sign of a draft.
 */
const ANNEX_HEADING_RE = /^[ \t]*(?:PHỤ LỤC|MẪU|Mẫu số[ \t]*\d|Mẫu[ \t]*\d)[^\n]{0,100}$/mu;

function symbolCitations(ctx: ScanContext, placed: CitationDraft[]): void {
  let previous: { end: number; typeName?: string; system: string } | undefined;
  let annexAt: number | undefined;
  for (const sym of collectSymbols(ctx.text)) {
    if (!ctx.isFree(sym.start, sym.end)) continue;
    const lead = leadBefore(ctx.text, sym.start);
    // A symbol listed after another citation is a citation too, of the same kind when it names none.
    const continues = previous !== undefined && sym.start >= previous.end && LIST_GAP_RE.test(ctx.text.slice(previous.end, sym.start));
    const t = tail(ctx, sym.end);
    // In tables and lists a symbol often stands alone: a date after it makes it a citation ("137/GP-UBND ngày 13/07/2017").
    if (!plausible(sym.info, lead.hasSo || lead.typeWord !== undefined || continues || (t.date !== undefined && sym.info.issuerCode !== undefined))) continue;
    const leadStart = ctx.isFree(lead.start, sym.start) ? lead.start : sym.start;
    const info = sym.info;
    const inherited = continues && !lead.typeWord && previous?.system === info.system ? previous?.typeName : undefined;
    const implied = impliedTypeWord(info.system, info.typeCode, info.subtype);
    const typeName = leadStart === lead.start && lead.typeWord ? lead.typeWord : info.typeCode ? implied : (inherited ?? implied);
    let subtype = info.subtype;
    if (subtype === 'state-law' && typeName === 'Nghị quyết') subtype = 'state-normative';
    const data: CitationData = {
      system: info.system,
      ...(typeName ? { typeName } : {}),
      ...(info.typeCode ? { typeCode: info.typeCode } : {}),
      ...(info.number ? { number: info.number } : {}),
      ...(info.year !== undefined ? { year: info.year } : {}),
      ...(info.issuerCode ? { issuerCode: info.issuerCode } : {}),
      ...(info.legislatureTerm !== undefined ? { legislatureTerm: info.legislatureTerm } : {}),
      ...(t.issuer ? { issuerName: t.issuer } : {}),
      symbol: info.symbol,
      ...(lead.title && leadStart === lead.start ? { title: lead.title } : {}),
      ...(t.date?.iso ? { date: t.date.iso } : {}),
      ...(info.draft ? { draft: true, ...(sym.start > (annexAt ??= annexStart(ctx.text)) ? { inForm: true } : {}) } : {}),
    };
    previous = { end: t.end, system: info.system, ...(typeName ? { typeName } : {}) };
    const conf = info.malformed ? 0.6 : lead.hasSo || lead.typeWord ? 0.95 : 0.8;
    const draft = emitCitation(ctx, leadStart, t.end, subtype, data, conf, t.date);
    placed.push(draft);
    if (info.malformed) {
      ctx.diagnose('warning', 'malformed-symbol', sym.start, sym.end, bilingual('checks.recognisers.citations.symbolCitations.malformed-symbol', { text: ctx.text.slice(sym.start, sym.end), symbol: info.symbol }));
    }
    checkCitation(ctx, data, draft.start, draft.end, t.date ? [t.date.dateStart, t.date.end] : undefined, info.malformed);
  }
}

const BY_NAME_RE = guarded(/(?<![\p{L}\d])(Bộ luật|Luật|Pháp lệnh|Hiến pháp)(?=[ \t]+(?:\p{Lu}|sửa đổi|năm[ \t]+\d))/gu);
const NAME_WORD_RE = /[ \t]+([^\s;:,.()"“”]+)/uy;
const NAME_STOP = new Set([
  'ngày', 'số', 'của', 'đã', 'được', 'quy', 'hướng', 'có', 'là', 'thì', 'tại', 'theo', 'trong', 'này',
  'nêu', 'các', 'những', 'để', 'với', 'khi', 'mà', 'nhưng', 'hiện', 'đang', 'sẽ', 'cũng', 'thay', 'năm',
  'về', 'đến', 'đối', 'cho', 'và', 'hoặc', 'hết', 'còn', 'từ',
]);
const NAME_COMMA_RE = /,[ \t]+(?=chống|khen|bổ)/uy;
const TYPE_WORD_NEXT_RE = new RegExp(`[ \\t]+(?:${TYPE_WORD_SOURCE})(?![\\p{L}\\d])`, 'uy');

/** "Luật An ninh mạng ngày 12 tháng 6 năm 2018", "Bộ luật Dân sự năm 2015", "Hiến pháp năm 2013". */
function byNameCitations(ctx: ScanContext, placed: CitationDraft[]): void {
  const text = ctx.text;
  BY_NAME_RE.lastIndex = 0;
  for (let m = BY_NAME_RE.exec(text); m; m = BY_NAME_RE.exec(text)) {
    const start = m.index;
    if (ctx.isTaken(start)) continue;
    const typeWord = m[1] as string;
    let p = start + typeWord.length;
    const amending = /^[ \t]+sửa đổi/u.test(text.slice(p, p + 12));
    const words: string[] = [];
    let nameEnd = p;
    for (let k = 0; k < (amending ? 40 : 15); k++) {
      NAME_COMMA_RE.lastIndex = p;
      const comma = NAME_COMMA_RE.exec(text);
      if (comma && words.length > 0) p += 1;
      else if (amending && text[p] === ',' && k < 6) p += 1;
      NAME_WORD_RE.lastIndex = p;
      const w = NAME_WORD_RE.exec(text);
      if (!w) break;
      const word = w[1] as string;
      if (k === 0 && word === 'năm') break;
      if (!amending && NAME_STOP.has(word)) {
        if (word !== 'và') break;
        TYPE_WORD_NEXT_RE.lastIndex = p + w[0].length;
        if (TYPE_WORD_NEXT_RE.test(text)) break;
        NAME_WORD_RE.lastIndex = p + w[0].length;
        const nw = NAME_WORD_RE.exec(text)?.[1];
        if (!nw || !/^\p{Ll}/u.test(nw) || NAME_STOP.has(nw)) break;
      }
      if (amending && (word === 'ngày' || word === 'số' || word === 'năm') && /^[ \t]*:?[ \t]*\d/u.test(text.slice(p + w[0].length, p + w[0].length + 4))) break;
      if (/\d/u.test(word)) break;
      words.push(word);
      p += w[0].length;
      nameEnd = p;
    }
    if (words.length === 0 && typeWord !== 'Hiến pháp') continue;
    if (words.length === 1 && words[0] === 'này') continue;
    const title = text.slice(start, nameEnd).replace(/\s+/gu, ' ');
    let end = nameEnd;
    let year: number | undefined;
    const y = yearAfter(text, end);
    if (y) {
      end = y.end;
      year = y.year;
    }
    const t = tail(ctx, end);
    if (!ctx.isFree(start, t.end)) continue;
    const data: CitationData = {
      system: 'state',
      typeName: canonicalTypeWord(typeWord),
      ...(typeWord === 'Luật' || typeWord === 'Bộ luật' ? { typeCode: 'QH' } : {}),
      title,
      ...(year !== undefined ? { year } : {}),
      ...(t.date?.iso ? { date: t.date.iso } : {}),
      ...(t.issuer ? { issuerName: t.issuer } : {}),
    };
    if (year === undefined && t.date?.iso) data.year = Number(t.date.iso.slice(0, 4));
    const conf = t.date || year !== undefined ? 0.9 : 0.65;
    placed.push(emitCitation(ctx, start, t.end, 'by-name', data, conf, t.date));
  }
}

/** "số 57" not followed by a symbol; the type word is checked in a short window before it. */
const SO_NUMBER_RE = /[ \t]số[ \t]*:?[ \t]*(\d{1,5})(?![\d/-]|[.,]\d|[ \t]*(?:\/|-[ \t]*\p{Lu}))/gu;
const TYPE_WORD_END_RE = new RegExp(`(?:^|[^\\p{L}\\d])(${TYPE_WORD_SOURCE})[ \\t]*$`, 'u');

/** "Nghị quyết số 57 của Bộ Chính trị", "Chỉ thị số 05": type word and number without a symbol. */
function byNumberCitations(ctx: ScanContext, placed: CitationDraft[]): void {
  const text = ctx.text;
  SO_NUMBER_RE.lastIndex = 0;
  for (let m = SO_NUMBER_RE.exec(text); m; m = SO_NUMBER_RE.exec(text)) {
    const soStart = m.index;
    const numEnd = soStart + m[0].length;
    if (!ctx.isFree(soStart + 1, numEnd)) continue;
    const ws = Math.max(0, soStart - 28);
    const tw = TYPE_WORD_END_RE.exec(text.slice(ws, soStart + 1));
    if (!tw) continue;
    const typeStart = ws + tw.index + tw[0].indexOf(tw[1] as string);
    if (!ctx.isFree(typeStart, numEnd)) continue;
    const word = canonicalTypeWord(tw[1] as string);
    if (word === 'Văn bản') continue; // "văn bản số 3" in prose is too vague to be a claim
    const t = tail(ctx, numEnd);
    const data: CitationData = {
      system: 'none',
      typeName: word,
      number: String(Number(m[1])),
      ...(t.date?.iso ? { date: t.date.iso } : {}),
      ...(t.issuer ? { issuerName: t.issuer } : {}),
    };
    placed.push(emitCitation(ctx, typeStart, t.end, 'by-number', data, t.date || t.issuer ? 0.85 : 0.7, t.date));
  }
}

/** "các Nghị định 12/2020, 13/2021 và 14/2022": a type word, then number/year items without a code. */
const NUMBER_YEAR_RE = /(\d{1,5})\/((?:19|20)\d{2})(?![\d/-]|[.,]\d|\p{L})/uy;
// The lead of a number/year list: `(?<![\p{L}\d])(các |những )?TYPEWORD[ \t]+(số[ \t]*:?[ \t]*)?` right
// before "12/2020". Searched forward over the whole text, its large alternation cost ~10 ms/MB; the
// lead holds no digit, "/" or line break, so it lies between the last of those and the digits of an
// item: each item ("12/2020", found by its "/") is looked back from, in that short span only, with
// the same pattern anchored at the digits — the same leads, in the same order (property test).
const NUMBER_YEAR_ANCHOR_RE = /\d(?=\/(?:19|20)\d{2})/g;
const NUMBER_YEAR_AHEAD_RE = /\d{1,5}\/(?:19|20)\d{2}(?![\d/-]|[.,]\d|\p{L})/uy;
const NUMBER_YEAR_LEAD_END_RE = new RegExp(`(?<![\\p{L}\\d])(?:(?:các|những)[ \\t]+)?(${TYPE_WORD_SOURCE})[ \\t]+(?:số[ \\t]*:?[ \\t]*)?$`, 'gu');

const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Every lead, in order: start, end (where the first item's digits begin), the type word as written. */
export function numberYearLeads(text: string): Array<{ index: number; end: number; word: string }> {
  const out: Array<{ index: number; end: number; word: string }> = [];
  let p = 0; // where the forward search would resume: the end of the last lead
  NUMBER_YEAR_ANCHOR_RE.lastIndex = 0;
  for (let a = NUMBER_YEAR_ANCHOR_RE.exec(text); a; a = NUMBER_YEAR_ANCHOR_RE.exec(text)) {
    const slash = a.index + 1;
    let d = slash;
    while (d > 0 && isDigitCode(text.charCodeAt(d - 1))) d--;
    if (slash - d > 5 || d < p) continue;
    NUMBER_YEAR_AHEAD_RE.lastIndex = d;
    if (!NUMBER_YEAR_AHEAD_RE.test(text)) continue;
    let w = d;
    while (w > p) {
      const c = text.charCodeAt(w - 1);
      if (c === 0x2f || c === 0x0a || isDigitCode(c)) break;
      w--;
    }
    // One unit of context before the span, for the lookbehind; matches start inside the span.
    const base = w > 0 ? w - 1 : 0;
    NUMBER_YEAR_LEAD_END_RE.lastIndex = w - base;
    const m = NUMBER_YEAR_LEAD_END_RE.exec(text.slice(base, d));
    if (!m) continue;
    out.push({ index: base + m.index, end: d, word: m[1] as string });
    p = d;
  }
  return out;
}
const NUMBER_YEAR_GAP_RE = /[ \t]*(?:,|và|,[ \t]*và)[ \t]*(?:số[ \t]*)?/uy;

/** Number/year citations of a type ("Nghị định 12/2020"), each item of a list a citation of its own. */
function numberYearCitations(ctx: ScanContext, placed: CitationDraft[]): void {
  const text = ctx.text;
  for (const m of numberYearLeads(text)) {
    const word = canonicalTypeWord(m.word);
    if (word === 'Văn bản' || word === 'Luật' || word === 'Bộ luật') continue; // "Luật 12/2020" is rare; a Luật symbol has QHk
    let pos = m.end;
    let first = true;
    for (;;) {
      NUMBER_YEAR_RE.lastIndex = pos;
      const item = NUMBER_YEAR_RE.exec(text);
      if (!item) break;
      const start = first ? m.index : pos;
      const itemEnd = pos + item[0].length;
      if (!ctx.isFree(start, itemEnd)) break;
      const t = tail(ctx, itemEnd);
      const data: CitationData = {
        system: 'state',
        typeName: word,
        number: String(Number(item[1])),
        year: Number(item[2]),
        ...(t.date?.iso ? { date: t.date.iso } : {}),
        ...(t.issuer ? { issuerName: t.issuer } : {}),
      };
      placed.push(emitCitation(ctx, start, t.end, 'by-number', data, 0.75, t.date));
      first = false;
      NUMBER_YEAR_GAP_RE.lastIndex = t.end;
      const gap = NUMBER_YEAR_GAP_RE.exec(text);
      if (!gap) break;
      pos = t.end + gap[0].length;
    }
  }
}

// ---- articles, clauses, points, chapters ----

const LIST = (item: string): string => `${item}(?:[ \\t]*,[ \\t]*${item})*(?:[ \\t]+và[ \\t]+${item})?`;
const ARTICLE_RE = new RegExp(
  `(?:[Đđ]iểm[ \\t]+(${LIST('[a-zđ]\\d?')})[ \\t]+)?(?:[Kk]hoản[ \\t]+(${LIST('\\d{1,3}[a-z]?')})[ \\t]+)?Điều[ \\t]+(\\d{1,3}[a-z]?)(?![\\p{L}\\d])` +
    `(?:[ \\t]*,?[ \\t]*Mục[ \\t]+(\\d{1,2}))?(?:[ \\t]*,?[ \\t]*Chương[ \\t]+([IVXLC]+))?(?:[ \\t]*,?[ \\t]*Phần[ \\t]+(thứ[ \\t]+\\p{L}+|[IVXLC]+))?(?![\\p{L}\\d])` +
    `|(?:Mục[ \\t]+(\\d{1,2})[ \\t]+)?Chương[ \\t]+([IVXLC]+)(?:[ \\t]+Phần[ \\t]+(thứ[ \\t]+\\p{L}+|[IVXLC]+))?(?![\\p{L}\\d])`,
  'uy',
);
/** Cheap anchors for ARTICLE_RE (which is then tried, sticky, only where an anchor starts a word). */
const ARTICLE_ANCHOR_RE = /[Đđ]iểm[ \t]|[Kk]hoản[ \t]|Điều[ \t]|Mục[ \t]|Chương[ \t]/g;
const GROUP_GAP_RE = /^[ \t]*(?:,|;|và|,[ \t]*và)?[ \t]*$/u;
const LINK_RE = /[ \t]*,?[ \t]*(?:của[ \t]+|tại[ \t]+|thuộc[ \t]+)?/uy;
const SELF_RE = new RegExp(`[ \\t]*,?[ \\t]*(?:của[ \\t]+)?(?:(?:${TYPE_WORD_SOURCE})[ \\t]+)?này(?!\\p{L})`, 'uy');

interface RawRef {
  start: number;
  end: number;
  ref: ArticleRef;
  letters: string[];
}

function splitList(s: string | undefined): string[] | undefined {
  return s ? s.split(/[ \t]*(?:,|và)[ \t]*/u).map((x) => x.trim()).filter(Boolean) : undefined;
}

function isHeading(text: string, start: number, end: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i >= 0 && text[i] !== '\n') return false;
  const next = text[end];
  return next === undefined || next === '.' || next === ':' || next === '\n' || next === ' ' || next === '\t';
}

function articleRefs(ctx: ScanContext, placed: CitationDraft[]): void {
  const text = ctx.text;
  const byStart = new Map<number, CitationDraft>();
  for (const c of placed) byStart.set(c.start, c);
  const refs: RawRef[] = [];
  ARTICLE_ANCHOR_RE.lastIndex = 0;
  for (let a = ARTICLE_ANCHOR_RE.exec(text); a; a = ARTICLE_ANCHOR_RE.exec(text)) {
    if (isWordCharAt(text, a.index - 1)) continue;
    ARTICLE_RE.lastIndex = a.index;
    const m = ARTICLE_RE.exec(text);
    if (!m) continue;
    const start = a.index;
    const end = start + m[0].length;
    ARTICLE_ANCHOR_RE.lastIndex = end;
    if (!ctx.isFree(start, end) || isHeading(text, start, end)) continue;
    const ref: ArticleRef = {};
    const points = splitList(m[1]);
    const clauses = splitList(m[2]);
    if (m[3]) ref.article = m[3];
    if (clauses) ref.clauses = clauses;
    if (points) ref.points = points;
    const section = m[4] ?? m[7];
    const chapter = m[5] ?? m[8];
    const part = m[6] ?? m[9];
    if (section) ref.section = section;
    if (chapter) ref.chapter = chapter;
    if (part) ref.part = part.replace(/\s+/gu, ' ');
    refs.push({ start, end, ref, letters: points ?? [] });
  }
  // Group refs listed together ("Điều 5, Điều 6 và Điều 7 của Luật …") and attach the group.
  let i = 0;
  while (i < refs.length) {
    let j = i;
    while (j + 1 < refs.length && GROUP_GAP_RE.test(text.slice((refs[j] as RawRef).end, (refs[j + 1] as RawRef).start))) j++;
    const group = refs.slice(i, j + 1);
    i = j + 1;
    const last = group[group.length - 1] as RawRef;
    SELF_RE.lastIndex = last.end;
    if (SELF_RE.test(text)) continue; // "khoản 2 Điều 5 Quyết định này": the document itself
    LINK_RE.lastIndex = last.end;
    const link = LINK_RE.exec(text);
    const target = byStart.get(last.end + (link ? link[0].length : 0));
    for (const r of group) {
      for (const letter of r.letters) {
        if (/^[fjwz]/u.test(letter)) {
          ctx.diagnose('warning', 'invalid-point-letter', r.start, r.end, bilingual('checks.recognisers.citations.articleRefs.invalid-point-letter', { letter }));
        }
      }
    }
    if (target) {
      const first = group[0] as RawRef;
      ctx.take(first.start, target.start);
      target.start = first.start;
      target.citation.articles = [...group.map((r) => r.ref), ...(target.citation.articles ?? [])];
      continue;
    }
    // Chapter-only references without a document are headings or vague; articles are claims.
    for (const r of group) {
      if (r.ref.article === undefined) continue;
      const data: CitationData = { system: 'none', articles: [r.ref] };
      emitCitation(ctx, r.start, r.end, 'article-ref', data, 0.6);
    }
  }
}

export const citationsRecogniser: Recogniser = {
  id: 'citations',
  kind: 'citation',
  subtypes: ['state-law', 'state-normative', 'state-administrative', 'state-official-letter', 'party', 'by-name', 'by-number', 'article-ref'],
  description: bilingual('checks.recognisers.citations.citationsRecogniser.citations.description'),
  run(ctx) {
    const placed: CitationDraft[] = [];
    symbolCitations(ctx, placed);
    byNameCitations(ctx, placed);
    byNumberCitations(ctx, placed);
    numberYearCitations(ctx, placed);
    articleRefs(ctx, placed);
  },
};
