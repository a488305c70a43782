// Figures: numbers in Vietnamese format (1.234.567 thousands, 12,5 decimals; NĐ 123/2020 Điều 10.13),
// percentages, money, quantities with units, counts ("47 mô hình"). Runs last, so digits already
// claimed by citations, dates and personal data are skipped.
//
// Not figures (by design): Roman numerals; article/clause/chapter numbers; list markers at the start
// of a line ("1.", "2.3."); numbers that name something (Phụ lục 02, Mẫu số 01, Tổ 5, lớp 12,
// khóa XIV, Quốc lộ 3); a year alone ("năm 2025") or a bare one-digit number without a unit.

import { guarded } from '../guarded';
import { isLetterCode, type Recogniser } from '../context';
import type { Bilingual, FigureFinding } from '../types';
import { bilingual } from '../../i18n';

const FIGURE_EXPLANATION: Bilingual = bilingual('checks.recognisers.figures.FIGURE_EXPLANATION');

const NUMBER_RE = guarded(/(?<![\p{L}\d.,/-])(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!\d|[.,/]\d)/gu);

const SCALES = ['nghìn tỷ', 'ngàn tỷ', 'nghìn', 'ngàn', 'triệu', 'tỷ', 'tỉ'];
const MONEY = ['đồng', 'VNĐ', 'VND', 'đ', '₫', 'USD', 'đô la Mỹ', 'đô la', 'EUR', 'euro'];
const PERCENT = ['%', '‰', 'phần trăm'];
const MEASURES = ['ha', 'héc-ta', 'hécta', 'km²', 'km2', 'km', 'm²', 'm2', 'm³', 'm3', 'm', 'cm', 'mm', 'tấn', 'tạ', 'kg', 'gam', 'g', 'lít', 'MW', 'kW', 'kWh', 'MWh', 'tấn/ha', 'tạ/ha', 'mét', 'giờ', 'phút', 'giây', 'ngày', 'tháng', 'năm', 'tuần', 'quý'];
const COUNTS = [
  'người', 'hộ', 'hộ gia đình', 'hộ nghèo', 'hộ cận nghèo', 'lượt', 'lượt người', 'lượt khách', 'xã', 'phường', 'thị trấn', 'huyện', 'tỉnh',
  'thôn', 'bản', 'xóm', 'tổ dân phố', 'mô hình', 'dự án', 'công trình', 'doanh nghiệp', 'hợp tác xã', 'trường', 'trường học', 'lớp', 'học sinh',
  'sinh viên', 'giáo viên', 'cán bộ', 'công chức', 'viên chức', 'đảng viên', 'chi bộ', 'đảng bộ', 'tổ chức', 'cơ quan', 'đơn vị',
  'lao động', 'việc làm', 'trường hợp', 'vụ', 'vụ việc', 'hồ sơ', 'văn bản', 'cuộc', 'buổi', 'lần', 'điểm', 'cơ sở', 'sản phẩm',
  'con', 'cây', 'căn', 'căn nhà', 'nhà', 'km đường', 'tuyến', 'cầu', 'chiếc', 'xe', 'thủ tục', 'thủ tục hành chính', 'nhiệm vụ', 'giải pháp',
  'chỉ tiêu', 'đoàn', 'hội nghị', 'lớp tập huấn', 'học viên', 'bệnh nhân', 'giường bệnh', 'bác sĩ', 'hội viên', 'thành viên', 'đại biểu',
  'ý kiến', 'kiến nghị', 'đơn', 'tin bài', 'bài', 'tác phẩm', 'di tích', 'lễ hội', 'làng', 'nhóm', 'ban', 'phòng', 'sở', 'ngành',
];

const ADMIN_UNITS = new Set(['xã', 'phường', 'thị trấn', 'huyện', 'tỉnh', 'thôn', 'bản', 'xóm', 'tổ dân phố', 'làng']);

function unitSource(list: string[]): string {
  return [...list].sort((a, b) => b.length - a.length).map((u) => u.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&').replace(/ /gu, '[ \\t]+')).join('|');
}
/** Optional scale word, then an optional unit; the unit must end at a non-letter ("đ" is a letter in \b terms). */
const UNIT_RE = new RegExp(
  `([ \\t]*(?:${unitSource(SCALES)})(?![\\p{L}\\d]))?(?:[ \\t]*(${unitSource(PERCENT)})|[ \\t]*(${unitSource(MONEY)})(?![\\p{L}\\d])|[ \\t]+(${unitSource(MEASURES)})(?![\\p{L}\\d²³])|[ \\t]+(${unitSource(COUNTS)})(?![\\p{L}\\d]))?`,
  'uy',
);

/** Words after which a number always names something (time, structure of a document, a type word). */
const ALWAYS_ID = new Set([
  'điều', 'khoản', 'điểm', 'mục', 'tiểu mục', 'chương', 'phần', 'phụ lục', 'mẫu', 'mẫu số', 'biểu', 'biểu số', 'quý', 'tháng',
  'ngày', 'năm', 'khóa', 'khoá', 'lần thứ', 'phiên bản', 'version', 'mã', 'ký hiệu', 'nghị định', 'thông tư', 'quyết định',
  'nghị quyết', 'luật', 'chỉ thị', 'kết luận', 'kế hoạch', 'công văn', 'lệnh',
]);
/** Two-word verbs whose last word is also an identifier word ("cung cấp 12 dịch vụ" is an amount). */
const VERB_COMPOUNDS = new Set(['cung cấp', 'nâng cấp', 'phân cấp', 'cấp phát', 'đăng ký', 'bổ sung']);
/** Words after which a number without a unit names something (Tổ 5, lớp 12, Quốc lộ 3). */
const ID_IF_BARE = new Set([
  'số', 'tổ', 'phường', 'quận', 'kỳ', 'trang', 'bước', 'giai đoạn', 'lô', 'thửa', 'tờ bản đồ', 'bản đồ', 'quốc lộ', 'ql', 'tỉnh lộ',
  'đường', 'số nhà', 'nhà', 'phòng', 'xóm', 'thôn', 'tiểu khu', 'khoảnh', 'lớp', 'tầng', 'km', 'cấp', 'hạng', 'bậc', 'nhóm', 'loại',
  'hạng mục', 'tập', 'quyển', 'kênh', 'tuyến', 'đợt', 'vòng', 'hội nghị', 'đại hội', 'lần', 'ấp', 'bản', 'sư đoàn', 'trung đoàn',
  'tiểu đoàn', 'đại đội', 'câu', 'bài', 'ca', 'top', 'hệ số', 'ô', 'hộp', 'cổng', 'khu', 'block', 'tòa', 'toà', 'stt',
]);


/** The last one and two words before `pos` on the same line (lower case), skipping spaces and a colon. */
function wordsBefore(lower: string, pos: number): [string, string] {
  let i = pos;
  const limit = Math.max(0, pos - 30);
  while (i > limit && (lower[i - 1] === ' ' || lower[i - 1] === '\t' || lower[i - 1] === ':')) i--;
  const end1 = i;
  while (i > limit && isLetterCode(lower.charCodeAt(i - 1))) i--;
  const w1 = lower.slice(i, end1);
  if (!w1) return ['', ''];
  let j = i;
  while (j > limit && lower[j - 1] === ' ') j--;
  if (j === i) return [w1, w1];
  const end2 = j;
  while (j > limit && isLetterCode(lower.charCodeAt(j - 1))) j--;
  const w2 = lower.slice(j, end2);
  return [w1, w2 ? `${w2} ${w1}` : w1];
}

const VI_THOUSANDS_RE = /^\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$|^\d{1,3}\.\d{3},\d+$/u;
const VI_DECIMAL_RE = /^\d+,\d{1,2}$|^\d+,\d{4,}$/u;
const EN_THOUSANDS_RE = /^\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?$|^\d{1,3},\d{3}\.\d+$/u;
const EN_DECIMAL_RE = /^\d+\.\d{1,2}$|^\d+\.\d{4,}$/u;

export type NumberConvention = 'vi' | 'en' | 'ambiguous' | 'plain';

export function numberConvention(s: string): NumberConvention {
  if (/^\d+$/u.test(s)) return 'plain';
  if (VI_THOUSANDS_RE.test(s) || VI_DECIMAL_RE.test(s)) return 'vi';
  if (EN_THOUSANDS_RE.test(s) || EN_DECIMAL_RE.test(s)) return 'en';
  return 'ambiguous';
}

/** Parses a number written the Vietnamese way (or unambiguously the English way). */
export function parseVietnameseNumber(s: string, conv: NumberConvention = numberConvention(s)): number {
  if (conv === 'plain') return Number(s);
  if (conv === 'en') return Number(s.replace(/,/gu, ''));
  // vi and ambiguous: dots group thousands, a comma marks decimals ("1.234" = 1234, "1,234" = 1.234).
  return Number(s.replace(/\./gu, '').replace(',', '.'));
}

/** Units start after at most one space with a letter or a percent sign; skip the regex otherwise. */
function unitAt(text: string, pos: number): RegExpExecArray | null {
  let p = pos;
  if (text.charCodeAt(p) === 0x20 || text.charCodeAt(p) === 0x09) p++;
  const c = text.charCodeAt(p);
  if (!(c === 0x25 || c === 0x2030 || c === 0x20ab || isLetterCode(c))) return null;
  UNIT_RE.lastIndex = pos;
  const u = UNIT_RE.exec(text);
  return u && u[0].length > 0 ? u : null;
}

const SCALE_FACTOR: Record<string, number> = { 'nghìn tỷ': 1e12, 'ngàn tỷ': 1e12, nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9, tỉ: 1e9 };

function canonicalNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e9) / 1e9);
}

function isListMarker(text: string, start: number, end: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i >= 0 && text[i] !== '\n') return false;
  const c = text[end];
  return c === '.' || c === ')' || c === '/';
}

export const figuresRecogniser: Recogniser = {
  id: 'figures',
  kind: 'figure',
  subtypes: ['percentage', 'money', 'quantity', 'count', 'number'],
  description: bilingual('checks.recognisers.figures.figuresRecogniser.figures.description'),
  run(ctx) {
    const text = ctx.text;
    let firstVi: number | undefined;
    const enNumbers: Array<[number, number]> = [];
    NUMBER_RE.lastIndex = 0;
    for (let m = NUMBER_RE.exec(text); m; m = NUMBER_RE.exec(text)) {
      const start = m.index;
      const numText = m[1] as string;
      const numEnd = start + numText.length;
      if (!ctx.isFree(start, numEnd)) continue;
      if (isListMarker(text, start, numEnd)) continue;
      const u = unitAt(text, numEnd);
      // "150.000đ", "5km" are figures; "12A", "3B1" are not.
      if (isLetterCode(text.charCodeAt(numEnd)) && !u) continue;
      // NUMBER_RE's digits hold a separator or none: plain without one (no regex needed).
      const conv: NumberConvention = numText.indexOf('.') === -1 && numText.indexOf(',') === -1 ? 'plain' : numberConvention(numText);
      const scale = u?.[1]?.trim().replace(/\s+/gu, ' ');
      const percent = u?.[2];
      const money = u?.[3];
      const measure = u?.[4];
      const count = u?.[5];
      // "Tổ 5 phường Sông Hiến", "thôn 3 xã Quang Trung": a place name, not a count of communes.
      if (count && ADMIN_UNITS.has(count) && /^[ \t]+\p{Lu}/u.test(text.slice(numEnd + (u?.[0].length ?? 0), numEnd + (u?.[0].length ?? 0) + 3))) continue;
      const hasUnit = Boolean(scale || percent || money || measure || count);
      if (!percent && !money) {
        const [w1, w2] = wordsBefore(ctx.lower, start);
        if (ALWAYS_ID.has(w1) || ALWAYS_ID.has(w2)) continue;
        // Only a plain number names something ("cấp 3", "Tổ 5"); "1.234" or "12,5" is an amount.
        const naming = (ID_IF_BARE.has(w1) && !VERB_COMPOUNDS.has(w2)) || ID_IF_BARE.has(w2);
        if (!hasUnit && naming && conv === 'plain') continue;
      }
      const n = parseVietnameseNumber(numText, conv);
      if (!hasUnit) {
        if (conv === 'plain' && numText.length < 2) continue;
        if (conv === 'plain' && numText.length === 4 && n >= 1900 && n <= 2100) continue; // a year alone
      }
      const end = u ? numEnd + u[0].length : numEnd;
      if (!ctx.isFree(start, end)) continue;
      if (conv === 'vi' && firstVi === undefined) firstVi = start;
      // Only a figure a reader could misread counts as mixing (issue 9): comma-grouped thousands
      // ("2,345,678"), or "1,500 người" with a unit, which the Vietnamese convention reads as 1.5. A
      // point decimal ("99.4%", "3.5") has one reading; bare "1.1" (a row or section number) or
      // "(1.014464)" (a procedure code) names something.
      if ((conv === 'en' && EN_THOUSANDS_RE.test(numText)) || (conv === 'ambiguous' && hasUnit && /^\d{1,3},\d{3}$/u.test(numText))) enNumbers.push([start, numEnd]);
      const factor = scale ? (SCALE_FACTOR[scale] ?? 1) : 1;
      const number = n * factor;
      const subtype = percent ? 'percentage' : money ? 'money' : measure ? 'quantity' : count ? 'count' : 'number';
      const named = money ?? measure ?? count;
      const unitWord = named ? (named.includes(' ') || named.includes('\t') ? named.replace(/\s+/gu, ' ') : named) : undefined;
      const unit = percent ? (percent === 'phần trăm' ? '%' : percent) : scale ? (unitWord ? `${scale} ${unitWord}` : scale) : unitWord;
      const confidence = subtype === 'number' ? 0.55 : 0.9;
      const finding: Omit<FigureFinding, 'text'> = {
        kind: 'figure',
        subtype,
        start,
        end,
        value: unit ? `${canonicalNumber(n)} ${unit}` : canonicalNumber(n),
        number,
        confidence,
        recogniser: 'figures',
        explanation: FIGURE_EXPLANATION,
      };
      if (unit) finding.unit = unit;
      ctx.emit(finding);
    }
    if (firstVi !== undefined && enNumbers.length > 0) {
      for (const [s, e] of enNumbers.slice(0, 20)) {
        const t = text.slice(s, e);
        ctx.diagnose('warning', 'mixed-number-format', s, e, bilingual('checks.recognisers.figures.run.mixed-number-format', { t }));
      }
    }
  },
};
