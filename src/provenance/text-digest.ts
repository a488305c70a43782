// The digest of a document's body text that a sign-off signs (issue 11): the whole text and each
// paragraph, so a later check can say that the text changed after sign-off and which paragraphs.
// Paragraphs are the host's body paragraphs (numbered from 1, empty ones included), normalised: NFC,
// every run of white space (no-break space included) as one space, trimmed — so re-saving in another
// editor that only rewrites spacing is not an edit.
import { diffArrays } from 'diff';
import { sha256Hex } from './hash';
import type { TextDigest } from './schema';

export function normaliseParagraph(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00a0\u202f\u2007\u00ad]+/g, ' ').trim();
}

export async function textDigestOf(paragraphs: readonly string[]): Promise<TextDigest> {
  const normalised = paragraphs.map(normaliseParagraph);
  const [text, ...each] = await Promise.all([sha256Hex(normalised.join('\n')), ...normalised.map((p) => sha256Hex(p))]);
  return { alg: 'sha256', text: text!, paragraphs: each.map((hex) => hex.slice(0, 16)) };
}

export interface TextComparison {
  unchanged: boolean;
  /** Paragraphs (current numbering, from 1) that are new or changed since the digest. */
  changed: number[];
  /** Paragraphs of the signed text (its numbering) that are gone or were changed. */
  removed: number[];
}

export async function compareText(digest: TextDigest, paragraphs: readonly string[]): Promise<TextComparison> {
  const now = await textDigestOf(paragraphs);
  if (now.text === digest.text) return { unchanged: true, changed: [], removed: [] };
  const changed: number[] = [];
  const removed: number[] = [];
  let before = 1;
  let after = 1;
  for (const part of diffArrays(digest.paragraphs, now.paragraphs)) {
    const n = part.count ?? part.value.length;
    for (let i = 0; i < n; i++) {
      if (part.added) changed.push(after++);
      else if (part.removed) removed.push(before++);
      else {
        before++;
        after++;
      }
    }
  }
  return { unchanged: false, changed, removed };
}
