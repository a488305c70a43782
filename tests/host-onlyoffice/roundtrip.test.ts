/**
 * Interop as far as it can be checked without ONLYOFFICE: a .docx written by the docx host (passages,
 * a verified claim, the record, the summary properties) opened the way ONLYOFFICE reads OOXML
 * (from-docx.ts) keeps its marks and its record through the ONLYOFFICE host, the workflow reads the
 * same status, and goes on working there (a new passage through the editor's commands).
 */
import { describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import { OnlyOfficeHost } from '../../src/host/onlyoffice';
import { RECORD_NAMESPACE_PREFIX } from '../../src/provenance';
import { documentStatus, insertPassage, qualifiedClaimId, verifyClaim } from '../../src/workflow';
import { AI_TEXT, GENERATION, context, reportDocx } from '../workflow/helpers';
import { fakeFromDocx } from './from-docx';

async function docxWithProvenance() {
  const host = DocxHost.open(reportDocx());
  const single = await insertPassage(host, context(), { afterParagraph: 5, text: AI_TEXT, generation: GENERATION });
  const multi = await insertPassage(host, context(), { afterParagraph: 6, text: 'Đoạn hai của AI.\nĐoạn ba của AI.', generation: GENERATION });
  const claims = (await documentStatus(host, context())).state!.passages[0]!.claims;
  await verifyClaim(host, context('Lê Văn Cường'), { claim: qualifiedClaimId(single, claims[0]!.claimId), evidence: { kind: 'manual', source: 'Cổng dịch vụ công tỉnh', note: 'đối chiếu trên cổng' } });
  return { docx: host, bytes: host.save(), single, multi };
}

describe('a .docx from the docx host, opened in ONLYOFFICE (fake)', () => {
  it('keeps the marks (tag, title, colour, paragraphs), the record and the summary', async () => {
    const { docx, bytes } = await docxWithProvenance();
    const editor = fakeFromDocx(bytes);
    const host = new OnlyOfficeHost({ asc: editor.asc });
    expect(await host.readParagraphs()).toEqual((await docx.readParagraphs()).map((p) => ({ ...p, locator: `onlyoffice-p${p.index}` })));
    expect(await host.listPassages()).toEqual(await docx.listPassages());
    expect(await host.readRecord(RECORD_NAMESPACE_PREFIX)).toBe(await docx.readRecord(RECORD_NAMESPACE_PREFIX));
    const props = await docx.readProperties();
    const ours = Object.fromEntries(Object.entries(props).filter(([name]) => name.startsWith('AIProvenance')));
    expect(Object.keys(ours).length).toBeGreaterThan(0);
    expect(await host.readProperties()).toEqual(ours);
  });

  it('the workflow reads the same status there, and a new passage goes on the same record', async () => {
    const { docx, bytes, single } = await docxWithProvenance();
    const editor = fakeFromDocx(bytes);
    const host = new OnlyOfficeHost({ asc: editor.asc });
    const there = await documentStatus(host, context());
    const here = await documentStatus(docx, context());
    expect(there.record).toEqual({ status: 'ok', intact: true });
    expect(there.state).toEqual(here.state);
    expect(there.readiness).toEqual(here.readiness);

    editor.callCommands = 0;
    const added = await insertPassage(host, context(), { afterParagraph: 1, text: 'Một đoạn AI soạn trong ONLYOFFICE.', generation: GENERATION });
    // One read, the passage, the record, the summary: 4 round trips for the whole pane action.
    expect(editor.callCommands).toBe(4);
    const after = await documentStatus(host, context());
    expect(after.record).toEqual({ status: 'ok', intact: true });
    expect(after.state!.passages.map((p) => p.passageId)).toEqual(expect.arrayContaining([single, added]));
    // Still one record part: replaced, not added beside the old one.
    expect(editor.document.xmlParts.parts.filter((part) => part.xml.includes(RECORD_NAMESPACE_PREFIX))).toHaveLength(1);
  });

  it('opened in an editor before 9.0: the marks are there, the record cannot be read and the status says so', async () => {
    const { bytes } = await docxWithProvenance();
    const editor = fakeFromDocx(bytes, { version: 8 });
    const host = new OnlyOfficeHost({ asc: editor.asc });
    const passages = await host.listPassages();
    expect(passages).toHaveLength(2);
    expect(passages.every((p) => p.tag?.startsWith('aiprov:') && p.color === null)).toBe(true);
    await expect(documentStatus(host, context())).rejects.toMatchObject({ code: 'api-not-supported' });
  });
});
