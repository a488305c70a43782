// The help of every command, in Vietnamese (default) and English: one entry per command, shown by
// `aiprov help CMD` and `aiprov CMD --help`, and its summary line in `aiprov --help`.
// A new command gives its entry in main.ts's command table a `help` (here, or in a small file of its
// own — not in the command module, so `--help` loads no command code); English is required by type.
import type { Lang } from './context';

export interface CommandHelp {
  /** One line for the command list of `aiprov --help`. */
  summary: string;
  /** The synopsis after "aiprov ". */
  usage: string;
  /** [option, what it does]; global options (--lang, --help) are added by the printer. */
  options: [string, string][];
  /** At least one full command line a person can copy. */
  examples: string[];
  /** Extra lines (exit codes, where keys come from…). */
  notes?: string[];
}

/** A command's help in both languages: what a command table entry carries. */
export type BilingualHelp = { vi: CommandHelp; en: CommandHelp };

type HelpCatalog = Record<string, BilingualHelp>;

const OUT_VI: [string, string][] = [
  ['-o, --output TỆP_RA', 'tệp kết quả (không được trùng tệp gốc; đã có thì cần --force)'],
  ['--in-place', 'ghi đè lên chính tệp gốc thay cho -o'],
  ['--force', 'cho phép ghi đè tệp kết quả đã có'],
  ['--by TÊN', 'người thực hiện (ghi vào hồ sơ)'],
];
const OUT_EN: [string, string][] = [
  ['-o, --output OUT', 'the output file (never the input; --force to replace an existing one)'],
  ['--in-place', 'overwrite the input itself instead of -o'],
  ['--force', 'allow replacing an existing output file'],
  ['--by NAME', 'who does it (written into the record)'],
];

export const HELP: HelpCatalog = {
  scan: {
    vi: {
      summary: 'tìm trích dẫn, số liệu, dữ liệu cá nhân, dấu mật; đề xuất mức độ',
      usage: 'scan <tệp.txt|tệp.docx> [--json] [--registry TỆP]…',
      options: [['--json', 'in kết quả dạng JSON (docs/scan-schema.md)'], ['--registry TỆP', 'đối chiếu trích dẫn thêm với danh mục này (ngoài danh mục lõi, danh mục mặc định $AIPROV_REGISTRY hoặc <thư mục cấu hình>/aiprov/registry.jsonl|csv, và «registry» trong org-settings.json)']],
      examples: ['aiprov scan bao-cao.docx', 'aiprov scan ghi-chu.txt --json > ket-qua.json'],
    },
    en: {
      summary: 'find citations, figures, personal data, secrecy marks; suggest a level',
      usage: 'scan <file.txt|file.docx> [--json] [--registry FILE]…',
      options: [['--json', 'print the result as JSON (docs/scan-schema.md)'], ['--registry FILE', 'check citations against this registry too (besides the core registry, the default $AIPROV_REGISTRY or <config folder>/aiprov/registry.jsonl|csv, and "registry" in org-settings.json)']],
      examples: ['aiprov scan report.docx', 'aiprov scan notes.txt --json > result.json'],
    },
  },
  inspect: {
    vi: {
      summary: 'các đoạn AI, nội dung cần kiểm chứng, tính toàn vẹn, mức độ',
      usage: 'inspect <tệp.docx> [--json] [--paragraphs]',
      options: [
        ['--json', 'in dạng JSON (docs/inspect-schema.md)'],
        ['--paragraphs', 'liệt kê các đoạn của thân văn bản với số thứ tự (dùng cho declare --paragraphs)'],
        ['--settings TỆP', 'cấu hình tổ chức: danh sách khóa tin cậy (trustedKeys) để đối chiếu chữ ký (docs/org-settings.md)'],
        // issue 9 — registry
        ['--registry TỆP', 'với --json: đối chiếu trích dẫn cả với danh mục này (kết quả và nguồn gợi ý cho từng trích dẫn)'],
      ],
      examples: ['aiprov inspect bao-cao.docx', 'aiprov inspect bao-cao.docx --paragraphs'],
    },
    en: {
      summary: 'AI passages, claims to verify, integrity, level',
      usage: 'inspect <file.docx> [--json] [--paragraphs]',
      options: [
        ['--json', 'print as JSON (docs/inspect-schema.md)'],
        ['--paragraphs', 'list the body paragraphs with their numbers (used by declare --paragraphs)'],
        ['--settings FILE', "the organisation's settings: the trust list (trustedKeys) signatures are checked against (docs/org-settings.md)"],
        // issue 9 — registry
        ['--registry FILE', 'with --json: check citations against this registry too (result and suggested source per citation)'],
      ],
      examples: ['aiprov inspect report.docx', 'aiprov inspect report.docx --paragraphs'],
    },
  },
  check: {
    vi: {
      summary: 'cổng ký duyệt: 0 sẵn sàng, 1 chưa sẵn sàng, 2 không đọc được / hồ sơ bị sửa',
      usage: 'check <tệp.docx> [--json]',
      options: [['--json', 'in dạng JSON như inspect --json, không có mức độ (dùng inspect để xem mức độ), thêm exitCode'], ['--settings TỆP', 'cấu hình tổ chức: danh sách khóa tin cậy (trustedKeys) để đối chiếu chữ ký (docs/org-settings.md)']],
      examples: ['aiprov check bao-cao.docx && echo "có thể ký"'],
      notes: ['Mã thoát: 0 sẵn sàng ký, 1 chưa sẵn sàng (có lý do; cả khi văn bản bị sửa sau khi ký duyệt), 2 tệp không đọc được, hồ sơ bị sửa hoặc chữ ký không hợp lệ.'],
    },
    en: {
      summary: 'the sign-off gate: 0 ready, 1 not ready, 2 unreadable / altered record',
      usage: 'check <file.docx> [--json]',
      options: [['--json', 'print JSON as inspect --json does, without the level (inspect shows it), plus exitCode'], ['--settings FILE', "the organisation's settings: the trust list (trustedKeys) signatures are checked against (docs/org-settings.md)"]],
      examples: ['aiprov check report.docx && echo "ready to sign"'],
      notes: ['Exit codes: 0 ready to sign, 1 not ready (reasons listed; also when the text changed after sign-off), 2 unreadable file, altered record or invalid signature.'],
    },
  },
  report: {
    vi: {
      summary: 'phụ lục sử dụng AI cho người kiểm tra',
      usage: 'report <tệp.docx> --format html|json|prov -o TỆP_RA',
      options: [
        ['--format html|json|prov', 'HTML để in (A4), JSON, hoặc W3C PROV-JSON (mặc định html)'],
        ['-o, --output TỆP_RA', 'tệp kết quả (đã có thì cần --force)'],
        ['--force', 'cho phép ghi đè tệp kết quả đã có'],
        ['--settings TỆP', 'cấu hình tổ chức: danh sách khóa tin cậy (trustedKeys) để đối chiếu chữ ký (docs/org-settings.md)'],
      ],
      examples: ['aiprov report bao-cao.docx --format html -o phu-luc.html'],
    },
    en: {
      summary: 'the AI-use annex for an inspector',
      usage: 'report <file.docx> --format html|json|prov -o OUT',
      options: [
        ['--format html|json|prov', 'HTML to print (A4), JSON, or W3C PROV-JSON (default html)'],
        ['-o, --output OUT', 'the output file (--force to replace an existing one)'],
        ['--force', 'allow replacing an existing output file'],
        ['--settings FILE', "the organisation's settings: the trust list (trustedKeys) signatures are checked against (docs/org-settings.md)"],
      ],
      examples: ['aiprov report report.docx --format html -o annex.html'],
    },
  },
  declare: {
    vi: {
      summary: 'đánh dấu đoạn dán từ công cụ AI bên ngoài; khai báo mức độ của văn bản',
      usage: 'declare <tệp.docx> (--paragraphs N[-M] --tool TÊN [--model M] [--purpose P] | --level 1-4 | --published) --by TÊN -o TỆP_RA',
      options: [
        ['--level 1-4', 'ghi nhận mức độ người soạn khai báo (ai, khi nào) vào hồ sơ; mức phát hiện cao hơn vẫn được áp dụng. Cần khi văn bản "có thể mật"'],
        ['--published', 'xác nhận văn bản đã công bố (không chứa nội dung chưa công bố về ngân sách, đấu thầu, nhân sự…): bỏ qua mức Nội bộ chỉ do chủ đề gợi ý, ghi vào hồ sơ (ai, khi nào, chủ đề nào) và khai mức 1 (mức đã khai trước đó không bị hạ). Dấu mật, chỉ dẫn lưu hành, số định danh cá nhân vẫn áp dụng'],
        ['--paragraphs N[-M]', 'các đoạn của thân văn bản (xem inspect --paragraphs)'],
        ['--tool TÊN', 'công cụ AI đã dùng (ví dụ ChatGPT)'],
        ['--model M', 'mô hình, nếu biết'],
        ['--purpose P', 'mục đích: draft, summarize, translate, outline, proofread, analyze (mặc định draft)'],
        ...OUT_VI,
      ],
      examples: [
        'aiprov declare bao-cao.docx --paragraphs 3-5 --tool ChatGPT --by "Nguyễn Văn An" -o bao-cao-ai.docx',
        'aiprov declare bao-cao.docx --level 1 --by "Nguyễn Văn An" --in-place',
        'aiprov declare nghi-dinh.docx --published --by "Nguyễn Văn An" --in-place',
      ],
    },
    en: {
      summary: "mark text pasted from an outside AI tool; declare the document's level",
      usage: 'declare <file.docx> (--paragraphs N[-M] --tool NAME [--model M] [--purpose P] | --level 1-4 | --published) --by NAME -o OUT',
      options: [
        ['--level 1-4', 'record the level the author declares (who, when); a stricter detected level still applies. Needed when the document is "possibly secret"'],
        ['--published', 'confirm the document is published (no unpublished budget, bidding, personnel… content): sets aside the Internal level that only topics suggest, records it (who, when, which topics) and declares level 1 (a level declared before is not lowered). Secrecy stamps, circulation marks and personal identifiers still apply'],
        ['--paragraphs N[-M]', 'body paragraphs (see inspect --paragraphs)'],
        ['--tool NAME', 'the AI tool used (e.g. ChatGPT)'],
        ['--model M', 'the model, when known'],
        ['--purpose P', 'purpose: draft, summarize, translate, outline, proofread, analyze (default draft)'],
        ...OUT_EN,
      ],
      examples: [
        'aiprov declare report.docx --paragraphs 3-5 --tool ChatGPT --by "Nguyen Van An" -o report-ai.docx',
        'aiprov declare report.docx --level 1 --by "Nguyen Van An" --in-place',
        'aiprov declare decree.docx --published --by "Nguyen Van An" --in-place',
      ],
    },
  },
  verify: {
    vi: {
      summary: 'ghi nhận kiểm chứng (hoặc bác bỏ) nội dung AI',
      usage: 'verify <tệp.docx> --claim MÃ [--claim MÃ]… (--file TỆP | --excerpt ĐOẠN | --evidence grounding|registry|manual | --source-from-registry | --reject LÝ_DO) [--source TÊN] [--note GHI_CHÚ] --by TÊN -o TỆP_RA',
      options: [
        ['--claim MÃ', 'mã nội dung như inspect in ra (ví dụ 3f2a9c1b.c2); lặp lại để ghi nhiều mã cùng bằng chứng'],
        // issue 10 — evidence
        ['--file TỆP', 'tài liệu nguồn (.docx, .txt); ghi tên và SHA-256 của tệp cùng đoạn có nội dung, không ghi toàn văn'],
        ['--excerpt ĐOẠN', 'đoạn trích dán từ nguồn; phải chứa đúng số liệu, trích dẫn'],
        ['--evidence LOẠI', 'grounding (đúng như đoạn tìm thấy khi tạo), registry (danh mục văn bản), manual (đã đối chiếu nơi khác: cần --source và --note, loại yếu hơn), file, excerpt'],
        ['--source-from-registry', 'ghi nguồn là văn bản trong danh mục mà trích dẫn chỉ tới (sau khi đã đối chiếu văn bản gốc)'],
        ['--registry TỆP', 'thêm danh mục văn bản cho --evidence registry (lặp lại được)'],
        ['--source TÊN', 'tên nguồn (cho --excerpt, --file hoặc manual); chỉ ghi tên thì không đủ để kiểm chứng'],
        ['--note GHI_CHÚ', 'ghi chú; bắt buộc khi nguồn ghi giá trị khác (hồ sơ nghiêm ngặt)'],
        ['--reject LÝ_DO', 'bác bỏ nội dung, kèm lý do'],
        ...OUT_VI,
      ],
      examples: ['aiprov verify bao-cao.docx --claim 3f2a9c1b.c1 --claim 3f2a9c1b.c2 --file nien-giam-2025.docx --by "Trần Thị Bình" -o bao-cao.v2.docx'],
    },
    en: {
      summary: 'record a claim as verified (or rejected)',
      usage: 'verify <file.docx> --claim ID [--claim ID]… (--file FILE | --excerpt TEXT | --evidence grounding|registry|manual | --source-from-registry | --reject REASON) [--source NAME] [--note NOTE] --by NAME -o OUT',
      options: [
        ['--claim ID', 'the claim id inspect prints (e.g. 3f2a9c1b.c2); repeat it to record several with one evidence'],
        // issue 10 — evidence
        ['--file FILE', 'the source document (.docx, .txt); its name and SHA-256 and the passage holding the value are recorded, not its text'],
        ['--excerpt TEXT', 'an excerpt pasted from the source; it must hold the figure or citation'],
        ['--evidence KIND', 'grounding (as located when drafted), registry (document registry), manual (checked elsewhere: needs --source and --note, the weaker kind), file, excerpt'],
        ['--source-from-registry', 'record as the source the registry document the citation names (once the official text is checked)'],
        ['--registry FILE', 'more registry entries for --evidence registry (repeatable)'],
        ['--source NAME', 'the source name (for --excerpt, --file or manual); a name alone does not verify'],
        ['--note NOTE', 'a note; required when the source gives another value (strict profile)'],
        ['--reject REASON', 'reject the claim, with the reason'],
        ...OUT_EN,
      ],
      examples: ['aiprov verify report.docx --claim 3f2a9c1b.c1 --claim 3f2a9c1b.c2 --file yearbook-2025.docx --by "Tran Thi Binh" -o report.v2.docx'],
    },
  },
  refresh: {
    vi: {
      summary: 'cập nhật hồ sơ theo văn bản (sửa, xoá, gắn lại đoạn AI)',
      usage: 'refresh <tệp.docx> --by TÊN -o TỆP_RA',
      options: OUT_VI,
      examples: ['aiprov refresh bao-cao.docx --by "Trần Thị Bình" --in-place'],
    },
    en: {
      summary: 'bring the record in step with the text (edits, removals, lost tags)',
      usage: 'refresh <file.docx> --by NAME -o OUT',
      options: OUT_EN,
      examples: ['aiprov refresh report.docx --by "Tran Thi Binh" --in-place'],
    },
  },
  disclose: {
    vi: {
      summary: 'chèn dòng ghi chú sử dụng AI theo quy định',
      usage: 'disclose <tệp.docx> --by TÊN [--option N] -o TỆP_RA',
      options: [['--option N', 'cách ghi thứ N của quy định (mặc định 1)'], ...OUT_VI],
      examples: ['aiprov disclose bao-cao.docx --by "Trần Thị Bình" -o bao-cao.v3.docx'],
    },
    en: {
      summary: "insert the AI disclosure line in the profile's wording",
      usage: 'disclose <file.docx> --by NAME [--option N] -o OUT',
      options: [['--option N', "the profile's Nth wording (default 1)"], ...OUT_EN],
      examples: ['aiprov disclose report.docx --by "Tran Thi Binh" -o report.v3.docx'],
    },
  },
  signoff: {
    vi: {
      summary: 'ký duyệt văn bản (khi đã sẵn sàng)',
      usage: 'signoff <tệp.docx> --by TÊN [--role CHỨC_VỤ] -o TỆP_RA',
      options: [['--role CHỨC_VỤ', 'chức vụ người ký'], ...OUT_VI],
      examples: ['aiprov signoff bao-cao.docx --by "Lê Văn Cường" --role "Chánh Văn phòng" -o bao-cao-ky.docx'],
    },
    en: {
      summary: 'sign the document off (when it is ready)',
      usage: 'signoff <file.docx> --by NAME [--role ROLE] -o OUT',
      options: [['--role ROLE', "the signer's position"], ...OUT_EN],
      examples: ['aiprov signoff report.docx --by "Le Van Cuong" --role "Chief of Office" -o report-signed.docx'],
    },
  },
  draft: {
    vi: {
      summary: 'soạn bằng AI theo quy định (kiểm tra trước khi gửi, thay dữ liệu cá nhân, đối chiếu nguồn)',
      usage:
        'draft --purpose P --prompt YÊU_CẦU [--source TỆP]… [--input TỆP] [--provider MÃ] [--settings TỆP] [--level 1-4] [--yes]\n' +
        '            [--into TỆP.docx --after-paragraph N --by TÊN -o TỆP_RA]',
      options: [
        ['--purpose P', 'draft, summarize, translate, outline, proofread, analyze'],
        ['--prompt YÊU_CẦU', 'yêu cầu gửi cho AI'],
        ['--source TỆP', 'tài liệu nguồn (lặp lại được); số liệu của câu trả lời được đối chiếu với chúng'],
        ['--input TỆP', 'văn bản cần xử lý (tóm tắt, dịch…)'],
        ['--provider MÃ', 'nhà cung cấp trong cấu hình (mặc định: theo cấu hình)'],
        ['--settings TỆP', 'cấu hình tổ chức; không có thì tìm AIPROV_SETTINGS, ./org-settings.json, rồi thư mục cấu hình của người dùng (docs/org-settings.md)'],
        ['--level 1-4', 'mức độ khai báo (chỉ nâng, không hạ mức phát hiện được); với --into, được ghi vào hồ sơ (ai, khi nào)'],
        ['--yes', 'xác nhận các lưu ý và tiếp tục gửi'],
        ['--timeout GIÂY', 'thời gian chờ tối đa'],
        ['--into TỆP.docx', 'chèn câu trả lời thành đoạn AI vào văn bản'],
        ['--after-paragraph N', 'chèn sau đoạn N (0 = đầu văn bản)'],
        ...OUT_VI,
      ],
      examples: ['AIPROV_API_KEY=… aiprov draft --purpose summarize --input bao-cao.docx --prompt "Tóm tắt trong 5 ý" --source bao-cao.docx'],
      notes: [
        'Câu trả lời ra stdout, trạng thái ra stderr. Khóa API lấy từ biến môi trường AIPROV_API_KEY_<MÃ> hoặc AIPROV_API_KEY, không bao giờ từ tệp cấu hình.',
        'Mã thoát: 0 xong, 2 tham số/tệp/cấu hình, 3 quy định từ chối (hoặc cần --yes), 4 lỗi nhà cung cấp AI, 130 đã hủy.',
      ],
    },
    en: {
      summary: 'draft with AI under the rules (checked before sending, personal data replaced, sources checked)',
      usage:
        'draft --purpose P --prompt TEXT [--source FILE]… [--input FILE] [--provider ID] [--settings FILE] [--level 1-4] [--yes]\n' +
        '            [--into FILE.docx --after-paragraph N --by NAME -o OUT]',
      options: [
        ['--purpose P', 'draft, summarize, translate, outline, proofread, analyze'],
        ['--prompt TEXT', 'the request sent to the AI'],
        ['--source FILE', "a source document (repeatable); the answer's figures are checked against them"],
        ['--input FILE', 'the text to work on (summarise, translate…)'],
        ['--provider ID', 'a provider of the settings (default: as the settings say)'],
        ['--settings FILE', "the organisation's settings; else AIPROV_SETTINGS, ./org-settings.json, then the user's configuration folder (docs/org-settings.md)"],
        ['--level 1-4', 'the declared level (raises the detected one, never lowers it); with --into, recorded in the record (who, when)'],
        ['--yes', 'acknowledge the warnings and send'],
        ['--timeout SECONDS', 'the longest wait'],
        ['--into FILE.docx', 'insert the answer into the document as an AI passage'],
        ['--after-paragraph N', 'insert after paragraph N (0 = the start)'],
        ...OUT_EN,
      ],
      examples: ['AIPROV_API_KEY=… aiprov draft --purpose summarize --input report.docx --prompt "Summarise in 5 points" --source report.docx'],
      notes: [
        'The answer goes to stdout, status to stderr. API keys come from the environment (AIPROV_API_KEY_<ID> or AIPROV_API_KEY), never from the settings file.',
        'Exit codes: 0 done, 2 arguments/files/settings, 3 refused by the rules (or --yes needed), 4 AI provider error, 130 cancelled.',
      ],
    },
  },
  registry: {
    vi: {
      summary: 'danh mục văn bản pháp luật: tra số ký hiệu, thống kê, kiểm tra tệp nhập',
      usage: 'registry lookup SỐ_KÝ_HIỆU [--date YYYY-MM-DD] [--json] | registry stats [--json] | registry import TỆP.csv|.jsonl  [--registry TỆP]…',
      options: [
        ['--date YYYY-MM-DD', '(lookup) ngày ban hành, để chọn giữa các văn bản cùng số (số đánh lại mỗi năm)'],
        ['--json', '(lookup, stats) in dạng JSON'],
        ['--registry TỆP', 'thêm danh mục của cơ quan (JSONL hoặc CSV xuất từ Excel), dùng nhiều lần được; mục trùng ghi đè danh mục lõi'],
      ],
      examples: ['aiprov registry lookup 13/2023/NĐ-CP', 'aiprov registry import danh-muc.csv', 'aiprov registry stats --registry danh-muc.csv'],
      notes: ['Mã thoát của import: 0 mọi dòng hợp lệ, 1 có dòng lỗi (liệt kê số dòng), 2 không đọc được tệp.'],
    },
    en: {
      summary: 'the legal-document registry: look a symbol up, statistics, check an import file',
      usage: 'registry lookup SYMBOL [--date YYYY-MM-DD] [--json] | registry stats [--json] | registry import FILE.csv|.jsonl  [--registry FILE]…',
      options: [
        ['--date YYYY-MM-DD', '(lookup) the issue date, to choose among documents with the same number (numbers restart each year)'],
        ['--json', '(lookup, stats) print as JSON'],
        ['--registry FILE', "add the organisation's registry (JSONL, or CSV exported from Excel), repeatable; entries override the core registry"],
      ],
      examples: ['aiprov registry lookup 13/2023/NĐ-CP', 'aiprov registry import registry.csv', 'aiprov registry stats --registry registry.csv'],
      notes: ['Exit codes of import: 0 every row valid, 1 bad rows (line numbers listed), 2 unreadable file.'],
    },
  },
  keys: {
    vi: {
      summary: 'khóa ký cá nhân: tạo khóa, xem khóa công khai cho danh sách tin cậy',
      usage: 'keys init --name "HỌ TÊN" --unit "ĐƠN VỊ" [--role CHỨC_VỤ] [--force] | keys show [--json]',
      options: [
        ['--name HỌ_TÊN', '(init) tên người giữ khóa, như khi ký --by'],
        ['--unit ĐƠN_VỊ', '(init) đơn vị công tác'],
        ['--role CHỨC_VỤ', '(init) vai trò, ví dụ chuyên viên, lãnh đạo'],
        ['--force', '(init) thay khóa đã có (khóa cũ vẫn kiểm tra được chữ ký cũ nếu còn trong danh sách tin cậy)'],
        ['--json', '(show) in mục danh sách tin cậy dạng JSON cho quản trị viên'],
      ],
      examples: ['aiprov keys init --name "Nguyễn Văn An" --unit "Văn phòng UBND"', 'aiprov keys show --json > khoa-an.json'],
      notes: [
        'Khóa bí mật lưu trong thư mục cấu hình của người dùng (AIPROV_CONFIG_DIR, XDG_CONFIG_HOME/aiprov hoặc ~/.config/aiprov), quyền 0600; không bao giờ vào văn bản, nhật ký hay báo cáo.',
        'Khi có khóa, verify, disclose và signoff ký sự kiện bằng khóa này.',
      ],
    },
    en: {
      summary: 'personal signing key: create it, show the public key for the trust list',
      usage: 'keys init --name "FULL NAME" --unit "UNIT" [--role ROLE] [--force] | keys show [--json]',
      options: [
        ['--name NAME', '(init) the key holder, as given to --by when signing'],
        ['--unit UNIT', '(init) the unit the person works in'],
        ['--role ROLE', '(init) the role, e.g. specialist, leader'],
        ['--force', '(init) replace an existing key (old signatures still check against the old trust-list entry)'],
        ['--json', '(show) print the trust-list entry as JSON for the administrator'],
      ],
      examples: ['aiprov keys init --name "Nguyen Van An" --unit "Office of the People\'s Committee"', 'aiprov keys show --json > an-key.json'],
      notes: [
        "The private key is kept in the user's configuration folder (AIPROV_CONFIG_DIR, XDG_CONFIG_HOME/aiprov or ~/.config/aiprov), mode 0600; never in a document, log or report.",
        'When a key exists, verify, disclose and signoff sign their events with it.',
      ],
    },
  },
  logbook: {
    vi: {
      summary: 'sổ theo dõi sử dụng AI của đơn vị qua mọi tệp .docx (đọc song song)',
      usage: 'logbook <tệp|thư mục>… [-o TỆP_RA] [--format html|csv|json|ndjson] [--from NGÀY] [--to NGÀY] [--settings TỆP] [--cache TỆP | --no-cache] [--jobs N] [--no-progress]',
      options: [
        ['-o, --output TỆP_RA', 'tệp kết quả (không có thì in ra stdout)'],
        ['--format F', 'html (mặc định, in A4), csv (mở bằng Excel), json, ndjson (docs/logbook-ndjson.md)'],
        ['--from NGÀY, --to NGÀY', 'chỉ tính lần sử dụng AI trong khoảng ngày (YYYY-MM-DD, tính cả hai đầu)'],
        ['--settings TỆP', 'cấu hình tổ chức: danh sách khóa tin cậy (trustedKeys) để đối chiếu chữ ký và lấy đơn vị của người ký (docs/org-settings.md)'],
        ['--cache TỆP', 'tệp bộ nhớ đệm (mặc định .<tệp ra>.cache.json cạnh -o)'],
        ['--no-cache', 'đọc lại mọi tệp'],
        ['-j, --jobs N', 'số luồng đọc (mặc định: số lõi)'],
        ['--no-progress', 'không in tiến độ'],
      ],
      examples: ['aiprov logbook ./van-ban -o so-theo-doi.html', 'aiprov logbook ./van-ban --format csv --from 2026-01-01 -o so-theo-doi.csv'],
    },
    en: {
      summary: "the unit's logbook of AI use over every .docx (read in parallel)",
      usage: 'logbook <file|folder>… [-o OUT] [--format html|csv|json|ndjson] [--from DATE] [--to DATE] [--settings FILE] [--cache FILE | --no-cache] [--jobs N] [--no-progress]',
      options: [
        ['-o, --output OUT', 'the output file (else stdout)'],
        ['--format F', 'html (default, A4 print), csv (opens in Excel), json, ndjson (docs/logbook-ndjson.md)'],
        ['--from DATE, --to DATE', 'only AI use within these dates (YYYY-MM-DD, both included)'],
        ['--settings FILE', "the organisation's settings: the trust list (trustedKeys) signatures are checked against, and the signer's unit (docs/org-settings.md)"],
        ['--cache FILE', 'the cache file (default .<output>.cache.json beside -o)'],
        ['--no-cache', 'read every file again'],
        ['-j, --jobs N', 'reading threads (default: one per core)'],
        ['--no-progress', 'print no progress'],
      ],
      examples: ['aiprov logbook ./documents -o logbook.html', 'aiprov logbook ./documents --format csv --from 2026-01-01 -o logbook.csv'],
    },
  },
};

const LABELS = {
  vi: { usage: 'Cách dùng', options: 'Tham số', examples: 'Ví dụ', lang: 'ngôn ngữ (mặc định vi; hoặc AIPROV_LANG)', help: 'xem trợ giúp này' },
  en: { usage: 'Usage', options: 'Options', examples: 'Examples', lang: 'language (default vi; or AIPROV_LANG)', help: 'show this help' },
};

/** The full help of one command, as printed by `aiprov help CMD` / `aiprov CMD --help`. */
export function commandHelp(name: string, bilingual: BilingualHelp, lang: Lang): string {
  const help = bilingual[lang];
  const l = LABELS[lang];
  const options: [string, string][] = [...help.options, ['--lang vi|en', l.lang], ['-h, --help', l.help]];
  const width = Math.max(...options.map(([flag]) => flag.length)) + 2;
  return [
    `aiprov ${name} — ${help.summary}`,
    '',
    `${l.usage}: aiprov ${help.usage}`,
    '',
    `${l.options}:`,
    ...options.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`),
    '',
    `${l.examples}:`,
    ...help.examples.map((example) => `  ${example}`),
    ...(help.notes?.length ? ['', ...help.notes] : []),
  ].join('\n');
}

/** The command list of `aiprov --help`, in the order given. */
export function commandList(entries: [string, BilingualHelp][], lang: Lang): string {
  const width = Math.max(...entries.map(([n]) => n.length)) + 2;
  return entries.map(([name, help]) => `  ${name.padEnd(width)}${help[lang].summary}`).join('\n');
}
