/**
 * Plain text of a WordprocessingML document, story by story, as a reader sees it: field results
 * (not field codes), inserted text (not deleted text), one branch of each alternate content, text
 * boxes as their own stories rather than mixed into the paragraph that anchors them.
 */
import type { TextParagraph, TextSegment, TextPartKind } from '../port';
import { REL } from './package';
import type { DocxPackage } from './package';
import { NS, childNamed, childrenNamed, descendantsNamed, elementChildren, is, wAttr } from './xml';
import type { Element } from './xml';
import { NO_STYLES, capsIn, capsStyles, type CapsStyles } from './caps';

export interface StoryParagraph {
  element: Element;
  /** The text with the run's own capitals applied (styles not looked up). */
  text: string;
  /** The text as shown, with the capitals of styles applied too (equals `text` when no styles were given). */
  shown: string;
}

export interface Story {
  paragraphs: StoryParagraph[];
  /** Alt text of images and shapes in this story. */
  altTexts?: string[];
  /** w:txbxContent elements met in this story, in order (nested ones included), to report apart. */
  textboxes: Element[];
}

/** Elements whose content is never text a reader sees (properties, deletions). */
const SKIPPED = new Set([
  'pPr', 'rPr', 'sdtPr', 'sdtEndPr', 'tblPr', 'tblGrid', 'trPr', 'tcPr', 'sectPr', 'customXmlPr',
  'smartTagPr', 'del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'tblPrEx', 'fldData',
]);

/**
 * True when the text is shown in capitals: the run's own w:caps/w:smallCaps, else its character
 * style's, else its paragraph style's, else the document defaults (styles only when given: the gate).
 */
function shownInCapitals(t: Element, styles: CapsStyles, paragraphStyle: string | null): { direct: boolean; shown: boolean } {
  const run = t.parentNode as Element | null;
  const rPr = run ? childNamed(run, NS.w, 'rPr') : undefined;
  const direct = capsIn(rPr);
  if (direct !== undefined) return direct ? BOTH_CAPS : NO_CAPS;
  if (styles === NO_STYLES) return NO_CAPS;
  const rStyle = rPr ? childNamed(rPr, NS.w, 'rStyle') : undefined;
  return styles.style(rStyle ? wAttr(rStyle, 'val') : null) ?? styles.style(paragraphStyle) ?? styles.defaults ?? false ? STYLE_CAPS : NO_CAPS;
}
const BOTH_CAPS = { direct: true, shown: true };
const STYLE_CAPS = { direct: false, shown: true };
const NO_CAPS = { direct: false, shown: false };

/** The branch of an mc:AlternateContent to read: the first Choice, else the Fallback. */
export function chosenBranch(alternate: Element): Element | undefined {
  return childNamed(alternate, NS.mc, 'Choice') ?? childNamed(alternate, NS.mc, 'Fallback');
}

class StoryWalker {
  readonly paragraphs: StoryParagraph[] = [];
  readonly textboxes: Element[] = [];
  /** Alt text (title, description) of images and shapes met in this story. */
  readonly altTexts: string[] = [];
  /** Open fields: true while inside the field's instruction (begin..separate), false in its result. */
  private readonly fields: boolean[] = [];
  private text = '';
  /** The paragraph's text with style capitals too; one walk serves both (issue 14). */
  private shown = '';
  private paragraphStyle: string | null = null;

  constructor(private readonly styles: CapsStyles = NO_STYLES) {}

  walkBlocks(container: Element): void {
    for (const child of elementChildren(container)) {
      if (is(child, NS.w, 'p')) this.paragraph(child);
      else if (is(child, NS.mc, 'AlternateContent')) {
        const branch = chosenBranch(child);
        if (branch) this.walkBlocks(branch);
      } else if (child.namespaceURI === NS.w && SKIPPED.has(child.localName!)) continue;
      else this.walkBlocks(child);
    }
  }

  paragraph(p: Element): void {
    this.text = '';
    this.shown = '';
    const pPr = childNamed(p, NS.w, 'pPr');
    const pStyle = pPr ? childNamed(pPr, NS.w, 'pStyle') : undefined;
    this.paragraphStyle = pStyle ? wAttr(pStyle, 'val') : null;
    this.inline(p);
    this.paragraphs.push({ element: p, text: this.text, shown: this.shown });
  }

  private get visible(): boolean {
    return !this.fields.includes(true);
  }

  private emit(value: string, shown = value): void {
    if (this.visible) {
      this.text += value;
      this.shown += shown;
    }
  }

  private inline(parent: Element): void {
    for (const el of elementChildren(parent)) {
      if (el.namespaceURI === NS.mc && el.localName === 'AlternateContent') {
        const branch = chosenBranch(el);
        if (branch) this.inline(branch);
        continue;
      }
      if (el.namespaceURI === NS.m) {
        if (el.localName === 't') this.emit(el.textContent ?? '');
        else this.inline(el);
        continue;
      }
      if (el.namespaceURI !== NS.w) {
        // An image's or shape's alt text (wp:docPr title/descr) is read as its own story.
        if (el.localName === 'docPr' || el.localName === 'cNvPr') {
          const alt = [el.getAttribute('title'), el.getAttribute('descr')].filter((v): v is string => !!v);
          if (alt.length) this.altTexts.push(alt.join('\n'));
        }
        this.inline(el); // drawings, VML shapes: only text boxes inside them matter
        continue;
      }
      const name = el.localName!;
      if (SKIPPED.has(name)) continue;
      switch (name) {
        case 't': {
          const caps = shownInCapitals(el, this.styles, this.paragraphStyle);
          const value = el.textContent ?? '';
          const upper = caps.shown ? value.toUpperCase() : value;
          this.emit(caps.direct ? upper : value, upper);
          break;
        }
        case 'tab':
        case 'ptab':
          this.emit('\t');
          break;
        case 'br':
        case 'cr':
          this.emit('\u000b');
          break;
        case 'noBreakHyphen':
          this.emit('\u2011');
          break;
        case 'softHyphen':
          this.emit('\u00ad');
          break;
        case 'sym': {
          const code = parseInt(wAttr(el, 'char') ?? '', 16);
          if (Number.isFinite(code)) this.emit(String.fromCodePoint(code));
          break;
        }
        case 'fldChar': {
          const type = wAttr(el, 'fldCharType');
          if (type === 'begin') this.fields.push(true);
          else if (type === 'separate' && this.fields.length) this.fields[this.fields.length - 1] = false;
          else if (type === 'end') this.fields.pop();
          break;
        }
        case 'txbxContent':
          this.textboxes.push(el);
          break;
        case 'p': // a paragraph inside inline content only occurs in a text box, handled above
          break;
        default:
          this.inline(el);
      }
    }
  }
}

/** The visible text of inline content (a paragraph, or the content of an inline control). */
export function inlineText(el: Element): string {
  const walker = new StoryWalker();
  walker.paragraph(el);
  return walker.paragraphs[0]!.text;
}

/** The paragraphs of one story (a body, header, note, comment or text box) in order. */
export function readStory(container: Element, styles?: CapsStyles): Story {
  const walker = new StoryWalker(styles);
  walker.walkBlocks(container);
  return { paragraphs: walker.paragraphs, textboxes: walker.textboxes, altTexts: walker.altTexts };
}

function segment(part: string, kind: TextPartKind, paragraphs: TextParagraph[]): TextSegment {
  return { part, kind, text: paragraphs.map((p) => p.text).join('\n'), paragraphs };
}

/** Each alt text of a story as its own segment, located `part#alt<n>`. */
function altSegments(part: string, altTexts: readonly string[] | undefined, within = part): TextSegment[] {
  return (altTexts ?? []).map((text, i) => segment(part, 'alt-text', [{ text, locator: `${within}#alt${i + 1}` }]));
}

/** Every text of a drawingML part (SmartArt data: a:t elements), one paragraph per a:p. */
function drawingTextSegment(pkg: DocxPackage, part: string): TextSegment {
  const paragraphs: TextParagraph[] = [];
  for (const p of descendantsNamed(pkg.xml(part), NS.a, 'p')) {
    const text = descendantsNamed(p, NS.a, 't').map((t) => t.textContent ?? '').join('');
    if (text) paragraphs.push({ text, locator: `${part}#p${paragraphs.length + 1}` });
  }
  return segment(part, 'diagram', paragraphs);
}

/** Core properties (title, subject, keywords, description, category) and custom property values. */
function propertySegments(pkg: DocxPackage): TextSegment[] {
  const out: TextSegment[] = [];
  for (const part of pkg.partNames()) {
    if (!/^docProps\/(core|custom|app)\.xml$/i.test(part)) continue;
    const paragraphs: TextParagraph[] = [];
    const root = pkg.xml(part).documentElement;
    if (!root) continue;
    // Iterative, so a property part cannot exhaust the stack.
    const stack = elementChildren(root).reverse();
    while (stack.length) {
      const el = stack.pop()!;
      const kids = elementChildren(el);
      if (kids.length === 0) {
        const text = el.textContent ?? '';
        const name = el.parentNode && (el.parentNode as Element).getAttribute?.('name');
        // Our own summary properties (AIProvenance…) are written by us, never a stamp someone placed.
        if (name?.startsWith('AIProvenance')) continue;
        if (text.trim()) paragraphs.push({ text, locator: `${part}#${name ?? el.localName}/${paragraphs.length + 1}` });
      } else stack.push(...kids.reverse());
    }
    if (paragraphs.length) out.push(segment(part, 'properties', paragraphs));
  }
  return out;
}

/** Text boxes of a story (and text boxes inside them), each as its own segment. */
function textboxSegments(part: string, textboxes: Element[], counter: { n: number }, styles: CapsStyles): TextSegment[] {
  const out: TextSegment[] = [];
  const queue = [...textboxes];
  while (queue.length) {
    const box = queue.shift()!;
    const n = ++counter.n;
    const story = readStory(box, styles);
    out.push(segment(part, 'textbox', story.paragraphs.map((p, i) => ({ text: p.shown, locator: `${part}#textbox${n}/p${i + 1}` }))));
    // issue 16 — gate: an image inside a text box keeps its alt text as a place of its own.
    out.push(...altSegments(part, story.altTexts, `${part}#textbox${n}`));
    queue.push(...story.textboxes);
  }
  return out;
}

/** Segments for a whole part whose root holds the story directly (header, footer). */
function partSegments(pkg: DocxPackage, part: string, kind: TextPartKind, counters: Map<string, { n: number }>, styles: CapsStyles): TextSegment[] {
  const story = readStory(pkg.xml(part).documentElement!, styles);
  const counter = counters.get(part) ?? { n: 0 };
  counters.set(part, counter);
  return [
    segment(part, kind, story.paragraphs.map((p, i) => ({ text: p.shown, locator: `${part}#p${i + 1}` }))),
    ...textboxSegments(part, story.textboxes, counter, styles),
    ...altSegments(part, story.altTexts),
  ];
}

/** Footnotes, endnotes or comments: one segment for the part, separator notes left out. */
function notesSegments(pkg: DocxPackage, part: string, kind: 'footnotes' | 'endnotes' | 'comments', counters: Map<string, { n: number }>, styles: CapsStyles): TextSegment[] {
  const itemName = kind === 'footnotes' ? 'footnote' : kind === 'endnotes' ? 'endnote' : 'comment';
  const paragraphs: TextParagraph[] = [];
  const textboxes: Element[] = [];
  const altTexts: string[] = [];
  for (const item of childrenNamed(pkg.xml(part).documentElement!, NS.w, itemName)) {
    const type = wAttr(item, 'type');
    if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
    const id = wAttr(item, 'id') ?? '';
    const story = readStory(item, styles);
    story.paragraphs.forEach((p, i) => paragraphs.push({ text: p.shown, locator: `${part}#${itemName}${id}/p${i + 1}` }));
    textboxes.push(...story.textboxes);
    altTexts.push(...(story.altTexts ?? []));
  }
  const counter = counters.get(part) ?? { n: 0 };
  counters.set(part, counter);
  return [segment(part, kind, paragraphs), ...textboxSegments(part, textboxes, counter, styles), ...altSegments(part, altTexts)];
}

/** Header and footer parts referenced by the sections, each once, in order of first reference. */
export function headerFooterParts(pkg: DocxPackage): { headers: string[]; footers: string[] } {
  const main = pkg.mainDocumentPath;
  const byId = new Map(pkg.relationships(main).map((r) => [r.id, r]));
  const headers: string[] = [];
  const footers: string[] = [];
  for (const sectPr of descendantsNamed(pkg.xml(main), NS.w, 'sectPr')) {
    for (const ref of elementChildren(sectPr)) {
      if (ref.namespaceURI !== NS.w || (ref.localName !== 'headerReference' && ref.localName !== 'footerReference')) continue;
      const rel = byId.get(ref.getAttributeNS(NS.r, 'id') ?? '');
      if (!rel?.targetPart || !pkg.has(rel.targetPart)) continue;
      const list = ref.localName === 'headerReference' ? headers : footers;
      if (!list.includes(rel.targetPart)) list.push(rel.targetPart);
    }
  }
  return { headers, footers };
}

/**
 * Every text story of the document, in reading order: headers, body, text boxes of the body,
 * footers, footnotes, endnotes, comments. A text box segment follows the story that anchors it.
 * `walkedBody`: the body's story as readStory(body, capsStyles(pkg)) gives it, when already read.
 */
export function extractText(pkg: DocxPackage, walkedBody?: Story): TextSegment[] {
  const main = pkg.mainDocumentPath;
  const counters = new Map<string, { n: number }>();
  const out: TextSegment[] = [];
  const styles = capsStyles(pkg);
  const { headers, footers } = headerFooterParts(pkg);
  for (const part of headers) out.push(...partSegments(pkg, part, 'header', counters, styles));

  const body = childNamed(pkg.xml(main).documentElement!, NS.w, 'body');
  // The caller may have walked the body already, with these styles (issue 14: one walk of a read-only body).
  const story = body ? walkedBody ?? readStory(body, styles) : { paragraphs: [], textboxes: [] };
  out.push(segment(main, 'body', story.paragraphs.map((p, i) => ({ text: p.shown, locator: `${main}#p${i + 1}` }))));
  const bodyCounter = { n: 0 };
  counters.set(main, bodyCounter);
  out.push(...textboxSegments(main, story.textboxes, bodyCounter, styles));
  out.push(...altSegments(main, story.altTexts));

  for (const part of footers) out.push(...partSegments(pkg, part, 'footer', counters, styles));
  const rels = pkg.relationships(main);
  for (const [type, kind] of [
    [REL.footnotes, 'footnotes'],
    [REL.endnotes, 'endnotes'],
    [REL.comments, 'comments'],
  ] as const) {
    const rel = rels.find((r) => r.type === type && r.targetPart && pkg.has(r.targetPart));
    if (rel?.targetPart) out.push(...notesSegments(pkg, rel.targetPart, kind, counters, styles));
  }
  for (const part of pkg.partNames()) if (/^word\/diagrams\/data[^/]*\.xml$/i.test(part)) out.push(drawingTextSegment(pkg, part));
  out.push(...propertySegments(pkg));
  return out;
}
