// issue 15 — logbook: the workbench's logbook page in Chromium. A folder of generated .docx files
// (the logbook test set) is picked; the page reads them in the browser with the CLI's own pieces and
// shows the same figures as `aiprov logbook`. Nothing leaves 127.0.0.1: every request is recorded.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aiprov, tempDir } from '../cli/run';
import { logbookKeys, writeLogbookSet, SIGNER_UNIT } from '../fixtures/logbook-set';
import { buildOnce, collectPageErrors, launchBrowser, serveDist, type StaticSite } from './harness';

let site: StaticSite | undefined;
let browser: Browser | undefined;
let dir: string;

beforeAll(async () => {
  dir = tempDir();
  await writeLogbookSet(join(dir, 'don-vi'));
  writeFileSync(join(dir, 'org-settings.json'), JSON.stringify({ trustedKeys: (await logbookKeys()).trustedKeys }));
  site = await serveDist(await buildOnce());
  browser = await launchBrowser();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('logbook page', () => {
  it('reads a picked folder in the browser, shows the CLI figures, requests nothing beyond 127.0.0.1', async () => {
    const context = await browser!.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const requests: string[] = [];
    const failed: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('response', (response) => void (response.status() >= 400 && failed.push(`${response.status()} ${response.url()}`)));
    try {
      await page.goto(site!.url('logbook.html'), { waitUntil: 'load' });
      await page.getByRole('heading', { level: 1, name: 'Sổ theo dõi sử dụng AI của đơn vị' }).waitFor({ timeout: 60_000 });
      await page.locator('#settings').setInputFiles(join(dir, 'org-settings.json'));
      await page.getByText('Danh sách khoá tin cậy: 3 khoá.').waitFor({ timeout: 30_000 });
      await page.locator('#folder').setInputFiles(join(dir, 'don-vi'));
      await page.getByText('Đã đọc 11 tệp.').waitFor({ timeout: 120_000 });
      const report = page.frameLocator('#report');
      // The frame loads its srcdoc after the status line says the files are read.
      await report.locator('h2').first().waitFor({ timeout: 60_000 });
      const html = await report.locator('body').innerHTML({ timeout: 30_000 });
      // The same figures the CLI computes over the same folder.
      const cli = JSON.parse((await aiprov('logbook', join(dir, 'don-vi'), '--format', 'json', '--no-cache', '--no-progress', '--settings', join(dir, 'org-settings.json'))).stdout);
      const row = (label: string, value: number) => `<tr><td>${label}</td><td>${value}</td></tr>`;
      expect(html).toContain(row('Tệp đã đọc', cli.totals.files));
      expect(html).toContain(row('Đoạn AI', cli.totals.passages));
      expect(html).toContain(row('Đã kiểm chứng', cli.totals.verified));
      expect(html).toContain(row('Ký duyệt bằng khoá tin cậy', cli.totals.signedByTrustedKey));
      expect(html).toContain(row('Đơn vị lấy từ danh sách khoá tin cậy', 2));
      expect(html).toContain('Văn bản AI không có đánh dấu (tìm thấy ở tài liệu khác) (1)');
      expect(html).toContain('Dùng AI trên tài liệu nay là mức 4 (bí mật nhà nước) (1)');
      expect(html).toContain(`<td>${SIGNER_UNIT}</td><td>danh sách khoá tin cậy</td>`);
      expect(html).toContain('<td>don-vi/so-b/ky-roi-sua.docx</td><td>so-b</td><td>thư mục</td>');
      expect(requests.filter((url) => !url.startsWith('http://127.0.0.1:') && !url.startsWith('data:') && url !== 'about:srcdoc')).toEqual([]);
      expect(failed).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
