// Issue 16: every place and written form of a secrecy stamp stops `aiprov draft` before any request
// (the fake server's log stays empty); ordinary text goes through; "possibly secret" waits for a level.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { DocxHost } from '../../src/host/docx';
import { documentStatus } from '../../src/workflow';
import { startFakeServer, streamTokens, type FakeServer } from '../ai/fake-openai-server';
import { buildDocx, p } from '../fixtures/docx-builder';

const WP = 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"';
let dir: string;
let server: FakeServer;
let settings: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aiprov-gate-'));
  server = await startFakeServer((_r, res) => streamTokens(res, ['Đoạn mở đầu.']));
  settings = join(dir, 'org-settings.json');
  await writeFile(settings, JSON.stringify({ profile: 'strict', providers: [{ id: 'so', name: 'Máy chủ AI của Sở', tier: 'internal', baseUrl: server.baseUrl, model: 'm' }] }));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function draft(bytes: Uint8Array, extra: string[] = []) {
  const input = join(dir, `in-${Math.random().toString(36).slice(2)}.docx`);
  await writeFile(input, bytes);
  return draftFile(input, extra);
}

async function draftFile(input: string, extra: string[] = []) {
  const out = `${input}.out.docx`;
  let stderr = '';
  const before = server.requests.length;
  const code = await main(['draft', '--purpose', 'draft', '--prompt', 'Viết đoạn mở đầu', '--settings', settings, '--into', input, '--after-paragraph', '1', '--by', 'Trần Thị Bình', '-o', out, ...extra], {
    stdout: () => {},
    stderr: (t) => void (stderr += t),
    lang: 'vi',
    env: {},
  });
  return { code, stderr, requests: server.requests.length - before, wrote: existsSync(out), out };
}

const cli = async (...argv: string[]) => {
  let out = '';
  const code = await main(argv, { stdout: (t) => void (out += t), stderr: (t) => void (out += t), lang: 'vi', env: {} });
  return { code, out };
};

async function declaredIn(path: string) {
  const status = await documentStatus(DocxHost.open(new Uint8Array(await readFile(path))), { actor: 'x', lang: 'vi' });
  return status.state?.declaredLevel;
}

const body = (inner: string, more: Parameters<typeof buildDocx>[0] = {}) => buildDocx({ body: p('BÁO CÁO') + inner + p('Tình hình năm 2025.'), ...more });
const core = (title: string) =>
  buildDocx({
    body: p('BÁO CÁO') + p('Tình hình năm 2025.'),
    parts: { 'docProps/core.xml': `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${title}</dc:title></cp:coreProperties>` },
  });
const custom = (value: string) =>
  buildDocx({
    body: p('BÁO CÁO') + p('Tình hình năm 2025.'),
    parts: { 'docProps/custom.xml': `<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Phân loại"><vt:lpwstr>${value}</vt:lpwstr></property></Properties>` },
  });
const image = (attr: string) => body(`<w:p><w:r><w:drawing><wp:inline ${WP}><wp:docPr id="1" name="Hình 1" ${attr}/></wp:inline></w:drawing></w:r></w:p>`);
const smartArt = (text: string) =>
  body('', { parts: { 'word/diagrams/data1.xml': `<?xml version="1.0"?><dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst><dgm:pt modelId="1"><dgm:t><a:p><a:r><a:t>${text}</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>` } });
// issue 16 — gate: capitals from styles (paragraph style, character style through basedOn, defaults).
const STYLES = (defaults = '') =>
  `<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${defaults}` +
  '<w:style w:type="paragraph" w:styleId="Dau"><w:name w:val="Dấu"/><w:rPr><w:caps/></w:rPr></w:style>' +
  '<w:style w:type="character" w:styleId="Goc"><w:name w:val="Gốc"/><w:rPr><w:smallCaps/></w:rPr></w:style>' +
  '<w:style w:type="character" w:styleId="DauKy"><w:name w:val="Dấu ký"/><w:basedOn w:val="Goc"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Thuong"><w:name w:val="Thường"/></w:style></w:styles>';
const styled = (inner: string, defaults = '') => body(inner, { parts: { 'word/styles.xml': STYLES(defaults) } });
const FN_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"';
const altInFootnote = (attr: string) =>
  body('', {
    documentRels: [['rFn', 'footnotes', 'footnotes.xml']],
    parts: { 'word/footnotes.xml': `<?xml version="1.0"?><w:footnotes ${FN_NS}><w:footnote w:id="1"><w:p><w:r><w:t>Nguồn: Sở</w:t></w:r><w:r><w:drawing><wp:inline><wp:docPr id="7" name="Ảnh" ${attr}/></wp:inline></w:drawing></w:r></w:p></w:footnote></w:footnotes>` },
  });
const altInTextbox = (attr: string) =>
  body(
    `<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Ghi chú</w:t></w:r><w:r><w:drawing><wp:inline><wp:docPr id="8" name="Ảnh" ${attr}/></wp:inline></w:drawing></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`,
  );
const run = (text: string, rPr = '') => `<w:p><w:r>${rPr}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

// Certain stamps: refused (exit 3), no request, no output, and the place named.
const CERTAIN: Array<[string, Uint8Array, string]> = [
  ['core title', core('TỐI MẬT'), 'docProps/core.xml'],
  ['custom property', custom('MẬT'), 'docProps/custom.xml'],
  ['image alt title', image('title="TỐI MẬT"'), 'word/document.xml#alt1'],
  ['image alt description', image('descr="TUYỆT MẬT"'), 'word/document.xml#alt1'],
  ['SmartArt text', smartArt('MẬT'), 'word/diagrams/data1.xml'],
  ['w:caps on lower case', body(run('tối mật', '<w:rPr><w:caps/></w:rPr>')), 'body'],
  ['w:smallCaps', body(run('mật', '<w:rPr><w:smallCaps/></w:rPr>')), 'body'],
  ['spaced letters, two words', body(p('T Ố I  M Ậ T')), 'body'],
  ['spaced letters, one word', body(p('M Ậ T')), 'body'],
  ['line break after stamp', body(`<w:p><w:r><w:t>TỐI MẬT</w:t><w:br/><w:t>Số: 12/BC-UBND</w:t></w:r></w:p>`), 'body'],
  ['zero-width space inside', body(p('M\u200bẬT')), 'body'],
  ['zero-width joiner inside', body(p('TỐI M\u200dẬT')), 'body'],
  ['Cyrillic М and Т', body(p('\u041cẬ\u0422')), 'body'],
  ['Cyrillic in TỐI MẬT', body(p('\u0422ỐI \u041cẬ\u0422')), 'body'],
  ['caps from the paragraph style', styled('<w:p><w:pPr><w:pStyle w:val="Dau"/></w:pPr><w:r><w:t>tối mật</w:t></w:r></w:p>'), 'body'],
  ['small caps from a character style through basedOn', styled('<w:p><w:r><w:rPr><w:rStyle w:val="DauKy"/></w:rPr><w:t>mật</w:t></w:r></w:p>'), 'body'],
  ['caps from the document defaults', styled(run('tuyệt mật'), '<w:docDefaults><w:rPrDefault><w:rPr><w:caps/></w:rPr></w:rPrDefault></w:docDefaults>'), 'body'],
  ['image alt text inside a footnote', altInFootnote('title="TỐI MẬT"'), 'word/footnotes.xml#alt1'],
  ['image alt text inside a text box', altInTextbox('descr="MẬT"'), 'word/document.xml#textbox1#alt1'],
];

// Not certain: no request until a level is declared; then the declared level governs.
const POSSIBLE: Array<[string, Uint8Array, string]> = [
  ['mixed case alone on a line near the top', body(p('Tối Mật')), 'body'],
  ['lower case alone on a line', body(p('tối mật')), 'body'],
  ['mixed case in a custom property', custom('Mật'), 'docProps/custom.xml'],
];

const NEGATIVE: Array<[string, Uint8Array]> = [
  ['bảo mật', body(p('Tăng cường công tác bảo mật'))],
  ['mật khẩu', body(p('mật khẩu'))],
  ['nội dung mật', body(p('nội dung mật'))],
  ['mặt trận', body(p('Mặt trận Tổ quốc'))],
  ['mặt trận alone', body(p('mặt trận'))],
  ['GIẢI MẬT', body(p('GIẢI MẬT'))],
  ['title about state secrets', body(p('QUY CHẾ BẢO VỆ BÍ MẬT NHÀ NƯỚC'))],
  ['core title about state secrets', core('Báo cáo công tác bảo vệ bí mật nhà nước')],
  ['a caps heading style on an ordinary title', styled('<w:p><w:pPr><w:pStyle w:val="Dau"/></w:pPr><w:r><w:t>Báo cáo công tác bảo mật thông tin</w:t></w:r></w:p>')],
  ['direct caps off beats the style', styled('<w:p><w:pPr><w:pStyle w:val="Dau"/></w:pPr><w:r><w:rPr><w:caps w:val="0"/></w:rPr><w:t>Tình hình mật độ dân số</w:t></w:r></w:p>')],
];

describe('secrecy gate: certain stamps in every place and form', () => {
  it.each(CERTAIN)('%s → exit 3, 0 requests, nothing written, the place named', async (_name, bytes, place) => {
    const r = await draft(bytes);
    expect(r.requests).toBe(0);
    expect(r.code).toBe(3);
    expect(r.wrote).toBe(false);
    expect(r.stderr).toContain(place);
    // Certain, not "possibly secret": declaring a level does not open it.
    expect(r.stderr).not.toContain('--level');
  });
});

describe('secrecy gate: possibly secret', () => {
  it.each(POSSIBLE)('%s → no request until declared, then the declared level governs', async (_name, bytes, place) => {
    const r = await draft(bytes);
    expect(r.requests).toBe(0);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(place);
    expect(r.stderr).toContain('--level');
    const declared4 = await draft(bytes, ['--level', '4']);
    expect(declared4.requests).toBe(0);
    expect(declared4.code).toBe(3);
    const declared1 = await draft(bytes, ['--level', '1']);
    expect(declared1.code).toBe(0);
    expect(declared1.requests).toBe(1);
  });
});

// issue 17 — tamper: a .docx source whose only stamp is its core title is refused like the document.
describe('secrecy gate: a .docx source stamped only in its core title', () => {
  it('--source x.docx with TỐI MẬT as core title → exit 3, 0 requests, the source named', async () => {
    const source = join(dir, 'nguon-mat.docx');
    await writeFile(source, core('TỐI MẬT'));
    const r = await draft(body(''), ['--source', source]);
    expect(r.requests).toBe(0);
    expect(r.code).toBe(3);
    expect(r.wrote).toBe(false);
    expect(r.stderr).toContain('nguon-mat.docx');
  });
});

// issue 16 — gate: the declaration is recorded (who, when) and later commands see it.
describe('secrecy gate: a declared level is recorded and governs later commands', () => {
  it('draft --level 1 --into records the declaration; a later draft of the output needs no --level', async () => {
    const first = await draft(body(p('Tối Mật')), ['--level', '1']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('Đã ghi nhận mức độ khai báo');
    expect(await declaredIn(first.out)).toMatchObject({ level: 1, by: 'Trần Thị Bình' });
    const again = await draftFile(first.out);
    expect(again.code, again.stderr).toBe(0);
    expect(again.requests).toBe(1);
  });

  it('aiprov declare --level records it alone; then draft goes ahead, and a stricter detected level still governs', async () => {
    const input = join(dir, 'possible.docx');
    await writeFile(input, body(p('tối mật')));
    const declared = join(dir, 'possible-declared.docx');
    const r = await cli('declare', input, '--level', '1', '--by', 'Lê Văn Cường', '-o', declared);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('Đã ghi nhận mức độ khai báo');
    expect(await declaredIn(declared)).toMatchObject({ level: 1, by: 'Lê Văn Cường' });
    expect((await draftFile(declared)).requests).toBe(1);
    // A certain stamp is not opened by a declaration.
    const stamped = join(dir, 'stamped.docx');
    await writeFile(stamped, body(p('TỐI MẬT')));
    expect((await cli('declare', stamped, '--level', '1', '--by', 'Lê Văn Cường', '-o', `${stamped}.d.docx`)).code).toBe(0);
    const refused = await draftFile(`${stamped}.d.docx`);
    expect(refused.code).toBe(3);
    expect(refused.requests).toBe(0);
  });

  it('declare with neither --paragraphs nor --level, or a bad level: a plain error', async () => {
    const input = join(dir, 'plain.docx');
    await writeFile(input, body(''));
    expect((await cli('declare', input, '--by', 'A', '-o', `${input}.x.docx`)).out).toContain('--paragraphs N[-M]');
    const bad = await cli('declare', input, '--level', '5', '--by', 'A', '-o', `${input}.x.docx`);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('mức độ "5" không hợp lệ');
  });
});

describe('secrecy gate: ordinary text goes through', () => {
  it.each(NEGATIVE)('%s → allowed, one request', async (_name, bytes) => {
    const r = await draft(bytes);
    expect(r.stderr).not.toContain('Không gửi cho AI');
    expect(r.code).toBe(0);
    expect(r.requests).toBe(1);
  });
});
