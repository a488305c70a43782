import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_PROFILES,
  KAI_CB_2025,
  PROVIDER_TIERS,
  PURPOSES,
  QC_PB_2026,
  STRICT,
  checkSignOff,
  mergeStricter,
  profileSchema,
  type DataAction,
  type Profile,
} from '../../src/policy';

const ACTION_RANK: Record<DataAction, number> = { allow: 0, warn: 1, redact: 2, deny: 3 };
const LEVELS = [1, 2, 3, 4] as const;

/** a is at least as strict as b everywhere. */
function atLeastAsStrict(a: Profile, b: Profile): void {
  for (const level of LEVELS) {
    for (const tier of PROVIDER_TIERS) {
      const x = a.levels[level].tiers[tier];
      const y = b.levels[level].tiers[tier];
      if (x.allowed) {
        expect(y.allowed).toBe(true);
        if (y.redaction) expect(x.redaction).toBe(true);
      }
    }
  }
  for (const tier of PROVIDER_TIERS) {
    for (const kind of ['basic', 'sensitive'] as const) {
      expect(ACTION_RANK[a.personalData[kind][tier]]).toBeGreaterThanOrEqual(ACTION_RANK[b.personalData[kind][tier]]);
    }
    expect(ACTION_RANK[a.unpublishedTopics.actions[tier]]).toBeGreaterThanOrEqual(ACTION_RANK[b.unpublishedTopics.actions[tier]]);
  }
  for (const f of b.purposes.forbidden) {
    const mine = a.purposes.forbidden.find((g) => g.id === f.id);
    expect(mine, f.id).toBeDefined();
    for (const s of f.signals) expect(mine!.signals).toContain(s);
    if (f.signalAction === 'deny') expect(mine!.signalAction).toBe('deny');
  }
  for (const p of a.purposes.offered) expect(b.purposes.offered).toContain(p);
  const order = { ignore: 0, warn: 1, block: 2 };
  for (const k of ['unverifiedClaims', 'rejectedClaims', 'verbatimPassages', 'brokenRecord'] as const) {
    expect(order[a.signOff[k].action]).toBeGreaterThanOrEqual(order[b.signOff[k].action]);
  }
}

describe('built-in profiles', () => {
  it('validate against the profile schema', () => {
    for (const p of Object.values(BUILT_IN_PROFILES)) expect(() => profileSchema.parse(p)).not.toThrow();
  });

  it('strict is at least as strict as each regulation', () => {
    atLeastAsStrict(STRICT, QC_PB_2026);
    atLeastAsStrict(STRICT, KAI_CB_2025);
  });

  it('strict is computed, not copied: changing a regulation profile changes the merge', () => {
    const looser: Profile = { ...KAI_CB_2025, levels: { ...KAI_CB_2025.levels, 2: QC_PB_2026.levels[2] } };
    const merged = mergeStricter(QC_PB_2026, looser, 'x', STRICT.name);
    expect(merged.levels[2].tiers.public).toEqual({ allowed: true, redaction: true });
    expect(STRICT.levels[2].tiers.public.allowed).toBe(false);
  });

  it('merging is at least as strict as both inputs for arbitrary tier rules', () => {
    const tierRule = fc.record({ allowed: fc.boolean(), redaction: fc.boolean() });
    const tiers = fc.record({ public: tierRule, 'external-contracted': tierRule, internal: tierRule, 'licensed-secret': tierRule });
    fc.assert(
      fc.property(fc.array(tiers, { minLength: 6, maxLength: 6 }), (t) => {
        const closed4 = { public: { allowed: false, redaction: false }, 'external-contracted': { allowed: false, redaction: false }, internal: { allowed: false, redaction: false } };
        const a: Profile = { ...QC_PB_2026, levels: { 1: { ...QC_PB_2026.levels[1], tiers: t[0]! }, 2: { ...QC_PB_2026.levels[2], tiers: t[1]! }, 3: { ...QC_PB_2026.levels[3], tiers: t[2]! }, 4: { ...QC_PB_2026.levels[4], tiers: { ...t[3]!, ...closed4 } } } };
        const b: Profile = { ...KAI_CB_2025, levels: { 1: { ...KAI_CB_2025.levels[1], tiers: t[4]! }, 2: { ...KAI_CB_2025.levels[2], tiers: t[5]! }, 3: KAI_CB_2025.levels[3], 4: KAI_CB_2025.levels[4] } };
        const m = mergeStricter(a, b, 'm', STRICT.name);
        atLeastAsStrict(m, a);
        atLeastAsStrict(m, b);
      }),
      { numRuns: 60 },
    );
  });

  it('offer the six purposes, with Vietnamese and English labels', () => {
    expect(PURPOSES.map((p) => p.id)).toEqual(['draft', 'summarize', 'translate', 'outline', 'proofread', 'analyze']);
    for (const p of PURPOSES) expect(p.label.vi && p.label.en).toBeTruthy();
    expect(STRICT.purposes.offered).toEqual(PURPOSES.map((p) => p.id));
  });

  it('name the forbidden purposes with their articles, so the UI can explain their absence', () => {
    const byId = new Map(STRICT.purposes.forbidden.map((f) => [f.id, f.articles.map((a) => a.vi).join('; ')]));
    expect(byId.get('deepfake')).toContain('QC-PB Điều 7, khoản 3');
    expect(byId.get('leadership-personnel-decision')).toContain('QC-PB Điều 7, khoản 7');
    expect(byId.get('personnel-file-analysis')).toContain('QC-PB Điều 7, khoản 9');
    expect(byId.get('sanction-inspection-investigation')).toContain('KAI-CB Điều 8, khoản 1');
    expect(byId.get('appraisal-licensing-investment')).toContain('KAI-CB Điều 8, khoản 2');
    expect(byId.get('finance-approval')).toContain('KAI-CB Điều 8, khoản 6');
    expect(byId.get('secret-documents')).toContain('QC-PB Điều 7, khoản 1');
    for (const f of STRICT.purposes.forbidden) expect(f.explanation.vi.length).toBeGreaterThan(10);
  });

  it('carry the disclosure wording of each regulation, verbatim', () => {
    expect(QC_PB_2026.disclosure[0]).toMatchObject({
      text: 'Nội dung có tham khảo, hỗ trợ từ công cụ AI và đã được kiểm chứng',
      article: { vi: 'QC-PB Điều 17, khoản 3' },
    });
    expect(KAI_CB_2025.disclosure[0]).toMatchObject({
      text: 'Nội dung/kết quả có sự hỗ trợ của AI, đã được kiểm chứng bởi chuyên gia/cơ quan chuyên môn',
      article: { vi: 'KAI-CB Điều 6, khoản 5' },
    });
    expect(STRICT.disclosure.map((d) => d.text)).toEqual([QC_PB_2026.disclosure[0]!.text, KAI_CB_2025.disclosure[0]!.text]);
  });

  it('refuse a profile that opens level 4 to an ordinary provider', () => {
    const bad = { ...STRICT, levels: { ...STRICT.levels, 4: { ...STRICT.levels[4], tiers: { ...STRICT.levels[4].tiers, internal: { allowed: true, redaction: true } } } } };
    const r = profileSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('licensed-secret');
  });

  it('all Vietnamese text is NFC', () => {
    const json = JSON.stringify(BUILT_IN_PROFILES);
    expect(json.normalize('NFC')).toBe(json);
  });
});

describe('sign-off', () => {
  const clean = { unverifiedClaims: 0, rejectedClaims: 0, verbatimPassages: 0, recordIntact: true };

  it('a clean document can be signed under every profile', () => {
    for (const p of Object.values(BUILT_IN_PROFILES)) expect(checkSignOff(clean, p)).toEqual({ canSign: true, blockers: [], warnings: [] });
  });

  it('unverified claims block (QC-PB 4.2)', () => {
    const r = checkSignOff({ ...clean, unverifiedClaims: 2 }, QC_PB_2026);
    expect(r.canSign).toBe(false);
    expect(r.blockers[0]!.articles[0]!.vi).toBe('QC-PB Điều 4, khoản 2');
    expect(r.blockers[0]!.message.vi).toContain('2 số liệu');
  });

  it('verbatim AI passages warn under QC-PB but block under KAI-CB 11.5 and strict', () => {
    const state = { ...clean, verbatimPassages: 1 };
    expect(checkSignOff(state, QC_PB_2026)).toMatchObject({ canSign: true, warnings: [{ item: 'verbatimPassages' }] });
    expect(checkSignOff(state, KAI_CB_2025)).toMatchObject({ canSign: false, blockers: [{ item: 'verbatimPassages', articles: [{ vi: 'KAI-CB Điều 11, khoản 5' }] }] });
    expect(checkSignOff(state, STRICT).canSign).toBe(false);
  });

  it('a broken record blocks', () => {
    expect(checkSignOff({ ...clean, recordIntact: false }, STRICT).blockers.map((b) => b.item)).toEqual(['brokenRecord']);
  });
});
