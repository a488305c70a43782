/**
 * The rules every Word host operation applies, whether it reads the document itself or works from a
 * batch's snapshot: which requests are refused (with the .docx host's HostError codes), where new
 * paragraphs go, how a passage control is dressed, and how the text stories are assembled.
 */
import { HostError, PASSAGE_TAG_PREFIX } from '../port';
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

export function splitLines(text: string): string[] {
  return text.split('\n').map((line) => line.replace(/\r$/, ''));
}

export function passageExists(passageId: string): HostError {
  return new HostError('passage-exists', `Đoạn AI ${passageId} đã được đánh dấu.`, `AI passage ${passageId} is already marked.`);
}

export function refuseExisting(snapshot: BodySnapshot, passageId: string): void {
  if (snapshot.controls.some((c) => c.passageId === passageId)) throw passageExists(passageId);
}

export function paragraphAt(snapshot: BodySnapshot, index: number): ParagraphInfo {
  const p = Number.isInteger(index) ? snapshot.paragraphs[index - 1] : undefined;
  if (!p) {
    const count = snapshot.paragraphs.length;
    throw new HostError(
      'paragraph-out-of-range',
      `Không có đoạn văn số ${index} (tài liệu có ${count} đoạn).`,
      `There is no paragraph ${index} (the document has ${count}).`,
    );
  }
  return p;
}

export function dressPassageControl(control: Word.ContentControl, passageId: string, title: string, hex: string): void {
  // The tag first: it is what binds the control to the record.
  control.tag = PASSAGE_TAG_PREFIX + passageId;
  control.title = title;
  control.color = `#${hex}`;
  control.appearance = 'BoundingBox';
}

/**
 * Refuses a range Word would cut across: a table entered or left part-way, or a content control
 * (not ours) that the range half covers. Mirrors the .docx host's `crosses-table` rule. Within
 * tables, both ends must be paragraphs of one cell at the same nesting level (a range ending
 * inside a table nested in that cell is refused, a little stricter than the .docx host).
 */
export function refuseBrokenStructure(snapshot: BodySnapshot, from: number, to: number): void {
  const ps = snapshot.paragraphs;
  const level = (i: number) => ps[i - 1]!.tableLevel;
  let lowest = Infinity;
  for (let i = from; i <= to; i++) lowest = Math.min(lowest, level(i));
  let whole: boolean;
  if (lowest === 0) {
    // Outside tables at the common level: a table may be included only from its first to its last paragraph.
    const startsClean = level(from) === 0 || from === 1 || level(from - 1) === 0;
    const endsClean = level(to) === 0 || to === ps.length || level(to + 1) === 0;
    whole = startsClean && endsClean;
  } else {
    const home = ps[from - 1]!.cell;
    const sameCell = (i: number) => {
      const cell = ps[i - 1]!.cell;
      return !!cell && !!home && cell.row === home.row && cell.cell === home.cell;
    };
    whole = level(from) === lowest && level(to) === lowest;
    for (let i = from; whole && i <= to; i++) if (level(i) === lowest && !sameCell(i)) whole = false;
  }
  if (!whole) {
    throw new HostError(
      'crosses-table',
      `Không thể đánh dấu đoạn ${from}–${to}: khoảng này cắt ngang một bảng. Hãy chọn trọn bảng hoặc chỉ các đoạn trong cùng một ô.`,
      `Cannot mark paragraphs ${from}–${to}: the range cuts across a table. Select the whole table or paragraphs within one cell.`,
    );
  }
  for (const [id, [a, b]] of snapshot.blockRanges) {
    const halfCovered = (a < from && b >= from && b < to) || (a > from && a <= to && b > to);
    if (!halfCovered) continue;
    // Half covering a passage is refused here too, as the .docx host does (a whole one is an overlap).
    const control = snapshot.controls.find((c) => c.id === id);
    throw new HostError(
      'crosses-table',
      `Không thể đánh dấu đoạn ${from}–${to}: khoảng này cắt ngang vùng nội dung "${control?.title ?? ''}" (đoạn ${a}–${b}). Hãy chọn trọn vùng đó hoặc chỉ các đoạn bên trong nó.`,
      `Cannot mark paragraphs ${from}–${to}: the range cuts across the content control "${control?.title ?? ''}" (paragraphs ${a}–${b}). Select all of it or only paragraphs inside it.`,
    );
  }
}

/**
 * Where new paragraphs go after body paragraph `after` (0 = start of the body), as the .docx host
 * decides it: never inside a passage; after a passage's last paragraph means after the passage.
 */
export function insertionPoint(snapshot: BodySnapshot, passages: PassageInfo[], after: number | 'end'): { anchor: Anchor; template: ParagraphInfo | undefined } {
  const ps = snapshot.paragraphs;
  const outermostPassageAt = (index: number) =>
    passages
      .filter((p) => p.block && p.range[0] <= index && p.range[1] >= index)
      .sort((x, y) => y.range[1] - y.range[0] - (x.range[1] - x.range[0]))[0];
  if (after === 'end') return { anchor: { kind: 'body-end' }, template: ps[ps.length - 1] };
  if (after === 0) {
    const around = ps.length ? outermostPassageAt(1) : undefined;
    return { anchor: around ? { kind: 'before-control', control: around.control } : { kind: 'body-start' }, template: ps[0] };
  }
  const paragraph = paragraphAt(snapshot, after);
  const outer = outermostPassageAt(after);
  const lockedBy = paragraph.chain.find((c) => c.cannotEdit && c.id !== outer?.control.id);
  if (lockedBy) throw wordErrors.controlLocked({ title: lockedBy.title });
  if (outer) {
    if (outer.range[1] !== after) {
      throw new HostError(
        'overlaps-passage',
        `Không thể chèn sau đoạn ${after}: vị trí này nằm giữa một đoạn AI.`,
        `Cannot insert after paragraph ${after}: that point is in the middle of an AI passage.`,
      );
    }
    return { anchor: { kind: 'after-control', control: outer.control }, template: paragraph };
  }
  return { anchor: { kind: 'after-paragraph', paragraph }, template: paragraph };
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

/** New text after a heading is body text, not another heading (Word copies the anchor's style). */
export function plainBodyStyle(paragraph: Word.Paragraph, template: ParagraphInfo | undefined): void {
  if (template && HEADING_STYLE.test(template.style)) paragraph.styleBuiltIn = 'Normal';
}


export function passageNotFound(passageId: string): HostError {
  return new HostError('passage-not-found', `Không tìm thấy đoạn AI ${passageId} trong tài liệu.`, `AI passage ${passageId} was not found in the document.`);
}

/** The range exists, is in order, cuts no table, and touches no passage (`overlap` says so otherwise). */
function checkRange(snapshot: BodySnapshot, passages: PassageInfo[], from: number, to: number, overlap: { vi: string; en: string }): { first: ParagraphInfo; last: ParagraphInfo } {
  const first = paragraphAt(snapshot, from);
  const last = paragraphAt(snapshot, to);
  if (to < from) {
    throw new HostError('paragraph-out-of-range', `Khoảng đoạn ${from}–${to} không hợp lệ.`, `Paragraph range ${from}–${to} is invalid.`);
  }
  refuseBrokenStructure(snapshot, from, to);
  if (passages.some((p) => p.range[0] <= to && p.range[1] >= from)) throw new HostError('overlaps-passage', overlap.vi, overlap.en);
  return { first, last };
}

/** Every check `markPassage` makes before writing; returns the first and last paragraph to wrap. */
export function checkMark(snapshot: BodySnapshot, passages: PassageInfo[], request: MarkPassageRequest): { first: ParagraphInfo; last: ParagraphInfo } {
  refuseExisting(snapshot, request.passageId);
  const { fromParagraph: from, toParagraph: to } = request;
  const { first, last } = checkRange(snapshot, passages, from, to, {
    vi: `Đoạn ${from}–${to} đã nằm trong (hoặc chứa) một đoạn AI khác.`,
    en: `Paragraphs ${from}–${to} are already inside (or contain) another AI passage.`,
  });
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
  const { first, last } = checkRange(snapshot, passages, from, to, {
    vi: `Không thể xoá đoạn ${from}–${to}: khoảng này nằm trong (hoặc chứa) một đoạn AI.`,
    en: `Cannot delete paragraphs ${from}–${to}: the range is inside (or contains) an AI passage.`,
  });
  // Inside one cell when every paragraph of the range is in a table (the structure check put both ends in one cell).
  const lowest = Math.min(...snapshot.paragraphs.slice(from - 1, to).map((p) => p.tableLevel));
  const cell = lowest > 0 ? first.cell : null;
  // A cell's paragraphs are consecutive: the range is the whole cell when neither neighbour is in it.
  const sameCell = (p: ParagraphInfo | undefined) => !!p && !!cell && p.tableLevel === first.tableLevel && p.cell?.row === cell.row && p.cell?.cell === cell.cell;
  const everything = cell
    ? !sameCell(snapshot.paragraphs[from - 2]) && !sameCell(snapshot.paragraphs[to])
    : from === 1 && to === snapshot.paragraphs.length;
  if (everything) {
    throw new HostError(
      'paragraph-out-of-range',
      `Không thể xoá đoạn ${from}–${to}: đó là tất cả các đoạn của ${cell ? 'ô bảng' : 'văn bản'}.`,
      `Cannot delete paragraphs ${from}–${to}: they are all the paragraphs of the ${cell ? 'table cell' : 'document'}.`,
    );
  }
  const locked = snapshot.paragraphs.slice(from - 1, to).flatMap((p) => p.chain).find((c) => c.cannotEdit || c.cannotDelete);
  if (locked) throw wordErrors.controlLocked({ title: locked.title });
  return { first, last };
}
