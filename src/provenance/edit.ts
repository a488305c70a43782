// How much a person changed the AI's text: 0 = untouched, 1 = nothing of it left.
// ratio = (characters removed + characters added) / (length before + length after), from a
// character diff (the `diff` library), rounded to 4 decimals so the stored value is stable.
import { diffChars } from 'diff';

export function computeEditRatio(original: string, current: string): number {
  if (original === current) return 0;
  const total = original.length + current.length;
  if (total === 0) return 0;
  let changed = 0;
  for (const part of diffChars(original, current)) {
    if (part.added || part.removed) changed += part.value.length;
  }
  return Math.round((changed / total) * 10_000) / 10_000;
}
