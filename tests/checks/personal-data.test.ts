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

// Issue 17 / issue 9: names whatever the surname, grouped numbers, and what is not personal data
// (short real strings from published documents).
describe('titled names, grouped numbers, and precision on published text', () => {
  it('finds a titled name whatever the surname (Hmông, Dao, Tày names)', () => {
    const names = (text: string) => pd(text).filter((f) => f.subtype === 'name').map((f) => f.text);
    expect(names('Ông Giàng A Páo đề nghị cấp lại giấy tờ.')).toEqual(['Giàng A Páo']);
    expect(names('Bà Bàn Thị Mây, Sùng A Lử và Lộc Văn Sơn có mặt.')).toEqual(['Bàn Thị Mây', 'Sùng A Lử', 'Lộc Văn Sơn']);
    expect(names('đồng chí Vàng Thị Dua, anh Thào A Tủa')).toEqual(['Vàng Thị Dua', 'Thào A Tủa']);
    expect(names('Ông Kha Văn Tú và chị Y Blơ Niê')).toEqual(['Kha Văn Tú', 'Y Blơ Niê']);
    expect(names('Trường hợp ông Nguyễn Văn Anh vắng mặt')).toEqual(['Nguyễn Văn Anh']);
  });

  it('normalises grouped identity numbers and landlines before matching', () => {
    expect(brief('Số CCCD: 034 085 012 345')).toEqual([['cccd', '034 085 012 345']]);
    expect(brief('định danh 036.090.004.321')).toEqual([['cccd', '036.090.004.321']]);
    expect(brief('Gọi 0206 3852 123 khi cần')).toEqual([['phone', '0206 3852 123']]);
    // An amount in dotted thousands is not an identity number.
    expect(brief('Tổng kinh phí 12.345.678.901 đồng')).toEqual([]);
  });

  it('headings, institutions and streets named after people, the currency are not names', () => {
    expect(brief('CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH')).toEqual([]);
    expect(brief('Viện Bỏng Lê Hữu Trác')).toEqual([]);
    expect(brief('Viện Bỏng Quốc gia Lê Hữu Trác')).toEqual([]);
    expect(brief('Số 222 Lê Trọng Tấn, quận Thanh Xuân')).toEqual([]);
    expect(brief('Mức phạt tính bằng Đồng Việt Nam')).toEqual([]);
  });

  it('finds the signer under "T/M BAN BÍ THƯ" / "T/M BỘ CHÍNH TRỊ"', () => {
    const found = pd('T/M BAN BÍ THƯ\nTrần Cẩm Tú\nPHỤ LỤC');
    expect(found.map((f) => [f.subtype, f.text])).toEqual([['name', 'Trần Cẩm Tú']]);
    expect(found[0]!.explanation.en).toMatch(/signer/);
    expect(pd('T/M BỘ CHÍNH TRỊ\nTỔNG BÍ THƯ\n(đã ký)\nTô Lâm').map((f) => f.text)).toEqual(['Tô Lâm']);
  });
});
