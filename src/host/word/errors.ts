/**
 * Failures that come from Word itself (not from a request the port can judge), turned into a code
 * a program can test and a plain message for the user in Vietnamese and English.
 *
 * Why not a subclass of HostError: HostError's `code` is typed by the port's own union, and a
 * subclass may not widen it. WordHostError has the same shape (`code`, `bilingual`), so callers that
 * show `error.bilingual` treat both alike; `isHostUserError` tells them apart from programming errors.
 */
import { HostError } from '../port';

export type WordHostErrorCode =
  /** This Word lacks an API set the operation needs (ApiNotFound, NotImplemented). */
  | 'api-not-supported'
  /** The document cannot be edited (read-only, protected, or opened in view mode). */
  | 'read-only'
  /** The content control is locked against editing/deletion, or no longer exists. */
  | 'control-locked-or-deleted'
  /** A custom property value over Word's 255-character limit. */
  | 'value-too-long'
  /** Anything else Word reported; the message carries Word's own text. */
  | 'word-failed';

export class WordHostError extends Error {
  readonly code: WordHostErrorCode;
  readonly bilingual: { vi: string; en: string };
  /** Word's own error code (e.g. "AccessDenied"), when the failure came from Word. */
  readonly officeCode: string | undefined;

  constructor(code: WordHostErrorCode, vi: string, en: string, officeCode?: string, cause?: unknown) {
    super(`${en} / ${vi}`, cause === undefined ? undefined : { cause });
    this.name = 'WordHostError';
    this.code = code;
    this.bilingual = { vi, en };
    this.officeCode = officeCode;
  }
}

/** An error whose `bilingual` message is meant for the user (from the port or from Word). */
export function isHostUserError(error: unknown): error is HostError | WordHostError {
  return error instanceof HostError || error instanceof WordHostError;
}

export const wordErrors = {
  apiNotSupported: (feature: string, officeCode?: string, cause?: unknown) =>
    new WordHostError(
      'api-not-supported',
      `Phiên bản Word này chưa hỗ trợ chức năng cần thiết (${feature}). Hãy cập nhật Word (Microsoft 365) hoặc dùng Word trên web.`,
      `This version of Word does not support a feature the add-in needs (${feature}). Update Word (Microsoft 365) or use Word on the web.`,
      officeCode,
      cause,
    ),
  readOnly: (officeCode?: string, cause?: unknown) =>
    new WordHostError(
      'read-only',
      'Tài liệu đang ở chế độ chỉ đọc (hoặc bạn không có quyền sửa), nên chưa ghi được thay đổi nào. Hãy bật chế độ chỉnh sửa (Enable Editing) rồi thử lại.',
      'The document is read-only (or you lack permission to edit it), so no change was written. Enable editing and try again.',
      officeCode,
      cause,
    ),
  controlLocked: (what: { title?: string } = {}, officeCode?: string, cause?: unknown) => {
    const vi = what.title ? `Vùng "${what.title}"` : 'Vùng nội dung (content control)';
    const en = what.title ? `The content control "${what.title}"` : 'The content control';
    return new WordHostError(
      'control-locked-or-deleted',
      `${vi} đã bị khoá hoặc đã bị xoá nên không sửa được. Hãy mở khoá trong Properties của vùng đó (bỏ chọn "không được xoá/sửa"), hoặc làm mới danh sách đoạn AI rồi thử lại.`,
      `${en} is locked or was deleted, so it cannot be changed. Unlock it in the control's Properties (clear "cannot be deleted/edited"), or refresh the list of AI passages and try again.`,
      officeCode,
      cause,
    );
  },
  valueTooLong: (name: string, length: number) =>
    new WordHostError(
      'value-too-long',
      `Thuộc tính "${name}" dài ${length} ký tự; Word chỉ nhận tối đa 255 ký tự cho một thuộc tính tuỳ chỉnh.`,
      `Property "${name}" is ${length} characters long; Word accepts at most 255 characters in a custom property.`,
    ),
  failed: (detail: string, officeCode?: string, cause?: unknown) =>
    new WordHostError(
      'word-failed',
      `Word báo lỗi, thao tác chưa hoàn tất: ${detail}`,
      `Word reported an error and the action did not complete: ${detail}`,
      officeCode,
      cause,
    ),
};

const API_MISSING = new Set(['ApiNotFound', 'NotImplemented', 'Unsupported', 'ApiNotAvailable']);
const READ_ONLY = new Set(['AccessDenied', 'EditModeNotAllowed', 'ReadOnly', 'DocumentReadOnly']);
const CONTROL_GONE = new Set(['InvalidArgument', 'ItemNotFound', 'ContentControlLocked']);

/** Office common API (async) error codes: 7000 permission denied, 5009 access denied. */
const COMMON_READ_ONLY = new Set([7000, 5009]);
/** 5000: "the API is not supported in this host", 5001/5002 internal/unsupported. */
const COMMON_UNSUPPORTED = new Set([5000, 5002]);

interface OfficeErrorLike {
  code: string | number;
  message?: string;
  name?: string;
  debugInfo?: { errorLocation?: string; message?: string };
}

function isOfficeErrorLike(error: unknown): error is OfficeErrorLike {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' || typeof code === 'number';
}

export interface ErrorContext {
  /** What the operation needed, named in the "not supported" message. */
  feature?: string;
  /**
   * The operation acts on content controls, so InvalidArgument/ItemNotFound mean the control is
   * locked or gone. Elsewhere (e.g. the record) those codes are reported as Word's own error.
   */
  touchesControls?: boolean;
}

/**
 * The error the user should see for anything thrown while talking to Word. Errors that already
 * speak to the user pass through; Office errors are mapped by code; anything else is wrapped with
 * its own message so nothing reaches the user as "[object Object]".
 */
export function toUserError(error: unknown, context: ErrorContext = {}): HostError | WordHostError {
  const feature = context.feature ?? 'Word JavaScript API';
  if (isHostUserError(error)) return error;
  if (isOfficeErrorLike(error)) {
    const { code } = error;
    const where = error.debugInfo?.errorLocation;
    const text = error.message || error.debugInfo?.message || String(code);
    if (typeof code === 'number') {
      if (COMMON_READ_ONLY.has(code)) return wordErrors.readOnly(String(code), error);
      if (COMMON_UNSUPPORTED.has(code)) return wordErrors.apiNotSupported(feature, String(code), error);
      return wordErrors.failed(`${text} (${code})`, String(code), error);
    }
    if (API_MISSING.has(code)) return wordErrors.apiNotSupported(where ?? feature, code, error);
    if (READ_ONLY.has(code)) return wordErrors.readOnly(code, error);
    if (context.touchesControls && CONTROL_GONE.has(code)) return wordErrors.controlLocked({}, code, error);
    return wordErrors.failed(`${text} (${code})`, code, error);
  }
  const message = error instanceof Error ? error.message : String(error);
  return wordErrors.failed(message, undefined, error);
}
