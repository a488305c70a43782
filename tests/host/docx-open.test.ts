import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { openDocx, extractText, DocxError } from '../../src/host/docx';
import type { TextSegment } from '../../src/host/port';
import { buildDocx, buildDocxParts, corpusFiles, HAS_SHARED_CORPUS, sharedTitle, documentXml, p, readCorpus } from '../fixtures/docx-builder';

function errorOf(fn: () => unknown): DocxError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DocxError);
    return error as DocxError;
  }
  throw new Error('expected a DocxError');
}

/** Rewrites the uncompressed size an entry declares, in its central and local headers. */
function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  const nameAt = (at: number) => nameBytes.every((b, i) => out[at + i] === b);
  for (let at = 0; at + 46 < out.length; at++) {
    const sig = view.getUint32(at, true);
    if (sig === 0x02014b50 && nameAt(at + 46)) view.setUint32(at + 24, size, true);
    if (sig === 0x04034b50 && nameAt(at + 30)) view.setUint32(at + 22, size, true);
  }
  return out;
}

const body = (segments: TextSegment[]) => segments.find((s) => s.kind === 'body')!;

describe('openDocx on the real corpus', () => {
  it.each(corpusFiles())('reads %s and extracts its text without error', (name) => {
    const pkg = openDocx(readCorpus(name));
    const segments = extractText(pkg);
    expect(segments.filter((s) => s.kind === 'body')).toHaveLength(1);
    for (const segment of segments) {
      expect(segment.text).toBe(segment.paragraphs.map((x) => x.text).join('\n'));
      expect(new Set(segment.paragraphs.map((x) => x.locator)).size).toBe(segment.paragraphs.length);
    }
  });

  it.skipIf(!HAS_SHARED_CORPUS)(sharedTitle('finds the main document through the officeDocument relationship, not a fixed path'), () => {
    const pkg = openDocx(readCorpus('HelloWordOnline.docx'));
    expect(pkg.mainDocumentPath).toBe('word/document22.xml');
    expect(body(extractText(pkg)).text).toBe('Hello World from Word Online');
  });

  it.skipIf(!HAS_SHARED_CORPUS)(sharedTitle('reports a VML text box as its own segment, not inside the body paragraph'), () => {
    const segments = extractText(openDocx(readCorpus('vml__textbox.docx')));
    const boxes = segments.filter((s) => s.kind === 'textbox');
    expect(boxes).toHaveLength(1);
    expect(boxes[0]!.text).toContain('v:textbox/w:txbxContent');
    expect(body(segments).text).not.toContain('txbxContent');
  });

  it.skipIf(!HAS_SHARED_CORPUS)(sharedTitle('lists odd, even and first-page headers and footers once each'), () => {
    const segments = extractText(openDocx(readCorpus('headers_footers__odd_even.docx')));
    const headers = segments.filter((s) => s.kind === 'header');
    expect(headers.map((h) => h.text.split('\n')[0])).toEqual(['Even header', 'Odd header']);
    expect(segments.filter((s) => s.kind === 'footer').map((f) => f.text)).toEqual(['My footer']);
    const first = extractText(openDocx(readCorpus('headers_footers__different_first_page.docx')));
    expect(first.filter((s) => s.kind === 'header').map((h) => h.text)).toContain('First page header');
    expect(new Set(first.filter((s) => s.kind === 'header').map((h) => h.part)).size).toBe(3);
  });

  it.skipIf(!HAS_SHARED_CORPUS)(sharedTitle('reads comments, table cells and content-control text'), () => {
    const segments = extractText(openDocx(readCorpus('databinding__invoice.docx')));
    expect(body(segments).paragraphs.map((x) => x.text)).toEqual(expect.arrayContaining(['Joe Bloggs', 'apples', '$20']));
    expect(segments.find((s) => s.kind === 'comments')!.text).toContain('The table row is surrounded by a content control');
  });

  it.skipIf(!HAS_SHARED_CORPUS)(sharedTitle('leaves out separator footnotes and the instruction text of a field with no separator'), () => {
    const segments = extractText(openDocx(readCorpus('header-no-rels.docx')));
    expect(segments.find((s) => s.kind === 'footnotes')!.paragraphs).toHaveLength(0);
    expect(body(extractText(openDocx(readCorpus('fields__separator_missing.docx')))).text).not.toContain('FORMCHECKBOX');
  });

  it.skipIf(!HAS_SHARED_CORPUS)(sharedTitle('shows the table of contents field result, not its TOC instruction'), () => {
    const text = body(extractText(openDocx(readCorpus('toc.docx')))).text;
    expect(text).toContain('United Nations Declaration');
    expect(text).not.toMatch(/TOC \\o/);
  });
});

describe('extractText on crafted markup', () => {
  const run = (inner: string) => `<w:r>${inner}</w:r>`;

  it('maps tabs, breaks, hyphens and symbols; keeps insertions; drops deletions and field codes', () => {
    const paragraph =
      '<w:p>' +
      run('<w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t><w:cr/><w:noBreakHyphen/><w:softHyphen/><w:sym w:font="Wingdings" w:char="F0FC"/>') +
      '<w:ins w:id="1" w:author="x" w:date="2024-01-01T00:00:00Z">' + run('<w:t>+ins</w:t>') + '</w:ins>' +
      '<w:del w:id="2" w:author="x" w:date="2024-01-01T00:00:00Z">' + run('<w:delText>-del</w:delText>') + '</w:del>' +
      run('<w:fldChar w:fldCharType="begin"/>') + run('<w:instrText> PAGE </w:instrText>') +
      run('<w:fldChar w:fldCharType="separate"/>') + run('<w:t>[7]</w:t>') + run('<w:fldChar w:fldCharType="end"/>') +
      '<w:fldSimple w:instr=" NUMPAGES ">' + run('<w:t>{9}</w:t>') + '</w:fldSimple>' +
      '<w:hyperlink r:id="rId9">' + run('<w:t>link</w:t>') + '</w:hyperlink>' +
      '<w:smartTag w:uri="u" w:element="e">' + run('<w:t>smart</w:t>') + '</w:smartTag>' +
      '<w:sdt><w:sdtPr><w:alias w:val="hidden title"/></w:sdtPr><w:sdtContent>' + run('<w:t>ctl</w:t>') + '</w:sdtContent></w:sdt>' +
      '</w:p>';
    const segments = extractText(openDocx(buildDocx({ body: paragraph })));
    expect(body(segments).text).toBe('A\tB\u000bC\u000b\u2011\u00ad\uf0fc+ins[7]{9}linksmartctl');
  });

  it('hides nested field codes and keeps the outer result', () => {
    const r = (x: string) => `<w:r>${x}</w:r>`;
    const paragraph =
      '<w:p>' + r('<w:fldChar w:fldCharType="begin"/>') + r('<w:instrText>IF </w:instrText>') +
      r('<w:fldChar w:fldCharType="begin"/>') + r('<w:instrText>PAGE</w:instrText>') + r('<w:fldChar w:fldCharType="separate"/>') +
      r('<w:t>inner</w:t>') + r('<w:fldChar w:fldCharType="end"/>') + r('<w:instrText> = 1 "a" "b"</w:instrText>') +
      r('<w:fldChar w:fldCharType="separate"/>') + r('<w:t>outer</w:t>') + r('<w:fldChar w:fldCharType="end"/>') + r('<w:t>!</w:t>') + '</w:p>';
    expect(body(extractText(openDocx(buildDocx({ body: paragraph })))).text).toBe('outer!');
  });

  it('takes one branch of mc:AlternateContent so a text box is reported once, apart from the body', () => {
    const box = (text: string) => `<w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent>`;
    const paragraph =
      '<w:p><w:r><w:t>Anchor</w:t></w:r><w:r><mc:AlternateContent>' +
      `<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${box('MẬT')}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${box('MẬT')}</v:textbox></v:shape></w:pict></mc:Fallback>` +
      '</mc:AlternateContent></w:r></w:p>';
    const segments = extractText(openDocx(buildDocx({ body: paragraph })));
    expect(body(segments).text).toBe('Anchor');
    const boxes = segments.filter((s) => s.kind === 'textbox');
    expect(boxes.map((b) => b.text)).toEqual(['MẬT']);
    expect(boxes[0]!.paragraphs[0]!.locator).toBe('word/document.xml#textbox1/p1');
  });

  it('walks tables cell by cell, nested tables included, and lists shared headers once', () => {
    const cell = (inner: string) => `<w:tc><w:tcPr/>${inner}</w:tc>`;
    const table = `<w:tbl><w:tblPr/><w:tr>${cell(p('a1'))}${cell(p('b1') + `<w:tbl><w:tr>${cell(p('n1'))}</w:tr></w:tbl>` + p('b2'))}</w:tr></w:tbl>`;
    const sect = (refs: string) => `<w:sectPr>${refs}</w:sectPr>`;
    const header = (text: string) =>
      `<?xml version="1.0"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:hdr>`;
    const notes =
      '<?xml version="1.0"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
      '<w:footnote w:id="1"><w:p><w:r><w:t>Nguồn: Bộ Tài chính</w:t></w:r></w:p></w:footnote></w:footnotes>';
    const bytes = buildDocx({
      body:
        `<w:p><w:pPr>${sect('<w:headerReference w:type="default" r:id="rH1"/><w:headerReference w:type="first" r:id="rH2"/>')}</w:pPr></w:p>` +
        table +
        sect('<w:headerReference w:type="default" r:id="rH1"/><w:footerReference w:type="default" r:id="rF1"/>'),
      documentRels: [
        ['rH1', 'header', 'header1.xml'],
        ['rH2', 'header', 'header2.xml'],
        ['rF1', 'footer', 'footer1.xml'],
        ['rN', 'footnotes', 'footnotes.xml'],
      ],
      parts: {
        'word/header1.xml': header('MẬT'),
        'word/header2.xml': header('Trang đầu'),
        'word/footer1.xml': header('Chân trang').replace(/w:hdr/g, 'w:ftr'),
        'word/footnotes.xml': notes,
      },
    });
    const segments = extractText(openDocx(bytes));
    expect(segments.map((s) => `${s.kind}:${s.text}`)).toEqual([
      'header:MẬT',
      'header:Trang đầu',
      'body:\na1\nb1\nn1\nb2',
      'footer:Chân trang',
      'footnotes:Nguồn: Bộ Tài chính',
    ]);
  });
});

describe('openDocx refuses bad and hostile input', () => {
  it('not-zip: arbitrary bytes and an OLE (.doc / encrypted) file', () => {
    expect(errorOf(() => openDocx(strToU8('hello, this is not a document at all'))).code).toBe('not-zip');
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const error = errorOf(() => openDocx(ole));
    expect(error.code).toBe('not-zip');
    expect(error.bilingual.vi).toContain('không phải tệp .docx');
    expect(error.bilingual.en).toContain('not a .docx');
  });

  it('corrupt-zip: a truncated file', () => {
    const bytes = buildDocx();
    expect(errorOf(() => openDocx(bytes.slice(0, bytes.length - 30))).code).toBe('corrupt-zip');
    expect(errorOf(() => openDocx(bytes.slice(0, Math.floor(bytes.length / 2)))).code).toBe('corrupt-zip');
  });

  it('corrupt-zip: a part whose bytes no longer match its checksum', () => {
    const stored = zipSync(buildDocxParts({ body: p('Checksum me') }), { level: 0 });
    const at = new TextDecoder('latin1').decode(stored).indexOf('Checksum me');
    stored[at] = 'X'.charCodeAt(0);
    const error = errorOf(() => openDocx(stored));
    expect(error.code).toBe('corrupt-zip');
    expect(error.part).toBe('word/document.xml');
  });

  it('missing-part: no [Content_Types].xml, no package relationships, or a main part that is not there', () => {
    expect(errorOf(() => openDocx(buildDocx({ omit: ['[Content_Types].xml'] }))).code).toBe('missing-part');
    expect(errorOf(() => openDocx(buildDocx({ omit: ['_rels/.rels'] }))).code).toBe('missing-part');
    const noOfficeRel =
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>';
    expect(errorOf(() => openDocx(buildDocx({ packageRels: noOfficeRel }))).code).toBe('missing-part');
    const moved = buildDocxParts();
    moved['word/main.xml'] = moved['word/document.xml']!;
    delete moved['word/document.xml'];
    const error = errorOf(() => openDocx(zipSync(moved)));
    expect(error.code).toBe('missing-part');
    expect(error.part).toBe('word/document.xml');
  });

  it('missing-part: a package whose main part is not a Word document', () => {
    const error = errorOf(() => openDocx(buildDocx({ document: '<?xml version="1.0"?><workbook xmlns="urn:x"/>' })));
    expect(error.code).toBe('missing-part');
  });

  it('invalid-xml: malformed document.xml and malformed secondary part', () => {
    const broken = documentXml(p('ok')).replace('</w:body>', '');
    const error = errorOf(() => openDocx(buildDocx({ document: broken })));
    expect(error.code).toBe('invalid-xml');
    expect(error.part).toBe('word/document.xml');
    const pkg = openDocx(buildDocx({ parts: { 'word/settings.xml': '<w:settings xmlns:w="urn:w"><oops></w:settings>' } }));
    expect(errorOf(() => pkg.xml('word/settings.xml')).code).toBe('invalid-xml');
  });

  it('entity-refused: an external entity in the main part or any other XML part is never resolved', () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`;
    const error = errorOf(() => openDocx(buildDocx({ document: xxe })));
    expect(error.code).toBe('entity-refused');
    const billion = '<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><x>&b;</x>';
    const inSettings = errorOf(() => openDocx(buildDocx({ parts: { 'word/settings.xml': `<!-- c --> ${billion}` } })));
    expect(inSettings.code).toBe('entity-refused');
    expect(inSettings.part).toBe('word/settings.xml');
  });

  it('too-large: a highly compressed part (zip bomb) is refused from its declared size, before inflating', () => {
    const bomb = new Uint8Array(8 * 1024 * 1024); // 8 MiB of zeros compress about 1000:1
    const error = errorOf(() => openDocx(buildDocx({ parts: { 'word/media/bomb.bin': bomb } })));
    expect(error.code).toBe('too-large');
    expect(error.part).toBe('word/media/bomb.bin');
  });

  it('too-large: a part over the size limit and parts together over the total limit', () => {
    const noise = new Uint8Array(300_000).map((_, i) => (i * 2654435761) >>> 24);
    const bytes = buildDocx({ parts: { 'word/media/a.bin': noise, 'word/media/b.bin': noise } });
    expect(errorOf(() => openDocx(bytes, { limits: { maxPartBytes: 200_000 } })).code).toBe('too-large');
    expect(errorOf(() => openDocx(bytes, { limits: { maxTotalBytes: 500_000 } })).code).toBe('too-large');
    expect(() => openDocx(bytes)).not.toThrow();
  });

  it('too-large: an entry that inflates beyond the size its header declares (lying header)', () => {
    const filler = strToU8(`<?xml version="1.0"?><x>${'a'.repeat(500_000)}</x>`);
    const lying = patchDeclaredSize(buildDocx({ parts: { 'word/settings.xml': filler } }), 'word/settings.xml', 1000);
    const error = errorOf(() => openDocx(lying));
    expect(error.code).toBe('too-large');
    expect(error.part).toBe('word/settings.xml');
    const short = patchDeclaredSize(buildDocx({ parts: { 'word/settings.xml': filler } }), 'word/settings.xml', 600_000);
    expect(errorOf(() => openDocx(short)).code).toBe('corrupt-zip');
  });
});
