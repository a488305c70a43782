// Issue 17: nothing slips out. Through the real CLI and a real local OpenAI-compatible server whose
// log we read: planted identifiers never reach it, stamped sources of every format make no request,
// key-shaped strings are refused, and echoed placeholders are never inserted.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { startFakeServer, streamTokens, type FakeServer, type Handler } from '../ai/fake-openai-server';
import { buildDocx, p } from '../fixtures/docx-builder';

let dir: string;
let server: FakeServer | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aiprov-leaks-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), lang: 'vi', env: {} });
  return { code, stdout, stderr };
}

async function settingsFor(handler: Handler, tier = 'internal'): Promise<string> {
  server = await startFakeServer(handler);
  const path = join(dir, 'org-settings.json');
  await writeFile(path, JSON.stringify({ profile: 'strict', providers: [{ id: 'may-chu', name: 'Máy chủ thử', tier, baseUrl: server.baseUrl, model: 'm' }] }));
  return path;
}

async function file(name: string, data: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, data);
  return path;
}

const ok: Handler = (_req, res) => streamTokens(res, ['Đã ghi nhận.']);

describe('planted identifiers never reach the provider', () => {
  const planted = {
    prompt: 'Soạn giấy mời Ông Giàng A Páo (CCCD 034 085 012 345) và Bà Bàn Thị Mây, điện thoại 0206 3852 123.',
    source: 'Danh sách: Sùng A Lử; Lộc Văn Sơn; đồng chí Vàng Thị Dua, số định danh 036.090.004.321; anh Thào A Tủa.',
  };
  const values = ['Giàng A Páo', '034 085 012 345', '034085012345', 'Bàn Thị Mây', '0206 3852 123', '02063852123', 'Sùng A Lử', 'Lộc Văn Sơn', 'Vàng Thị Dua', '036.090.004.321', '036090004321', 'Thào A Tủa'];

  it('0 of the planted identifiers in any request body; the answer gets the real values back', async () => {
    const settings = await settingsFor((req, res) => {
      const sent = req.json?.messages?.map((m) => m.content).join('\n') ?? '';
      const first = sent.match(/\[NGƯỜI_1\]/u)?.[0] ?? '';
      return streamTokens(res, [`Kính mời ${first} dự họp.`]);
    });
    const source = await file('danh-sach.txt', planted.source);
    const r = await run(['draft', '--purpose', 'draft', '--prompt', planted.prompt, '--source', source, '--settings', settings, '--yes']);
    expect(r.stderr).not.toMatch(/lỗi không mong muốn/u);
    expect(r.code).toBe(0);
    expect(server!.requests).toHaveLength(1);
    const body = server!.requests[0]!.body;
    const decoded = JSON.stringify(server!.requests[0]!.json);
    for (const v of values) {
      expect(body, v).not.toContain(v);
      expect(decoded, v).not.toContain(v);
    }
    expect(r.stdout).toContain('Kính mời Giàng A Páo dự họp.');
  });
});

describe('stamped sources of every format make no request', () => {
  const stampedDocx = (where: 'body' | 'header') =>
    where === 'body'
      ? buildDocx({ body: p('MẬT') + p('Báo cáo tình hình') })
      : buildDocx({
          body: p('Báo cáo tình hình') + '<w:sectPr><w:headerReference w:type="default" r:id="rH1"/></w:sectPr>',
          documentRels: [['rH1', 'header', 'header1.xml']],
          parts: {
            'word/header1.xml':
              '<?xml version="1.0"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>MẬT</w:t></w:r></w:p></w:hdr>',
          },
        });
  const formats: [string, string | Uint8Array][] = [
    ['crlf.txt', 'MẬT\r\nBáo cáo tình hình an ninh\r\n'],
    ['cr.txt', 'MẬT\rBáo cáo tình hình an ninh\r'],
    ['heading.md', '# MẬT\n\nBáo cáo tình hình an ninh'],
    ['quote.md', '> MẬT\n\nBáo cáo tình hình an ninh'],
    ['bold.md', '**MẬT**\n\nBáo cáo tình hình an ninh'],
    ['page.html', '<html><body><p style="color:red">M&#7852;T</p><p>Báo cáo tình hình an ninh</p></body></html>'],
    ['page-upper.html', '<HTML><BODY><DIV><B>MẬT</B></DIV><P>Báo cáo</P></BODY></HTML>'],
    ['doc.rtf', '{\\rtf1\\ansi{\\fonttbl{\\f0 Times New Roman;}}\\f0 M\\u7852?T\\par B\\u225?o c\\u225?o t\\u236?nh h\\u236?nh\\par}'],
    ['body.docx', stampedDocx('body')],
    ['header.docx', stampedDocx('header')],
  ];
  for (const [name, data] of formats) {
    it(`${name}: refused (exit 3), 0 requests`, async () => {
      const settings = await settingsFor(ok, 'public');
      const source = await file(name, data);
      const r = await run(['draft', '--purpose', 'draft', '--prompt', 'Tóm tắt báo cáo', '--source', source, '--settings', settings, '--yes']);
      expect(r.code, r.stderr).toBe(3);
      expect(server!.requests).toHaveLength(0);
    });
  }
});

describe('key-shaped strings in what would be sent are refused', () => {
  for (const [what, prompt] of [
    ['sk- key', 'Viết báo cáo, khóa của tôi là sk-proj-AbCdEf0123456789XyZ'],
    ['GitHub token', 'dùng ghp_0123456789abcdefghijABCDEFGHIJ để tải'],
    ['password assignment', 'mật khẩu: Abc@12345678'],
  ] as const) {
    it(`${what} in the prompt: exit 3, nothing sent, the value not echoed`, async () => {
      const settings = await settingsFor(ok);
      const r = await run(['draft', '--purpose', 'draft', '--prompt', prompt, '--settings', settings]);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/khóa bí mật/u);
      expect(r.stderr).not.toContain(prompt.split(/\s/u).pop()!);
      expect(server!.requests).toHaveLength(0);
    });
  }

  it('a key inside a source is refused too', async () => {
    const settings = await settingsFor(ok);
    const source = await file('cau-hinh.txt', 'api_key = "AbCdEf0123456789"\nBáo cáo');
    const r = await run(['draft', '--purpose', 'draft', '--prompt', 'Tóm tắt', '--source', source, '--settings', settings]);
    expect(r.code).toBe(3);
    expect(server!.requests).toHaveLength(0);
  });
});

describe('echoed placeholders are never inserted silently (a provider that echoes)', () => {
  it('a placeholder that was never sent: nothing inserted, nothing written, the person told which', async () => {
    // The model invents [CCCD_1] and [NGƯỜI_2] although the request had no personal data at all.
    const settings = await settingsFor((_req, res) => streamTokens(res, ['Kính gửi [NGƯỜI_2], số ', '[CCC', 'D_1] đã được ghi nhận.']));
    const input = await file('van-ban.docx', buildDocx({ body: p('BÁO CÁO') + p('Nội dung chính.') }));
    const out = join(dir, 'out.docx');
    const r = await run(['draft', '--purpose', 'draft', '--prompt', 'Viết đoạn kết', '--settings', settings, '--into', input, '--after-paragraph', '2', '--by', 'Trần Thị Bình', '-o', out]);
    expect(server!.requests).toHaveLength(1);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('[NGƯỜI_2]');
    expect(r.stderr).toContain('[CCCD_1]');
    expect(r.stderr).toMatch(/không chèn/u);
    expect(existsSync(out)).toBe(false);
  });

  it('an echoed placeholder beside the real ones sent: the known ones restored, the unknown one blocks insertion', async () => {
    const settings = await settingsFor((req, res) => {
      const sent = req.json?.messages?.map((m) => m.content).join('\n') ?? '';
      const known = sent.match(/\[NGƯỜI_1\]/u)?.[0] ?? '';
      return streamTokens(res, [`Giao ${known} và [NGƯỜI_7] phối hợp.`]);
    });
    const input = await file('van-ban.docx', buildDocx({ body: p('BÁO CÁO') + p('Nội dung chính.') }));
    const out = join(dir, 'out.docx');
    const r = await run(['draft', '--purpose', 'draft', '--prompt', 'Giao ông Giàng A Páo theo dõi', '--settings', settings, '--yes', '--into', input, '--after-paragraph', '2', '--by', 'Bình', '-o', out]);
    expect(server!.requests[0]!.body).not.toContain('Giàng A Páo');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('[NGƯỜI_7]');
    expect(existsSync(out)).toBe(false);
  });
});
