// Typed errors of the AI client, each with a plain bilingual message. Messages never carry the API
// key: anything that came from outside (server text, low-level error text) is scrubbed first.
import type { Bilingual } from '../checks/types';

export type AiErrorCode =
  | 'unreachable'
  | 'bad-key'
  | 'model-not-found'
  | 'rate-limited'
  | 'stream-cut'
  | 'cancelled'
  | 'timeout'
  | 'bad-response';

export interface AiErrorDetails {
  status?: number;
  /** Seconds to wait before retrying, from Retry-After (429). */
  retryAfterSeconds?: number;
  /** Provider display name and host, for the message. */
  provider?: string;
  model?: string;
  /** Short, scrubbed text from the server, for diagnosis. */
  serverMessage?: string;
  /** Text received before the failure (stream-cut, cancelled, timeout). */
  partialText?: string;
}

export class AiError extends Error {
  override readonly name = 'AiError';
  readonly code: AiErrorCode;
  readonly bilingual: Bilingual;
  readonly details: AiErrorDetails;

  constructor(code: AiErrorCode, details: AiErrorDetails = {}) {
    const bilingual = messageFor(code, details);
    super(bilingual.en);
    this.code = code;
    this.bilingual = bilingual;
    this.details = details;
  }

  toJSON(): { name: string; code: AiErrorCode; message: Bilingual; details: AiErrorDetails } {
    return { name: this.name, code: this.code, message: this.bilingual, details: this.details };
  }
}

export function isAiError(e: unknown): e is AiError {
  return e instanceof AiError;
}

function messageFor(code: AiErrorCode, d: AiErrorDetails): Bilingual {
  const who = d.provider ? ` (${d.provider})` : '';
  const server = d.serverMessage ? ` ${d.serverMessage}` : '';
  switch (code) {
    case 'unreachable':
      return {
        vi: `Không kết nối được tới nhà cung cấp AI${who}. Kiểm tra địa chỉ, mạng, hoặc dịch vụ (ví dụ Ollama) đã được bật chưa.`,
        en: `Could not reach the AI provider${who}. Check the address, the network, or that the service (e.g. Ollama) is running.`,
      };
    case 'bad-key':
      return {
        vi: `Nhà cung cấp AI${who} từ chối khóa truy cập (mã ${d.status ?? 401}). Kiểm tra lại khóa API trên máy của bạn.`,
        en: `The AI provider${who} rejected the access key (status ${d.status ?? 401}). Check the API key on your machine.`,
      };
    case 'model-not-found':
      return {
        vi: `Nhà cung cấp AI${who} không có mô hình «${d.model ?? '?'}». Kiểm tra tên mô hình trong cấu hình (với Ollama: đã tải mô hình về chưa).`,
        en: `The AI provider${who} has no model “${d.model ?? '?'}”. Check the model name in the settings (for Ollama: is the model pulled?).`,
      };
    case 'rate-limited':
      return d.retryAfterSeconds !== undefined
        ? {
            vi: `Nhà cung cấp AI${who} đang giới hạn số yêu cầu. Hãy thử lại sau ${d.retryAfterSeconds} giây.`,
            en: `The AI provider${who} is limiting requests. Try again in ${d.retryAfterSeconds} seconds.`,
          }
        : {
            vi: `Nhà cung cấp AI${who} đang giới hạn số yêu cầu. Hãy thử lại sau ít phút.`,
            en: `The AI provider${who} is limiting requests. Try again in a few minutes.`,
          };
    case 'stream-cut':
      return {
        vi: `Kết nối tới nhà cung cấp AI${who} bị ngắt giữa chừng; kết quả chưa đầy đủ nên không được dùng.`,
        en: `The connection to the AI provider${who} ended mid-answer; the answer is incomplete and was not used.`,
      };
    case 'cancelled':
      return { vi: 'Đã hủy yêu cầu gửi AI.', en: 'The AI request was cancelled.' };
    case 'timeout':
      return {
        vi: `Nhà cung cấp AI${who} không phản hồi trong thời gian cho phép.`,
        en: `The AI provider${who} did not respond in time.`,
      };
    case 'bad-response':
      return {
        vi: `Nhà cung cấp AI${who} trả về dữ liệu không hợp lệ${d.status ? ` (mã ${d.status})` : ''}.${server}`,
        en: `The AI provider${who} returned an invalid response${d.status ? ` (status ${d.status})` : ''}.${server}`,
      };
  }
}

/** Removes every occurrence of the secrets from a string (and long bearer-like tokens as a backstop). */
export function scrub(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join('[khóa ẩn]');
  }
  return out.replace(/\b(Bearer\s+)\S+/gi, '$1[khóa ẩn]').replace(/\bsk-[A-Za-z0-9_-]{8,}/g, '[khóa ẩn]');
}
