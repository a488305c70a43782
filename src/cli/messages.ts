// Every string the CLI prints, in Vietnamese (default) and English. The English catalog is typed
// against the Vietnamese one, so a missing translation is a compile error.
import type { Lang } from './context';

const vi = {
  usage: `aiprov — soạn thảo có AI, có kiểm chứng và lưu vết

Cách dùng: aiprov <lệnh> [tham số] [--lang vi|en]

Các lệnh:
  registry lookup|stats|import          danh mục văn bản pháp luật: tra số ký hiệu, thống kê, kiểm tra tệp nhập
  scan <tệp.txt|tệp.docx> [--json] [--registry TỆP]
                                        tìm trích dẫn, số liệu, dữ liệu cá nhân, dấu mật; đề xuất mức độ
  inspect <tệp.docx> [--json] [--paragraphs]
                                        các đoạn AI, nội dung cần kiểm chứng, tính toàn vẹn, mức độ
  declare <tệp.docx> --paragraphs N[-M] --tool TÊN [--model M] [--purpose P] --by TÊN -o TỆP_RA
                                        đánh dấu đoạn dán từ công cụ AI bên ngoài
  verify <tệp.docx> --claim MÃ --source NGUỒN --by TÊN -o TỆP_RA   (hoặc --reject LÝ_DO)
  refresh <tệp.docx> --by TÊN -o TỆP_RA  cập nhật hồ sơ theo văn bản (sửa, xoá, gắn lại đoạn AI)
  disclose <tệp.docx> --by TÊN [--option N] -o TỆP_RA
                                        chèn dòng ghi chú sử dụng AI theo quy định
  signoff <tệp.docx> --by TÊN [--role CHỨC_VỤ] -o TỆP_RA
  check <tệp.docx> [--json]             0 sẵn sàng ký, 1 chưa sẵn sàng, 2 không đọc được / hồ sơ bị sửa
  report <tệp.docx> --format html|json|prov -o TỆP_RA
                                        phụ lục sử dụng AI cho người kiểm tra
  draft --purpose P --prompt YÊU_CẦU [--source TỆP]… [--input TỆP] [--provider MÃ] [--settings TỆP]
        [--level 1-4] [--yes] [--into TỆP.docx --after-paragraph N --by TÊN -o TỆP_RA]
                                        soạn bằng AI theo quy định: kiểm tra mức độ và mục đích trước khi gửi,
                                        thay dữ liệu cá nhân bằng ký hiệu, đối chiếu số liệu với nguồn;
                                        câu trả lời ra stdout, trạng thái ra stderr. Khóa API lấy từ biến môi trường
                                        AIPROV_API_KEY_<MÃ> hoặc AIPROV_API_KEY, không bao giờ từ tệp cấu hình.
                                        Mã thoát: 0 xong, 2 tham số/tệp/cấu hình, 3 quy định từ chối (hoặc cần --yes),
                                        4 lỗi nhà cung cấp AI, 130 đã hủy

Các lệnh ghi tệp không bao giờ sửa tệp gốc, trừ khi dùng --in-place.
Mục đích (--purpose): draft, summarize, translate, outline, proofread, analyze.`,
  unknownCommand: (name: string) => `không có lệnh "${name}". Gõ "aiprov --help" để xem các lệnh.`,
  unexpected: (detail: string) => `lỗi không mong đợi: ${detail}`,
  missingFile: 'thiếu tên tệp cần đọc.',
  cannotRead: (path: string, detail: string) => `không đọc được tệp "${path}": ${detail}`,
  file: 'Tệp',
  suggestedLevel: 'Mức độ nhạy cảm đề xuất',
  evidence: 'Căn cứ',
  noEvidence: 'không thấy dấu hiệu nào của tài liệu nội bộ, dữ liệu cá nhân hay bí mật',
  kindTitles: {
    mark: 'Dấu mức độ mật, khẩn, phạm vi lưu hành',
    citation: 'Trích dẫn văn bản',
    figure: 'Số liệu',
    'personal-data': 'Dữ liệu cá nhân',
    topic: 'Chủ đề nhạy cảm',
  },
  diagnosticsTitle: 'Cảnh báo về trích dẫn và số liệu',
  severity: { error: 'lỗi', warning: 'cảnh báo', info: 'lưu ý' },
  nothingFound: 'Không tìm thấy gì cần lưu ý.',
  more: (count: number) => `… và ${count} mục nữa (dùng --json để xem hết)`,
  required: (option: string) => `thiếu tham số ${option}.`,
  badRange: (value: string) => `"${value}" không phải khoảng đoạn hợp lệ (ví dụ 3 hoặc 3-5).`,
  badPurpose: (value: string) => `mục đích "${value}" không có; dùng một trong: draft, summarize, translate, outline, proofread, analyze.`,
  badFormat: (value: string) => `định dạng "${value}" không có; dùng html, json hoặc prov.`,
  badOption: (value: string) => `"${value}" không phải số thứ tự hợp lệ.`,
  wrote: (path: string) => `Đã ghi ${path}`,
  declared: (id: string, count: number) => `Đã đánh dấu đoạn AI ${id}; ${count} nội dung cần kiểm chứng.`,
  verified: (claim: string, by: string) => `Đã ghi nhận: ${claim} đã được ${by} kiểm chứng.`,
  rejected: (claim: string, by: string) => `Đã ghi nhận: ${claim} bị ${by} bác bỏ.`,
  refreshed: (edited: number, rebound: number, removed: number) => `Đã cập nhật: ${edited} đoạn đã sửa, ${rebound} đoạn được gắn lại, ${removed} đoạn đã xoá.`,
  disclosed: (text: string) => `Đã chèn dòng ghi chú: «${text}»`,
  signedOff: (by: string) => `Đã ký duyệt: ${by}.`,
  recordNone: 'Văn bản chưa có hồ sơ sử dụng AI.',
  recordOk: 'Hồ sơ sử dụng AI: nguyên vẹn',
  recordTampered: 'Hồ sơ sử dụng AI: ĐÃ BỊ SỬA ĐỔI',
  recordUnusable: 'Hồ sơ sử dụng AI: không đọc được',
  passagesTitle: (count: number) => `Các đoạn AI (${count})`,
  removedTag: 'đã xoá',
  origin: { generated: 'do AI tạo trong tiện ích', declared: 'dán từ công cụ AI bên ngoài' },
  condition: { unverified: 'chưa kiểm chứng', verified: 'đã kiểm chứng', 'needs-review': 'cần xem lại' },
  claimStatus: { unverified: 'chưa kiểm chứng', verified: 'đã kiểm chứng', rejected: 'bị bác bỏ', lapsed: 'hết hiệu lực (nội dung đã đổi)' },
  editRatio: (percent: number) => `đã sửa ${percent}% so với bản AI`,
  verbatim: 'còn nguyên văn như AI viết',
  purpose: 'mục đích',
  by: 'bởi',
  source: 'nguồn',
  pendingChanges: (edited: number, rebound: number, removed: number) => `Văn bản đã thay đổi so với hồ sơ (${edited} đoạn sửa, ${rebound} đoạn mất thẻ, ${removed} đoạn đã xoá); chạy "aiprov refresh" để ghi nhận.`,
  ready: 'SẴN SÀNG KÝ DUYỆT',
  notReady: 'CHƯA SẴN SÀNG KÝ DUYỆT',
  warningsTitle: 'Lưu ý',
  signOffs: 'Ký duyệt',
  notCurrent: 'không còn hiệu lực (văn bản đã thay đổi sau đó)',
  paragraphsTitle: 'Các đoạn trong thân văn bản (số dùng cho --paragraphs)',
  inPassage: 'thuộc đoạn AI',
  level: 'Mức độ',
  declaredLevel: 'khai báo',
  detectedLevel: 'phát hiện',
  noRecordForReport: 'Văn bản chưa có hồ sơ sử dụng AI, không có gì để báo cáo.',
  draft: {
    badLevel: (value: string) => `mức độ "${value}" không hợp lệ; dùng 1, 2, 3 hoặc 4.`,
    badParagraph: (value: string) => `"${value}" không phải số đoạn hợp lệ (0 = đầu văn bản).`,
    needsInto: (option: string) => `${option} chỉ dùng cùng --into TỆP.docx.`,
    badTimeout: (value: string) => `"${value}" không phải số giây hợp lệ.`,
    emptyPrompt: 'yêu cầu (--prompt) đang trống.',
    settingsWarning: (detail: string) => `Cảnh báo: ${detail}`,
    provider: (name: string, tier: string, host: string, model: string) => `Nhà cung cấp: ${name} (${tier}, ${host}) · mô hình: ${model}`,
    profile: (name: string) => `Quy tắc áp dụng: ${name}`,
    level: (label: string) => `Mức độ áp dụng: ${label}`,
    redacted: (total: number, detail: string) => `Đã thay ${total} mục dữ liệu cá nhân bằng ký hiệu trước khi gửi (${detail}); giá trị thật được khôi phục trên máy này.`,
    warningsAccepted: 'Đã xác nhận các lưu ý (--yes):',
    sending: 'Đang gửi…',
    done: (seconds: string, first: string | null) => `Xong sau ${seconds} giây${first ? ` (chữ đầu tiên sau ${first} giây)` : ''}.`,
    truncated: 'Lưu ý: câu trả lời bị cắt do giới hạn độ dài của mô hình.',
    refused: 'Không gửi cho AI — quy định không cho phép:',
    needsConfirmation: 'Chưa gửi cho AI — cần xác nhận các lưu ý sau (thêm --yes để tiếp tục):',
    providerError: 'Lỗi nhà cung cấp AI:',
    nothingWritten: 'Không có tệp nào được ghi.',
    groundingTitle: (grounded: number, partial: number, ungrounded: number) =>
      `Đối chiếu với nguồn: ${grounded} nội dung có trong nguồn, ${partial} chỉ có một phần, ${ungrounded} KHÔNG thấy trong nguồn.`,
    noClaims: 'Đối chiếu với nguồn: câu trả lời không có số liệu hay trích dẫn nào.',
    groundedAt: (source: string, snippet: string) => `có trong ${source}: «${snippet}»`,
    notInSources: 'không thấy trong nguồn nào: có thể do AI tự tạo ra',
    verifyReminder: 'Mọi số liệu, trích dẫn vẫn phải được người có trách nhiệm kiểm chứng trước khi dùng (QC-PB Điều 4, khoản 2; KAI-CB Điều 6).',
    inserted: (id: string, after: number, claims: number) => `Đã chèn đoạn AI ${id} sau đoạn ${after}; ${claims} nội dung cần kiểm chứng.`,
  },
  // Registry (issue 9): aiprov registry lookup|stats|import, --registry
  registry: {
    usage: 'Cách dùng: aiprov registry lookup SỐ_KÝ_HIỆU [--date YYYY-MM-DD] [--registry TỆP] | stats [--registry TỆP] | import TỆP.csv|.jsonl',
    notInRegistry: (symbol: string) => `${symbol}: không có trong danh mục (danh mục không đủ mọi văn bản; không phải lỗi).`,
    notFound: (symbol: string) => `${symbol}: KHÔNG có trong danh mục, dù danh mục có đủ loại văn bản này trong năm đó.`,
    ambiguous: (symbol: string, n: number) => `${symbol}: ${n} văn bản cùng số ký hiệu (số đánh lại mỗi năm); thêm --date để chọn.`,
    entry: (type: string, symbol: string, issued: string, issuer: string, title: string) => `${type} ${symbol} ngày ${issued} của ${issuer}: ${title}`,
    status: (status: string, asOf: string) => `  Tình trạng: ${status}${asOf ? ` (theo nguồn, ngày ${asOf})` : ''}`,
    effective: (date: string) => `  Có hiệu lực từ: ${date}`,
    replacedBy: (list: string) => `  Được thay thế bởi: ${list}`,
    statusNames: { 'in-force': 'còn hiệu lực', 'partly-expired': 'hết hiệu lực một phần', expired: 'hết hiệu lực', 'not-yet-in-force': 'chưa có hiệu lực', unknown: 'chưa rõ' } as Record<string, string>,
    unknownValue: 'chưa rõ',
    stats: (entries: number, symbols: number, from: string, to: string) => `Danh mục: ${entries} văn bản, ${symbols} số ký hiệu, ban hành từ ${from} đến ${to}.`,
    byType: 'Theo loại:',
    byStatus: 'Theo tình trạng:',
    imported: (good: number, bad: number) => `Hợp lệ: ${good} dòng; lỗi: ${bad} dòng.`,
    badRow: (line: number, message: string) => `  dòng ${line}: ${message}`,
    badFile: (path: string, bad: number) => `tệp danh mục "${path}" có ${bad} dòng không hợp lệ (chạy aiprov registry import "${path}" để xem).`,
  },
};

type Catalog = typeof vi;

const en: Catalog = {
  usage: `aiprov — AI-assisted drafting with verification and provenance

Usage: aiprov <command> [options] [--lang vi|en]

Commands:
  registry lookup|stats|import          the legal-document registry: look a symbol up, statistics, check a file to import
  scan <file.txt|file.docx> [--json] [--registry FILE]
                                        find citations, figures, personal data, secrecy marks; suggest a level
  inspect <file.docx> [--json] [--paragraphs]
                                        AI passages, claims to verify, integrity, level
  declare <file.docx> --paragraphs N[-M] --tool NAME [--model M] [--purpose P] --by NAME -o OUT
                                        mark text pasted from an outside AI tool
  verify <file.docx> --claim ID --source SOURCE --by NAME -o OUT   (or --reject REASON)
  refresh <file.docx> --by NAME -o OUT  bring the record in step with the text (edits, removals, lost tags)
  disclose <file.docx> --by NAME [--option N] -o OUT
                                        insert the AI disclosure line in the profile's wording
  signoff <file.docx> --by NAME [--role ROLE] -o OUT
  check <file.docx> [--json]            0 ready to sign, 1 not ready, 2 unreadable / tampered record
  report <file.docx> --format html|json|prov -o OUT
                                        the AI-use annex for an inspector
  draft --purpose P --prompt TEXT [--source FILE]… [--input FILE] [--provider ID] [--settings FILE]
        [--level 1-4] [--yes] [--into FILE.docx --after-paragraph N --by NAME -o OUT]
                                        draft with AI under the rules: level and purpose checked before sending,
                                        personal data replaced by placeholders, figures checked against the sources;
                                        the answer goes to stdout, status to stderr. API keys come from the environment
                                        (AIPROV_API_KEY_<ID> or AIPROV_API_KEY), never from the settings file.
                                        Exit codes: 0 done, 2 arguments/files/settings, 3 refused by the rules (or --yes
                                        needed), 4 AI provider error, 130 cancelled

Commands that write never modify the input unless --in-place is given.
Purposes (--purpose): draft, summarize, translate, outline, proofread, analyze.`,
  unknownCommand: (name: string) => `no command "${name}". Run "aiprov --help" to see the commands.`,
  unexpected: (detail: string) => `unexpected error: ${detail}`,
  missingFile: 'missing the name of the file to read.',
  cannotRead: (path: string, detail: string) => `cannot read "${path}": ${detail}`,
  file: 'File',
  suggestedLevel: 'Suggested sensitivity level',
  evidence: 'Evidence',
  noEvidence: 'no sign of internal material, personal data or secrets',
  kindTitles: {
    mark: 'Secrecy, urgency and circulation marks',
    citation: 'Document citations',
    figure: 'Figures',
    'personal-data': 'Personal data',
    topic: 'Sensitive topics',
  },
  diagnosticsTitle: 'Warnings about citations and figures',
  severity: { error: 'error', warning: 'warning', info: 'note' },
  nothingFound: 'Nothing to flag.',
  more: (count: number) => `… and ${count} more (use --json to see all)`,
  required: (option: string) => `missing ${option}.`,
  badRange: (value: string) => `"${value}" is not a paragraph range (e.g. 3 or 3-5).`,
  badPurpose: (value: string) => `no purpose "${value}"; use one of: draft, summarize, translate, outline, proofread, analyze.`,
  badFormat: (value: string) => `no format "${value}"; use html, json or prov.`,
  badOption: (value: string) => `"${value}" is not a valid number.`,
  wrote: (path: string) => `Wrote ${path}`,
  declared: (id: string, count: number) => `Marked AI passage ${id}; ${count} claim(s) to verify.`,
  verified: (claim: string, by: string) => `Recorded: ${claim} verified by ${by}.`,
  rejected: (claim: string, by: string) => `Recorded: ${claim} rejected by ${by}.`,
  refreshed: (edited: number, rebound: number, removed: number) => `Updated: ${edited} passage(s) edited, ${rebound} re-bound, ${removed} removed.`,
  disclosed: (text: string) => `Inserted the disclosure line: «${text}»`,
  signedOff: (by: string) => `Signed off by ${by}.`,
  recordNone: 'The document has no AI-use record yet.',
  recordOk: 'AI-use record: intact',
  recordTampered: 'AI-use record: ALTERED',
  recordUnusable: 'AI-use record: unreadable',
  passagesTitle: (count: number) => `AI passages (${count})`,
  removedTag: 'removed',
  origin: { generated: 'generated in the add-in', declared: 'pasted from an outside AI tool' },
  condition: { unverified: 'unverified', verified: 'verified', 'needs-review': 'needs review' },
  claimStatus: { unverified: 'unverified', verified: 'verified', rejected: 'rejected', lapsed: 'lapsed (text changed)' },
  editRatio: (percent: number) => `${percent}% edited since the AI wrote it`,
  verbatim: 'still word for word as the AI wrote it',
  purpose: 'purpose',
  by: 'by',
  source: 'source',
  pendingChanges: (edited: number, rebound: number, removed: number) => `The document changed since the record was updated (${edited} edited, ${rebound} lost their tag, ${removed} removed); run "aiprov refresh" to record it.`,
  ready: 'READY TO SIGN',
  notReady: 'NOT READY TO SIGN',
  warningsTitle: 'Warnings',
  signOffs: 'Sign-offs',
  notCurrent: 'no longer current (the document changed afterwards)',
  paragraphsTitle: 'Body paragraphs (numbers used by --paragraphs)',
  inPassage: 'in AI passage',
  level: 'Level',
  declaredLevel: 'declared',
  detectedLevel: 'detected',
  noRecordForReport: 'The document has no AI-use record: nothing to report.',
  draft: {
    badLevel: (value: string) => `level "${value}" is not valid; use 1, 2, 3 or 4.`,
    badParagraph: (value: string) => `"${value}" is not a paragraph number (0 = the start of the document).`,
    needsInto: (option: string) => `${option} is only used with --into FILE.docx.`,
    badTimeout: (value: string) => `"${value}" is not a number of seconds.`,
    emptyPrompt: 'the request (--prompt) is empty.',
    settingsWarning: (detail: string) => `Warning: ${detail}`,
    provider: (name: string, tier: string, host: string, model: string) => `Provider: ${name} (${tier}, ${host}) · model: ${model}`,
    profile: (name: string) => `Rules applied: ${name}`,
    level: (label: string) => `Level applied: ${label}`,
    redacted: (total: number, detail: string) => `Replaced ${total} personal-data item(s) with placeholders before sending (${detail}); the real values are restored on this machine.`,
    warningsAccepted: 'Warnings acknowledged (--yes):',
    sending: 'Sending…',
    done: (seconds: string, first: string | null) => `Done in ${seconds} s${first ? ` (first text after ${first} s)` : ''}.`,
    truncated: 'Note: the answer was cut short by the model\'s length limit.',
    refused: 'Not sent to AI — the rules do not allow it:',
    needsConfirmation: 'Not sent to AI yet — acknowledge these warnings first (add --yes to go ahead):',
    providerError: 'AI provider error:',
    nothingWritten: 'No file was written.',
    groundingTitle: (grounded: number, partial: number, ungrounded: number) =>
      `Checked against the sources: ${grounded} found in the sources, ${partial} only partly, ${ungrounded} NOT found in the sources.`,
    noClaims: 'Checked against the sources: the answer has no figures or citations.',
    groundedAt: (source: string, snippet: string) => `found in ${source}: «${snippet}»`,
    notInSources: 'not found in any source: the AI may have made it up',
    verifyReminder: 'Every figure and citation must still be verified by a responsible person before use (QC-PB Art. 4(2); KAI-CB Art. 6).',
    inserted: (id: string, after: number, claims: number) => `Inserted AI passage ${id} after paragraph ${after}; ${claims} claim(s) to verify.`,
  },
  // Registry (issue 9): aiprov registry lookup|stats|import, --registry
  registry: {
    usage: 'Usage: aiprov registry lookup SYMBOL [--date YYYY-MM-DD] [--registry FILE] | stats [--registry FILE] | import FILE.csv|.jsonl',
    notInRegistry: (symbol: string) => `${symbol}: not in the registry (the registry does not list every document; not an error).`,
    notFound: (symbol: string) => `${symbol}: NOT in the registry, which lists every document of this kind for that year.`,
    ambiguous: (symbol: string, n: number) => `${symbol}: ${n} documents share this symbol (numbers restart each year); add --date to pick one.`,
    entry: (type: string, symbol: string, issued: string, issuer: string, title: string) => `${type} ${symbol} of ${issued} by ${issuer}: ${title}`,
    status: (status: string, asOf: string) => `  Status: ${status}${asOf ? ` (per source, as of ${asOf})` : ''}`,
    effective: (date: string) => `  In force from: ${date}`,
    replacedBy: (list: string) => `  Replaced by: ${list}`,
    statusNames: { 'in-force': 'in force', 'partly-expired': 'partly expired', expired: 'expired', 'not-yet-in-force': 'not yet in force', unknown: 'unknown' } as Record<string, string>,
    unknownValue: 'unknown',
    stats: (entries: number, symbols: number, from: string, to: string) => `Registry: ${entries} documents, ${symbols} symbols, issued ${from} to ${to}.`,
    byType: 'By type:',
    byStatus: 'By status:',
    imported: (good: number, bad: number) => `Valid: ${good} rows; invalid: ${bad} rows.`,
    badRow: (line: number, message: string) => `  line ${line}: ${message}`,
    badFile: (path: string, bad: number) => `registry file "${path}" has ${bad} invalid rows (run aiprov registry import "${path}" to see them).`,
  },
};

export function messages(lang: Lang): Catalog {
  return lang === 'en' ? en : vi;
}
