import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, claimsIn, recognisers, scanParts, scanText } from '../../src/checks/index';

const NOW = { now: new Date('2026-03-15T00:00:00Z') };

describe('scanText', () => {
  it('returns findings sorted by start and masks spans so symbol digits are not figures', () => {
    const text = 'Theo Nghị định số 13/2023/NĐ-CP, năm 2025 toàn tỉnh có 120 người tham gia, đạt 85%.';
    const r = scanText(text, NOW);
    const starts = r.findings.map((f) => f.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(r.findings.map((f) => [f.kind, f.text])).toEqual([
      ['citation', 'Nghị định số 13/2023/NĐ-CP'],
      ['figure', '120 người'],
      ['figure', '85%'],
    ]);
  });

  it('rejects a non-string with a bilingual error', () => {
    expect(() => scanText(undefined as unknown as string)).toThrow(/chuỗi văn bản.*expected a string/u);
  });

  it('handles an empty text', () => {
    expect(scanText('')).toEqual({ findings: [], diagnostics: [], level: { level: 1, label: { vi: 'Công khai', en: 'Public' }, fromEvidence: 1, evidence: [] } });
  });
});

describe('scanParts', () => {
  const parts = [
    { part: 'word/header1.xml', text: 'TỐI MẬT' },
    { part: 'body', text: 'Căn cứ Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ;\nKinh phí 500 triệu đồng.' },
    { part: 'textbox', text: 'Thực hiện Nghị định số 13/2023/NĐ-CP ngày 18/4/2023.' },
  ];

  it('tags each finding and diagnostic with its part and keeps offsets local to that part', () => {
    const r = scanParts(parts, NOW);
    for (const f of r.findings) {
      const source = parts.find((p) => p.part === f.part)!.text;
      expect(source.slice(f.start, f.end)).toBe(f.text);
    }
    expect(r.findings.find((f) => f.kind === 'mark')?.part).toBe('word/header1.xml');
  });

  it('checks consistency across parts (same symbol, two dates)', () => {
    const r = scanParts(parts, NOW);
    const d = r.diagnostics.filter((x) => x.code === 'conflicting-dates');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ part: 'textbox', text: 'Nghị định số 13/2023/NĐ-CP ngày 18/4/2023' });
  });

  it('takes the strictest level over all parts, evidence naming the part', () => {
    const r = scanParts(parts, NOW);
    expect(r.level.level).toBe(4);
    expect(r.level.evidence[0]).toMatchObject({ part: 'word/header1.xml', text: 'TỐI MẬT' });
  });

  it('rejects a part without text clearly', () => {
    expect(() => scanParts([{ part: 'body', text: 5 as unknown as string }])).toThrow(/body/u);
  });
});

describe('claimsIn', () => {
  it('returns the citations and figures of an AI passage, nothing else', () => {
    const passage = 'Theo Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, đến năm 2030 tỷ lệ dân số trưởng thành có kỹ năng số đạt 80%. Liên hệ ông Nguyễn Văn An, 0912345678.';
    const claims = claimsIn(passage, NOW);
    expect(claims.map((c) => [c.kind, c.text])).toEqual([
      ['citation', 'Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị'],
      ['figure', '80%'],
    ]);
  });
});

describe('registry', () => {
  it('lists every recogniser with an id, kind, subtypes and a bilingual description', () => {
    expect(recognisers.map((r) => r.id)).toEqual([
      'marks', 'citations', 'date-of-birth', 'dates', 'phone', 'email', 'identity-numbers', 'grouped-identity-numbers', 'document-numbers', 'address', 'person-name', 'topics', 'figures',
    ]);
    for (const r of recognisers) {
      expect(r.description.vi.length).toBeGreaterThan(10);
      expect(r.description.en.length).toBeGreaterThan(10);
      expect(r.subtypes.length).toBeGreaterThan(0);
    }
  });

  it('emits only subtypes and diagnostic codes it declares', () => {
    const text = [
      'TỐI MẬT', 'HỎA TỐC', 'LƯU HÀNH NỘI BỘ', 'DỰ THẢO',
      'Căn cứ Thông tư số 13/2023/NĐ-CP ngày 17/4/2022 của Thủ tướng Chính phủ; Luật số 5/2010/QH15; 82/2005-QĐ-UBND; Công văn số 4/CV-UBND;',
      'Ông Nguyễn Văn An, sinh ngày 31/02/1980, CCCD 004080012345, điện thoại 0912345678, hồ sơ bệnh án, đấu thầu.',
      'Cao Bằng, ngày 5 tháng 2 năm 2026: 1.234.567 đồng và 2,345,678 đồng; điểm f khoản 1 Điều 3 Luật Đất đai.',
    ].join('\n');
    const r = scanText(text, NOW);
    const declared = new Map(recognisers.map((x) => [x.id, new Set(x.subtypes)]));
    for (const f of r.findings) expect(declared.get(f.recogniser)?.has(f.subtype), `${f.recogniser}/${f.subtype}`).toBe(true);
    for (const d of r.diagnostics) expect(DIAGNOSTIC_CODES[d.code as keyof typeof DIAGNOSTIC_CODES]).toBe(d.severity);
    expect(new Set(r.diagnostics.map((d) => d.code)).size).toBeGreaterThanOrEqual(8);
  });
});
