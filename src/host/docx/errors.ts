/**
 * Typed failures of the .docx layer. Each carries a stable `code` for programs and a message in
 * Vietnamese and English for the person who chose the file.
 */
export type DocxErrorCode =
  | 'not-zip'
  | 'corrupt-zip'
  | 'missing-part'
  | 'invalid-xml'
  | 'invalid-character'
  | 'too-large'
  | 'entity-refused'
  | 'too-deep';

export interface BilingualMessage {
  vi: string;
  en: string;
}

export class DocxError extends Error {
  readonly code: DocxErrorCode;
  readonly bilingual: BilingualMessage;
  /** The package part the problem was found in, when there is one. */
  readonly part: string | undefined;

  constructor(code: DocxErrorCode, bilingual: BilingualMessage, part?: string) {
    super(`${bilingual.en} / ${bilingual.vi}`);
    this.name = 'DocxError';
    this.code = code;
    this.bilingual = bilingual;
    this.part = part;
  }
}

export function isDocxError(value: unknown): value is DocxError {
  return value instanceof DocxError;
}

export const docxErrors = {
  notZip: () =>
    new DocxError('not-zip', {
      vi: 'Tệp này không phải tệp .docx (không phải gói ZIP). Tệp .doc cũ hoặc tệp đã mã hoá bằng mật khẩu cần được lưu lại thành .docx trong Word.',
      en: 'This file is not a .docx (not a ZIP package). Old .doc files and password-encrypted files must be saved again as .docx in Word.',
    }),
  corruptZip: (detail: string, part?: string) =>
    new DocxError(
      'corrupt-zip',
      {
        vi: `Tệp .docx bị hỏng, không đọc được (${detail}).`,
        en: `The .docx file is damaged and cannot be read (${detail}).`,
      },
      part,
    ),
  missingPart: (what: string, part?: string) =>
    new DocxError(
      'missing-part',
      {
        vi: `Tệp .docx thiếu thành phần bắt buộc: ${what}.`,
        en: `The .docx file lacks a required part: ${what}.`,
      },
      part,
    ),
  invalidXml: (part: string, detail: string) =>
    new DocxError(
      'invalid-xml',
      {
        vi: `Phần ${part} trong tệp .docx không phải XML hợp lệ (${detail}).`,
        en: `Part ${part} of the .docx file is not valid XML (${detail}).`,
      },
      part,
    ),
  tooLarge: (detail: string, part?: string) =>
    new DocxError(
      'too-large',
      {
        vi: `Tệp .docx bị từ chối vì quá lớn hoặc có dấu hiệu "bom nén" (${detail}).`,
        en: `The .docx file was refused as too large or as a likely "zip bomb" (${detail}).`,
      },
      part,
    ),
  // Issue 17: characters XML 1.0 forbids (NUL, other C0 controls, lone surrogates), raw or as &#…;.
  invalidCharacter: (part: string, what: string) =>
    new DocxError(
      'invalid-character',
      {
        vi: `Phần ${part} của tệp .docx chứa ký tự không được phép trong XML (${what}); tệp bị từ chối, không có gì được ghi.`,
        en: `Part ${part} of the .docx file holds a character XML does not allow (${what}); the file is refused and nothing is written.`,
      },
      part,
    ),
  tooDeep: (part: string, limit: number) =>
    new DocxError(
      'too-deep',
      {
        vi: `Văn bản quá sâu để xử lý: phần ${part} lồng nhau quá ${limit} cấp (giới hạn ${limit}).`,
        en: `The document is too deep to process: part ${part} nests more than ${limit} levels (limit ${limit}).`,
      },
      part,
    ),
  entityRefused: (part: string) =>
    new DocxError(
      'entity-refused',
      {
        vi: `Phần ${part} chứa khai báo DOCTYPE/ENTITY; vì an toàn, tệp bị từ chối (Word không tạo ra khai báo này).`,
        en: `Part ${part} contains a DOCTYPE/ENTITY declaration; the file is refused for safety (Word never writes one).`,
      },
      part,
    ),
};
