/**
 * The rules every host applies, written once over a neutral outline of the document: which
 * requests are refused (and with which `HostError` message), which controls are passages, and where
 * new paragraphs go. The .docx host, the Word host and the ONLYOFFICE host each describe their body
 * as a `DocumentOutline` and ask these functions; tests/host-contract checks they all agree.
 */
import { HostError, PASSAGE_TAG_PREFIX, PASSAGE_TITLE_PREFIX } from './port';

// ---- passage controls ------------------------------------------------------------------------

/** The passage id of a tag `aiprov:<id>`, else null. */
export function passageIdOfTag(tag: string | null | undefined): string | null {
  return tag?.startsWith(PASSAGE_TAG_PREFIX) ? tag.slice(PASSAGE_TAG_PREFIX.length) : null;
}

export function passageTag(passageId: string): string {
  return PASSAGE_TAG_PREFIX + passageId;
}

/** Ours by tag, or tag lost but titled "AI · …" (as LibreOffice 7.4 leaves it). */
export function isPassageMark(tag: string | null | undefined, title: string | null | undefined): boolean {
  if (passageIdOfTag(tag) !== null) return true;
  return !tag && !!title?.startsWith(PASSAGE_TITLE_PREFIX);
}

// ---- the refusals, one message each ----------------------------------------------------------

export type RangeAction = 'mark' | 'delete';

export const hostErrors = {
  passageExists: (passageId: string) =>
    new HostError('passage-exists', `Đoạn AI ${passageId} đã được đánh dấu.`, `AI passage ${passageId} is already marked.`),
  passageNotFound: (passageId: string) =>
    new HostError('passage-not-found', `Không tìm thấy đoạn AI ${passageId} trong tài liệu.`, `AI passage ${passageId} was not found in the document.`),
  noParagraph: (index: number, count: number) =>
    new HostError('paragraph-out-of-range', `Không có đoạn văn số ${index} (tài liệu có ${count} đoạn).`, `There is no paragraph ${index} (the document has ${count}).`),
  invalidRange: (from: number, to: number) =>
    new HostError('paragraph-out-of-range', `Khoảng đoạn ${from}–${to} không hợp lệ.`, `Paragraph range ${from}–${to} is invalid.`),
  noBody: () => new HostError('paragraph-out-of-range', 'Tài liệu không có phần thân (w:body).', 'The document has no body (w:body).'),
  crossesTable: (from: number, to: number, action: RangeAction) =>
    new HostError(
      'crosses-table',
      `Không thể ${action === 'mark' ? 'đánh dấu' : 'xoá'} đoạn ${from}–${to}: khoảng này cắt ngang một bảng. Hãy chọn trọn bảng hoặc chỉ các đoạn trong cùng một ô.`,
      `Cannot ${action} paragraphs ${from}–${to}: the range cuts across a table. Select the whole table or paragraphs within one cell.`,
    ),
  crossesControl: (from: number, to: number, action: RangeAction, title: string, range: [number, number]) =>
    new HostError(
      'crosses-table',
      `Không thể ${action === 'mark' ? 'đánh dấu' : 'xoá'} đoạn ${from}–${to}: khoảng này cắt ngang vùng nội dung "${title}" (đoạn ${range[0]}–${range[1]}). Hãy chọn trọn vùng đó hoặc chỉ các đoạn bên trong nó.`,
      `Cannot ${action} paragraphs ${from}–${to}: the range cuts across the content control "${title}" (paragraphs ${range[0]}–${range[1]}). Select all of it or only paragraphs inside it.`,
    ),
  overlapsPassage: (from: number, to: number, action: RangeAction) =>
    action === 'mark'
      ? new HostError('overlaps-passage', `Đoạn ${from}–${to} đã nằm trong (hoặc chứa) một đoạn AI khác.`, `Paragraphs ${from}–${to} are already inside (or contain) another AI passage.`)
      : new HostError('overlaps-passage', `Không thể xoá đoạn ${from}–${to}: khoảng này nằm trong (hoặc chứa) một đoạn AI.`, `Cannot delete paragraphs ${from}–${to}: the range is inside (or contains) an AI passage.`),
  insideOfPassage: (after: number) =>
    new HostError('overlaps-passage', `Không thể chèn sau đoạn ${after}: vị trí này nằm giữa một đoạn AI.`, `Cannot insert after paragraph ${after}: that point is in the middle of an AI passage.`),
  deletesEverything: (from: number, to: number, inCell: boolean) =>
    new HostError(
      'paragraph-out-of-range',
      `Không thể xoá đoạn ${from}–${to}: đó là tất cả các đoạn của ${inCell ? 'ô bảng' : 'văn bản'}.`,
      `Cannot delete paragraphs ${from}–${to}: they are all the paragraphs of the ${inCell ? 'table cell' : 'document'}.`,
    ),
} as const;

// ---- the neutral outline ---------------------------------------------------------------------

/** Where a body paragraph sits: its table nesting (0 = not in a table) and, in a table, its cell. */
export interface OutlineParagraph {
  tableLevel: number;
  /** Row and cell of the innermost table holding the paragraph, null outside tables. */
  cell: { row: number; cell: number } | null;
}

/** A block content control (any, ours or not) and the body paragraphs it covers. */
export interface OutlineControl {
  title: string;
  range: [number, number];
}

/** One of our passages: the paragraphs it covers; `block` is false for an inline control in one paragraph. */
export interface OutlinePassage {
  range: [number, number];
  block: boolean;
}

export interface DocumentOutline<P extends OutlineParagraph = OutlineParagraph, S extends OutlinePassage = OutlinePassage> {
  paragraphs: P[];
  controls: OutlineControl[];
  passages: S[];
}

/** Paragraph `index` (1-based) or the `paragraph-out-of-range` refusal. */
export function paragraphAt<P>(paragraphs: readonly P[], index: number): P {
  const p = Number.isInteger(index) ? paragraphs[index - 1] : undefined;
  if (!p) throw hostErrors.noParagraph(index, paragraphs.length);
  return p;
}

/**
 * Refuses a range that would be cut across: a table entered or left part-way, or a content control
 * that the range half covers. Within tables, both ends must be paragraphs of one cell at the same
 * nesting level.
 */
export function refuseBrokenStructure(outline: DocumentOutline, from: number, to: number, action: RangeAction): void {
  const ps = outline.paragraphs;
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
  if (!whole) throw hostErrors.crossesTable(from, to, action);
  for (const control of outline.controls) {
    const [a, b] = control.range;
    const halfCovered = (a < from && b >= from && b < to) || (a > from && a <= to && b > to);
    if (halfCovered) throw hostErrors.crossesControl(from, to, action, control.title, control.range);
  }
}

/** The range exists, is in order, cuts no table and touches no passage. Returns its first and last paragraph. */
export function checkRange<P extends OutlineParagraph>(outline: DocumentOutline<P>, from: number, to: number, action: RangeAction): { first: P; last: P } {
  const first = paragraphAt(outline.paragraphs, from);
  const last = paragraphAt(outline.paragraphs, to);
  if (to < from) throw hostErrors.invalidRange(from, to);
  refuseBrokenStructure(outline, from, to, action);
  if (outline.passages.some((p) => p.range[0] <= to && p.range[1] >= from)) throw hostErrors.overlapsPassage(from, to, action);
  return { first, last };
}

/** As `checkRange`, and never all the paragraphs of the body or of a table cell (editors keep one there). */
export function checkDeleteRange<P extends OutlineParagraph>(outline: DocumentOutline<P>, from: number, to: number): { first: P; last: P } {
  const { first, last } = checkRange(outline, from, to, 'delete');
  const ps = outline.paragraphs;
  const lowest = Math.min(...ps.slice(from - 1, to).map((p) => p.tableLevel));
  const cell = lowest > 0 ? first.cell : null;
  // A cell's paragraphs are consecutive: the range is the whole cell when neither neighbour is in it.
  const sameCell = (p: OutlineParagraph | undefined) => !!p && !!cell && p.tableLevel === first.tableLevel && p.cell?.row === cell.row && p.cell?.cell === cell.cell;
  const everything = cell ? !sameCell(ps[from - 2]) && !sameCell(ps[to]) : from === 1 && to === ps.length;
  if (everything) throw hostErrors.deletesEverything(from, to, !!cell);
  return { first, last };
}

/** The largest block passage covering paragraph `index`, if any. */
export function outermostPassageAt<S extends OutlinePassage>(passages: readonly S[], index: number): S | undefined {
  return passages
    .filter((p) => p.block && p.range[0] <= index && p.range[1] >= index)
    .sort((x, y) => y.range[1] - y.range[0] - (x.range[1] - x.range[0]))[0];
}

export type InsertionTarget<P, S> =
  | { kind: 'body-start'; template: P | undefined }
  | { kind: 'body-end'; template: P | undefined }
  | { kind: 'before-passage'; passage: S; template: P | undefined }
  | { kind: 'after-passage'; passage: S; template: P }
  | { kind: 'after-paragraph'; paragraph: P; template: P };

/**
 * Where new paragraphs go after body paragraph `after` (0 = start of the body, 'end' = end):
 * never inside a passage; after a passage's last paragraph means after the passage; at the start,
 * before a passage that opens the body. `template` is the paragraph new text is modelled on.
 */
export function insertionTarget<P extends OutlineParagraph, S extends OutlinePassage>(outline: DocumentOutline<P, S>, after: number | 'end'): InsertionTarget<P, S> {
  const ps = outline.paragraphs;
  if (after === 'end') return { kind: 'body-end', template: ps[ps.length - 1] };
  if (after === 0) {
    const around = ps.length ? outermostPassageAt(outline.passages, 1) : undefined;
    return around ? { kind: 'before-passage', passage: around, template: ps[0] } : { kind: 'body-start', template: ps[0] };
  }
  const paragraph = paragraphAt(ps, after);
  const outer = outermostPassageAt(outline.passages, after);
  if (outer) {
    if (outer.range[1] !== after) throw hostErrors.insideOfPassage(after);
    return { kind: 'after-passage', passage: outer, template: paragraph };
  }
  return { kind: 'after-paragraph', paragraph, template: paragraph };
}

/** Paragraphs of inserted text: "\n" separates them, a trailing "\r" (Windows line ends) is dropped. */
export function splitLines(text: string): string[] {
  return text.split('\n').map((line) => line.replace(/\r$/, ''));
}
