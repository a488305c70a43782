// issue 14 — performance: the word-by-word SimHash gives exactly the fingerprints of the plain form
// (trigram strings joined, then hashed), which records already store.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseForFingerprint, passageFingerprint } from '../../src/provenance/fingerprint';

function hash32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The fingerprint as first written (before issue 14), kept here as the reference. */
function plainFingerprint(text: string): string {
  const words = normaliseForFingerprint(text).split(' ').filter(Boolean);
  const features: string[] = [];
  if (words.length < 3) features.push(words.join(' '));
  else for (let i = 0; i + 3 <= words.length; i++) features.push(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  const votes = new Int32Array(64);
  for (const feature of features) {
    const high = hash32(feature, 0x811c9dc5);
    const low = hash32(feature, 0x01000193 ^ 0x5bd1e995);
    for (let bit = 0; bit < 32; bit++) {
      votes[bit]! += (high >>> bit) & 1 ? 1 : -1;
      votes[bit + 32]! += (low >>> bit) & 1 ? 1 : -1;
    }
  }
  let high = 0;
  let low = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (votes[bit]! > 0) high |= 1 << bit;
    if (votes[bit + 32]! > 0) low |= 1 << bit;
  }
  return (high >>> 0).toString(16).padStart(8, '0') + (low >>> 0).toString(16).padStart(8, '0');
}

describe('passageFingerprint', () => {
  it('is the plain form on real sentences, short texts and empty text', () => {
    for (const text of [
      'Năm 2025 toàn tỉnh giải quyết 1.204 hồ sơ, đạt 95,5% kế hoạch theo Quyết định số 200/QĐ-UBND.',
      'Hai từ',
      'Một',
      '',
      '  ĐẨY MẠNH cải cách — hành chính!  ',
    ]) {
      expect(passageFingerprint(text)).toBe(plainFingerprint(text));
    }
  });

  it('is the plain form on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'ă', 'Đ', 'ệ', '1', ' ', ',', '\n', 'x', 'Ư', '😀') }), (text) => {
        expect(passageFingerprint(text)).toBe(plainFingerprint(text));
      }),
      { numRuns: 300 },
    );
  });

  // issue 15 — the one-pass word finder: decomposed marks (NFD), letters that lower-case to two units,
  // other scripts' digits, lone surrogates, astral letters and symbols, non-breaking spaces.
  it('is the plain form on any text, across scripts and odd code units', () => {
    const unit = fc.constantFrom('a', 'E', 'e\u0301', 'A\u0302\u0300', 'İ', 'ǅ', 'ß', 'Σ', '٣', '½', '\u00a0', '\t', '-', '_', '\ud800', '\udc00', '𝐀', '😀', '中', 'ﬁ', ' ', 'Đ', 'ư');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
        const text = units.join('');
        expect(passageFingerprint(text)).toBe(plainFingerprint(text));
      }),
      { numRuns: 1000 },
    );
    for (let code = 0; code < 0x10000; code += 7) {
      const text = `ab ${String.fromCharCode(code)}cd ef${String.fromCharCode(code)} gh`;
      expect(passageFingerprint(text)).toBe(plainFingerprint(text));
    }
  });

  it('is the plain form on long texts (counts past 2^16 trigrams)', () => {
    const words = ['ủy', 'ban', 'nhân', 'dân', 'tỉnh', 'QUYẾT', 'định', '2025', 'số', 'hồ', 'sơ'];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (const length of [3, 4, 1000, 70_000]) {
      const text = Array.from({ length }, () => words[next() % words.length]).join(next() % 3 ? ' ' : ', ');
      expect(passageFingerprint(text)).toBe(plainFingerprint(text));
    }
    const same = 'hồ sơ '.repeat(40_000);
    expect(passageFingerprint(same)).toBe(plainFingerprint(same));
  });
});
