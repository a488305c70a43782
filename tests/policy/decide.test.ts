import { describe, expect, it } from 'vitest';
import type { Finding, SensitivityLevel } from '../../src/checks/types';
import {
  KAI_CB_2025,
  QC_PB_2026,
  STRICT,
  decide,
  profileSchema,
  providersFor,
  type Outcome,
  type Profile,
  type ProviderTier,
} from '../../src/policy';
import { mark, personal, topic } from './helpers';

interface Case {
  name: string;
  profile: Profile;
  declared?: SensitivityLevel;
  detected: SensitivityLevel;
  tier: ProviderTier;
  purpose?: string;
  findings?: Finding[];
  text?: string;
  outcome: Outcome;
  /** An article every such decision must cite (Vietnamese). */
  article: string;
  effectiveLevel?: SensitivityLevel;
  confirm?: boolean;
}

const name = personal('person-name', 'Nguyễn Văn An');
const cccd = personal('cccd', '079203001234');
const health = topic('health', 'bệnh án', true);

const cases: Case[] = [
  // Levels × tiers
  { name: 'level 1 to public AI', profile: STRICT, detected: 1, tier: 'public', outcome: 'allow', article: 'QC-PB Điều 8 (mức 1)' },
  { name: 'level 2 internal', profile: STRICT, detected: 2, tier: 'internal', outcome: 'allow', article: 'QC-PB Điều 8 (mức 2)' },
  { name: 'QC-PB level 2 to public only after redaction', profile: QC_PB_2026, detected: 2, tier: 'public', outcome: 'allow-after-redaction', article: 'QC-PB Điều 8 (mức 2)', confirm: true },
  { name: 'KAI-CB level 2 never to public AI', profile: KAI_CB_2025, detected: 2, tier: 'public', outcome: 'deny', article: 'KAI-CB Điều 7' },
  { name: 'strict level 2 to public denied', profile: STRICT, detected: 2, tier: 'public', outcome: 'deny', article: 'KAI-CB Điều 7' },
  { name: 'strict level 2 to contracted AI after redaction', profile: STRICT, detected: 2, tier: 'external-contracted', findings: [name, cccd], outcome: 'allow-after-redaction', article: 'QC-PB Điều 8 (mức 2)' },
  { name: 'level 3 never to public', profile: QC_PB_2026, detected: 3, tier: 'public', outcome: 'deny', article: 'QC-PB Điều 7, khoản 2' },
  { name: 'level 3 not to contracted AI', profile: QC_PB_2026, detected: 3, tier: 'external-contracted', outcome: 'deny', article: 'QC-PB Điều 8 (mức 3)' },
  { name: 'level 3 internal, redacted', profile: QC_PB_2026, detected: 3, tier: 'internal', findings: [name], outcome: 'allow-after-redaction', article: 'QC-PB Điều 8 (mức 3)' },
  { name: 'level 4 internal denied', profile: STRICT, detected: 4, tier: 'internal', outcome: 'deny', article: 'QC-PB Điều 7, khoản 1' },
  { name: 'level 4 licensed-secret denied by default', profile: QC_PB_2026, detected: 4, tier: 'licensed-secret', outcome: 'deny', article: 'Luật Bảo vệ bí mật nhà nước' },
  { name: 'level 4 KAI-CB public denied', profile: KAI_CB_2025, detected: 4, tier: 'public', outcome: 'deny', article: 'Luật Bảo vệ bí mật nhà nước' },
  // Declared vs detected
  { name: 'detected stricter than declared wins', profile: STRICT, declared: 1, detected: 3, tier: 'public', outcome: 'deny', article: 'QC-PB Điều 8 (mức 3)', effectiveLevel: 3 },
  { name: 'declared stricter than detected wins', profile: STRICT, declared: 4, detected: 1, tier: 'public', outcome: 'deny', article: 'QC-PB Điều 7, khoản 1', effectiveLevel: 4 },
  { name: 'secrecy stamp in the text makes it level 4', profile: STRICT, declared: 1, detected: 1, tier: 'internal', findings: [mark('secrecy', 'MẬT')], outcome: 'deny', article: 'QC-PB Điều 7, khoản 1', effectiveLevel: 4 },
  // Personal data in the text
  { name: 'QC-PB: personal data to public AI is redacted', profile: QC_PB_2026, detected: 1, tier: 'public', findings: [name], outcome: 'allow-after-redaction', article: 'QC-PB Điều 7, khoản 2' },
  { name: 'QC-PB: sensitive personal data never to public AI', profile: QC_PB_2026, detected: 1, tier: 'public', findings: [name, health], outcome: 'deny', article: 'QC-PB Điều 7, khoản 2' },
  { name: 'QC-PB: sensitive personal data to contracted AI redacted', profile: QC_PB_2026, detected: 1, tier: 'external-contracted', findings: [name, health], outcome: 'allow-after-redaction', article: 'QC-PB Điều 7, khoản 2' },
  { name: 'KAI-CB: sensitive personal data not to contracted AI', profile: KAI_CB_2025, detected: 1, tier: 'external-contracted', findings: [health], outcome: 'deny', article: 'KAI-CB Điều 8, khoản 3' },
  { name: 'personal data to internal AI at level 1 is fine', profile: STRICT, detected: 1, tier: 'internal', findings: [name], outcome: 'allow', article: 'QC-PB Điều 8 (mức 1)' },
  // Unpublished budget / bidding / planning (KAI-CB Điều 7)
  { name: 'KAI-CB budget topic to contracted AI denied', profile: KAI_CB_2025, detected: 2, tier: 'external-contracted', findings: [topic('budget', 'dự toán ngân sách')], outcome: 'deny', article: 'KAI-CB Điều 7' },
  { name: 'KAI-CB bidding topic to internal AI: confirm it is published', profile: KAI_CB_2025, detected: 2, tier: 'internal', findings: [topic('bidding', 'gói thầu')], outcome: 'warn', article: 'KAI-CB Điều 7', confirm: true },
  { name: 'QC-PB planning topic to internal AI allowed', profile: QC_PB_2026, detected: 2, tier: 'internal', findings: [topic('planning', 'quy hoạch')], outcome: 'allow', article: 'QC-PB Điều 8 (mức 2)' },
  { name: 'level 1 budget topic to public: warn only', profile: STRICT, detected: 1, tier: 'public', findings: [topic('budget', 'ngân sách')], outcome: 'warn', article: 'KAI-CB Điều 7', confirm: true },
  { name: 'text says the budget is unpublished: deny even at level 1', profile: STRICT, detected: 1, tier: 'public', text: 'Dự toán ngân sách năm 2026 chưa được công bố.', outcome: 'deny', article: 'KAI-CB Điều 7' },
  // Purposes
  { name: 'deepfake is a forbidden purpose', profile: QC_PB_2026, detected: 1, tier: 'internal', purpose: 'deepfake', outcome: 'deny', article: 'QC-PB Điều 7, khoản 3' },
  { name: 'sanctions are a forbidden purpose', profile: KAI_CB_2025, detected: 1, tier: 'internal', purpose: 'sanction-inspection-investigation', outcome: 'deny', article: 'KAI-CB Điều 8, khoản 1' },
  { name: 'strict forbids the purposes of both', profile: STRICT, detected: 1, tier: 'internal', purpose: 'personnel-file-analysis', outcome: 'deny', article: 'QC-PB Điều 7, khoản 9' },
  { name: 'a purpose nobody offers', profile: STRICT, detected: 1, tier: 'internal', purpose: 'write-poem', outcome: 'deny', article: 'QC-PB Điều 6' },
  // Signals in the text
  { name: 'KAI-CB: text about administrative sanctions', profile: KAI_CB_2025, detected: 1, tier: 'internal', text: 'Dự thảo quyết định xử phạt vi phạm hành chính đối với hộ kinh doanh', outcome: 'deny', article: 'KAI-CB Điều 8, khoản 1' },
  { name: 'QC-PB has no sanctions rule', profile: QC_PB_2026, detected: 1, tier: 'internal', text: 'Dự thảo quyết định xử phạt vi phạm hành chính đối với hộ kinh doanh', outcome: 'allow', article: 'QC-PB Điều 8 (mức 1)' },
  { name: 'QC-PB: Party-member files', profile: QC_PB_2026, detected: 1, tier: 'internal', text: 'Tổng hợp nhận xét từ Hồ sơ Đảng viên của chi bộ', outcome: 'deny', article: 'QC-PB Điều 7, khoản 9' },
  { name: 'QC-PB: cadre evaluation is a warning', profile: QC_PB_2026, detected: 1, tier: 'internal', text: 'Báo cáo kết quả đánh giá cán bộ năm 2025', outcome: 'warn', article: 'QC-PB Điều 7, khoản 7', confirm: true },
  { name: 'strict: inspection conclusions', profile: STRICT, detected: 1, tier: 'internal', text: 'Tóm tắt kết luận thanh tra số 12', outcome: 'deny', article: 'KAI-CB Điều 8, khoản 1' },
  { name: 'strict: personnel-decision topic from the checks', profile: STRICT, detected: 1, tier: 'internal', findings: [topic('personnel-decision', 'đề xuất nhân sự')], outcome: 'warn', article: 'QC-PB Điều 7, khoản 7' },
  { name: 'strict: inspection topic from the checks', profile: STRICT, detected: 1, tier: 'internal', findings: [topic('inspection', 'thanh tra')], outcome: 'deny', article: 'KAI-CB Điều 8, khoản 1' },
  { name: 'KAI-CB: finance approval is a warning', profile: KAI_CB_2025, detected: 1, tier: 'internal', text: 'Tờ trình phê duyệt quyết toán công trình', outcome: 'warn', article: 'KAI-CB Điều 8, khoản 6' },
  // Marks
  { name: 'circulation note asks before an external AI', profile: STRICT, detected: 1, tier: 'public', findings: [mark('circulation', 'LƯU HÀNH NỘI BỘ')], outcome: 'warn', article: 'QC-PB Điều 7, khoản 10' },
  { name: 'a mention of state secrets asks for care', profile: STRICT, detected: 1, tier: 'internal', findings: [mark('secrecy', 'bí mật nhà nước', false)], outcome: 'warn', article: 'QC-PB Điều 7, khoản 1' },
];

describe('decide: table of cases', () => {
  it.each(cases)('$name → $outcome', (c) => {
    const d = decide({
      level: { ...(c.declared !== undefined ? { declared: c.declared } : {}), detected: c.detected },
      providerTier: c.tier,
      findings: c.findings ?? [],
      purpose: c.purpose ?? 'draft',
      profile: c.profile,
      ...(c.text !== undefined ? { text: c.text } : {}),
    });
    expect(d.outcome).toBe(c.outcome);
    const cited = d.reasons.flatMap((r) => r.articles.map((a) => a.vi));
    expect(cited.some((a) => a.includes(c.article))).toBe(true);
    for (const r of d.reasons) {
      expect(r.article.vi.length).toBeGreaterThan(0);
      expect(r.article.en.length).toBeGreaterThan(0);
      expect(r.message.vi.length).toBeGreaterThan(0);
      expect(r.message.en.length).toBeGreaterThan(0);
    }
    if (c.effectiveLevel) expect(d.effectiveLevel).toBe(c.effectiveLevel);
    if (c.confirm !== undefined) expect(d.confirm).toBe(c.confirm);
    if (d.outcome === 'allow-after-redaction') expect(d.redact).toBeDefined();
    else expect(d.redact).toBeUndefined();
  });
});

describe('decide: details users rely on', () => {
  it('level 4 says that drafting secret documents on a networked computer is itself forbidden', () => {
    const d = decide({ level: { detected: 4 }, providerTier: 'internal', findings: [], purpose: 'draft', profile: STRICT });
    const secret = d.reasons.find((r) => r.code === 'secret')!;
    expect(secret.message.vi).toContain('máy tính có kết nối mạng');
    expect(secret.message.en).toContain('networked computer');
    expect(secret.article.vi).toContain('QC-PB Điều 7, khoản 1');
  });

  it('a profile may open level 4 to a licensed-secret provider only', () => {
    const licensed: Profile = profileSchema.parse({
      ...STRICT,
      id: 'secret-office',
      levels: { ...STRICT.levels, 4: { ...STRICT.levels[4], tiers: { ...STRICT.levels[4].tiers, 'licensed-secret': { allowed: true, redaction: false } } } },
    });
    const ok = decide({ level: { detected: 4 }, providerTier: 'licensed-secret', findings: [], purpose: 'draft', profile: licensed });
    expect(ok.outcome).toBe('allow');
    const no = decide({ level: { detected: 4 }, providerTier: 'internal', findings: [], purpose: 'draft', profile: licensed });
    expect(no.outcome).toBe('deny');
  });

  it('redaction lists the personal-data kinds found, sorted', () => {
    const d = decide({ level: { detected: 2 }, providerTier: 'external-contracted', findings: [name, cccd, name], purpose: 'summarize', profile: STRICT });
    expect(d.redact).toEqual({ kinds: ['cccd', 'person-name'] });
  });

  it('redaction with nothing recognised asks the user to review', () => {
    const d = decide({ level: { detected: 2 }, providerTier: 'external-contracted', findings: [], purpose: 'draft', profile: STRICT });
    expect(d.outcome).toBe('allow-after-redaction');
    expect(d.redact).toEqual({ kinds: [] });
    expect(d.confirm).toBe(true);
    expect(d.reasons.some((r) => r.code === 'redaction-coverage')).toBe(true);
  });

  it('a denial keeps every reason, so the user sees all that is wrong at once', () => {
    const d = decide({
      level: { detected: 3 },
      providerTier: 'public',
      findings: [health],
      purpose: 'deepfake',
      profile: STRICT,
    });
    expect(d.outcome).toBe('deny');
    expect(new Set(d.reasons.map((r) => r.code))).toEqual(new Set(['forbidden-purpose', 'level', 'sensitive-personal-data']));
  });

  it('signal phrases match across spacing, case and a few words in between', () => {
    const d = decide({ level: { detected: 2 }, providerTier: 'internal', findings: [], purpose: 'draft', profile: KAI_CB_2025, text: 'DỰ TOÁN  thu chi ngân sách năm 2026 CHƯA được công bố' });
    expect(d.reasons.find((r) => r.code === 'unpublished-topic')?.message.vi).toContain('DỰ TOÁN thu chi ngân sách năm 2026 CHƯA được công bố');
    const none = decide({ level: { detected: 2 }, providerTier: 'internal', findings: [], purpose: 'draft', profile: KAI_CB_2025, text: 'Kế hoạch công bố dự toán đã duyệt' });
    expect(none.reasons.some((r) => r.code === 'unpublished-topic')).toBe(false);
  });
});

describe('providersFor', () => {
  it('lists tiers most trusted first, with the article', () => {
    const list = providersFor(2, STRICT);
    expect(list.map((p) => p.tier)).toEqual(['licensed-secret', 'internal', 'external-contracted', 'public']);
    expect(list.find((p) => p.tier === 'public')).toMatchObject({ allowed: false });
    expect(list.find((p) => p.tier === 'external-contracted')).toMatchObject({ allowed: true, redaction: true });
    expect(list.find((p) => p.tier === 'internal')).toMatchObject({ allowed: true, redaction: false });
    for (const p of list) expect(p.article.vi).toContain('QC-PB Điều 8 (mức 2)');
  });

  it('level 4: nothing allowed, and the reason says why', () => {
    const list = providersFor(4, STRICT);
    expect(list.every((p) => !p.allowed)).toBe(true);
    expect(list[0]!.message.vi).toContain('máy tính có kết nối mạng');
  });

  it('agrees with decide() for every level and tier of every built-in profile', () => {
    for (const profile of [STRICT, QC_PB_2026, KAI_CB_2025]) {
      for (const level of [1, 2, 3, 4] as const) {
        for (const p of providersFor(level, profile)) {
          const d = decide({ level: { detected: level }, providerTier: p.tier, findings: [], purpose: 'draft', profile });
          expect(d.outcome === 'deny').toBe(!p.allowed);
          if (p.allowed) expect(d.outcome === 'allow-after-redaction').toBe(p.redaction);
        }
      }
    }
  });
});
