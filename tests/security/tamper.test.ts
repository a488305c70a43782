// Issue 17: tampering the hash chain alone cannot see is detected, reported with a clear message,
// and blocks readiness; `check` and `inspect` exit 2. Files altered as bytes, the way an attacker would.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import { RECORD_NAMESPACE_PREFIX, computeEventHash, decodeRecord, encodeRecord, type ProvenanceEvent } from '../../src/provenance';
import { documentStatus, insertDisclosure, refresh, verifyClaim } from '../../src/workflow';
import { reportDocx, unsignedContext as context } from '../workflow/helpers';
import { aiprov, tempDir } from '../cli/run';
import { alterParts, draftedReport } from './fixture';

let dir: string;
let drafted: Uint8Array;
beforeAll(async () => {
  dir = tempDir();
  drafted = await draftedReport({ verified: true });
});

async function expectAltered(bytes: Uint8Array, name: string, message: RegExp, options: { writesRefused?: boolean } = {}) {
  const host = DocxHost.open(bytes);
  const status = await documentStatus(host, context());
  expect(['tampered', 'unusable']).toContain(status.record.status);
  expect(status.readiness.ready).toBe(false);
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const check = await aiprov('check', path);
  expect(check.code).toBe(2);
  expect(check.stderr).toMatch(message);
  const inspect = await aiprov('inspect', path, '--json');
  expect(inspect.code).toBe(2);
  if (options.writesRefused === false) return; // reported and blocking readiness; writes not yet refused
  // Nothing more may be written on top of it.
  const verify = await aiprov('verify', path, '--claim', 'x.c1', '--evidence', 'manual', '--note', 'đối chiếu bản gốc', '--source', 'x', '--by', 'A', '-o', join(dir, `${name}.out.docx`));
  expect(verify.code).toBe(2);
}

// issue 17 — tamper: what the record vouches for, changed in the text without an event.
const editDocument = (bytes: Uint8Array, edit: (xml: string) => string) =>
  alterParts(bytes, (parts) => {
    const before = strFromU8(parts['word/document.xml']!);
    const after = edit(before);
    expect(after).not.toBe(before);
    parts['word/document.xml'] = strToU8(after);
  });

describe('the text changed without a record event', () => {
  // The people here have no personal key (unsigned events), as before issue 11.
  let disclosed: Uint8Array;
  beforeAll(async () => {
    // Edited by a person (not verbatim any more), refreshed, every claim verified, disclosed: ready.
    const host = DocxHost.open(editDocument(drafted, (xml) => xml.replace('toàn tỉnh', 'cả tỉnh')));
    await refresh(host, context());
    const passage = (await documentStatus(host, context())).state!.passages[0]!;
    for (const claim of passage.claims.filter((c) => c.status !== 'verified')) await verifyClaim(host, context('Lê Văn Cường'), { claim: `${passage.passageId}.${claim.claimId}`, evidence: { kind: 'manual', source: 'Nghị định 13/2023/NĐ-CP', note: 'đối chiếu văn bản gốc' } });
    await insertDisclosure(host, context());
    disclosed = host.save();
    const status = await documentStatus(DocxHost.open(disclosed), context());
    expect(status.record.status).toBe('ok');
    expect(status.readiness.ready, JSON.stringify(status.readiness.blockers)).toBe(true);
  });

  it('the disclosure line edited to "chưa được kiểm chứng"', async () => {
    const state = (await documentStatus(DocxHost.open(disclosed), context())).state!;
    const line = state.disclosure!.text;
    const bytes = editDocument(disclosed, (xml) => xml.replace(line, 'Văn bản có sử dụng AI, nội dung chưa được kiểm chứng.'));
    await expectAltered(bytes, 'disclosure-edited.docx', /Dòng ghi chú về sử dụng AI đã bị sửa hoặc xoá/u, { writesRefused: false });
  });

  it("a passage's content control removed and its verified figure edited", async () => {
    const bytes = editDocument(disclosed, (xml) =>
      xml
        .replace(/<w:sdt>(?:(?!<w:sdt>).)*?<w:sdtContent>((?:(?!<w:sdt>).)*?)<\/w:sdtContent><\/w:sdt>/su, '$1')
        .replace('1.234', '9.876'),
    );
    await expectAltered(bytes, 'unmarked.docx', /Vùng đánh dấu của đoạn AI [0-9a-f]{8} đã bị gỡ nhưng nội dung vẫn còn/u, { writesRefused: false });
  });

  it("an AI mark's verified figure edited: the verification lapses and check names the claim, not ready", async () => {
    const bytes = editDocument(disclosed, (xml) => xml.replace('1.234', '9.876'));
    const status = await documentStatus(DocxHost.open(bytes), context());
    expect(status.readiness.ready).toBe(false);
    expect(status.pending.edited).toHaveLength(1);
    const path = join(dir, 'figure-edited.docx');
    writeFileSync(path, bytes);
    const check = await aiprov('check', path);
    expect(check.code).toBe(1);
  });

  it('untouched, the disclosed document is intact and ready (no false alarm)', async () => {
    const path = join(dir, 'disclosed.docx');
    writeFileSync(path, disclosed);
    const check = await aiprov('check', path);
    expect(check.code).toBe(0);
    // Its unsigned events (verifications, the disclosure) in one line with their count, not one line each.
    const unsigned = check.stdout.split('\n').filter((line) => /không có chữ ký/u.test(line));
    expect(unsigned).toHaveLength(1);
    expect(unsigned[0]).toMatch(/^ {2}\d+ sự kiện không có chữ ký .*: #\d+, #\d+/u);
  });
});

describe('tampering the chain cannot see', () => {
  it('the tail of the record cut and the anchor attributes deleted', async () => {
    const host = DocxHost.open(drafted);
    const decoded = decodeRecord((await host.readRecord(RECORD_NAMESPACE_PREFIX))!);
    if (!decoded.ok) throw new Error('decode');
    decoded.record.events.pop(); // the verification disappears
    const xml = encodeRecord(decoded.record).replace(/\s(?:eventCount|headHash)="[^"]*"/gu, '');
    await host.writeRecord(RECORD_NAMESPACE_PREFIX, xml);
    await expectAltered(host.save(), 'cut-tail.docx', /dấu neo/u);
  });

  // issue 17 — tamper (record 1.3): the record-created event names the documentId.
  it("the record's documentId changed (root attribute, as bytes)", async () => {
    const bytes = alterParts(drafted, (parts) => {
      const xml = strFromU8(parts['customXml/item1.xml']!);
      const after = xml.replace(/documentId="[0-9a-f-]{36}"/u, 'documentId="0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b"');
      expect(after).not.toBe(xml);
      parts['customXml/item1.xml'] = strToU8(after);
    });
    await expectAltered(bytes, 'document-id.docx', /Mã hồ sơ văn bản \(documentId\) đã bị thay đổi sau khi ghi/u);
  });

  it('a record begun before 1.3 (no documentId in record-created) reads intact, and says its documentId is not covered', async () => {
    const host = DocxHost.open(drafted);
    const decoded = decodeRecord((await host.readRecord(RECORD_NAMESPACE_PREFIX))!);
    if (!decoded.ok) throw new Error('decode');
    // The record as a 1.2 writer made it: the same events, record-created without documentId, re-chained.
    const events: ProvenanceEvent[] = [];
    for (const [i, event] of decoded.record.events.entries()) {
      const { documentId: _id, ...data } = event.data as Record<string, unknown>;
      const unsigned = { ...event, data: i === 0 ? data : event.data, prev: i === 0 ? event.prev : events[i - 1]!.hash };
      events.push({ ...unsigned, hash: await computeEventHash(unsigned) } as ProvenanceEvent);
    }
    await host.writeRecord(RECORD_NAMESPACE_PREFIX, encodeRecord({ ...decoded.record, schemaVersion: '1.2', events }));
    const path = join(dir, 'record-1.2.docx');
    writeFileSync(path, host.save());
    const inspect = await aiprov('inspect', path, '--json');
    expect(inspect.code).toBe(0); // read, not altered (2)
    const json = JSON.parse(inspect.stdout) as { record: { status: string; documentIdCovered: boolean }; integrity: { kind: string; note?: { en: string } } };
    expect(json.record).toMatchObject({ status: 'ok', documentIdCovered: false });
    expect(json.integrity.kind).toBe('intact');
    expect(json.integrity.note?.en).toMatch(/begun before format 1\.3: its documentId is not under the hash chain/u);
    const text = await aiprov('--lang', 'en', 'inspect', path);
    expect(text.stdout).toMatch(/AI-use record: intact .*\n  This record was begun before format 1\.3/u);
    expect((await aiprov('check', path)).code).toBe(1); // not ready (claims to verify), not altered (2)
    // A record of this version says nothing of the kind.
    const current = JSON.parse((await aiprov('inspect', join(dir, 'disclosed.docx'), '--json')).stdout || '{}') as { record?: { documentIdCovered?: boolean } };
    if (current.record) expect(current.record.documentIdCovered).toBe(true);
  });

  it('the record part removed while the AI-tagged control and AIProvenance* properties remain', async () => {
    const bytes = alterParts(drafted, (parts) => {
      delete parts['customXml/item1.xml'];
      delete parts['customXml/itemProps1.xml'];
      delete parts['customXml/_rels/item1.xml.rels'];
      parts['word/_rels/document.xml.rels'] = strToU8(strFromU8(parts['word/_rels/document.xml.rels']!).replace(/<Relationship [^>]*customXml[^>]*\/>/u, ''));
    });
    await expectAltered(bytes, 'no-record.docx', /Hồ sơ sử dụng AI đã bị xoá.*vùng đánh dấu nội dung AI.*AIProvenance/u);
  });

  it('the record part removed and the properties too: the AI mark alone still tells', async () => {
    const bytes = alterParts(drafted, (parts) => {
      delete parts['customXml/item1.xml'];
      delete parts['customXml/itemProps1.xml'];
      delete parts['customXml/_rels/item1.xml.rels'];
      parts['word/_rels/document.xml.rels'] = strToU8(strFromU8(parts['word/_rels/document.xml.rels']!).replace(/<Relationship [^>]*customXml[^>]*\/>/u, ''));
      parts['docProps/custom.xml'] = strToU8(strFromU8(parts['docProps/custom.xml']!).replace(/<property [^>]*name="AIProvenance[^"]*"[^>]*>.*?<\/property>/gu, ''));
    });
    await expectAltered(bytes, 'no-record-no-props.docx', /vùng đánh dấu nội dung AI/u);
  });

  it('an untouched document still reads as intact (no false alarm)', async () => {
    const status = await documentStatus(DocxHost.open(drafted), context());
    expect(status.record.status).toBe('ok');
    const plain = await documentStatus(DocxHost.open(reportDocx()), context());
    expect(plain.record.status).toBe('none');
  });
});
