// THROWAWAY: today's keyboard count on main's layout (measured once, then removed).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { translate } from '../../src/i18n';
import { purposeInfo } from '../../src/policy';
import { fakeOpenAiServer, launchBrowser, serveDist, type StaticSite } from './harness';
import { activate, keyCounter, press, reach, stage, typeText } from './keyboard-count';

let site: StaticSite | undefined;
let browser: Browser | undefined;
beforeAll(async () => {
  site = await serveDist('/tmp/e2e-today-13');
  browser = await launchBrowser();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});
const ANSWER =
  'Trong quý I năm 2026, tỷ lệ hồ sơ nộp trực tuyến của tỉnh đạt 68,5%, tăng 4,2 điểm phần trăm so với quý IV năm 2025; ' +
  'Cổng Dịch vụ công đã tiếp nhận 48.215 hồ sơ, đúng định hướng của Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.';
const t = (k: any, ...a: any[]) => (translate as any)('vi', k, ...a);
const esc = (s: string) => new RegExp('^' + s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

it('today', async () => {
  const ai = await fakeOpenAiServer({ reply: ANSWER, chunkWords: 4 });
  site!.files.set('/org-settings.json', JSON.stringify({ profile: 'qc-pb-2026', providers: [{ id: 'noi-bo', name: 'Máy chủ AI nội bộ', tier: 'internal', model: 'q', baseUrl: ai.baseUrl }], locked: ['providers'] }));
  const context = await browser!.newContext({ locale: 'vi-VN', viewport: { width: 350, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(90_000);
  await page.goto(site!.url('taskpane.html'));
  await page.getByRole('heading', { name: t('workbench.heading') }).waitFor();
  const k = keyCounter();
  await activate(page, k, page.getByRole('button', { name: t('workbench.sample.report'), exact: true }));
  await page.getByRole('document').waitFor();
  stage(k, 'open');
  await activate(page, k, page.getByRole('button', { name: t('settings.open'), exact: true }));
  await reach(page, k, page.getByRole('textbox', { name: t('settings.name') }));
  await typeText(page, k, 'Lê Thị Thu');
  await activate(page, k, page.getByRole('button', { name: t('settings.close'), exact: true }));
  stage(k, 'name');
  const header0 = (n: number, key: string) => page.getByRole('button', { name: esc(t('step.numbered', { n, title: t(key) })) });
  const openH = async (n: number, key: string) => { const h = header0(n, key); if ((await h.getAttribute('aria-expanded')) !== 'true') await activate(page, k, h); };
  await activate(page, k, page.getByRole('radio', { name: esc(purposeInfo('draft')!.label.vi) }), 'Space');
  stage(k, 'purpose');
  await openH(2, 'step.platform');
  await activate(page, k, page.getByRole('radio', { name: esc('Máy chủ AI nội bộ') }), 'Space');
  stage(k, 'platform');
  await openH(3, 'step.input');
  await reach(page, k, page.getByRole('textbox', { name: t('input.promptLabel') }));
  await typeText(page, k, 'Viết một đoạn nhận xét về dịch vụ công trực tuyến quý I năm 2026.');
  stage(k, 'input');
  await openH(4, 'step.generate');
  await activate(page, k, page.getByRole('button', { name: t('generate.start'), exact: true }));
  const picker = page.getByRole('combobox', { name: t('generate.insertAfter') });
  await reach(page, k, picker);
  while ((await picker.inputValue()) !== '50') await press(page, k, 'ArrowUp');
  await activate(page, k, page.getByRole('button', { name: t('generate.insert'), exact: true }));
  await page.locator('section[data-passage-id]').waitFor();
  stage(k, 'generate+insert');
  await openH(5, 'step.verify');
  const claims = page.getByRole('list', { name: esc(t('verify.claimsList', { id: '' }).trim()) }).getByRole('listitem');
  await claims.first().waitFor();
  const count = await claims.count();
  for (let i = 0; i < count; i++) {
    const claim = claims.nth(i);
    await reach(page, k, claim.getByRole('textbox').first());
    await typeText(page, k, 'Báo cáo 125/BC-UBND');
    const b = claim.getByRole('button', { name: t('verify.verify'), exact: true });
    await activate(page, k, b);
    await b.waitFor({ state: 'detached' });
  }
  stage(k, `verify x${count}`);
  await openH(6, 'step.record');
  await activate(page, k, page.getByRole('button', { name: t('record.insertDisclosure'), exact: true }));
  await page.getByText(esc(t('record.disclosureDone', { who: 'X', when: 'Y' }).split('(')[0]!)).waitFor();
  stage(k, 'disclose');
  await openH(7, 'step.signoff');
  await activate(page, k, page.getByRole('button', { name: t('signoff.submit'), exact: true }));
  await page.getByText(esc('Đã ký duyệt: Lê Thị Thu')).waitFor();
  stage(k, 'signoff');
  const [download] = await Promise.all([page.waitForEvent('download'), activate(page, k, page.getByRole('button', { name: t('workbench.download'), exact: true }))]);
  expect(download.suggestedFilename()).toBe('bao-cao-chuyen-doi-so.docx');
  stage(k, 'download');
  console.log('TODAY', JSON.stringify(k));
  await context.close();
  await ai.close();
}, 600_000);
