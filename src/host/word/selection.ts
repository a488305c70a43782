/**
 * The person's selection and selecting passages in Word.
 *
 * Reading the selection: Word has no "index of this paragraph", so the selection's paragraphs are
 * matched to the body's by `uniqueLocalId` (WordApi 1.6: one sync with the body read); without it,
 * by counting: the paragraphs from the start of the body through the end of the selection give the
 * last number, the selection's own paragraphs the first. That range can only be built once the
 * selection is known to be in the body (a range across stories fails the whole batch), so it costs
 * one more sync.
 */
import { PASSAGE_TAG_PREFIX } from '../port';
import type { ClaimTarget, HostSelection } from '../port';
import { passageNotFound } from './rules';

/** Where a selection lies, in paragraph numbers as the body read gave them. */
export interface SelectionSpan {
  from: number;
  to: number;
  text: string;
}

/** Stories whose paragraphs are body paragraphs (a table cell's body is its own story in Word). */
const BODY_TYPES = new Set(['MainDoc', 'TableCell']);

/** The selection's text as the port gives it: paragraphs separated by "\n". */
export function selectionText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n');
}

export type SelectionStep = { done: SelectionSpan | null } | { finish: () => SelectionSpan | null };

/**
 * Queues the first read of the selection. After the next sync, call the returned function with a
 * lookup from uniqueLocalId to paragraph number (when `stable`): it gives the span, or queues the
 * count (without `stable`) and returns `finish` to call after one more sync.
 */
export function queueSelectionRead(context: Word.RequestContext, stable: boolean): (numberOf: ((uid: string) => number | undefined) | null) => SelectionStep {
  const selection = context.document.getSelection();
  selection.load('text');
  const paragraphs = selection.paragraphs.load(stable ? 'items/uniqueLocalId' : 'items/tableNestingLevel');
  const parentBody = stable ? null : selection.parentBody.load('type');
  return (numberOf) => {
    const text = selectionText(selection.text ?? '');
    const count = paragraphs.items.length;
    if (count === 0) return { done: null };
    if (stable && numberOf) {
      const numbers = paragraphs.items.map((p) => numberOf(p.uniqueLocalId));
      if (numbers.some((n) => n === undefined)) return { done: null };
      return { done: { from: numbers[0]!, to: numbers[numbers.length - 1]!, text } };
    }
    if (!parentBody || !BODY_TYPES.has(String(parentBody.type))) return { done: null };
    const through = context.document.body.getRange('Start').expandTo(selection.getRange('End')).paragraphs.load('items/tableNestingLevel');
    return {
      finish: () => {
        const to = through.items.length;
        return to < 1 ? null : { from: Math.max(1, to - count + 1), to, text };
      },
    };
  };
}

/** Reads the selection in its own Word.run: 1 sync (WordApi 1.6) or 2. */
export async function readSelectionAlone(context: Word.RequestContext, stable: boolean): Promise<HostSelection | null> {
  const body = stable ? context.document.body.paragraphs.load('items/uniqueLocalId') : null;
  const read = queueSelectionRead(context, stable);
  await context.sync();
  const numbers = body ? new Map(body.items.map((p, i) => [p.uniqueLocalId, i + 1])) : null;
  const step = read(numbers ? (uid) => numbers.get(uid) : null);
  let span: SelectionSpan | null;
  if ('done' in step) span = step.done;
  else {
    await context.sync();
    span = step.finish();
  }
  return span && { fromParagraph: span.from, toParagraph: span.to, text: span.text };
}

/** Word's search treats "^" as the start of a special character (^p, ^t…): "^^" is a caret. */
export function searchText(text: string): string {
  return text.replace(/\^/g, '^^');
}

/** Word's search takes at most 255 characters. */
const SEARCH_LIMIT = 255;

/**
 * Queues the search for a claim's text inside a control; after the next sync, call the returned
 * function to select the occurrence asked for (the whole control when the text is gone).
 */
export function queueClaimSelection(control: Word.ContentControl, claim: ClaimTarget): () => void {
  const text = claim.text.trim();
  if (!text || text.length > SEARCH_LIMIT) {
    return () => control.select('Select');
  }
  const found = control.search(searchText(text), { matchCase: true }).load('items/text');
  return () => {
    const hit = found.items[claim.occurrence ?? 0] ?? found.items[0];
    if (hit) hit.select('Select');
    else control.select('Select');
  };
}

/** Selects a passage (or a claim in it) in its own Word.run: 2 syncs, 3 with a claim. */
export async function selectPassageAlone(context: Word.RequestContext, passageId: string, claim?: ClaimTarget): Promise<void> {
  const controls = context.document.body.contentControls.getByTag(PASSAGE_TAG_PREFIX + passageId).load('items/id');
  await context.sync();
  const control = controls.items[0];
  if (!control) throw passageNotFound(passageId);
  if (claim) {
    const select = queueClaimSelection(control, claim);
    await context.sync();
    select();
  } else {
    control.select('Select');
  }
  await context.sync();
}
