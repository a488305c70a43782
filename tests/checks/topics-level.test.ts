import { describe, expect, it } from 'vitest';
import { scanText, setAsideTopics, suggestLevel, type TopicFinding } from '../../src/checks/index';

const NOW = { now: new Date('2026-03-15T00:00:00Z') };
const topics = (text: string): TopicFinding[] => scanText(text, NOW).findings.filter((f): f is TopicFinding => f.kind === 'topic');
const subtypes = (text: string): string[] => topics(text).map((t) => t.subtype);

describe('restricted topics', () => {
  it.each([
    ['Sở Tài chính tổng hợp dự toán ngân sách năm 2026 chưa công bố.', 'budget'],
    ['Phê duyệt hồ sơ mời thầu gói thầu số 05 xây lắp.', 'bidding'],
    ['Dự thảo quy hoạch phân khu đô thị chưa được phê duyệt.', 'planning'],
    ['Ban hành quyết định xử phạt vi phạm hành chính đối với hộ kinh doanh.', 'sanction'],
    ['Thực hiện kết luận thanh tra về quản lý đất đai.', 'inspection'],
    ['Chuyển cơ quan điều tra xem xét theo thẩm quyền.', 'inspection'],
    ['Rà soát hồ sơ đảng viên và đánh giá cán bộ cuối năm.', 'personnel-file'],
    ['Đề xuất bổ nhiệm, điều động cán bộ lãnh đạo.', 'personnel-decision'],
  ])('%j → %s', (text, subtype) => {
    const found = topics(text);
    expect(found.map((t) => t.subtype)).toContain(subtype);
    expect(found.every((t) => t.personalData === false)).toBe(true);
    expect(suggestLevel(scanText(text, NOW).findings).level).toBe(2);
  });

  it('raises planning and budget confidence when unpublished, keeps a plain mention low', () => {
    const plain = topics('Triển khai Quy hoạch tỉnh đã được phê duyệt.').find((t) => t.subtype === 'planning')!;
    const draft = topics('Nội dung điều chỉnh quy hoạch chưa công bố.').find((t) => t.subtype === 'planning')!;
    expect(plain.confidence).toBeLessThan(0.6);
    expect(draft.confidence).toBeGreaterThanOrEqual(0.9);
    expect(scanText('Triển khai Quy hoạch tỉnh đã được phê duyệt.').level.level).toBe(1);
  });

  it('does not take statistics surveys or the name of a law for restricted topics', () => {
    expect(subtypes('Kết quả điều tra dân số và nhà ở năm 2019.')).toEqual([]);
    expect(subtypes('Căn cứ Luật Thanh tra số 11/2022/QH15 và Luật Đấu thầu số 22/2023/QH15;')).toEqual([]);
    expect(subtypes('"quy hoạch cán bộ" là công tác nhân sự').filter((s) => s === 'planning')).toEqual([]);
  });

  it('marks a draft label and a blank document number as a draft (level 2)', () => {
    const r = scanText('DỰ THẢO\nSố:      /QĐ-UBND\tCao Bằng, ngày      tháng 3 năm 2026\nQUYẾT ĐỊNH', NOW);
    expect(r.findings.some((f) => f.kind === 'topic' && f.subtype === 'draft')).toBe(true);
    expect(r.level.level).toBe(2);
    expect(r.level.evidence.length).toBe(2);
  });

  it('flags passwords and API keys left in a document', () => {
    expect(subtypes('Tài khoản: vanthu, mật khẩu: Abc@12345')).toContain('credential');
    expect(subtypes('Khóa sk-proj-abcdefghijklmnopqrstuvwx')).toContain('credential');
    expect(subtypes('Không chia sẻ mật khẩu cho người khác.')).toEqual([]);
  });
});

describe('sensitive personal-data categories', () => {
  it.each([
    ['Bệnh nhân có tiền sử bệnh tim, hồ sơ bệnh án lưu tại khoa.', 'health'],
    ['Tôn giáo: Công giáo', 'religion'],
    ['Đương sự có tiền án, tiền sự về tội trộm cắp.', 'criminal-record'],
    ['Dân tộc: Tày', 'ethnicity'],
    ['Ông Hoàng Văn Nam đã được thu thập dữ liệu sinh trắc học, vân tay.', 'biometric'],
    ['Lưu trữ dữ liệu định vị của bà Lê Thị Hoa.', 'location'],
    ['Quan điểm chính trị của anh Trần Minh Đức không được thu thập.', 'political-views'],
  ])('%j → %s (personal data, level 3)', (text, subtype) => {
    const found = topics(text).filter((t) => t.subtype === subtype);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ personalData: true, sensitivity: 'sensitive' });
    expect(scanText(text, NOW).level.level).toBe(3);
  });

  // issue 9: a published law or decree that merely mentions a category is about nobody.
  it.each([
    ['Thu thập dữ liệu sinh trắc học, vân tay của công dân.', 'biometric'],
    ['Lưu trữ dữ liệu định vị của thuê bao.', 'location'],
    ['Quan điểm chính trị của cá nhân không được thu thập.', 'political-views'],
    ['Phiếu lý lịch tư pháp do Sở Tư pháp cấp theo quy định của Luật Lý lịch tư pháp.', 'criminal-record'],
    ['Giấy xác nhận tình trạng hôn nhân được cấp trong thời hạn 03 ngày làm việc.', 'marital-status'],
    ['Dân tộc: ..........................', 'ethnicity'],
  ])('%j mentions %s about no identified person: level 1', (text, subtype) => {
    const found = topics(text).filter((t) => t.subtype === subtype);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ personalData: true });
    expect(found[0]!.aboutPerson).toBeUndefined();
    expect(scanText(text, NOW).level.level).toBe(1);
  });

  it('raises the level for a category near a person identified elsewhere in the passage', () => {
    const text = 'Họ và tên: Nguyễn Thị Lan, CCCD 001190012345.\nTình trạng hôn nhân đã kết hôn; phiếu lý lịch tư pháp số 2 kèm theo.';
    expect(scanText(text, NOW).level.level).toBe(3);
  });

  it('does not treat policy text about ethnic minorities or religion as personal data', () => {
    expect(subtypes('Hỗ trợ đồng bào dân tộc thiểu số vùng cao; phối hợp với Ban Tôn giáo tỉnh.')).toEqual([]);
  });
});

describe('level suggestion', () => {
  it('is 1 for a published decision with no personal data', () => {
    const r = scanText('Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;\nĐiều 1. Ban hành Kế hoạch chuyển đổi số năm 2026 với 25 nhiệm vụ.', NOW);
    expect(r.level).toMatchObject({ level: 1, label: { vi: 'Công khai', en: 'Public' }, evidence: [] });
  });

  it('is 2 for a circulation mark, with bilingual evidence pointing at the mark', () => {
    const text = 'BAN THƯỜNG VỤ TỈNH ỦY\nLƯU HÀNH NỘI BỘ\nBÁO CÁO';
    const r = scanText(text, NOW);
    expect(r.level.level).toBe(2);
    expect(r.level.label).toEqual({ vi: 'Nội bộ', en: 'Internal' });
    expect(r.level.evidence[0]).toMatchObject({ level: 2, text: 'LƯU HÀNH NỘI BỘ' });
    expect(r.level.evidence[0]!.reason.vi).toContain('Lưu hành nội bộ'.toUpperCase());
  });

  it('is 3 for personal data with context but not for a bare signer name', () => {
    expect(scanText('Ông Nguyễn Văn An, điện thoại 0912345678.', NOW).level.level).toBe(3);
    expect(scanText('KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An', NOW).level.level).toBe(1);
  });

  it('is 4 for a secrecy stamp, whatever else is there, and evidence lists the strictest first', () => {
    const r = scanText('TỐI MẬT\nLƯU HÀNH NỘI BỘ\nÔng Nguyễn Văn An, CCCD 004080012345.', NOW);
    expect(r.level.level).toBe(4);
    expect(r.level.label.vi).toBe('Bí mật nhà nước');
    expect(r.level.evidence.map((e) => e.level)).toEqual([4, 3, 3, 2]);
  });

  it('does not raise the level for urgency, a declassified-only document is internal, a hint stays a hint', () => {
    expect(scanText('HỎA TỐC\nCÔNG ĐIỆN', NOW).level.level).toBe(1);
    expect(scanText('GIẢI MẬT\nBÁO CÁO', NOW).level.level).toBe(2);
    expect(scanText('Quán triệt Luật Bảo vệ bí mật nhà nước.', NOW).level.level).toBe(1);
  });

  it('caps the evidence list and says how many were left out', () => {
    const text = Array.from({ length: 30 }, (_, i) => `Ông Nguyễn Văn An ${i}, điện thoại 09123456${String(i).padStart(2, '0')}.`).join('\n');
    const lvl = scanText(text, NOW).level;
    expect(lvl.evidence.length).toBeLessThanOrEqual(10);
    expect(lvl.evidenceOmitted).toBeGreaterThan(0);
  });
});

// issue 9 — level: a topic is a guess, not evidence. Real strings of published texts (../shared/realtext).
describe('topic suggestions, kept apart from evidence', () => {
  const PUBLISHED_DECREE =
    'Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n' +
    'Nghị định này quy định chi tiết một số điều và biện pháp thi hành Luật Đấu thầu về lựa chọn nhà thầu;\n' +
    'tiêu chuẩn chức danh; bổ nhiệm, bổ nhiệm lại, điều động, luân chuyển, biệt phái, từ chức';

  it('rates a published decree on a restricted topic level 2 as a suggestion, 1 from evidence', () => {
    const level = scanText(PUBLISHED_DECREE, NOW).level;
    expect(level).toMatchObject({ level: 2, fromEvidence: 1, evidence: [] });
    expect(level.topicSuggestion).toMatchObject({ level: 2, topics: ['bidding', 'personnel-decision'] });
    expect(level.topicSuggestion!.reason.vi).toContain('chưa công bố? (KAI-CB Điều 7)');
    expect(level.topicSuggestion!.reason.vi).toContain('đấu thầu, nhân sự');
    expect(level.topicSuggestion!.evidence.map((e) => [e.topic, PUBLISHED_DECREE.slice(e.start, e.end)])).toContainEqual(['bidding', 'lựa chọn nhà thầu']);
  });

  it('is 1 once the topics are set aside; a topic not set aside still counts', () => {
    const level = scanText(PUBLISHED_DECREE, NOW).level;
    const all = setAsideTopics(level, ['bidding', 'personnel-decision']);
    expect(all).toMatchObject({ level: 1, fromEvidence: 1, topicsSetAside: ['bidding', 'personnel-decision'] });
    expect(all.topicSuggestion).toBeUndefined();
    const some = setAsideTopics(level, ['bidding']);
    expect(some).toMatchObject({ level: 2, topicSuggestion: { topics: ['personnel-decision'] }, topicsSetAside: ['bidding'] });
    expect(some.topicSuggestion!.evidence.every((e) => e.topic === 'personnel-decision')).toBe(true);
  });

  it('never sets evidence aside: a secrecy stamp, a circulation mark, a CCCD, a DỰ THẢO label', () => {
    for (const [text, expected] of [
      [`MẬT\n${PUBLISHED_DECREE}`, 4],
      [`LƯU HÀNH NỘI BỘ\n${PUBLISHED_DECREE}`, 2],
      [`${PUBLISHED_DECREE}\nÔng Nguyễn Văn An, CCCD 004080012345.`, 3],
      [`DỰ THẢO\n${PUBLISHED_DECREE}`, 2],
    ] as const) {
      const level = setAsideTopics(scanText(text, NOW).level, ['bidding', 'personnel-decision']);
      expect(level.level, text.slice(0, 20)).toBe(expected);
      expect(level.fromEvidence).toBe(expected);
    }
  });

  it('takes a blank number in an annex of form templates for a form field, not a draft', () => {
    const text = 'Điều 1. Ban hành kèm theo Thông tư này các mẫu báo cáo.\nPHỤ LỤC I\nMẫu số 01\nSố: /BTTN-….\nBÁO CÁO';
    const level = scanText(text, NOW).level;
    expect(level).toMatchObject({ level: 1, fromEvidence: 1 });
    expect(scanText('Số:      /QĐ-UBND\nQUYẾT ĐỊNH\nPHỤ LỤC I', NOW).level.fromEvidence).toBe(2);
  });
});
