/**
 * issue 12 — ONLYOFFICE: the built plugin (onlyoffice/index.html of the production build) in
 * Chromium, inside a page standing in for the editor.
 *
 * Real: the production bundle and the plugin folder as shipped; the plugin runs in an iframe and
 * talks to its parent only by postMessage of JSON text, with the message types ONLYOFFICE's own
 * plugins.js and editor use (initialize → plugin_init → initialize_internal → init; method →
 * onMethodReturn; command → onCommandCallback; onThemeChanged), so every editor command crosses the
 * frame boundary as text; Chromium; a local OpenAI-compatible HTTP server; axe-core.
 * Stand-in: the editor (fixtures/onlyoffice-editor-page.ts answers through the typed fake of
 * tests/host-onlyoffice/fake.ts) and the plugins.js inside the frame (fixtures/onlyoffice-plugins.ts,
 * which carries the base code the real editor would send in "plugin_init").
 *
 * The panel is 320 px wide: ONLYOFFICE does not document the width of the right-hand plugin panel
 * (none found in its docs or web-apps sources here), and 320 is inside the 300–350 px the pane is
 * designed for. Screenshots are of the plugin frame only (the whole pane, 320 px wide), in
 * test-results/screenshots/onlyoffice-*.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import type { Browser, BrowserContext, Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type MessageKey, type ParamArgs } from '../../src/i18n';
import { LEVEL_LABELS, purposeInfo } from '../../src/policy';
import { RECORD_NAMESPACE, decodeRecord } from '../../src/provenance/codec';
import { ROOT, SCREENSHOT_DIR, axeCheck, buildOnce, collectPageErrors, fakeOpenAiServer, launchBrowser, serveDist, verifyWithExcerpt, type FakeOpenAi, type StaticSite } from './harness';

const ANSWER =
  'Trong quý I năm 2026, tỷ lệ hồ sơ nộp trực tuyến của tỉnh đạt 68,5%, tăng 4,2 điểm phần trăm so với quý IV năm 2025; ' +
  'Cổng Dịch vụ công đã tiếp nhận 48.215 hồ sơ.';
const SOURCE = 'Báo cáo số 125/BC-UBND ngày 15/4/2026: tỷ lệ hồ sơ trực tuyến quý I/2026 đạt 68,5%, tăng 4,2 điểm phần trăm so với quý IV/2025; Cổng Dịch vụ công tiếp nhận 48.215 hồ sơ.';
const INTERNAL = { id: 'may-chu-noi-bo', name: 'Máy chủ AI nội bộ (thử nghiệm)', tier: 'internal', model: 'qwen-test' } as const;
const PANEL_WIDTH = 320;
const UI_TIMEOUT = 90_000;
const TEST_TIMEOUT = 300_000;

let site: StaticSite | undefined;
let browser: Browser | undefined;

const bundle = (file: string) =>
  buildSync({ entryPoints: [path.join(ROOT, 'tests', 'browser', 'fixtures', file)], bundle: true, format: 'iife', platform: 'browser', target: 'es2020', write: false }).outputFiles[0]!.text;

beforeAll(async () => {
  const dist = await buildOnce();
  // Chromium asks for /favicon.ico on its own (the editor page would have one); a 404 is a console error.
  const favicon = new Uint8Array(readFileSync(path.join(dist, 'onlyoffice', 'resources', 'light', 'icon.png')));
  site = await serveDist(dist, {
    files: {
      'v1/plugins.js': bundle('onlyoffice-plugins.ts'),
      'editor/editor.js': bundle('onlyoffice-editor-page.ts'),
      'editor/index.html': '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Trình soạn thảo (giả lập)</title></head><body><script src="/editor/editor.js"></script></body></html>',
      'favicon.ico': favicon,
    },
  });
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const startsWith = (text: string) => new RegExp(`^${escape(text)}`);
const t = <K extends MessageKey>(key: K, ...args: ParamArgs<K>) => translate('vi', key, ...args);

interface EditorSession {
  page: Page;
  context: BrowserContext;
  /** The plugin's iframe. */
  plugin: Frame;
  errors: string[];
  requests: string[];
  missing: string[];
  /** axe on the plugin frame, then a screenshot of the frame at the panel's width. */
  shot(step: string): Promise<void>;
  editor<T>(call: string, arg?: unknown): Promise<T>;
}

async function openEditor(doc: 'report' | 'secret', ai: FakeOpenAi, theme: 'light' | 'dark' = 'light'): Promise<EditorSession> {
  site!.files.set('/onlyoffice/org-settings.json', JSON.stringify({ profile: 'qc-pb-2026', providers: [{ ...INTERNAL, baseUrl: ai.baseUrl }], locked: ['providers'] }));
  const context = await browser!.newContext({ locale: 'vi-VN', viewport: { width: 1100, height: 900 } });
  const requests: string[] = [];
  const missing: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  context.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  const errors = collectPageErrors(page);
  await page.goto(site!.url(`editor/index.html?doc=${doc}&width=${PANEL_WIDTH}&theme=${theme}`), { waitUntil: 'load' });
  const plugin = (await (await page.waitForSelector('#plugin')).contentFrame())!;
  await plugin.getByText('ONLYOFFICE', { exact: true }).waitFor({ timeout: 60_000 });
  let n = 0;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    page,
    context,
    plugin,
    errors,
    requests,
    missing,
    shot: async (step) => {
      await plugin.waitForFunction(() =>
        document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
      );
      expect(await axeCheck(plugin), `axe at ${step}`).toEqual([]);
      // The whole pane at the panel's width: the frame is grown to its content for the picture only.
      const height = await plugin.evaluate(() => document.documentElement.scrollHeight);
      const setHeight = (css: string) => page.evaluate((value) => void (document.getElementById('plugin')!.style.height = value), css);
      await setHeight(`${height}px`);
      await page.locator('#plugin').screenshot({ path: path.join(SCREENSHOT_DIR, `onlyoffice-${doc}-${theme}-${String(++n).padStart(2, '0')}-${step}.png`) });
      await setHeight('100vh');
    },
    editor: (call, arg) =>
      page.evaluate(([name, value]) => {
        const editor = (window as unknown as { aiprovEditor: Record<string, (a?: unknown) => unknown> }).aiprovEditor;
        return editor[name as string]!(value);
      }, [call, arg] as const) as never,
  };
}

const step = (s: EditorSession, id: string): Locator => s.plugin.locator(`[data-step="${id}"]`);
const announced = (s: EditorSession) => s.plugin.getByTestId('pane-announcer');
/** Opens step k unless it is open already (a second click would fold it). */
async function openStep(s: EditorSession, k: number, title: MessageKey): Promise<void> {
  const header = s.plugin.getByRole('button', { name: startsWith(t('step.numbered', { n: k, title: t(title as 'step.purpose') })) });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
}
const onlyLocal = (urls: string[]) => urls.filter((url) => !url.startsWith('http://127.0.0.1:') && !url.startsWith('data:') && url !== 'about:blank');
/** The background the pane paints (Fluent's provider), as the computed colour. */
const paneBackground = (s: EditorSession) => s.plugin.evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor);

describe('the ONLYOFFICE plugin in Chromium, in an editor page over postMessage', () => {
  it('the seven steps end to end: the record read back from the editor document by namespace holds every event; axe clean at each step; nothing leaves 127.0.0.1', async () => {
    const ai = await fakeOpenAiServer({ reply: ANSWER, chunkWords: 4 });
    const s = await openEditor('report', ai);
    const { plugin } = s;
    try {
      // The start went as with the real editor, and the pane says what works on this version.
      expect((await s.editor<string[]>('received')).slice(0, 3)).toEqual(['initialize', 'initialize_internal', 'method:GetVersion']);
      await plugin.getByText(startsWith('ONLYOFFICE 9.0.0: đánh dấu đoạn AI')).waitFor();
      await s.shot('open');

      await plugin.getByRole('button', { name: t('settings.open'), exact: true }).click();
      await plugin.getByRole('textbox', { name: t('settings.name'), exact: true }).fill('Lê Thị Thu');
      await plugin.getByRole('button', { name: t('settings.close'), exact: true }).click();

      // 1. Purpose.
      await openStep(s, 1, 'step.purpose');
      await plugin.getByRole('radio', { name: startsWith(purposeInfo('draft')!.label.vi) }).check();
      await s.shot('1-purpose');
      // 2. The AI tool (the organisation's internal server).
      await openStep(s, 2, 'step.platform');
      await plugin.getByRole('radio', { name: startsWith(INTERNAL.name) }).check();
      await s.shot('2-platform');
      // 3. Input: the request, a source, and the document's level (declared; the applied level follows).
      await openStep(s, 3, 'step.input');
      await plugin.getByRole('textbox', { name: t('input.promptLabel') }).fill('Viết một đoạn về dịch vụ công trực tuyến quý I năm 2026, nêu số liệu.');
      await plugin.getByRole('button', { name: t('input.addPasted'), exact: true }).click();
      await plugin.getByRole('textbox', { name: t('input.sourceLabel', { n: 1, name: t('input.pastedSourceName', { n: 1 }) }) }).fill(SOURCE);
      await plugin.getByRole('combobox', { name: t('input.declaredLevel') }).selectOption('1');
      const levelSection = plugin.getByRole('region', { name: t('input.levelHeading') });
      await expect.poll(() => levelSection.textContent()).toContain(`${t('input.appliedLevel')}${LEVEL_LABELS[1].vi}`);
      await s.shot('3-input');
      // 4. Draft with the local model, then insert below paragraph 5.
      await openStep(s, 4, 'step.generate');
      await plugin.getByRole('button', { name: t('generate.start'), exact: true }).click();
      const insert = plugin.getByRole('button', { name: t('generate.insert'), exact: true });
      const confirm = plugin.getByRole('checkbox', { name: t('generate.confirmCheckbox') });
      await insert.or(confirm).first().waitFor();
      if (await confirm.isVisible()) {
        await confirm.check();
        await plugin.getByRole('button', { name: t('generate.confirmSend'), exact: true }).click();
        await insert.waitFor();
      }
      expect(await plugin.getByTestId('generate-output').textContent()).toBe(ANSWER);
      expect(ai.chatRequests()).toHaveLength(1);
      expect(ai.sentText()).toContain('68,5%');
      await plugin.getByRole('combobox', { name: t('generate.insertAfter') }).selectOption('5');
      await s.shot('4-generated');
      await insert.click();
      // 5. Verify every claim with evidence (the pane opens step 5 itself after the insertion).
      const cards = step(s, 'verify').locator('[data-claim-card]');
      await cards.first().waitFor();
      await s.shot('5-inserted');
      const count = await cards.count();
      expect(count).toBeGreaterThanOrEqual(3);
      // Always the first card still open: a claim found in the pasted source when drafting is
      // verified on that grounding; any other with an excerpt pasted from the source.
      const kinds: string[] = [];
      for (let i = 0; i < count; i++) {
        // Pinned by its claim reference, so the locator does not slide to the next card once verified.
        const ref = await step(s, 'verify').locator('[data-claim-source]').first().getAttribute('data-claim-ref');
        const card = step(s, 'verify').locator('[data-claim-card]').filter({ has: s.plugin.locator(`[data-claim-ref="${ref}"]`) });
        const grounding = card.getByRole('radio', { name: t('evidence.kind.grounding') });
        if ((await grounding.count()) > 0 && (await grounding.isChecked())) {
          kinds.push('grounding');
          const button = card.getByRole('button', { name: t('verify.verify'), exact: true });
          await button.click();
          await button.waitFor({ state: 'detached' });
        } else {
          kinds.push('excerpt');
          await verifyWithExcerpt(card, t('verify.verify'));
        }
        await expect.poll(() => step(s, 'verify').locator('[data-claim-source]').count()).toBe(count - i - 1);
      }
      // The pasted source holds every figure of the answer, so each claim was found in it when drafting.
      expect(kinds).toEqual(Array<string>(count).fill('grounding'));
      await s.shot('5-verified');
      // 6. Disclose.
      await step(s, 'verify').locator('[data-next-step]').click();
      await plugin.getByRole('button', { name: t('record.insertDisclosure'), exact: true }).click();
      await expect.poll(() => announced(s).textContent()).toBe(t('pane.disclosed'));
      await s.shot('6-disclosed');
      // 7. Sign off (qc-pb-2026).
      await step(s, 'record').locator('[data-next-step]').click();
      await plugin.getByRole('button', { name: t('signoff.submit'), exact: true }).click();
      // In the editor the document is saved by the editor: no download action follows (as in Word).
      await expect.poll(() => announced(s).textContent()).toBe(t('pane.signedOff'));
      expect(await step(s, 'signoff').locator('[data-final-action]').count()).toBe(0);
      await s.shot('7-signed');

      // The editor's document: the passage control after paragraph 5, the disclosure line, and the
      // record found by namespace (never by id), holding the whole path.
      const state = JSON.parse(await s.editor<string>('state')) as { body: unknown[] };
      const at = state.body.findIndex((e) => JSON.stringify(e).includes('"tag":"aiprov:'));
      expect(at).toBe(5);
      expect(JSON.stringify(state.body[at])).toContain(ANSWER.slice(0, 40));
      const records = await s.editor<string[]>('recordByNamespace', RECORD_NAMESPACE);
      expect(records).toHaveLength(1);
      const decoded = decodeRecord(records[0]!);
      if (!decoded.ok) throw new Error(`record: ${decoded.message}`);
      const events = decoded.record.events;
      // The level declared in step 3 steers the policy, is in the passage's event, and is recorded in the
      // document with the insertion (declareLevel, as `aiprov draft --level` does).
      expect(events.map((e) => e.type)).toEqual(['record-created', 'passage-generated', 'level-declared', ...Array<string>(count).fill('claim-verified'), 'disclosure-inserted', 'signed-off']);
      expect(events[2]!.data).toMatchObject({ level: 1 });
      expect(events.every((e) => e.actor === 'Lê Thị Thu')).toBe(true);
      const generated = events[1]!.data as { level: number; purpose: string; sources: { name: string }[]; provider: { endpointHost: string } };
      expect(generated).toMatchObject({ level: 1, purpose: 'draft', sources: [{ name: t('input.pastedSourceName', { n: 1 }) }] });
      expect(generated.provider.endpointHost).toMatch(/^127\.0\.0\.1:\d+$/);
      // Every claim verified on evidence from the pasted source.
      for (const e of events.filter((x) => x.type === 'claim-verified')) {
        expect((e.data as { evidence: { name: string } }).evidence.name).toBe(t('input.pastedSourceName', { n: 1 }));
      }
      expect(events.at(-1)!.data).toMatchObject({ summary: { claims: count, passages: 1, verified: count } });

      // Every editor call of the whole path crossed the frame as a message: the fake ran exactly the
      // commands and methods the plugin posted, nothing reached it another way.
      const received = await s.editor<string[]>('received');
      const trips = await s.editor<{ callCommands: number; executeMethods: number }>('roundTrips');
      expect(trips.callCommands).toBe(received.filter((type) => type === 'command').length);
      expect(trips.executeMethods).toBe(received.filter((type) => type.startsWith('method:')).length);
      // The real plugins.js keeps one pending command callback: the host never posts a second command
      // before the first is answered.
      expect(await s.plugin.evaluate(() => (window as unknown as { aiprovOverlappingCommands(): number }).aiprovOverlappingCommands())).toBe(0);
      console.log(`seven steps: ${trips.callCommands} commands, ${trips.executeMethods} methods over postMessage`);
      expect(await s.editor<string[]>('commandErrors')).toEqual([]);
      expect(s.missing).toEqual([]);
      expect(ai.chatRequests()).toHaveLength(1);
      expect(onlyLocal(s.requests)).toEqual([]);
      expect(s.errors).toEqual([]);
    } finally {
      await s.context.close();
      await ai.close();
    }
  }, TEST_TIMEOUT);

  it('a TỐI MẬT document: AI refused with the reason, the model server receives 0 requests; a dark editor starts a dark pane and its theme change at run time is followed', async () => {
    const ai = await fakeOpenAiServer({ reply: ANSWER });
    const s = await openEditor('secret', ai, 'dark');
    try {
      const alert = s.plugin.getByRole('alert').filter({ hasText: t('workspace.secretTitle') });
      await alert.waitFor();
      expect((await alert.textContent()) ?? '').toMatch(/Điều \d+/);
      expect(await s.plugin.getByRole('button', { name: t('generate.start'), exact: true }).count()).toBe(0);
      expect(await s.plugin.getByRole('textbox', { name: t('input.promptLabel') }).count()).toBe(0);
      // The editor was dark when it started the plugin (theme in "init").
      expect(await paneBackground(s)).toBe('rgb(41, 41, 41)');
      await s.shot('refused-dark');
      await s.editor('setTheme', 'light');
      await expect.poll(() => paneBackground(s)).toBe('rgb(255, 255, 255)');
      await s.shot('refused-light');
      await s.editor('setTheme', 'dark');
      await expect.poll(() => paneBackground(s)).toBe('rgb(41, 41, 41)');
      // Not a chat request, not a model list, not a CORS preflight.
      expect(ai.requests).toHaveLength(0);
      expect(await s.editor<string[]>('commandErrors')).toEqual([]);
      expect(s.missing).toEqual([]);
      expect(onlyLocal(s.requests)).toEqual([]);
      expect(s.errors).toEqual([]);
    } finally {
      await s.context.close();
      await ai.close();
    }
  }, TEST_TIMEOUT);
});
