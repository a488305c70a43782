// Signal phrases: plain Vietnamese phrases matched on whole words, case-insensitively, after NFC and
// whitespace folding. A "…" inside a phrase allows up to six words in between
// ("dự toán … chưa công bố" matches "dự toán ngân sách năm 2026 chưa công bố").

const cache = new Map<string, RegExp>();

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(phrase: string): RegExp {
  let re = cache.get(phrase);
  if (!re) {
    const parts = phrase
      .normalize('NFC')
      .toLowerCase()
      .split('…')
      .map((p) => p.trim())
      .filter((p) => p.length > 0)
      .map((p) => p.split(/\s+/).map(escape).join('\\s+'));
    const body = parts.join('(?:\\s+\\S+){0,6}?\\s+');
    re = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'u');
    cache.set(phrase, re);
  }
  return re;
}

/** The first signal phrase found in the text, as it is written there; undefined if none. */
export function findSignal(text: string, phrases: readonly string[]): string | undefined {
  if (!text) return undefined;
  const nfc = text.normalize('NFC');
  const folded = nfc.toLowerCase();
  // Lower-casing keeps lengths for Vietnamese, so offsets map back to the text as written.
  const sameLength = folded.length === nfc.length;
  for (const phrase of phrases) {
    const m = compile(phrase).exec(folded);
    if (m) {
      const found = sameLength ? nfc.slice(m.index, m.index + m[0].length) : m[0];
      return found.replace(/\s+/g, ' ');
    }
  }
  return undefined;
}
