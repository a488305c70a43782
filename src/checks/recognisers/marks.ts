// Secrecy, urgency and circulation stamps (Luật Bảo vệ bí mật nhà nước; TT 24/2020/TT-BCA; NĐ 30/2020
// Phụ lục I ô 10a, 10b, 11). A stamp is a whole paragraph or table cell in capitals; the same words
// inside running text are not stamps. Diacritics are never stripped (MẬT ≠ MẶT).

import { ScanContext, type Recogniser } from '../context';
import type { MarkType } from '../types';

interface StampRule {
  re: RegExp;
  markType: MarkType;
  secrecyLevel?: 'mat' | 'toi-mat' | 'tuyet-mat';
  vi: string;
  en: string;
}

const STAMPS: readonly StampRule[] = [
  { re: /^TUYỆT MẬT$/u, markType: 'secrecy', secrecyLevel: 'tuyet-mat', vi: 'Dấu độ mật «Tuyệt mật»', en: 'Secrecy stamp "Top secret" (Tuyệt mật)' },
  { re: /^TỐI MẬT$/u, markType: 'secrecy', secrecyLevel: 'toi-mat', vi: 'Dấu độ mật «Tối mật»', en: 'Secrecy stamp "Secret" (Tối mật)' },
  { re: /^MẬT$/u, markType: 'secrecy', secrecyLevel: 'mat', vi: 'Dấu độ mật «Mật»', en: 'Secrecy stamp "Confidential" (Mật)' },
  { re: /^GIẢI MẬT(?: *[:-]? *(?:NGÀY *)?[\d/.\- ]*)?$/u, markType: 'declassified', vi: 'Dấu «Giải mật» (tài liệu đã được giải mật)', en: 'Declassification stamp (Giải mật)' },
  { re: /^(?:HỎA|HOẢ) TỐC(?: HẸN GIỜ)?$/u, markType: 'urgency', vi: 'Dấu độ khẩn «Hỏa tốc»', en: 'Urgency stamp "Immediate" (Hỏa tốc)' },
  { re: /^THƯỢNG KHẨN(?: HẸN GIỜ)?$/u, markType: 'urgency', vi: 'Dấu độ khẩn «Thượng khẩn»', en: 'Urgency stamp "Very urgent" (Thượng khẩn)' },
  { re: /^KHẨN(?: HẸN GIỜ)?$/u, markType: 'urgency', vi: 'Dấu độ khẩn «Khẩn»', en: 'Urgency stamp "Urgent" (Khẩn)' },
  { re: /^(?:TÀI LIỆU )?LƯU HÀNH NỘI BỘ$/u, markType: 'circulation', vi: 'Chỉ dẫn phạm vi lưu hành «Lưu hành nội bộ»', en: 'Circulation note "Internal circulation only"' },
  { re: /^XEM XONG TRẢ LẠI$/u, markType: 'circulation', vi: 'Chỉ dẫn «Xem xong trả lại»', en: 'Circulation note "Return after reading"' },
  { re: /^TRẢ LẠI SAU KHI HỌP(?: .*)?$/u, markType: 'circulation', vi: 'Chỉ dẫn «Trả lại sau khi họp»', en: 'Circulation note "Return after the meeting"' },
  { re: /^XONG HỘI NGHỊ TRẢ LẠI$/u, markType: 'circulation', vi: 'Chỉ dẫn «Xong hội nghị trả lại»', en: 'Circulation note "Return after the conference"' },
  { re: /^TÀI LIỆU THU HỒI$/u, markType: 'circulation', vi: 'Dấu «Tài liệu thu hồi»', en: 'Recall stamp "Document to be recalled"' },
  { re: /^KHÔNG PHỔ BIẾN(?: .*)?$/u, markType: 'circulation', vi: 'Chỉ dẫn «Không phổ biến»', en: 'Circulation note "Not for distribution"' },
  { re: /^CHỈ NGƯỜI CÓ TÊN MỚI ĐƯỢC BÓC BÌ$/u, markType: 'circulation', vi: 'Dấu «Chỉ người có tên mới được bóc bì»', en: 'Stamp "Only the named recipient may open"' },
];

/** "Độ mật: Tối mật" / "Mức độ mật: MẬT" form fields in a header. */
const LABELLED_SECRECY_RE = /^(?:mức )?độ mật *: *(tuyệt mật|tối mật|mật)$/iu;
/** "Độ khẩn: Hỏa tốc". */
const LABELLED_URGENCY_RE = /^độ khẩn *: *(hỏa tốc|hoả tốc|thượng khẩn|khẩn)$/iu;
/** Circulation notes often printed in mixed case: "(Tài liệu lưu hành nội bộ)". */
const MIXED_CIRCULATION_RE = /^(?:tài liệu )?lưu hành nội bộ$|^xem xong trả lại$|^xong hội nghị trả lại$|^trả lại sau khi họp(?: .*)?$/iu;
/** Running-text hints: worth a warning, never a stamp. */
const BODY_HINT_RE = /bí mật nhà nước|(?<!\p{L})độ (?:tuyệt mật|tối mật|mật)(?!\p{L})/gu;

const TRIM_CHARS = ' \t"\'“”‘’«»()[]*.:;,-_|';

function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && TRIM_CHARS.includes(text[start] as string)) start++;
  while (end > start && TRIM_CHARS.includes(text[end - 1] as string)) end--;
  return [start, end];
}

function stampRule(cell: string): StampRule | undefined {
  const upper = cell.replace(/\s+/gu, ' ');
  if (upper !== upper.toUpperCase()) return undefined;
  return STAMPS.find((r) => r.re.test(upper));
}

/** Secrecy words alone on a line in mixed or lower case ("Tối Mật", "tối mật"): fail closed. */
const CASELESS_SECRECY_RE = /^(?:tuyệt mật|tối mật|mật)$/iu;

/**
 * Letter-spaced stamps ("T Ố I  M Ậ T", "M Ậ T"): every token one letter. Words are told apart by a
 * wider gap; with even gaps the letters are matched against the stamps without their spaces.
 */
function collapseSpaced(cell: string): string | undefined {
  const tokens = cell.split(/ +/u);
  if (tokens.length < 2 || !tokens.every((t) => /^\p{L}$/u.test(t))) return undefined;
  const words = cell.split(/ {2,}/u).map((w) => w.replace(/ /gu, ''));
  const spaced = words.join(' ');
  if (stampRule(spaced)) return spaced;
  const compact = words.join('');
  const rule = STAMPS.find((r) => r.re.test(compact) || (r.secrecyLevel && r.re.source.replace(/[\^$]/gu, '').replace(/ /gu, '') === compact));
  if (!rule) return undefined;
  return rule.re.source.replace(/[\^$]/gu, '');
}

function emitStamp(ctx: ScanContext, rule: StampRule, start: number, end: number, confidence: number, valueOverride?: string, possible = false): void {
  const value = valueOverride ?? ctx.text.slice(start, end).replace(/\s+/gu, ' ').toUpperCase();
  ctx.emit({
    kind: 'mark',
    subtype: rule.markType,
    markType: rule.markType,
    ...(rule.secrecyLevel ? { secrecyLevel: rule.secrecyLevel } : {}),
    stamp: !possible,
    ...(possible ? { possibleStamp: true } : {}),
    start,
    end,
    value,
    confidence,
    recogniser: 'marks',
    explanation: possible
      ? {
          vi: `Có thể là ${rule.vi.charAt(0).toLowerCase()}${rule.vi.slice(1)} (chữ thường hoặc chữ hoa lẫn thường, đứng riêng một dòng): cần người khai độ mật trước khi gửi AI.`,
          en: `Possibly a ${rule.en.charAt(0).toLowerCase()}${rule.en.slice(1)} (lower or mixed case, alone on a line): a person must declare the level before anything is sent to AI.`,
        }
      : { vi: `${rule.vi}.`, en: `${rule.en}.` },
  });
}

/** Cheap first test: every stamp or label starts with one of these words. */
const STAMP_START_RE = /(?:tuyệt|tối|mật|giải|hỏa|hoả|thượng|khẩn|tài|lưu|xem|trả|xong|không|chỉ|độ|mức)(?!\p{L})|\p{L} \p{L}/uy;

function scanCell(ctx: ScanContext, cellStart: number, cellEnd: number): void {
  const [s, e] = trimRange(ctx.text, cellStart, cellEnd);
  if (e - s < 3 || e - s > 60) return;
  STAMP_START_RE.lastIndex = s;
  if (!STAMP_START_RE.test(ctx.lower)) return;
  const cell = ctx.text.slice(s, e);
  const rule = stampRule(cell);
  if (rule) {
    emitStamp(ctx, rule, s, e, 0.97);
    return;
  }
  const collapsed = collapseSpaced(cell);
  if (collapsed) {
    const r = stampRule(collapsed);
    if (r) emitStamp(ctx, r, s, e, 0.9, collapsed);
    return;
  }
  if (CASELESS_SECRECY_RE.test(cell.replace(/\s+/gu, ' '))) {
    // Not certain (a heading? a word?), but a person may read it as the stamp: fail closed until declared.
    const r = stampRule(cell.replace(/\s+/gu, ' ').toUpperCase());
    if (r) emitStamp(ctx, r, s, e, 0.6, undefined, true);
    return;
  }
  const labelled = LABELLED_SECRECY_RE.exec(cell) ?? LABELLED_URGENCY_RE.exec(cell);
  if (labelled) {
    const value = (labelled[1] as string).toUpperCase();
    const r = STAMPS.find((x) => x.re.test(value));
    if (r) emitStamp(ctx, r, s, e, 0.9, value);
    return;
  }
  if (MIXED_CIRCULATION_RE.test(cell.replace(/\s+/gu, ' '))) {
    const r = stampRule(cell.toUpperCase());
    if (r) emitStamp(ctx, r, s, e, 0.75);
    return;
  }
  // Two stamps side by side in one cell: "MẬT     HỎA TỐC", "TỐI MẬT - KHẨN".
  if (/ {2,}| - /u.test(cell) && cell === cell.toUpperCase()) {
    const pieces: Array<[number, number, StampRule]> = [];
    const re = /[^ -][^-]*?(?= {2,}| - |$)/gu;
    for (let m = re.exec(cell); m; m = re.exec(cell)) {
      const [ps, pe] = trimRange(cell, m.index, m.index + m[0].length);
      if (pe <= ps) continue;
      const pr = stampRule(cell.slice(ps, pe));
      if (!pr) return; // every piece must be a stamp
      pieces.push([s + ps, s + pe, pr]);
    }
    for (const [ps, pe, pr] of pieces) emitStamp(ctx, pr, ps, pe, 0.9);
  }
}

export const marksRecogniser: Recogniser = {
  id: 'marks',
  kind: 'mark',
  subtypes: ['secrecy', 'declassified', 'urgency', 'circulation'],
  description: {
    vi: 'Dấu độ mật (Mật, Tối mật, Tuyệt mật), giải mật, độ khẩn và chỉ dẫn phạm vi lưu hành, nhận diện khi đứng riêng một dòng/ô; cụm «bí mật nhà nước», «độ Mật» trong nội dung chỉ là gợi ý.',
    en: 'Secrecy stamps (Mật, Tối mật, Tuyệt mật), declassification, urgency and circulation notes, recognised as a whole line or cell; "bí mật nhà nước" / "độ Mật" in running text are hints only.',
  },
  run(ctx) {
    const text = ctx.text;
    let lineStart = 0;
    let nextBreak = text.indexOf('\u000b');
    let nextTab = text.indexOf('\t');
    while (lineStart <= text.length) {
      // A manual line break (\u000b) ends a line as a paragraph does: "TỐI MẬT<w:br/>Số: …".
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = text.length;
      if (nextBreak !== -1 && nextBreak < lineStart) nextBreak = text.indexOf('\u000b', lineStart); // linear: searched once per break
      if (nextBreak !== -1 && nextBreak < lineEnd) lineEnd = nextBreak;
      // Only short lines can be stamps; skip long paragraphs without splitting them.
      if (lineEnd - lineStart <= 200) {
        let cellStart = lineStart;
        while (cellStart <= lineEnd) {
          // The next tab is searched again only once passed, so a text without tabs costs one search.
          if (nextTab !== -1 && nextTab < cellStart) nextTab = text.indexOf('\t', cellStart);
          let cellEnd = nextTab;
          if (cellEnd === -1 || cellEnd > lineEnd) cellEnd = lineEnd;
          scanCell(ctx, cellStart, cellEnd);
          cellStart = cellEnd + 1;
        }
      }
      lineStart = lineEnd + 1;
    }
    BODY_HINT_RE.lastIndex = 0;
    for (let m = BODY_HINT_RE.exec(ctx.lower); m; m = BODY_HINT_RE.exec(ctx.lower)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!ctx.isFree(start, end)) continue;
      const lower = m[0].toLowerCase();
      const level = /tuyệt mật/u.test(lower) ? 'tuyet-mat' : /tối mật/u.test(lower) ? 'toi-mat' : lower.startsWith('độ') ? 'mat' : undefined;
      ctx.emit(
        {
          kind: 'mark',
          subtype: 'secrecy',
          markType: 'secrecy',
          ...(level ? { secrecyLevel: level } : {}),
          stamp: false,
          start,
          end,
          value: lower,
          confidence: 0.3,
          recogniser: 'marks',
          explanation: {
            vi: 'Nội dung nhắc đến bí mật nhà nước hoặc độ mật nhưng không có dấu độ mật: hãy kiểm tra tài liệu có thuộc bí mật nhà nước không.',
            en: 'The text mentions state secrets or a secrecy level but carries no secrecy stamp: check whether the document is a state secret.',
          },
        },
        false,
      );
    }
  },
};
