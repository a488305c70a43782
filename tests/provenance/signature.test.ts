// Issue 11: signed events, the signed text, and the trust list — over real .docx bytes.
import { describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import {
  GENESIS_HASH,
  RECORD_NAMESPACE,
  RECORD_NAMESPACE_PREFIX,
  checkSignatures,
  computeEventHash,
  decodeRecord,
  encodeRecord,
  generateSigningKeyPair,
  signEvent,
  signerFromKeys,
  spkiBase64,
  verifyChain,
  type EventSigner,
  type ProvenanceEvent,
  type ProvenanceRecord,
  type TrustedKey,
} from '../../src/provenance';
import { documentStatus, insertDisclosure, insertPassage, signOff, verifyClaim, type WorkflowContext } from '../../src/workflow';
import { getProfile } from '../../src/policy';
import { AI_TEXT, GENERATION, context as baseContext, reopen, reportDocx } from '../workflow/helpers';

// QC-PB only warns about a passage left word for word, so a drafted passage can be signed off here.
const QC_PB = getProfile('qc-pb-2026');
const context = (actor?: string): WorkflowContext => ({ ...baseContext(actor), profile: QC_PB });

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CHECKER = 'Lê Văn Cường';
const SIGNER = 'Trần Thị Bình';

async function person(name: string, unit = 'Sở Thông tin và Truyền thông', extra: Partial<TrustedKey> = {}) {
  const keys = await generateSigningKeyPair();
  const signer = await signerFromKeys(keys);
  const entry: TrustedKey = { name, unit, publicKey: await spkiBase64(keys.publicKey), ...extra };
  return { signer, entry };
}

function as(actor: string, signer: EventSigner | undefined, trustedKeys: TrustedKey[]): WorkflowContext {
  return { ...context(actor), ...(signer ? { signer } : {}), trustedKeys };
}

/** A drafted document whose claims are verified, disclosed and signed off, each by a signed event. */
async function signedDocument() {
  const checker = await person(CHECKER);
  const boss = await person(SIGNER);
  const trusted = [checker.entry, boss.entry];
  let host = DocxHost.open(reportDocx());
  const passageId = await insertPassage(host, context(), { afterParagraph: 5, text: AI_TEXT, generation: GENERATION });
  const status = await documentStatus(host, context(), { level: false });
  for (const claim of status.state!.passages[0]!.claims) {
    await verifyClaim(host, as(CHECKER, checker.signer, trusted), { claim: `${passageId.slice(0, 8)}.${claim.claimId}`, evidence: { kind: 'manual', source: 'Niên giám thống kê 2025', note: 'đối chiếu với bản gốc lưu tại văn phòng' } });
  }
  await insertDisclosure(host, as(CHECKER, checker.signer, trusted));
  await signOff(host, as(SIGNER, boss.signer, trusted), { role: 'Giám đốc Sở' });
  host = reopen(host);
  return { host, trusted, checker, boss, passageId };
}

async function storedRecord(host: DocxHost): Promise<ProvenanceRecord> {
  const decoded = decodeRecord((await host.readRecord(RECORD_NAMESPACE_PREFIX))!);
  if (!decoded.ok) throw new Error('no record');
  return decoded.record;
}

/** Rewrites the whole chain consistently (every hash recomputed), as a forger would. */
async function rehash(record: ProvenanceRecord, change: (event: ProvenanceEvent) => Promise<ProvenanceEvent> | ProvenanceEvent): Promise<ProvenanceRecord> {
  const events: ProvenanceEvent[] = [];
  let prev = GENESIS_HASH;
  for (const original of record.events) {
    const changed = await change(structuredClone({ ...original, prev }));
    const event = { ...changed, prev };
    event.hash = await computeEventHash(event);
    events.push(event);
    prev = event.hash;
  }
  return { ...record, events };
}

async function writeRecord(host: DocxHost, record: ProvenanceRecord) {
  await host.writeRecord(RECORD_NAMESPACE, encodeRecord(record));
  return reopen(host);
}

function editBodyParagraph(host: DocxHost, from: string, to: string) {
  const doc = host.pkg.xml(host.pkg.mainDocumentPath);
  const t = Array.from(doc.getElementsByTagNameNS(W, 't')).find((node) => node.textContent?.includes(from));
  if (!t) throw new Error(`"${from}" not found`);
  t.textContent = t.textContent!.replace(from, to);
  host.pkg.touch(host.pkg.mainDocumentPath);
}

describe('signed events (issue 11)', () => {
  it('signs verifications, the disclosure and the sign-off; all trusted, text unchanged; record is 1.3', async () => {
    const { host, trusted } = await signedDocument();
    const status = await documentStatus(host, { ...context('aiprov'), trustedKeys: trusted }, { level: false });
    expect(status.record.status).toBe('ok');
    const kinds = status.signatures!.events.map((e) => `${e.type}:${e.status}`);
    expect(kinds).toEqual([...Array(kinds.length - 2).fill('claim-verified:trusted'), 'disclosure-inserted:trusted', 'signed-off:trusted']);
    expect(status.signatures!.events.at(-1)!.trusted).toMatchObject({ name: SIGNER, unit: 'Sở Thông tin và Truyền thông' });
    expect(status.signedText).toMatchObject({ by: SIGNER, comparison: { unchanged: true, changed: [], removed: [] } });
    expect((await storedRecord(host)).schemaVersion).toBe('1.3'); // issue 17 — documentId under the chain (1.3)
  });

  it('detects a chain rewritten with recomputed hashes: the changed event’s signature is invalid', async () => {
    const { host, trusted } = await signedDocument();
    const record = await storedRecord(host);
    const forged = await rehash(record, (event) => {
      if (event.type === 'claim-verified') (event.data as { source: string }).source = 'Nguồn bịa ra';
      return event;
    });
    expect(await verifyChain(forged)).toEqual({ ok: true }); // the hash chain alone is fooled
    const forgedHost = await writeRecord(host, forged);
    const status = await documentStatus(forgedHost, { ...context('aiprov'), trustedKeys: trusted }, { level: false });
    expect(status.record.status).toBe('ok');
    expect(status.signatures!.ok).toBe(false);
    // Every event after the change moved too (prev changed), so every signed event is invalid.
    expect(new Set(status.signatures!.events.map((e) => e.status))).toEqual(new Set(['invalid']));
  });

  it('detects a forged sign-off re-signed with a key of the forger’s own: unknown key', async () => {
    const { host, trusted } = await signedDocument();
    const forger = await person(SIGNER, 'Không rõ');
    const record = await storedRecord(host);
    const forged = await rehash(record, async (event) => {
      if (event.type !== 'signed-off') return event;
      const { sig: _sig, ...data } = event.data as Record<string, unknown>;
      const core = { ...event, data };
      return { ...core, data: { ...data, sig: await signEvent(core, forger.signer) } } as ProvenanceEvent;
    });
    const status = await documentStatus(await writeRecord(host, forged), { ...context('aiprov'), trustedKeys: trusted }, { level: false });
    expect(status.signatures!.events.at(-1)).toMatchObject({ type: 'signed-off', status: 'unknown-key', keyId: forger.signer.keyId });
  });

  it('detects a text edit after sign-off and names the paragraphs', async () => {
    const { host, trusted } = await signedDocument();
    editBodyParagraph(host, 'Tiếp tục triển khai', 'Tạm dừng triển khai');
    const edited = reopen(host);
    const paragraphs = await edited.readParagraphs();
    const number = paragraphs.find((p) => p.text.startsWith('Tạm dừng'))!.index;
    const status = await documentStatus(edited, { ...context('aiprov'), trustedKeys: trusted }, { level: false });
    expect(status.signedText!.comparison).toEqual({ unchanged: false, changed: [number], removed: [number] });
    expect(status.signatures!.ok).toBe(true); // the record itself was not touched
  });

  it('treats only spacing differences as the same text', async () => {
    const { host, trusted } = await signedDocument();
    editBodyParagraph(host, 'Tiếp tục triển khai', 'Tiếp tục\u00a0 triển khai');
    const status = await documentStatus(reopen(host), { ...context('aiprov'), trustedKeys: trusted }, { level: false });
    expect(status.signedText!.comparison.unchanged).toBe(true);
  });

  it('reads a record made without keys (legacy) as unsigned, not broken', async () => {
    const host = DocxHost.open(reportDocx());
    const passageId = await insertPassage(host, context(), { afterParagraph: 5, text: AI_TEXT, generation: GENERATION });
    await verifyClaim(host, context(CHECKER), { claim: `${passageId.slice(0, 8)}.c1`, evidence: { kind: 'manual', source: 'Niên giám', note: 'đối chiếu với bản gốc lưu tại văn phòng' } });
    const status = await documentStatus(host, context('aiprov'), { level: false });
    expect(status.record.status).toBe('ok');
    expect(status.signatures).toMatchObject({ ok: true, events: [{ type: 'claim-verified', status: 'unsigned' }] });
  });

  it('a key whose trust-list name differs from the event’s person is an error', async () => {
    const { host, trusted } = await signedDocument();
    const renamed = trusted.map((e) => (e.name === SIGNER ? { ...e, name: 'Phạm Văn Dũng' } : e));
    const report = await checkSignatures(await storedRecord(host), renamed);
    expect(report.ok).toBe(false);
    expect(report.events.at(-1)).toMatchObject({ status: 'name-mismatch', actor: SIGNER, trusted: { name: 'Phạm Văn Dũng' } });
    expect(report.counts['name-mismatch']).toBe(1);
  });

  it('rotation: old signatures stay trusted against the entry valid at their time', async () => {
    const { host, trusted, boss } = await signedDocument();
    const record = await storedRecord(host);
    const signedAt = record.events.at(-1)!.at;
    const later = new Date(Date.parse(signedAt) + 86_400_000).toISOString();
    const newKey = await person(SIGNER);
    const rotated = [
      ...trusted.filter((e) => e !== boss.entry),
      { ...boss.entry, validTo: later },
      { ...newKey.entry, validFrom: later },
    ];
    expect((await checkSignatures(record, rotated)).events.at(-1)!.status).toBe('trusted');
    // An entry that expired before the signature's time does not vouch for it.
    const expired = [...trusted.filter((e) => e !== boss.entry), { ...boss.entry, validTo: '2020-01-01T00:00:00Z' }];
    expect((await checkSignatures(record, expired)).events.at(-1)!.status).toBe('not-valid-then');
  });

  it('strict option: a sign-off without a trusted key is refused when the profile blocks untrusted signers', async () => {
    const base = QC_PB;
    const profile = { ...base, signOff: { ...base.signOff, untrustedSigner: { action: 'block' as const, articles: [] } } };
    const make = async () => {
      const host = DocxHost.open(reportDocx());
      await insertPassage(host, context(), { afterParagraph: 5, text: 'Đoạn không có số liệu cần kiểm chứng, đã được biên tập lại.', generation: GENERATION });
      return host;
    };
    const stranger = await person(SIGNER);
    // (an unverified claim would block too: this passage has none)
    await expect(signOff(await make(), { ...as(SIGNER, undefined, []), profile })).rejects.toMatchObject({ code: 'not-ready' });
    await expect(signOff(await make(), { ...as(SIGNER, stranger.signer, []), profile })).rejects.toMatchObject({ code: 'not-ready' });
    await expect(signOff(await make(), { ...as(SIGNER, stranger.signer, [stranger.entry]), profile })).resolves.toBeDefined();
  });
});
