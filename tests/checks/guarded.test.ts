// The guarded scan (lookbehind tested after the fast search) returns exactly the matches of the
// original regular expression, for every pattern the recognisers guard, on texts made of the
// pieces those patterns look for (digits, separators, letters either side, astral characters).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../src/checks/index';
import { GUARDED, guarded, type Scan } from '../../src/checks/guarded';

function all(re: RegExp | Scan, text: string): Array<[number, string[]]> {
  const out: Array<[number, string[]]> = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([m.index, [...m].map((g) => g ?? '∅')]);
    if (m[0].length === 0) re.lastIndex = m.index + 1;
  }
  return out;
}

const PIECES = [
  '13/2023/NĐ-CP', '126-KL/BTV', '82/2005-QĐ-UBND', '44 /2005/QĐ-UBND', 'Số: /QĐ-UBND', '1.234.567', '12,5', '0912345678',
  '004080012345', '036.090.004.321', '29A-123.45', 'HS4010123456789', 'B1234567', 'Ông', 'ông', 'Bà', 'Họ và tên:', 'Nguyễn Văn An',
  'NGUYỄN VĂN AN', 'Luật', 'Bộ luật', 'các Nghị định', 'Nghị định', 'số', '12/2020', 'ngày', 'tháng', 'năm', '17/4/2023', 'sinh ngày',
  'địa chỉ', 'thường trú tại', 'Điều', '(028) 3829 1234', '+84 912 345 678',
];
const CHARS = [...'0123456789/-.,: ()%+\n\tAaQĐđếậ', '\u00a0', '\ud83d\ude00', '\ud835\udc00', '\ud800', 'İ'];
const text = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom(...CHARS), fc.string({ maxLength: 3 })), { maxLength: 50 })
  .chain((xs) => fc.constantFrom('', ' ', '\n').map((sep) => xs.join(sep)));

describe('guarded scans', () => {
  it('guard the recognisers’ patterns (the list is not empty)', () => {
    expect(GUARDED.length).toBeGreaterThanOrEqual(20);
  });

  it('return the same matches, groups and positions as the original patterns', () => {
    const pairs = GUARDED.map((re) => [new RegExp(re.source, re.flags), guarded(re)] as const);
    fc.assert(
      fc.property(text, (t) => {
        for (const [re, scan] of pairs) expect(all(scan, t), re.source).toEqual(all(re, t));
      }),
      { numRuns: 600 },
    );
  });

  it('resume where a caller sets lastIndex, as a global RegExp does', () => {
    const re = /(?<![\p{L}\d.,/-])(\d+)/gu;
    const scan = guarded(re);
    const t = 'a12 13/2023, 7 x9 08';
    for (let from = 0; from <= t.length; from++) {
      re.lastIndex = from;
      scan.lastIndex = from;
      expect(scan.exec(t)?.index).toBe(re.exec(t)?.index);
    }
  });

  it('refuse a pattern the lookbehind would not cover', () => {
    expect(() => guarded(/(?<!a)b|c/g)).toThrow();
    expect(() => guarded(/b(?<!a)/g)).toThrow();
    expect(() => guarded(/(?<!a)b/u)).toThrow();
  });
});
