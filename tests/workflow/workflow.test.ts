import { describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import { RECORD_NAMESPACE_PREFIX } from '../../src/provenance';
import {
  RecordUnusableError,
  WorkflowError,
  declarePassage,
  documentStatus,
  findClaim,
  insertDisclosure,
  insertPassage,
  loadRecord,
  qualifiedClaimId,
  refresh,
  rejectClaim,
  signOff,
  verifyClaim,
} from '../../src/workflow';
import { AI_TEXT, GENERATION, context, deletePassage, dropTags, editPassage, reopen, reportDocx } from './helpers';

async function withInsertedPassage() {
  const host = DocxHost.open(reportDocx());
  const passageId = await insertPassage(host, context(), { afterParagraph: 5, text: AI_TEXT, generation: GENERATION });
  return { host: reopen(host), passageId };
}

async function claimIds(host: DocxHost) {
  const status = await documentStatus(host, context());
  return status.state!.passages.flatMap((p) => p.claims.map((c) => qualifiedClaimId(p.passageId, c.claimId)));
}

describe('insert a passage', () => {
  it('marks the AI text in the document and records its figures and citations as claims', async () => {
    const { host, passageId } = await withInsertedPassage();
    const marks = await host.listPassages();
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ id: passageId, tag: `aiprov:${passageId}`, text: AI_TEXT, paragraphRange: [6, 6] });
    expect(marks[0]!.title).toBe(`AI · chưa kiểm chứng · ${passageId.slice(0, 8)}`);

    const status = await documentStatus(host, context());
    expect(status.record.status).toBe('ok');
    const passage = status.state!.passages[0]!;
    expect(passage).toMatchObject({ origin: 'generated', purpose: 'draft', model: 'qwen2.5:7b', verbatim: true, redactions: { cccd: 1 } });
    const texts = passage.claims.map((c) => c.text).join(' | ');
    expect(texts).toContain('1.234');
    expect(texts).toContain('87,5%');
    expect(texts).toContain('13/2023/NĐ-CP');
    expect(passage.claims.every((c) => c.status === 'unverified')).toBe(true);

    const props = await host.readProperties();
    expect(props.AIProvenanceClaimsVerified).toBe(`0/${passage.claims.length}`);
    expect(props.AIProvenancePassages).toBe('1');
  });

  it('leaves the paragraphs around it as they were', async () => {
    const { host } = await withInsertedPassage();
    const texts = (await host.readParagraphs()).map((p) => p.text);
    expect(texts.slice(0, 5)).toEqual([
      'ỦY BAN NHÂN DÂN TỈNH CAO BẰNG',
      'BÁO CÁO',
      'Kết quả thực hiện chuyển đổi số năm 2025',
      expect.stringContaining('2081/QĐ-UBND'),
      'I. KẾT QUẢ ĐẠT ĐƯỢC',
    ]);
    expect(texts[5]).toBe(AI_TEXT);
    expect(texts.at(-1)).toBe('Tiếp tục triển khai các nhiệm vụ theo kế hoạch.');
  });
});

describe('verify, edit and sign off', () => {
  it('refuses sign-off until every claim is verified and the passage is edited, then signs', async () => {
    const { host, passageId } = await withInsertedPassage();
    const refused = await signOff(host, context('Trần Thị Bình')).catch((e) => e);
    expect(refused).toBeInstanceOf(WorkflowError);
    expect((refused as WorkflowError).code).toBe('not-ready');
    const reasons = (refused as WorkflowError).reasons.map((r) => r.vi).join('\n');
    expect(reasons).toMatch(/chưa được kiểm chứng/);
    expect(reasons).toMatch(/nguyên văn/);

    for (const claim of await claimIds(host)) {
      await verifyClaim(host, context('Lê Văn Cường'), { claim, evidence: { kind: 'manual', source: 'Cổng dịch vụ công tỉnh, số liệu ngày 31/12/2025', note: 'đối chiếu với bản gốc lưu tại văn phòng' } });
    }
    let status = await documentStatus(host, context());
    expect(status.state!.totals.verified).toBe(status.state!.totals.claims);
    expect(status.readiness.ready).toBe(false); // still word for word

    editPassage(host, passageId, 'toàn tỉnh đã cung cấp', 'toàn tỉnh đã đưa vào vận hành');
    const refreshed = await refresh(host, context('Lê Văn Cường'));
    expect(refreshed.edited).toEqual([passageId]);
    const passage = refreshed.state.passages[0]!;
    expect(passage.verbatim).toBe(false);
    expect(passage.editRatio).toBeGreaterThan(0);
    expect(passage.editRatio).toBeLessThan(0.5);
    expect(passage.claims.every((c) => c.status === 'verified')).toBe(true); // claim texts did not change

    await signOff(host, context('Trần Thị Bình'), { role: 'Phó Giám đốc Sở' });
    const saved = reopen(host);
    status = await documentStatus(saved, context());
    expect(status.readiness.ready).toBe(true);
    expect(status.state!.signOffs.at(-1)).toMatchObject({ by: 'Trần Thị Bình', role: 'Phó Giám đốc Sở', current: true });
    expect((await saved.readProperties()).AIProvenanceSignedOff).toMatch(/^Trần Thị Bình \(Phó Giám đốc Sở\)/);
    const mark = (await saved.listPassages())[0]!;
    expect(mark.title).toBe(`AI · đã kiểm chứng · ${passageId.slice(0, 8)}`);
    expect(mark.color).toBe('2E7D32');
  });

  it('lapses a verification when the verified figure is changed, and marks the passage for review', async () => {
    const { host, passageId } = await withInsertedPassage();
    const status = await documentStatus(host, context());
    const figure = status.state!.passages[0]!.claims.find((c) => c.text.includes('87,5%'))!;
    await verifyClaim(host, context('Lê Văn Cường'), { claim: qualifiedClaimId(passageId, figure.claimId), evidence: { kind: 'manual', source: 'Báo cáo số 45/BC-STTTT', note: 'đối chiếu với bản gốc lưu tại văn phòng' } });

    editPassage(host, passageId, '87,5%', '91,2%');
    const { state } = await refresh(host, context());
    const claims = state.passages[0]!.claims;
    expect(claims.find((c) => c.text.includes('91,2%'))!.status).toBe('unverified');
    expect(state.passages[0]!.retiredClaims.some((c) => c.text.includes('87,5%'))).toBe(true);
    const mark = (await host.listPassages())[0]!;
    expect(mark.title).toMatch(/^AI · (cần xem lại|chưa kiểm chứng) · /);
  });

  it('a rejected claim blocks sign-off and turns the mark red', async () => {
    const { host, passageId } = await withInsertedPassage();
    const [first] = await claimIds(host);
    await rejectClaim(host, context(), { claim: first!, reason: 'Số liệu không khớp báo cáo chính thức' });
    const mark = (await host.listPassages())[0]!;
    expect(mark.title).toBe(`AI · cần xem lại · ${passageId.slice(0, 8)}`);
    expect(mark.color).toBe('C62828');
    const error = (await signOff(host, context()).catch((e) => e)) as WorkflowError;
    expect(error.reasons.map((r) => r.en).join('\n')).toMatch(/found wrong/);
  });

  it('refuses a verification without evidence or a source, and an unknown claim id', async () => {
    const { host } = await withInsertedPassage();
    const [first] = await claimIds(host);
    await expect(verifyClaim(host, context('Lê Văn Cường'), { claim: first! })).rejects.toMatchObject({ code: 'evidence-required' });
    await expect(verifyClaim(host, context('Lê Văn Cường'), { claim: first!, evidence: { kind: 'manual', source: '  ', note: 'đối chiếu với bản gốc lưu tại văn phòng' } })).rejects.toMatchObject({ code: 'manual-needs-source-and-note' });
    await expect(verifyClaim(host, context('Lê Văn Cường'), { claim: 'ffffffff.c9', evidence: { kind: 'manual', source: 'x', note: 'đối chiếu với bản gốc lưu tại văn phòng' } })).rejects.toMatchObject({ code: 'unknown-claim' });
  });

  it('finds a claim by its short form when only one passage has it', async () => {
    const { host, passageId } = await withInsertedPassage();
    const state = (await documentStatus(host, context())).state!;
    expect(findClaim(state, 'c1').passage.passageId).toBe(passageId);
    expect(findClaim(state, `${passageId}.c1`).claim.claimId).toBe('c1');
  });
});

describe('refresh keeps the record in step with the document', () => {
  it('records a deleted passage as removed', async () => {
    const { host, passageId } = await withInsertedPassage();
    deletePassage(host, passageId);
    const result = await refresh(host, context());
    expect(result.removed).toEqual([passageId]);
    expect(result.state.passages[0]!.removed).toBe(true);
    expect(result.state.totals.passages).toBe(0);
  });

  it('binds a passage whose tag was lost again by its title and text', async () => {
    const { host, passageId } = await withInsertedPassage();
    dropTags(host);
    const lost = await host.listPassages();
    expect(lost[0]!.tag).toBeNull();
    const result = await refresh(host, context());
    expect(result.rebound).toEqual([passageId]);
    expect(result.removed).toEqual([]);
    expect((await host.listPassages())[0]!.tag).toBe(`aiprov:${passageId}`);
  });

  it('writes nothing when nothing changed', async () => {
    const { host } = await withInsertedPassage();
    const before = await host.readRecord(RECORD_NAMESPACE_PREFIX);
    await refresh(host, context());
    expect(await host.readRecord(RECORD_NAMESPACE_PREFIX)).toBe(before);
  });
});

describe('declare pasted AI text', () => {
  it('marks existing paragraphs with the outside tool and purpose', async () => {
    const host = DocxHost.open(reportDocx([...REPORT(), AI_TEXT, 'Đoạn thứ hai do AI viết về 12 xã.']));
    const paragraphs = await host.readParagraphs();
    const from = paragraphs.length - 1;
    const passageId = await declarePassage(host, context(), { fromParagraph: from, toParagraph: from + 1, tool: 'ChatGPT', model: 'gpt-4o', purpose: 'summarize', level: 1 });
    const state = (await documentStatus(reopen(host), context())).state!;
    expect(state.passages[0]).toMatchObject({ passageId, origin: 'declared', tool: 'ChatGPT', model: 'gpt-4o', purpose: 'summarize' });
    expect(state.passages[0]!.currentText).toBe(`${AI_TEXT}\nĐoạn thứ hai do AI viết về 12 xã.`);
  });

  it('refuses a range outside the document or already marked', async () => {
    const { host } = await withInsertedPassage();
    await expect(declarePassage(host, context(), { fromParagraph: 40, toParagraph: 41, tool: 'Gemini', purpose: 'draft', level: 1 })).rejects.toMatchObject({ code: 'paragraph-range' });
    await expect(declarePassage(host, context(), { fromParagraph: 6, toParagraph: 6, tool: 'Gemini', purpose: 'draft', level: 1 })).rejects.toMatchObject({ code: 'already-marked' });
  });
});

describe('disclosure line', () => {
  it('refuses wording that says "đã được kiểm chứng" while a claim is not verified, then appends it once', async () => {
    const { host } = await withInsertedPassage();
    const paragraphsBefore = (await host.readParagraphs()).length;
    await expect(insertDisclosure(host, context())).rejects.toMatchObject({ code: 'disclosure-overstates', bilingual: { vi: expect.stringContaining('còn 3 số liệu, trích dẫn chưa được kiểm chứng') } });
    expect((await host.readParagraphs()).length).toBe(paragraphsBefore);
    for (const id of await claimIds(host)) await verifyClaim(host, context('Trần Thị Bình'), { claim: id, evidence: { kind: 'manual', source: 'Báo cáo 125/BC-UBND', note: 'đối chiếu với bản gốc lưu tại văn phòng' } });
    const text = await insertDisclosure(host, context());
    expect(text).toBe('Nội dung có tham khảo, hỗ trợ từ công cụ AI và đã được kiểm chứng');
    expect((await host.readParagraphs()).at(-1)!.text).toBe(text);
    await expect(insertDisclosure(host, context())).rejects.toMatchObject({ code: 'disclosure-present' });
    expect((await documentStatus(host, context())).state!.disclosure?.text).toBe(text);
  });
});

describe('a record that must not be touched', () => {
  it('reports an altered record and refuses to add to it', async () => {
    const { host } = await withInsertedPassage();
    const xml = (await host.readRecord(RECORD_NAMESPACE_PREFIX))!;
    // Alter one stored event: the model name in the generation event.
    const { decodeRecord, encodeRecord } = await import('../../src/provenance');
    const decoded = decodeRecord(xml);
    if (!decoded.ok) throw new Error('decode');
    const event = decoded.record.events[1]! as { data: { model: string } };
    event.data.model = 'gpt-4o';
    await host.writeRecord(RECORD_NAMESPACE_PREFIX, encodeRecord(decoded.record));
    const altered = reopen(host);
    const alteredXml = await altered.readRecord(RECORD_NAMESPACE_PREFIX);

    const status = await documentStatus(altered, context());
    expect(status.record.status).toBe('tampered');
    expect(status.readiness.ready).toBe(false);
    await expect(refresh(altered, context())).rejects.toBeInstanceOf(RecordUnusableError);
    expect(await altered.readRecord(RECORD_NAMESPACE_PREFIX)).toBe(alteredXml);
  });

  it('leaves a record of a newer major version byte for byte', async () => {
    const host = DocxHost.open(reportDocx());
    const newer = '<?xml version="1.0" encoding="UTF-8"?><record xmlns="urn:aiprov:provenance:2" schemaVersion="2.0" documentId="0b6f7c1e-3f7a-4e59-9d1c-2a7e5b1c9d00"><future/></record>';
    await host.writeRecord(RECORD_NAMESPACE_PREFIX, newer);
    const saved = reopen(host);
    const loaded = await loadRecord(saved);
    expect(loaded).toMatchObject({ status: 'unusable', code: 'newer-version' });
    await expect(insertPassage(saved, context(), { afterParagraph: 1, text: AI_TEXT, generation: GENERATION })).rejects.toBeInstanceOf(RecordUnusableError);
    expect((await saved.listPassages()).length).toBe(0);
    expect(await reopen(saved).readRecord(RECORD_NAMESPACE_PREFIX)).toContain('<future/>');
  });
});

function REPORT() {
  return ['BÁO CÁO', 'Tình hình thực hiện nhiệm vụ'];
}
