// `aiprov draft` end to end: real files on disk, a real local OpenAI-compatible server, and what
// reached it (or that nothing did).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { DocxHost } from '../../src/host/docx';
import { RECORD_NAMESPACE_PREFIX } from '../../src/provenance';
import { documentStatus } from '../../src/workflow';
import { jsonError, startFakeServer, streamTokens, type FakeServer, type Handler } from '../ai/fake-openai-server';
import { buildDocx, p } from '../fixtures/docx-builder';
import { context, reportDocx } from '../workflow/helpers';

const KEY = 'sk-test-CLI-SECRET-0123456789abcdef';
const ROOT = resolve(import.meta.dirname, '../..');

let dir: string;
let server: FakeServer | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aiprov-draft-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[], env: NodeJS.ProcessEnv = {}, lang: 'vi' | 'en' = 'vi') {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), lang, env });
  return { code, stdout, stderr };
}

/** Writes org-settings.json naming the fake server as provider "so-noi-bo" of the given tier. */
async function settingsFor(handler: Handler, tier = 'internal', extra: Record<string, unknown> = {}): Promise<string> {
  server = await startFakeServer(handler);
  const path = join(dir, 'org-settings.json');
  const settings = {
    profile: 'strict',
    providers: [{ id: 'so-noi-bo', name: 'Máy chủ AI của Sở', tier, baseUrl: server.baseUrl, model: 'qwen2.5:7b', ...extra }],
  };
  await writeFile(path, JSON.stringify(settings));
  return path;
}

const ANSWER = 'Năm 2025, toàn tỉnh cung cấp 1.234 dịch vụ công trực tuyến [Nguồn 1], tiết kiệm 45 tỷ đồng.';
const SOURCE_TEXT = 'Báo cáo của Sở: năm 2025 toàn tỉnh cung cấp 1.234 dịch vụ công trực tuyến, đạt 87,5% kế hoạch.';

async function file(name: string, data: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, data);
  return path;
}

const secretByHeader = () =>
  buildDocx({
    body: p('BÁO CÁO') + p('Tình hình năm 2025') + '<w:sectPr><w:headerReference w:type="default" r:id="rH1"/></w:sectPr>',
    documentRels: [['rH1', 'header', 'header1.xml']],
    parts: {
      'word/header1.xml':
        '<?xml version="1.0"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>MẬT</w:t></w:r></w:p></w:hdr>',
    },
  });

describe('aiprov draft — refusals make no request and write nothing', () => {
  it('a document stamped MẬT in its header: exit 3, the article on stderr, no request, no output file', async () => {
    const settings = await settingsFor((_r, res) => streamTokens(res, [ANSWER]));
    const input = await file('mat.docx', secretByHeader());
    const out = join(dir, 'out.docx');
    const r = await run(['draft', '--purpose', 'draft', '--prompt', 'Viết đoạn mở đầu', '--settings', settings, '--into', input, '--after-paragraph', '1', '--by', 'Trần Thị Bình', '-o', out]);

    expect(r.code).toBe(3);
    expect(r.stderr).toContain('QC-PB Điều 7, khoản 1');
    expect(r.stderr).toContain('Không gửi cho AI');
    expect(r.stdout).toBe('');
    expect(server!.requests).toHaveLength(0);
    expect(existsSync(out)).toBe(false);
  });

  it('the same through the installed binary, in English: exit code 3 from the process itself', async () => {
    const settings = await settingsFor((_r, res) => streamTokens(res, [ANSWER]));
    const input = await file('mat.docx', secretByHeader());
    const out = join(dir, 'out.docx');
    const error = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'bin/aiprov.mjs'), 'draft', '--lang', 'en', '--purpose', 'draft', '--prompt', 'Write the opening', '--settings', settings, '--into', input, '--after-paragraph', '1', '--by', 'Bình', '-o', out],
      { cwd: ROOT, env: { ...process.env, AIPROV_API_KEY: KEY } },
    ).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(error?.code).toBe(3);
    expect(error?.stderr).toContain('QC-PB Article 7(1)');
    expect(server!.requests).toHaveLength(0);
    expect(existsSync(out)).toBe(false);
  }, 30_000);

  it('a forbidden purpose: exit 3 with its article; invalid settings are reported and the strict defaults apply', async () => {
    const bad = await file('org-settings.json', '{"profile": "khong-co", "providers": []}');
    const r = await run(['draft', '--purpose', 'sanction-inspection-investigation', '--prompt', 'Soạn quyết định', '--settings', bad]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('org-settings.json không hợp lệ');
    expect(r.stderr).toContain('KAI-CB Điều 8, khoản 1');
  });

  it('a warning needs --yes: exit 3 and no request without it, sent with it', async () => {
    const settings = await settingsFor((_r, res) => streamTokens(res, ['Dàn ý gồm ba phần.']));
    const argv = ['draft', '--purpose', 'outline', '--prompt', 'Lập dàn ý tờ trình thẩm định hồ sơ dự án', '--settings', settings];
    const first = await run(argv);
    expect(first.code).toBe(3);
    expect(first.stderr).toContain('--yes');
    expect(first.stderr).toContain('KAI-CB Điều 8, khoản 2');
    expect(server!.requests).toHaveLength(0);

    const second = await run([...argv, '--yes']);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('Dàn ý gồm ba phần.\n');
    expect(server!.requests).toHaveLength(1);
  });
});

describe('aiprov draft — answers', () => {
  it('streams the answer to stdout, status and the grounding check to stderr; the key comes from the environment', async () => {
    const settings = await settingsFor(async (req, res) => {
      if (req.headers.authorization !== `Bearer ${KEY}`) return jsonError(res, 401, { message: 'bad key' });
      await streamTokens(res, ANSWER.match(/.{1,9}/gsu)!);
    }, 'internal', { apiKeyRequired: true });
    const source = await file('bao-cao-so.txt', SOURCE_TEXT);
    const r = await run(['draft', '--purpose', 'draft', '--prompt', 'Viết đoạn kết quả năm 2025', '--source', source, '--settings', settings], { AIPROV_API_KEY_SO_NOI_BO: KEY });

    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${ANSWER}\n`);
    expect(r.stderr).toContain('Máy chủ AI của Sở');
    expect(r.stderr).toContain('qwen2.5:7b');
    expect(r.stderr).toContain('Đang gửi…');
    expect(r.stderr).toMatch(/Xong sau \d+,\d giây/);
    expect(r.stderr).toContain('1 nội dung có trong nguồn');
    expect(r.stderr).toContain('1 KHÔNG thấy trong nguồn');
    expect(r.stderr).toMatch(/✗ «45 tỷ đồng» — không thấy trong nguồn nào/);
    expect(r.stderr).toMatch(/✓ «1\.234[^»]*» — có trong bao-cao-so\.txt: «[^»]*1\.234 dịch vụ/);
    expect(r.stdout + r.stderr).not.toContain(KEY);
    const sent = JSON.stringify(server!.requests[0]!.json);
    expect(sent).toContain('bao-cao-so.txt');
    expect(sent).toContain('1.234 dịch vụ công trực tuyến, đạt 87,5%');
  });

  it('a provider that needs a key and has none: exit 2 naming the variable, nothing sent', async () => {
    const settings = await settingsFor((_r, res) => streamTokens(res, [ANSWER]), 'internal', { apiKeyRequired: true });
    const r = await run(['draft', '--purpose', 'draft', '--prompt', 'Viết', '--settings', settings], {}, 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('AIPROV_API_KEY_SO_NOI_BO');
    expect(server!.requests).toHaveLength(0);
  });

  it('personal data in a .docx source reaches the server as placeholders; the terminal shows the real values', async () => {
    const settings = await settingsFor(async (req, res) => {
      const sent = req.json?.messages?.map((m) => m.content).join('\n') ?? '';
      await streamTokens(res, ['Kính mời ', ...(sent.match(/\[NGƯỜI_\d\]/u) ?? ['?']), ' (', ...(sent.match(/\[SĐT_\d\]/u) ?? ['?']), ').']);
    });
    const source = await file('danh-sach.docx', buildDocx({ body: p('Ông Nguyễn Văn An, CCCD 001085012345, điện thoại 0912 345 678.') + '<w:sectPr/>' }));
    const r = await run(['draft', '--purpose', 'draft', '--prompt', 'Soạn giấy mời', '--source', source, '--settings', settings]);
    expect(r.code).toBe(0);
    const body = server!.requests[0]!.body;
    for (const value of ['Nguyễn Văn An', '001085012345', '0912 345 678']) expect(body).not.toContain(value);
    expect(r.stdout).toBe('Kính mời Nguyễn Văn An (0912 345 678).\n');
    expect(r.stderr).toContain('Đã thay 3 mục dữ liệu cá nhân');
  });

  it('a bad key (401): one clear line, exit 4, nothing written', async () => {
    const settings = await settingsFor((_r, res) => jsonError(res, 401, { message: 'Incorrect API key provided' }));
    const input = await file('bao-cao.docx', reportDocx());
    const out = join(dir, 'out.docx');
    const r = await run(
      ['draft', '--purpose', 'draft', '--prompt', 'Viết đoạn', '--settings', settings, '--into', input, '--after-paragraph', '5', '--by', 'Bình', '-o', out],
      { AIPROV_API_KEY: KEY },
    );
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('từ chối khóa truy cập');
    expect(r.stderr).not.toContain(KEY);
    expect(existsSync(out)).toBe(false);
    expect(server!.requests).toHaveLength(1);
  });
});

describe('aiprov draft --into', () => {
  it('writes OUT with a marked passage whose record names provider, model and purpose; the input is unchanged', async () => {
    const settings = await settingsFor((_r, res) => streamTokens(res, [ANSWER], { model: 'qwen2.5:7b-instruct' }));
    const inputBytes = reportDocx();
    const input = await file('bao-cao.docx', inputBytes);
    const source = await file('bao-cao-so.txt', SOURCE_TEXT);
    const out = join(dir, 'bao-cao-ai.docx');
    const r = await run(
      ['draft', '--purpose', 'draft', '--prompt', 'Viết đoạn kết quả năm 2025', '--source', source, '--settings', settings, '--into', input, '--after-paragraph', '5', '--by', 'Trần Thị Bình', '-o', out],
      {},
      'en',
    );

    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${ANSWER}\n`);
    expect(r.stderr).toMatch(/Inserted AI passage [0-9a-f]{8} after paragraph 5; 2 claim\(s\) to verify\./);
    expect(r.stderr).toContain(`Wrote ${out}`);
    expect(Buffer.from(await readFile(input)).equals(Buffer.from(inputBytes))).toBe(true);

    const host = DocxHost.open(new Uint8Array(await readFile(out)));
    const paragraphs = await host.readParagraphs();
    expect(paragraphs[5]!.text).toBe(ANSWER);
    expect(paragraphs[5]!.passageId).toBeDefined();
    const passage = (await documentStatus(host, context())).state!.passages[0]!;
    expect(passage).toMatchObject({
      origin: 'generated',
      purpose: 'draft',
      model: 'qwen2.5:7b-instruct',
      provider: { id: 'so-noi-bo', name: 'Máy chủ AI của Sở', tier: 'internal', endpointHost: `127.0.0.1:${server!.port}` },
      prompt: 'Viết đoạn kết quả năm 2025',
      sources: [{ name: 'bao-cao-so.txt', chars: SOURCE_TEXT.length }],
    });
    expect(passage.claims).toHaveLength(2);
    expect(await host.readRecord(RECORD_NAMESPACE_PREFIX)).toContain('Trần Thị Bình');
  });

  it('usage errors come before any request: -o without --into, a bad level, a missing --by', async () => {
    const settings = await settingsFor((_r, res) => streamTokens(res, [ANSWER]));
    const input = await file('bao-cao.docx', reportDocx());
    const cases = [
      ['draft', '--purpose', 'draft', '--prompt', 'x', '--settings', settings, '-o', join(dir, 'o.docx')],
      ['draft', '--purpose', 'draft', '--prompt', 'x', '--settings', settings, '--level', '5'],
      ['draft', '--purpose', 'draft', '--prompt', 'x', '--settings', settings, '--into', input, '--after-paragraph', '1', '-o', join(dir, 'o.docx')],
      ['draft', '--purpose', 'draft', '--prompt', 'x', '--settings', settings, '--provider', 'khong-co'],
      ['draft', '--purpose', 'draft', '--prompt', 'x', '--source', join(dir, 'missing.txt'), '--settings', settings],
    ];
    for (const argv of cases) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(server!.requests).toHaveLength(0);
    expect(existsSync(join(dir, 'o.docx'))).toBe(false);
  });
});
