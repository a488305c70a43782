// Every state shown about a document comes from statusView, and it is true: asserted as the texts a
// person reads, on the TỐI MẬT sample, a document with no record, and a fresh unverified draft.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import { documentStatus, insertPassage, qualifiedClaimId, signOff, verifyClaim } from '../../src/workflow';
import { AI_TEXT, GENERATION, context, editPassage, reopen, reportDocx } from './helpers';

const SECRET_SAMPLE = new URL('../../assets/samples/bao-cao-toi-mat.docx', import.meta.url);

describe('the states shown about a document (statusView)', () => {
  it('the TỐI MẬT sample with no record: no AI content, nothing to sign, never "intact" nor green', async () => {
    const host = DocxHost.open(new Uint8Array(readFileSync(SECRET_SAMPLE)));
    const status = await documentStatus(host, context());
    expect(status.level!.effective).toBe(4);
    const { view } = status;
    expect(view.integrity).toMatchObject({ kind: 'none', tone: 'subtle' });
    expect(view.integrity.label.vi).toBe('không có nội dung AI (chưa có nhật ký)');
    expect(view.integrity.label.vi).not.toContain('toàn vẹn');
    expect(view.readiness).toMatchObject({ kind: 'nothing-to-sign', canSign: false, tone: 'subtle' });
    expect(view.readiness.note.vi).not.toContain('đáp ứng các quy định');
    expect(view.steps.signoff.label.vi).toBe('không có nội dung AI');
    expect(view.steps.signoff.label.vi).not.toContain('sẵn sàng');
    for (const step of Object.values(view.steps)) expect(step.tone).not.toBe('success');
    await expect(signOff(host, context('Lê Văn Ký'))).rejects.toMatchObject({ code: 'nothing-to-sign' });
  });

  it('a plain document with no record says there is no AI content', async () => {
    const { view } = await documentStatus(DocxHost.open(reportDocx()), context());
    expect(view.integrity.label).toEqual({ vi: 'không có nội dung AI (chưa có nhật ký)', en: 'no AI content (no record)' });
    expect(view.steps.record).toMatchObject({ kind: 'not-applicable', tone: 'subtle' });
    expect(view.steps.verify).toMatchObject({ kind: 'not-applicable', label: { vi: 'không có nội dung AI' } });
  });

  it('a fresh unverified draft: record intact (not green), 0/3 verified pending, not ready with reasons', async () => {
    const host = DocxHost.open(reportDocx());
    await insertPassage(host, context(), { afterParagraph: 5, text: AI_TEXT, generation: GENERATION });
    const { view } = await documentStatus(reopen(host), context());
    expect(view.integrity).toEqual({ kind: 'intact', tone: 'informative', label: { vi: 'toàn vẹn', en: 'intact' } });
    expect(view.steps.verify).toEqual({ kind: 'pending', tone: 'warning', label: { vi: '0/3 đã kiểm chứng', en: '0/3 verified' } });
    expect(view.steps.record.tone).not.toBe('success');
    expect(view.readiness).toMatchObject({ kind: 'not-ready', canSign: false, tone: 'danger', label: { vi: 'chưa đủ điều kiện ký duyệt' } });
    expect(view.readiness.reasons.map((r) => r.vi).join('\n')).toContain('Còn 3 số liệu, trích dẫn do AI tạo ra chưa được kiểm chứng');
    expect(view.readiness.reasons.map((r) => r.vi).join('\n')).toContain('Hãy sửa đoạn đó trong văn bản, rồi cập nhật trạng thái');
    expect(view.steps.signoff).toMatchObject({ kind: 'blocked', label: { vi: 'chưa đủ điều kiện' } });
  });

  it('a level-4 document with AI passages is never ready, even with every claim verified and edited', async () => {
    let host = DocxHost.open(reportDocx(['TỐI MẬT', 'BÁO CÁO', 'Tình hình an ninh quý III.', '']));
    const passageId = await insertPassage(host, context(), { afterParagraph: 3, text: AI_TEXT, generation: GENERATION });
    host = reopen(host);
    editPassage(host, passageId, 'toàn tỉnh đã cung cấp', 'toàn tỉnh Cao Bằng đã cung cấp được');
    editPassage(host, passageId, 'Việc triển khai bám sát', 'Mọi việc triển khai đều bám sát theo đúng');
    const before = await documentStatus(host, context());
    for (const p of before.state!.passages) {
      for (const c of p.claims) await verifyClaim(host, context('Trần Thị Bình'), { claim: qualifiedClaimId(p.passageId, c.claimId), evidence: { kind: 'manual', source: 'Báo cáo 125/BC-UBND', note: 'đối chiếu với bản gốc lưu tại văn phòng' } });
    }
    const status = await documentStatus(host, context());
    expect(status.state!.totals.verified).toBe(status.state!.totals.claims);
    expect(status.level!.effective).toBe(4);
    expect(status.view.readiness.kind).toBe('not-ready');
    expect(status.readiness.blockers.map((b) => b.item)).toContain('secretWithAi');
    expect(status.view.readiness.reasons[0]!.vi).toContain('Văn bản mật (mức 4)');
    // The signer's gate applies the same rule (and the check without a level scan, too).
    expect((await documentStatus(host, context(), { level: false })).view.readiness.kind).toBe('not-ready');
    await expect(signOff(host, context('Lê Văn Ký'))).rejects.toMatchObject({ code: 'not-ready' });
  });
});
