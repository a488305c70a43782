/**
 * The DocumentHost port: what the workflow needs from a document, whatever holds it (a .docx in
 * memory, Word through Office.js, later ONLYOFFICE). Every adapter implements exactly this.
 *
 * Paragraph numbers are 1-based, in document order, over the body only (empty paragraphs and
 * paragraphs inside table cells included; headers, footers, notes, comments and text boxes excluded).
 */

export type TextPartKind =
  | 'body' | 'header' | 'footer' | 'footnotes' | 'endnotes' | 'comments' | 'textbox'
  // Places a stamp can hide that are not stories: image alt text, SmartArt data, document properties.
  | 'alt-text' | 'diagram' | 'properties';

export interface TextParagraph {
  text: string;
  /** Where the paragraph is, e.g. `word/document.xml#p12` or `word/header1.xml#textbox1/p2`. */
  locator: string;
}

/**
 * One text story of the document. `text` is its paragraphs joined by "\n". Inside a paragraph, a
 * tab is "\t" and a manual line break (w:br, w:cr) is "\u000b" (as Word's own object model reports
 * it), so "\n" always means a paragraph boundary.
 */
export interface TextSegment {
  part: string;
  kind: TextPartKind;
  text: string;
  paragraphs: TextParagraph[];
}

/**
 * The name findings carry for a segment: "body" for the main text, the part name for headers,
 * footers and notes, and each text box's own locator ("word/document.xml#textbox1").
 */
export function segmentLabel(segment: TextSegment): string {
  if (segment.kind === 'body') return 'body';
  if (segment.kind === 'alt-text') return segment.paragraphs[0]?.locator ?? segment.part;
  if (segment.kind === 'textbox') return (segment.paragraphs[0]?.locator ?? segment.part).replace(/\/p\d+$/, '');
  return segment.part;
}

export interface HostParagraph {
  index: number;
  text: string;
  /** Stable for the paragraph during this session, even when paragraphs are inserted before it. */
  locator: string;
  /** Set when the paragraph lies inside one of our passage content controls. */
  passageId?: string;
  /**
   * Set when the paragraph lies in a table cell (the innermost table), where the host knows it
   * cheaply (docx): the table's locator and the cell's row and column, 0-based. A view may draw the table.
   */
  cell?: { table: string; row: number; column: number };
}

export interface HostPassage {
  /** The passage id from the tag `aiprov:<id>`, or, when the tag was lost, a host id for `rebindPassage`. */
  id: string;
  /** The control's tag, or null when it was lost (the control was found by its "AI · " title). */
  tag: string | null;
  title: string;
  /** Colour as RRGGBB, when the control has one. */
  color: string | null;
  text: string;
  paragraphRange: [number, number];
}

export interface MarkPassageRequest {
  passageId: string;
  fromParagraph: number;
  toParagraph: number;
  title: string;
  /** "#RRGGBB" or "RRGGBB". */
  color: string;
}

export interface InsertPassageRequest {
  passageId: string;
  /** 0 inserts at the very start of the body. */
  afterParagraph: number;
  /** Paragraphs are separated by "\n"; "\t" is a tab and "\u000b" a line break. */
  text: string;
  title: string;
  color: string;
}

export interface UpdatePassageRequest {
  passageId: string;
  title?: string;
  color?: string;
}

/** Which untagged control to give the tag back to: the id `listPassages` reported, or its title. */
export interface RebindTarget {
  controlId?: string;
  title?: string;
}

export interface InsertParagraphRequest {
  /** A paragraph number (0 = start of body) or 'end' (last paragraph of the body). */
  afterParagraph: number | 'end';
  text: string;
}

/** What the person has selected (or where the cursor is) in the body. */
export interface HostSelection {
  /** The body paragraphs the selection touches (numbers as `readParagraphs` gives them). */
  fromParagraph: number;
  toParagraph: number;
  /** The selected text; paragraphs separated by "\n" ("" for a bare cursor). */
  text: string;
}

/** A claim to select inside a passage: its text, and which occurrence (0 = the first). */
export interface ClaimTarget {
  text: string;
  occurrence?: number;
}

export interface DeleteParagraphsRequest {
  from: number;
  to: number;
}

export interface DocumentHost {
  readParagraphs(): Promise<HostParagraph[]>;
  /**
   * The person's selection (hosts with a cursor only, e.g. Word): the body paragraphs it touches and
   * its text; null when the selection is not in the body (a header, a footnote, a comment…).
   */
  readSelection?(): Promise<HostSelection | null>;
  /**
   * Selects the passage's control (or, with `claim`, that text inside it; the whole passage when the
   * claim text is no longer there) and brings it into view. Hosts with a cursor only.
   */
  selectPassage?(passageId: string, claim?: ClaimTarget): Promise<void>;
  /**
   * Deletes body paragraphs `from`..`to` (1-based, inclusive). Refuses a range that holds or cuts a
   * passage, or crosses a table's edge, as `markPassage` does; it never empties the body.
   */
  deleteParagraphs?(request: DeleteParagraphsRequest): Promise<void>;
  /** Every text story (body, headers, footers, notes, comments, text boxes), e.g. to find a secrecy stamp. */
  readAllText(): Promise<TextSegment[]>;
  listPassages(): Promise<HostPassage[]>;
  markPassage(request: MarkPassageRequest): Promise<void>;
  insertPassage(request: InsertPassageRequest): Promise<void>;
  updatePassage(request: UpdatePassageRequest): Promise<void>;
  /** Unwraps the control and keeps its text. */
  removeMark(passageId: string): Promise<void>;
  rebindPassage(passageId: string, target: RebindTarget): Promise<void>;
  /** Returns the number of the first inserted paragraph. */
  insertParagraph(request: InsertParagraphRequest): Promise<number>;
  /**
   * The record part whose root element's namespace is `namespace` or starts with it (pass the
   * prefix to find a record of any major version), as XML text, or null.
   */
  readRecord(namespace: string): Promise<string | null>;
  /** Replaces the part `readRecord(namespace)` finds (or adds one); the XML's root must match. */
  writeRecord(namespace: string, xml: string): Promise<void>;
  readProperties(): Promise<Record<string, string>>;
  /** Sets the given custom properties; other properties are left as they are. */
  writeProperties(props: Record<string, string>): Promise<void>;
  /**
   * Runs `work` as one unit against the document: reads inside come from one snapshot taken at the
   * start (kept current with the writes made inside), writes are applied together at the end.
   * Calls made inside join it (a nested batch too). Hosts where calls are cheap (docx) may leave it out.
   */
  batch?<T>(work: () => Promise<T>, options?: BatchOptions): Promise<T>;
}

/** What a batch should read up front, so the reads inside cost no extra round trip. */
export interface BatchOptions {
  /** Every text story will be read (`readAllText`): fetch headers, footers and text boxes too. */
  withText?: boolean;
  /** The record namespace (or prefix) `readRecord` will be asked for: fetch that part's XML too. */
  record?: string;
  /** `readSelection` will be asked: read the selection up front too. */
  selection?: boolean;
}

/** `work` as one batch where the host has batches, else simply `work()`. */
export function inBatch<T>(host: DocumentHost, work: () => Promise<T>, options?: BatchOptions): Promise<T> {
  return host.batch ? host.batch(work, options) : work();
}

export const PASSAGE_TAG_PREFIX = 'aiprov:';
export const PASSAGE_TITLE_PREFIX = 'AI · ';

export type HostErrorCode =
  | 'paragraph-out-of-range'
  | 'crosses-table'
  | 'overlaps-passage'
  | 'passage-exists'
  | 'passage-not-found'
  | 'ambiguous-target'
  | 'invalid-color'
  | 'invalid-record';

/** A request the document cannot carry out as asked; the message is for the user, in both languages. */
export class HostError extends Error {
  readonly code: HostErrorCode;
  readonly bilingual: { vi: string; en: string };

  constructor(code: HostErrorCode, vi: string, en: string) {
    super(`${en} / ${vi}`);
    this.name = 'HostError';
    this.code = code;
    this.bilingual = { vi, en };
  }
}

/** "#rrggbb" or "RRGGBB" → "RRGGBB"; anything else is refused. */
export function normalizeColor(color: string): string {
  const hex = color.trim().replace(/^#/, '');
  if (!/^[0-9a-fA-F]{6}$/.test(hex)) {
    throw new HostError('invalid-color', `Màu không hợp lệ: "${color}" (cần dạng #RRGGBB).`, `Invalid colour "${color}" (expected #RRGGBB).`);
  }
  return hex.toUpperCase();
}
