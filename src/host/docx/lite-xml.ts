// issue 14 — performance: a read-only XML tree for the commands that only read a .docx.
//
// @xmldom/xmldom builds a full, mutable, live DOM: on a 300-page document.xml (1.4 MB) that is
// about 80% of `aiprov check` and most of its garbage. The commands that never write (check,
// inspect, scan, logbook) only walk the tree, so they get this one instead: plain objects exposing
// the small part of the DOM interface the read code uses (nodeType, namespaceURI, localName, prefix,
// parentNode/firstChild/nextSibling, getAttribute[NS], attributes, textContent,
// getElementsByTagNameNS, documentElement). The read code is the same code either way, so text,
// paragraphs and marks come out the same (tests/host/docx-lite.test.ts compares both over every
// fixture and the shared corpus).
//
// It is strict on purpose: it accepts only the well-formed XML it understands exactly — the five
// predefined entities and character references, comments and processing instructions (skipped), no
// CDATA, ASCII names, declared prefixes, matching tags, one root — and returns undefined for
// anything else, so the caller parses that part with @xmldom/xmldom, whose verdict (a result or a
// clear error) stands. It never decides that XML is bad; it only declines. The screening done before
// parsing (DOCTYPE, nesting depth, paragraph count, forbidden characters) is the caller's, unchanged.
import { NS } from './xml';

const ELEMENT = 1;
const TEXT = 3;
const DOCUMENT = 9;

export class LiteAttr {
  constructor(
    readonly name: string,
    readonly prefix: string | null,
    readonly localName: string,
    readonly namespaceURI: string | null,
    readonly value: string,
  ) {}
  get nodeValue(): string {
    return this.value;
  }
}

abstract class LiteNode {
  abstract readonly nodeType: number;
  parentNode: LiteElement | LiteDocument | null = null;
  nextSibling: LiteChild | null = null;
  previousSibling: LiteChild | null = null;
  firstChild: LiteChild | null = null;
  lastChild: LiteChild | null = null;

  get childNodes(): LiteChild[] {
    const out: LiteChild[] = [];
    for (let child = this.firstChild; child; child = child.nextSibling) out.push(child);
    return out;
  }

  append(child: LiteChild): void {
    child.parentNode = this as unknown as LiteElement;
    if (this.lastChild) {
      this.lastChild.nextSibling = child;
      child.previousSibling = this.lastChild;
    } else this.firstChild = child;
    this.lastChild = child;
  }

  /** Descendant elements in document order (not this node), iteratively. */
  getElementsByTagNameNS(namespace: string | null, localName: string): LiteElement[] {
    const out: LiteElement[] = [];
    const anyNs = namespace === '*';
    const anyName = localName === '*';
    let node: LiteChild | null = this.firstChild;
    while (node) {
      if (node.nodeType === ELEMENT) {
        const el = node as LiteElement;
        if ((anyNs || el.namespaceURI === namespace) && (anyName || el.localName === localName)) out.push(el);
        if (el.firstChild) {
          node = el.firstChild;
          continue;
        }
      }
      while (node && !node.nextSibling) {
        const parent: LiteNode | null = node.parentNode;
        node = parent === this || !parent ? null : (parent as LiteElement);
        if (!node) break;
      }
      node = node ? node.nextSibling : null;
    }
    return out;
  }
}

export class LiteText extends LiteNode {
  readonly nodeType = TEXT;
  readonly nodeName = '#text';
  constructor(public data: string) {
    super();
  }
  get nodeValue(): string {
    return this.data;
  }
  get textContent(): string {
    return this.data;
  }
}

export class LiteElement extends LiteNode {
  readonly nodeType = ELEMENT;
  constructor(
    readonly nodeName: string,
    readonly prefix: string | null,
    readonly localName: string,
    readonly namespaceURI: string | null,
    readonly attributes: LiteAttr[],
    readonly ownerDocument: LiteDocument,
  ) {
    super();
  }
  get tagName(): string {
    return this.nodeName;
  }
  getAttribute(name: string): string | null {
    for (const attr of this.attributes) if (attr.name === name) return attr.value;
    return null;
  }
  hasAttribute(name: string): boolean {
    return this.getAttribute(name) !== null;
  }
  getAttributeNS(namespace: string | null, localName: string): string | null {
    const ns = namespace === '' ? null : namespace;
    for (const attr of this.attributes) if (attr.localName === localName && attr.namespaceURI === ns) return attr.value;
    return null;
  }
  hasAttributeNS(namespace: string | null, localName: string): boolean {
    return this.getAttributeNS(namespace, localName) !== null;
  }
  lookupPrefix(namespace: string): string | null {
    for (let el: LiteNode | null = this; el && el.nodeType === ELEMENT; el = el.parentNode) {
      for (const attr of (el as LiteElement).attributes) {
        if (attr.prefix === 'xmlns' && attr.value === namespace) return attr.localName;
      }
    }
    return null;
  }
  get textContent(): string {
    let out = '';
    let node: LiteChild | null = this.firstChild;
    while (node) {
      if (node.nodeType === TEXT) out += (node as LiteText).data;
      else if (node.firstChild) {
        node = node.firstChild;
        continue;
      }
      while (node && !node.nextSibling) {
        const parent: LiteNode | null = node.parentNode;
        node = parent === this || !parent ? null : (parent as LiteElement);
      }
      node = node ? node.nextSibling : null;
    }
    return out;
  }
}

export type LiteChild = LiteElement | LiteText;

export class LiteDocument extends LiteNode {
  readonly nodeType = DOCUMENT;
  readonly nodeName = '#document';
  get documentElement(): LiteElement | null {
    for (let child = this.firstChild; child; child = child.nextSibling) if (child.nodeType === ELEMENT) return child as LiteElement;
    return null;
  }
  get textContent(): null {
    return null;
  }
}

/** Thrown inside the parser only; parseLiteXml turns it into `undefined` (decline). */
class Decline extends Error {}

const ATTRIBUTE = /[ \t\r\n]+([A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z_][A-Za-z0-9_.-]*)?)[ \t\r\n]*=[ \t\r\n]*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /[ \t\r\n]*\/?>/y;
const CLOSE_TAG = /<\/([A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z_][A-Za-z0-9_.-]*)?)[ \t\r\n]*>/y;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#x([0-9a-fA-F]{1,6})|#([0-9]{1,7}));/y;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** The attributes of the start tag being read (name, raw value, name, raw value…); reused. */
const RAW_ATTRS: string[] = [];

/** Text with entities resolved; declines on a bare `&` or an unknown entity. */
function unescape(raw: string): string {
  let amp = raw.indexOf('&');
  if (amp === -1) return raw;
  let out = '';
  let from = 0;
  while (amp !== -1) {
    out += raw.slice(from, amp);
    ENTITY.lastIndex = amp;
    const m = ENTITY.exec(raw);
    if (!m) throw new Decline();
    out += m[1] ? NAMED[m[1]]! : String.fromCodePoint(m[2] ? parseInt(m[2], 16) : parseInt(m[3]!, 10));
    from = ENTITY.lastIndex;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

/**
 * End-of-line handling over the whole input before parsing, exactly as @xmldom/xmldom does it
 * (XML 1.1 § 2.11, which also turns U+0085, U+2028 and U+2029 into line feeds).
 */
function normaliseLineEnds(text: string): string {
  return /[\r\u0085\u2028\u2029]/.test(text) ? text.replace(/\r[\n\u0085]/g, '\n').replace(/[\r\u0085\u2028\u2029]/g, '\n') : text;
}

const isNameStart = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
const isNameChar = (c: number) => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d;

/**
 * Where the element name starting at `from` ends (the name pattern of ATTRIBUTE: ASCII, at most one
 * `prefix:`), or -1 when there is none; scanned by hand, as a regex match per tag was a third of the parse.
 */
function nameEndAt(text: string, from: number): number {
  if (!isNameStart(text.charCodeAt(from))) return -1;
  let at = from + 1;
  while (isNameChar(text.charCodeAt(at))) at++;
  if (text.charCodeAt(at) === 0x3a /* : */ && isNameStart(text.charCodeAt(at + 1))) {
    at += 2;
    while (isNameChar(text.charCodeAt(at))) at++;
  }
  return at;
}

type Scope = Map<string, string | null>;
const ROOT_SCOPE: Scope = new Map<string, string | null>([
  ['xml', NS.xml],
  ['xmlns', NS.xmlns],
  ['', null],
]);

function resolve(scope: Scope, prefix: string): string | null {
  const ns = scope.get(prefix);
  if (ns === undefined) throw new Decline(); // an undeclared prefix
  return ns;
}

/**
 * The part as a read-only tree, or undefined when the text is outside the subset this parser takes
 * on (the caller then uses @xmldom/xmldom). `text` has been screened by the caller (parseXml's checks).
 */
export function parseLiteXml(text: string): LiteDocument | undefined {
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof Decline || error instanceof RangeError) return undefined;
    throw error;
  }
}

function parse(input: string): LiteDocument {
  const text = normaliseLineEnds(input);
  const doc = new LiteDocument();
  let parent: LiteElement | LiteDocument = doc;
  const scopes: Scope[] = [ROOT_SCOPE];
  let rootSeen = false;
  let at = 0;
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    const textEnd = lt === -1 ? text.length : lt;
    if (textEnd > at) {
      const raw = text.slice(at, textEnd);
      if (parent === doc) {
        if (!/^[ \t\r\n]*$/.test(raw)) throw new Decline(); // text outside the root
      } else {
        if (raw.includes(']]>')) throw new Decline();
        parent.append(new LiteText(unescape(raw)));
      }
    }
    if (lt === -1) break;
    const next = text.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      if (!text.startsWith('<!--', lt)) throw new Decline(); // CDATA, DOCTYPE, anything else
      const end = text.indexOf('-->', lt + 4);
      if (end === -1 || text.slice(lt + 4, end).includes('--')) throw new Decline();
      at = end + 3;
      continue;
    }
    if (next === 0x3f /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      if (end === -1) throw new Decline();
      at = end + 2;
      continue;
    }
    if (next === 0x2f /* / */) {
      if (parent === doc) throw new Decline();
      // issue 14 — performance: the usual `</name>` of the open element is compared in place; anything
      // else (spaces before `>`, a wrong name) goes through the full pattern.
      const open = (parent as LiteElement).nodeName;
      if (text.startsWith(open, lt + 2) && text.charCodeAt(lt + 2 + open.length) === 0x3e /* > */) at = lt + 3 + open.length;
      else {
        CLOSE_TAG.lastIndex = lt;
        const m = CLOSE_TAG.exec(text);
        if (!m || open !== m[1]) throw new Decline();
        at = CLOSE_TAG.lastIndex;
      }
      parent = parent.parentNode as LiteElement | LiteDocument;
      scopes.pop();
      continue;
    }
    const nameEnd = nameEndAt(text, lt + 1);
    if (nameEnd === -1) throw new Decline();
    const qname = text.slice(lt + 1, nameEnd);
    let pos = nameEnd;
    // issue 14 — performance: names and raw values side by side in one reused array (no pair per
    // attribute), duplicates found by a scan of the few before (no Set per element).
    const rawAttrs = RAW_ATTRS;
    rawAttrs.length = 0;
    for (;;) {
      ATTRIBUTE.lastIndex = pos;
      const m = ATTRIBUTE.exec(text);
      if (!m) break;
      rawAttrs.push(m[1]!, m[2] ?? m[3]!);
      pos = ATTRIBUTE.lastIndex;
    }
    TAG_END.lastIndex = pos;
    if (!TAG_END.test(text)) throw new Decline();
    at = TAG_END.lastIndex;
    const selfClosing = text.charCodeAt(at - 2) === 0x2f /* / */;

    // Namespace declarations first, then names resolved against them.
    let scope = scopes[scopes.length - 1]!;
    for (let i = 0; i < rawAttrs.length; i += 2) {
      const name = rawAttrs[i]!;
      const rawValue = rawAttrs[i + 1]!;
      for (let j = 0; j < i; j += 2) if (rawAttrs[j] === name) throw new Decline();
      if (rawValue.indexOf('\t') !== -1 || rawValue.indexOf('\n') !== -1) throw new Decline(); // attribute-value normalisation: left to xmldom
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        if (scope === scopes[scopes.length - 1]) scope = new Map(scope);
        const value = unescape(rawValue);
        const prefix = name === 'xmlns' ? '' : name.slice(6);
        if (prefix === 'xml' || prefix === 'xmlns' || (prefix !== '' && value === '')) throw new Decline();
        scope.set(prefix, value === '' ? null : value);
      }
    }
    const attrs: LiteAttr[] = [];
    for (let i = 0; i < rawAttrs.length; i += 2) {
      const name = rawAttrs[i]!;
      const rawValue = rawAttrs[i + 1]!;
      const colon = name.indexOf(':');
      const value = unescape(rawValue);
      if (name === 'xmlns') attrs.push(new LiteAttr(name, null, 'xmlns', NS.xmlns, value));
      else if (colon === -1) attrs.push(new LiteAttr(name, null, name, null, value));
      else {
        const prefix = name.slice(0, colon);
        attrs.push(new LiteAttr(name, prefix, name.slice(colon + 1), prefix === 'xmlns' ? NS.xmlns : resolve(scope, prefix), value));
      }
    }
    const colon = qname.indexOf(':');
    const prefix = colon === -1 ? null : qname.slice(0, colon);
    const element = new LiteElement(qname, prefix, colon === -1 ? qname : qname.slice(colon + 1), resolve(scope, prefix ?? ''), attrs, doc);
    if (parent === doc) {
      if (rootSeen) throw new Decline();
      rootSeen = true;
    }
    parent.append(element);
    if (!selfClosing) {
      parent = element;
      scopes.push(scope);
    }
  }
  if (parent !== doc || !rootSeen) throw new Decline();
  return doc;
}
