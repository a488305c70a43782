// Issue 16: large or deep input ends quickly with a clear, bilingual error naming the limit —
// never a stack overflow, "unexpected error" or a hang — and the input is left as it was.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { main } from '../../src/cli/main';
import { MAX_RECORD_EVENTS, RECORD_NAMESPACE } from '../../src/provenance';
import { buildDocx, p } from '../fixtures/docx-builder';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aiprov-limits-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Words and figures from a fixed pseudo-random sequence, `length` characters or a little more. */
function variedText(length: number): string {
  const words = ['Ủy', 'ban', 'nhân', 'dân', 'tỉnh', 'báo', 'cáo', 'tình', 'hình', 'năm', '2025', 'kinh', 'tế', 'xã', 'hội'];
  const parts: string[] = [];
  let size = 0;
  for (let x = 12345; size < length; ) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    const word = words[x % words.length]! + (x % 7 === 0 ? String(x % 100000) : '');
    parts.push(word);
    size += word.length + 1;
  }
  return parts.join(' ');
}

const nest = (open: string, close: string, n: number) => open.repeat(n) + p('x') + close.repeat(n);
const CASES: Array<[string, () => Uint8Array, RegExp]> = [
  ['content controls 10,000 deep', () => buildDocx({ body: nest('<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>', 10_000) }), /quá sâu.*giới hạn 256/],
  ['custom XML 10,000 deep', () => buildDocx({ body: nest('<w:customXml w:element="a">', '</w:customXml>', 10_000) }), /quá sâu.*giới hạn 256/],
  ['200,000 paragraphs', () => buildDocx({ body: Array.from({ length: 200_000 }, (_, i) => p(`Đoạn ${i}.`)).join('') }), /100000 paragraphs, limit 100000/],
  ['one 20 MB line', () => buildDocx({ body: p('a'.repeat(20 * 1024 * 1024)) }), /limit 200:1/],
  // The same line in words and figures, which compresses like real text (no ratio limit applies).
  ['one 20 MB line of varied text', () => buildDocx({ body: p(variedText(20 * 1024 * 1024)) }), /limit 4000000/],
];

describe('bounded work on any input', () => {
  it.each(CASES)('%s → exit 2, one clear line, ≤ 5 s, input unchanged', async (_name, make, message) => {
    const bytes = make();
    const path = join(dir, 'in.docx');
    await writeFile(path, bytes);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const runs: string[][] = [['scan', path], ['inspect', path], ['check', path], ['declare', path, '--paragraphs', '1', '--tool', 'ChatGPT', '--by', 'An', '-o', join(dir, 'declared.docx')]];
    for (const args of runs) {
      let stderr = '';
      const started = performance.now();
      const code = await main(args, { stdout: () => {}, stderr: (t) => void (stderr += t), lang: 'vi', env: {} });
      expect(performance.now() - started).toBeLessThan(5000);
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/unexpected|stack size|lỗi không mong đợi/i);
    }
    expect(createHash('sha256').update(await readFile(path)).digest('hex')).toBe(hash);
    expect(existsSync(join(dir, 'declared.docx'))).toBe(false); // no partial output
  }, 60_000);
});

// A record of 200,000 events, plain and packed: refused before it is parsed, with the limit named.
const ROOT = `<record xmlns="${RECORD_NAMESPACE}" schemaVersion="1.1" documentId="b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e" eventCount="200000" headHash="${'a'.repeat(64)}">`;
const withRecord = (xml: string) => buildDocx({ body: p('BÁO CÁO') + p('Tình hình năm 2025.'), parts: { 'customXml/item1.xml': xml } });
const plainRecord = () =>
  withRecord(`<?xml version="1.0"?>${ROOT}${Array.from({ length: 200_000 }, (_, i) => `<event seq="${i}" type="level-declared" at="2026-01-01T00:00:00Z" actor="A" prev="0" hash="0">{"level":1}</event>`).join('\n')}</record>`);
const packedRecord = () => {
  const raw = strToU8(`[${Array.from({ length: 200_000 }, (_, i) => `{"seq":${i}}`).join(',')}]`);
  const base64 = Buffer.from(deflateSync(raw)).toString('base64');
  return withRecord(`<?xml version="1.0"?>${ROOT}<events encoding="deflate-raw+base64" format="json-array" bytes="${raw.length}">${base64}</events></record>`);
};

describe('a record of 200,000 events', () => {
  it.each([
    ['plain', plainRecord],
    ['packed', packedRecord],
  ])('%s → inspect, check and declare end in ≤ 5 s with the limit named, input unchanged', async (_form, make) => {
    const bytes = make();
    const path = join(dir, 'record.docx');
    await writeFile(path, bytes);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const runs: Array<[string, string[]]> = [
      ['inspect', [path]],
      ['check', [path]],
      ['declare', [path, '--paragraphs', '1', '--tool', 'ChatGPT', '--by', 'An', '-o', join(dir, 'out.docx')]],
    ];
    for (const [command, rest] of runs) {
      let stderr = '';
      let stdout = '';
      const started = performance.now();
      const code = await main([command, ...rest], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), lang: 'vi', env: {} });
      expect(performance.now() - started).toBeLessThan(5000);
      expect(code).toBe(2);
      expect(stdout + stderr).toContain(`hơn ${MAX_RECORD_EVENTS} sự kiện (giới hạn ${MAX_RECORD_EVENTS})`);
      expect(stdout + stderr).not.toMatch(/unexpected|stack size|lỗi không mong đợi/i);
    }
    expect(createHash('sha256').update(await readFile(path)).digest('hex')).toBe(hash);
  }, 60_000);
});
