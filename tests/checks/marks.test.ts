import { describe, expect, it } from 'vitest';
import { scanText, type MarkFinding } from '../../src/checks/index';

const marks = (text: string): MarkFinding[] => scanText(text).findings.filter((f): f is MarkFinding => f.kind === 'mark');
const stamps = (text: string): MarkFinding[] => marks(text).filter((m) => m.stamp);

const HEADER = `ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH CAO BẰNG\tĐộc lập - Tự do - Hạnh phúc
Số: 15/BC-UBND\tCao Bằng, ngày 12 tháng 01 năm 2026`;

describe('secrecy, urgency and circulation stamps', () => {
  it.each([
    ['MẬT', 'mat'],
    ['TỐI MẬT', 'toi-mat'],
    ['TUYỆT MẬT', 'tuyet-mat'],
    ['  “TỐI MẬT”  ', 'toi-mat'],
    ['(MẬT)', 'mat'],
  ])('recognises the stamp %j on its own line', (line, level) => {
    const found = stamps(`${HEADER}\n${line}\nBÁO CÁO\nTình hình thực hiện nhiệm vụ năm 2025`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ markType: 'secrecy', subtype: 'secrecy', secrecyLevel: level, stamp: true });
    expect(found[0]!.text.trim()).toBe(found[0]!.value);
  });

  it('recognises a stamp in a table cell of the header', () => {
    const found = stamps('Số: 12/KH-UBND\tTỐI MẬT\nKẾ HOẠCH');
    expect(found.map((m) => m.value)).toEqual(['TỐI MẬT']);
  });

  it('recognises labelled forms "Độ mật: Tối mật" and "Độ khẩn: Hỏa tốc"', () => {
    const found = stamps('Độ mật: Tối mật\nĐộ khẩn: Hỏa tốc\nNội dung');
    expect(found.map((m) => [m.markType, m.value])).toEqual([
      ['secrecy', 'TỐI MẬT'],
      ['urgency', 'HỎA TỐC'],
    ]);
  });

  it('tells urgency (new and old spelling, hẹn giờ) from secrecy', () => {
    const found = stamps('HỎA TỐC\nHOẢ TỐC HẸN GIỜ\nTHƯỢNG KHẨN\nKHẨN');
    expect(found.every((m) => m.markType === 'urgency')).toBe(true);
    expect(found).toHaveLength(4);
  });

  it('recognises two stamps side by side on one line', () => {
    const found = stamps('MẬT      HỎA TỐC');
    expect(found.map((m) => m.markType)).toEqual(['secrecy', 'urgency']);
  });

  it('recognises circulation notes and declassification', () => {
    const text = 'LƯU HÀNH NỘI BỘ\nXEM XONG TRẢ LẠI\nTRẢ LẠI SAU KHI HỌP HỘI NGHỊ\nXONG HỘI NGHỊ TRẢ LẠI\nTÀI LIỆU THU HỒI\nKHÔNG PHỔ BIẾN TRÊN PHƯƠNG TIỆN THÔNG TIN ĐẠI CHÚNG\n(Tài liệu lưu hành nội bộ)\nGIẢI MẬT';
    const found = stamps(text);
    expect(found.filter((m) => m.markType === 'circulation')).toHaveLength(7);
    expect(found.filter((m) => m.markType === 'declassified')).toHaveLength(1);
  });

  it.each([
    'Nội dung mật của hội nghị được quán triệt.',
    'Đề nghị các đồng chí bảo mật thông tin.',
    'Không chia sẻ mật khẩu cho người khác.',
    'BẢO MẬT',
    'MẬT KHẨU',
    'MẶT TRẬN TỔ QUỐC',
    'MẶT',
    'Mật',
    'KHẨN TRƯƠNG TRIỂN KHAI',
  ])('does not take running text or look-alikes for a stamp: %j', (line) => {
    expect(stamps(`${line}\nNội dung tiếp theo.`)).toEqual([]);
  });

  it('reports a title about state secrets as a hint only, never a stamp', () => {
    const found = marks('QUY CHẾ BẢO VỆ BÍ MẬT NHÀ NƯỚC\nĐiều 1. Phạm vi điều chỉnh');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ stamp: false, markType: 'secrecy' });
    expect(found[0]!.confidence).toBeLessThan(0.5);
  });

  it('reports "độ Mật" in running text as a low-confidence hint with its level', () => {
    const found = marks('Tài liệu này thuộc danh mục bí mật nhà nước độ Tối mật, không được sao chụp.');
    expect(found.map((m) => [m.stamp, m.secrecyLevel ?? null])).toEqual([
      [false, null],
      [false, 'toi-mat'],
    ]);
  });
});
