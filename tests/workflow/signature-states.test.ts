// issue 11 — signatures: what the pane (and any face) is shown about signatures is decided once, in
// statusView and keyStanding: per-event states, the signed text, the person's key against the trust
// list; and the default `strict` profile (untrustedSigner: block) counts a sign-off only when it is
// signed with a key on the trust list valid at its time (recorded anyway; not ready otherwise).
import { describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import { QC_PB_2026 } from '../../src/policy';
import { generateSigningKeyPair, signerFromKeys, spkiBase64 } from '../../src/provenance';
import { documentStatus, insertPassage, keyStanding, qualifiedClaimId, signOff, verifyClaim, type WorkflowContext } from '../../src/workflow';
import { testKey, testTrustList } from '../fixtures/test-keys';
import { AI_TEXT, GENERATION, appendToPassage, context, reportDocx, unsignedContext } from './helpers';

const SIGNER = 'Trần Thị Bình';
const VERIFIER = 'Lê Văn Cường';
const READER = 'Lê Thị Thu';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

async function personalKey(name: string) {
  const keys = await generateSigningKeyPair();
  const signer = await signerFromKeys(keys);
  return { signer, entry: { name, unit: 'Sở TT&TT', publicKey: await spkiBase64(keys.publicKey), validFrom: '2026-01-01T00:00:00Z' } };
}

/** A draft with every claim verified (by `ctx`, a person other than the signer: four eyes) and the passage edited: ready under strict, bar the signer rule. */
async function readyDraft(ctx: WorkflowContext): Promise<DocxHost> {
  const host = DocxHost.open(reportDocx());
  const passageId = await insertPassage(host, context(), { afterParagraph: 5, text: AI_TEXT, generation: GENERATION });
  appendToPassage(host, passageId, ' Kết quả này được Sở Thông tin và Truyền thông xác nhận.');
  const status = await documentStatus(host, ctx);
  for (const claim of status.state!.passages[0]!.claims) {
    await verifyClaim(host, ctx, {
      claim: qualifiedClaimId(passageId, claim.claimId),
      evidence: { kind: 'manual', source: 'Niên giám thống kê 2025', note: 'đối chiếu bản in lưu tại phòng' },
    });
  }
  return host;
}

describe('signature states (statusView) and the signer rule', () => {
  it('shows each signed event as trusted / unknown key, the text unchanged, then the paragraph edited after sign-off', async () => {
    const { signer, entry } = await personalKey(SIGNER);
    const verifier = await personalKey(VERIFIER);
    const ctx = { ...context(SIGNER), signer, trustedKeys: [entry, verifier.entry] };
    const host = await readyDraft({ ...context(VERIFIER), signer: verifier.signer, trustedKeys: ctx.trustedKeys });
    await signOff(host, ctx);
    const trusted = await documentStatus(host, ctx);
    expect(trusted.view.signatures.events.map((e) => e.kind)).toEqual(['trusted', 'trusted', 'trusted', 'trusted']);
    expect(trusted.view.signatures.events.at(-1)).toMatchObject({ type: 'signed-off', event: { vi: 'Ký duyệt' }, tone: 'success', owner: { name: SIGNER, unit: 'Sở TT&TT' } });
    expect(trusted.view.signatures.summary).toMatchObject({ kind: 'all-trusted', tone: 'success' });
    expect(trusted.view.signatures.signedText).toMatchObject({ kind: 'unchanged', tone: 'success' });
    expect(trusted.view.readiness.kind).toBe('signed');

    const unknown = await documentStatus(host, context(SIGNER));
    expect(unknown.view.signatures.events.every((e) => e.kind === 'unknown-key' && e.tone === 'warning')).toBe(true);
    expect(unknown.view.signatures.summary.kind).toBe('not-all-trusted');

    // A body paragraph edited after sign-off: named, red, and the document no longer reads as signed.
    const doc = host.pkg.xml(host.pkg.mainDocumentPath);
    const t = Array.from(doc.getElementsByTagNameNS(W, 't')).find((node) => node.textContent?.includes('Tiếp tục triển khai'))!;
    t.textContent = 'Dừng triển khai các nhiệm vụ.';
    host.pkg.touch(host.pkg.mainDocumentPath);
    const edited = await documentStatus(host, ctx);
    const number = (await host.readParagraphs()).find((p) => p.text.startsWith('Dừng'))!.index;
    expect(edited.view.signatures.signedText).toMatchObject({ kind: 'changed', tone: 'danger', changed: [number] });
    expect(edited.view.signatures.signedText!.label.vi).toContain('văn bản đã bị sửa sau khi ký duyệt');
    expect(edited.view.signatures.signedText!.label.vi).toContain(`đoạn ${number} khác với bản đã ký`);
    expect(edited.view.readiness.kind).not.toBe('signed');
  });

  it('a legacy unsigned record reads as unsigned (subtle), not broken', async () => {
    const ctx = unsignedContext(SIGNER);
    const host = await readyDraft(unsignedContext(VERIFIER));
    const status = await documentStatus(host, ctx);
    expect(status.view.signatures.events.map((e) => [e.kind, e.tone])).toEqual([
      ['unsigned', 'subtle'],
      ['unsigned', 'subtle'],
      ['unsigned', 'subtle'],
    ]);
    expect(status.view.signatures.summary.kind).toBe('not-all-trusted');
    expect(status.view.integrity.kind).toBe('intact');
  });

  it('keyStanding: no key, not on the list, trusted, and a key of someone else (no signer then)', async () => {
    const { signer, entry } = await personalKey(SIGNER);
    const now = new Date('2026-06-01T00:00:00Z');
    expect((await keyStanding(undefined, SIGNER, [entry], now)).kind).toBe('no-key');
    const notListed = await keyStanding({ owner: SIGNER, signer }, SIGNER, [], now);
    expect(notListed).toMatchObject({ kind: 'not-on-list', tone: 'warning' });
    expect(notListed.signer).toBe(signer);
    const trusted = await keyStanding({ owner: SIGNER, signer }, SIGNER, [entry], now);
    expect(trusted).toMatchObject({ kind: 'trusted', tone: 'success', entry: { name: SIGNER } });
    const expired = await keyStanding({ owner: SIGNER, signer }, SIGNER, [{ ...entry, validTo: '2026-03-01T00:00:00Z' }], now);
    expect(expired.kind).toBe('not-on-list');
    const otherActor = await keyStanding({ owner: SIGNER, signer }, 'Lê Văn Cường', [entry], now);
    expect(otherActor.kind).toBe('other-person');
    expect(otherActor.signer).toBeUndefined();
    const listedForOther = await keyStanding({ owner: SIGNER, signer }, SIGNER, [{ ...entry, name: 'Lê Văn Cường' }], now);
    expect(listedForOther).toMatchObject({ kind: 'other-person', tone: 'danger' });
    expect(listedForOther.signer).toBeUndefined();
  });


  it('strict, no key: the sign-off is recorded (unsigned) but the document is not ready, saying what to do; signing again with a trusted key makes it signed', async () => {
    const host = await readyDraft(context(VERIFIER));
    const noKey = { ...context(SIGNER), signer: undefined };
    // Before signing: ready, with a warning to the person about their missing key (the pane asks asSigner).
    const before = await documentStatus(host, noKey, { asSigner: true });
    expect(before.view.readiness.kind).toBe('ready');
    expect(before.readiness.warnings.map((w) => w.item)).toContain('untrustedSigner');
    expect(before.readiness.warnings.find((w) => w.item === 'untrustedSigner')!.message.vi).toContain('aiprov keys init');

    await signOff(host, noKey);
    const after = await documentStatus(host, context(READER)); // any reader with the trust list (not a verifier: four eyes)
    expect(after.state!.signOffs).toHaveLength(1);
    expect(after.view.signatures.events.at(-1)).toMatchObject({ type: 'signed-off', kind: 'unsigned' });
    expect(after.readiness.ready).toBe(false);
    expect(after.readiness.blockers.map((b) => b.item)).toEqual(['untrustedSigner']);
    expect(after.view.readiness).toMatchObject({ kind: 'not-ready', tone: 'danger', canSign: true });
    const [reason] = after.view.readiness.reasons;
    expect(reason!.vi).toContain(`Lần ký duyệt của ${SIGNER} không có chữ ký số cá nhân`);
    expect(reason!.vi).toContain('aiprov keys init');
    expect(reason!.vi).toContain('trustedKeys trong org-settings.json');
    expect(reason!.vi).toContain('QC-PB Điều 17, khoản 1');
    expect(reason!.en).toContain("to the unit's administrator, who adds it to trustedKeys in org-settings.json");
    expect(reason!.vi).toBe(reason!.vi.normalize('NFC'));
    // The pane, reading as the signer, shows the same state.
    expect((await documentStatus(host, noKey, { asSigner: true })).view.readiness.kind).toBe('not-ready');

    await signOff(host, context(SIGNER));
    const resigned = await documentStatus(host, context(READER));
    expect(resigned.view.readiness.kind).toBe('signed');
    expect(resigned.readiness.blockers).toEqual([]);
  });

  it('strict, unknown key: not ready until the administrator lists the key; then the same sign-off counts, unsigned again', async () => {
    const host = await readyDraft(context(VERIFIER));
    const fresh = await personalKey(SIGNER);
    await signOff(host, { ...context(SIGNER), signer: fresh.signer });
    const unlisted = await documentStatus(host, context(READER));
    expect(unlisted.view.signatures.events.at(-1)!.kind).toBe('unknown-key');
    expect(unlisted.view.readiness.kind).toBe('not-ready');
    expect(unlisted.view.readiness.reasons[0]!.vi).toContain('được ký bằng khóa chưa có trong danh sách khóa tin cậy');
    expect(unlisted.view.readiness.reasons[0]!.vi).toContain('không cần ký lại');
    // The administrator adds the entry (valid from before the sign-off): signed, with nothing re-signed.
    const listed = await documentStatus(host, { ...context(READER), trustedKeys: [...testTrustList(), fresh.entry] });
    expect(listed.view.readiness.kind).toBe('signed');
    expect(listed.state!.signOffs).toHaveLength(1);
  });

  it('strict, trusted key: ready before, signed after; the same in qc-pb-2026, which does not ask for keys', async () => {
    const host = await readyDraft(context(VERIFIER));
    const before = await documentStatus(host, context(SIGNER), { asSigner: true });
    expect(before.view.readiness.kind).toBe('ready');
    expect(before.readiness.warnings.map((w) => w.item)).not.toContain('untrustedSigner');
    await signOff(host, context(SIGNER));
    const after = await documentStatus(host, context(READER));
    expect(after.view.readiness.kind).toBe('signed');
    expect(after.view.signatures.events.at(-1)).toMatchObject({ kind: 'trusted', owner: { name: SIGNER } });

    const qcpb = DocxHost.open(reportDocx());
    const id = await insertPassage(qcpb, { ...unsignedContext(), profile: QC_PB_2026 }, { afterParagraph: 5, text: 'Đoạn văn do AI gợi ý, không có số liệu.', generation: GENERATION });
    appendToPassage(qcpb, id, ' Đã biên tập lại.');
    await signOff(qcpb, { ...unsignedContext(SIGNER), profile: QC_PB_2026 });
    expect((await documentStatus(qcpb, { ...unsignedContext(VERIFIER), profile: QC_PB_2026 })).view.readiness.kind).toBe('signed');
  });

  it('strict: a listed key outside its validity window at the time of sign-off is not ready', async () => {
    for (const window of [{ validFrom: '2027-01-01T00:00:00Z' }, { validFrom: '2025-01-01T00:00:00Z', validTo: '2026-06-30T00:00:00Z' }]) {
      const host = await readyDraft(context(VERIFIER));
      const key = testKey(SIGNER, `window ${JSON.stringify(window)}`);
      const trustedKeys = [...testTrustList().filter((e) => e.name !== SIGNER), { ...key.entry, ...window }];
      await signOff(host, { ...context(SIGNER), signer: key.signer, trustedKeys });
      const status = await documentStatus(host, { ...context(READER), trustedKeys });
      expect(status.view.signatures.events.at(-1)!.kind).toBe('not-valid-then');
      expect(status.view.readiness.kind).toBe('not-ready');
      expect(status.view.readiness.reasons[0]!.vi).toContain('không có hiệu lực trong danh sách khóa tin cậy vào lúc ký');
    }
  });

  it('strict: a rotated key — the old entry was valid when it signed — still reads as signed', async () => {
    const host = await readyDraft(context(VERIFIER));
    const oldKey = testKey(SIGNER, 'rotation old');
    const newKey = testKey(SIGNER, 'rotation new');
    const rotated = [
      ...testTrustList().filter((e) => e.name !== SIGNER),
      { ...oldKey.entry, validFrom: '2025-01-01T00:00:00Z', validTo: '2026-12-01T00:00:00Z' },
      { ...newKey.entry, validFrom: '2026-12-01T00:00:00Z' },
    ];
    await signOff(host, { ...context(SIGNER), signer: oldKey.signer, trustedKeys: rotated }); // 2026-11-22: old key valid
    // Read months later, when only the new key is valid: the old signature is checked against its own entry.
    const later = await documentStatus(host, { ...context(READER, '2027-05-01T00:00:00.000Z'), trustedKeys: rotated });
    expect(later.view.signatures.events.at(-1)).toMatchObject({ kind: 'trusted', owner: { name: SIGNER } });
    expect(later.view.readiness.kind).toBe('signed');
  });
});
