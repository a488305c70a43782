/**
 * Where a new AI passage goes by default when the person has no cursor (the workbench): before the
 * end block of a Vietnamese administrative document — the closing formula ("… trân trọng báo
 * cáo./."), "Nơi nhận:", "TM."/"T/M", "KT.", "Q.", "TL.", "TUQ.", the signer's title and name — never
 * below the signer's name (Nghị định 30/2020/NĐ-CP, Phụ lục I: thể thức văn bản).
 */

export interface ParagraphText {
  readonly index: number;
  readonly text: string;
}

const norm = (text: string): string => text.normalize('NFC').replace(/\s+/gu, ' ').trim();

/** "Nơi nhận:" and the authority lines that open a signature ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"). */
const BLOCK_START = [
  /^nơi nhận\s*:?/iu,
  /^(T\/M|TM\.|T\.M\.|KT\.|K\/T|Q\.|TL\.|T\/L|TUQ\.|TU\/Q)\s*\p{Lu}/u,
];
/** A closing formula ending the body: "… trân trọng báo cáo./.", "… kính trình./.". */
const CLOSING = /(trân trọng|kính)\s.{0,40}\.\/\.$/iu;

/** Index of the first paragraph of the signature block, or null when none is recognised. */
export function signatureBlockStart(paragraphs: readonly ParagraphText[]): number | null {
  // Look from the end: the block is the last part of the document; a "Nơi nhận" quoted in the body
  // does not count unless nothing but the block follows it.
  let start: number | null = null;
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const text = norm(paragraphs[i]!.text);
    if (BLOCK_START.some((re) => re.test(text))) start = i;
  }
  if (start === null) return null;
  // Only a block in the last third of the document (a table of contents may quote "Nơi nhận").
  if (start < Math.floor(paragraphs.length / 3)) {
    const later = paragraphs.slice(Math.floor(paragraphs.length / 3)).findIndex((p) => BLOCK_START.some((re) => re.test(norm(p.text))));
    if (later < 0) return null;
    start = Math.floor(paragraphs.length / 3) + later;
  }
  // Step back over empty paragraphs and the closing formula just above the block.
  let i = start;
  while (i > 0 && norm(paragraphs[i - 1]!.text) === '') i--;
  if (i > 0 && CLOSING.test(norm(paragraphs[i - 1]!.text))) i--;
  return paragraphs[i]!.index;
}

/**
 * The paragraph after which a new passage is suggested: the last paragraph before the signature
 * block, else the last paragraph of the document.
 */
export function suggestedInsertionPoint(paragraphs: readonly ParagraphText[]): number {
  const block = signatureBlockStart(paragraphs);
  if (block === null) return paragraphs.length ? paragraphs[paragraphs.length - 1]!.index : 0;
  return Math.max(0, block - 1);
}

/** Where a new passage goes by default, and why (the pane says which). */
export interface InsertionPoint {
  /** The paragraph the passage goes after (0 = the start of the body). */
  after: number;
  /** `cursor`: after the paragraph holding the person's cursor or selection (Word); else suggested. */
  from: 'cursor' | 'suggested';
}

/**
 * Issue 13: in Word the default is the cursor — after the last paragraph the selection touches, as
 * "insert at the cursor" does; with no cursor in the body (a header, a comment, the workbench), the
 * suggested point before the signature block.
 */
export function defaultInsertionPoint(paragraphs: readonly ParagraphText[], cursor: { toParagraph: number } | null | undefined): InsertionPoint {
  if (cursor && paragraphs.some((p) => p.index === cursor.toParagraph)) return { after: cursor.toParagraph, from: 'cursor' };
  return { after: suggestedInsertionPoint(paragraphs), from: 'suggested' };
}
