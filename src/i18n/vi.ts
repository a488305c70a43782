/**
 * Vietnamese messages: the default catalog and the source of truth for message keys.
 * Placeholders are written `{name}`; the English catalog must use the same ones.
 * Text is NFC (precomposed diacritics); tests/addin/i18n.test.ts checks it.
 */
export const vi = {
  'app.name': 'AI Provenance – Soạn thảo có kiểm chứng',
  'app.shortName': 'AI Provenance',
  'app.tagline': 'Soạn thảo với AI mà tài liệu vẫn giữ bằng chứng về cách AI đã được dùng.',

  'common.unknown': 'không xác định',

  'language.label': 'Ngôn ngữ',
  'language.vi': 'Tiếng Việt',
  'language.en': 'English (tiếng Anh)',

  'environment.heading': 'Môi trường',
  'environment.connecting': 'Đang kết nối với Office…',
  'environment.host': 'Ứng dụng',
  'environment.platform': 'Nền tảng',
  'environment.wordApi': 'Bộ API Word',
  'environment.notInOffice': 'Không chạy trong Office',
  'environment.standaloneNote':
    'Đây là chế độ xem độc lập trong trình duyệt. Các chức năng làm việc trên tài liệu Word chỉ có khi mở ngăn này trong Word.',
  'environment.unsupportedHost': 'Tiện ích này dành cho Word; {host} chưa được hỗ trợ.',
  'environment.oldWordApi':
    'Phiên bản Word này không hỗ trợ WordApi 1.3 trở lên. Hãy cập nhật Office để dùng tiện ích.',

  'platform.PC': 'Windows',
  'platform.Mac': 'macOS',
  'platform.OfficeOnline': 'Office trên web',
  'platform.iOS': 'iOS',
  'platform.Android': 'Android',
  'platform.Universal': 'Windows (Universal)',

  'document.heading': 'Tài liệu',
  'document.emptyTitle': 'Chưa phân tích tài liệu nào',
  'document.emptyBody':
    'Khi tài liệu được phân tích, các đoạn do AI viết cùng số liệu và trích dẫn cần kiểm chứng sẽ hiện ở đây.',

  'error.title': 'Đã xảy ra lỗi',
  'error.body': 'Ngăn tác vụ gặp lỗi và không thể hiển thị. Hãy đóng rồi mở lại ngăn. Chi tiết: {detail}',
} as const;

export type MessageKey = keyof typeof vi;
