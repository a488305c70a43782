import { describe, expect, it } from 'vitest';
import { assignClaimIds, claimsFromFindings } from '../../src/provenance/claims';
import { computeEditRatio } from '../../src/provenance/edit';
import { fingerprintDistance, fingerprintMatches, passageFingerprint } from '../../src/provenance/fingerprint';
import { SCHEMA_MINOR, strictSchemas, validateEvent } from '../../src/provenance/schema';
import type { Finding } from '../../src/checks/types';
import { ORIGINAL_CLAIMS, ORIGINAL_TEXT, PASSAGE_ID, claimsIn, fullRecord } from './scenario';

const generated = () => ({
  passageId: PASSAGE_ID,
  origin: 'generated' as const,
  purpose: 'draft' as const,
  provider: { id: 'ollama', name: 'Ollama', tier: 'internal' as const, endpointHost: 'localhost:11434' },
  originalText: ORIGINAL_TEXT,
  originalHash: 'a'.repeat(64),
  fingerprint: '0123456789abcdef',
  claims: assignClaimIds(claimsIn(ORIGINAL_TEXT, ORIGINAL_CLAIMS)),
  level: 2,
});

describe('event schemas', () => {
  const schema = strictSchemas.data['passage-generated'];

  it('accepts a complete generated passage', () => {
    expect(schema.safeParse(generated()).success).toBe(true);
  });

  it.each([
    ['a generated passage without provider', { provider: undefined }],
    ['a declared passage without the tool name', { origin: 'declared' }],
    ['a purpose outside the list', { purpose: 'personnel-evaluation' }],
    ['a level outside 1–4', { level: 5 }],
    ['a provider tier outside the list', { provider: { id: 'x', name: 'X', tier: 'cloud', endpointHost: 'x' } }],
    ['a non-hex hash', { originalHash: 'xyz' }],
    ['an unknown field', { apiKeyHint: 'no' }],
    ['negative redaction counts', { redactions: { phone: -1 } }],
    ['claims whose text is not at their offsets', { claims: [{ claimId: 'c1', kind: 'figure', subtype: 'percentage', text: '87,5%', value: '87.5%', start: 0, end: 5 }] }],
    ['duplicate claim ids', { claims: assignClaimIds(claimsIn(ORIGINAL_TEXT, ORIGINAL_CLAIMS.slice(0, 2))).map((c) => ({ ...c, claimId: 'c1' })) }],
  ])('refuses %s', (_label, change) => {
    expect(schema.safeParse({ ...generated(), ...change }).success).toBe(false);
  });

  it('bounds edit ratios to 0..1 and requires claims to match the edited text', () => {
    const edited = strictSchemas.data['passage-edited'];
    const base = { passageId: PASSAGE_ID, text: ORIGINAL_TEXT, textHash: 'b'.repeat(64), editRatio: 0.3, claims: assignClaimIds(claimsIn(ORIGINAL_TEXT, ORIGINAL_CLAIMS)) };
    expect(edited.safeParse(base).success).toBe(true);
    expect(edited.safeParse({ ...base, editRatio: 1.2 }).success).toBe(false);
    expect(edited.safeParse({ ...base, text: 'Văn bản khác hẳn.' }).success).toBe(false);
  });

  it('validates stored events of this version strictly and of a newer minor version loosely', async () => {
    const record = await fullRecord();
    for (const event of record.events) expect(validateEvent(event, SCHEMA_MINOR)).toEqual({ ok: true, known: true });
    const extended = { ...record.events[1]!, data: { level: 2, reason: 'new in 1.1' } };
    expect(validateEvent(extended, SCHEMA_MINOR).ok).toBe(false);
    expect(validateEvent(extended, SCHEMA_MINOR + 1)).toEqual({ ok: true, known: true });
    const unknown = { ...record.events[1]!, type: 'future-thing', data: { a: [1] } };
    expect(validateEvent(unknown, SCHEMA_MINOR).ok).toBe(false);
    expect(validateEvent(unknown, SCHEMA_MINOR + 1)).toEqual({ ok: true, known: false });
    expect(validateEvent({ ...record.events[1]!, actor: 'An\u0007' }, 0).ok).toBe(false);
  });
});

describe('claims', () => {
  it('takes figures and citations from the findings, in text order, and ignores other findings', () => {
    const base = { confidence: 0.9, recogniser: 'test', explanation: { vi: '', en: '' } };
    const findings: Finding[] = [
      { ...base, kind: 'citation', subtype: 'state-normative', text: 'Nghị định số 13/2023/NĐ-CP', value: '13/2023/NĐ-CP', start: 104, end: 130, citation: { system: 'state' } },
      { ...base, kind: 'personal-data', subtype: 'phone', text: '0912345678', value: '0912345678', start: 0, end: 10, sensitivity: 'basic' },
      { ...base, kind: 'figure', subtype: 'percentage', text: '87,5%', value: '87.5%', start: 59, end: 64 },
    ];
    expect(claimsFromFindings(findings).map((c) => c.text)).toEqual(['87,5%', 'Nghị định số 13/2023/NĐ-CP']);
  });

  it('keeps ids for unchanged claims and never reuses an old id for new text', () => {
    const first = assignClaimIds(claimsIn(ORIGINAL_TEXT, ORIGINAL_CLAIMS));
    expect(first.map((c) => c.claimId)).toEqual(['c1', 'c2', 'c3', 'c4']);
    const text = ORIGINAL_TEXT.replace('12,3%', '13,2%');
    const again = assignClaimIds(
      claimsIn(text, [ORIGINAL_CLAIMS[0]!, { kind: 'figure', subtype: 'percentage', text: '13,2%', value: '13.2%' }, ORIGINAL_CLAIMS[2]!, ORIGINAL_CLAIMS[3]!]),
      first,
      ['c7'],
    );
    expect(again.map((c) => c.claimId)).toEqual(['c1', 'c8', 'c3', 'c4']);
  });
});

describe('fingerprint and edit ratio', () => {
  it('stays close for a lightly edited passage and far for an unrelated one', () => {
    const fp = passageFingerprint(ORIGINAL_TEXT);
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    expect(passageFingerprint(ORIGINAL_TEXT.toUpperCase().replace(/\s+/g, '  '))).toBe(fp);
    const edited = ORIGINAL_TEXT.replace('1.250 hồ sơ', '1.205 hồ sơ');
    expect(fingerprintMatches(fp, edited)).toBe(true);
    const other = 'Kế hoạch tổ chức hội nghị tổng kết công tác thi đua khen thưởng của ngành giáo dục trong năm học mới, bảo đảm an toàn, tiết kiệm và hiệu quả.';
    expect(fingerprintDistance(fp, passageFingerprint(other))).toBeGreaterThan(16);
    expect(fingerprintMatches(fp, other)).toBe(false);
  });

  it('measures edits from 0 (untouched) to 1 (nothing kept)', () => {
    expect(computeEditRatio(ORIGINAL_TEXT, ORIGINAL_TEXT)).toBe(0);
    expect(computeEditRatio('abc', 'xyz')).toBe(1);
    const small = computeEditRatio(ORIGINAL_TEXT, ORIGINAL_TEXT.replace('87,5%', '88,1%'));
    expect(small).toBeGreaterThan(0);
    expect(small).toBeLessThan(0.05);
    expect(computeEditRatio(ORIGINAL_TEXT, ORIGINAL_TEXT.slice(0, 60))).toBeGreaterThan(0.5);
  });
});

// issue 9 — level (1.3): a confirmation that the document is published names the suggestion set aside.
describe('level-declared with a suggestion set aside', () => {
  const declared = strictSchemas.data['level-declared'];
  it('accepts the topics set aside, and a declaration without them (older records)', () => {
    expect(declared.safeParse({ level: 1, setAside: { suggestion: 'topic', topics: ['bidding', 'personnel-decision'] } }).success).toBe(true);
    expect(declared.safeParse({ level: 2 }).success).toBe(true);
  });
  it.each([
    ['no topics', { suggestion: 'topic', topics: [] }],
    ['evidence, which is never set aside', { suggestion: 'stamp', topics: ['secrecy'] }],
    ['a topic that is not a code', { suggestion: 'topic', topics: ['Ngân sách'] }],
  ])('refuses %s', (_name, setAside) => {
    expect(declared.safeParse({ level: 1, setAside }).success).toBe(false);
  });
});
