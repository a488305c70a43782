/**
 * The open document as context for a draft, when the person asks for it: the paragraphs around the
 * insertion point, or the whole body. Only text is taken here; what may leave the machine is decided
 * by generateDraft, which scans, gates and redacts this text exactly as it does the prompt and the
 * sources (a level-4 document, or a stamp inside the context, sends nothing).
 */
import type { ParagraphText } from './insertion-point';

export type ContextScope = 'around' | 'whole';

/** Paragraphs taken before and after the insertion point for `around`. */
export const CONTEXT_BEFORE = 4;
export const CONTEXT_AFTER = 2;
/** A cap, so a long document does not swamp the request (the model reads the start of it). */
export const CONTEXT_MAX_CHARS = 12_000;

/**
 * The text given to the model as context. `after` is the paragraph the passage goes after (0 = the
 * start). Empty paragraphs are left out; the text is cut at CONTEXT_MAX_CHARS on a paragraph edge.
 */
export function documentContext(paragraphs: readonly ParagraphText[], scope: ContextScope, after: number): string {
  const position = paragraphs.findIndex((p) => p.index > after);
  const split = position < 0 ? paragraphs.length : position;
  const taken = scope === 'whole' ? paragraphs : paragraphs.slice(Math.max(0, split - CONTEXT_BEFORE), split + CONTEXT_AFTER);
  const out: string[] = [];
  let length = 0;
  for (const p of taken) {
    const text = p.text.trim();
    if (text === '') continue;
    if (length + text.length > CONTEXT_MAX_CHARS) break;
    out.push(text);
    length += text.length + 1;
  }
  return out.join('\n');
}
