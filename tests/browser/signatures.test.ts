// issue 11 — signatures, end to end in Chromium: the pane (workbench) makes a personal key in the
// browser (non-extractable, IndexedDB), signs the verifications and the sign-off through the
// workflow, and `aiprov check` with a trust list holding the key the pane exported says "trusted";
// the other way round, a .docx signed by the CLI (`aiprov keys init`, verify, signoff) opened in the
// workbench shows each signature as trusted with the trust list, and as an unknown key without it —
// under the default strict profile, signed then, and not ready (with what to do) without the list.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { DocxHost } from '../../src/host/docx';
import { translate, type MessageKey, type ParamArgs } from '../../src/i18n';
import { insertPassage } from '../../src/workflow';
import { AI_TEXT, GENERATION, appendToPassage, context, reportDocx } from '../workflow/helpers';
import { ROOT, buildOnce, verifyWithExcerpt, collectPageErrors, launchBrowser, serveDist, type StaticSite } from './harness';

const TEST_TIMEOUT = 300_000;
const UI_TIMEOUT = 90_000;
const DIR = path.join(ROOT, 'test-results', 'signatures');
const t = <K extends MessageKey>(key: K, ...args: ParamArgs<K>) => translate('vi', key, ...args);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const startsWith = (text: string) => new RegExp(`^${escape(text)}`);

let site: StaticSite | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  site = await serveDist(await buildOnce());
  browser = await launchBrowser();
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function cli(env: NodeJS.ProcessEnv, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), lang: 'vi', env });
  return { code, stdout, stderr };
}

/** A report with one AI passage (three claims), edited so it is not word for word the AI's. */
async function draftFile(name: string): Promise<string> {
  const host = DocxHost.open(reportDocx());
  const passageId = await insertPassage(host, context(), { afterParagraph: 5, text: AI_TEXT, generation: GENERATION });
  appendToPassage(host, passageId, ' Kết quả này được Sở Thông tin và Truyền thông xác nhận.');
  const file = path.join(DIR, name);
  writeFileSync(file, host.save());
  return file;
}

async function openFile(settings: unknown, file: string): Promise<{ page: Page; close: () => Promise<void>; errors: string[] }> {
  site!.files.set('/org-settings.json', JSON.stringify(settings));
  const context = await browser!.newContext({ locale: 'vi-VN', viewport: { width: 1360, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  const errors = collectPageErrors(page);
  await page.goto(site!.url('taskpane.html'), { waitUntil: 'load' });
  await page.getByRole('heading', { name: t('workbench.heading') }).waitFor({ timeout: 60_000 });
  await page.locator(`input[type="file"][aria-label="${t('workbench.openFile')}"]`).setInputFiles(file);
  // The first open loads the workspace chunk (the workflow and checks): slow on a loaded machine.
  try {
    await page.getByRole('document', { name: 'Văn bản (chỉ đọc)' }).waitFor({ timeout: 120_000 });
  } catch (error) {
    const text = await page.evaluate(() => document.body.innerText.slice(0, 3000));
    throw new Error(`the document did not open: ${String(error)}\n${text}\n${errors.join('\n')}`);
  }
  return { page, errors, close: () => context.close() };
}

async function openStep(page: Page, n: number, title: MessageKey): Promise<void> {
  const header = page.getByRole('button', { name: startsWith(t('step.numbered', { n, title: t(title as 'step.purpose') })) });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
}

/** The signature state of each signed event, as the pane shows it: [event seq, kind]. */
async function shownSignatures(page: Page): Promise<string[]> {
  const items = page.getByRole('list', { name: t('signatures.list') }).getByRole('listitem');
  await items.first().waitFor();
  return items.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-kind') ?? ''));
}

describe('signatures between the pane in Chromium and the CLI (issue 11)', () => {
  it(
    'the pane makes a key, signs verifications and the sign-off; aiprov check trusts them with the exported public key',
    async () => {
      const file = await draftFile('for-pane.docx');
      const { page, close, errors } = await openFile({ profile: 'qc-pb-2026' }, file);
      try {
        // Name, then the personal key (settings): made in the browser, shown by fingerprint and SPKI.
        await page.getByRole('button', { name: t('settings.open'), exact: true }).click();
        await page.getByRole('textbox', { name: t('settings.name'), exact: true }).fill('Lê Thị Thu');
        await page.getByRole('textbox', { name: t('key.unit'), exact: true }).fill('Sở Thông tin và Truyền thông');
        await page.getByRole('button', { name: t('key.create'), exact: true }).click();
        await page.getByTestId('key-spki').waitFor();
        const spki = await page.getByTestId('key-spki').inputValue();
        const keyId = await page.getByTestId('key-fingerprint').getAttribute('data-key-id');
        expect(keyId).toMatch(/^[0-9a-f]{64}$/);
        expect(spki.length).toBeGreaterThan(80);
        // Not on the organisation's list yet: the pane says so (the signer still signs).
        await page.locator('[data-testid="key-standing"][data-kind="not-on-list"]').waitFor();
        // The key's private half never leaves: the browser itself refuses to export it.
        const exported = await page.evaluate(
          () =>
            new Promise<string>((resolve) => {
              const req = indexedDB.open('aiprov-keys', 1);
              req.onsuccess = () => {
                const get = req.result.transaction('personal').objectStore('personal').get('current');
                get.onsuccess = () => {
                  const key = get.result as { privateKey: CryptoKey };
                  crypto.subtle.exportKey('jwk', key.privateKey).then(
                    () => resolve('exported'),
                    () => resolve(`refused:${String(key.privateKey.extractable)}`),
                  );
                };
              };
            }),
        );
        expect(exported).toBe('refused:false');
        await page.getByRole('button', { name: t('settings.close'), exact: true }).click();

        // Step 5: every claim verified (each event signed by the workflow with the pane's key).
        await openStep(page, 5, 'step.verify');
        const claims = page.getByRole('list', { name: startsWith(t('verify.claimsList', { id: '' }).trim()) }).getByRole('listitem');
        await claims.first().waitFor();
        const count = await claims.count();
        expect(count).toBe(3);
        for (let i = 0; i < count; i++) {
          await verifyWithExcerpt(claims.nth(i), t('verify.verify'), 'Niên giám thống kê tỉnh 2025');
        }
        // Step 7: sign off; the pane lists each signed event (no trust list here: unknown key).
        await openStep(page, 7, 'step.signoff');
        await page.getByRole('button', { name: t('signoff.submit'), exact: true }).click();
        await page.getByText(/^Đã ký duyệt: Lê Thị Thu/).waitFor();
        expect(await shownSignatures(page)).toEqual(['unknown-key', 'unknown-key', 'unknown-key', 'unknown-key']);
        expect(await page.getByTestId('signed-text').getAttribute('data-kind')).toBe('unchanged');

        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t('workbench.download'), exact: true }).first().click()]);
        const signed = path.join(DIR, 'signed-in-pane.docx');
        await download.saveAs(signed);

        // The administrator puts the exported public key on the trust list; the CLI trusts the pane's signatures.
        const settings = path.join(DIR, 'trust-pane.json');
        writeFileSync(settings, JSON.stringify({ trustedKeys: [{ name: 'Lê Thị Thu', unit: 'Sở Thông tin và Truyền thông', publicKey: spki }] }));
        const check = await cli({}, 'check', signed, '--settings', settings, '--json');
        expect(check.code, check.stdout + check.stderr).toBe(0);
        const json = JSON.parse(check.stdout) as { signatures: { counts: Record<string, number>; events: { keyId?: string; type: string }[] }; signedText: { comparison: { unchanged: boolean } } };
        expect(json.signatures.counts).toMatchObject({ trusted: 4, invalid: 0, 'unknown-key': 0, unsigned: 0 });
        expect(new Set(json.signatures.events.map((e) => e.keyId))).toEqual(new Set([keyId]));
        expect(json.signedText.comparison.unchanged).toBe(true);
        // Another person's name on that key is an error (exit 2), not a pass.
        writeFileSync(settings, JSON.stringify({ trustedKeys: [{ name: 'Người Khác', unit: 'Sở Thông tin và Truyền thông', publicKey: spki }] }));
        expect((await cli({}, 'check', signed, '--settings', settings)).code).toBe(2);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'a .docx signed by the CLI shows in the workbench as trusted with the trust list, as an unknown key without it',
    async () => {
      // Four eyes: a verifier and a signer, each with a key of their own (two configuration folders).
      const env = { AIPROV_CONFIG_DIR: path.join(DIR, 'cfg') };
      const verifierEnv = { AIPROV_CONFIG_DIR: path.join(DIR, 'cfg-verifier') };
      const SIGNER = 'Trần Thị Bình';
      const VERIFIER = 'Lê Văn Cường';
      expect((await cli(env, 'keys', 'init', '--name', SIGNER, '--unit', 'Sở TT&TT')).code).toBe(0);
      expect((await cli(verifierEnv, 'keys', 'init', '--name', VERIFIER, '--unit', 'Sở TT&TT')).code).toBe(0);
      const entryOf = async (e: NodeJS.ProcessEnv) => (JSON.parse((await cli(e, 'keys', 'show', '--json')).stdout) as { trustedKey: unknown }).trustedKey;
      const entry = await entryOf(env);
      const verifierEntry = await entryOf(verifierEnv);
      let current = await draftFile('for-cli.docx');
      const ids = (JSON.parse((await cli({}, 'inspect', current, '--json')).stdout) as { passages: { claims: { id: string }[] }[] }).passages[0]!.claims.map((c) => c.id);
      for (const [n, id] of ids.entries()) {
        const out = path.join(DIR, `cli-v${n}.docx`);
        // issue 10 — evidence: checked elsewhere (a named source and a note).
        const verified = await cli(verifierEnv, 'verify', current, '--claim', id, '--evidence', 'manual', '--source', 'Niên giám thống kê 2025', '--note', 'đối chiếu bản in', '--by', VERIFIER, '-o', out);
        expect(verified.code, verified.stderr).toBe(0);
        current = out;
      }
      const signed = path.join(DIR, 'signed-by-cli.docx');
      const signedOff = await cli(env, 'signoff', current, '--by', SIGNER, '-o', signed);
      expect(signedOff.code, signedOff.stderr).toBe(0);
      const privateD = (JSON.parse(readFileSync(path.join(env.AIPROV_CONFIG_DIR, 'signing-key.json'), 'utf8')) as { privateKey: { d: string } }).privateKey.d;

      // Under the default strict profile (a sign-off counts only with a trusted key, issue 11).
      const signOffHeader = (page: Page) => page.getByRole('button', { name: startsWith(t('step.numbered', { n: 7, title: t('step.signoff') })) });
      const trusted = await openFile({ trustedKeys: [entry, verifierEntry] }, signed);
      try {
        await openStep(trusted.page, 7, 'step.signoff');
        expect(await shownSignatures(trusted.page)).toEqual(['trusted', 'trusted', 'trusted', 'trusted']);
        expect(await signOffHeader(trusted.page).textContent()).toContain('đã ký duyệt');
        expect(await trusted.page.getByTestId('signatures-summary').getAttribute('data-kind')).toBe('all-trusted');
        expect(await trusted.page.getByTestId('signed-text').getAttribute('data-kind')).toBe('unchanged');
        expect(await trusted.page.content()).not.toContain(privateD);
        expect(trusted.errors).toEqual([]);
      } finally {
        await trusted.close();
      }
      const unknown = await openFile({}, signed);
      try {
        await openStep(unknown.page, 7, 'step.signoff');
        expect(await shownSignatures(unknown.page)).toEqual(['unknown-key', 'unknown-key', 'unknown-key', 'unknown-key']);
        expect(await unknown.page.getByTestId('signatures-summary').getAttribute('data-kind')).toBe('not-all-trusted');
        // Not on the trust list: not ready, and the pane says what to do (the same as `aiprov check`).
        const reasons = unknown.page.getByRole('list', { name: t('signoff.blockers') });
        expect(await reasons.textContent()).toContain(`Lần ký duyệt của ${SIGNER} được ký bằng khóa chưa có trong danh sách khóa tin cậy`);
        expect(await signOffHeader(unknown.page).textContent()).toContain('chưa đủ điều kiện');
        expect((await cli({}, 'check', signed)).code).toBe(1);
      } finally {
        await unknown.close();
      }
    },
    TEST_TIMEOUT,
  );
});
