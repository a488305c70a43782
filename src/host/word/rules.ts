/**
 * The rules every Word host operation applies, whether it reads the document itself or works from a
 * batch's snapshot: which requests are refused (with the .docx host's HostError codes), where new
 * paragraphs go, how a passage control is dressed, and how the text stories are assembled.
 */
import { PASSAGE_TAG_PREFIX } from '../port';
import { checkDeleteRange, checkRange, hostErrors, insertionTarget, outermostPassageAt, paragraphAt as sharedParagraphAt, splitLines } from '../rules';
import type { DocumentOutline } from '../rules';
import type { HostPassage, MarkPassageRequest, TextParagraph, TextSegment } from '../port';
import { wordErrors } from './errors';
import { textboxesInFlatOpc } from './ooxml';
import type { BodySnapshot, ControlInfo, ParagraphInfo, PassageInfo } from './snapshot';

/** Word's limit for a string custom property. */
export const MAX_PROPERTY_LENGTH = 255;
export const HEADER_FOOTER_TYPES = ['Primary', 'FirstPage', 'EvenPages'] as const;
/** Built-in styles not carried over to new body text (as the .docx host drops heading styles). */
export const HEADING_STYLE = /^(Heading\d|Title|Subtitle|Toc\d|TocHeading|Caption)$/;

export type Anchor =
  | { kind: 'body-start' }
  | { kind: 'body-end' }
  | { kind: 'after-paragraph'; paragraph: ParagraphInfo }
  | { kind: 'after-control' | 'before-control'; control: ControlInfo };

export function toHostPassage(p: PassageInfo): HostPassage {
  const { control } = p;
  return {
    id: control.passageId ?? `untagged:${control.id}`,
    tag: control.passageId !== null ? control.tag : null,
    title: control.title,
    color: control.color,
    text: p.text,
    paragraphRange: p.range,
  };
}

export function segment(part: string, kind: TextSegment['kind'], paragraphs: TextParagraph[]): TextSegment {
  return { part, kind, text: paragraphs.map((p) => p.text).join('\n'), paragraphs };
}

export { splitLines };

export const passageExists = hostErrors.passageExists;
export const passageNotFound = hostErrors.passageNotFound;

export function refuseExisting(snapshot: BodySnapshot, passageId: string): void {
  if (snapshot.controls.some((c) => c.passageId === passageId)) throw passageExists(passageId);
}

export function paragraphAt(snapshot: BodySnapshot, index: number): ParagraphInfo {
  return sharedParagraphAt(snapshot.paragraphs, index);
}

/** The snapshot as the shared rules see it (src/host/rules.ts). */
export function outlineOf(snapshot: BodySnapshot, passages: PassageInfo[]): DocumentOutline<ParagraphInfo, PassageInfo> {
  const controls = [...snapshot.blockRanges].map(([id, range]) => ({ title: snapshot.controls.find((c) => c.id === id)?.title ?? '', range }));
  return { paragraphs: snapshot.paragraphs, controls, passages };
}

export function dressPassageControl(control: Word.ContentControl, passageId: string, title: string, hex: string): void {
  // The tag first: it is what binds the control to the record.
  control.tag = PASSAGE_TAG_PREFIX + passageId;
  control.title = title;
  control.color = `#${hex}`;
  control.appearance = 'BoundingBox';
}

/**
 * Where new paragraphs go after body paragraph `after` (0 = start of the body), as the .docx host
 * decides it: never inside a passage; after a passage's last paragraph means after the passage.
 */
export function insertionPoint(snapshot: BodySnapshot, passages: PassageInfo[], after: number | 'end'): { anchor: Anchor; template: ParagraphInfo | undefined } {
  if (after !== 'end' && after !== 0) {
    // Word only: a locked control (not the passage we insert after) refuses the insertion first.
    const paragraph = paragraphAt(snapshot, after);
    const outer = outermostPassageAt(passages, after);
    const lockedBy = paragraph.chain.find((c) => c.cannotEdit && c.id !== outer?.control.id);
    if (lockedBy) throw wordErrors.controlLocked({ title: lockedBy.title });
  }
  const target = insertionTarget(outlineOf(snapshot, passages), after);
  switch (target.kind) {
    case 'body-start':
    case 'body-end':
      return { anchor: { kind: target.kind }, template: target.template };
    case 'before-passage':
      return { anchor: { kind: 'before-control', control: target.passage.control }, template: target.template };
    case 'after-passage':
      return { anchor: { kind: 'after-control', control: target.passage.control }, template: target.template };
    case 'after-paragraph':
      return { anchor: { kind: 'after-paragraph', paragraph: target.paragraph }, template: target.template };
  }
}

export function insertAt(context: Word.RequestContext, anchor: Anchor, text: string): Word.Paragraph {
  switch (anchor.kind) {
    case 'body-start':
      return context.document.body.insertParagraph(text, 'Start');
    case 'body-end':
      return context.document.body.insertParagraph(text, 'End');
    case 'after-paragraph':
      return anchor.paragraph.proxy.insertParagraph(text, 'After');
    case 'after-control':
      return anchor.control.proxy.insertParagraph(text, 'After');
    case 'before-control':
      return anchor.control.proxy.insertParagraph(text, 'Before');
  }
}

/**
 * New text takes the style of the paragraph it follows (`template`), set explicitly: Word copies the
 * anchor's formatting for Paragraph.insertParagraph('After'), but not reliably at the body's start or
 * end or beside a content control. After a heading (title, caption…) it is body text: Normal. A custom
 * style ("Other") is set by its name (Paragraph.style).
 */
export function styleLikeTemplate(paragraph: Word.Paragraph, template: ParagraphInfo | undefined): void {
  if (!template || template.style === '') return;
  if (HEADING_STYLE.test(template.style)) paragraph.styleBuiltIn = 'Normal';
  else if (template.style !== 'Other') paragraph.styleBuiltIn = template.style as Word.Paragraph['styleBuiltIn'];
  else if (template.styleName !== '') paragraph.style = template.styleName;
}


/** Every check `markPassage` makes before writing; returns the first and last paragraph to wrap. */
export function checkMark(snapshot: BodySnapshot, passages: PassageInfo[], request: MarkPassageRequest): { first: ParagraphInfo; last: ParagraphInfo } {
  refuseExisting(snapshot, request.passageId);
  const { fromParagraph: from, toParagraph: to } = request;
  const { first, last } = checkRange(outlineOf(snapshot, passages), from, to, 'mark');
  const locked = snapshot.paragraphs.slice(from - 1, to).flatMap((p) => p.chain).find((c) => c.cannotEdit);
  if (locked) throw wordErrors.controlLocked({ title: locked.title });
  return { first, last };
}

/** A header or footer as read: where it is, its paragraphs' text and its OOXML (for text boxes). */
export interface StoryText {
  kind: 'header' | 'footer';
  part: string;
  texts: string[];
  ooxml: string;
}

/**
 * The text stories in reading order: headers, the body, footers, each followed by its text boxes.
 * Sections linked to the previous one report the same header again, and empty ones are noise: both
 * are left out.
 */
export function assembleSegments(bodyTexts: string[], bodyOoxml: string, stories: StoryText[]): TextSegment[] {
  const seen = new Set<string>();
  const storySegments = (part: string, kind: 'body' | 'header' | 'footer', texts: string[], ooxml: string): TextSegment[] => {
    const boxes = textboxesInFlatOpc(ooxml, part);
    if (kind !== 'body') {
      const key = JSON.stringify([kind, texts, boxes]);
      if (seen.has(key) || (texts.every((t) => t === '') && boxes.length === 0)) return [];
      seen.add(key);
    }
    return [
      segment(part, kind, texts.map((text, k) => ({ text, locator: `${part}#p${k + 1}` }))),
      ...boxes.map((box, n) => segment(part, 'textbox', box.map((text, k) => ({ text, locator: `${part}#textbox${n + 1}/p${k + 1}` })))),
    ];
  };
  const ofKind = (kind: 'header' | 'footer') => stories.filter((s) => s.kind === kind).flatMap((s) => storySegments(s.part, kind, s.texts, s.ooxml));
  return [...ofKind('header'), ...storySegments('body', 'body', bodyTexts, bodyOoxml), ...ofKind('footer')];
}

/** Custom properties as the port reports them (dates as ISO text). */
export function propertiesOf(items: { key: string; value: unknown }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of items) out[p.key] = p.value instanceof Date ? p.value.toISOString() : String(p.value ?? '');
  return out;
}

export function checkPropertyLengths(props: Record<string, string>): void {
  for (const [name, value] of Object.entries(props)) {
    if (value.length > MAX_PROPERTY_LENGTH) throw wordErrors.valueTooLong(name, value.length);
  }
}

/**
 * Every check `deleteParagraphs` makes before writing: the range as `markPassage` checks it (no
 * passage inside or around it, no table cut), and never all the paragraphs of the body or of a cell
 * (Word keeps one there). Returns the first and last paragraph to delete.
 */
export function checkDelete(snapshot: BodySnapshot, passages: PassageInfo[], from: number, to: number): { first: ParagraphInfo; last: ParagraphInfo } {
  const { first, last } = checkDeleteRange(outlineOf(snapshot, passages), from, to);
  const locked = snapshot.paragraphs.slice(from - 1, to).flatMap((p) => p.chain).find((c) => c.cannotEdit || c.cannotDelete);
  if (locked) throw wordErrors.controlLocked({ title: locked.title });
  return { first, last };
}
