// A small, readable record for tests: one created record, passages added with real claims.
import { appendEvent, createRecord } from '../../src/provenance/chain';
import { claimRejectedData, claimVerifiedData, editedPassageData, generatedPassageData } from '../../src/provenance/builders';
import type { ClaimDraft } from '../../src/provenance/claims';
import { foldRecord, findPassage } from '../../src/provenance/fold';
import type { ProvenanceRecord } from '../../src/provenance/schema';

export const PASSAGE_ID = '3f2b8c1e-5a4d-4e6f-9a7b-1c2d3e4f5a6b';
export const SECOND_PASSAGE_ID = '7c9d0e1f-2a3b-4c5d-8e6f-0a1b2c3d4e5f';
export const DOCUMENT_ID = 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e';

export const ORIGINAL_TEXT =
  'Năm 2025, tỷ lệ hồ sơ trực tuyến toàn trình của phường đạt 87,5%, tăng 12,3% so với năm 2024. ' +
  'Thực hiện Nghị định số 13/2023/NĐ-CP, Ủy ban nhân dân phường đã rà soát 1.250 hồ sơ có dữ liệu cá nhân.';

/** Claims of a text, found the way the checks engine reports them (exact slices). */
export function claimsIn(text: string, items: Array<{ kind: 'figure' | 'citation'; subtype: string; text: string; value: string }>): ClaimDraft[] {
  return items.map((item) => {
    const start = text.indexOf(item.text);
    if (start < 0) throw new Error(`"${item.text}" is not in the text`);
    return { ...item, start, end: start + item.text.length };
  });
}

export const ORIGINAL_CLAIMS = [
  { kind: 'figure' as const, subtype: 'percentage', text: '87,5%', value: '87.5%' },
  { kind: 'figure' as const, subtype: 'percentage', text: '12,3%', value: '12.3%' },
  { kind: 'citation' as const, subtype: 'state-normative', text: 'Nghị định số 13/2023/NĐ-CP', value: '13/2023/NĐ-CP' },
  { kind: 'figure' as const, subtype: 'quantity', text: '1.250 hồ sơ', value: '1250 hồ sơ' },
];

let clock = Date.parse('2026-03-10T02:00:00.000Z');
export function nextTime(): string {
  clock += 60_000;
  return new Date(clock).toISOString();
}

export async function baseRecord(): Promise<ProvenanceRecord> {
  return createRecord({ profileId: 'strict', appVersion: '0.1.0', actor: 'Nguyễn Văn An', documentId: DOCUMENT_ID, at: nextTime() });
}

export async function withGeneratedPassage(record: ProvenanceRecord, passageId = PASSAGE_ID, text = ORIGINAL_TEXT): Promise<ProvenanceRecord> {
  const data = await generatedPassageData({
    passageId,
    origin: 'generated',
    purpose: 'draft',
    provider: { id: 'ollama-local', name: 'Ollama (máy này)', tier: 'internal', endpointHost: 'localhost:11434' },
    model: 'qwen2.5:14b-instruct',
    prompt: 'Soạn đoạn báo cáo kết quả chuyển đổi số năm 2025 của phường.',
    sources: [{ name: 'Báo cáo số 45/BC-UBND', sha256: 'a'.repeat(64), chars: 5120 }],
    redactions: { 'personal-name': 2, phone: 1 },
    originalText: text,
    claims: text === ORIGINAL_TEXT ? claimsIn(text, ORIGINAL_CLAIMS) : [],
    timings: { startedAt: nextTime(), firstTokenMs: 420, totalMs: 6100 },
    level: 2,
  });
  return appendEvent(record, { type: 'passage-generated', actor: 'Trần Thị Bích Ngọc', at: nextTime(), data });
}

export async function verify(record: ProvenanceRecord, passageId: string, claimId: string, actor = 'Lê Minh Quân', source = 'Niên giám thống kê 2025'): Promise<ProvenanceRecord> {
  const passage = findPassage(foldRecord(record), passageId)!;
  const claim = passage.claims.find((c) => c.claimId === claimId)!;
  return appendEvent(record, { type: 'claim-verified', actor, at: nextTime(), data: await claimVerifiedData(passageId, claim, source) });
}

export async function reject(record: ProvenanceRecord, passageId: string, claimId: string, reason: string): Promise<ProvenanceRecord> {
  const passage = findPassage(foldRecord(record), passageId)!;
  const claim = passage.claims.find((c) => c.claimId === claimId)!;
  return appendEvent(record, { type: 'claim-rejected', actor: 'Lê Minh Quân', at: nextTime(), data: await claimRejectedData(passageId, claim, reason) });
}

/** Edits the passage to `text`, re-extracting `claims` (given as items found in the new text). */
export async function edit(
  record: ProvenanceRecord,
  passageId: string,
  text: string,
  claims: Array<{ kind: 'figure' | 'citation'; subtype: string; text: string; value: string }>,
  actor = 'Trần Thị Bích Ngọc',
): Promise<ProvenanceRecord> {
  const passage = findPassage(foldRecord(record), passageId)!;
  return appendEvent(record, { type: 'passage-edited', actor, at: nextTime(), data: await editedPassageData(passage, text, claimsIn(text, claims)) });
}

/** A record using every event type. */
export async function fullRecord(): Promise<ProvenanceRecord> {
  let record = await baseRecord();
  record = await appendEvent(record, { type: 'level-declared', actor: 'Nguyễn Văn An', at: nextTime(), data: { level: 2 } });
  record = await withGeneratedPassage(record);
  record = await verify(record, PASSAGE_ID, 'c1');
  record = await verify(record, PASSAGE_ID, 'c3', 'Phạm Thu Hà', 'Cơ sở dữ liệu quốc gia về văn bản pháp luật');
  record = await reject(record, PASSAGE_ID, 'c4', 'Số liệu thực tế là 1.205 hồ sơ');
  record = await edit(record, PASSAGE_ID, ORIGINAL_TEXT.replace('1.250 hồ sơ', '1.205 hồ sơ'), [
    ...ORIGINAL_CLAIMS.slice(0, 3),
    { kind: 'figure', subtype: 'quantity', text: '1.205 hồ sơ', value: '1205 hồ sơ' },
  ]);
  record = await appendEvent(record, {
    type: 'passage-generated',
    actor: 'Vũ Thị Lan Anh',
    at: nextTime(),
    data: await generatedPassageData({
      passageId: SECOND_PASSAGE_ID,
      origin: 'declared',
      purpose: 'summarize',
      tool: 'ChatGPT (trình duyệt)',
      originalText: 'Tóm tắt: các đơn vị cần hoàn thành việc rà soát trong quý II.',
      claims: [],
      level: 1,
    }),
  });
  record = await appendEvent(record, { type: 'passage-rebound', actor: 'system', at: nextTime(), data: { passageId: SECOND_PASSAGE_ID, how: 'title-fingerprint' } });
  record = await appendEvent(record, { type: 'passage-removed', actor: 'Vũ Thị Lan Anh', at: nextTime(), data: { passageId: SECOND_PASSAGE_ID } });
  record = await appendEvent(record, {
    type: 'disclosure-inserted',
    actor: 'Nguyễn Văn An',
    at: nextTime(),
    data: { text: 'Nội dung có tham khảo, hỗ trợ từ công cụ AI và đã được kiểm chứng', profile: 'qc-pb-2026' },
  });
  record = await appendEvent(record, { type: 'signed-off', actor: 'Hoàng Đức Thắng', at: nextTime(), data: { role: 'Phó Chủ tịch UBND phường', summary: { passages: 1, claims: 4, verified: 2 } } });
  return record;
}
