// issue 14 — performance: the byte-level canonical check (canonical-bytes.ts) that lets the record's
// reader hash a packed event's stored bytes. Soundness is what matters: whatever it accepts must be
// byte for byte canonicalJson of what the bytes parse to (else a hash forged over non-canonical bytes
// would pass). Refusing is always safe (the slower path rebuilds the form).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from '../../src/provenance/canonical';
import { canonicalValueEnd } from '../../src/provenance/canonical-bytes';

const utf8 = new TextEncoder();

/** True when the whole text is accepted as one canonical value. */
function accepted(text: string): boolean {
  const bytes = utf8.encode(text);
  return canonicalValueEnd(bytes, 0) === bytes.length;
}

/** Accepted ⇒ the text is exactly the canonical JSON of its value. */
function expectSound(text: string): void {
  if (!accepted(text)) return;
  expect(canonicalJson(JSON.parse(text))).toBe(text);
}

/** True when every object key in the value is printable ASCII without a quote or backslash (what the check accepts). */
function plainKeys(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(plainKeys);
  if (value === null || typeof value !== 'object') return true;
  return Object.entries(value).every(([key, item]) => /^[\x20-\x7e]*$/.test(key) && !/["\\]/.test(key) && plainKeys(item));
}

describe('canonicalValueEnd', () => {
  it('accepts the canonical text of values with ASCII keys (fast-check)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = canonicalJson(value);
        if (plainKeys(value)) expect(accepted(text)).toBe(true);
        expectSound(text);
      }),
      { numRuns: 500 },
    );
  });

  it('whatever it accepts is canonical: random texts and one-character edits of canonical ones (fast-check)', () => {
    const alphabet = fc.constantFrom(...'{}[]",:\\/ 0123456789-+.eEtrufalsn\u00e9\u1ec7abu\n'.split(''));
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.nat(), alphabet, fc.boolean(), (value, at, char, insert) => {
        const text = canonicalJson(value);
        const i = text.length === 0 ? 0 : at % text.length;
        const edited = insert ? text.slice(0, i) + char + text.slice(i) : text.slice(0, i) + char + text.slice(i + 1);
        let parsed = true;
        try {
          JSON.parse(edited);
        } catch {
          parsed = false;
        }
        // The check is only asked about text JSON.parse accepted (the record's reader parses first).
        if (parsed) expectSound(edited);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['white space', '{"a": 1}'],
    ['keys out of order', '{"b":1,"a":2}'],
    ['a duplicate key', '{"a":1,"a":2}'],
    ['a solidus escaped', '"a\\/b"'],
    ['a letter escaped', '"\\u0041"'],
    ['a control character in upper-case hex', '"\\u001F"'],
    ['a line break as \\u000a', '"\\u000a"'],
    ['a lone surrogate escaped', '"\\ud800"'],
    ['1.0', '1.0'],
    ['-0', '-0'],
    ['1e5', '1e5'],
    ['1e21 without its sign', '1e21'],
    ['a leading zero', '01'],
    ['a negative zero with a fraction', '-0.0'],
    ['a large integer past 2^53 written out', '12345678901234567890'],
    ['an escaped key', '{"\\u0061":1}'],
    ['a non-ASCII key', '{"\u0111":1}'],
    ['too deep', '['.repeat(100) + ']'.repeat(100)],
  ])('refuses %s', (_name, text) => {
    expect(accepted(text)).toBe(false);
  });

  it.each([
    ['a control character as \\u001f', '"\\u001f"'],
    ['short escapes', '"\\"\\\\\\b\\f\\n\\r\\t"'],
    ['Vietnamese text', '{"actor":"Nguyễn Văn An","at":"2026-01-01T00:00:00.000Z","n":-1.5e-7}'],
    ['1e+21', '1e+21'],
    ['integers', '[0,7,3019,-12,123456789012345]'],
    ['an escaped quote then more text', '{"a":"x\\"y","b":"\\\\"}'],
    ['nested', '{"a":[1,{"b":null,"c":true}],"b":false}'],
  ])('accepts %s', (_name, text) => {
    expect(accepted(text)).toBe(true);
    expectSound(text);
  });
});
