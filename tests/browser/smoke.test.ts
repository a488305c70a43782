// The production build opened in Chromium outside Office: the pane starts, names the product,
// passes axe (no serious or critical violation) and leaves a screenshot in test-results/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeCheck, buildOnce, collectPageErrors, fakeOpenAiServer, launchBrowser, screenshot, serveDist, type StaticSite } from './harness';

let site: StaticSite | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  site = await serveDist(await buildOnce(), { files: { 'org-settings.json': '{"profile":"strict"}' } });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the static server', () => {
  it('serves the build with its MIME types, the overrides, and nothing outside the folder', async () => {
    const html = await fetch(site!.url('/'));
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toContain('<script');
    const settings = await fetch(site!.url('org-settings.json'));
    expect(settings.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await settings.json()).toEqual({ profile: 'strict' });
    expect((await fetch(site!.url('assets/icon-32.png'))).headers.get('content-type')).toBe('image/png');
    expect((await fetch(site!.url('missing.js'))).status).toBe(404);
    // An encoded slash survives URL parsing and decodes to "../../package.json".
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${site!.origin}..%2f..%2fpackage.json`, { method: 'GET' }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});

describe('task pane in Chromium, outside Office', () => {
  // Outside Office the pane starts in Vietnamese; English is the user's choice in the language list.
  it.each(['vi', 'en'] as const)('in %s: names the product, has no serious accessibility problem', async (lang) => {
    const context = await browser!.newContext({ locale: 'vi-VN', viewport: { width: 420, height: 900 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    try {
      const response = await page.goto(site!.url('taskpane.html'), { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-type']).toContain('text/html');
      const title = page.getByRole('heading', { level: 1 });
      await title.waitFor({ timeout: 60_000 });
      expect(await title.textContent()).toContain('AI Provenance');
      if (lang === 'en') {
        await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption('en');
        await page.getByRole('combobox', { name: 'Language' }).waitFor();
      }
      // The pane's root names its language (Fluent's provider carries lang), for screen readers.
      expect(await page.locator(`[lang="${lang}"]`).count()).toBeGreaterThan(0);
      expect(site!.requested.some((p) => /\/taskpane\.[0-9a-f]{8}\.js$/.test(p))).toBe(true);
      // Outside Office, office.js is not requested at all (the page would ask Microsoft's CDN in a cdn build).
      expect(site!.requested.filter((p) => p.includes('office-js') || p.includes('office.js'))).toEqual([]);
      expect(await axeCheck(page)).toEqual([]);
      const file = await screenshot(page, `smoke-${lang}`);
      expect(file).toMatch(/test-results\/screenshots\/smoke-(vi|en)\.png$/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

describe('the fake OpenAI-compatible server', () => {
  it('streams a reply to a page on another origin (CORS) and records what the page sent', async () => {
    const ai = await fakeOpenAiServer({ reply: 'Tỷ lệ hồ sơ trực tuyến đạt 68,5%.' });
    const page = await browser!.newPage();
    try {
      await page.goto(site!.url('taskpane.html'));
      const text = await page.evaluate(async (baseUrl) => {
        const response = await fetch(`${baseUrl}/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer test' },
          body: JSON.stringify({ model: 'm', stream: true, messages: [{ role: 'user', content: 'Xin chào' }] }),
        });
        const raw = await response.text();
        return raw
          .split('\n')
          .filter((line) => line.startsWith('data: {'))
          .map((line) => JSON.parse(line.slice(6)).choices[0].delta.content ?? '')
          .join('');
      }, ai.baseUrl);
      expect(text).toBe('Tỷ lệ hồ sơ trực tuyến đạt 68,5%.');
      expect(ai.chatRequests()).toHaveLength(1);
      expect(ai.requests.some((r) => r.method === 'OPTIONS')).toBe(true);
      expect(ai.sentText()).toContain('Xin chào');
    } finally {
      await page.close();
      await ai.close();
    }
  }, 60_000);
});
