// Issue 11 through the CLI: keys init/show, the review commands sign with the key file, check tells
// trusted / unknown key apart and names the paragraphs changed after sign-off; the private key never
// appears in any file the product writes.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import { main } from '../../src/cli/main';
import { insertPassage } from '../../src/workflow';
import { AI_TEXT, GENERATION, appendToPassage, context, reportDocx } from '../workflow/helpers';
import { tempDir } from './run';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CHECKER = 'Lê Văn Cường';
const SIGNER = 'Trần Thị Bình';

async function run(env: NodeJS.ProcessEnv, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), lang: 'vi', env });
  return { code, stdout, stderr };
}

let dir: string;
let drafted: string;
let passageId: string;
const home = { checker: '', signer: '' };

beforeAll(async () => {
  dir = tempDir();
  const host = DocxHost.open(reportDocx());
  passageId = await insertPassage(host, context(), { afterParagraph: 5, text: AI_TEXT, generation: GENERATION });
  appendToPassage(host, passageId, ' Kết quả này được Sở Thông tin và Truyền thông xác nhận.');
  drafted = join(dir, 'bao-cao.docx');
  writeFileSync(drafted, host.save());
  home.checker = join(dir, 'cfg-checker');
  home.signer = join(dir, 'cfg-signer');
});

describe('aiprov keys and signed review (issue 11)', () => {
  it('creates a 0600 key file, shows the public key, signs, and check verifies against the trust list', async () => {
    const checkerEnv = { AIPROV_CONFIG_DIR: home.checker };
    const signerEnv = { AIPROV_CONFIG_DIR: home.signer };
    expect((await run(checkerEnv, 'keys', 'show')).code).toBe(1);
    const init = await run(checkerEnv, 'keys', 'init', '--name', CHECKER, '--unit', 'Sở TT&TT');
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('BEGIN PUBLIC KEY');
    const keyFile = join(home.checker, 'signing-key.json');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(home.checker).mode & 0o777).toBe(0o700);
    expect((await run(checkerEnv, 'keys', 'init', '--name', CHECKER, '--unit', 'Sở TT&TT')).code).toBe(1); // no silent overwrite
    expect((await run(signerEnv, 'keys', 'init', '--name', SIGNER, '--unit', 'Sở TT&TT', '--role', 'Giám đốc Sở')).code).toBe(0);
    const privateD = (JSON.parse(readFileSync(keyFile, 'utf8')) as { privateKey: { d: string } }).privateKey.d;
    const signerD = (JSON.parse(readFileSync(join(home.signer, 'signing-key.json'), 'utf8')) as { privateKey: { d: string } }).privateKey.d;
    expect(init.stdout).not.toContain(privateD);

    // The administrator builds the trust list from `keys show --json`.
    const entries = [];
    for (const env of [checkerEnv, signerEnv]) {
      const shown = await run(env, 'keys', 'show', '--json');
      expect(shown.code).toBe(0);
      expect(shown.stdout).not.toMatch(/"d"\s*:/);
      entries.push(JSON.parse(shown.stdout).trustedKey);
    }
    const settings = join(dir, 'org-settings.json');
    writeFileSync(settings, JSON.stringify({ trustedKeys: entries }));

    // A key owned by someone else is refused before anything is signed.
    const wrong = await run(checkerEnv, 'verify', drafted, '--claim', 'x.c1', '--evidence', 'manual', '--note', 'đối chiếu bản gốc', '--source', 'x', '--by', 'Người Khác', '-o', join(dir, 'no.docx'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('khác tên chủ khóa');

    const inspect = JSON.parse((await run({}, 'inspect', drafted, '--json')).stdout);
    let current = drafted;
    const ids: string[] = inspect.passages[0].claims.map((c: { id: string }) => c.id);
    for (const [n, id] of ids.entries()) {
      const out = join(dir, `v${n}.docx`);
      const verified = await run({ ...checkerEnv, AIPROV_SETTINGS: settings }, 'verify', current, '--claim', id, '--evidence', 'manual', '--note', 'đối chiếu bản gốc', '--source', 'Niên giám thống kê 2025', '--by', CHECKER, '-o', out);
      expect(verified.code, verified.stderr).toBe(0);
      current = out;
    }
    const disclosed = join(dir, 'disclosed.docx');
    expect((await run(checkerEnv, 'disclose', current, '--by', CHECKER, '-o', disclosed)).code).toBe(0);
    const signed = join(dir, 'signed.docx');
    const signedOff = await run(signerEnv, 'signoff', disclosed, '--by', SIGNER, '--role', 'Giám đốc Sở', '-o', signed);
    expect(signedOff.code, signedOff.stderr).toBe(0);

    const check = await run({}, 'check', signed, '--settings', settings);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain('ký bằng khóa tin cậy');
    expect(check.stdout).toContain(`${SIGNER}, Sở TT&TT`);
    expect(check.stdout).not.toMatch(/không có chữ ký|không hợp lệ/);
    expect(check.stdout).toContain(`Văn bản không thay đổi kể từ khi ${SIGNER} ký duyệt.`);

    // Without the trust list, the same signatures are from unknown keys: not broken (not exit 2), but
    // under strict the sign-off does not count until the key is listed (exit 1, saying so).
    const untrusted = await run({}, 'check', signed, '--json');
    expect(untrusted.code).toBe(1);
    const json = JSON.parse(untrusted.stdout);
    expect(json.signatures.counts['unknown-key']).toBe(ids.length + 2);
    expect(json.readiness.kind).toBe('not-ready');
    expect(json.blockers.map((b: { item: string }) => b.item)).toEqual(['untrustedSigner']);
    expect(json.blockers[0].message.vi).toContain('được ký bằng khóa chưa có trong danh sách khóa tin cậy');

    // A body paragraph edited after sign-off is named.
    const host = DocxHost.open(new Uint8Array(readFileSync(signed)));
    const doc = host.pkg.xml(host.pkg.mainDocumentPath);
    const t = Array.from(doc.getElementsByTagNameNS(W, 't')).find((node) => node.textContent?.includes('Tiếp tục triển khai'))!;
    t.textContent = 'Dừng triển khai các nhiệm vụ.';
    host.pkg.touch(host.pkg.mainDocumentPath);
    const edited = join(dir, 'edited-after.docx');
    writeFileSync(edited, host.save());
    const number = (await DocxHost.open(new Uint8Array(readFileSync(edited))).readParagraphs()).find((p) => p.text.startsWith('Dừng'))!.index;
    const afterEdit = await run({}, 'check', edited, '--settings', settings);
    expect(afterEdit.code).toBe(1);
    expect(afterEdit.stderr.toLowerCase()).toContain('văn bản đã bị sửa sau khi ký duyệt');
    expect(afterEdit.stderr).toContain(`đoạn ${number} khác với bản đã ký`);

    // Reports: signatures never carry the private key; nor does any file written in this test.
    for (const format of ['html', 'json', 'prov']) {
      expect((await run({}, 'report', edited, '--settings', settings, '--format', format, '-o', join(dir, `report.${format}`))).code).toBe(0);
    }
    const reportJson = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(reportJson.signatures.counts.trusted).toBe(ids.length + 2);
    expect(reportJson.signedText.comparison).toMatchObject({ unchanged: false, changed: [number] });
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('Chữ ký cá nhân');
    expect(html).toContain('ký bằng khóa tin cậy');
    expect(html).toContain('Văn bản đã bị sửa sau khi ký duyệt');
    const { strFromU8, unzipSync } = await import('fflate');
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (!statSync(path).isFile() || name === 'org-settings.json') continue;
      const texts = name.endsWith('.docx') ? Object.values(unzipSync(new Uint8Array(readFileSync(path)))).map((b) => strFromU8(b)) : [readFileSync(path, 'utf8')];
      for (const text of texts) {
        expect(text).not.toContain(privateD);
        expect(text).not.toContain(signerD);
      }
    }
  });
});
