// Personal data (union of Nghị định 13/2023/NĐ-CP Điều 2 and Nghị định 356/2025/NĐ-CP Điều 3–4):
// identity numbers, phones, e-mail, tax and insurance numbers, passports, plates, bank accounts,
// dates of birth, addresses and names. The span is the value only (what a redactor removes);
// labels and context words only move the confidence. Context is read from a bounded window.

import { guarded } from '../guarded';
import { ScanContext, after, before, type Recogniser } from '../context';
import type { Bilingual, PersonalDataSensitivity } from '../types';
import { MIDDLE_NAMES, PROVINCE_CODES, SURNAMES } from '../tables';
import { bilingual } from '../../i18n';

const LAW: Bilingual = bilingual('checks.recognisers.personal-data.LAW');

/** One explanation object per kind of personal data (read-only; a 1 MB text has thousands of findings). */
const EXPLANATIONS = new Map<string, Map<string, Bilingual>>();
function explanationOf(what: Bilingual): Bilingual {
  let byEn = EXPLANATIONS.get(what.vi);
  if (!byEn) EXPLANATIONS.set(what.vi, (byEn = new Map()));
  let e = byEn.get(what.en);
  if (!e) {
    e = bilingual('checks.recognisers.personal-data.explanationOf', { what, law: LAW });
    byEn.set(what.en, e);
  }
  return e;
}

function emitPD(
  ctx: ScanContext,
  recogniser: string,
  subtype: string,
  start: number,
  end: number,
  value: string,
  confidence: number,
  what: Bilingual,
  sensitivity: PersonalDataSensitivity = 'basic',
): void {
  ctx.emit({
    kind: 'personal-data',
    subtype,
    sensitivity,
    start,
    end,
    value,
    confidence,
    recogniser,
    explanation: explanationOf(what),
  });
}

// ---- date of birth (runs before the date recogniser so the date is not a mere figure) ----

const DOB_RE =
  guarded(/(?<!\p{L})(?:sinh ngày|ngày sinh|ngày,? tháng,? năm sinh|ngày\/tháng\/năm sinh|sinh năm|năm sinh)[ \t]*:?[ \t]*(?:(\d{1,2})[ \t]*([/.-])[ \t]*(\d{1,2})[ \t]*\2[ \t]*(\d{4})|(\d{1,2})[ \t]+tháng[ \t]+(\d{1,2})[ \t]+năm[ \t]+(\d{4})|((?:19|20)\d{2}))(?!\d)/gu);

export const dateOfBirthRecogniser: Recogniser = {
  id: 'date-of-birth',
  kind: 'personal-data',
  subtypes: ['date-of-birth'],
  description: bilingual('checks.recognisers.personal-data.dateOfBirthRecogniser.date-of-birth.description'),
  run(ctx) {
    DOB_RE.lastIndex = 0;
    for (let m = DOB_RE.exec(ctx.lower); m; m = DOB_RE.exec(ctx.lower)) {
      const full = m[0];
      const valueRel = full.search(/\d/u);
      const start = m.index + valueRel;
      const end = m.index + full.length;
      if (!ctx.isFree(start, end)) continue;
      const [d, mo, y] = m[1] ? [m[1], m[3], m[4]] : m[5] ? [m[5], m[6], m[7]] : [undefined, undefined, m[8]];
      const value = d ? `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : String(y);
      emitPD(ctx, 'date-of-birth', 'date-of-birth', start, end, value, 0.9, bilingual('checks.recognisers.personal-data.run.date-of-birth'));
    }
  },
};

// ---- phones ----

const MOBILE_RE = guarded(/(?<![\d+/.,\p{L}])(?:\+84[ .]?|0)(?:3[2-9]|5[2689]|7[06-9]|8[1-9]|9\d)(?:[ .-]?\d){7}(?![\d/]|[.,]\d)/gu);
const LANDLINE_RE = guarded(/(?<![\d+/.,\p{L}])\(?(?:\+84[ .]?|0)2\d{1,2}\)?(?:[ .-]?\d){7,8}(?![\d/]|[.,]\d)/gu);
const PHONE_CONTEXT_RE = /(điện thoại|đt|sđt|tel|số máy|di động|liên hệ|hotline|zalo|fax)[ \t:.]*$/u;

export const phoneRecogniser: Recogniser = {
  id: 'phone',
  kind: 'personal-data',
  subtypes: ['phone'],
  description: bilingual('checks.recognisers.personal-data.phoneRecogniser.phone.description'),
  run(ctx) {
    const text = ctx.text;
    MOBILE_RE.lastIndex = 0;
    for (let m = MOBILE_RE.exec(text); m; m = MOBILE_RE.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!ctx.isFree(start, end)) continue;
      const digits = m[0].replace(/\D/gu, '').replace(/^84/u, '0');
      const ctxWords = PHONE_CONTEXT_RE.test(before(ctx, start, 30).replace(/\s+$/u, ''));
      emitPD(ctx, 'phone', 'phone', start, end, digits, ctxWords ? 0.95 : 0.85, bilingual('checks.recognisers.personal-data.run.phone'));
    }
    LANDLINE_RE.lastIndex = 0;
    for (let m = LANDLINE_RE.exec(text); m; m = LANDLINE_RE.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!ctx.isFree(start, end)) continue;
      const digits = m[0].replace(/\D/gu, '').replace(/^84/u, '0');
      if (digits.length !== 11) continue;
      const withWord = PHONE_CONTEXT_RE.test(before(ctx, start, 30).replace(/[\s(]+$/u, ''));
      // Written in groups ("0206 3852 123") it is a phone number even without a context word.
      if (!withWord && !/^\(?0\d{2,3}\)?[ .-]\d{3,4}[ .-]\d{3,4}$/u.test(m[0])) continue;
      // Landlines mostly belong to offices: reported, but below the level-3 threshold.
      emitPD(ctx, 'phone', 'phone', start, end, digits, withWord ? 0.6 : 0.5, bilingual('checks.recognisers.personal-data.run.phone2'));
    }
  },
};

// ---- e-mail ----

const EMAIL_RE = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/gu;
const ROLE_MAILBOX_RE = /^(?:vanthu|vp|vanphong|info|contact|lienhe|hotro|support|admin|ubnd|tiepnhan|mail|webmaster|noreply|no-reply)[._-]?[a-z0-9]*@|@[a-z0-9.-]*\.(?:gov|org)\.vn$/iu;

export const emailRecogniser: Recogniser = {
  id: 'email',
  kind: 'personal-data',
  subtypes: ['email'],
  description: bilingual('checks.recognisers.personal-data.emailRecogniser.email.description'),
  run(ctx) {
    // Look only around '@' signs, one window of text at a time: a global regex would try every
    // position of the text, and a window per '@' would be quadratic on "a@a@a@…".
    const text = ctx.text;
    const found: Array<[number, RegExpExecArray]> = [];
    let at = text.indexOf('@');
    while (at !== -1) {
      const ws = Math.max(0, at - 64);
      const we = Math.min(text.length, at + 4096);
      const window = text.slice(ws, we);
      EMAIL_RE.lastIndex = 0;
      for (let k = EMAIL_RE.exec(window); k; k = EMAIL_RE.exec(window)) {
        if (k.index + k[0].length < window.length || we === text.length) found.push([ws, k]);
      }
      at = we === text.length ? -1 : text.indexOf('@', Math.max(at + 1, we - 300));
    }
    for (const [ws, m] of found) {
      const start = ws + m.index;
      const end = start + m[0].length;
      if (!ctx.isFree(start, end)) continue;
      const role = ROLE_MAILBOX_RE.test(m[0]);
      emitPD(ctx, 'email', 'email', start, end, m[0].toLowerCase(), role ? 0.6 : 0.9, bilingual('checks.recognisers.personal-data.run.email'));
    }
  },
};

// ---- identity and account numbers (one pass over digit runs, classified by length and context) ----

const DIGIT_RUN_RE = guarded(/(?<![\p{L}\d.,/-])(\d{6,19})(?:-(\d{3}))?(?![\d/\p{L}]|[.,]\d|-\d)/gu);
const ID_CONTEXT_RE =
  /(cccd|căn cước|định danh|(?<!\p{L})cc(?!\p{L})|cmnd|chứng minh nhân dân|chứng minh thư|(?<!\p{L})cmt(?!\p{L})|bhxh|bảo hiểm xã hội|bhyt|bảo hiểm y tế|(?<!\p{L})mst(?!\p{L})|mã số thuế|mã số doanh nghiệp|stk|số tài khoản|tài khoản|ngân hàng|(?<!\p{L})tk(?!\p{L})|account|thẻ atm|số thẻ)/gu;

type IdKind = 'cccd' | 'cmnd' | 'social-insurance' | 'health-insurance' | 'tax-code' | 'bank-account';

function contextKind(word: string): IdKind {
  if (/cccd|căn cước|định danh|^cc$/u.test(word)) return 'cccd';
  if (/cmnd|chứng minh|cmt/u.test(word)) return 'cmnd';
  if (/bhxh|xã hội/u.test(word)) return 'social-insurance';
  if (/bhyt|y tế/u.test(word)) return 'health-insurance';
  if (/mst|thuế|doanh nghiệp/u.test(word)) return 'tax-code';
  return 'bank-account';
}

/** Century/gender digit and birth year of a CCCD are consistent and not in the future. */
export function validCccd(d: string, now: Date): boolean {
  if (d.length !== 12 || !PROVINCE_CODES.has(d.slice(0, 3))) return false;
  const g = Number(d[3]);
  if (g > 3) return false; // 4–9 encode births after 2099
  const year = (g < 2 ? 1900 : 2000) + Number(d.slice(4, 6));
  const thisYear = now.getUTCFullYear();
  return year <= thisYear && year >= thisYear - 120;
}

/** Vietnamese tax code check digit: weights 31 29 23 19 17 13 7 5 3, c = 10 − (S mod 11). */
export function validTaxCode(d: string): boolean {
  if (d.length !== 10) return false;
  const w = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  let s = 0;
  for (let i = 0; i < 9; i++) s += Number(d[i]) * (w[i] as number);
  const c = 10 - (s % 11);
  return c < 10 && c === Number(d[9]);
}

const ID_LABEL: Record<IdKind, Bilingual> = {
  cccd: bilingual('checks.recognisers.personal-data.ID_LABEL.cccd'),
  cmnd: bilingual('checks.recognisers.personal-data.ID_LABEL.cmnd'),
  'social-insurance': bilingual('checks.recognisers.personal-data.ID_LABEL.social-insurance'),
  'health-insurance': bilingual('checks.recognisers.personal-data.ID_LABEL.health-insurance'),
  'tax-code': bilingual('checks.recognisers.personal-data.ID_LABEL.tax-code'),
  'bank-account': bilingual('checks.recognisers.personal-data.ID_LABEL.bank-account'),
};

function classify(d: string, suffix: string | undefined, ctxKind: IdKind | undefined, now: Date): { kind: IdKind; confidence: number } | undefined {
  const n = d.length;
  switch (ctxKind) {
    case 'bank-account':
      return { kind: 'bank-account', confidence: 0.9 };
    case 'cccd':
      if (n === 12) return { kind: 'cccd', confidence: validCccd(d, now) ? 0.97 : 0.75 };
      if (n === 9) return { kind: 'cmnd', confidence: 0.85 };
      break;
    case 'cmnd':
      if (n === 9) return { kind: 'cmnd', confidence: 0.9 };
      if (n === 12) return { kind: validCccd(d, now) ? 'cccd' : 'cmnd', confidence: 0.9 };
      break;
    case 'social-insurance':
      if (n === 10) return { kind: 'social-insurance', confidence: 0.9 };
      break;
    case 'health-insurance':
      if (n === 10) return { kind: 'health-insurance', confidence: 0.9 };
      break;
    case 'tax-code':
      if (n === 10 || n === 12) return { kind: 'tax-code', confidence: n === 12 || validTaxCode(d) ? 0.95 : 0.75 };
      break;
  }
  // Without a context word, only numbers that pass a validator.
  if (n === 12 && validCccd(d, now)) return { kind: 'cccd', confidence: 0.7 };
  if (n === 10 && validTaxCode(d)) return { kind: 'tax-code', confidence: suffix ? 0.8 : 0.5 };
  return undefined;
}

const ENTERPRISE_BEFORE_RE = /(?:công ty|doanh nghiệp|tnhh|cổ phần|hợp tác xã|chi nhánh|văn phòng đại diện|tổng công ty)/u;

/**
 * The one classifier both identity-number recognisers share: the nearest context word within 48
 * characters before the digits, then `classify`. `contextOrLeadingZero` (grouped digits): without a
 * context word, only digits starting with 0 are considered.
 */
function emitIdentityNumber(
  ctx: Parameters<Recogniser['run']>[0],
  recogniser: string,
  digits: string,
  suffix: string | undefined,
  start: number,
  end: number,
  shown: string,
  options: { contextOrLeadingZero?: boolean } = {},
): void {
  const win = before(ctx, start, 48);
  let last: string | undefined;
  ID_CONTEXT_RE.lastIndex = 0;
  for (let k = ID_CONTEXT_RE.exec(win); k; k = ID_CONTEXT_RE.exec(win)) last = k[1];
  if (options.contextOrLeadingZero && !last && !digits.startsWith('0')) return;
  const c = classify(digits, suffix, last ? contextKind(last) : undefined, ctx.now);
  if (!c) return;
  // The tax code of an enterprise ("Công ty TNHH …; Mã số thuế: …") identifies no person (issue 9).
  if (c.kind === 'tax-code' && ENTERPRISE_BEFORE_RE.test(ctx.lower.slice(Math.max(0, start - 160), start))) c.confidence = Math.min(c.confidence, 0.5);
  emitPD(ctx, recogniser, c.kind, start, end, shown, c.confidence, ID_LABEL[c.kind], c.kind === 'bank-account' ? 'sensitive' : 'basic');
}

export const identityNumberRecogniser: Recogniser = {
  id: 'identity-numbers',
  kind: 'personal-data',
  subtypes: ['cccd', 'cmnd', 'tax-code', 'social-insurance', 'health-insurance', 'bank-account'],
  description: bilingual('checks.recognisers.personal-data.identityNumberRecogniser.identity-numbers.description'),
  run(ctx) {
    const text = ctx.text;
    DIGIT_RUN_RE.lastIndex = 0;
    for (let m = DIGIT_RUN_RE.exec(text); m; m = DIGIT_RUN_RE.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!ctx.isFree(start, end)) continue;
      emitIdentityNumber(ctx, 'identity-numbers', m[1] as string, m[2], start, end, m[0]);
    }
  },
};

// Identity numbers typed in groups ("034 085 012 345", "036.090.004.321"): normalised to their digits
// first. Without a context word only a valid CCCD counts, and only with a leading 0 (an amount such as
// "12.345.678.901" never starts with 0).
const GROUPED_DIGITS_RE = guarded(/(?<![\p{L}\d.,/-])(\d{2,4})([ .-])\d{2,4}(?:\2\d{2,4}){1,3}(?![\d\p{L}]|[.,]\d)/gu);

export const groupedIdentityNumberRecogniser: Recogniser = {
  id: 'grouped-identity-numbers',
  kind: 'personal-data',
  subtypes: ['cccd', 'cmnd', 'tax-code', 'social-insurance', 'health-insurance', 'bank-account'],
  description: bilingual('checks.recognisers.personal-data.groupedIdentityNumberRecogniser.grouped-identity-numbers.description'),
  run(ctx) {
    const text = ctx.text;
    GROUPED_DIGITS_RE.lastIndex = 0;
    for (let m = GROUPED_DIGITS_RE.exec(text); m; m = GROUPED_DIGITS_RE.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!ctx.isFree(start, end)) continue;
      const d = m[0].replace(/\D/gu, '');
      if (d.length < 9 || d.length > 19) continue;
      emitIdentityNumber(ctx, 'grouped-identity-numbers', d, undefined, start, end, d, { contextOrLeadingZero: true });
    }
  },
};

// ---- health insurance card, passport, vehicle plate ----

const BHYT_CARD_RE = guarded(/(?<![\p{L}\d])([A-Z]{2}[1-5]\d{12})(?![\p{L}\d])/gu);
const PASSPORT_RE = guarded(/(?<![\p{L}\d])([A-Z]\d{7})(?![\p{L}\d])/gu);
const PLATE_RE = guarded(/(?<![\p{L}\d.,/-])([1-9]\d)[ \t]?-?[ \t]?([A-Z]{1,2}\d?)[ \t]?-?[ \t]?(\d{3}\.\d{2}|\d{4,5})(?![\p{L}\d]|[.,]\d)/gu);

export const documentNumberRecogniser: Recogniser = {
  id: 'document-numbers',
  kind: 'personal-data',
  subtypes: ['health-insurance', 'passport', 'vehicle-plate'],
  description: bilingual('checks.recognisers.personal-data.documentNumberRecogniser.document-numbers.description'),
  run(ctx) {
    const text = ctx.text;
    BHYT_CARD_RE.lastIndex = 0;
    for (let m = BHYT_CARD_RE.exec(text); m; m = BHYT_CARD_RE.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!ctx.isFree(start, end)) continue;
      const ctxWords = /bhyt|bảo hiểm y tế|thẻ/u.test(before(ctx, start, 40));
      emitPD(ctx, 'document-numbers', 'health-insurance', start, end, m[0], ctxWords ? 0.95 : 0.8, ID_LABEL['health-insurance']);
    }
    PASSPORT_RE.lastIndex = 0;
    for (let m = PASSPORT_RE.exec(text); m; m = PASSPORT_RE.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!ctx.isFree(start, end)) continue;
      if (!/hộ chiếu|passport/u.test(before(ctx, start, 40))) continue;
      emitPD(ctx, 'document-numbers', 'passport', start, end, m[0], 0.9, bilingual('checks.recognisers.personal-data.run.document-numbers'));
    }
    PLATE_RE.lastIndex = 0;
    for (let m = PLATE_RE.exec(text); m; m = PLATE_RE.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!ctx.isFree(start, end)) continue;
      const dotted = (m[3] as string).includes('.');
      const ctxWords = /biển số|biển kiểm soát|bks|(?<!\p{L})xe(?!\p{L})|phương tiện/u.test(before(ctx, start, 40));
      if (!dotted && !ctxWords) continue;
      if (!/[- \t]/u.test(m[0]) && !dotted) continue;
      const value = `${m[1]}${m[2]}-${m[3]}`;
      emitPD(ctx, 'document-numbers', 'vehicle-plate', start, end, value, ctxWords ? 0.9 : 0.75, bilingual('checks.recognisers.personal-data.run.document-numbers2'));
    }
  },
};

// ---- addresses ----

const ADDRESS_LABEL_RE =
  guarded(/(?<!\p{L})(địa chỉ|nơi thường trú|thường trú tại|thường trú|tạm trú tại|tạm trú|nơi ở hiện nay|nơi ở hiện tại|chỗ ở hiện nay|quê quán|nơi sinh|trú tại)[ \t]*:?[ \t]*/gu);
const ADDRESS_STOP_RE = /[;\n\t]|,[ \t]*(?:điện thoại|đt|sđt|email|e-mail|cccd|cmnd|sinh|nghề nghiệp|là)(?!\p{L})|\.(?:[ \t]|$)/iu;

const SPECIFIC_PLACE_RE = /\d|(?:^|[\s,(])\p{Lu}/u;
// "…tạm trú, lưu trú mới … theo quy định tại khoản 1 Điều này": a rule, not an address.
const LEGAL_REFERENCE_RE = /(?<!\p{L})(?:Điều|khoản|điểm|theo quy định)(?!\p{L})/u;

export const addressRecogniser: Recogniser = {
  id: 'address',
  kind: 'personal-data',
  subtypes: ['address'],
  description: bilingual('checks.recognisers.personal-data.addressRecogniser.address.description'),
  run(ctx) {
    const text = ctx.text;
    ADDRESS_LABEL_RE.lastIndex = 0;
    for (let m = ADDRESS_LABEL_RE.exec(ctx.lower); m; m = ADDRESS_LABEL_RE.exec(ctx.lower)) {
      const start = m.index + m[0].length;
      const rest = text.slice(start, Math.min(text.length, start + 120));
      const stop = rest.search(ADDRESS_STOP_RE);
      let value = stop === -1 ? rest : rest.slice(0, stop);
      value = value.replace(/[\s,]+$/u, '');
      if (value.length < 4 || !/\p{L}/u.test(value) || value.split(/\s+/u).length < 2) continue;
      // A rule about places ("cư trú tại vùng có điều kiện… khó khăn", "điều trị nội trú tại bệnh viện",
      // a table header "…, nơi ở hiện tại") names nobody's address: a specific one has a proper name or
      // a number, and is more than the country (issue 9).
      if (/^[ \t]*,/u.test(value) || LEGAL_REFERENCE_RE.test(value) || !SPECIFIC_PLACE_RE.test(value.replace(/Việt Nam/gu, ''))) continue;
      if (/(?:nội|ngoại)[ \t]+$/u.test(ctx.lower.slice(Math.max(0, m.index - 8), m.index))) continue;
      const end = start + value.length;
      if (!ctx.isFree(start, end)) continue;
      const label = (m[1] as string).toLowerCase();
      const personal = label !== 'địa chỉ';
      emitPD(ctx, 'address', 'address', start, end, value.replace(/\s+/gu, ' '), personal ? 0.85 : 0.6, bilingual('checks.recognisers.personal-data.run.address'));
    }
  },
};

// ---- names ----

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
// Surnames of the Hmông, Dao, Tày, Nùng, Thái peoples (common in Cao Bằng, Hà Giang, Lào Cai…) that the
// shared table lacks; and their typical middle syllables ("Giàng A Páo", "Sùng Seo Chứ").
const MINORITY_SURNAMES: readonly string[] = [
  'Giàng', 'Sùng', 'Thào', 'Vàng', 'Lộc', 'Bàn', 'Lầu', 'Mùa', 'Hầu', 'Sình', 'Chảo', 'Tẩn', 'Lường', 'Cầm',
  'Lù', 'Tòng', 'Quàng', 'Sằm', 'Ly', 'Mã', 'Nịnh', 'Lăng', 'Hờ', 'Chang', 'Chá', 'Phàn', 'Lý', 'Dìu', 'Đàm',
];
const MINORITY_MIDDLE: readonly string[] = ['A', 'Seo', 'Mí', 'Chá', 'Văn', 'Thị'];
const ALL_SURNAMES = [...SURNAMES, ...MINORITY_SURNAMES];
const SURNAME_ALT = [...new Set(ALL_SURNAMES)].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
const SURNAME_UPPER_ALT = [...new Set(ALL_SURNAMES.map((s) => s.toUpperCase()))].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
const NAME_RE = guarded(new RegExp(
  `(?<![\\p{L}\\d])(?:(${SURNAME_ALT})((?:[ \\t]+\\p{Lu}\\p{Ll}*){1,3})|(${SURNAME_UPPER_ALT})((?:[ \\t]+\\p{Lu}+){1,3}))(?![\\p{L}\\d])`,
  'gu',
));
const TITLE_BEFORE_RE =
  /(?:^|[^\p{L}])(ông|bà|anh|chị|em|cháu|cô|thầy|đồng chí|đ\/c|họ và tên|họ tên|họ, tên|tên|bệnh nhân|học sinh|sinh viên|bị cáo|bị can|nguyên đơn|bị đơn|đương sự|công dân|đảng viên|cán bộ|chiến sĩ|người khai|vợ|chồng|con|bố|mẹ|cha)[ \t]*:?[ \t]*$/u;
const PLACE_BEFORE_RE =
  /(?:đường|phố|phường|xã|thị trấn|quận|huyện|trường|thpt|thcs|tiểu học|mầm non|đại học|cầu|chợ|công viên|nhà văn hóa|bệnh viện|khu|tổ|thôn|bản|xóm|ấp|hẻm|ngõ|số nhà|lăng|tượng|đền|chùa|tư tưởng|chủ tịch|bác|thành phố|tp\.?|tỉnh|giải thưởng|quỹ|huân chương|trại|đảo|sông|núi|hồ|di tích|bảo tàng|nhà|phong trào|thời|triều|vua|tướng)[ \t]*$/u;
const FAMOUS = new Set([
  'Hồ Chí Minh', 'Võ Nguyên Giáp', 'Phạm Văn Đồng', 'Trần Hưng Đạo', 'Nguyễn Thị Minh Khai', 'Lê Hồng Phong',
  'Hoàng Văn Thụ', 'Nguyễn Văn Cừ', 'Trần Phú', 'Lê Duẩn', 'Nguyễn Ái Quốc', 'Hoàng Đình Giong', 'Kim Đồng',
  'Võ Văn Kiệt', 'Nguyễn Văn Linh', 'Lê Lợi', 'Nguyễn Trãi', 'Nguyễn Du', 'Lý Thường Kiệt', 'Nguyễn Huệ',
  'Lý Tự Trọng', 'Lê Quý Đôn', 'Chu Văn An', 'Nguyễn Bỉnh Khiêm', 'Trần Quốc Toản', 'Lý Thái Tổ', 'Võ Thị Sáu',
  'Hà Nội', 'Hà Giang', 'Hà Tĩnh', 'Hà Nam', 'Hà Quảng', 'Cao Bằng', 'Cao Lộc', 'Lâm Đồng', 'Hoàng Mai',
  'Ninh Bình', 'Ninh Thuận', 'Hồ Gươm', 'Thái Nguyên', 'Thái Bình', 'Quan Hóa', 'Quan Sơn', 'Mai Châu',
  'Đồng Nai', 'Đồng Tháp', 'Đồng Hới', 'Phú Thọ', 'Giang Thành', 'Từ Sơn', 'Văn Lãng', 'Văn Chấn', 'Văn Yên',
]);
const MIDDLE = new Set([...MIDDLE_NAMES, ...MINORITY_MIDDLE]);
// A title followed by capitalised syllables is a name whatever the surname (issue 17: "Ông Giàng A Páo").
const TITLED_NAME_RE =
  guarded(/(?<![\p{L}\d/])([ÔôOo]ng|[Bb]à|[Đđ]ồng chí|[Đđ]\/c|[Aa]nh|[Cc]hị|[Hh]ọ và tên|[Hh]ọ tên)[ \t]*:?[ \t]+(\p{Lu}\p{Ll}*(?:[ \t]+\p{Lu}\p{Ll}*){1,3})(?![\p{L}\d])/gu);
// Upper-case names count only after a person's title: "CÔNG BỐ DANH MỤC…" is a heading, not "bố" + a name.
const STRONG_TITLE_BEFORE_RE = /(?:^|[^\p{L}])(ông|bà|đồng chí|đ\/c|họ và tên|họ tên|họ, tên)[ \t]*:?[ \t]*$/u;
// An institution or street named after a person: "Viện Bỏng Lê Hữu Trác", "Số 222 Lê Trọng Tấn".
const NAMED_AFTER_RE =
  /(?:^|[^\p{L}])(?:[Vv]iện|[Hh]ọc viện|[Bb]ệnh viện|[Tt]rường|[Đđ]ường|[Pp]hố|[Qq]uỹ|[Gg]iải|[Nn]hà máy|[Cc]ông ty|[Tt]rung tâm|[Cc]ung|[Ss]ân vận động)(?:[ \t]+\p{L}+){0,4}[ \t]*$|(?:^|[^\p{L}\d])[Ss]ố(?: nhà)?[ \t]+\d+[\p{L}\d/-]*[ \t,]*$/u;
// Not personal names although they start like one.
const NOT_A_NAME_TAIL_RE = /(?:^|[ \t])(?:Việt Nam|Nhân Dân|Chính Phủ|Nhà Nước|Rịa|Vũng Tàu)$/u;

// The signature block: "T/M BAN BÍ THƯ" / "KT. CHỦ TỊCH" / a position in capitals, then the name alone.
const SIGNATURE_HEAD_RE = /^(?:T\/M|TM\.|KT\.|TL\.|TUQ\.|Q\.|PHÓ |CHỦ TỊCH|BÍ THƯ|TỔNG BÍ THƯ|THỦ TƯỚNG|BỘ TRƯỞNG|GIÁM ĐỐC|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|THƯỜNG TRỰC)/u;

function underSignatureBlock(ctx: ScanContext, start: number, end: number): boolean {
  // Bounded windows only: a name alone on its line is short, and scanning whole lines per match
  // would be quadratic on one huge line.
  const head = ctx.text.slice(Math.max(0, start - 40), start);
  const nlBefore = head.lastIndexOf('\n');
  if (nlBefore === -1 && start >= 40) return false;
  if (head.slice(nlBefore + 1).trim() !== '') return false;
  const tail = ctx.text.slice(end, end + 40);
  const nlAfter = tail.indexOf('\n');
  if ((nlAfter === -1 ? end + 40 < ctx.text.length : false) || tail.slice(0, nlAfter === -1 ? tail.length : nlAfter).trim() !== '') return false;
  const lineStart = start - head.length + nlBefore + 1;
  const previous = ctx.text.slice(Math.max(0, lineStart - 300), lineStart).split('\n').map((l) => l.trim()).filter((l) => l !== '').slice(-3);
  return previous.some((l) => SIGNATURE_HEAD_RE.test(l) && l === l.toUpperCase());
}

const POSITION_WORDS = new Set(['Phó', 'Tổng', 'Chủ', 'Bộ', 'Thủ', 'Bí', 'Giám', 'Trưởng', 'Chánh', 'Ủy', 'Uỷ', 'Thứ', 'Cục', 'Vụ', 'Sở', 'Ban', 'Văn', 'Đại', 'Thường', 'Hội', 'Viện', 'Chỉ', 'Tư', 'Kế', 'Thanh', 'Kiểm', 'Quyền']);

function namedAfterSomeone(ctx: ScanContext, start: number): boolean {
  const window = ctx.text.slice(Math.max(0, start - 60), start);
  return NAMED_AFTER_RE.test(window.slice(window.lastIndexOf('\n') + 1));
}

/** "Nguyễn Văn A", "đồng chí Nguyễn Văn X": the example person of a form or a guideline, nobody real. */
function placeholderName(words: readonly string[]): boolean {
  return /^\p{Lu}$/u.test(words[words.length - 1] ?? '');
}

// A name followed by the office held ("Đồng chí Phạm Gia Túc, Uỷ viên Trung ương, Chánh Văn phòng…"):
// a public official acting in office, named in a published text; reported, but not personal data
// that raises the level by itself.
const OFFICE_AFTER_RE = /^[ \t]*,[ \t]*(?:nguyên[ \t]+)?(?:ủy viên|uỷ viên|phó|bộ trưởng|thứ trưởng|chủ tịch|chủ nhiệm|bí thư|tổng bí thư|giám đốc|trưởng|chánh|vụ trưởng|cục trưởng|tổng cục trưởng|thủ tướng|chủ tịch nước|tỉnh ủy viên|tỉnh uỷ viên|đại biểu quốc hội)(?!\p{L})/u;
function inOfficialRole(ctx: ScanContext, end: number): boolean {
  return OFFICE_AFTER_RE.test(ctx.lower.slice(end, end + 40));
}

export const nameRecogniser: Recogniser = {
  id: 'person-name',
  kind: 'personal-data',
  subtypes: ['name'],
  description: bilingual('checks.recognisers.personal-data.nameRecogniser.person-name.description'),
  run(ctx) {
    const text = ctx.text;
    NAME_RE.lastIndex = 0;
    for (let m = NAME_RE.exec(text); m; m = NAME_RE.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      // On a miss, retry just after the surname: "Ông Trần Quân" must still find "Trần Quân".
      NAME_RE.lastIndex = start + (m[1] ?? m[3] ?? '').length;
      if (!ctx.isFree(start, end)) continue;
      const name = m[0].replace(/\s+/gu, ' ');
      const words = name.split(' ');
      if (FAMOUS.has(name) || FAMOUS.has(words.slice(0, 3).join(' ')) || FAMOUS.has(words.slice(0, 2).join(' '))) continue;
      const ctxBefore = before(ctx, start, 24);
      const upper = m[3] !== undefined;
      const titled = upper ? STRONG_TITLE_BEFORE_RE.test(ctxBefore) : TITLE_BEFORE_RE.test(ctxBefore);
      if (PLACE_BEFORE_RE.test(ctxBefore) || (!titled && namedAfterSomeone(ctx, start)) || NOT_A_NAME_TAIL_RE.test(name)) continue;
      if (placeholderName(words)) continue;
      let confidence: number;
      let what: Bilingual = bilingual('checks.recognisers.personal-data.what');
      if (titled) confidence = inOfficialRole(ctx, end) ? 0.6 : 0.9;
      else if (upper) continue;
      else if (words.length >= 3 && MIDDLE.has(words[1] as string)) {
        // A bare full name alone on its line is usually the signer of the document.
        const alone = before(ctx, start, 80).trim() === '' && after(ctx, end, 80).trim() === '';
        confidence = alone ? 0.5 : 0.65;
        if (alone) what = bilingual('checks.recognisers.personal-data.run');
      } else if (words.length >= 2 && underSignatureBlock(ctx, start, end)) {
        confidence = 0.5;
        what = bilingual('checks.recognisers.personal-data.run2');
      } else continue;
      emitPD(ctx, 'person-name', 'name', start, end, name, confidence, what);
      NAME_RE.lastIndex = end;
    }
    // Titled names whose surname is on no list.
    TITLED_NAME_RE.lastIndex = 0;
    for (let m = TITLED_NAME_RE.exec(text); m; m = TITLED_NAME_RE.exec(text)) {
      const start = m.index + m[0].length - (m[2] as string).length;
      const end = m.index + m[0].length;
      if (!ctx.isFree(start, end)) continue;
      const name = (m[2] as string).replace(/\s+/gu, ' ');
      const words = name.split(' ');
      if (FAMOUS.has(name) || FAMOUS.has(words.slice(0, 2).join(' ')) || NOT_A_NAME_TAIL_RE.test(name)) continue;
      if (PLACE_BEFORE_RE.test(before(ctx, m.index, 24)) || namedAfterSomeone(ctx, m.index)) continue;
      // "đồng chí Tổng Bí thư", "đồng chí Phó Thủ tướng": a position, not a name; "tiếng Anh: …", "nước Anh".
      if (POSITION_WORDS.has(words[0] as string) || /(?:tiếng|nước|quốc)[ \t]*$/u.test(before(ctx, m.index, 12))) continue;
      // "Anh"/"Chị" starting a sentence may be a pronoun before a capitalised word: ask for two syllables
      // after it at least, which the pattern already does.
      if (placeholderName(words)) continue;
      emitPD(ctx, 'person-name', 'name', start, end, name, inOfficialRole(ctx, end) ? 0.6 : 0.85, bilingual('checks.recognisers.personal-data.run.person-name'));
    }
  },
};
