// issue 15 — performance: the one-pass word count is the split-on-\s count it replaced, for every
// code unit (which paragraphs are long enough to fingerprint must not change).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordCount } from '../../src/logbook/summarise';

const splitCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('wordCount', () => {
  it('is the split-on-whitespace count for every UTF-16 code unit as a separator', () => {
    for (let code = 0; code < 0x10000; code++) {
      const text = `Một${String.fromCharCode(code)}hai ba`;
      expect(wordCount(text), `U+${code.toString(16)}`).toBe(splitCount(text));
    }
  });

  it('is the split-on-whitespace count on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'ệ', ' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', 'x') }), (text) => {
        expect(wordCount(text)).toBe(splitCount(text));
      }),
      { numRuns: 500 },
    );
  });
});
