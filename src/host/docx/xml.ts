/** XML parsing and serialisation for package parts, with the namespaces this layer uses. */
import { DOMParser, XMLSerializer, onErrorStopParsing } from '@xmldom/xmldom';
import type { Document, Element, Node } from '@xmldom/xmldom';
import { docxErrors, DocxError } from './errors';

export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
  w15: 'http://schemas.microsoft.com/office/word/2012/wordml',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  m: 'http://schemas.openxmlformats.org/officeDocument/2006/math',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
  customProps: 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties',
  vt: 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes',
  ds: 'http://schemas.openxmlformats.org/officeDocument/2006/customXml',
  xmlns: 'http://www.w3.org/2000/xmlns/',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * True when a DOCTYPE appears in the prolog (the only place one is legal). Scanned by hand, in
 * linear time, so hostile input cannot make a regular expression backtrack.
 */
function prologHasDoctype(text: string): boolean {
  let at = 0;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) {
      at++;
    } else if (text.startsWith('<?', at)) {
      const end = text.indexOf('?>', at + 2);
      if (end < 0) return false;
      at = end + 2;
    } else if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end < 0) return false;
      at = end + 3;
    } else {
      return text.slice(at, at + 9).toUpperCase() === '<!DOCTYPE';
    }
  }
  return false;
}

/**
 * Word nests a few dozen levels at most (tables in tables, controls in controls). Deeper input is
 * refused before parsing, so no walk (ours, the parser's or the serialiser's) can exhaust the stack.
 */
export const MAX_XML_DEPTH = 256;
/** A 300-page report has about 10,000 paragraphs; far beyond this the work would not end in time. */
export const MAX_PARAGRAPHS = 100_000;
/**
 * One text run between two tags: a 300-page report holds about 900,000 characters in all, and the
 * packed record at its event limit stays far below. A longer run (one 20 MB line) is refused before
 * the checks spend seconds on it.
 */
export const MAX_TEXT_RUN = 4_000_000;

/** `<w:p>` / `<w:p …>` (any prefix), looked at without allocating. */
function isParagraphTag(text: string, at: number): boolean {
  let i = at + 1;
  const limit = Math.min(text.length, at + 40);
  while (i < limit && text.charCodeAt(i) !== 0x3a /* : */ && text.charCodeAt(i) !== 0x20 && text.charCodeAt(i) !== 0x3e) i++;
  const p = text.charCodeAt(i) === 0x3a ? i + 1 : at + 1;
  if (text.charCodeAt(p) !== 0x70 /* p */) return false;
  const after = text.charCodeAt(p + 1);
  return after === 0x3e || after === 0x20 || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d;
}

/** Linear scan of tag nesting: `<x>` opens, `</x>` and `/>` close; comments, PIs and CDATA skipped. */
function refuseDeepNesting(text: string, partName: string): void {
  let depth = 0;
  let paragraphs = 0;
  let at = text.indexOf('<');
  while (at !== -1) {
    const next = text.charCodeAt(at + 1);
    if (next === 0x21 /* ! */) {
      const close = text.startsWith('<!--', at) ? text.indexOf('-->', at) : text.startsWith('<![CDATA[', at) ? text.indexOf(']]>', at) : text.indexOf('>', at);
      if (close === -1) return;
      at = text.indexOf('<', close + 1);
      continue;
    }
    const end = text.indexOf('>', at);
    if (end === -1) return; // the parser reports the broken tag
    if (next === 0x2f /* / */) depth--;
    else if (next !== 0x3f /* ? */ && isParagraphTag(text, at) && ++paragraphs > MAX_PARAGRAPHS) {
      throw docxErrors.tooLarge(`${partName}: more than ${MAX_PARAGRAPHS} paragraphs, limit ${MAX_PARAGRAPHS}`, partName);
    }
    if (next !== 0x2f && next !== 0x3f && text.charCodeAt(end - 1) !== 0x2f) {
      depth++;
      if (depth > MAX_XML_DEPTH) throw docxErrors.tooDeep(partName, MAX_XML_DEPTH);
    }
    at = text.indexOf('<', end + 1);
    if ((at === -1 ? text.length : at) - end - 1 > MAX_TEXT_RUN) {
      throw docxErrors.tooLarge(`${partName}: a text run longer than ${MAX_TEXT_RUN} characters, limit ${MAX_TEXT_RUN}`, partName);
    }
  }
}

/** Throws `entity-refused` if the part declares a DOCTYPE. */
export function refuseDoctype(input: Uint8Array | string, partName: string): string {
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decode(input);
  if (prologHasDoctype(text)) throw docxErrors.entityRefused(partName);
  return text;
}

// XML 1.0 § 2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// A raw character outside it (lone surrogates included), or a character reference to one.
const RAW_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
/**
 * Every unit RAW_FORBIDDEN could match, surrogates (paired or not) included: without the u flag and
 * lookarounds it scans several times faster, and a text it finds nothing in has no forbidden
 * character (issue 15 — the logbook screens every main part).
 */
const MAYBE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;
const CHAR_REFERENCE = /&#(?:x([0-9a-fA-F]+)|([0-9]+));/g;

function allowedCode(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** A short description of the first character XML 1.0 forbids in `text`, or undefined. */
export function forbiddenCharacter(text: string): string | undefined {
  const raw = MAYBE_FORBIDDEN.test(text) ? RAW_FORBIDDEN.exec(text) : null;
  if (raw) return `U+${raw[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  if (text.indexOf('&#') === -1) return undefined;
  CHAR_REFERENCE.lastIndex = 0;
  for (let m = CHAR_REFERENCE.exec(text); m; m = CHAR_REFERENCE.exec(text)) {
    const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
    if (!allowedCode(code)) return m[0];
  }
  return undefined;
}

/**
 * Parses a part. Any DOCTYPE is refused before parsing (Word never writes one; it is the door to
 * external-entity and entity-expansion attacks), and any parse error or warning is fatal.
 */
export function parseXml(input: Uint8Array | string, partName: string): Document {
  return parseScreenedXml(screenXml(input, partName), partName);
}

/**
 * The checks every part passes before any parser sees it (DOCTYPE, nesting depth, paragraph count,
 * forbidden characters); returns the part's text. Shared by parseXml and the read-only parser.
 */
export function screenXml(input: Uint8Array | string, partName: string): string {
  const text = refuseDoctype(input, partName);
  refuseDeepNesting(text, partName);
  // xmldom would accept these and write them back, and conforming parsers then reject the file.
  const bad = forbiddenCharacter(text);
  if (bad) throw docxErrors.invalidCharacter(partName, bad);
  return text;
}

/** @xmldom/xmldom over text that passed screenXml; any parse error or warning is fatal. */
export function parseScreenedXml(text: string, partName: string): Document {
  try {
    return new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, 'application/xml');
  } catch (error) {
    if (error instanceof DocxError) throw error;
    const detail = String((error as Error).message ?? error).split('\n')[0]!.slice(0, 200);
    throw docxErrors.invalidXml(partName, detail);
  }
}

/** Serialises a part as UTF-8, keeping its XML declaration (rewritten to say UTF-8 if needed). */
export function serializeXml(doc: Document): Uint8Array {
  let text = new XMLSerializer().serializeToString(doc);
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    text = text.slice(0, end).replace(/encoding\s*=\s*(["'])[^"']*\1/, 'encoding="UTF-8"') + text.slice(end);
  } else {
    text = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' + text;
  }
  // Never write a part a strict parser would reject (e.g. a NUL inside text that came from an AI answer).
  const bad = forbiddenCharacter(text);
  if (bad) throw docxErrors.invalidCharacter(doc.documentElement?.localName ?? '?', bad);
  return new TextEncoder().encode(text);
}

export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === ELEMENT_NODE;
}

export function is(node: Node | null | undefined, ns: string, local: string): boolean {
  return isElement(node) && node.namespaceURI === ns && node.localName === local;
}

export function elementChildren(parent: Node): Element[] {
  const out: Element[] = [];
  for (let child = parent.firstChild; child; child = child.nextSibling) if (isElement(child)) out.push(child);
  return out;
}

export function childrenNamed(parent: Node, ns: string, local: string): Element[] {
  return elementChildren(parent).filter((c) => c.namespaceURI === ns && c.localName === local);
}

export function childNamed(parent: Node, ns: string, local: string): Element | undefined {
  for (let child = parent.firstChild; child; child = child.nextSibling) if (isElement(child) && is(child, ns, local)) return child;
  return undefined;
}

export function descendantsNamed(root: Element | Document, ns: string, local: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, local));
}

/** A WordprocessingML attribute such as w:val, whatever prefix the document bound to the namespace. */
export function wAttr(el: Element, local: string): string | null {
  return el.hasAttributeNS(NS.w, local) ? el.getAttributeNS(NS.w, local) : null;
}

export function ancestor(node: Node, test: (el: Element) => boolean, stopAt?: Node): Element | undefined {
  for (let at = node.parentNode; at && at !== stopAt; at = at.parentNode) if (isElement(at) && test(at)) return at;
  return undefined;
}

/** The prefix `doc`'s root binds to `ns`, if any. */
export function rootPrefixFor(doc: Document, ns: string): string | null {
  const root = doc.documentElement!;
  for (const attr of Array.from(root.attributes)) {
    if (attr.namespaceURI === NS.xmlns && attr.value === ns && attr.prefix === 'xmlns') return attr.localName;
  }
  return null;
}

/** Creates a w:-namespaced element using the prefix the document already uses for WordprocessingML. */
export function makeW(doc: Document, local: string, attrs: Record<string, string> = {}): Element {
  const prefix = rootPrefixFor(doc, NS.w) ?? 'w';
  const el = doc.createElementNS(NS.w, `${prefix}:${local}`);
  for (const [name, value] of Object.entries(attrs)) el.setAttributeNS(NS.w, `${prefix}:${name}`, value);
  return el;
}

export type { Document, Element, Node };
