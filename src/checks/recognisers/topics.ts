// Topics the rules restrict (KAI-CB Điều 7, 8; QC-PB Điều 7.7, 7.9, 7.10) and sensitive categories
// of personal data (Nghị định 13/2023 Điều 2.4; Nghị định 356/2025). Phrase lists matched in one
// pass; a bounded window around a match moves the confidence ("chưa công bố" raises it).

import { ScanContext, after, before, isLetterCode, isWordCharAt, type Recogniser } from '../context';
import type { Bilingual, PersonalDataSensitivity } from '../types';

interface TopicRule {
  subtype: string;
  personalData: boolean;
  sensitivity?: PersonalDataSensitivity;
  confidence: number;
  phrases: string[];
}

const RULES: readonly TopicRule[] = [
  // Restricted topics (personalData: false).
  { subtype: 'budget', personalData: false, confidence: 0.6, phrases: ['dự toán ngân sách', 'dự toán thu ngân sách', 'dự toán chi ngân sách', 'dự toán thu, chi ngân sách', 'phân bổ ngân sách', 'số liệu ngân sách', 'quyết toán ngân sách', 'phân bổ vốn đầu tư công', 'kế hoạch vốn đầu tư công'] },
  { subtype: 'bidding', personalData: false, confidence: 0.75, phrases: ['đấu thầu', 'hồ sơ mời thầu', 'hồ sơ dự thầu', 'giá gói thầu', 'gói thầu', 'lựa chọn nhà thầu', 'chỉ định thầu', 'nhà thầu', 'dự toán gói thầu', 'đấu giá'] },
  { subtype: 'planning', personalData: false, confidence: 0.45, phrases: ['quy hoạch', 'đồ án quy hoạch', 'điều chỉnh quy hoạch', 'quy hoạch chi tiết', 'quy hoạch sử dụng đất', 'quy hoạch xây dựng', 'dự thảo quy hoạch'] },
  { subtype: 'sanction', personalData: false, confidence: 0.85, phrases: ['xử phạt vi phạm hành chính', 'quyết định xử phạt', 'biên bản vi phạm hành chính', 'xử lý vi phạm hành chính', 'cưỡng chế thi hành', 'xử phạt'] },
  { subtype: 'inspection', personalData: false, confidence: 0.65, phrases: ['thanh tra', 'kết luận thanh tra', 'đoàn thanh tra', 'quyết định thanh tra', 'cơ quan điều tra', 'kết luận điều tra', 'điều tra', 'khởi tố', 'đơn tố cáo', 'giải quyết tố cáo', 'giải quyết khiếu nại', 'khiếu nại, tố cáo', 'đơn khiếu nại', 'xác minh nội dung tố cáo', 'kiểm tra dấu hiệu vi phạm'] },
  { subtype: 'personnel-file', personalData: false, confidence: 0.85, phrases: ['hồ sơ đảng viên', 'hồ sơ cán bộ', 'lý lịch đảng viên', 'lý lịch cán bộ', 'hồ sơ nhân sự', 'đánh giá cán bộ', 'đánh giá, xếp loại', 'đánh giá, xếp loại chất lượng', 'nhận xét, đánh giá', 'phiếu đánh giá', 'bản kiểm điểm', 'kiểm điểm cá nhân', 'lấy phiếu tín nhiệm', 'phiếu tín nhiệm'] },
  { subtype: 'personnel-decision', personalData: false, confidence: 0.75, phrases: ['bổ nhiệm', 'bổ nhiệm lại', 'miễn nhiệm', 'điều động', 'luân chuyển cán bộ', 'kỷ luật cán bộ', 'kỷ luật đảng viên', 'thi hành kỷ luật', 'hình thức kỷ luật', 'quy hoạch cán bộ', 'công tác nhân sự', 'phương án nhân sự', 'giới thiệu nhân sự', 'nhân sự', 'cách chức', 'bãi nhiệm', 'cho thôi chức vụ'] },
  // Sensitive personal-data categories.
  { subtype: 'health', personalData: true, sensitivity: 'sensitive', confidence: 0.8, phrases: ['bệnh án', 'hồ sơ bệnh án', 'tiền sử bệnh', 'chẩn đoán', 'kết quả xét nghiệm', 'tình trạng sức khỏe', 'tình trạng sức khoẻ', 'nhiễm hiv', 'dương tính với', 'bệnh tâm thần', 'giấy ra viện', 'hồ sơ sức khỏe', 'hồ sơ sức khoẻ', 'điều trị nội trú'] },
  { subtype: 'religion', personalData: true, sensitivity: 'sensitive', confidence: 0.8, phrases: ['tôn giáo:', 'theo đạo', 'tín đồ', 'quan điểm tôn giáo', 'niềm tin tôn giáo'] },
  { subtype: 'political-views', personalData: true, sensitivity: 'sensitive', confidence: 0.75, phrases: ['quan điểm chính trị', 'chính kiến', 'khuynh hướng chính trị', 'lập trường chính trị'] },
  { subtype: 'criminal-record', personalData: true, sensitivity: 'sensitive', confidence: 0.85, phrases: ['tiền án', 'tiền sự', 'án tích', 'lý lịch tư pháp', 'bị kết án', 'bị khởi tố', 'bị tạm giam', 'bị truy nã', 'chấp hành án phạt tù'] },
  { subtype: 'ethnicity', personalData: true, sensitivity: 'sensitive', confidence: 0.8, phrases: ['dân tộc:', 'nguồn gốc chủng tộc', 'nguồn gốc dân tộc', 'sắc tộc'] },
  { subtype: 'sexual-life', personalData: true, sensitivity: 'sensitive', confidence: 0.85, phrases: ['đời sống tình dục', 'xu hướng tính dục', 'xu hướng tình dục', 'bản dạng giới'] },
  { subtype: 'biometric', personalData: true, sensitivity: 'sensitive', confidence: 0.8, phrases: ['sinh trắc học', 'vân tay', 'mống mắt', 'nhận dạng khuôn mặt', 'nhận diện khuôn mặt'] },
  { subtype: 'genetic', personalData: true, sensitivity: 'sensitive', confidence: 0.85, phrases: ['dữ liệu di truyền', 'thông tin di truyền', 'xét nghiệm adn', 'mẫu adn', 'giải mã gen'] },
  { subtype: 'location', personalData: true, sensitivity: 'sensitive', confidence: 0.75, phrases: ['dữ liệu định vị', 'vị trí định vị', 'dữ liệu vị trí', 'tọa độ gps', 'toạ độ gps', 'định vị gps', 'lịch sử di chuyển'] },
  { subtype: 'financial', personalData: true, sensitivity: 'sensitive', confidence: 0.8, phrases: ['số dư tài khoản', 'sao kê', 'lịch sử giao dịch', 'thông tin tín dụng', 'lịch sử tín dụng'] },
  { subtype: 'marital-status', personalData: true, sensitivity: 'basic', confidence: 0.7, phrases: ['tình trạng hôn nhân'] },
];

const EXPLAIN: Record<string, Bilingual> = {
  budget: { vi: 'Nội dung về ngân sách: dữ liệu ngân sách chưa công bố không được đưa vào AI (KAI-CB Điều 7)', en: 'Budget content: unpublished budget data must not be given to AI (KAI-CB Art. 7)' },
  bidding: { vi: 'Nội dung về đấu thầu: không đưa nội dung đấu thầu chưa công bố vào AI (KAI-CB Điều 7)', en: 'Bidding content: unpublished bidding content must not be given to AI (KAI-CB Art. 7)' },
  planning: { vi: 'Nội dung về quy hoạch: quy hoạch chưa công bố không được đưa vào AI (KAI-CB Điều 7)', en: 'Planning content: unpublished planning must not be given to AI (KAI-CB Art. 7)' },
  sanction: { vi: 'Xử phạt vi phạm hành chính: không dùng AI cho việc này (KAI-CB Điều 8.1)', en: 'Administrative sanctions: AI must not be used for this (KAI-CB Art. 8.1)' },
  inspection: { vi: 'Thanh tra, điều tra, khiếu nại, tố cáo: không dùng AI cho việc này (KAI-CB Điều 8.1)', en: 'Inspection, investigation, complaints: AI must not be used for this (KAI-CB Art. 8.1)' },
  'personnel-file': { vi: 'Hồ sơ, đánh giá cán bộ, đảng viên: không dùng AI phân tích khi chưa được phép (QC-PB Điều 7.9)', en: 'Cadre and Party-member files or appraisals: no AI analysis without authorisation (QC-PB Art. 7.9)' },
  'personnel-decision': { vi: 'Công tác tổ chức, nhân sự: AI không được đề xuất quyết định nhân sự (QC-PB Điều 7.7)', en: 'Organisation and personnel: AI must not propose personnel decisions (QC-PB Art. 7.7)' },
  draft: { vi: 'Văn bản đang là dự thảo: không đưa dự thảo chưa được phép công bố vào AI bên ngoài (QC-PB Điều 7.10)', en: 'The document is a draft: drafts not cleared for publication must not go to external AI (QC-PB Art. 7.10)' },
  credential: { vi: 'Có mật khẩu hoặc khóa truy cập trong văn bản: xóa ngay, không để trong tài liệu (QC-PB Điều 17.2)', en: 'A password or access key is in the text: remove it, never keep it in a document (QC-PB Art. 17.2)' },
};
const SENSITIVE_EXPLAIN: Bilingual = {
  vi: 'Dữ liệu cá nhân nhạy cảm (Nghị định 13/2023/NĐ-CP Điều 2.4, Nghị định 356/2025/NĐ-CP): không đưa vào AI công cộng (QC-PB Điều 7.2)',
  en: 'Sensitive personal data (Decree 13/2023 Art. 2.4, Decree 356/2025): never give it to a public AI (QC-PB Art. 7.2)',
};

const BY_PHRASE = new Map<string, TopicRule>();
for (const r of RULES) for (const p of r.phrases) BY_PHRASE.set(p, r);
/**
 * Phrases indexed by a hash of their first three UTF-16 units, longest first. A large regex
 * alternation costs ~20 ms/MB in V8; testing the few candidates at each word start costs a fraction
 * of that. The hash stays a small integer (no heap numbers to hash); a collision only adds a
 * candidate, which `startsWith` then refuses.
 */
const BY_PREFIX = new Map<number, string[]>();
const prefixKey = (s: string, i: number): number => (s.charCodeAt(i) * 961 + s.charCodeAt(i + 1) * 31 + s.charCodeAt(i + 2)) & 0x3fffffff;
const FIRST_CHAR = new Uint8Array(0x10000);
for (const p of [...BY_PHRASE.keys()].sort((a, b) => b.length - a.length)) {
  const key = prefixKey(p, 0);
  FIRST_CHAR[p.charCodeAt(0)] = 1;
  const list = BY_PREFIX.get(key) ?? [];
  list.push(p);
  BY_PREFIX.set(key, list);
}

/** Calls `found(start, phrase)` for each phrase at a word start and ending at a word boundary. */
function findPhrases(lower: string, found: (start: number, phrase: string) => void): void {
  const n = lower.length;
  let prevWord = false;
  for (let i = 0; i < n - 2; i++) {
    const c = lower.charCodeAt(i);
    const word = c < 0x80 ? (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) : isLetterCode(c);
    if (word && !prevWord && FIRST_CHAR[c] === 1) {
      const list = BY_PREFIX.get(prefixKey(lower, i));
      if (list) {
        for (const p of list) {
          // The fourth unit first: most candidates ("quy hoạch" at "quy định") differ there.
          if (p.length > 3 && lower.charCodeAt(i + 3) !== p.charCodeAt(3)) continue;
          if (lower.startsWith(p, i) && !isWordCharAt(lower, i + p.length)) {
            found(i, p);
            i += p.length - 1; // phrases do not overlap: continue after this one
            break;
          }
        }
      }
    }
    prevWord = word;
  }
}

const UNPUBLISHED_RE = /chưa (?:được )?(?:công bố|công khai|phê duyệt|ban hành)|dự thảo|(?<!\p{L})mật(?!\p{L})|không phổ biến/u;
/** "điều tra dân số", "thanh tra viên chính" are statistics or job titles, not investigations. */
const NOT_INVESTIGATION_RE = /^[ \t]+(?:dân số|thống kê|cơ bản|xã hội học|khảo sát|nông nghiệp|doanh nghiệp|lao động|mức sống|hộ gia đình|, khảo sát)/u;

function adjust(ctx: ScanContext, rule: TopicRule, start: number, end: number): number | undefined {
  const next = ctx.text.slice(end, end + 24);
  if (rule.subtype === 'inspection' && NOT_INVESTIGATION_RE.test(next)) return undefined;
  if (rule.subtype === 'planning' && /^[ \t]+(?:cán bộ|nhân sự)/u.test(next)) return undefined; // personnel, matched separately
  if (rule.subtype === 'budget' || rule.subtype === 'planning' || rule.subtype === 'bidding') {
    const around = before(ctx, start, 80) + ' ' + after(ctx, end, 80);
    if (UNPUBLISHED_RE.test(around)) return 0.9;
  }
  return rule.confidence;
}

const DRAFT_LINE_RE = /^[ \t("'“]*(?:DỰ THẢO|Dự thảo)(?:[ \t]+(?:LẦN|lần)[ \t]*\d+)?(?:[ \t]*\d+)?[ \t)"'”.:]*$/u;
const CREDENTIAL_RE = /(?<!\p{L})(?:mật khẩu|password|passwd|api[ _-]?key|khóa api|token)[ \t]*(?:là)?[ \t]*[:=][ \t]*(\S{4,})|(?<![a-z0-9])(sk-[a-z0-9_-]{20,})/gu;

// Words naming one particular person in the sentence ("Bệnh nhân có tiền sử…", "Đương sự có tiền án…"),
// unlike the generic "người bệnh", "công dân", "cá nhân", "thuê bao" of a law or a rule.
const PERSON_WORD_RE =
  /(?<!\p{L})(?:bệnh nhân|đương sự|bị can|bị cáo|bị hại|phạm nhân|nạn nhân|người khai|người có tên|ông|bà|anh|chị|cháu|đồng chí|đ\/c|họ và tên|họ tên)(?!\p{L})/u;
// A filled form field: "Tôn giáo: Công giáo", "Dân tộc: Tày" (a blank "Dân tộc: ......" is a form, nobody's).
const FILLED_FIELD_RE = /^[ \t]*:[ \t]*[\p{L}\d]/u;

/** True when a personal-data topic is about a particular person: a filled field, or a person named in its sentence. */
function aboutAPerson(ctx: ScanContext, start: number, end: number): boolean {
  const field = ctx.text[end - 1] === ':' ? end - 1 : end; // the phrase may hold the label's colon
  if (FILLED_FIELD_RE.test(ctx.text.slice(field, field + 8))) return true;
  const head = before(ctx, start, 120);
  const sentenceHead = head.slice(Math.max(head.lastIndexOf('. '), head.lastIndexOf(';')) + 1);
  const tail = after(ctx, end, 120);
  const cut = tail.search(/[.;](?:[ \t]|$)/u);
  return PERSON_WORD_RE.test(sentenceHead) || PERSON_WORD_RE.test(cut === -1 ? tail : tail.slice(0, cut));
}

function emitTopic(ctx: ScanContext, subtype: string, personalData: boolean, start: number, end: number, confidence: number, sensitivity?: PersonalDataSensitivity): void {
  const base = personalData ? SENSITIVE_EXPLAIN : (EXPLAIN[subtype] as Bilingual);
  ctx.emit(
    {
      kind: 'topic',
      subtype,
      personalData,
      ...(sensitivity ? { sensitivity } : {}),
      ...(personalData && aboutAPerson(ctx, start, end) ? { aboutPerson: true } : {}),
      start,
      end,
      value: ctx.text.slice(start, end).toLowerCase().replace(/\s+/gu, ' '),
      confidence,
      recogniser: 'topics',
      explanation: { vi: `${base.vi}.`, en: `${base.en}.` },
    },
    false,
  );
}

export const topicsRecogniser: Recogniser = {
  id: 'topics',
  kind: 'topic',
  subtypes: [...new Set(RULES.map((r) => r.subtype)), 'draft', 'credential'],
  description: {
    vi: 'Chủ đề bị hạn chế (ngân sách, đấu thầu, quy hoạch chưa công bố; xử phạt; thanh tra, điều tra; hồ sơ và quyết định nhân sự; dự thảo; mật khẩu) và loại dữ liệu cá nhân nhạy cảm (sức khỏe, tôn giáo, chính kiến, tiền án, dân tộc, đời sống tình dục, sinh trắc, di truyền, vị trí, tài chính).',
    en: 'Restricted topics (unpublished budget, bidding, planning; sanctions; inspection and investigation; personnel files and decisions; drafts; passwords) and sensitive personal-data categories (health, religion, political views, criminal records, ethnicity, sexual life, biometrics, genetics, location, finances).',
  },
  run(ctx) {
    const text = ctx.text;
    const lower = ctx.lower;
    findPhrases(lower, (start, phrase) => {
      const end = start + phrase.length;
      const rule = BY_PHRASE.get(phrase);
      if (!rule || !ctx.isFree(start, end)) return;
      const confidence = adjust(ctx, rule, start, end);
      if (confidence === undefined) return;
      emitTopic(ctx, rule.subtype, rule.personalData, start, end, confidence, rule.sensitivity);
    });
    // A "DỰ THẢO" label on its own line (NĐ 30/2020 Phụ lục I ô 12) makes the document a draft.
    // Only lines holding "dự thảo" (any case) can match: found with indexOf, each line tested once.
    let ls = 0;
    for (let at = lower.indexOf('dự thảo'); at !== -1; at = lower.indexOf('dự thảo', ls)) {
      ls = text.lastIndexOf('\n', at - 1) + 1;
      let le = text.indexOf('\n', at);
      if (le === -1) le = text.length;
      if (le - ls <= 40 && DRAFT_LINE_RE.test(text.slice(ls, le))) {
        let s = ls;
        let e = le;
        while (s < e && /[\s("'“]/u.test(text[s] as string)) s++;
        while (e > s && /[\s)"'”.:]/u.test(text[e - 1] as string)) e--;
        emitTopic(ctx, 'draft', false, s, e, 0.9);
      }
      ls = le + 1;
    }
    CREDENTIAL_RE.lastIndex = 0;
    for (let m = CREDENTIAL_RE.exec(lower); m; m = CREDENTIAL_RE.exec(lower)) {
      emitTopic(ctx, 'credential', false, m.index, m.index + m[0].length, 0.9);
    }
  },
};
