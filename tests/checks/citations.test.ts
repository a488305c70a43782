import { describe, expect, it } from 'vitest';
import { scanText, type CitationFinding, type Diagnostic } from '../../src/checks/index';

const NOW = { now: new Date('2026-03-15T00:00:00Z') };
const cites = (text: string): CitationFinding[] => scanText(text, NOW).findings.filter((f): f is CitationFinding => f.kind === 'citation');
const diags = (text: string): Diagnostic[] => scanText(text, NOW).diagnostics;
const codes = (text: string): string[] => diags(text).map((d) => d.code);

const DECISION = `ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH CAO BẰNG\tĐộc lập - Tự do - Hạnh phúc
Số: 2081/QĐ-UBND\tCao Bằng, ngày 05 tháng 12 năm 2025
QUYẾT ĐỊNH
Ban hành Khung AI tin cậy tỉnh Cao Bằng
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CAO BẰNG
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;
Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;
Căn cứ Nghị định số 13/2023/NĐ-CP ngày 17 tháng 4 năm 2023 của Chính phủ về bảo vệ dữ liệu cá nhân;
Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình Chuyển đổi số quốc gia;
Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ tại Tờ trình số 35/TTr-SKHCN ngày 28/11/2025.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Khung AI tin cậy tỉnh Cao Bằng.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.`;

describe('state citations', () => {
  it('structures a normative decree with date and issuer, span covering type word to issuer', () => {
    const c = cites('Căn cứ Nghị định số 13/2023/NĐ-CP ngày 17 tháng 4 năm 2023 của Chính phủ về bảo vệ dữ liệu cá nhân;')[0]!;
    expect(c.text).toBe('Nghị định số 13/2023/NĐ-CP ngày 17 tháng 4 năm 2023 của Chính phủ');
    expect(c.subtype).toBe('state-normative');
    expect(c.citation).toMatchObject({
      system: 'state',
      typeName: 'Nghị định',
      typeCode: 'NĐ',
      number: '13',
      year: 2023,
      issuerCode: 'CP',
      issuerName: 'Chính phủ',
      symbol: '13/2023/NĐ-CP',
      date: '2023-04-17',
    });
  });

  it('structures a law with its legislature term and title', () => {
    const c = cites('Căn cứ Luật Trí tuệ nhân tạo số 134/2025/QH15;')[0]!;
    expect(c.text).toBe('Luật Trí tuệ nhân tạo số 134/2025/QH15');
    expect(c.subtype).toBe('state-law');
    expect(c.citation).toMatchObject({ typeName: 'Luật', typeCode: 'QH', issuerCode: 'QH15', legislatureTerm: 15, year: 2025, title: 'Luật Trí tuệ nhân tạo' });
  });

  it('structures an administrative decision with a short date and a provincial issuer', () => {
    const c = cites('Thực hiện Quyết định số 2081/QĐ-UBND ngày 05/12/2025 của Ủy ban nhân dân tỉnh Cao Bằng ban hành Khung AI tin cậy.')[0]!;
    expect(c.text).toBe('Quyết định số 2081/QĐ-UBND ngày 05/12/2025 của Ủy ban nhân dân tỉnh Cao Bằng');
    expect(c.subtype).toBe('state-administrative');
    expect(c.citation).toMatchObject({ typeCode: 'QĐ', issuerCode: 'UBND', date: '2025-12-05', issuerName: 'Ủy ban nhân dân tỉnh Cao Bằng' });
    expect(c.citation.year).toBeUndefined();
  });

  it('recognises a công văn symbol (issuer-unit) and the mixed-case codes TTr, CTr, QyĐ', () => {
    const found = cites('Theo Công văn số 1234/UBND-KT ngày 02/10/2025; Tờ trình số 35/TTr-SKHCN; Chương trình số 05/CTr-UBND; Quy định số 02/QyĐ-UBND.');
    expect(found.map((c) => [c.subtype, c.citation.typeCode ?? null, c.citation.issuerCode])).toEqual([
      ['state-official-letter', null, 'UBND'],
      ['state-administrative', 'TTr', 'SKHCN'],
      ['state-administrative', 'CTr', 'UBND'],
      ['state-administrative', 'QyĐ', 'UBND'],
    ]);
  });

  it('tolerates "ngày06/5/2005" and a spaced symbol "44 /2005/QĐ-UBND"', () => {
    const c = cites('Căn cứ Quyết định số 44 /2005/QĐ-UBND ngày06/5/2005 của UBND tỉnh;')[0]!;
    expect(c.citation).toMatchObject({ symbol: '44/2005/QĐ-UBND', date: '2005-05-06', year: 2005 });
  });

  it('parses blank-number drafts as draft citations', () => {
    const [state] = cites('Số:      /QĐ-UBND\tCao Bằng, ngày      tháng      năm 2026');
    expect(state).toMatchObject({ subtype: 'state-administrative' });
    expect(state!.citation).toMatchObject({ draft: true, typeCode: 'QĐ', issuerCode: 'UBND' });
    expect(state!.citation.number).toBeUndefined();
    const [party] = cites('Số      -QC/ĐU\tPhước Bình, ngày  tháng 3 năm 2026');
    expect(party!.citation).toMatchObject({ system: 'party', draft: true, typeCode: 'QC', issuerCode: 'ĐU' });
  });

  it('does not take fractions, times and ordinary slashes for citations', () => {
    expect(cites('Tỷ lệ 1/2 số hộ; trực 24/7; tổ 3/5 hoàn thành; năm học 2024/2025; TP/HCM.')).toEqual([]);
  });

  it('finds every citation of a real decision header and no diagnostics for it', () => {
    const found = cites(DECISION);
    expect(found.map((c) => c.value)).toEqual([
      '2081/QĐ-UBND',
      'Luật Tổ chức chính quyền địa phương',
      'Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương',
      '30/2020/NĐ-CP',
      '13/2023/NĐ-CP',
      '749/QĐ-TTg',
      '35/TTr-SKHCN',
    ]);
    expect(found[1]!.subtype).toBe('by-name');
    expect(found[1]!.citation).toMatchObject({ date: '2015-06-19' });
    expect(found[2]!.citation).toMatchObject({ date: '2019-11-22' });
    expect(found[5]!.citation).toMatchObject({ issuerCode: 'TTg', issuerName: 'Thủ tướng Chính phủ', date: '2020-06-03' });
    expect(diags(DECISION).filter((d) => d.severity !== 'info')).toEqual([]);
  });
});

describe('Party citations', () => {
  it.each([
    ['Kết luận số 126-KL/BTV', 'KL', 'BTV', 'Kết luận'],
    ['Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị', 'NQ', 'TW', 'Nghị quyết'],
    ['Quy định số 08-QĐi/TW', 'QĐi', 'TW', 'Quy định'],
    ['Quy chế số 05-QC/BTCTU-BDVTU', 'QC', 'BTCTU-BDVTU', 'Quy chế'],
    ['Hướng dẫn số 36-HD/VPTW', 'HD', 'VPTW', 'Hướng dẫn'],
  ])('structures %j', (text, typeCode, issuerCode, typeName) => {
    const c = cites(`Thực hiện ${text}, Ban Thường vụ yêu cầu.`)[0]!;
    expect(c.subtype).toBe('party');
    expect(c.citation).toMatchObject({ system: 'party', typeCode, issuerCode, typeName });
    expect(codes(`Thực hiện ${text}, Ban Thường vụ yêu cầu.`)).toEqual([]);
  });

  it('reads the Party header form "Số 126-KL/BTV" and the issuer after "của"', () => {
    const text = 'ĐẢNG BỘ TỈNH CAO BẰNG\tĐẢNG CỘNG SẢN VIỆT NAM\nBAN THƯỜNG VỤ\n*\nSố 126-KL/BTV\tCao Bằng, ngày 10 tháng 02 năm 2026\nKẾT LUẬN\ncủa Ban Thường vụ Tỉnh ủy về Đề án số 12-ĐA/TU';
    const found = cites(text);
    expect(found.map((c) => c.citation.symbol)).toEqual(['126-KL/BTV', '12-ĐA/TU']);
    expect(found[0]!.citation.typeName).toBe('Kết luận');
  });
});

describe('citations by name, by number, and article references', () => {
  it('cites a law by name and date without a number', () => {
    const c = cites('Căn cứ Luật An ninh mạng ngày 12 tháng 6 năm 2018;')[0]!;
    expect(c).toMatchObject({ subtype: 'by-name', text: 'Luật An ninh mạng ngày 12 tháng 6 năm 2018' });
    expect(c.citation).toMatchObject({ title: 'Luật An ninh mạng', date: '2018-06-12', year: 2018 });
  });

  it('cites codes and the constitution by name and year, with hyphenated names', () => {
    const found = cites('Theo Bộ luật Hình sự năm 2015, Hiến pháp năm 2013 và Luật Phòng, chống tham nhũng.');
    expect(found.map((c) => c.citation.title)).toEqual(['Bộ luật Hình sự', 'Hiến pháp', 'Luật Phòng, chống tham nhũng']);
    expect(found.map((c) => c.citation.year ?? null)).toEqual([2015, 2013, null]);
  });

  it('does not cite "Luật này", "Luật sư" or "pháp luật"', () => {
    expect(cites('Luật này có hiệu lực từ ngày ký. Luật sư tư vấn theo quy định của pháp luật.')).toEqual([]);
  });

  it('cites a document by type and number only', () => {
    const c = cites('Quán triệt Nghị quyết số 57 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ.')[0]!;
    expect(c).toMatchObject({ subtype: 'by-number', text: 'Nghị quyết số 57 của Bộ Chính trị' });
    expect(c.citation).toMatchObject({ typeName: 'Nghị quyết', number: '57', issuerName: 'Bộ Chính trị' });
  });

  it('attaches article, clause and point to the adjacent document', () => {
    const c = cites('Căn cứ điểm a khoản 2 Điều 5 Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ;')[0]!;
    expect(c.text).toBe('điểm a khoản 2 Điều 5 Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ');
    expect(c.citation.articles).toEqual([{ article: '5', clauses: ['2'], points: ['a'] }]);
  });

  it('attaches a list of articles and a chapter to a law cited by name', () => {
    const found = cites('Thực hiện theo Điều 10, Điều 11 và Chương XII của Bộ luật Hình sự.');
    expect(found).toHaveLength(1);
    expect(found[0]!.citation.title).toBe('Bộ luật Hình sự');
    expect(found[0]!.citation.articles).toEqual([{ article: '10' }, { article: '11' }, { chapter: 'XII' }]);
  });

  it('keeps a standalone article reference as a claim, but not headings or self references', () => {
    const found = cites('Điều 1. Phạm vi điều chỉnh\nChương II\nTheo quy định tại khoản 3 Điều 8, đơn vị báo cáo. Quy định tại khoản 2 Điều 4 Quyết định này.');
    expect(found.map((c) => [c.subtype, c.text])).toEqual([['article-ref', 'khoản 3 Điều 8']]);
  });

  it('flags point letters that Vietnamese numbering never uses', () => {
    expect(codes('Căn cứ điểm f khoản 1 Điều 3 Luật Đất đai;')).toContain('invalid-point-letter');
    expect(codes('Căn cứ điểm đ khoản 1 Điều 3 Luật Đất đai;')).not.toContain('invalid-point-letter');
  });
});

describe('consistency diagnostics', () => {
  it.each([
    'Nghị định số 13/2023/NĐ-CP ngày 17 tháng 4 năm 2023 của Chính phủ',
    'Luật Trí tuệ nhân tạo số 134/2025/QH15',
    'Quyết định số 2081/QĐ-UBND ngày 05/12/2025 của Ủy ban nhân dân tỉnh Cao Bằng',
    'Kết luận số 126-KL/BTV',
    'Thông tư số 01/2011/TT-BNV ngày 19 tháng 01 năm 2011 của Bộ Nội vụ',
    'Luật Bảo vệ bí mật nhà nước số 29/2018/QH14',
    'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 ngày 26 tháng 6 năm 2025',
    'Nghị quyết số 351/2017/UBTVQH14',
    'Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ',
    'Pháp lệnh số 02/2022/UBTVQH15',
    'Luật số 64/2025/QH15 ngày 19/02/2025',
    'Nghị quyết số 199/2025/QH15',
    'Luật số 117/2025/QH15',
    'Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị',
    'Thông tư số 24/2020/TT-BCA',
    'Nghị định số 356/2025/NĐ-CP ngày 31/12/2025 của Chính phủ',
  ])('a correct citation produces no diagnostic: %j', (text) => {
    expect(diags(`Căn cứ ${text};`)).toEqual([]);
  });

  it('flags a type word that does not match the code', () => {
    const d = diags('Căn cứ Thông tư số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ;');
    expect(d.map((x) => [x.code, x.severity])).toEqual([['type-code-mismatch', 'error']]);
    expect(d[0]!.message.vi).toContain('Thông tư');
    expect(d[0]!.message.en).toContain('NĐ');
    expect(codes('Căn cứ Luật số 12/2023/NĐ-CP;')).toEqual(['type-code-mismatch']);
    expect(codes('Căn cứ Chỉ thị số 05-KL/TW;')).toEqual(['type-code-mismatch']);
  });

  it('flags a symbol year that differs from the date year', () => {
    const d = diags('Căn cứ Nghị định số 13/2023/NĐ-CP ngày 17 tháng 4 năm 2022 của Chính phủ;');
    expect(d.map((x) => x.code)).toEqual(['year-mismatch']);
    expect(d[0]!.text).toBe('ngày 17 tháng 4 năm 2022');
  });

  it('flags a legislature term that does not cover the year, accepting boundary years', () => {
    expect(codes('Căn cứ Luật số 45/2019/QH15;')).toEqual(['term-mismatch']);
    expect(codes('Căn cứ Luật số 10/2026/QH14;')).toEqual(['term-mismatch']);
    expect(codes('Căn cứ Luật số 10/2021/QH14;')).toEqual([]);
    expect(codes('Căn cứ Luật số 10/2021/QH15;')).toEqual([]);
    expect(codes('Căn cứ Luật số 1/2026/QH16;')).toEqual([]);
  });

  it('flags an issuer name that does not match the code', () => {
    expect(codes('Căn cứ Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Thủ tướng Chính phủ;')).toEqual(['issuer-mismatch']);
    expect(codes('Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Ủy ban nhân dân tỉnh;')).toEqual(['issuer-mismatch']);
    expect(codes('Căn cứ Thông tư số 58/2016/TT-BTC ngày 29/3/2016 của Bộ Nội vụ;')).toEqual(['issuer-mismatch']);
  });

  it('flags a malformed symbol with a hyphen after the year', () => {
    const d = diags('Căn cứ Quyết định số 82/2005-QĐ-UBND ngày 10/8/2005;');
    expect(d.map((x) => x.code)).toEqual(['malformed-symbol']);
    expect(d[0]!.text).toBe('82/2005-QĐ-UBND');
    expect(d[0]!.message.vi).toContain('82/2005/QĐ-UBND');
  });

  it('flags dates that do not exist, in citations and outside', () => {
    expect(codes('Căn cứ Nghị định số 10/2023/NĐ-CP ngày 29/02/2023 của Chính phủ;')).toEqual(['invalid-date']);
    expect(codes('Hội nghị tổ chức ngày 31/02/2023.')).toEqual(['invalid-date']);
    expect(codes('Hội nghị tổ chức ngày 29/02/2024.')).toEqual([]);
  });

  it('flags the same symbol cited with two different dates', () => {
    const text = 'Căn cứ Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ;\nThực hiện Nghị định số 13/2023/NĐ-CP ngày 18/4/2023, Sở báo cáo.\nNghị định số 13/2023/NĐ-CP ngày 17 tháng 4 năm 2023.';
    const d = diags(text).filter((x) => x.code === 'conflicting-dates');
    expect(d).toHaveLength(1);
    expect(d[0]!.text).toBe('Nghị định số 13/2023/NĐ-CP ngày 18/4/2023');
    expect(d[0]!.message.en).toContain('2023-04-17');
  });

  it('reports a provincial normative decision with a year as info only', () => {
    const d = diags('Căn cứ Quyết định số 44/2005/QĐ-UBND ngày 06/5/2005 của Ủy ban nhân dân tỉnh Cao Bằng;');
    expect(d.map((x) => [x.code, x.severity])).toEqual([['provincial-normative-qd', 'info']]);
  });

  it('notes CV used as a state code and codes missing Đ', () => {
    expect(codes('Theo Công văn số 45/CV-UBND ngày 02/3/2026.')).toEqual(['cv-not-state-code']);
    expect(codes('Căn cứ Nghị định số 13/2023/ND-CP;')).toContain('code-missing-diacritic');
  });
});
