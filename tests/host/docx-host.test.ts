import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { DocxHost, findRecordPart, openDocx } from '../../src/host/docx';
import { relsPartFor } from '../../src/host/docx/package';
import { readZipDirectory } from '../../src/host/docx/zip';
import { HostError } from '../../src/host/port';
import { buildDocx, corpusFiles, HAS_SHARED_CORPUS, sharedTitle, p, readCorpus } from '../fixtures/docx-builder';

const RECORD_NS = 'urn:aiprov:record:1';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const ID_A = '0b7c8e2a-1111-4a4a-9c9c-000000000001';
const ID_B = '0b7c8e2a-2222-4a4a-9c9c-000000000002';
const record = (n: number) => `<record xmlns="${RECORD_NS}" version="1"><event seq="${n}">Đoạn do AI soạn</event></record>`;

/** Elements of document.xml worth counting to show that nothing of someone else's was lost. */
function census(xml: string) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const count = (local: string) => doc.getElementsByTagNameNS(W, local).length;
  const tags = Array.from(doc.getElementsByTagNameNS(W, 'tag')).map((t) => t.getAttributeNS(W, 'val') ?? '');
  return {
    sdt: count('sdt'),
    foreignTags: tags.filter((t) => !t.startsWith('aiprov:')).sort(),
    ins: count('ins'),
    del: count('del'),
    fldChar: count('fldChar'),
    instrText: count('instrText'),
    commentRangeStart: count('commentRangeStart'),
    commentRangeEnd: count('commentRangeEnd'),
    fldSimple: count('fldSimple'),
  };
}

const text = (host: DocxHost, part: string) => new TextDecoder().decode(host.pkg.bytes(part));

async function expectHostError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HostError);
  expect((error as HostError).code).toBe(code);
  expect((error as HostError).bilingual.vi.length).toBeGreaterThan(0);
}

describe('DocxHost on every real document: mark, insert, record, properties, save, reopen', () => {
  it.each(corpusFiles())('%s keeps what is not ours and reads back what is', async (name) => {
    const original = readCorpus(name);
    const before = openDocx(original);
    const host = new DocxHost(openDocx(original));
    const paragraphs = await host.readParagraphs();
    expect(paragraphs.map((x) => x.index)).toEqual(paragraphs.map((_, i) => i + 1));
    const originalProps = await host.readProperties();

    // Mark the first paragraph that can be marked on its own (a table cell or body paragraph).
    let marked = 0;
    for (const candidate of paragraphs) {
      try {
        await host.markPassage({ passageId: ID_A, fromParagraph: candidate.index, toParagraph: candidate.index, title: 'AI · chưa kiểm chứng · 0b7c', color: '#FFC000' });
        marked = candidate.index;
        break;
      } catch (error) {
        if (!(error instanceof HostError)) throw error;
      }
    }
    expect(marked).toBeGreaterThan(0);
    await host.insertPassage({ passageId: ID_B, afterParagraph: paragraphs.length, text: 'Dòng một\nDòng hai', title: 'AI · đã kiểm chứng · 0b7c', color: '00B050' });
    await host.writeRecord(RECORD_NS, record(1));
    await host.writeProperties({ AIProvenanceStatus: '1/2 claims verified' });
    const saved = host.save();

    const reopened = new DocxHost(openDocx(saved));
    const passages = await reopened.listPassages();
    const a = passages.find((x) => x.id === ID_A)!;
    const b = passages.find((x) => x.id === ID_B)!;
    expect(a).toMatchObject({ tag: `aiprov:${ID_A}`, title: 'AI · chưa kiểm chứng · 0b7c', color: 'FFC000', paragraphRange: [marked, marked] });
    expect(a.text).toBe(paragraphs[marked - 1]!.text);
    expect(b).toMatchObject({ color: '00B050', text: 'Dòng một\nDòng hai' });
    const after = await reopened.readParagraphs();
    expect(after).toHaveLength(paragraphs.length + 2);
    expect(after.map((x) => x.text).slice(0, paragraphs.length)).toEqual(paragraphs.map((x) => x.text));
    expect(after[marked - 1]!.passageId).toBe(ID_A);
    expect(await reopened.readRecord(RECORD_NS)).toContain('Đoạn do AI soạn');
    expect(await reopened.readProperties()).toEqual({ ...originalProps, AIProvenanceStatus: '1/2 claims verified' });

    const ours = new Set(['[content_types].xml', '_rels/.rels', before.mainDocumentPath.toLowerCase(), relsPartFor(before.mainDocumentPath).toLowerCase(), 'docprops/custom.xml']);
    const ourRecord = findRecordPart(reopened.pkg, RECORD_NS)!;
    ours.add(ourRecord.toLowerCase());
    ours.add(ourRecord.replace('item', 'itemProps').toLowerCase());
    ours.add(ourRecord.replace('customXml/', 'customXml/_rels/').toLowerCase() + '.rels');
    for (const part of before.partNames()) {
      expect(reopened.pkg.has(part) || part.endsWith('/'), part).toBe(true);
      if (ours.has(part.toLowerCase()) || part.endsWith('/')) continue;
      expect(Buffer.from(reopened.pkg.bytes(part)).equals(Buffer.from(before.bytes(part))), `${part} changed`).toBe(true);
    }
    const was = census(new TextDecoder().decode(before.bytes(before.mainDocumentPath)));
    const now = census(text(reopened, before.mainDocumentPath));
    expect(now).toEqual({ ...was, sdt: was.sdt + 2 });
    // Text in headers, notes, comments, text boxes is untouched.
    const stories = (await reopened.readAllText()).filter((s) => s.kind !== 'body');
    expect(stories).toEqual((await new DocxHost(openDocx(original)).readAllText()).filter((s) => s.kind !== 'body'));
  });

  it.skipIf(!HAS_SHARED_CORPUS)(sharedTitle('copies untouched entries compressed exactly as they were (same raw bytes and CRC)'), async () => {
    const original = readCorpus('sample-docx.docx');
    const host = DocxHost.open(original);
    await host.markPassage({ passageId: ID_A, fromParagraph: 1, toParagraph: 1, title: 'AI · a', color: '#FFC000' });
    const before = new Map(readZipDirectory(original).map((e) => [e.name, e]));
    const after = readZipDirectory(host.save());
    expect(after.map((e) => e.name)).toEqual([...before.keys()]);
    for (const entry of after) {
      const old = before.get(entry.name)!;
      if (entry.name === 'word/document.xml') {
        expect(Buffer.from(entry.raw).equals(Buffer.from(old.raw))).toBe(false);
        continue;
      }
      expect(entry.crc32).toBe(old.crc32);
      expect(Buffer.from(entry.raw).equals(Buffer.from(old.raw)), entry.name).toBe(true);
    }
  });
});

describe('marking passages', () => {
  const tableDoc = () =>
    buildDocx({
      body:
        p('Mở đầu') +
        `<w:tbl><w:tblPr/><w:tr><w:tc>${p('Ô 1a')}${p('Ô 1b')}</w:tc><w:tc>${p('Ô 2')}</w:tc></w:tr></w:tbl>` +
        p('Kết') +
        '<w:sectPr/>',
    });

  it('wraps a range in one block-level rich-text control with tag, title, colour and a unique id', async () => {
    const host = DocxHost.open(buildDocx({ body: p('Một') + p('Hai') + p('Ba') + '<w:sectPr/>' }));
    await host.markPassage({ passageId: ID_A, fromParagraph: 2, toParagraph: 3, title: 'AI · chưa kiểm chứng', color: 'ffc000' });
    const xml = text(host, 'word/document.xml');
    expect(xml).toMatch(/<w:sdt><w:sdtPr><w:alias w:val="AI · chưa kiểm chứng"\/><w:tag w:val="aiprov:0b7c8e2a-1111-4a4a-9c9c-000000000001"\/><w:id w:val="-?\d+"\/><w15:color w:val="FFC000"\/><\/w:sdtPr><w:sdtContent><w:p>.*Hai.*Ba.*<\/w:sdtContent><\/w:sdt><w:sectPr\/>/);
    expect(xml).toContain('xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"');
    expect(xml).toContain('mc:Ignorable="w14 w15"');
    expect((await host.readParagraphs()).map((x) => x.passageId)).toEqual([undefined, ID_A, ID_A]);
  });

  it('marks paragraphs inside one table cell, or a whole table, but refuses to cut across a table', async () => {
    const host = DocxHost.open(tableDoc());
    await host.markPassage({ passageId: ID_A, fromParagraph: 2, toParagraph: 3, title: 'AI · x', color: '#FF0000' });
    expect((await host.listPassages())[0]!.paragraphRange).toEqual([2, 3]);
    await expectHostError(host.markPassage({ passageId: ID_B, fromParagraph: 1, toParagraph: 2, title: 'AI · y', color: '#FF0000' }), 'crosses-table');
    await expectHostError(host.markPassage({ passageId: ID_B, fromParagraph: 3, toParagraph: 4, title: 'AI · y', color: '#FF0000' }), 'crosses-table');
    await expectHostError(host.markPassage({ passageId: ID_B, fromParagraph: 4, toParagraph: 5, title: 'AI · y', color: '#FF0000' }), 'crosses-table');

    const whole = DocxHost.open(tableDoc());
    await whole.markPassage({ passageId: ID_B, fromParagraph: 1, toParagraph: 5, title: 'AI · y', color: '#FF0000' });
    const passage = (await whole.listPassages())[0]!;
    expect(passage.paragraphRange).toEqual([1, 5]);
    expect(passage.text).toBe('Mở đầu\nÔ 1a\nÔ 1b\nÔ 2\nKết');
  });

  it('refuses overlapping passages, reused ids, bad colours and paragraphs that do not exist', async () => {
    const host = DocxHost.open(buildDocx({ body: p('Một') + p('Hai') + p('Ba') }));
    await host.markPassage({ passageId: ID_A, fromParagraph: 2, toParagraph: 2, title: 'AI · a', color: '#FFC000' });
    await expectHostError(host.markPassage({ passageId: ID_B, fromParagraph: 1, toParagraph: 3, title: 'AI · b', color: '#FFC000' }), 'overlaps-passage');
    await expectHostError(host.markPassage({ passageId: ID_A, fromParagraph: 3, toParagraph: 3, title: 'AI · b', color: '#FFC000' }), 'passage-exists');
    await expectHostError(host.markPassage({ passageId: ID_B, fromParagraph: 3, toParagraph: 3, title: 'AI · b', color: 'amber' }), 'invalid-color');
    await expectHostError(host.markPassage({ passageId: ID_B, fromParagraph: 3, toParagraph: 9, title: 'AI · b', color: '#FFC000' }), 'paragraph-out-of-range');
    await expectHostError(host.markPassage({ passageId: ID_B, fromParagraph: 3, toParagraph: 1, title: 'AI · b', color: '#FFC000' }), 'paragraph-out-of-range');
  });

  it('updates title and colour, and removing the mark keeps the text', async () => {
    const host = DocxHost.open(buildDocx({ body: p('Một') + p('Hai') }));
    await host.markPassage({ passageId: ID_A, fromParagraph: 1, toParagraph: 2, title: 'AI · chưa kiểm chứng', color: '#FFC000' });
    await host.updatePassage({ passageId: ID_A, title: 'AI · đã kiểm chứng', color: '#00B050' });
    expect(await host.listPassages()).toMatchObject([{ id: ID_A, title: 'AI · đã kiểm chứng', color: '00B050' }]);
    await host.removeMark(ID_A);
    expect(await host.listPassages()).toEqual([]);
    expect((await host.readParagraphs()).map((x) => x.text)).toEqual(['Một', 'Hai']);
    expect(text(host, 'word/document.xml')).not.toContain('w:sdt');
    await expectHostError(host.updatePassage({ passageId: ID_A, title: 'x' }), 'passage-not-found');
    await expectHostError(host.removeMark(ID_A), 'passage-not-found');
  });

  it('finds a control whose tag was lost (LibreOffice) by its "AI · " title and binds it again', async () => {
    const untagged = (id: string, title: string, body: string) =>
      `<w:sdt><w:sdtPr><w:alias w:val="${title}"/><w:id w:val="${id}"/></w:sdtPr><w:sdtContent>${body}</w:sdtContent></w:sdt>`;
    const host = DocxHost.open(
      buildDocx({
        body:
          p('Trước') +
          untagged('11', 'AI · chưa kiểm chứng · 0b7c', p('Văn bản AI')) +
          untagged('12', 'Tên cơ quan', p('Không phải AI')) +
          untagged('13', 'AI · chưa kiểm chứng · 9f9f', p('Một đoạn khác')),
      }),
    );
    const passages = await host.listPassages();
    expect(passages.map((x) => [x.id, x.tag, x.paragraphRange])).toEqual([
      ['untagged:11', null, [2, 2]],
      ['untagged:13', null, [4, 4]],
    ]);
    await host.rebindPassage(ID_A, { title: 'AI · chưa kiểm chứng · 0b7c' });
    await host.rebindPassage(ID_B, { controlId: 'untagged:13' });
    expect((await host.listPassages()).map((x) => [x.id, x.tag])).toEqual([
      [ID_A, `aiprov:${ID_A}`],
      [ID_B, `aiprov:${ID_B}`],
    ]);
    await expectHostError(host.rebindPassage('ccc', { title: 'AI · chưa kiểm chứng · 0b7c' }), 'passage-not-found');
  });

  it('refuses to rebind when two untagged controls share the title', async () => {
    const c = `<w:sdt><w:sdtPr><w:alias w:val="AI · x"/></w:sdtPr><w:sdtContent>${p('a')}</w:sdtContent></w:sdt>`;
    const host = DocxHost.open(buildDocx({ body: c + c }));
    await expectHostError(host.rebindPassage(ID_A, { title: 'AI · x' }), 'ambiguous-target');
  });
});

describe('inserting passages and paragraphs', () => {
  const styled = (text: string, style: string) =>
    `<w:p><w:pPr><w:pStyle w:val="${style}"/><w:jc w:val="both"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>` +
    `<w:r><w:rPr><w:rFonts w:ascii="Times New Roman"/><w:sz w:val="28"/></w:rPr><w:t>${text}</w:t></w:r></w:p>`;

  it('inserts new paragraphs in a control, copying body formatting but not list numbering or headings', async () => {
    const host = DocxHost.open(buildDocx({ body: styled('Tiêu đề', 'Heading1') + styled('Thân', 'BodyText') + '<w:sectPr/>' }));
    await host.insertPassage({ passageId: ID_A, afterParagraph: 2, text: 'Dòng 1\tcó tab\nDòng 2', title: 'AI · chưa kiểm chứng', color: '#FFC000' });
    const paragraphs = await host.readParagraphs();
    expect(paragraphs.map((x) => [x.text, x.passageId])).toEqual([
      ['Tiêu đề', undefined],
      ['Thân', undefined],
      ['Dòng 1\tcó tab', ID_A],
      ['Dòng 2', ID_A],
    ]);
    const xml = text(host, 'word/document.xml');
    const inserted = xml.slice(xml.indexOf('<w:sdtContent>'));
    expect(inserted).toContain('<w:pStyle w:val="BodyText"/>');
    expect(inserted).toContain('<w:sz w:val="28"/>');
    expect(inserted).not.toContain('numPr');
    await host.insertPassage({ passageId: ID_B, afterParagraph: 0, text: 'Đầu', title: 'AI · b', color: '#FFC000' });
    const first = (await host.readParagraphs())[0]!;
    expect([first.text, first.passageId]).toEqual(['Đầu', ID_B]);
    expect(xml.indexOf('Heading1')).toBeGreaterThan(0);
    expect(text(host, 'word/document.xml').split('Heading1').length).toBe(2);
  });

  it('inserts after a passage, but not into its middle', async () => {
    const host = DocxHost.open(buildDocx({ body: p('Một') + p('Hai') + p('Ba') }));
    await host.markPassage({ passageId: ID_A, fromParagraph: 1, toParagraph: 2, title: 'AI · a', color: '#FFC000' });
    await expectHostError(host.insertPassage({ passageId: ID_B, afterParagraph: 1, text: 'x', title: 'AI · b', color: '#FFC000' }), 'overlaps-passage');
    await host.insertPassage({ passageId: ID_B, afterParagraph: 2, text: 'x', title: 'AI · b', color: '#FFC000' });
    expect((await host.listPassages()).map((x) => [x.id, x.paragraphRange])).toEqual([
      [ID_A, [1, 2]],
      [ID_B, [3, 3]],
    ]);
  });

  it('adds a disclosure paragraph at the end of the body, before the final section properties', async () => {
    const host = DocxHost.open(buildDocx({ body: p('Một') + p('Hai') + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>' }));
    const index = await host.insertParagraph({ afterParagraph: 'end', text: 'Văn bản có sử dụng AI hỗ trợ soạn thảo.' });
    expect(index).toBe(3);
    expect(text(host, 'word/document.xml')).toMatch(/sử dụng AI hỗ trợ soạn thảo\.<\/w:t><\/w:r><\/w:p><w:sectPr>/);
    expect(await host.insertParagraph({ afterParagraph: 1, text: 'Giữa' })).toBe(2);
    expect((await host.readParagraphs()).map((x) => x.text)).toEqual(['Một', 'Giữa', 'Hai', 'Văn bản có sử dụng AI hỗ trợ soạn thảo.']);
  });

  it('keeps paragraph locators stable when paragraphs are inserted before them', async () => {
    const host = DocxHost.open(buildDocx({ body: p('Một') + p('Hai') }));
    const before = await host.readParagraphs();
    await host.insertParagraph({ afterParagraph: 0, text: 'Mới' });
    const after = await host.readParagraphs();
    expect(after[1]!.locator).toBe(before[0]!.locator);
    expect(after[2]!.locator).toBe(before[1]!.locator);
    expect(new Set(after.map((x) => x.locator)).size).toBe(3);
  });
});

describe('the record part and custom properties', () => {
  it('finds the record by root namespace whatever the item is called, and rewrites only that part', async () => {
    const other = '<?xml version="1.0"?><data xmlns="urn:someone-else"><x>1</x></data>';
    const ours = `<?xml version="1.0"?>${record(1)}`;
    const bytes = buildDocx({
      parts: {
        'customXml/item7.xml': other,
        'customXml/item3.xml': ours,
        'customXml/itemProps3.xml': '<?xml version="1.0"?><ds:datastoreItem ds:itemID="{00000000-0000-0000-0000-000000000003}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>',
      },
    });
    const host = DocxHost.open(bytes);
    expect(await host.readRecord(RECORD_NS)).toContain('seq="1"');
    expect(await host.readRecord('urn:nobody')).toBeNull();
    await host.writeRecord(RECORD_NS, record(2));
    expect(host.pkg.modifiedParts()).toEqual(['customXml/item3.xml']);
    const reopened = DocxHost.open(host.save());
    expect(await reopened.readRecord(RECORD_NS)).toContain('seq="2"');
    expect(new TextDecoder().decode(reopened.pkg.bytes('customXml/item7.xml'))).toBe(other);
  });

  it.skipIf(!HAS_SHARED_CORPUS)(sharedTitle('creates the record part with its itemProps, relationships and content type'), async () => {
    const host = DocxHost.open(readCorpus('databinding__conventions.docx'));
    const itemsBefore = host.pkg.partNames().filter((n) => n.startsWith('customXml/'));
    await host.writeRecord(RECORD_NS, record(1));
    const reopened = DocxHost.open(host.save());
    const pkg = reopened.pkg;
    expect(pkg.has('customXml/item7.xml')).toBe(true);
    expect(pkg.contentType('customXml/itemProps7.xml')).toBe('application/vnd.openxmlformats-officedocument.customXmlProperties+xml');
    expect(pkg.relationships('customXml/item7.xml')).toMatchObject([{ targetPart: 'customXml/itemProps7.xml' }]);
    expect(pkg.relationships('word/document.xml').filter((r) => r.targetPart === 'customXml/item7.xml')).toHaveLength(1);
    expect(new TextDecoder().decode(pkg.bytes('customXml/itemProps7.xml'))).toMatch(/ds:itemID="\{[0-9A-F-]{36}\}".*ds:schemaRef ds:uri="urn:aiprov:record:1"/);
    for (const name of itemsBefore) expect(pkg.has(name)).toBe(true);
    expect(await reopened.readRecord(RECORD_NS)).toContain('Đoạn do AI soạn');
  });

  it('refuses a record whose root is not in the namespace, or that is not XML', async () => {
    const host = DocxHost.open(buildDocx());
    await expectHostError(host.writeRecord(RECORD_NS, '<record xmlns="urn:other"/>'), 'invalid-record');
    await expectHostError(host.writeRecord(RECORD_NS, '<record'), 'invalid-record');
    await expectHostError(host.writeRecord(RECORD_NS, `<!DOCTYPE r [<!ENTITY e "x">]><record xmlns="${RECORD_NS}"/>`), 'invalid-record');
  });

  it.skipIf(!HAS_SHARED_CORPUS)(sharedTitle('adds custom properties next to existing ones, with unique pids, and creates the part when absent'), async () => {
    const host = DocxHost.open(readCorpus('docProps.docx'));
    const before = await host.readProperties();
    expect(Object.keys(before).length).toBeGreaterThan(0);
    await host.writeProperties({ AIProvenanceStatus: '3/5 claims verified', AIProvenancePassages: '5' });
    await host.writeProperties({ AIProvenanceStatus: '4/5 claims verified' });
    const reopened = DocxHost.open(host.save());
    expect(await reopened.readProperties()).toEqual({ ...before, AIProvenanceStatus: '4/5 claims verified', AIProvenancePassages: '5' });
    const pids = [...new TextDecoder().decode(reopened.pkg.bytes('docProps/custom.xml')).matchAll(/pid="(\d+)"/g)].map((m) => Number(m[1]));
    expect(new Set(pids).size).toBe(pids.length);
    expect(Math.min(...pids)).toBeGreaterThanOrEqual(2);

    const fresh = DocxHost.open(buildDocx());
    expect(await fresh.readProperties()).toEqual({});
    await fresh.writeProperties({ AIProvenanceStatus: '0/0' });
    const again = DocxHost.open(fresh.save());
    expect(await again.readProperties()).toEqual({ AIProvenanceStatus: '0/0' });
    expect(again.pkg.contentType('docProps/custom.xml')).toBe('application/vnd.openxmlformats-officedocument.custom-properties+xml');
  });
});

describe('Word-style XML survives serialisation', () => {
  it.skipIf(!HAS_SHARED_CORPUS)(sharedTitle('keeps namespace declarations, prefixes, mc:Ignorable and the XML declaration'), async () => {
    const original = readCorpus('vml__textbox.docx');
    const host = DocxHost.open(original);
    const before = text(host, 'word/document.xml');
    await host.markPassage({ passageId: ID_A, fromParagraph: 1, toParagraph: 1, title: 'AI · a', color: '#FFC000' });
    const after = new TextDecoder().decode(DocxHost.open(host.save()).pkg.bytes('word/document.xml'));
    expect(after.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
    for (const decl of before.match(/xmlns:\w+="[^"]+"/g)!) expect(after).toContain(decl);
    expect(after).toContain('mc:Ignorable="w14 wp14 w15"');
    expect(after).toContain('o:gfxdata=');
    expect(after).toContain('<v:textbox');
    expect((await DocxHost.open(host.save()).readAllText()).find((s) => s.kind === 'textbox')!.text).toContain('v:textbox/w:txbxContent');
  });

  it('declares the markup-compatibility namespace when a document has none', async () => {
    const host = DocxHost.open(buildDocx({ document: `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${p('x')}</w:body></w:document>` }));
    await host.markPassage({ passageId: ID_A, fromParagraph: 1, toParagraph: 1, title: 'AI · a', color: '#FFC000' });
    const xml = text(host, 'word/document.xml');
    expect(xml).toContain('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"');
    expect(xml).toContain('mc:Ignorable="w15"');
    expect(DocxHost.open(host.save())).toBeInstanceOf(DocxHost);
  });
});

