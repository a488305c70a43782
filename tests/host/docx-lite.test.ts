// issue 14 — performance: the read-only light tree (src/host/docx/lite-xml.ts) must give exactly
// what the full @xmldom/xmldom reader gives — same tree shape for every XML part, same text,
// paragraphs, marks, record, properties and status — over the project's own documents and, when
// ../shared is there, the third-party corpus; anything it declines goes to the full reader.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { DocxError, DocxHost, extractText, openDocx } from '../../src/host/docx';
import { parseLiteXml } from '../../src/host/docx/lite-xml';
import { parseXml, screenXml } from '../../src/host/docx/xml';
import type { Document, Node } from '../../src/host/docx/xml';
import { documentStatus, insertPassage, qualifiedClaimId, verifyClaim } from '../../src/workflow';
import { buildDocx, corpusFiles, HAS_SHARED_CORPUS, OWN_CORPUS_DIR, p, readCorpus, sharedTitle } from '../fixtures/docx-builder';

type Shape = string | { el: string; attrs: string[]; kids: Shape[] };

/** The tree as the read code can see it: elements (namespace, name, attributes) and merged text. */
function shape(node: Node): Shape[] {
  const out: Shape[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) {
      const el = child as unknown as {
        namespaceURI: string | null;
        localName: string;
        prefix: string | null;
        attributes: ArrayLike<{ name: string; namespaceURI: string | null; localName: string; prefix: string | null; value: string }>;
      };
      const attrs = Array.from(el.attributes).map((a) => `${a.namespaceURI ?? ''}|${a.prefix ?? ''}|${a.localName}|${a.name}=${a.value}`);
      out.push({ el: `${el.namespaceURI ?? ''}|${el.prefix ?? ''}|${el.localName}`, attrs, kids: shape(child) });
    } else if (child.nodeType === 3 || child.nodeType === 4) {
      const text = (child as unknown as { data: string }).data;
      if (typeof out.at(-1) === 'string') out[out.length - 1] += text;
      else out.push(text);
    }
  }
  return out;
}

async function readEverything(host: DocxHost) {
  return {
    text: await host.readAllText(),
    paragraphs: (await host.readParagraphs()).map(({ locator: _locator, ...rest }) => rest),
    passages: await host.listPassages(),
    record: await host.readRecord('urn:aiprov:provenance:'),
    properties: await host.readProperties(),
  };
}

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DocxError) return error.code;
    throw error;
  }
}

const ownFiles = readdirSync(OWN_CORPUS_DIR).filter((f) => f.endsWith('.docx')).sort();
const sharedFiles = corpusFiles().filter((name) => !ownFiles.includes(name));

async function expectSameAsFullReader(name: string): Promise<void> {
    const bytes = readCorpus(name);
    const fullCode = errorCode(() => openDocx(bytes));
    const liteCode = errorCode(() => openDocx(bytes, { readOnly: true }));
    expect(liteCode).toBe(fullCode);
    if (fullCode) return;

    let declined = 0;
    const files = unzipSync(bytes);
    for (const [part, data] of Object.entries(files)) {
      if (!/\.(xml|rels)$/i.test(part)) continue;
      let full;
      try {
        full = parseXml(data, part);
      } catch {
        continue; // a part the full reader refuses: the light one is never asked (it only declines)
      }
      const lite = parseLiteXml(screenXml(data, part));
      if (!lite) {
        declined++;
        continue;
      }
      expect(shape((lite as unknown as Document).documentElement as Node), part).toEqual(shape(full.documentElement as Node));
    }
    // The light tree must actually be used, not always declined.
    expect(declined).toBeLessThan(Object.keys(files).length);

    const full = DocxHost.open(bytes);
    const lite = DocxHost.open(bytes, { readOnly: true });
    expect(await readEverything(lite)).toEqual(await readEverything(full));
    expect(extractText(openDocx(bytes, { readOnly: true }))).toEqual(extractText(openDocx(bytes)));
}

describe.skipIf(!HAS_SHARED_CORPUS)(sharedTitle('read-only light tree over the shared corpus'), () => {
  it.each(sharedFiles)('%s: same trees, text, paragraphs, marks and record as the full reader', expectSameAsFullReader);
});

describe('read-only light tree: same as the full reader', () => {
  it.each(ownFiles)('%s: every XML part has the same tree, and the same text, paragraphs, marks and record', expectSameAsFullReader);

  it('a document with passages, claims, verifications: same status, passages and record either way', async () => {
    const writer = DocxHost.open(buildDocx({ body: [p('Mở đầu báo cáo.'), p('Phần hai.'), p('Kết luận.')].join('') + '<w:sectPr/>' }));
    const context = { actor: 'Nguyễn Văn An', lang: 'vi' as const };
    for (let i = 0; i < 3; i++) {
      await insertPassage(writer, context, {
        afterParagraph: i,
        text: `Năm 2025 toàn tỉnh giải quyết ${1000 + i} hồ sơ theo Quyết định số ${200 + i}/QĐ-UBND ngày 05/3/2025.`,
        generation: { purpose: 'draft', provider: { id: 'ollama', name: 'Ollama', tier: 'internal', endpointHost: 'localhost' }, model: 'qwen2.5:7b', level: 2 },
      });
    }
    const passage = (await documentStatus(writer, context)).state!.passages[0]!;
    await verifyClaim(writer, { ...context, actor: 'Lê Văn Cường' }, { claim: qualifiedClaimId(passage.passageId, passage.claims[0]!.claimId), evidence: { kind: 'manual', source: 'Báo cáo thống kê', note: 'đối chiếu bản in' } });
    const bytes = writer.save();

    const full = DocxHost.open(bytes);
    const lite = DocxHost.open(bytes, { readOnly: true });
    const liteRead = await readEverything(lite);
    expect(liteRead.passages).toHaveLength(3);
    expect(liteRead).toEqual(await readEverything(full));
    const [a, b] = [await documentStatus(full, context), await documentStatus(lite, context)];
    expect(b.view).toEqual(a.view);
    expect(b.state).toEqual(a.state);
  });

  it('refuses every change on a read-only document, and cannot be saved', async () => {
    const lite = DocxHost.open(buildDocx({ body: p('Một đoạn.') }), { readOnly: true });
    await expect(lite.insertParagraph({ afterParagraph: 1, text: 'x' })).rejects.toThrow(/read-only/);
    await expect(lite.writeProperties({ A: 'b' })).rejects.toThrow(/read-only/);
    await expect(lite.writeRecord('urn:aiprov:provenance:1', '<record xmlns="urn:aiprov:provenance:1"/>')).rejects.toThrow(/read-only/);
    expect(() => lite.save()).toThrow(/read-only/);
  });
});

describe('read-only light tree: declines what it does not take on exactly', () => {
  const declined = [
    ['CDATA', '<a><![CDATA[x]]></a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a bare ampersand', '<a>a & b</a>'],
    ['mismatched tags', '<a><b></a></b>'],
    ['an unclosed root', '<a><b/>'],
    ['an undeclared prefix', '<a><x:b/></a>'],
    ['a repeated attribute', '<a b="1" b="2"/>'],
    ['an unquoted attribute', '<a b=1/>'],
    ['"<" in an attribute', '<a b="<"/>'],
    ['a tab in an attribute (normalised by the full parser)', '<a b="x\ty"/>'],
    ['two roots', '<a/><b/>'],
    ['text after the root', '<a/>x'],
    ['a non-ASCII name', '<é/>'],
    ['a prefix with no local name', '<a xmlns:w="urn:w"><w:/></a>'],
    ['two prefixes', '<a xmlns:w="urn:w"><w:p:x/></a>'],
    ['a close tag naming the parent\'s prefix only', '<a xmlns:w="urn:w"><w:p></w></a>'],
    ['a close tag one letter longer', '<a><b></bb></a>'],
  ] as const;
  it.each(declined)('declines %s', (_what, xml) => {
    expect(parseLiteXml(xml)).toBeUndefined();
  });

  it('what it declines is parsed (or refused) by the full reader: same result through a read-only package', () => {
    const cdata = buildDocx({ body: '<w:p><w:r><w:t><![CDATA[Mật & <khẩn>]]></w:t></w:r></w:p>' });
    const fromLite = extractText(openDocx(cdata, { readOnly: true }));
    expect(fromLite.find((s) => s.kind === 'body')!.text).toBe('Mật & <khẩn>');
    expect(fromLite).toEqual(extractText(openDocx(cdata)));
    const broken = buildDocx({ body: '<w:p><w:r><w:t>x</w:r></w:p>' });
    expect(errorCode(() => extractText(openDocx(broken, { readOnly: true })))).toBe(errorCode(() => extractText(openDocx(broken))));
    expect(errorCode(() => extractText(openDocx(broken)))).toBe('invalid-xml');
  });

  it('keeps the screening: DOCTYPE, too deep, forbidden characters are refused the same way', () => {
    const deep = buildDocx({ body: '<w:p>' + '<w:r>'.repeat(300) + '</w:r>'.repeat(300) + '</w:p>' });
    const nul = buildDocx({ body: '<w:p><w:r><w:t>a&#0;b</w:t></w:r></w:p>' });
    for (const bytes of [deep, nul]) {
      const full = errorCode(() => openDocx(bytes));
      expect(full).toBeDefined();
      expect(errorCode(() => openDocx(bytes, { readOnly: true }))).toBe(full);
    }
  });

  it('close tags with spaces before ">", names with dots, dashes and digits: the same tree as the full parser', () => {
    const xml = '<w:r xmlns:w="urn:w"><w:a.b-1 w:v="1"></w:a.b-1 ><c2/><w:t >x</w:t\n></w:r>';
    const lite = parseLiteXml(xml);
    expect(lite).toBeDefined();
    expect(shape((lite as unknown as Document).documentElement as Node)).toEqual(shape(parseXml(xml, 'x.xml').documentElement as Node));
  });

  it('entities, character references, line ends, comments and namespaces come out as the full parser gives them', () => {
    const xml =
      '<?xml version="1.0"?>\r\n<!-- c --><r xmlns="urn:d" xmlns:q="urn:q" q:a="&lt;&amp;&#x1EA0;" b=\'&quot;\'><q:x>A&#65;&gt;\r\nB\rC\u2028D\r\u0085E<?pi x?><!-- y --></q:x><y xmlns="">t</y></r>';
    const lite = parseLiteXml(xml);
    expect(lite).toBeDefined();
    expect(shape((lite as unknown as Document).documentElement as Node)).toEqual(shape(parseXml(xml, "x.xml").documentElement as Node));
  });
});

// issue 14 — one walk: a read-only body is walked once for the paragraphs (the run's own capitals)
// and for readAllText (capitals of styles too); both must stay what the full reader gives, in either order.
describe('read-only: one walk of the body serves paragraphs and text', () => {
  const STYLES =
    '<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    '<w:style w:type="paragraph" w:styleId="Dau"><w:name w:val="Dấu"/><w:rPr><w:caps/></w:rPr></w:style></w:styles>';
  const bytes = buildDocx({
    body:
      '<w:p><w:pPr><w:pStyle w:val="Dau"/></w:pPr><w:r><w:t>tối mật</w:t></w:r></w:p>' +
      '<w:p><w:r><w:rPr><w:caps/></w:rPr><w:t>khẩn</w:t></w:r><w:r><w:t> thường</w:t></w:r></w:p>' +
      p('Tình hình năm 2025.'),
    parts: { 'word/styles.xml': STYLES },
  });

  it('text first or paragraphs first: the same as the full reader', async () => {
    const full = await readEverything(DocxHost.open(bytes));
    expect(full.text.find((s) => s.kind === 'body')!.text).toBe('TỐI MẬT\nKHẨN thường\nTình hình năm 2025.');
    expect(full.paragraphs.map((x) => x.text)).toEqual(['tối mật', 'KHẨN thường', 'Tình hình năm 2025.']);
    expect(await readEverything(DocxHost.open(bytes, { readOnly: true }))).toEqual(full);
    const lite = DocxHost.open(bytes, { readOnly: true });
    const paragraphs = (await lite.readParagraphs()).map(({ locator: _locator, ...rest }) => rest);
    expect(paragraphs).toEqual(full.paragraphs);
    expect(await lite.readAllText()).toEqual(full.text);
  });
});
