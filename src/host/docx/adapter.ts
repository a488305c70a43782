/**
 * The DocumentHost port over a .docx held in memory. Works the same in Node and the browser.
 * Only document.xml, the package/document relationships, [Content_Types].xml, docProps/custom.xml
 * and our own custom XML part are ever rewritten; every other part is saved byte for byte.
 */
import { normalizeColor } from '../port';
import { hostErrors, paragraphAt, passageTag } from '../rules';
import { pickRebindTarget } from '../record-xml';
import type {
  DeleteParagraphsRequest,
  DocumentHost,
  HostParagraph,
  HostPassage,
  InsertParagraphRequest,
  InsertPassageRequest,
  MarkPassageRequest,
  RebindTarget,
  TextSegment,
  UpdatePassageRequest,
} from '../port';
import { controlInfo, createPassageControl, isPassageControl, passageIdOf, setColor, setTag, setTitle } from './marks';
import { openDocx } from './package';
import type { DocxPackage, OpenDocxOptions } from './package';
import { readProperties, readRecord, writeProperties, writeRecord } from './parts';
import { extractText, inlineText, readStory } from './text';
import type { Story } from './text';
import { capsStyles } from './caps';
import type { CapsStyles } from './caps';
import { NS, childNamed, elementChildren, is, isElement, makeW, wAttr } from './xml';
import type { Document, Element, Node } from './xml';

/** Containers whose children may be block-level content controls. */
const BLOCK_CONTAINERS = new Set(['body', 'tc', 'sdtContent', 'customXml', 'txbxContent']);

interface BodyView {
  body: Element;
  paragraphs: { element: Element; text: string }[];
  indexOf: Map<Element, number>;
  /** The body's story read with the document's caps styles (read-only documents), for readAllText. */
  styledStory?: Story;
}

export class DocxHost implements DocumentHost {
  private readonly locators = new WeakMap<Element, string>();
  private nextLocator = 1;

  constructor(readonly pkg: DocxPackage) {}

  /** `{ readOnly: true }` (issue 14 — performance): light parse for commands that only read; writes refused. */
  static open(bytes: Uint8Array, options?: OpenDocxOptions): DocxHost {
    return new DocxHost(openDocx(bytes, options));
  }

  private refuseWhenReadOnly(): void {
    if (this.pkg.readOnly) throw new Error('This document was opened read-only: it cannot be changed');
  }

  /** The package as .docx bytes. */
  save(): Uint8Array {
    return this.pkg.save();
  }

  private get doc(): Document {
    return this.pkg.xml(this.pkg.mainDocumentPath);
  }

  private changed(): void {
    this.pkg.touch(this.pkg.mainDocumentPath);
  }

  /** A read-only document never changes: its body is walked once (issue 15 — the logbook reads it three times). */
  private readOnlyView: BodyView | undefined;
  private readOnlyParagraphs: HostParagraph[] | undefined;

  private view(): BodyView {
    if (this.readOnlyView) return this.readOnlyView;
    const view = this.walkBody();
    if (this.pkg.readOnly) this.readOnlyView = view;
    return view;
  }

  private walkBody(): BodyView {
    const body = childNamed(this.doc.documentElement!, NS.w, 'body');
    if (!body) {
      throw hostErrors.noBody();
    }
    // A read-only body is walked once for both readings (issue 14): each paragraph's text with the
    // run's own capitals (the view) and as shown through styles (readAllText). An unreadable styles
    // part is left for readAllText to report, as before.
    let styles: CapsStyles | undefined;
    if (this.pkg.readOnly) {
      try {
        styles = capsStyles(this.pkg);
      } catch {
        styles = undefined;
      }
    }
    const story = readStory(body, styles);
    const paragraphs = story.paragraphs;
    return { body, paragraphs, indexOf: new Map(paragraphs.map((p, i) => [p.element, i + 1])), styledStory: styles ? story : undefined };
  }

  private locator(el: Element): string {
    let id = this.locators.get(el);
    if (!id) {
      id = `docx-p${this.nextLocator++}`;
      this.locators.set(el, id);
    }
    return id;
  }

  /** Our passage controls enclosing `node`, innermost first (up to the body). */
  private enclosingPassages(node: Node, body: Element): Element[] {
    const out: Element[] = [];
    for (let at = node.parentNode; at && at !== body; at = at.parentNode) {
      if (isElement(at) && is(at, NS.w, 'sdt') && isPassageControl(at)) out.push(at);
    }
    return out;
  }

  /** The innermost table cell holding `node`: the table's locator, the row among the table's, the cell among the row's. */
  private cellOf(node: Node, body: Element): HostParagraph['cell'] | undefined {
    let tc: Element | undefined;
    for (let at = node.parentNode; at && at !== body; at = at.parentNode) {
      if (!isElement(at)) continue;
      if (!tc && is(at, NS.w, 'tc')) tc = at;
      else if (tc && is(at, NS.w, 'tbl')) {
        const tr = tc.parentNode as Element | null;
        if (!tr || !is(tr, NS.w, 'tr')) return undefined;
        const rows = Array.from(at.childNodes).filter((n): n is Element => isElement(n) && is(n, NS.w, 'tr'));
        const cells = Array.from(tr.childNodes).filter((n): n is Element => isElement(n) && is(n, NS.w, 'tc'));
        const row = rows.indexOf(tr);
        const column = cells.indexOf(tc);
        // A row or cell wrapped in a content control is not a direct child: no structure, drawn as paragraphs.
        return row < 0 || column < 0 ? undefined : { table: this.locator(at), row, column };
      }
    }
    return undefined;
  }

  async readParagraphs(): Promise<HostParagraph[]> {
    // Fresh objects each time: a caller may change what it was given.
    if (this.readOnlyParagraphs) return this.readOnlyParagraphs.map((p) => ({ ...p }));
    const { body, paragraphs } = this.view();
    const out = paragraphs.map((p, i) => {
      const paragraph: HostParagraph = { index: i + 1, text: p.text, locator: this.locator(p.element) };
      const passage = this.enclosingPassages(p.element, body).map(passageIdOf).find((id) => id);
      if (passage) paragraph.passageId = passage;
      const cell = this.cellOf(p.element, body);
      if (cell) paragraph.cell = cell;
      return paragraph;
    });
    if (this.pkg.readOnly) this.readOnlyParagraphs = out.map((p) => ({ ...p }));
    return out;
  }

  async readAllText(): Promise<TextSegment[]> {
    if (!this.pkg.readOnly) return extractText(this.pkg);
    let view: BodyView | undefined;
    try {
      view = this.view();
    } catch {
      view = undefined; // no body: extractText reads what there is, as before
    }
    return extractText(this.pkg, view?.styledStory);
  }

  async listPassages(): Promise<HostPassage[]> {
    const { body, paragraphs, indexOf } = this.view();
    const controls = Array.from(body.getElementsByTagNameNS(NS.w, 'sdt')).filter(isPassageControl);
    const covered = new Map<Element, number[]>();
    for (const p of paragraphs) {
      for (const sdt of this.enclosingPassages(p.element, body)) {
        const list = covered.get(sdt) ?? [];
        list.push(indexOf.get(p.element)!);
        covered.set(sdt, list);
      }
    }
    return controls.flatMap((sdt, ordinal): HostPassage[] => {
      const info = controlInfo(sdt);
      const id = passageIdOf(sdt);
      const content = childNamed(sdt, NS.w, 'sdtContent');
      let range: [number, number];
      let text: string;
      const indices = covered.get(sdt);
      if (indices?.length) {
        range = [indices[0]!, indices[indices.length - 1]!];
        text = indices.map((i) => paragraphs[i - 1]!.text).join('\n');
      } else {
        // An inline control: inside one paragraph.
        let p: Node | null = sdt.parentNode;
        while (p && !(isElement(p) && is(p, NS.w, 'p'))) p = p.parentNode;
        const index = p ? indexOf.get(p as Element) : undefined;
        if (!index) return [];
        range = [index, index];
        text = content ? inlineText(content) : '';
      }
      const sdtId = childNamed(childNamed(sdt, NS.w, 'sdtPr') ?? sdt, NS.w, 'id');
      return [
        {
          id: id ?? `untagged:${(sdtId && wAttr(sdtId, 'val')) || ordinal}`,
          tag: id !== null ? info.tag : null,
          title: info.title ?? '',
          color: info.color,
          text,
          paragraphRange: range,
        },
      ];
    });
  }

  private findPassage(passageId: string): Element {
    const body = this.view().body;
    const sdt = Array.from(body.getElementsByTagNameNS(NS.w, 'sdt')).find((s) => passageIdOf(s) === passageId);
    if (!sdt) throw hostErrors.passageNotFound(passageId);
    return sdt;
  }

  private refuseExisting(passageId: string): void {
    const body = this.view().body;
    if (Array.from(body.getElementsByTagNameNS(NS.w, 'sdt')).some((s) => passageIdOf(s) === passageId)) throw hostErrors.passageExists(passageId);
  }

  private paragraphAt(view: BodyView, index: number): Element {
    return paragraphAt(view.paragraphs, index).element;
  }

  async markPassage(request: MarkPassageRequest): Promise<void> {
    this.refuseWhenReadOnly();
    const color = normalizeColor(request.color);
    this.refuseExisting(request.passageId);
    const view = this.view();
    const { fromParagraph: from, toParagraph: to } = request;
    const first = this.paragraphAt(view, from);
    const last = this.paragraphAt(view, to);
    if (to < from) throw hostErrors.invalidRange(from, to);
    const { container, startBlock, blocks } = this.wholeBlocks(view, first, last, from, to, 'mark');
    const { sdt, content } = createPassageControl(this.doc, request.passageId, request.title, color);
    container.insertBefore(sdt, startBlock);
    for (const block of blocks) content.appendChild(block);
    this.changed();
  }

  /**
   * The blocks (paragraphs, tables, controls) that hold exactly paragraphs `from`..`to` under one
   * container, refusing a range that cuts a table or touches a passage.
   */
  private wholeBlocks(view: BodyView, first: Element, last: Element, from: number, to: number, action: 'mark' | 'delete'): { container: Element; startBlock: Element; blocks: Element[] } {
    const chainOf = (el: Element) => {
      const chain: Element[] = [];
      for (let at: Node | null = el; at && at !== view.body; at = at.parentNode) chain.push(at as Element);
      chain.push(view.body);
      return chain;
    };
    const firstChain = chainOf(first);
    const lastChain = new Set(chainOf(last));
    const commonAt = firstChain.findIndex((el, i) => i > 0 && lastChain.has(el));
    const container = firstChain[commonAt]!;
    const startBlock = firstChain[commonAt - 1]!;
    const endBlock = chainOf(last).find((el) => el.parentNode === container)!;
    const blocks: Element[] = [];
    for (let at: Node | null = startBlock; at; at = at.nextSibling) {
      if (isElement(at)) blocks.push(at);
      if (at === endBlock) break;
    }
    const inside = view.paragraphs.filter((p) => blocks.some((b) => b === p.element || contains(b, p.element)));
    const firstInside = view.indexOf.get(inside[0]!.element);
    const lastInside = view.indexOf.get(inside[inside.length - 1]!.element);
    if (container.namespaceURI !== NS.w || !BLOCK_CONTAINERS.has(container.localName!) || firstInside !== from || lastInside !== to) {
      throw hostErrors.crossesTable(from, to, action);
    }
    const overlapping =
      this.enclosingPassages(first, view.body).length > 0 ||
      blocks.some((b) => Array.from(b.getElementsByTagNameNS(NS.w, 'sdt')).some(isPassageControl) || (is(b, NS.w, 'sdt') && isPassageControl(b)));
    if (overlapping) {
      throw hostErrors.overlapsPassage(from, to, action);
    }
    return { container, startBlock, blocks };
  }

  async deleteParagraphs(request: DeleteParagraphsRequest): Promise<void> {
    this.refuseWhenReadOnly();
    const view = this.view();
    const { from, to } = request;
    const first = this.paragraphAt(view, from);
    const last = this.paragraphAt(view, to);
    if (to < from) throw hostErrors.invalidRange(from, to);
    const { container, blocks } = this.wholeBlocks(view, first, last, from, to, 'delete');
    // Word needs a paragraph in the body and in every table cell.
    const kept = elementChildren(container).filter((c) => !blocks.includes(c) && (is(c, NS.w, 'p') || is(c, NS.w, 'tbl') || is(c, NS.w, 'sdt')));
    if (kept.length === 0) {
      throw hostErrors.deletesEverything(from, to, is(container, NS.w, 'tc'));
    }
    for (const block of blocks) container.removeChild(block);
    this.changed();
  }

  /** Where new paragraphs go after body paragraph `after` (0 = start of the body). */
  private insertionPoint(view: BodyView, after: number | 'end'): { parent: Element; before: Node | null; template: Element | undefined } {
    if (after === 'end') {
      const sectPr = elementChildren(view.body).filter((c) => is(c, NS.w, 'sectPr')).pop();
      return { parent: view.body, before: sectPr ?? null, template: view.paragraphs[view.paragraphs.length - 1]?.element };
    }
    if (after === 0) return { parent: view.body, before: view.body.firstChild, template: view.paragraphs[0]?.element };
    const anchor = this.paragraphAt(view, after);
    const passages = this.enclosingPassages(anchor, view.body);
    const outer = passages[passages.length - 1];
    if (outer) {
      const inOuter = view.paragraphs.filter((p) => contains(outer, p.element));
      if (inOuter[inOuter.length - 1]?.element !== anchor) {
        throw hostErrors.insideOfPassage(after);
      }
      return { parent: outer.parentNode as Element, before: outer.nextSibling, template: anchor };
    }
    return { parent: anchor.parentNode as Element, before: anchor.nextSibling, template: anchor };
  }

  private buildParagraphs(text: string, template: Element | undefined): Element[] {
    return text.split('\n').map((line) => buildParagraph(this.doc, line.replace(/\r$/, ''), template));
  }

  async insertPassage(request: InsertPassageRequest): Promise<void> {
    this.refuseWhenReadOnly();
    const color = normalizeColor(request.color);
    this.refuseExisting(request.passageId);
    const view = this.view();
    const { parent, before, template } = this.insertionPoint(view, request.afterParagraph);
    const { sdt, content } = createPassageControl(this.doc, request.passageId, request.title, color);
    for (const p of this.buildParagraphs(request.text, template)) content.appendChild(p);
    parent.insertBefore(sdt, before);
    this.changed();
  }

  async updatePassage(request: UpdatePassageRequest): Promise<void> {
    this.refuseWhenReadOnly();
    const color = request.color === undefined ? undefined : normalizeColor(request.color);
    const sdt = this.findPassage(request.passageId);
    if (request.title !== undefined) setTitle(sdt, request.title);
    if (color !== undefined) setColor(sdt, color);
    this.changed();
  }

  async removeMark(passageId: string): Promise<void> {
    this.refuseWhenReadOnly();
    const sdt = this.findPassage(passageId);
    const content = childNamed(sdt, NS.w, 'sdtContent');
    const parent = sdt.parentNode!;
    while (content?.firstChild) parent.insertBefore(content.firstChild, sdt);
    parent.removeChild(sdt);
    this.changed();
  }

  async rebindPassage(passageId: string, target: RebindTarget): Promise<void> {
    this.refuseWhenReadOnly();
    this.refuseExisting(passageId);
    const passages = (await this.listPassages()).filter((p) => p.tag === null);
    const match = pickRebindTarget(passages, target, (p) => p.id);
    const body = this.view().body;
    const untagged = Array.from(body.getElementsByTagNameNS(NS.w, 'sdt')).filter((s) => isPassageControl(s) && !passageIdOf(s));
    const chosen = untagged[passages.indexOf(match)]!;
    setTag(chosen, passageTag(passageId));
    this.changed();
  }

  async insertParagraph(request: InsertParagraphRequest): Promise<number> {
    this.refuseWhenReadOnly();
    const view = this.view();
    const { parent, before, template } = this.insertionPoint(view, request.afterParagraph);
    const created = this.buildParagraphs(request.text, template);
    for (const p of created) parent.insertBefore(p, before);
    this.changed();
    return this.view().indexOf.get(created[0]!)!;
  }

  async readRecord(namespace: string): Promise<string | null> {
    return readRecord(this.pkg, namespace);
  }

  async writeRecord(namespace: string, xml: string): Promise<void> {
    this.refuseWhenReadOnly();
    writeRecord(this.pkg, namespace, xml);
  }

  async readProperties(): Promise<Record<string, string>> {
    return readProperties(this.pkg);
  }

  async writeProperties(props: Record<string, string>): Promise<void> {
    this.refuseWhenReadOnly();
    writeProperties(this.pkg, props);
  }
}

function contains(ancestor: Node, node: Node): boolean {
  for (let at = node.parentNode; at; at = at.parentNode) if (at === ancestor) return true;
  return false;
}

/** Heading-like styles are not carried over to new body text. */
const HEADING_STYLE = /heading|title|toc|caption|^\d+$/i;
/** Markup that records the history of the template paragraph, never wanted on new text. */
const HISTORY = new Set(['ins', 'del', 'moveFrom', 'moveTo', 'rPrChange', 'pPrChange', 'sectPr', 'numPr']);

function cleanedClone(el: Element): Element {
  const copy = el.cloneNode(true) as Element;
  const strip = (parent: Element) => {
    for (const child of elementChildren(parent)) {
      if (child.namespaceURI === NS.w && HISTORY.has(child.localName!)) parent.removeChild(child);
      else strip(child);
    }
  };
  strip(copy);
  return copy;
}

/**
 * A new paragraph with the template's paragraph properties and first run's formatting (font, size),
 * minus tracked-change history, section breaks, list numbering and heading styles.
 */
function buildParagraph(doc: Document, line: string, template: Element | undefined): Element {
  const p = makeW(doc, 'p');
  const pPr = template && childNamed(template, NS.w, 'pPr');
  if (pPr) {
    const copy = cleanedClone(pPr);
    const style = childNamed(copy, NS.w, 'pStyle');
    if (style && HEADING_STYLE.test(wAttr(style, 'val') ?? '')) copy.removeChild(style);
    if (elementChildren(copy).length) p.appendChild(copy);
  }
  if (line === '') return p;
  const r = makeW(doc, 'r');
  const firstRun = template && Array.from(template.getElementsByTagNameNS(NS.w, 'r')).find((run) => childNamed(run, NS.w, 't'));
  const rPr = firstRun && childNamed(firstRun, NS.w, 'rPr');
  if (rPr) r.appendChild(cleanedClone(rPr));
  for (const piece of line.split(/(\t|\u000b)/)) {
    if (piece === '\t') r.appendChild(makeW(doc, 'tab'));
    else if (piece === '\u000b') r.appendChild(makeW(doc, 'br'));
    else if (piece) {
      const t = makeW(doc, 't');
      t.setAttributeNS(NS.xml, 'xml:space', 'preserve');
      t.appendChild(doc.createTextNode(piece));
      r.appendChild(t);
    }
  }
  p.appendChild(r);
  return p;
}
