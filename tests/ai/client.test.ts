import { afterEach, describe, expect, it } from 'vitest';
import { AiError, streamChat, type ChatProvider } from '../../src/ai';
import {
  closedPort,
  jsonError,
  sleep,
  sseData,
  startFakeServer,
  startSse,
  streamTokens,
  tokenChunk,
  type FakeServer,
  type Handler,
} from './fake-openai-server';

const KEY = 'sk-test-SECRET-0123456789abcdef';
const messages = [{ role: 'user' as const, content: 'Xin chào' }];

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler): Promise<ChatProvider> {
  server = await startFakeServer(handler);
  return { name: 'Thử nghiệm', baseUrl: server.baseUrl, model: 'qwen2.5:7b' };
}

async function failure(p: Promise<unknown>): Promise<AiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AiError);
    return e as AiError;
  }
  throw new Error('expected the call to fail');
}

function expectNoKey(err: AiError): void {
  expect(err.message).not.toContain(KEY);
  expect(JSON.stringify(err)).not.toContain(KEY);
  expect(err.bilingual.vi).not.toContain(KEY);
  expect(String(err.stack)).not.toContain(KEY);
}

describe('streamChat against a real local OpenAI-compatible server', () => {
  it('streams tokens in order and returns text, model, finish reason and timings', async () => {
    const provider = await serve((_req, res) => streamTokens(res, ['Báo ', 'cáo ', 'quý I.'], { model: 'qwen2.5:7b-instruct', delayMs: 5 }));
    const seen: string[] = [];
    const result = await streamChat({ provider, apiKey: KEY, messages, timeoutMs: 5000, onToken: (t) => seen.push(t) });

    expect(result.text).toBe('Báo cáo quý I.');
    expect(seen).toEqual(['Báo ', 'cáo ', 'quý I.']);
    expect(result.model).toBe('qwen2.5:7b-instruct');
    expect(result.finishReason).toBe('stop');
    expect(result.timings.firstTokenMs).not.toBeNull();
    expect(result.timings.totalMs).toBeGreaterThanOrEqual(result.timings.firstTokenMs ?? 0);
    expect(JSON.stringify(result)).not.toContain(KEY);

    const req = server!.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(req.json).toMatchObject({ model: 'qwen2.5:7b', stream: true, messages });
  });

  it('parses SSE events split across TCP writes in the middle of a line', async () => {
    const provider = await serve(async (_req, res) => {
      startSse(res);
      const all = tokenChunk('Một ') + tokenChunk('hai', 'm', 'stop') + sseData('[DONE]');
      for (let i = 0; i < all.length; i += 7) {
        res.write(all.slice(i, i + 7));
        await sleep(1);
      }
      res.end();
    });
    const result = await streamChat({ provider, messages, timeoutMs: 5000 });
    expect(result.text).toBe('Một hai');
  });

  it('sends no Authorization header when there is no key (a gateway or local Ollama)', async () => {
    const provider = await serve((_req, res) => streamTokens(res, ['ok']));
    await streamChat({ provider, messages, timeoutMs: 5000 });
    expect(server!.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('speaks Azure OpenAI: deployments URL with api-version and the api-key header', async () => {
    const provider = await serve((_req, res) => streamTokens(res, ['ok']));
    const azure: ChatProvider = {
      ...provider,
      baseUrl: `http://127.0.0.1:${server!.port}`,
      azure: { deployment: 'gpt-4o-vn', apiVersion: '2024-10-21' },
    };
    await streamChat({ provider: azure, apiKey: KEY, messages, timeoutMs: 5000 });
    const req = server!.requests[0]!;
    expect(req.url).toBe('/openai/deployments/gpt-4o-vn/chat/completions?api-version=2024-10-21');
    expect(req.headers['api-key']).toBe(KEY);
    expect(req.headers.authorization).toBeUndefined();
  });

  it('401 → bad-key, and the key is in no message or JSON', async () => {
    const provider = await serve((_req, res) =>
      jsonError(res, 401, { message: `Incorrect API key provided: ${KEY}`, code: 'invalid_api_key' }),
    );
    const err = await failure(streamChat({ provider, apiKey: KEY, messages, timeoutMs: 5000 }));
    expect(err.code).toBe('bad-key');
    expect(err.bilingual.vi).toMatch(/khóa/);
    expectNoKey(err);
  });

  it('403 → bad-key', async () => {
    const provider = await serve((_req, res) => jsonError(res, 403, { message: 'forbidden' }));
    expect((await failure(streamChat({ provider, apiKey: KEY, messages, timeoutMs: 5000 }))).code).toBe('bad-key');
  });

  it('404 → model-not-found, naming the model', async () => {
    const provider = await serve((_req, res) =>
      jsonError(res, 404, { message: 'model "qwen2.5:7b" not found, try pulling it first', type: 'api_error' }),
    );
    const err = await failure(streamChat({ provider, messages, timeoutMs: 5000 }));
    expect(err.code).toBe('model-not-found');
    expect(err.bilingual.vi).toContain('qwen2.5:7b');
  });

  it('400 with code model_not_found → model-not-found', async () => {
    const provider = await serve((_req, res) => jsonError(res, 400, { message: 'The model does not exist', code: 'model_not_found' }));
    expect((await failure(streamChat({ provider, messages, timeoutMs: 5000 }))).code).toBe('model-not-found');
  });

  it('429 → rate-limited and the message says when to retry (Retry-After)', async () => {
    const provider = await serve((_req, res) => jsonError(res, 429, { message: 'Rate limit reached' }, { 'retry-after': '17' }));
    const err = await failure(streamChat({ provider, apiKey: KEY, messages, timeoutMs: 5000 }));
    expect(err.code).toBe('rate-limited');
    expect(err.details.retryAfterSeconds).toBe(17);
    expect(err.bilingual.vi).toContain('17 giây');
    expect(err.message).toContain('17 seconds');
  });

  it('connection refused → unreachable', async () => {
    const port = await closedPort();
    const err = await failure(
      streamChat({ provider: { baseUrl: `http://127.0.0.1:${port}/v1`, model: 'm' }, apiKey: KEY, messages, timeoutMs: 5000 }),
    );
    expect(err.code).toBe('unreachable');
    expectNoKey(err);
  });

  it('socket destroyed mid-stream → stream-cut, with the partial text kept for diagnosis', async () => {
    const provider = await serve(async (_req, res) => {
      startSse(res);
      res.write(tokenChunk('Phần '));
      res.write(tokenChunk('đầu'));
      await sleep(30);
      res.socket?.destroy();
    });
    const err = await failure(streamChat({ provider, messages, timeoutMs: 5000 }));
    expect(err.code).toBe('stream-cut');
    expect(err.details.partialText).toBe('Phần đầu');
  });

  it('a stream that ends cleanly but without [DONE] or finish_reason → stream-cut', async () => {
    const provider = await serve((_req, res) => {
      startSse(res);
      res.write(tokenChunk('Chưa xong'));
      res.end();
    });
    expect((await failure(streamChat({ provider, messages, timeoutMs: 5000 }))).code).toBe('stream-cut');
  });

  it('a finish_reason without [DONE] is a complete answer', async () => {
    const provider = await serve((_req, res) => streamTokens(res, ['Xong.'], { done: false }));
    const result = await streamChat({ provider, messages, timeoutMs: 5000 });
    expect(result).toMatchObject({ text: 'Xong.', finishReason: 'stop' });
  });

  it('AbortController mid-stream → cancelled, quickly', async () => {
    const provider = await serve(async (_req, res) => {
      startSse(res);
      for (let i = 0; i < 100 && !res.destroyed; i++) {
        res.write(tokenChunk(`t${i} `));
        await sleep(20);
      }
      res.end();
    });
    const controller = new AbortController();
    let tokens = 0;
    const started = Date.now();
    const err = await failure(
      streamChat({
        provider,
        messages,
        timeoutMs: 5000,
        signal: controller.signal,
        onToken: () => {
          if (++tokens === 3) controller.abort();
        },
      }),
    );
    expect(err.code).toBe('cancelled');
    expect(tokens).toBe(3);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('an already aborted signal sends nothing', async () => {
    const provider = await serve((_req, res) => streamTokens(res, ['x']));
    const controller = new AbortController();
    controller.abort();
    const err = await failure(streamChat({ provider, messages, signal: controller.signal }));
    expect(err.code).toBe('cancelled');
    expect(server!.requests).toHaveLength(0);
  });

  it('server stalls between tokens → timeout (idle)', async () => {
    const provider = await serve(async (_req, res) => {
      startSse(res);
      res.write(tokenChunk('Bắt đầu'));
      await sleep(3000);
      if (!res.destroyed) res.end();
    });
    const started = Date.now();
    const err = await failure(streamChat({ provider, messages, timeoutMs: 2000, idleTimeoutMs: 200 }));
    expect(err.code).toBe('timeout');
    expect(err.details.partialText).toBe('Bắt đầu');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('server never answers → timeout (connect)', async () => {
    const provider = await serve(async () => {
      /* never respond */
    });
    const err = await failure(streamChat({ provider, apiKey: KEY, messages, timeoutMs: 200 }));
    expect(err.code).toBe('timeout');
    expectNoKey(err);
  });

  it('an error event inside the stream → bad-response with the server text, key scrubbed', async () => {
    const provider = await serve((_req, res) => {
      startSse(res);
      res.write(sseData({ error: { message: `upstream failed for key ${KEY}` } }));
      res.end();
    });
    const err = await failure(streamChat({ provider, apiKey: KEY, messages, timeoutMs: 5000 }));
    expect(err.code).toBe('bad-response');
    expect(err.details.serverMessage).toContain('upstream failed');
    expectNoKey(err);
  });

  it('a 500 with an HTML page → bad-response with the status', async () => {
    const provider = await serve((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<html>Internal error</html>');
    });
    const err = await failure(streamChat({ provider, messages, timeoutMs: 5000 }));
    expect(err.code).toBe('bad-response');
    expect(err.details.status).toBe(500);
  });

  it('accepts a server that ignores stream:true and answers with one JSON object', async () => {
    const provider = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ model: 'vllm-x', choices: [{ message: { role: 'assistant', content: 'Một lần.' }, finish_reason: 'stop' }] }));
    });
    const result = await streamChat({ provider, messages, timeoutMs: 5000 });
    expect(result).toMatchObject({ text: 'Một lần.', model: 'vllm-x', finishReason: 'stop' });
  });
});
