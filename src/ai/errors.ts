// Typed errors of the AI client, each with a plain bilingual message. Messages never carry the API
// key: anything that came from outside (server text, low-level error text) is scrubbed first.
import type { Bilingual } from '../checks/types';
import { bilingual } from '../i18n';

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
      return bilingual('ai.errors.messageFor.unreachable', { who });
    case 'bad-key':
      return bilingual('ai.errors.messageFor.bad-key', { who, value: d.status ?? 401 });
    case 'model-not-found':
      return bilingual('ai.errors.messageFor.model-not-found', { who, value: d.model ?? '?' });
    case 'rate-limited':
      return d.retryAfterSeconds !== undefined
        ? bilingual('ai.errors.messageFor.rate-limited', { who, retryAfterSeconds: d.retryAfterSeconds })
        : bilingual('ai.errors.messageFor.rate-limited2', { who });
    case 'stream-cut':
      return bilingual('ai.errors.messageFor.stream-cut', { who });
    case 'cancelled':
      return bilingual('ai.errors.messageFor.cancelled');
    case 'timeout':
      return bilingual('ai.errors.messageFor.timeout', { who });
    case 'bad-response':
      return bilingual('ai.errors.messageFor.bad-response', { who, status: d.status ? bilingual('ai.errors.status', { status: d.status }) : '', server });
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
