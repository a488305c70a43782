// Property-based tests: no input crashes the scanner, and every span points into the original text.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise, recognisers, scanParts, scanText } from '../../src/checks/index';

const PIECES = [
  'Nghị định', 'số', 'Số:', '13/2023/NĐ-CP', '126-KL/BTV', 'QĐ-UBND', 'ngày', 'tháng', 'năm', '2023', '17/4/2023', 'của', 'Chính phủ',
  'Điều', 'khoản', 'điểm', 'Chương XII', 'MẬT', 'TỐI MẬT', 'LƯU HÀNH NỘI BỘ', 'Ông', 'Nguyễn Văn An', 'đường Lê Lợi', '0912345678',
  '004080012345', 'CCCD', 'STK', '1.234.567', '12,5%', 'tỷ đồng', 'ha', 'người', 'đ', 'Luật', 'sửa đổi, bổ sung', '@', 'a@b.vn',
  'dự toán ngân sách', 'chưa công bố', 'sinh ngày', 'Họ và tên:', 'DỰ THẢO', 'mật khẩu:', 'x',
];
const CHARS = [
  ...'0123456789/-.,: ;()%\n\t', 'Đ', 'đ', 'ế', 'ị', 'ư', 'ơ', 'Ậ', 'ậ', 'A', 'Q', 'H', 'a',
  '\u2011', '\u00a0', '\u202f', '\u00ad', '\u2013', '\u2014', '\u2212', '\u2044', '\u2215', '\u0301', '\u0302', '\u0323', '\u0309', '\u200b', '\ufeff',
  '\ud83d\ude00', '\ud800', 'İ',
];

const vietnameseish = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom(...CHARS), fc.string({ maxLength: 4 })), { maxLength: 60 })
  .map((xs) => xs.join(fc.sample(fc.constantFrom(' ', '', '\n', ' '), 1)[0]));
const decomposed = vietnameseish.map((s) => s.normalize('NFD'));
const anyText = fc.oneof(vietnameseish, decomposed, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 80 }));

describe('properties', () => {
  it('scanText never throws and every span matches the original text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = scanText(text);
        for (const f of [...r.findings, ...r.diagnostics]) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.start).toBeLessThanOrEqual(f.end);
          expect(text.slice(f.start, f.end)).toBe(f.text);
        }
        for (const e of r.level.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
        expect([1, 2, 3, 4]).toContain(r.level.level);
      }),
      { numRuns: 400 },
    );
  });

  it('each recogniser alone tolerates any input (via scanParts with many parts)', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 4 }), (texts) => {
        const parts = texts.map((text, i) => ({ part: `p${i}`, text }));
        const r = scanParts(parts);
        for (const f of r.findings) expect(parts[Number(f.part.slice(1))]!.text.slice(f.start, f.end)).toBe(f.text);
        for (const d of r.diagnostics) expect(parts[Number(d.part.slice(1))]!.text.slice(d.start, d.end)).toBe(d.text);
      }),
      { numRuns: 150 },
    );
    expect(recognisers.length).toBeGreaterThan(5);
  });

  it('normalise maps every normalised unit inside the original, monotonically', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const n = normalise(text);
        let prev = 0;
        for (let i = 0; i < n.text.length; i++) {
          const o = n.toOriginal(i);
          expect(o).toBeGreaterThanOrEqual(prev);
          expect(n.toOriginalEnd(i + 1)).toBeLessThanOrEqual(text.length);
          expect(n.toOriginalEnd(i + 1)).toBeGreaterThan(o);
          prev = o;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('normalising NFD gives the same findings as NFC, at the right original places', () => {
    fc.assert(
      fc.property(vietnameseish, (text) => {
        const nfc = text.normalize('NFC');
        const nfd = text.normalize('NFD');
        const a = scanText(nfc).findings.map((f) => [f.kind, f.subtype, f.value]);
        const b = scanText(nfd).findings.map((f) => [f.kind, f.subtype, f.value]);
        expect(b).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });
});

describe('no catastrophic backtracking', () => {
  const cases: Array<[string, string]> = [
    ['digits and slashes', '1/'.repeat(60_000)],
    ['digit-dash-letter runs', '12-AB/'.repeat(30_000)],
    ['long digit run', '9'.repeat(200_000)],
    ['dotted numbers', '1.234.'.repeat(40_000)],
    ['at signs', 'a.b@'.repeat(50_000)],
    ['letters without spaces', 'Nguyễn'.repeat(40_000)],
    ['repeated article refs', 'điểm a khoản 2 Điều 5 '.repeat(10_000)],
    ['one huge line of citations', 'Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ và '.repeat(4_000)],
    ['surname chains', 'Nguyễn Văn '.repeat(20_000)],
    ['spaces around symbols', '44 / 2005 / QĐ - '.repeat(15_000)],
  ];
  it.each(cases)('%s (≈200 KB) scans in well under a second', (_name, text) => {
    const t0 = performance.now();
    scanText(text);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
