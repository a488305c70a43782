// Reference tables from /work/shared/domain/VIETNAMESE-TEXT.md (NĐ 30/2020 Phụ lục III, HD 36-HD/VPTW,
// Luật BHVBQPPL, NĐ 137/2015, TT 07/2016). Data only.

/** Document type words, longest first so "Nghị quyết liên tịch" wins over "Nghị quyết". */
export const TYPE_WORDS: readonly string[] = [
  // issue 9: "Thông báo kết luận số 624/TB-VPCP" is a Thông báo; consolidated texts and permits.
  'Thông báo kết luận', 'Văn bản hợp nhất', 'Giấy phép',
  'Thông tư liên tịch', 'Nghị quyết liên tịch', 'Bản thỏa thuận', 'Bản thoả thuận', 'Bản ghi nhớ',
  'Giấy ủy quyền', 'Giấy uỷ quyền', 'Giấy giới thiệu', 'Giấy nghỉ phép', 'Giấy mời',
  'Phiếu gửi', 'Phiếu chuyển', 'Phiếu báo', 'Chương trình', 'Nghị định', 'Nghị quyết',
  'Thông tư', 'Thông tri', 'Thông báo', 'Thông cáo', 'Quyết định', 'Chỉ thị', 'Quy chế', 'Quy định',
  'Hướng dẫn', 'Kế hoạch', 'Phương án', 'Đề án', 'Dự án', 'Báo cáo', 'Biên bản', 'Tờ trình',
  'Hợp đồng', 'Công điện', 'Công văn', 'Văn bản', 'Kết luận', 'Pháp lệnh', 'Bộ luật', 'Luật',
  'Hiến pháp', 'Lệnh',
];

/** Canonical type word (first letter upper) → codes it may carry. `QH` stands for `QHk`/`UBTVQHk` forms. */
export const TYPE_CODES: Record<string, readonly string[]> = {
  'Nghị định': ['NĐ'],
  'Thông tư': ['TT'],
  'Thông tư liên tịch': ['TTLT'],
  'Thông tri': ['TT'],
  'Quyết định': ['QĐ'],
  'Nghị quyết': ['NQ', 'QH', 'UBTVQH'],
  'Nghị quyết liên tịch': ['NQLT'],
  'Luật': ['QH'],
  'Bộ luật': ['QH'],
  'Pháp lệnh': ['PL', 'UBTVQH'],
  'Lệnh': ['L'],
  'Chỉ thị': ['CT'],
  'Quy chế': ['QC'],
  'Quy định': ['QyĐ', 'QĐi', 'QĐ'],
  'Thông cáo': ['TC'],
  'Thông báo': ['TB'],
  'Hướng dẫn': ['HD'],
  'Chương trình': ['CTr'],
  'Kế hoạch': ['KH'],
  'Phương án': ['PA'],
  'Đề án': ['ĐA'],
  'Dự án': ['DA'],
  'Báo cáo': ['BC'],
  'Biên bản': ['BB'],
  'Tờ trình': ['TTr'],
  'Hợp đồng': ['HĐ'],
  'Công điện': ['CĐ'],
  'Bản ghi nhớ': ['BGN'],
  'Bản thỏa thuận': ['BTT'],
  'Giấy ủy quyền': ['GUQ', 'UQ'],
  'Giấy mời': ['GM'],
  'Giấy giới thiệu': ['GGT', 'GT'],
  'Giấy nghỉ phép': ['GNP', 'NP'],
  'Phiếu gửi': ['PG'],
  'Phiếu chuyển': ['PC'],
  'Phiếu báo': ['PB'],
  'Kết luận': ['KL'],
  'Công văn': ['CV'],
  'Văn bản hợp nhất': ['VBHN'],
  'Giấy phép': ['GP'],
};

/** Canonical type word implied by a code, for citations written without one. */
export const CODE_TYPE: Record<string, string> = {
  NĐ: 'Nghị định', TT: 'Thông tư', TTLT: 'Thông tư liên tịch', QĐ: 'Quyết định', NQ: 'Nghị quyết',
  NQLT: 'Nghị quyết liên tịch', PL: 'Pháp lệnh', L: 'Lệnh', CT: 'Chỉ thị', QC: 'Quy chế',
  QyĐ: 'Quy định', QĐi: 'Quy định', TC: 'Thông cáo', TB: 'Thông báo', HD: 'Hướng dẫn',
  CTr: 'Chương trình', KH: 'Kế hoạch', PA: 'Phương án', ĐA: 'Đề án', DA: 'Dự án', BC: 'Báo cáo',
  BB: 'Biên bản', TTr: 'Tờ trình', HĐ: 'Hợp đồng', CĐ: 'Công điện', BGN: 'Bản ghi nhớ',
  BTT: 'Bản thỏa thuận', GUQ: 'Giấy ủy quyền', GM: 'Giấy mời', GGT: 'Giấy giới thiệu',
  GNP: 'Giấy nghỉ phép', PG: 'Phiếu gửi', PC: 'Phiếu chuyển', PB: 'Phiếu báo', KL: 'Kết luận',
  CV: 'Công văn', VBHN: 'Văn bản hợp nhất', GP: 'Giấy phép', SY: 'Bản sao y', TrS: 'Bản trích sao', SL: 'Bản sao lục',
};

/** State type codes (Phụ lục III NĐ 30/2020, older normative codes, TT 01/2011 legacy codes, copies). */
export const STATE_TYPE_CODES: ReadonlySet<string> = new Set([
  'NQ', 'QĐ', 'CT', 'QC', 'QyĐ', 'TC', 'TB', 'HD', 'CTr', 'KH', 'PA', 'ĐA', 'DA', 'BC', 'BB', 'TTr',
  'HĐ', 'CĐ', 'BGN', 'BTT', 'GUQ', 'GM', 'GGT', 'GNP', 'PG', 'PC', 'PB', 'SY', 'TrS', 'SL',
  'NĐ', 'TT', 'TTLT', 'NQLT', 'PL', 'L', 'GN', 'TTh', 'UQ', 'NP', 'GT',
  'VBHN', 'GP', // issue 9: văn bản hợp nhất (Luật BHVBQPPL), giấy phép
]);

/** Party type codes (HD 36-HD/VPTW). `TT` is Thông tri here; `CV` is a Party công văn. */
export const PARTY_TYPE_CODES: ReadonlySet<string> = new Set([
  'NQ', 'CT', 'KL', 'QĐ', 'QĐi', 'QyĐ', 'QC', 'BC', 'TTr', 'TB', 'HD', 'CTr', 'TT', 'BB', 'CV', 'KH',
  'ĐA', 'PA', 'TC', 'BGN', 'GM', 'GGT',
]);

/** Issuer classes: codes and how the issuer is named in words. Checked only when both are known. */
export interface IssuerClass {
  id: string;
  codes: readonly string[];
  name: RegExp;
}
export const ISSUERS: readonly IssuerClass[] = [
  { id: 'ttg', codes: ['TTg'], name: /^Thủ tướng(?: Chính phủ)?$/u },
  { id: 'cp', codes: ['CP'], name: /^Chính phủ$/u },
  { id: 'ubtvqh', codes: ['UBTVQH'], name: /^(?:Ủy|Uỷ) ban [Tt]hường vụ Quốc hội$/u },
  { id: 'qh', codes: ['QH'], name: /^Quốc hội(?: khóa [IVXLC]+)?$/u },
  { id: 'ctn', codes: ['CTN'], name: /^Chủ tịch nước$/u },
  { id: 'ubnd', codes: ['UBND'], name: /^(?:(?:Chủ tịch )?(?:Ủy|Uỷ) ban nhân dân|(?:Chủ tịch )?UBND)\b/u },
  { id: 'hdnd', codes: ['HĐND'], name: /^(?:(?:Thường trực )?Hội đồng nhân dân|HĐND)\b/u },
  { id: 'btc', codes: ['BTC'], name: /^(?:Bộ trưởng )?Bộ Tài chính$/u },
  { id: 'bca', codes: ['BCA'], name: /^(?:Bộ trưởng )?Bộ Công an$/u },
  { id: 'bqp', codes: ['BQP'], name: /^(?:Bộ trưởng )?Bộ Quốc phòng$/u },
  { id: 'bnv', codes: ['BNV'], name: /^(?:Bộ trưởng )?Bộ Nội vụ$/u },
  { id: 'byt', codes: ['BYT'], name: /^(?:Bộ trưởng )?Bộ Y tế$/u },
  { id: 'btp', codes: ['BTP'], name: /^(?:Bộ trưởng )?Bộ Tư pháp$/u },
  { id: 'bgddt', codes: ['BGDĐT'], name: /^(?:Bộ trưởng )?Bộ Giáo dục và Đào tạo$/u },
  { id: 'bkhdt', codes: ['BKHĐT'], name: /^(?:Bộ trưởng )?Bộ Kế hoạch và Đầu tư$/u },
  { id: 'btnmt', codes: ['BTNMT'], name: /^(?:Bộ trưởng )?Bộ Tài nguyên và Môi trường$/u },
  { id: 'bnnmt', codes: ['BNNMT'], name: /^(?:Bộ trưởng )?Bộ Nông nghiệp và Môi trường$/u },
  { id: 'bct', codes: ['BCT'], name: /^(?:Bộ trưởng )?Bộ Công Thương$/u },
  { id: 'bxd', codes: ['BXD'], name: /^(?:Bộ trưởng )?Bộ Xây dựng$/u },
  { id: 'btttt', codes: ['BTTTT'], name: /^(?:Bộ trưởng )?Bộ Thông tin và Truyền thông$/u },
  { id: 'bkhcn', codes: ['BKHCN'], name: /^(?:Bộ trưởng )?Bộ Khoa học và Công nghệ$/u },
  { id: 'nhnn', codes: ['NHNN'], name: /^(?:Thống đốc )?Ngân hàng Nhà nước(?: Việt Nam)?$/u },
  { id: 'tw', codes: ['TW'], name: /^(?:Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương(?: Đảng)?|Trung ương(?: Đảng)?)$/u },
  { id: 'tu', codes: ['TU', 'BTVTU'], name: /^(?:Ban Thường vụ )?Tỉnh ủy|^(?:Ban Thường vụ )?Tỉnh uỷ/u },
  { id: 'du', codes: ['ĐU'], name: /^(?:Ban Thường vụ |Ban Chấp hành )?Đảng ủy|^(?:Ban Thường vụ )?Đảng uỷ/u },
  { id: 'hu', codes: ['HU'], name: /^(?:Ban Thường vụ )?Huyện (?:ủy|uỷ)/u },
  { id: 'thu', codes: ['ThU'], name: /^(?:Ban Thường vụ )?Thành (?:ủy|uỷ)/u },
];

/** National Assembly terms; boundary years belong to both adjacent terms. */
export const LEGISLATURE_TERMS: Record<number, [number, number]> = {
  8: [1987, 1992],
  9: [1992, 1997],
  10: [1997, 2002],
  11: [2002, 2007],
  12: [2007, 2011],
  13: [2011, 2016],
  14: [2016, 2021],
  15: [2021, 2026],
  16: [2026, 2031],
};

/** CCCD birth-registration province codes (TT 07/2016 Phụ lục I). */
export const PROVINCE_CODES: ReadonlySet<string> = new Set(
  ('001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 ' +
    '037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 ' +
    '077 079 080 082 083 084 086 087 089 091 092 093 094 095 096').split(' '),
);

/** Common Vietnamese surnames, including those frequent in the northern mountain provinces (Tày, Nùng). */
export const SURNAMES: readonly string[] = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ',
  'Ngô', 'Dương', 'Lý', 'Đinh', 'Đoàn', 'Lâm', 'Mai', 'Trịnh', 'Trương', 'Đào', 'Cao', 'Lưu', 'Hà',
  'Tạ', 'Tô', 'Quách', 'Lương', 'Thái', 'Châu', 'Chu', 'Triệu', 'Nông', 'Lò', 'Lục', 'Hứa', 'Phùng',
  'Kiều', 'La', 'Thân', 'Tăng', 'Giang', 'Khổng', 'Vương', 'Đàm', 'Lại', 'Mạc', 'Ninh', 'Âu', 'Diệp',
  'Từ', 'Bế', 'Ma', 'Hoàng', 'Tống', 'Văn', 'Doãn', 'Khúc', 'Lã', 'Nghiêm', 'Phí', 'Quan', 'Sầm',
  'Đồng', 'Mông', 'Vi', 'Lưu', 'Cù', 'Hàn', 'Kim', 'Đậu', 'Thạch', 'Danh', 'Y',
];

/** Typical middle names: a surname + one of these + a given name is a person even without a title. */
export const MIDDLE_NAMES: readonly string[] = [
  'Văn', 'Thị', 'Đức', 'Hữu', 'Đình', 'Bá', 'Công', 'Quang', 'Minh', 'Ngọc', 'Xuân', 'Thanh', 'Trọng',
  'Duy', 'Quốc', 'Thế', 'Kim', 'Hồng', 'Thu', 'Mạnh', 'Tiến', 'Như', 'Phương', 'Thúy', 'Thuý', 'Diệu',
  'Khánh', 'Gia', 'Anh', 'Tuấn', 'Hải', 'Việt', 'Nhật', 'Bảo', 'Thành', 'Trung', 'Huy', 'Hoài',
];
