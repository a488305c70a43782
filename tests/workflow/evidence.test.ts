// issue 10 — evidence: a green tick means a named person checked the claim against evidence that
// holds it. Over real .docx bytes: the grounding kept in the record, evidence checked by code, notes
// for contradicted figures under strict, four eyes, and the weaker "checked elsewhere".
import { describe, expect, it } from 'vitest';
import { groundAnswer } from '../../src/ai';
import { DocxHost, extractText, openDocx } from '../../src/host/docx';
import { BUILT_IN_PROFILES } from '../../src/policy';
import { sha256Hex, type RecordState } from '../../src/provenance';
import { strFromU8, unzipSync } from 'fflate';
import {
  documentStatus,
  groundingOfDraft,
  insertPassage,
  qualifiedClaimId,
  signOff,
  verifyClaim,
  type WorkflowContext,
} from '../../src/workflow';
import { buildDocx, p } from '../fixtures/docx-builder';
import { AI_TEXT, GENERATION, context, editPassage, reopen, reportDocx } from './helpers';

const SOURCE_NAME = 'Báo cáo 125/BC-UBND';
/** The source given at drafting: 1.234 is in it, 87,5% is not (it says 80,0%), the decree is not named. */
const SOURCE = 'Báo cáo số 125/BC-UBND. Năm 2025, toàn tỉnh cung cấp 1.234 dịch vụ công trực tuyến, đạt 80,0% kế hoạch năm.';
const DRAFTER = 'Nguyễn Văn An';
const CHECKER = 'Trần Thị Bình';
const SIGNER = 'Lê Văn Ký';

const strict = (actor: string): WorkflowContext => ({ ...context(actor), profile: BUILT_IN_PROFILES.strict });
const qcpb = (actor: string): WorkflowContext => ({ ...context(actor), profile: BUILT_IN_PROFILES['qc-pb-2026'] });

/** A drafted passage with its grounding against SOURCE, recorded as draftIntoDocument records it. */
async function draftedDocument(ctx: WorkflowContext = strict(DRAFTER)) {
  const host = DocxHost.open(reportDocx());
  const grounding = groundAnswer({ answer: AI_TEXT, sources: [SOURCE] });
  const positioned = groundingOfDraft({ ...grounding, sourceNames: [SOURCE_NAME], sourceHashes: [await sha256Hex(SOURCE)] });
  const passageId = await insertPassage(host, ctx, {
    afterParagraph: 5,
    text: AI_TEXT,
    generation: { ...GENERATION, sources: [{ name: SOURCE_NAME, sha256: await sha256Hex(SOURCE), chars: SOURCE.length }], grounding: positioned },
  });
  const reopened = reopen(host);
  // Edited by a person (the strict profile refuses AI text left word for word).
  editPassage(reopened, passageId, 'toàn tỉnh đã cung cấp', 'toàn tỉnh Cao Bằng đã cung cấp');
  return { host: reopened, passageId };
}

const claimOf = (state: RecordState, text: string) => state.passages[0]!.claims.find((c) => c.text.includes(text))!;
async function stateOf(host: DocxHost): Promise<RecordState> {
  return (await documentStatus(host, context('aiprov'))).state!;
}

describe('verification with evidence (issue 10)', () => {
  it('keeps the grounding per claim in the record: found, contradicted (with the source value), not found', async () => {
    const { host } = await draftedDocument();
    const state = await stateOf(host);
    expect(claimOf(state, '1.234').grounding).toMatchObject({ result: 'found', source: { name: SOURCE_NAME, sha256: await sha256Hex(SOURCE) } });
    expect(claimOf(state, '1.234').grounding!.at!.snippet).toContain('1.234 dịch vụ công');
    expect(claimOf(state, '87,5%').grounding).toMatchObject({ result: 'contradicted', sourceValue: '80,0%' });
    expect(claimOf(state, '13/2023').grounding).toMatchObject({ result: 'not-found' });
  });

  it('a claim the grounding did not find cannot turn green by typing a word', async () => {
    const { host, passageId } = await draftedDocument();
    const decree = qualifiedClaimId(passageId, claimOf(await stateOf(host), '13/2023').claimId);
    const as = strict(CHECKER);
    await expect(verifyClaim(host, as, { claim: decree })).rejects.toMatchObject({ code: 'evidence-required' });
    await expect(verifyClaim(host, as, { claim: decree, evidence: { kind: 'grounding' } })).rejects.toMatchObject({ code: 'not-grounded' });
    await expect(verifyClaim(host, as, { claim: decree, evidence: { kind: 'excerpt', text: 'Báo cáo 125/BC-UBND' } })).rejects.toMatchObject({
      code: 'evidence-does-not-contain',
      bilingual: { vi: expect.stringContaining('không chứa «Nghị định số 13/2023/NĐ-CP') },
    });
    await expect(verifyClaim(host, as, { claim: decree, evidence: { kind: 'manual', source: 'Báo cáo 125/BC-UBND', note: ' ' } })).rejects.toMatchObject({
      code: 'manual-needs-source-and-note',
    });
    const state = await stateOf(host);
    expect(claimOf(state, '13/2023').status).toBe('unverified');
    expect(state.totals.verified).toBe(0);
  });

  it('an excerpt that holds the citation verifies it; the excerpt and the located passage are recorded', async () => {
    const { host, passageId } = await draftedDocument();
    const decree = qualifiedClaimId(passageId, claimOf(await stateOf(host), '13/2023').claimId);
    const excerpt = 'Căn cứ Nghị định số 13/2023/NĐ-CP ngày 17 tháng 4 năm 2023 của Chính phủ về bảo vệ dữ liệu cá nhân;';
    await verifyClaim(host, strict(CHECKER), { claim: decree, evidence: { kind: 'excerpt', name: 'Công báo', text: excerpt } });
    const claim = claimOf(await stateOf(host), '13/2023');
    expect(claim).toMatchObject({ status: 'verified', verifiedBy: CHECKER, source: 'Công báo', grounding: { result: 'not-found' } });
    expect(claim.evidence).toMatchObject({ kind: 'excerpt', name: 'Công báo', text: excerpt, sha256: await sha256Hex(excerpt) });
    if (claim.evidence?.kind !== 'excerpt') throw new Error('excerpt expected');
    expect(excerpt.slice(claim.evidence.at.start, claim.evidence.at.end)).toContain('13/2023/NĐ-CP');
  });

  it('a citation confirmed against the registry records the entry', async () => {
    const { host, passageId } = await draftedDocument();
    const decree = qualifiedClaimId(passageId, claimOf(await stateOf(host), '13/2023').claimId);
    await verifyClaim(host, strict(CHECKER), { claim: decree, evidence: { kind: 'registry' } });
    expect(claimOf(await stateOf(host), '13/2023').evidence).toMatchObject({ kind: 'registry', symbol: '13/2023/NĐ-CP', type: 'Nghị định', issued: '2023-04-17' });
    const figure = qualifiedClaimId(passageId, claimOf(await stateOf(host), '1.234').claimId);
    await expect(verifyClaim(host, strict(CHECKER), { claim: figure, evidence: { kind: 'registry' } })).rejects.toMatchObject({ code: 'registry-citation-only' });
  });

  it('a found figure is confirmed from the located passage: source name, SHA-256 and position recorded', async () => {
    const { host, passageId } = await draftedDocument();
    const figure = qualifiedClaimId(passageId, claimOf(await stateOf(host), '1.234').claimId);
    await verifyClaim(host, strict(CHECKER), { claim: figure, evidence: { kind: 'grounding' } });
    const claim = claimOf(await stateOf(host), '1.234');
    expect(claim.status).toBe('verified');
    expect(claim.evidence).toMatchObject({ kind: 'document', name: SOURCE_NAME, sha256: await sha256Hex(SOURCE), chars: SOURCE.length, fromGrounding: true });
    if (claim.evidence?.kind !== 'document') throw new Error('document expected');
    expect(SOURCE.slice(claim.evidence.at.start, claim.evidence.at.end)).toBe('1.234');
    expect(claim.evidence.at.snippet).toContain('1.234 dịch vụ công');
  });

  it('an attached .docx source: its hash and the located passage go into the record, never its content', async () => {
    const { host, passageId } = await draftedDocument();
    const sourceDocx = buildDocx({ body: [p('NIÊN GIÁM THỐNG KÊ TỈNH CAO BẰNG 2025'), p('Số dịch vụ công trực tuyến được cung cấp: 1.234 dịch vụ công trực tuyến.')].join('') + '<w:sectPr/>' });
    const text = extractText(openDocx(sourceDocx)).map((s) => s.text).join('\n\n');
    const bytesHash = await sha256Hex(sourceDocx);
    const figure = qualifiedClaimId(passageId, claimOf(await stateOf(host), '1.234').claimId);
    await verifyClaim(host, strict(CHECKER), { claim: figure, evidence: { kind: 'document', name: 'nien-giam-2025.docx', text, sha256: bytesHash } });
    const claim = claimOf(await stateOf(host), '1.234');
    expect(claim.evidence).toMatchObject({ kind: 'document', name: 'nien-giam-2025.docx', sha256: bytesHash });
    if (claim.evidence?.kind !== 'document') throw new Error('document expected');
    expect(claim.evidence.at.snippet).toContain('1.234 dịch vụ công trực tuyến');
    // The record holds the passage around the value, not the document.
    const parts = Object.values(unzipSync(host.save())).map((bytes) => strFromU8(bytes)).join('\n');
    expect(parts).toContain(bytesHash);
    expect(parts).not.toContain('NIÊN GIÁM THỐNG KÊ TỈNH CAO BẰNG 2025');
    // A document that does not hold the figure is refused.
    const other = qualifiedClaimId(passageId, claimOf(await stateOf(host), '87,5%').claimId);
    await expect(verifyClaim(host, strict(CHECKER), { claim: other, evidence: { kind: 'document', name: 'nien-giam-2025.docx', text }, note: 'x' })).rejects.toMatchObject({
      code: 'evidence-does-not-contain',
    });
  });

  it('a contradicted figure needs a note under strict, not under qc-pb-2026', async () => {
    const excerpt = 'Tỷ lệ dịch vụ công trực tuyến đạt 87,5% kế hoạch (số liệu điều chỉnh ngày 31/12/2025).';
    const a = await draftedDocument();
    const figure = qualifiedClaimId(a.passageId, claimOf(await stateOf(a.host), '87,5%').claimId);
    await expect(verifyClaim(a.host, strict(CHECKER), { claim: figure, evidence: { kind: 'excerpt', text: excerpt } })).rejects.toMatchObject({
      code: 'note-required',
      bilingual: { vi: expect.stringContaining('80,0%') },
    });
    await verifyClaim(a.host, strict(CHECKER), { claim: figure, evidence: { kind: 'excerpt', text: excerpt }, note: 'Báo cáo 125 dùng số liệu tạm tính; số chính thức đã điều chỉnh.' });
    expect(claimOf(await stateOf(a.host), '87,5%')).toMatchObject({ status: 'verified', verificationNote: expect.stringContaining('tạm tính') });

    const b = await draftedDocument(qcpb(DRAFTER));
    const other = qualifiedClaimId(b.passageId, claimOf(await stateOf(b.host), '87,5%').claimId);
    await verifyClaim(b.host, qcpb(CHECKER), { claim: other, evidence: { kind: 'excerpt', text: excerpt } });
    expect(claimOf(await stateOf(b.host), '87,5%').status).toBe('verified');
  });

  it('manual confirmation is allowed with a source and a note, and shown as the weaker kind at sign-off', async () => {
    const { host } = await draftedDocument();
    const state = await stateOf(host);
    for (const c of state.passages[0]!.claims) {
      await verifyClaim(host, strict(CHECKER), { claim: qualifiedClaimId(state.passages[0]!.passageId, c.claimId), evidence: { kind: 'manual', source: 'Hồ sơ lưu Văn phòng', note: 'đối chiếu bản giấy' }, note: 'số liệu điều chỉnh' });
    }
    const status = await documentStatus(host, strict(SIGNER));
    expect(status.state!.totals.verified).toBe(3);
    expect(status.readiness.ready).toBe(true);
    expect(status.view.readiness.warnings.map((w) => w.vi).join('\n')).toContain('chỉ được xác nhận thủ công, không có tài liệu đối chiếu');
  });
});

describe('four eyes (issue 10)', () => {
  it('the drafter verifying their own passage: blocked under strict, warned under qc-pb-2026 (with the article)', async () => {
    const a = await draftedDocument();
    const figure = qualifiedClaimId(a.passageId, claimOf(await stateOf(a.host), '1.234').claimId);
    await expect(verifyClaim(a.host, strict(DRAFTER), { claim: figure, evidence: { kind: 'grounding' } })).rejects.toMatchObject({
      code: 'self-verification',
      bilingual: { vi: expect.stringContaining('KAI-CB Điều 8, khoản 7') },
    });

    const b = await draftedDocument(qcpb(DRAFTER));
    const state = await stateOf(b.host);
    for (const c of state.passages[0]!.claims) {
      await verifyClaim(b.host, qcpb(DRAFTER), { claim: qualifiedClaimId(b.passageId, c.claimId), evidence: { kind: 'manual', source: 'Hồ sơ lưu', note: 'đã đối chiếu' } });
    }
    const status = await documentStatus(b.host, qcpb(SIGNER));
    expect(status.readiness.ready).toBe(true);
    const warnings = status.view.readiness.warnings.map((w) => w.vi).join('\n');
    expect(warnings).toContain(`do chính người soạn đoạn AI (${DRAFTER}) tự kiểm chứng`);
    expect(warnings).toContain('QC-PB Điều 4, khoản 1');
  });

  it('the verifier signing off: refused under strict with the reason, warned under qc-pb-2026', async () => {
    const run = async (ctx: (actor: string) => WorkflowContext) => {
      const { host, passageId } = await draftedDocument(ctx(DRAFTER));
      const state = await stateOf(host);
      for (const c of state.passages[0]!.claims) {
        await verifyClaim(host, ctx(CHECKER), { claim: qualifiedClaimId(passageId, c.claimId), evidence: { kind: 'manual', source: 'Hồ sơ lưu', note: 'đã đối chiếu' }, note: 'số liệu điều chỉnh' });
      }
      return host;
    };
    const strictHost = await run(strict);
    await expect(signOff(strictHost, strict(CHECKER))).rejects.toMatchObject({
      code: 'not-ready',
      reasons: expect.arrayContaining([expect.objectContaining({ vi: expect.stringContaining(`Người ký duyệt (${CHECKER}) đã tự kiểm chứng`) })]),
    });
    const view = (await documentStatus(strictHost, strict(CHECKER))).view;
    expect(view.readiness).toMatchObject({ kind: 'not-ready', canSign: false });
    expect(view.readiness.reasons.map((r) => r.vi).join('\n')).toContain('KAI-CB Điều 8, khoản 7');
    await signOff(strictHost, strict(SIGNER));

    const qcHost = await run(qcpb);
    const qcView = (await documentStatus(qcHost, qcpb(CHECKER))).view;
    expect(qcView.readiness.warnings.map((w) => w.vi).join('\n')).toContain(`Người ký duyệt (${CHECKER}) đã tự kiểm chứng`);
    const signed = await signOff(qcHost, qcpb(CHECKER));
    expect(signed.signOffs.at(-1)).toMatchObject({ by: CHECKER, current: true });
  });
});
