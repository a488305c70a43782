// Issue 9: the classes of real published text the checks engine must get right, each from real
// strings (quoted from the measurement and from ../shared/realtext; short strings only).
import { describe, expect, it } from 'vitest';
import { scanText, type CitationFinding, type Diagnostic } from '../../src/checks/index';

const NOW = { now: new Date('2026-03-15T00:00:00Z') };
const cites = (text: string): CitationFinding[] => scanText(text, NOW).findings.filter((f): f is CitationFinding => f.kind === 'citation');
const symbols = (text: string): string[] => cites(text).map((c) => c.citation.symbol ?? `(${c.value})`);
const diags = (text: string): Diagnostic[] => scanText(text, NOW).diagnostics;
const errors = (text: string): Diagnostic[] => diags(text).filter((d) => d.severity === 'error');

describe('symbols without a type word, in tables and lists', () => {
  it('finds a permit in a table row by the date after it', () => {
    const c = cites('3\tCông ty TNHH Minh Phát\t137/GP-UBND ngày 13/07/2017\tCòn hiệu lực');
    expect(c.map((x) => [x.citation.symbol, x.citation.date, x.citation.typeName])).toEqual([['137/GP-UBND', '2017-07-13', 'Giấy phép']]);
  });

  it('finds every symbol of a list, the later ones without "số"', () => {
    expect(symbols('Thực hiện văn bản số 1552/BTTTT-TTH và 708/BTTTT-CATTT của Bộ Thông tin và Truyền thông;')).toEqual(['1552/BTTTT-TTH', '708/BTTTT-CATTT']);
    expect(symbols('các văn bản số: 8004/VPCP-KTTH, 8008/VPCP-KTTH và 8796/VPCP-KTTH của Văn phòng Chính phủ')).toEqual(['8004/VPCP-KTTH', '8008/VPCP-KTTH', '8796/VPCP-KTTH']);
    // ../shared/realtext (224/CĐ-TTg): a list whose items each carry a date.
    expect(symbols('các văn bản số: 10894/VPCP-CN ngày 8/11/2025, 8563/VPCP-CN ngày 12/9/2025 của Văn phòng Chính phủ')).toEqual(['10894/VPCP-CN', '8563/VPCP-CN']);
  });

  it('"và các Nghị định 12/2020, 13/2021": every number/year of the list is a citation of that type', () => {
    const c = cites('Bãi bỏ Nghị định số 05/2019/NĐ-CP và các Nghị định 12/2020, 13/2021 và 14/2022 của Chính phủ.');
    expect(c.map((x) => [x.citation.symbol ?? null, x.citation.typeName, x.citation.number ?? null, x.citation.year ?? null])).toEqual([
      ['05/2019/NĐ-CP', 'Nghị định', '5', 2019],
      [null, 'Nghị định', '12', 2020],
      [null, 'Nghị định', '13', 2021],
      [null, 'Nghị định', '14', 2022],
    ]);
    expect(c[3]!.citation.issuerName).toBe('Chính phủ');
    // A date "tháng 12/2020" is not a citation.
    expect(cites('Trong tháng 12/2020 đã hoàn thành.')).toEqual([]);
  });

  it('a later item of a list inherits the type word when its code names none', () => {
    const c = cites('Công văn số 1552/BTTTT-TTH và 708/BTTTT-CATTT');
    expect(c.map((x) => x.citation.typeName)).toEqual(['Công văn', 'Công văn']);
  });

  it('reads a "Số:" header cell followed by the symbol on the next line (VBHN)', () => {
    expect(symbols('Độc lập - Tự do - Hạnh phúc\n---------------\nSố:\n57/VBHN-BCT\nHà Nội, ngày 26 tháng 11 năm 2025')).toEqual(['57/VBHN-BCT']);
  });

  it('does not take a bare fraction or a road code for a citation', () => {
    expect(symbols('Làm việc 24/7; tỷ lệ 3/4 số xã; tuyến 12/ABC.')).toEqual([]);
  });
});

describe('number forms are found whole, never cut short', () => {
  it.each([
    ['Căn cứ Nghị quyết số 66.4/2025/NQ-CP ngày 15 tháng 11 năm 2025 của Chính phủ', '66.4/2025/NQ-CP', '66.4'],
    ['Nghị quyết số 66.7/2025/NQ-CP', '66.7/2025/NQ-CP', '66.7'],
    ['Quyết định số 364a/QĐ-UBND ngày 12/3/2024', '364a/QĐ-UBND', '364a'],
    ['Công văn số 11554/VPCP-V.I ngày 05/12/2025 của Văn phòng Chính phủ', '11554/VPCP-V.I', '11554'],
    ['văn bản số 14/2025/CV-E.K.LM', '14/2025/CV-E.K.LM', '14'],
  ])('%j → %s', (text, symbol, number) => {
    const c = cites(text);
    expect(c.map((x) => x.citation.symbol)).toEqual([symbol]);
    expect(c[0]!.citation.number).toBe(number);
    expect(errors(text)).toEqual([]);
  });

  it('does not swallow a sentence-final dot into the issuer code', () => {
    expect(symbols('theo Công văn số 11554/VPCP-V.I. Các bộ triển khai.')).toEqual(['11554/VPCP-V.I']);
    expect(symbols('Quyết định số 2081/QĐ-UBND.Theo đó')).toEqual(['2081/QĐ-UBND']);
  });
});

describe('defects of the published text are found and named', () => {
  it('a space inside a symbol is a format warning, and the symbol is found whole', () => {
    for (const [text, symbol, written] of [
      ['Quyết định số 1717/QĐ- UBND ngày 10/6/2025', '1717/QĐ-UBND', 'QĐ- UBND'],
      ['Công văn số 14730 /STC-VP ngày 02/10/2025', '14730/STC-VP', '14730 /STC-VP'],
      ['theo Nghị quyết số 1314/NQ- UBTVQH15 về việc sắp xếp', '1314/NQ-UBTVQH15', 'NQ- UBTVQH15'],
    ] as const) {
      expect(symbols(text)).toEqual([symbol]);
      const d = diags(text).filter((x) => x.code === 'symbol-spacing');
      expect(d).toHaveLength(1);
      expect(d[0]!.severity).toBe('warning');
      expect(d[0]!.text).toContain(written.trim().split(' ')[0]);
      expect(d[0]!.message.vi).toContain(symbol);
      expect(text.slice(d[0]!.start, d[0]!.end)).toBe(d[0]!.text);
    }
    expect(diags('Quyết định số 1717/QĐ-UBND ngày 10/6/2025').filter((x) => x.code === 'symbol-spacing')).toEqual([]);
  });

  it('look-alike letters of another script inside a symbol are an error naming them', () => {
    // Cyrillic Т (U+0422) at the end of "BKHĐТ".
    const text = 'Thông tư số 05/2019/TT-BKHĐ\u0422 ngày 29/3/2019 của Bộ Kế hoạch và Đầu tư';
    expect(symbols(text)).toEqual(['05/2019/TT-BKHĐT']);
    const d = errors(text);
    expect(d.map((x) => x.code)).toEqual(['lookalike-letters']);
    expect(d[0]!.message.vi).toContain('U+0422');
    expect(d[0]!.message.en).toContain('another script');
    expect(d[0]!.text).toContain('BKHĐ\u0422');
    expect(errors('Thông tư số 05/2019/TT-BKHĐT ngày 29/3/2019')).toEqual([]);
  });

  it('a type code glued to its issuer ("TTBNNMT", real) is a format warning, not a type error', () => {
    const text = 'Thông tư số 37/2025/TTBNNMT ngày 02/7/2025';
    expect(errors(text)).toEqual([]);
    const d = diags(text).filter((x) => x.code === 'malformed-symbol');
    expect(d).toHaveLength(1);
    expect(d[0]!.message.vi).toContain('TT-BNNMT');
  });
});

describe('type words and compound codes', () => {
  it('"Thông báo kết luận số 624/TB-VPCP" is a Thông báo: TB is right', () => {
    const c = cites('Thông báo kết luận số 624/TB-VPCP ngày 25/11/2025 của Văn phòng Chính phủ');
    expect(c[0]!.citation).toMatchObject({ typeName: 'Thông báo', typeCode: 'TB', symbol: '624/TB-VPCP' });
    expect(errors('các Thông báo kết luận số 49/TB-VPCP ngày 07 tháng 02 năm 2024')).toEqual([]);
  });

  it('checks the type of a compound code (TT-BTP-CP, QĐ-TTg, NQ/TW)', () => {
    expect(cites('Thông tư số 01/2020/TT-BTP-CP')[0]!.citation).toMatchObject({ typeCode: 'TT', issuerCode: 'BTP-CP' });
    expect(errors('Nghị định số 01/2020/TT-BTP-CP').map((d) => d.code)).toEqual(['type-code-mismatch']);
    expect(errors('Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ')).toEqual([]);
    expect(errors('Nghị định số 749/QĐ-TTg').map((d) => d.code)).toEqual(['type-code-mismatch']);
    expect(errors('Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị')).toEqual([]);
    expect(errors('Chỉ thị số 57-NQ/TW').map((d) => d.code)).toEqual(['type-code-mismatch']);
  });
});

describe('numbers that restart each year', () => {
  it('two citations of 01/GP-UBND with dates in different years are two documents', () => {
    const text = 'Giấy phép số 01/GP-UBND ngày 05/01/2017 đã hết hạn; cấp Giấy phép số 01/GP-UBND ngày 10/01/2019.';
    expect(cites(text)).toHaveLength(2);
    expect(diags(text).filter((d) => d.code === 'conflicting-dates')).toEqual([]);
  });

  it('the same symbol with two dates of one year is still an error, and so is a symbol with a year', () => {
    expect(diags('Công văn số 123/UBND-VP ngày 05/3/2025 và Công văn số 123/UBND-VP ngày 07/3/2025').map((d) => d.code)).toContain('conflicting-dates');
    expect(diags('Nghị quyết số 163/2024/QH15 ngày 27/11/2024; Nghị quyết số 163/2024/QH15 ngày 28/11/2024').map((d) => d.code)).toContain('conflicting-dates');
  });
});

describe('figures: a warning only where a reader could misread', () => {
  it.each([
    ['Thủ tục cấp giấy phép (1.014464); tổng kinh phí 1.234.567 triệu đồng.'],
    ['1.1\tChủ trì triển khai\n1.2\tPhối hợp\nKinh phí 2.500.000 đồng.'],
    ['Xe ô tô tải\t3.5\t2019\nTổng giá trị 1.200.000.000 đồng.'],
    ['Tỷ lệ đạt 99.4%; kinh phí 12.345.678 đồng.'],
  ])('%j: no mixed-number-format warning', (text) => {
    expect(diags(text).filter((d) => d.code === 'mixed-number-format')).toEqual([]);
  });

  it('still warns on comma-grouped thousands in a Vietnamese-format text', () => {
    expect(diags('Tổng vốn 1.234.567 triệu đồng; vốn đối ứng 2,345,678 triệu đồng.').filter((d) => d.code === 'mixed-number-format').map((d) => d.text)).toEqual(['2,345,678']);
  });
});

describe('personal data in published text', () => {
  const pd = (text: string) => scanText(text, NOW).findings.filter((f) => f.kind === 'personal-data');

  it('headings in capitals, institutions and streets named after people, Đồng Việt Nam are not names', () => {
    expect(pd('CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH').map((f) => f.subtype)).not.toContain('name');
    expect(pd('Bệnh viện Viện Bỏng Lê Hữu Trác tiếp nhận').filter((f) => f.subtype === 'name')).toEqual([]);
    expect(pd('Trụ sở: Số 222 Lê Trọng Tấn, phường Khương Mai').filter((f) => f.subtype === 'name')).toEqual([]);
    expect(pd('Đơn vị tiền tệ: Đồng Việt Nam').filter((f) => f.subtype === 'name')).toEqual([]);
  });

  it('the example persons of a guideline ("Đồng chí Nguyễn Văn A") are nobody', () => {
    const text = 'Ví dụ: Đồng chí Nguyễn Văn A, Tỉnh ủy viên, Giám đốc Sở X; đồng chí Nguyễn Văn X hiện là Ủy viên Ban Thường vụ.';
    expect(pd(text).filter((f) => f.subtype === 'name')).toEqual([]);
    expect(scanText(text, NOW).level.level).toBe(1);
  });

  it('an official named with the office held is reported but does not raise the level', () => {
    const text = 'Đồng chí Phạm Gia Túc, Uỷ viên Trung ương Đảng, Chánh Văn phòng Trung ương Đảng chủ trì.';
    const names = pd(text).filter((f) => f.subtype === 'name');
    expect(names.map((f) => f.text)).toEqual(['Phạm Gia Túc']);
    expect(names[0]!.confidence).toBeLessThan(0.7);
    expect(scanText(text, NOW).level.level).toBe(1);
    expect(scanText('Bà Nguyễn Thị Lan sinh năm 1980 đang điều trị tại khoa.', NOW).level.level).toBe(3);
  });

  it('rules about places and the tax code of an enterprise are not personal data', () => {
    expect(scanText('người dân tộc thiểu số đang cư trú tại vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn;', NOW).level.level).toBe(1);
    expect(scanText('100% chi phí khám bệnh, chữa bệnh ngoại trú tại phòng khám đa khoa khu vực;', NOW).level.level).toBe(1);
    expect(scanText('Kính gửi: Công Ty TNHH Khuôn Mẫu Yong Hong;\nMã số thuế: 1102044417;', NOW).level.level).toBe(1);
    expect(pd('Thường trú tại: Số 12 ngõ 34 phố Hào Nam, Hà Nội').map((f) => f.subtype)).toContain('address');
  });

  it('a signer under T/M BỘ CHÍNH TRỊ is found as a signer', () => {
    const f = pd('T/M BỘ CHÍNH TRỊ\nTỔNG BÍ THƯ\n(đã ký)\nTô Lâm');
    expect(f.map((x) => x.text)).toEqual(['Tô Lâm']);
    expect(f[0]!.explanation.en).toMatch(/signer/);
  });
});
