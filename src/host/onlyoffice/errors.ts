/**
 * Failures that come from the ONLYOFFICE editor (not from a request the port can judge), as a code
 * and a plain message in Vietnamese and English. Same shape as WordHostError (`code`, `bilingual`).
 */
import { HostError } from '../port';

export type OnlyOfficeHostErrorCode =
  /** This editor version lacks what the operation needs (custom XML parts need 9.0). */
  | 'api-not-supported'
  /** The document changed between the host's read and its write: nothing was written. */
  | 'document-changed'
  /** The plugin is not running inside an ONLYOFFICE editor (no window.Asc.plugin). */
  | 'not-in-editor'
  /** Anything else the editor reported. */
  | 'editor-failed';

export class OnlyOfficeHostError extends Error {
  readonly code: OnlyOfficeHostErrorCode;
  readonly bilingual: { vi: string; en: string };

  constructor(code: OnlyOfficeHostErrorCode, vi: string, en: string) {
    super(`${en} / ${vi}`);
    this.name = 'OnlyOfficeHostError';
    this.code = code;
    this.bilingual = { vi, en };
  }
}

export function isOnlyOfficeUserError(error: unknown): error is HostError | OnlyOfficeHostError {
  return error instanceof HostError || error instanceof OnlyOfficeHostError;
}

export const onlyOfficeErrors = {
  noCustomXml: () =>
    new OnlyOfficeHostError(
      'api-not-supported',
      'Phiên bản ONLYOFFICE này chưa hỗ trợ phần XML tuỳ chỉnh (cần 9.0 trở lên), nên không lưu được bản ghi nguồn gốc. Chưa ghi gì vào tài liệu. Hãy cập nhật ONLYOFFICE.',
      'This ONLYOFFICE version has no custom XML parts (9.0 or later is needed), so the provenance record cannot be stored. Nothing was written. Update ONLYOFFICE.',
    ),
  noCustomProperties: () =>
    new OnlyOfficeHostError(
      'api-not-supported',
      'Phiên bản ONLYOFFICE này chưa hỗ trợ thuộc tính tuỳ chỉnh của tài liệu; phần tóm tắt không được ghi. Hãy cập nhật ONLYOFFICE.',
      'This ONLYOFFICE version has no custom document properties; the summary was not written. Update ONLYOFFICE.',
    ),
  changed: () =>
    new OnlyOfficeHostError(
      'document-changed',
      'Tài liệu vừa thay đổi (có thể do bạn hoặc người cùng soạn), nên chưa ghi gì. Hãy thử lại.',
      'The document changed meanwhile (by you or a co-author), so nothing was written. Try again.',
    ),
  notInEditor: () =>
    new OnlyOfficeHostError(
      'not-in-editor',
      'Trình cắm không chạy trong trình soạn thảo ONLYOFFICE (không có window.Asc.plugin).',
      'The plugin is not running inside an ONLYOFFICE editor (no window.Asc.plugin).',
    ),
  failed: (detail: string) =>
    new OnlyOfficeHostError('editor-failed', `ONLYOFFICE báo lỗi, thao tác chưa hoàn tất: ${detail}`, `ONLYOFFICE reported an error; the operation did not complete: ${detail}`),
} as const;
