import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocx, buildDocxParts, corpusFiles, corpusPath, documentXml, p } from '../fixtures/docx-builder';
import { aiprov, npxAiprov, tempDir } from './run';

let dir: string;
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const DECISION = [
  'ỦY BAN NHÂN DÂN TỈNH CAO BẰNG',
  'Số: 2081/QĐ-UBND',
  'QUYẾT ĐỊNH',
  'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
  'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;',
  'Điều 1. Giao Sở Tài chính bố trí 12,5 tỷ đồng cho 47 mô hình chuyển đổi số.',
].join('\n');

const HEADER_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header';

function docxWithHeaderStamp(stamp: string): Uint8Array {
  const parts = buildDocxParts({
    body: p('Báo cáo tình hình an ninh trật tự quý III.') + `<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/></w:sectPr>`,
    parts: {
      'word/header1.xml': `<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${p(stamp)}</w:hdr>`,
    },
  });
  parts['word/_rels/document.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdH1" Type="${HEADER_REL}" Target="header1.xml"/></Relationships>`,
  );
  return zipSync(parts);
}

beforeAll(() => {
  dir = tempDir();
});

describe('aiprov scan', () => {
  it('prints the documented JSON for a text file', async () => {
    const run = await aiprov('scan', file('qd.txt', DECISION), '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toHaveProperty('level.level');
    expect(json.level.label).toEqual({ vi: expect.any(String), en: expect.any(String) });
    const kinds = new Set(json.findings.map((f: { kind: string }) => f.kind));
    expect(kinds.has('citation')).toBe(true);
    expect(kinds.has('figure')).toBe(true);
    for (const finding of json.findings) {
      expect(DECISION.slice(finding.start, finding.end)).toBe(finding.text);
      expect(finding.part).toBe('body');
      expect(['citation', 'figure', 'personal-data', 'mark', 'topic']).toContain(finding.kind);
    }
    const nd30 = json.findings.find((f: { value: string }) => f.value === '30/2020/NĐ-CP');
    expect(nd30.citation).toMatchObject({ typeCode: 'NĐ', number: '30', year: 2020, date: '2020-03-05' });
    // issue 14: the registry result is attached in the JSON output only (the text output has no copy).
    expect(nd30.registry).toMatchObject({ result: 'found' });
    expect(Array.isArray(json.diagnostics)).toBe(true);
  });

  it('finds a secrecy stamp in a header and suggests level 4, saying where', async () => {
    const run = await aiprov('scan', file('mat.docx', docxWithHeaderStamp('TỐI MẬT')), '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.level.level).toBe(4);
    expect(json.level.evidence[0]).toMatchObject({ text: 'TỐI MẬT', part: 'word/header1.xml' });
    const human = await aiprov('scan', join(dir, 'mat.docx'), '--lang', 'en');
    expect(human.stdout).toContain('Suggested sensitivity level: 4 — State secret');
  });

  it('reads every real .docx of the corpus', async () => {
    for (const name of corpusFiles()) {
      const run = await aiprov('scan', corpusPath(name), '--json');
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      expect(() => JSON.parse(run.stdout)).not.toThrow();
    }
  });

  it.each([
    ['not a zip', 'plain.docx', () => strToU8('xin chào'), /không phải tệp \.docx/],
    ['a truncated zip', 'cut.docx', () => buildDocx().slice(0, 60), /hỏng|\.docx/],
    ['no main document', 'nodoc.docx', () => buildDocx({ omit: ['word/document.xml'] }), /thiếu/],
    ['invalid XML', 'badxml.docx', () => buildDocx({ document: '<w:document><w:body>' }), /XML/],
    [
      'an external entity',
      'xxe.docx',
      () => buildDocx({ document: `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>${documentXml(p('&x;')).replace(/^<\?xml[^>]*>\n/, '')}` }),
      /DOCTYPE|thực thể/i,
    ],
    ['a zip bomb', 'bomb.docx', () => buildDocx({ parts: { 'word/media/bomb.bin': new Uint8Array(80 * 1024 * 1024) } }), /quá lớn|lớn/],
  ])('exits 2 with one line for %s', async (_label, name, make, message) => {
    const run = await aiprov('scan', file(name, make()));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  it('exits 2 for a missing file', async () => {
    const run = await aiprov('scan', join(dir, 'nowhere.docx'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/không tồn tại/);
  });
});

describe('npx aiprov in the checkout', () => {
  it('runs without a build step', () => {
    const help = npxAiprov(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^  scan +\S/m);
    const scan = npxAiprov(['scan', file('cv.txt', DECISION), '--json']);
    expect(scan.code, scan.stderr).toBe(0);
    expect(JSON.parse(scan.stdout).findings.length).toBeGreaterThan(0);
  });
});
