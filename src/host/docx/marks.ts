/** Content controls (w:sdt) that mark AI passages in the body, and the w15 colour they carry. */
import { isPassageMark, passageIdOfTag, passageTag } from '../rules';
import { NS, childNamed, isElement, makeW, rootPrefixFor, wAttr } from './xml';
import type { Document, Element } from './xml';

export interface ControlInfo {
  sdt: Element;
  tag: string | null;
  title: string | null;
  color: string | null;
}

export function controlInfo(sdt: Element): ControlInfo {
  const pr = childNamed(sdt, NS.w, 'sdtPr');
  const val = (local: string) => {
    const el = pr && childNamed(pr, NS.w, local);
    return el ? wAttr(el, 'val') : null;
  };
  const colorEl = pr && childNamed(pr, NS.w15, 'color');
  return { sdt, tag: val('tag'), title: val('alias'), color: colorEl ? colorValue(colorEl) : null };
}

/**
 * w15:color is a CT_Color (MS-DOCX 2.5.1.x), so its value is `w:val`, as Word and LibreOffice write
 * it; files from our builds before the fix carry `w15:val`, still read.
 */
function colorValue(color: Element): string | null {
  if (color.hasAttributeNS(NS.w, 'val')) return color.getAttributeNS(NS.w, 'val');
  return color.hasAttributeNS(NS.w15, 'val') ? color.getAttributeNS(NS.w15, 'val') : null;
}

export function passageIdOf(sdt: Element): string | null {
  return passageIdOfTag(controlInfo(sdt).tag);
}

/** A control that is ours by tag, or one whose tag was lost but whose title says it is an AI passage. */
export function isPassageControl(sdt: Element): boolean {
  const { tag, title } = controlInfo(sdt);
  return isPassageMark(tag, title);
}

/**
 * Makes sure the root binds the w15 namespace and lists its prefix in mc:Ignorable, so that
 * Word 2007 (which does not know w15) still opens the file. Returns the prefix to use.
 */
export function ensureW15(doc: Document): string {
  const root = doc.documentElement!;
  let prefix = rootPrefixFor(doc, NS.w15);
  if (!prefix) {
    prefix = 'w15';
    for (let n = 2; root.hasAttribute(`xmlns:${prefix}`); n++) prefix = `w15n${n}`;
    root.setAttributeNS(NS.xmlns, `xmlns:${prefix}`, NS.w15);
  }
  let mcPrefix = rootPrefixFor(doc, NS.mc);
  if (!mcPrefix) {
    mcPrefix = 'mc';
    for (let n = 2; root.hasAttribute(`xmlns:${mcPrefix}`); n++) mcPrefix = `mc${n}`;
    root.setAttributeNS(NS.xmlns, `xmlns:${mcPrefix}`, NS.mc);
  }
  const ignorable = (root.getAttributeNS(NS.mc, 'Ignorable') ?? '').split(/\s+/).filter(Boolean);
  if (!ignorable.includes(prefix)) {
    ignorable.push(prefix);
    const existing = Array.from(root.attributes).find((a) => a.namespaceURI === NS.mc && a.localName === 'Ignorable');
    root.setAttributeNS(NS.mc, existing?.name ?? `${mcPrefix}:Ignorable`, ignorable.join(' '));
  }
  return prefix;
}

/** A w:id for a new control, unique among the document's controls (Word uses signed 32-bit ids). */
export function freshControlId(doc: Document): string {
  const used = new Set<string>();
  for (const id of Array.from(doc.getElementsByTagNameNS(NS.w, 'id'))) {
    if (isElement(id.parentNode) && id.parentNode.localName === 'sdtPr') used.add(wAttr(id, 'val') ?? '');
  }
  for (;;) {
    const candidate = String(Math.floor(Math.random() * 0xffffffff) - 0x80000000);
    if (!used.has(candidate)) return candidate;
  }
}

export function setTitle(sdt: Element, title: string): void {
  setProperty(sdt, 'alias', title, 0);
}

export function setTag(sdt: Element, tag: string): void {
  const pr = childNamed(sdt, NS.w, 'sdtPr')!;
  setProperty(sdt, 'tag', tag, childNamed(pr, NS.w, 'alias') ? 1 : 0);
}

/** Sets w:<local> w:val in sdtPr, creating it near the front where the schema wants it. */
function setProperty(sdt: Element, local: string, value: string, position: number): void {
  const doc = sdt.ownerDocument!;
  const pr = childNamed(sdt, NS.w, 'sdtPr')!;
  const existing = childNamed(pr, NS.w, local);
  if (existing) {
    existing.setAttributeNS(NS.w, existing.prefix ? `${existing.prefix}:val` : 'w:val', value);
    return;
  }
  const el = makeW(doc, local, { val: value });
  // rPr (if any) stays first.
  let anchor = pr.firstChild;
  while (anchor && !isElement(anchor)) anchor = anchor.nextSibling;
  if (anchor && isElement(anchor) && anchor.localName === 'rPr') anchor = anchor.nextSibling;
  for (let i = 0; i < position && anchor; i++) {
    anchor = anchor.nextSibling;
    while (anchor && !isElement(anchor)) anchor = anchor.nextSibling;
  }
  pr.insertBefore(el, anchor ?? null);
}

export function setColor(sdt: Element, hex: string): void {
  const doc = sdt.ownerDocument!;
  const prefix = ensureW15(doc);
  const pr = childNamed(sdt, NS.w, 'sdtPr')!;
  let color = childNamed(pr, NS.w15, 'color');
  if (!color) {
    color = doc.createElementNS(NS.w15, `${prefix}:color`);
    const id = childNamed(pr, NS.w, 'id');
    pr.insertBefore(color, id ? id.nextSibling : null);
  }
  // w:val (CT_Color); an old w15:val is dropped so the control carries one value.
  if (color.hasAttributeNS(NS.w15, 'val')) color.removeAttributeNS(NS.w15, 'val');
  color.setAttributeNS(NS.w, `${rootPrefixFor(doc, NS.w) ?? 'w'}:val`, hex);
}

/** A new rich-text control (no type element: rich text is the default) with our tag, title, colour. */
export function createPassageControl(doc: Document, passageId: string, title: string, hex: string): { sdt: Element; content: Element } {
  const sdt = makeW(doc, 'sdt');
  const pr = makeW(doc, 'sdtPr');
  pr.appendChild(makeW(doc, 'alias', { val: title }));
  pr.appendChild(makeW(doc, 'tag', { val: passageTag(passageId) }));
  pr.appendChild(makeW(doc, 'id', { val: freshControlId(doc) }));
  sdt.appendChild(pr);
  const content = makeW(doc, 'sdtContent');
  sdt.appendChild(content);
  setColor(sdt, hex);
  return { sdt, content };
}
