import { describe, expect, it } from 'vitest';
import { numberConvention, parseVietnameseNumber, scanText, type FigureFinding } from '../../src/checks/index';

const figures = (text: string): FigureFinding[] => scanText(text).findings.filter((f): f is FigureFinding => f.kind === 'figure');
const brief = (text: string): Array<[string, string, number | null, string | null]> =>
  figures(text).map((f) => [f.subtype, f.text, f.number ?? null, f.unit ?? null]);

describe('numbers', () => {
  it('parses the Vietnamese convention (dot thousands, comma decimals)', () => {
    expect(parseVietnameseNumber('1.234.567')).toBe(1234567);
    expect(parseVietnameseNumber('12,5')).toBe(12.5);
    expect(parseVietnameseNumber('1.234,56')).toBeCloseTo(1234.56);
    expect(parseVietnameseNumber('1.234')).toBe(1234);
    expect(parseVietnameseNumber('1,234')).toBeCloseTo(1.234);
    expect(parseVietnameseNumber('1,234,567.5')).toBe(1234567.5);
  });

  it('classifies conventions', () => {
    expect(numberConvention('1.234.567')).toBe('vi');
    expect(numberConvention('12,5')).toBe('vi');
    expect(numberConvention('1,234,567')).toBe('en');
    expect(numberConvention('12.5')).toBe('en');
    expect(numberConvention('1.234')).toBe('ambiguous');
    expect(numberConvention('2025')).toBe('plain');
  });
});

describe('figures in report text', () => {
  it('finds percentages, money, quantities and counts with parsed values', () => {
    const text = 'Năm 2025, toàn tỉnh hỗ trợ 47 mô hình tại 12 xã, tổng kinh phí 1.234,5 triệu đồng (đạt 95,5% kế hoạch); trồng mới 3.500 ha rừng; 1.250 hộ thoát nghèo; thu ngân sách 2.150 tỷ đồng, vốn ODA 3,2 triệu USD; 15.000 lượt người tham gia.';
    expect(brief(text)).toEqual([
      ['count', '47 mô hình', 47, 'mô hình'],
      ['count', '12 xã', 12, 'xã'],
      ['money', '1.234,5 triệu đồng', 1234500000, 'triệu đồng'],
      ['percentage', '95,5%', 95.5, '%'],
      ['quantity', '3.500 ha', 3500, 'ha'],
      ['count', '1.250 hộ', 1250, 'hộ'],
      ['money', '2.150 tỷ đồng', 2150e9, 'tỷ đồng'],
      ['money', '3,2 triệu USD', 3.2e6, 'triệu USD'],
      ['count', '15.000 lượt người', 15000, 'lượt người'],
    ]);
  });

  it('reads "đ", "VNĐ", "phần trăm" and bare multi-digit numbers', () => {
    expect(brief('Đơn giá 150.000đ/người; tổng 2.500.000 VNĐ; tăng 12 phần trăm; đạt 87 trên tổng số.')).toEqual([
      ['money', '150.000đ', 150000, 'đ'],
      ['money', '2.500.000 VNĐ', 2500000, 'VNĐ'],
      ['percentage', '12 phần trăm', 12, '%'],
      ['number', '87', 87, null],
    ]);
  });

  it('reports dates outside citations as date figures', () => {
    const f = figures('Hội nghị diễn ra ngày 28 tháng 02 năm 2023 và ngày 17/4/2023; dự kiến tháng 6 năm 2025.');
    expect(f.map((x) => [x.subtype, x.value])).toEqual([
      ['date', '2023-02-28'],
      ['date', '2023-04-17'],
      ['date', '2025-06'],
    ]);
  });

  it('does not report symbol digits, article numbers, Roman numerals, list markers or identifiers', () => {
    const text = [
      'Căn cứ Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ;',
      'Chương XII',
      'Điều 5. Trách nhiệm thi hành',
      '1. Sở Tài chính',
      '2.3. Nhiệm vụ cụ thể',
      'Theo Phụ lục 02 và Mẫu số 01 kèm theo; Tổ 5 phường Sông Hiến; Quốc lộ 3; khóa XIV; trong năm 2025.',
    ].join('\n');
    expect(figures(text)).toEqual([]);
  });

  it('keeps amounts after words that also name things ("cung cấp", "cấp") when the number is formatted', () => {
    expect(brief('Toàn tỉnh đã cung cấp 1.234 dịch vụ công trực tuyến.').map(([, text]) => text)).toEqual(['1.234']);
    expect(brief('Đã cung cấp 12 dịch vụ.').map(([, text]) => text)).toEqual(['12']);
    expect(figures('Học sinh cấp 3 và Quốc lộ 3.')).toEqual([]);
  });

  it('warns when one text mixes number conventions where a reader could misread a figure', () => {
    // "12.5%" has one reading whatever the convention (issue 9): no warning; "1,500 người" reads 1.5.
    const r = scanText('Tổng vốn 1.234.567 triệu đồng; vốn đối ứng 2,345,678 triệu đồng; tỷ lệ 12.5%; có 1,500 người.');
    const d = r.diagnostics.filter((x) => x.code === 'mixed-number-format');
    expect(d.map((x) => x.text)).toEqual(['2,345,678', '1,500']);
    expect(d[0]!.severity).toBe('warning');
    expect(scanText('Tổng vốn 1.234.567 triệu đồng; tỷ lệ 12,5%.').diagnostics).toEqual([]);
  });

  it('flags missing zero padding on the issuance line only', () => {
    expect(scanText('UBND TỈNH CAO BẰNG\nCao Bằng, ngày 5 tháng 2 năm 2026').diagnostics.map((d) => d.code)).toEqual(['date-padding']);
    expect(scanText('Cao Bằng, ngày 05 tháng 02 năm 2026').diagnostics).toEqual([]);
    expect(scanText('Hội nghị ngày 5 tháng 2 năm 2026 đã thống nhất.').diagnostics).toEqual([]);
  });
});
