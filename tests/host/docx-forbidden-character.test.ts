// issue 15 — performance: forbiddenCharacter's quick pre-check changes no answer. The reference is
// the exact rule (XML 1.0 § 2.2 Char) applied code point by code point.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forbiddenCharacter } from '../../src/host/docx/xml';

function firstForbiddenRaw(text: string): string | undefined {
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
    if (!allowed) return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return undefined;
}

describe('forbiddenCharacter', () => {
  it('finds the first raw character XML forbids, paired surrogates allowed', () => {
    const unit = fc.constantFrom('a', 'ệ', '<w:t>', '\t', '\n', '\u0000', '\u0008', '\u000b', '\u001f', '\ufffe', '\uffff', '\ufffd', '\ud800', '\udbff', '\udc00', '\udfff', '😀', '𝐀', '\ue000');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (units) => {
        const text = units.join('');
        expect(forbiddenCharacter(text)).toBe(firstForbiddenRaw(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('still reads character references', () => {
    expect(forbiddenCharacter('<w:t>a&#x1;b</w:t>')).toBe('&#x1;');
    expect(forbiddenCharacter('<w:t>Hà Nội &#272;</w:t>')).toBeUndefined();
  });
});
