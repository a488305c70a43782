import { describe, expect, it } from 'vitest';
import { appendEvent } from '../../src/provenance/chain';
import { currentSignOffs, findPassage, foldRecord } from '../../src/provenance/fold';
import { sha256Hex } from '../../src/provenance/hash';
import { ORIGINAL_CLAIMS, ORIGINAL_TEXT, PASSAGE_ID, SECOND_PASSAGE_ID, baseRecord, edit, fullRecord, nextTime, reject, verify, withGeneratedPassage } from './scenario';

const status = (record: Parameters<typeof foldRecord>[0], claimId: string) =>
  findPassage(foldRecord(record), PASSAGE_ID)!.claims.find((c) => c.claimId === claimId)?.status;

describe('foldRecord', () => {
  it('derives a generated passage with its metadata and unverified claims', async () => {
    const state = foldRecord(await withGeneratedPassage(await baseRecord()));
    expect(state.profileId).toBe('strict');
    expect(state.createdBy).toBe('Nguyễn Văn An');
    const passage = findPassage(state, PASSAGE_ID)!;
    expect(passage).toMatchObject({
      origin: 'generated',
      purpose: 'draft',
      provider: { tier: 'internal', endpointHost: 'localhost:11434' },
      model: 'qwen2.5:14b-instruct',
      currentText: ORIGINAL_TEXT,
      originalText: ORIGINAL_TEXT,
      editRatio: 0,
      verbatim: true,
      removed: false,
      level: 2,
      createdBy: 'Trần Thị Bích Ngọc',
      redactions: { 'personal-name': 2, phone: 1 },
    });
    expect(passage.claims.map((c) => [c.claimId, c.text, c.status])).toEqual([
      ['c1', '87,5%', 'unverified'],
      ['c2', '12,3%', 'unverified'],
      ['c3', 'Nghị định số 13/2023/NĐ-CP', 'unverified'],
      ['c4', '1.250 hồ sơ', 'unverified'],
    ]);
    expect(state.totals).toMatchObject({ passages: 1, claims: 4, unverified: 4, verified: 0, verbatimPassages: 1 });
  });

  it('marks a claim verified with who, when and the source', async () => {
    const record = await verify(await withGeneratedPassage(await baseRecord()), PASSAGE_ID, 'c3', 'Phạm Thu Hà', 'vbpl.vn');
    const claim = findPassage(foldRecord(record), PASSAGE_ID)!.claims.find((c) => c.claimId === 'c3')!;
    expect(claim).toMatchObject({ status: 'verified', verifiedBy: 'Phạm Thu Hà', source: 'vbpl.vn', verifiedAt: record.events.at(-1)!.at });
  });

  it('marks a claim rejected with the reason, and a later verification wins', async () => {
    let record = await reject(await withGeneratedPassage(await baseRecord()), PASSAGE_ID, 'c2', 'Không có số liệu gốc');
    const rejected = findPassage(foldRecord(record), PASSAGE_ID)!.claims[1]!;
    expect(rejected).toMatchObject({ status: 'rejected', rejectionReason: 'Không có số liệu gốc', rejectedBy: 'Lê Minh Quân' });
    record = await verify(record, PASSAGE_ID, 'c2');
    const verified = findPassage(foldRecord(record), PASSAGE_ID)!.claims[1]!;
    expect(verified.status).toBe('verified');
    expect(verified.rejectionReason).toBeUndefined();
  });

  it('keeps verifications of claims whose text an edit did not change, and records the edit', async () => {
    let record = await verify(await withGeneratedPassage(await baseRecord()), PASSAGE_ID, 'c1');
    const newText = ORIGINAL_TEXT.replace('Năm 2025', 'Trong năm 2025');
    record = await edit(record, PASSAGE_ID, newText, ORIGINAL_CLAIMS);
    const passage = findPassage(foldRecord(record), PASSAGE_ID)!;
    expect(passage.claims.map((c) => c.claimId)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(passage.claims[0]).toMatchObject({ status: 'verified', start: ORIGINAL_TEXT.indexOf('87,5%') + 6 });
    expect(passage).toMatchObject({ currentText: newText, verbatim: false, edits: 1, lastEditedBy: 'Trần Thị Bích Ngọc' });
    expect(passage.editRatio).toBeGreaterThan(0);
    expect(passage.editRatio).toBeLessThan(0.05);
    expect(passage.currentHash).toBe(await sha256Hex(newText));
  });

  it('lapses a verification when an edit changes the claim text (new id), and re-verification restores it', async () => {
    let record = await verify(await withGeneratedPassage(await baseRecord()), PASSAGE_ID, 'c1');
    expect(status(record, 'c1')).toBe('verified');
    const changed = ORIGINAL_TEXT.replace('87,5%', '88,1%');
    record = await edit(record, PASSAGE_ID, changed, [{ kind: 'figure', subtype: 'percentage', text: '88,1%', value: '88.1%' }, ...ORIGINAL_CLAIMS.slice(1)]);
    let passage = findPassage(foldRecord(record), PASSAGE_ID)!;
    expect(passage.claims.map((c) => c.claimId)).toEqual(['c5', 'c2', 'c3', 'c4']);
    expect(passage.claims[0]!.status).toBe('unverified');
    expect(passage.retiredClaims).toEqual([expect.objectContaining({ claimId: 'c1', text: '87,5%', status: 'lapsed', lapseReason: 'claim-removed' })]);
    expect(foldRecord(record).totals.verified).toBe(0);

    record = await verify(record, PASSAGE_ID, 'c5');
    passage = findPassage(foldRecord(record), PASSAGE_ID)!;
    expect(passage.claims[0]).toMatchObject({ claimId: 'c5', status: 'verified' });
  });

  it('lapses a verification when an edit keeps the id but changes the text (a writer keeping ids by position)', async () => {
    let record = await verify(await withGeneratedPassage(await baseRecord()), PASSAGE_ID, 'c2');
    const changed = ORIGINAL_TEXT.replace('12,3%', '13,2%');
    const passage = findPassage(foldRecord(record), PASSAGE_ID)!;
    const start = changed.indexOf('13,2%');
    const claims = passage.claims.map(({ claimId, kind, subtype, value }, i) => {
      const text = i === 1 ? '13,2%' : passage.claims[i]!.text;
      const at = i === 1 ? start : changed.indexOf(text);
      return { claimId, kind, subtype, value, text, start: at, end: at + text.length };
    });
    record = await appendEvent(record, {
      type: 'passage-edited',
      actor: 'An',
      at: nextTime(),
      data: { passageId: PASSAGE_ID, text: changed, textHash: await sha256Hex(changed), editRatio: 0.01, claims },
    });
    const claim = findPassage(foldRecord(record), PASSAGE_ID)!.claims[1]!;
    expect(claim).toMatchObject({ claimId: 'c2', text: '13,2%', status: 'lapsed', lapseReason: 'text-changed', verifiedBy: 'Lê Minh Quân' });
    expect(foldRecord(record).totals.lapsed).toBe(1);
    record = await verify(record, PASSAGE_ID, 'c2');
    expect(status(record, 'c2')).toBe('verified');
  });

  it('treats a verification made against another text as lapsed and reports it', async () => {
    const record = await withGeneratedPassage(await baseRecord());
    const next = await appendEvent(record, {
      type: 'claim-verified',
      actor: 'An',
      at: nextTime(),
      data: { passageId: PASSAGE_ID, claimId: 'c1', claimText: '99,9%', claimTextHash: await sha256Hex('99,9%'), source: 'x' },
    });
    const state = foldRecord(next);
    expect(findPassage(state, PASSAGE_ID)!.claims[0]!.status).toBe('lapsed');
    expect(state.problems).toEqual([expect.objectContaining({ code: 'verification-text-mismatch', seq: 2 })]);
  });

  it('removes a passage from the totals and refuses later events on it as problems', async () => {
    let record = await withGeneratedPassage(await baseRecord());
    record = await appendEvent(record, { type: 'passage-removed', actor: 'An', at: nextTime(), data: { passageId: PASSAGE_ID } });
    let state = foldRecord(record);
    expect(findPassage(state, PASSAGE_ID)).toMatchObject({ removed: true, removedBy: 'An' });
    expect(state.totals).toMatchObject({ passages: 0, removedPassages: 1, claims: 0 });
    record = await verify(record, PASSAGE_ID, 'c1');
    state = foldRecord(record);
    expect(state.problems.map((p) => p.code)).toEqual(['passage-removed']);
  });

  it('reports events about unknown passages and claims instead of inventing them', async () => {
    let record = await withGeneratedPassage(await baseRecord());
    record = await appendEvent(record, { type: 'passage-rebound', actor: 'system', at: nextTime(), data: { passageId: SECOND_PASSAGE_ID, how: 'title-fingerprint' } });
    record = await appendEvent(record, {
      type: 'claim-verified',
      actor: 'An',
      at: nextTime(),
      data: { passageId: PASSAGE_ID, claimId: 'c42', claimText: '87,5%', claimTextHash: await sha256Hex('87,5%'), source: 'x' },
    });
    record = await withGeneratedPassage(record);
    const state = foldRecord(record);
    expect(state.problems.map((p) => p.code)).toEqual(['unknown-passage', 'unknown-claim', 'duplicate-passage']);
    expect(state.passages).toHaveLength(1);
  });

  it('counts rebinds without touching content', async () => {
    let record = await withGeneratedPassage(await baseRecord());
    record = await appendEvent(record, { type: 'passage-rebound', actor: 'system', at: nextTime(), data: { passageId: PASSAGE_ID, how: 'title-fingerprint' } });
    expect(findPassage(foldRecord(record), PASSAGE_ID)).toMatchObject({ rebinds: 1, currentText: ORIGINAL_TEXT });
  });

  it('derives the full scenario: disclosure, declared passage, sign-off, level', async () => {
    const state = foldRecord(await fullRecord());
    expect(state.declaredLevel?.level).toBe(2);
    expect(state.disclosure).toMatchObject({ profile: 'qc-pb-2026', by: 'Nguyễn Văn An' });
    const declared = findPassage(state, SECOND_PASSAGE_ID)!;
    expect(declared).toMatchObject({ origin: 'declared', tool: 'ChatGPT (trình duyệt)', rebinds: 1, removed: true });
    const main = findPassage(state, PASSAGE_ID)!;
    expect(main.claims.map((c) => [c.claimId, c.status])).toEqual([
      ['c1', 'verified'],
      ['c2', 'unverified'],
      ['c3', 'verified'],
      ['c5', 'unverified'],
    ]);
    expect(main.retiredClaims).toEqual([expect.objectContaining({ claimId: 'c4', status: 'rejected' })]);
    expect(state.totals).toMatchObject({ passages: 1, removedPassages: 1, claims: 4, verified: 2, unverified: 2, lapsed: 0, rejected: 0 });
    expect(state.signOffs).toEqual([expect.objectContaining({ by: 'Hoàng Đức Thắng', role: 'Phó Chủ tịch UBND phường', current: true })]);
    expect(state.eventCount).toBe(12);
  });

  it('keeps a sign-off current through other sign-offs and rebinds, and makes it stale after any content change', async () => {
    let record = await fullRecord();
    record = await appendEvent(record, { type: 'signed-off', actor: 'Bí thư', at: nextTime(), data: { summary: { passages: 1, claims: 4, verified: 2 } } });
    record = await appendEvent(record, { type: 'passage-rebound', actor: 'system', at: nextTime(), data: { passageId: PASSAGE_ID, how: 'title-fingerprint' } });
    expect(currentSignOffs(foldRecord(record)).map((s) => s.by)).toEqual(['Hoàng Đức Thắng', 'Bí thư']);
    record = await verify(record, PASSAGE_ID, 'c2');
    const state = foldRecord(record);
    expect(currentSignOffs(state)).toEqual([]);
    expect(state.signOffs.every((s) => !s.current)).toBe(true);
  });

  it('is a pure function of the events (same record, same state)', async () => {
    const record = await fullRecord();
    expect(JSON.stringify(foldRecord(record))).toBe(JSON.stringify(foldRecord(structuredClone(record))));
  });
});
