/**
 * Opens .docx bytes into the ONLYOFFICE fake the way ONLYOFFICE's OOXML import is documented to
 * read them (ECMA-376 Part 1 and the editor's Builder API objects): body paragraphs (w:p, with
 * w:tab and w:br), tables (w:tbl/w:tr/w:tc), block content controls (w:sdt with w:tag, w:alias and
 * the colour in w15:color), custom XML parts (customXml/itemN.xml, the itemProps files are the
 * parts' ids and are not kept: the editor makes new ones), custom properties (docProps/custom.xml).
 * It reads the package independently of src/host/docx, so a round trip through it tests the bytes.
 */
import { DOMParser } from '@xmldom/xmldom';
import type { Element as XmlElement } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { FakeBlockSdt, FakeCell, FakeContent, FakeOnlyOffice, FakeParagraph, FakeTable } from './fake';
import type { FakeOnlyOfficeOptions } from './fake';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml';

function children(el: XmlElement, ns: string, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as XmlElement).namespaceURI === ns && (n as XmlElement).localName === name) out.push(n as XmlElement);
  }
  return out;
}
const child = (el: XmlElement | undefined, ns: string, name: string) => (el ? children(el, ns, name)[0] : undefined);
const val = (el: XmlElement | undefined) => (el ? el.getAttributeNS(W, 'val') || el.getAttributeNS(W15, 'val') || '' : '');

function paragraphOf(p: XmlElement): FakeParagraph {
  const out = new FakeParagraph();
  const visit = (el: XmlElement): void => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const e = n as XmlElement;
      if (e.namespaceURI === W && e.localName === 't') out.AddText(e.textContent ?? '');
      else if (e.namespaceURI === W && e.localName === 'tab' && el.localName === 'r') out.AddTabStop();
      else if (e.namespaceURI === W && (e.localName === 'br' || e.localName === 'cr')) out.AddLineBreak();
      else if (e.namespaceURI === W && ['r', 'sdt', 'sdtContent', 'hyperlink', 'ins', 'smartTag', 'fldSimple'].includes(e.localName!)) visit(e);
    }
  };
  visit(p);
  return out;
}

function fillContent(target: FakeContent, parent: XmlElement, modern: boolean): void {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1 || (n as XmlElement).namespaceURI !== W) continue;
    const e = n as XmlElement;
    if (e.localName === 'p') target.push(paragraphOf(e));
    else if (e.localName === 'tbl') {
      const rows = children(e, W, 'tr').map((tr) => children(tr, W, 'tc').map((tc) => {
        const cell = new FakeCell();
        fillContent(cell.content, tc, modern);
        return cell;
      }));
      target.push(new FakeTable(rows));
    } else if (e.localName === 'sdt') {
      const pr = child(e, W, 'sdtPr');
      const sdt = new FakeBlockSdt(modern, true);
      sdt.tag = val(child(pr, W, 'tag'));
      sdt.alias = val(child(pr, W, 'alias'));
      const color = val(child(pr, W15, 'color'));
      sdt.color = modern && /^[0-9A-Fa-f]{6}$/.test(color) ? `#${color.toUpperCase()}` : null;
      const content = child(e, W, 'sdtContent');
      if (content) fillContent(sdt.content, content, modern);
      target.push(sdt);
    }
  }
}

export function fakeFromDocx(bytes: Uint8Array, options: FakeOnlyOfficeOptions = {}): FakeOnlyOffice {
  const files = unzipSync(bytes);
  const xml = (name: string) => (files[name] ? new DOMParser().parseFromString(strFromU8(files[name]!), 'text/xml') : null);
  const editor = new FakeOnlyOffice(options);
  const modern = editor.version >= 9;
  const body = child(xml('word/document.xml')!.documentElement as XmlElement, W, 'body');
  if (!body) throw new Error('no w:body');
  fillContent(editor.document, body, modern);
  if (modern) {
    for (const name of Object.keys(files).filter((f) => /^customXml\/item\d+\.xml$/.test(f)).sort()) {
      editor.document.xmlParts.Add(strFromU8(files[name]!).replace(/^\uFEFF/, ''));
    }
    const custom = xml('docProps/custom.xml');
    if (custom) {
      const props = custom.documentElement!.getElementsByTagNameNS('*', 'property');
      for (let i = 0; i < props.length; i++) {
        const prop = props.item(i)!;
        editor.document.properties.Add(prop.getAttribute('name') ?? '', prop.textContent ?? '');
      }
    }
  }
  return editor;
}
