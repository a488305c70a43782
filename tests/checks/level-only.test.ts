// `levelOnly` (the logbook's cheaper level scan) gives the same level, evidence and non-figure
// findings as a full scan: on the real published texts of ../shared/realtext when present, on the
// bench's generated administrative text, and on texts made of the recognisers' pieces.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanParts, scanText } from '../../src/checks/index';
import { generateAdministrativeText } from '../../bench/checks.bench';
import { REALTEXT_DIR, realtextPresent } from './realtext/measure';

const now = new Date('2026-06-01T00:00:00Z');

function expectSameLevel(text: string): void {
  const full = scanText(text, { now });
  const cheap = scanText(text, { now, levelOnly: true });
  expect(cheap.level).toEqual(full.level);
  expect(cheap.findings).toEqual(full.findings.filter((f) => f.recogniser !== 'figures'));
}

const PIECES = [
  'Nghị định', 'số', 'Số:', '13/2023/NĐ-CP', '126-KL/BTV', 'QĐ-UBND', 'ngày', '17/4/2023', 'MẬT', 'TỐI MẬT', 'LƯU HÀNH NỘI BỘ',
  'Ông', 'Nguyễn Văn An', '0912345678', '004080012345', 'CCCD', 'STK', '1.234.567', '12,5%', 'tỷ đồng', 'người', 'sinh ngày',
  'Họ và tên:', 'DỰ THẢO', 'Số:      /QĐ-UBND', 'dự toán ngân sách', 'chưa công bố', 'tiền án', 'Tôn giáo: Công giáo', 'mật khẩu: abcd1234',
  'biển số', '29A-123.45', '\n', ', ', ' ',
];
const pieces = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((xs) => xs.join(' '));

describe('the level-only scan', () => {
  it('gives the same level, evidence and other findings on texts of the recognisers’ pieces', () => {
    fc.assert(fc.property(pieces, (t) => expectSameLevel(t)), { numRuns: 400 });
  });

  it('gives the same on 256 KB of generated administrative text', () => {
    expectSameLevel(generateAdministrativeText(256 * 1024, 3));
  });

  it('gives the same level over the parts of a document', () => {
    const parts = [
      { part: 'header', text: 'MẬT\nỦY BAN NHÂN DÂN' },
      { part: 'body', text: 'Ông Nguyễn Văn An, điện thoại 0912345678, đạt 12,5% kế hoạch.' },
    ];
    expect(scanParts(parts, { now, levelOnly: true }).level).toEqual(scanParts(parts, { now }).level);
  });

  it.skipIf(!realtextPresent())('gives the same on every real published text of ../shared/realtext', () => {
    const dir = join(REALTEXT_DIR, 'docs');
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) expectSameLevel(readFileSync(join(dir, f), 'utf8'));
  });
});
