// Issue 17: tampering the hash chain alone cannot see is detected, reported with a clear message,
// and blocks readiness; `check` and `inspect` exit 2. Files altered as bytes, the way an attacker would.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import { RECORD_NAMESPACE_PREFIX, decodeRecord, encodeRecord } from '../../src/provenance';
import { documentStatus, insertPassage, verifyClaim } from '../../src/workflow';
import { AI_TEXT, GENERATION, context, reportDocx } from '../workflow/helpers';
import { aiprov, tempDir } from '../cli/run';

let dir: string;
let drafted: Uint8Array;
beforeAll(async () => {
  dir = tempDir();
  const host = DocxHost.open(reportDocx());
  await insertPassage(host, context(), { afterParagraph: 5, text: AI_TEXT, generation: GENERATION });
  const passage = (await documentStatus(host, context())).state!.passages[0]!;
  await verifyClaim(host, context('Lê Văn Cường'), { claim: `${passage.passageId}.${passage.claims[0]!.claimId}`, evidence: { kind: 'manual', source: 'Niên giám thống kê 2025', note: 'đối chiếu với bản gốc lưu tại văn phòng' } });
  drafted = host.save();
});

function alterParts(bytes: Uint8Array, change: (parts: Record<string, Uint8Array>) => void): Uint8Array {
  const parts = unzipSync(bytes);
  change(parts);
  return zipSync(parts);
}

async function expectAltered(bytes: Uint8Array, name: string, message: RegExp) {
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
  // Nothing more may be written on top of it.
  const verify = await aiprov('verify', path, '--claim', 'x.c1', '--evidence', 'manual', '--note', 'đối chiếu bản gốc', '--source', 'x', '--by', 'A', '-o', join(dir, `${name}.out.docx`));
  expect(verify.code).toBe(2);
}

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
