// Every real .docx of the shared corpus: declare a passage, verify its claims, edit it, sign off — and
// everything that was in the file before is still there (parts byte for byte, content controls,
// custom XML, comments, tracked changes, fields).
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import { documentStatus, declarePassage, qualifiedClaimId, refresh, signOff, verifyClaim } from '../../src/workflow';
import { corpusFiles, readCorpus } from '../fixtures/docx-builder';
import { appendToPassage, context } from './helpers';

/** Parts our writes may change (the main document part is found, not assumed); the rest must come back byte for byte. */
function ours(name: string, mainDocument: string): boolean {
  const rels = mainDocument.replace(/([^/]+)$/, '_rels/$1.rels');
  return [mainDocument, rels, '[Content_Types].xml', '_rels/.rels', 'docProps/custom.xml'].includes(name) || name.startsWith('customXml/');
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const COUNTED = ['sdt', 'ins', 'del', 'fldChar', 'instrText', 'fldSimple', 'commentRangeStart', 'commentReference', 'bookmarkStart', 'tbl', 'drawing', 'pict'];

function counts(host: DocxHost): Record<string, number> {
  const doc = host.pkg.xml(host.pkg.mainDocumentPath);
  return Object.fromEntries(COUNTED.map((name) => [name, doc.getElementsByTagNameNS(W, name).length]));
}

describe.each(corpusFiles())('corpus file %s', (file) => {
  it('takes a declared passage through verification and sign-off without losing anything', async () => {
    const original = readCorpus(file);
    const before = DocxHost.open(original);
    const beforeCounts = counts(before);
    const beforeProps = await before.readProperties();
    const paragraphs = await before.readParagraphs();
    const target = paragraphs.find((p) => p.text.trim().length > 3 && !p.passageId);
    if (!target) {
      // A document with no body text (e.g. only a text box): declaring must be refused clearly.
      await expect(declarePassage(before, context(), { fromParagraph: 1, toParagraph: 1, tool: 'ChatGPT', purpose: 'draft', level: 1 })).rejects.toMatchObject({ code: expect.any(String) });
      return;
    }

    const host = DocxHost.open(original);
    const passageId = await declarePassage(host, context(), { fromParagraph: target.index, toParagraph: target.index, tool: 'ChatGPT', purpose: 'draft', level: 1 });
    const status = await documentStatus(host, context());
    for (const claim of status.state!.passages[0]!.claims) {
      await verifyClaim(host, context('Lê Văn Cường'), { claim: qualifiedClaimId(passageId, claim.claimId), evidence: { kind: 'manual', source: 'Tài liệu gốc', note: 'đối chiếu với bản gốc lưu tại văn phòng' } });
    }
    appendToPassage(host, passageId, ' (đã biên tập)');
    await refresh(host, context());
    if (status.level?.effective === 4) {
      // A stamped document (e.g. "MẬT" in a text box) with AI passages is never signable (QC-PB 7.1).
      await expect(signOff(host, context('Trần Thị Bình'), { role: 'Chánh Văn phòng' })).rejects.toMatchObject({ code: 'not-ready' });
      expect((await documentStatus(host, context())).view.readiness.kind).toBe('not-ready');
      return;
    }
    await signOff(host, context('Trần Thị Bình'), { role: 'Chánh Văn phòng' });

    const saved = DocxHost.open(host.save());
    const final = await documentStatus(saved, context());
    expect(final.record.status).toBe('ok');
    expect(final.readiness.ready).toBe(true);
    expect(final.state!.signOffs.at(-1)?.current).toBe(true);
    expect((await saved.listPassages()).map((p) => p.id)).toEqual([passageId]);

    // Everything that was there before is still there.
    const beforeParts = unzipSync(original);
    const afterParts = unzipSync(saved.save());
    for (const [name, bytes] of Object.entries(beforeParts)) {
      expect(afterParts[name], `part ${name} kept`).toBeDefined();
      if (!ours(name, before.pkg.mainDocumentPath)) expect(Buffer.from(afterParts[name]!).equals(Buffer.from(bytes)), `part ${name} byte for byte`).toBe(true);
    }
    const afterCounts = counts(saved);
    expect(afterCounts).toEqual({ ...beforeCounts, sdt: beforeCounts.sdt! + 1 });
    const afterProps = await saved.readProperties();
    for (const [name, value] of Object.entries(beforeProps)) expect(afterProps[name]).toBe(value);
    // Other custom XML parts are untouched (checked byte for byte above, as they are not ours).
    const paragraphTexts = (await saved.readParagraphs()).map((p) => p.text);
    expect(paragraphTexts.length).toBe(paragraphs.length);
  });
});
