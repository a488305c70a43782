/**
 * The harness the browser (end-to-end) tests share: the production build of the pane, a static
 * HTTP server for it, Debian's Chromium driven by playwright-core, a local OpenAI-compatible server
 * that records what reaches it, axe-core, and screenshots in test-results/screenshots/.
 *
 *   const dist = await buildOnce();                 // ~40 s the first time, instant while src/ is unchanged
 *   const site = await serveDist(dist);             // http://127.0.0.1:PORT/
 *   const browser = await launchBrowser();
 *   const page = await browser.newPage({ locale: 'vi-VN' });
 *   await page.goto(site.url('taskpane.html'));
 *   expect(await axeCheck(page)).toEqual([]);
 *   await screenshot(page, 'vi-01-open');
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { startFakeServer, streamTokens, type FakeServer, type RecordedRequest } from '../ai/fake-openai-server';

export { closedPort, streamTokens, startFakeServer, type FakeServer, type RecordedRequest } from '../ai/fake-openai-server';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where buildOnce writes the build (.cache/ is git-ignored). */
export const E2E_DIST = path.join(ROOT, '.cache', 'e2e-dist');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');
export const CHROMIUM_PATH = process.env.AIPROV_CHROMIUM ?? '/usr/bin/chromium';

/** What a change to invalidates the cached build. */
const BUILD_INPUTS = ['src', 'assets', 'manifest.xml', 'webpack.config.ts', 'tsconfig.json', 'package-lock.json'];
const STAMP_FILE = '.build-stamp.json';
const LOCK_DIR = `${E2E_DIST}.lock`;
// A production build takes ~40 s on 2 quiet cores; several minutes when the machine is shared.
const BUILD_TIMEOUT_MS = 600_000;

// ---- build ----------------------------------------------------------------------------------------

/** Newest modification time and number of files under the build inputs. */
export function sourceFingerprint(root: string = ROOT): { newest: number; files: number } {
  let newest = 0;
  let files = 0;
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p)) visit(path.join(p, entry));
      return;
    }
    files++;
    newest = Math.max(newest, stat.mtimeMs);
  };
  for (const input of BUILD_INPUTS) visit(path.join(root, input));
  return { newest, files };
}

function stampMatches(dir: string, fingerprint: { newest: number; files: number }): boolean {
  const stampPath = path.join(dir, STAMP_FILE);
  if (!existsSync(stampPath) || !existsSync(path.join(dir, 'taskpane.html'))) return false;
  try {
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8')) as { newest: number; files: number };
    return stamp.newest === fingerprint.newest && stamp.files === fingerprint.files;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A cross-process lock (mkdir is atomic): two test files may ask for the build at once. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(path.dirname(LOCK_DIR), { recursive: true });
  const deadline = Date.now() + BUILD_TIMEOUT_MS + 30_000;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch {
      // A lock left by a killed run: older than a build can take.
      try {
        if (Date.now() - statSync(LOCK_DIR).mtimeMs > BUILD_TIMEOUT_MS + 30_000) rmSync(LOCK_DIR, { recursive: true, force: true });
      } catch {
        /* removed meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`buildOnce: timed out waiting for the build lock ${LOCK_DIR}`);
      await sleep(500);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

function runBuild(outDir: string): Promise<void> {
  const args = [
    path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
    path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'),
    '--mode',
    'production',
    '--env',
    'officeJs=local',
    '--output-path',
    outDir,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGTERM'), BUILD_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && /compiled successfully|compiled with \d+ warning/.test(output)) resolve();
      else reject(new Error(`Production build failed (exit ${code ?? signal}):\n${output}`));
    });
  });
}

/**
 * The production build (office.js from node_modules, so no network) in .cache/e2e-dist, built at
 * most once while the sources are unchanged (newest mtime + file count of src/, assets/, config).
 */
export async function buildOnce(outDir: string = E2E_DIST): Promise<string> {
  const fingerprint = sourceFingerprint();
  if (stampMatches(outDir, fingerprint)) return outDir;
  return withBuildLock(async () => {
    if (stampMatches(outDir, fingerprint)) return outDir; // another worker built it while we waited
    await runBuild(outDir);
    writeFileSync(path.join(outDir, STAMP_FILE), JSON.stringify(fingerprint));
    return outDir;
  });
}

// ---- static server --------------------------------------------------------------------------------

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface StaticSite {
  /** http://127.0.0.1:PORT/ */
  origin: string;
  /** Absolute URL of a path in the site, e.g. url('taskpane.html'). */
  url(pathname: string): string;
  /** Paths requested so far (to assert, e.g., that a sample was fetched). */
  requested: string[];
  /** The served overrides by path ("/org-settings.json"); set or delete entries between tests. */
  files: Map<string, string | Uint8Array>;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

export interface ServeOptions {
  /**
   * Files served in place of (or beside) the build's, by path, e.g. an organisation's settings:
   * `{ 'org-settings.json': JSON.stringify(settings) }`. Changeable later through `site.files`.
   */
  files?: Record<string, string | Uint8Array>;
}

/** Serves `dir` on 127.0.0.1 at a random port (GET/HEAD only; no directory listing; no ../). */
export async function serveDist(dir: string, options: ServeOptions = {}): Promise<StaticSite> {
  const root = path.resolve(dir);
  const requested: string[] = [];
  const files = new Map(Object.entries(options.files ?? {}).map(([name, body]) => [`/${name.replace(/^\//, '')}`, body]));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requested.push(url.pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, 'Bad path');
    }
    if (pathname.endsWith('/')) pathname += 'taskpane.html';
    const override = files.get(pathname);
    if (override !== undefined) {
      const body = typeof override === 'string' ? Buffer.from(override, 'utf8') : Buffer.from(override);
      res.writeHead(200, { 'content-type': MIME[path.extname(pathname).toLowerCase()] ?? 'application/octet-stream', 'content-length': body.length, 'cache-control': 'no-store' });
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    const file = path.resolve(root, `.${pathname}`);
    if (file !== root && !file.startsWith(root + path.sep)) return send(res, 403, 'Forbidden');
    if (!existsSync(file) || !statSync(file).isFile()) return send(res, 404, 'Not found');
    const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'content-length': statSync(file).size, 'cache-control': 'no-store' });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    origin,
    url: (pathname) => new URL(pathname.replace(/^\//, ''), origin).href,
    requested,
    files,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---- browser --------------------------------------------------------------------------------------

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium, headless. Close it in afterAll. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH} (set AIPROV_CHROMIUM)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** Uncaught errors and console errors of a page, collected from now on (assert it stays empty). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

// ---- accessibility and screenshots -----------------------------------------------------------------

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** CSS selectors of the offending nodes. */
  targets: string[];
}

const AXE_SCRIPT = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * Runs axe-core (WCAG 2.x A/AA and best practices) on the page as it is now and returns the
 * serious and critical violations. Injected once per page (or frame: a plugin's iframe is checked
 * as its own document).
 */
export async function axeCheck(page: Page | Frame, options: { include?: string } = {}): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: AXE_SCRIPT });
  const violations = await page.evaluate(async (include) => {
    type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run(include ?? document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  }, options.include ?? null);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A full-page PNG in test-results/screenshots/<name>.png (git-ignored); returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\p{L}\p{N}._-]+/gu, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// ---- AI test server -------------------------------------------------------------------------------

export interface FakeOpenAi extends FakeServer {
  /** The chat-completion requests (POST …/chat/completions), without CORS preflights. */
  chatRequests(): RecordedRequest[];
  /** Everything the pane sent in chat requests, as one string (to search for personal data). */
  sentText(): string;
}

export interface FakeOpenAiOptions {
  /** The reply, streamed token by token; or a function of the request. */
  reply: string | ((request: RecordedRequest) => string);
  /** Words per streamed chunk. */
  chunkWords?: number;
  models?: string[];
}

/**
 * The local OpenAI-compatible server of tests/ai/fake-openai-server.ts, reachable from a page on
 * another origin (it answers CORS preflights), streaming `reply` for chat completions and listing
 * `models` for GET /models. Every request, preflights included, is recorded.
 */
export async function fakeOpenAiServer(options: FakeOpenAiOptions): Promise<FakeOpenAi> {
  const server = await startFakeServer(async (request, res) => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'authorization, content-type, x-stainless-os, x-requested-with');
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    if (request.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (request.method === 'GET' && /\/models\/?$/.test(request.url)) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: (options.models ?? ['fake-model']).map((id) => ({ id, object: 'model' })) }));
      return;
    }
    if (request.method === 'POST' && /\/chat\/completions\/?$/.test(request.url)) {
      const text = typeof options.reply === 'function' ? options.reply(request) : options.reply;
      const words = text.split(/(?<=\s)/u);
      const size = options.chunkWords ?? 3;
      const tokens: string[] = [];
      for (let i = 0; i < words.length; i += size) tokens.push(words.slice(i, i + size).join(''));
      await streamTokens(res, tokens, { model: request.json?.model ?? 'fake-model' });
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: `No route ${request.method} ${request.url}` } }));
  });
  const chatRequests = () => server.requests.filter((r) => r.method === 'POST' && /\/chat\/completions\/?$/.test(r.url));
  return {
    ...server,
    chatRequests,
    sentText: () => chatRequests().map((r) => r.body).join('\n'),
  };
}

/**
 * Verifies one claim card through the evidence form (issue 10): pastes an excerpt of a source that
 * holds the claim, then presses the card's Verify button and waits until the form is gone.
 */
export async function verifyWithExcerpt(
  card: Locator,
  verifyLabel: string,
  source = 'Báo cáo số 125/BC-UBND ngày 15/4/2026',
): Promise<void> {
  const text = (await card.locator('.fui-Body1Strong').first().textContent()) ?? '';
  await card.locator('textarea[data-claim-source]').fill(`${source}: … ${text} …`);
  const button = card.getByRole('button', { name: verifyLabel, exact: true });
  await button.click();
  await button.waitFor({ state: 'detached' });
}
