import { describe, expect, it } from 'vitest';
import { scanText, validCccd, validTaxCode, type PersonalDataFinding } from '../../src/checks/index';

const NOW = { now: new Date('2026-03-15T00:00:00Z') };
const pd = (text: string): PersonalDataFinding[] => scanText(text, NOW).findings.filter((f): f is PersonalDataFinding => f.kind === 'personal-data');
const brief = (text: string): Array<[string, string]> => pd(text).map((f) => [f.subtype, f.text]);

describe('validators', () => {
  it('checks CCCD province code, century/gender digit and birth year', () => {
    const now = NOW.now;
    expect(validCccd('004080012345', now)).toBe(true); // Cao Bằng, male, 1980
    expect(validCccd('001305012345', now)).toBe(true); // Hà Nội, female, 2005
    expect(validCccd('003080012345', now)).toBe(false); // 003 is not a province code
    expect(validCccd('004530012345', now)).toBe(false); // century digit 5 = after 2099
    expect(validCccd('004230012345', now)).toBe(false); // born 2030: in the future
    expect(validCccd('00408001234', now)).toBe(false);
  });

  it('checks the tax code check digit', () => {
    expect(validTaxCode('0100047516')).toBe(true);
    expect(validTaxCode('0100047517')).toBe(false);
  });
});

describe('personal data in text', () => {
  it('finds the identifying items of a personal record', () => {
    const text = [
      'Họ và tên: Nguyễn Thị Hồng Nhung',
      'Ngày sinh: 12/03/1985',
      'Số CCCD: 004185012345, cấp ngày 10/5/2021',
      'Thường trú tại: tổ 7, phường Sông Bằng, tỉnh Cao Bằng',
      'Điện thoại: 0912.345.678 - Email: nhung.nth85@gmail.com',
      'Mã số thuế cá nhân: 0100047516',
      'Số sổ BHXH: 0405123456; thẻ BHYT: GD4040405123456',
      'Số tài khoản: 8600123456789 tại Ngân hàng Agribank',
      'Hộ chiếu số C1234567; xe máy biển số 11B1-123.45',
    ].join('\n');
    expect(brief(text)).toEqual([
      ['name', 'Nguyễn Thị Hồng Nhung'],
      ['date-of-birth', '12/03/1985'],
      ['cccd', '004185012345'],
      ['address', 'tổ 7, phường Sông Bằng, tỉnh Cao Bằng'],
      ['phone', '0912.345.678'],
      ['email', 'nhung.nth85@gmail.com'],
      ['tax-code', '0100047516'],
      ['social-insurance', '0405123456'],
      ['health-insurance', 'GD4040405123456'],
      ['bank-account', '8600123456789'],
      ['passport', 'C1234567'],
      ['vehicle-plate', '11B1-123.45'],
    ]);
    const bank = pd(text).find((f) => f.subtype === 'bank-account')!;
    expect(bank.sensitivity).toBe('sensitive');
    expect(pd(text).find((f) => f.subtype === 'cccd')!.sensitivity).toBe('basic');
  });

  it('recognises CMND only with a context word', () => {
    expect(brief('Số CMND: 080123456 do Công an tỉnh cấp.')).toEqual([['cmnd', '080123456']]);
    expect(brief('Mã hồ sơ 080123456 đã tiếp nhận.')).toEqual([]);
  });

  it('recognises mobile numbers in their usual groupings and +84, landlines only with context', () => {
    expect(brief('Liên hệ 0987 654 321 hoặc +84 912 345 678 hoặc 0345-678-901.').map((x) => x[0])).toEqual(['phone', 'phone', 'phone']);
    expect(brief('Điện thoại: 0206.3852.123')).toEqual([['phone', '0206.3852.123']]);
    expect(brief('Mã định mức 0206385212 áp dụng.')).toEqual([]);
  });

  it('does not take amounts, codes or dates for phone numbers or IDs', () => {
    expect(pd('Tổng kinh phí 1.234.567.890 đồng; năm 2025; mã ngành 0912; Quyết định số 2081/QĐ-UBND; 12/03/2024.')).toEqual([]);
  });

  it('needs a label or surname+middle name for a personal name, and skips streets, schools and famous names', () => {
    expect(brief('Giao đồng chí Bế Văn Thành, Phó Chủ tịch UBND huyện, chỉ đạo.')).toEqual([['name', 'Bế Văn Thành']]);
    expect(brief('Ông Trần Quân và bà Lê Hoa tham dự.')).toEqual([
      ['name', 'Trần Quân'],
      ['name', 'Lê Hoa'],
    ]);
    expect(brief('Trụ sở tại số 10 đường Lê Lợi, gần Trường THPT Nguyễn Du và phố Hoàng Văn Thụ.')).toEqual([]);
    expect(brief('Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh tại Hà Nội và Cao Bằng.')).toEqual([]);
  });

  it('treats a bare full name on its own line as a possible signer with low confidence', () => {
    const f = pd('KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Bình')[0]!;
    expect(f.subtype).toBe('name');
    expect(f.confidence).toBeLessThan(0.7);
    expect(f.explanation.en).toContain('signer');
  });

  it('reads dates and years of birth after their labels', () => {
    expect(brief('Bà Hoàng Thị Lan, sinh ngày 05 tháng 8 năm 1979, sinh năm 1979.')).toEqual([
      ['name', 'Hoàng Thị Lan'],
      ['date-of-birth', '05 tháng 8 năm 1979'],
      ['date-of-birth', '1979'],
    ]);
  });

  it('takes an unlabelled 12-digit number as a CCCD only when it validates', () => {
    expect(brief('Mã 004080012345 trong danh sách.')).toEqual([['cccd', '004080012345']]);
    expect(brief('Mã 999080012345 trong danh sách.')).toEqual([]);
  });
});
