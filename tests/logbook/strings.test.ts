// The logbook's catalog (vi default, en): both languages have every message, Vietnamese is NFC
// (with diacritics), and nothing in the catalog is left untranslated by mistake.
import { describe, expect, it } from 'vitest';
import { EVIDENCE_KINDS } from '../../src/logbook/types';
import { evidenceLabel, logbookStrings } from '../../src/logbook/strings';

const texts = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : typeof value === 'function' ? [String((value as (...a: string[]) => string)('X', 'Y', 'Z', 'W'))] : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];

describe('logbook strings', () => {
  it('has the same messages in vi and en, Vietnamese in NFC', () => {
    const vi = logbookStrings('vi');
    const en = logbookStrings('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const text of texts(vi)) expect(text, text).toBe(text.normalize('NFC'));
    expect(texts(vi).some((t) => /[ăâđêôơư]/u.test(t))).toBe(true);
    // Short labels (not names or codes) differ between the two languages.
    const same = Object.keys(vi).filter((k) => typeof (vi as Record<string, unknown>)[k] === 'string' && (vi as Record<string, unknown>)[k] === (en as Record<string, unknown>)[k]);
    expect(same).toEqual([]);
  });

  it('names each kind of evidence in both languages from the report catalog', () => {
    const vi = EVIDENCE_KINDS.map((k) => evidenceLabel(k, 'vi'));
    const en = EVIDENCE_KINDS.map((k) => evidenceLabel(k, 'en'));
    expect(new Set(vi).size).toBe(EVIDENCE_KINDS.length);
    expect(new Set(en).size).toBe(EVIDENCE_KINDS.length);
    expect(vi).toContain('danh mục văn bản');
    expect(en).toContain('source document (passage located by grounding)');
  });
});
