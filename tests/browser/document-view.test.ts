// DocumentView in Chromium with real CSS, light and dark: passages stand out in their state's
// colour, labels are readable (axe finds no serious/critical problem, contrast included), and
// picking a label selects the passage.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import { CONDITION_COLORS } from '../../src/workflow/looks';
import { SAMPLES_DIR } from '../../scripts/make-samples';
import { ROOT, axeCheck, collectPageErrors, launchBrowser, screenshot } from './harness';

let browser: Browser | undefined;
let bundle = '';

async function viewData() {
  const host = DocxHost.open(new Uint8Array(readFileSync(path.join(SAMPLES_DIR, 'bao-cao-chuyen-doi-so.docx'))));
  const after = (await host.readParagraphs()).find((p) => p.text.startsWith('Toàn tỉnh hiện có'))!.index;
  await host.insertPassage({
    passageId: '11111111-2222-4333-8444-555555555555',
    afterParagraph: after,
    text: 'Dự kiến đến hết năm 2026, 100% thôn, xóm có sóng di động băng rộng theo Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ.',
    title: 'AI · chưa kiểm chứng · 11111111',
    color: CONDITION_COLORS.unverified,
  });
  const later = (await host.readParagraphs()).find((p) => p.text.startsWith('Cổng Dịch vụ công'))!.index;
  await host.insertPassage({
    passageId: '66666666-7777-4888-9999-000000000000',
    afterParagraph: later,
    text: 'Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,9%.',
    title: 'AI · cần xem lại · 66666666',
    color: CONDITION_COLORS['needs-review'],
  });
  return { paragraphs: await host.readParagraphs(), passages: await host.listPassages() };
}

beforeAll(async () => {
  const result = await build({
    entryPoints: [path.join(ROOT, 'tests', 'browser', 'fixtures', 'document-view-page.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  bundle = result.outputFiles[0]!.text;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('DocumentView in Chromium', () => {
  it.each(['light', 'dark'] as const)('%s theme: highlighted passages, readable labels, selectable', async (theme) => {
    const data = { ...(await viewData()), lang: 'vi', theme };
    const page = await browser!.newPage({ viewport: { width: 900, height: 1000 }, colorScheme: theme });
    const errors = collectPageErrors(page);
    try {
      const html =
        `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>DocumentView</title></head><body style="margin:0">` +
        `<div id="root"></div><script>window.__VIEW__=${JSON.stringify(data).replace(/</g, '\\u003c')}</script>` +
        `<script>${bundle.replace(/<\/script/gi, '<\\/script')}</script></body></html>`;
      await page.setContent(html, { waitUntil: 'load' });
      const doc = page.getByRole('document', { name: 'Văn bản (chỉ đọc)' });
      await doc.waitFor();
      const amber = page.getByRole('region', { name: 'AI · chưa kiểm chứng · 11111111' });
      const red = page.getByRole('region', { name: 'AI · cần xem lại · 66666666' });
      // The state colour reaches the rendered border, not just an attribute.
      const border = async (region: typeof amber) => region.evaluate((el) => getComputedStyle(el).borderLeftColor);
      expect(await border(amber)).toBe('rgb(232, 164, 0)');
      expect(await border(red)).toBe('rgb(198, 40, 40)');
      expect(await amber.textContent()).toContain('Quyết định số 749/QĐ-TTg');
      await page.getByRole('button', { name: /66666666/ }).click();
      expect(await page.getByRole('button', { name: /66666666/ }).getAttribute('aria-pressed')).toBe('true');
      expect(await axeCheck(page)).toEqual([]);
      await screenshot(page, `document-view-${theme}`);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
