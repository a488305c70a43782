// One client for every OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI, Ollama,
// vLLM, LM Studio, agency gateways), streaming over SSE. Uses only fetch, TextDecoder and
// AbortController, so it runs in Node 20 and in the task pane's browser.
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { ProviderConfig } from '../policy/org-settings';
import { AiError, scrub, type AiErrorCode, type AiErrorDetails } from './errors';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** What the client needs of a configured provider. */
export type ChatProvider = Pick<ProviderConfig, 'baseUrl' | 'model'> &
  Partial<Pick<ProviderConfig, 'id' | 'name' | 'tier' | 'headers' | 'azure'>>;

export interface StreamChatOptions {
  provider: ChatProvider;
  /** Kept in memory for this call only; never logged, never in errors or results. */
  apiKey?: string;
  messages: ChatMessage[];
  signal?: AbortSignal;
  /** Time allowed to connect and receive the response headers. Default 60 s. */
  timeoutMs?: number;
  /** Longest silence allowed between two chunks of the stream. Default: timeoutMs. */
  idleTimeoutMs?: number;
  /** Called for every piece of text as it arrives. */
  onToken?: (token: string, textSoFar: string) => void;
  temperature?: number;
  maxTokens?: number;
  /** Another fetch (a proxy in the browser, a test double); the global one by default. */
  fetch?: typeof fetch;
}

export interface ChatResult {
  text: string;
  /** The model that answered, as the server names it (falls back to the configured one). */
  model: string;
  finishReason: string;
  timings: { firstTokenMs: number | null; totalMs: number };
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** The chat-completions URL and auth headers for a provider; Azure uses deployments and `api-key`. */
export function chatRequest(provider: ChatProvider, apiKey?: string): { url: string; headers: Record<string, string> } {
  const base = provider.baseUrl.replace(/\/+$/, '');
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'text/event-stream',
    ...(provider.headers ?? {}),
  };
  if (provider.azure) {
    const { deployment, apiVersion } = provider.azure;
    if (apiKey) headers['api-key'] = apiKey;
    return {
      url: `${base}/openai/deployments/${encodeURIComponent(deployment)}/chat/completions?api-version=${encodeURIComponent(apiVersion)}`,
      headers,
    };
  }
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  return { url: `${base}/chat/completions`, headers };
}

function providerLabel(p: ChatProvider): string {
  let host = p.baseUrl;
  try {
    host = new URL(p.baseUrl).host;
  } catch {
    /* keep as written */
  }
  return p.name ? `${p.name} – ${host}` : host;
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, nowMs = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

interface ServerError {
  message?: string;
  code?: string;
  type?: string;
}

function readServerError(body: string): ServerError {
  try {
    const parsed = JSON.parse(body) as { error?: ServerError | string; message?: string };
    if (typeof parsed.error === 'string') return { message: parsed.error };
    if (parsed.error && typeof parsed.error === 'object') return parsed.error;
    if (typeof parsed.message === 'string') return { message: parsed.message };
  } catch {
    /* not JSON */
  }
  return { message: body };
}

const mentionsMissingModel = (e: ServerError) =>
  e.code === 'model_not_found' || e.code === 'DeploymentNotFound' || /model.*not (found|exist)|not found.*model/i.test(e.message ?? '');

export async function streamChat(opts: StreamChatOptions): Promise<ChatResult> {
  const { provider, apiKey } = opts;
  const fetchImpl = opts.fetch ?? globalThis.fetch;
  const connectMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const idleMs = opts.idleTimeoutMs ?? connectMs;
  const base: AiErrorDetails = { provider: providerLabel(provider), model: provider.model };
  const clean = (s: string) => {
    const t = scrub(s, [apiKey]).replace(/\s+/g, ' ').trim();
    return t.length > 200 ? `${t.slice(0, 200)}…` : t;
  };

  if (opts.signal?.aborted) throw new AiError('cancelled', base);

  const controller = new AbortController();
  let stopCause: 'cancelled' | 'timeout' | undefined;
  const onAbort = () => {
    stopCause ??= 'cancelled';
    controller.abort();
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      stopCause ??= 'timeout';
      controller.abort();
    }, ms);
  };

  const started = performance.now();
  let text = '';
  let model = provider.model;
  let finishReason: string | undefined;
  let firstTokenMs: number | null = null;
  const stopped = (code: AiErrorCode) => new AiError(code, { ...base, ...(text ? { partialText: text } : {}) });

  const addToken = (token: string) => {
    if (!token) return;
    if (firstTokenMs === null) firstTokenMs = performance.now() - started;
    text += token;
    opts.onToken?.(token, text);
  };

  try {
    const { url, headers } = chatRequest(provider, apiKey);
    const body = JSON.stringify({
      model: provider.model,
      messages: opts.messages,
      stream: true,
      ...(opts.temperature !== undefined ? { temperature: opts.temperature } : {}),
      ...(opts.maxTokens !== undefined ? { max_tokens: opts.maxTokens } : {}),
    });

    arm(connectMs);
    let res: Response;
    try {
      res = await fetchImpl(url, { method: 'POST', headers, body, signal: controller.signal });
    } catch {
      // The low-level error text is dropped on purpose: it may echo the request.
      throw new AiError(stopCause ?? 'unreachable', base);
    }

    if (!res.ok) {
      const raw = await res.text().catch(() => '');
      const err = readServerError(raw);
      const details: AiErrorDetails = { ...base, status: res.status, ...(err.message ? { serverMessage: clean(err.message) } : {}) };
      if (res.status === 401 || res.status === 403) throw new AiError('bad-key', details);
      if (res.status === 404 || mentionsMissingModel(err)) throw new AiError('model-not-found', details);
      if (res.status === 429) {
        const retry = parseRetryAfter(res.headers.get('retry-after'));
        throw new AiError('rate-limited', { ...details, ...(retry !== undefined ? { retryAfterSeconds: retry } : {}) });
      }
      if (res.status === 408 || res.status === 504) throw new AiError('timeout', details);
      throw new AiError('bad-response', details);
    }
    if (!res.body) throw new AiError('bad-response', { ...base, status: res.status });

    // A server that ignores `stream: true` answers with one JSON object.
    if ((res.headers.get('content-type') ?? '').includes('application/json')) {
      const raw = await res.text();
      let parsed: { model?: string; choices?: { message?: { content?: string | null }; finish_reason?: string | null }[] };
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw new AiError('bad-response', { ...base, status: res.status, serverMessage: clean(raw) });
      }
      const choice = parsed.choices?.[0];
      if (!choice?.message) throw new AiError('bad-response', { ...base, status: res.status });
      addToken(choice.message.content ?? '');
      return {
        text,
        model: parsed.model ?? model,
        finishReason: choice.finish_reason ?? 'stop',
        timings: { firstTokenMs, totalMs: performance.now() - started },
      };
    }

    let sawDone = false;
    let failure: AiError | undefined;
    const parser = createParser({
      onEvent(event: EventSourceMessage) {
        if (failure || sawDone) return;
        const data = event.data.trim();
        if (data === '[DONE]') {
          sawDone = true;
          return;
        }
        let chunk: {
          model?: string;
          error?: ServerError | string;
          choices?: { delta?: { content?: string | null }; finish_reason?: string | null }[];
        };
        try {
          chunk = JSON.parse(data);
        } catch {
          failure = new AiError('bad-response', { ...base, serverMessage: clean(data) });
          return;
        }
        if (chunk.error) {
          const err = typeof chunk.error === 'string' ? { message: chunk.error } : chunk.error;
          failure = new AiError(mentionsMissingModel(err) ? 'model-not-found' : 'bad-response', {
            ...base,
            ...(err.message ? { serverMessage: clean(err.message) } : {}),
          });
          return;
        }
        if (chunk.model) model = chunk.model;
        const choice = chunk.choices?.[0];
        if (!choice) return;
        const token = choice.delta?.content;
        if (typeof token === 'string') addToken(token);
        if (choice.finish_reason) finishReason = choice.finish_reason;
      },
    });

    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    arm(idleMs);
    try {
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch {
          throw stopped(stopCause ?? 'stream-cut');
        }
        if (chunk.done) break;
        arm(idleMs);
        parser.feed(decoder.decode(chunk.value, { stream: true }));
        if (failure) throw failure;
        if (sawDone) break;
      }
      parser.feed(decoder.decode());
      parser.reset({ consume: true });
      if (failure) throw failure;
    } finally {
      reader.cancel().catch(() => undefined);
    }
    if (stopCause) throw stopped(stopCause);
    // A stream that ends without [DONE] or a finish reason was cut: the answer may be half a sentence.
    if (!sawDone && !finishReason) throw stopped('stream-cut');
    return {
      text,
      model,
      finishReason: finishReason ?? 'stop',
      timings: { firstTokenMs, totalMs: performance.now() - started },
    };
  } catch (e) {
    if (e instanceof AiError) throw e;
    if (stopCause) throw stopped(stopCause);
    // onToken may throw; anything else unexpected is reported without its text (it could echo input).
    throw e instanceof Error && e.name !== 'TypeError' ? e : stopped('bad-response');
  } finally {
    if (timer) clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
    controller.abort();
  }
}
