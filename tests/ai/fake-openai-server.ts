// A real HTTP server on 127.0.0.1 (random port) that speaks the OpenAI-compatible streaming API and
// records every request, so tests read what actually left the client.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: { model?: string; stream?: boolean; messages?: { role: string; content: string }[] } | undefined;
}

export type Handler = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>;

export interface FakeServer {
  /** Base URL as a provider would be configured: http://127.0.0.1:PORT/v1 */
  baseUrl: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startFakeServer(handler: Handler): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: RecordedRequest['json'];
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, json };
      requests.push(recorded);
      Promise.resolve(handler(recorded, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bind, read the port, close. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function sseData(payload: unknown): string {
  return `data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`;
}

export function tokenChunk(content: string, model = 'fake-model', finish: string | null = null): string {
  return sseData({
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    model,
    choices: [{ index: 0, delta: { content }, finish_reason: finish }],
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function startSse(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
}

/** Streams the tokens, then a finish chunk and [DONE]. */
export async function streamTokens(
  res: ServerResponse,
  tokens: readonly string[],
  opts: { model?: string; delayMs?: number; done?: boolean } = {},
): Promise<void> {
  startSse(res);
  for (const t of tokens) {
    res.write(tokenChunk(t, opts.model));
    if (opts.delayMs) await sleep(opts.delayMs);
  }
  res.write(
    sseData({ id: 'chatcmpl-1', object: 'chat.completion.chunk', model: opts.model ?? 'fake-model', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }),
  );
  if (opts.done !== false) res.write(sseData('[DONE]'));
  res.end();
}

export function jsonError(res: ServerResponse, status: number, error: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ error }));
}
