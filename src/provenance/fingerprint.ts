// A short fingerprint of a passage's text, stored with the passage so that a passage whose content
// control lost its tag (LibreOffice drops w:tag) can be bound again by its title and its text.
//
// It is a 64-bit SimHash over word trigrams of the normalised text (NFC, lower case, letters and
// digits only, single spaces), written as 16 hex digits. Similar texts give fingerprints a few bits
// apart, so small edits made since the last save still match; unrelated texts differ in about half
// of the 64 bits. It identifies, it does not protect: the exact text is bound by its SHA-256.

export function normaliseForFingerprint(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function passageFingerprint(text: string): string {
  const words = normaliseForFingerprint(text).split(' ').filter(Boolean);
  // issue 14 — performance: each trigram is hashed word by word (the same FNV-1a over "a b c" as over
  // the joined string, without building it), and the votes are counted without branches. Same
  // fingerprints as before (tests/provenance/fingerprint-speed.test.ts compares with the plain form).
  const votes = new Int32Array(64);
  const vote = (high: number, low: number) => {
    for (let bit = 0; bit < 32; bit++) {
      votes[bit]! += (((high >>> bit) & 1) << 1) - 1;
      votes[bit + 32]! += (((low >>> bit) & 1) << 1) - 1;
    }
  };
  if (words.length < 3) {
    const feature = words.join(' ');
    vote(hash32(feature, 0x811c9dc5), hash32(feature, 0x01000193 ^ 0x5bd1e995));
  } else {
    for (let i = 0; i + 3 <= words.length; i++) {
      let high = 0x811c9dc5 >>> 0;
      let low = (0x01000193 ^ 0x5bd1e995) >>> 0;
      for (let w = i; w < i + 3; w++) {
        const word = words[w]!;
        if (w > i) {
          high = Math.imul(high ^ 0x20, 0x01000193);
          low = Math.imul(low ^ 0x20, 0x01000193);
        }
        for (let c = 0; c < word.length; c++) {
          const code = word.charCodeAt(c);
          high = Math.imul(high ^ code, 0x01000193);
          low = Math.imul(low ^ code, 0x01000193);
        }
      }
      vote(finish(high), finish(low));
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

/** Number of differing bits (0–64) between two fingerprints. */
export function fingerprintDistance(a: string, b: string): number {
  let distance = 0;
  for (let i = 0; i < 16; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x) {
      x &= x - 1;
      distance++;
    }
  }
  return distance;
}

/** Default distance under which a text is taken to be the fingerprinted passage. */
export const FINGERPRINT_MATCH_DISTANCE = 12;

export function fingerprintMatches(fingerprint: string, text: string, maxDistance = FINGERPRINT_MATCH_DISTANCE): boolean {
  return fingerprintDistance(fingerprint, passageFingerprint(text)) <= maxDistance;
}

/** FNV-1a over UTF-16 code units, then the MurmurHash3 finaliser to spread the bits. */
function hash32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return finish(h);
}

/** The MurmurHash3 finaliser. */
function finish(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
