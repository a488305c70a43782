// issue 14 — performance: the Node fast paths of the record give the same bytes and refusals as the
// portable ones (fflate, atob, TextEncoder), so the browser and the CLI read a record alike.
import { describe, expect, it } from 'vitest';
import { deflateSync, inflateSync } from 'fflate';
import { canonicalJsonBytesOfEach, canonicalJsonOfEach, CanonicalJsonError } from '../../src/provenance/canonical';
import { fromBase64, inflateRawExactly } from '../../src/provenance/native';
import { realisticRecord } from './fixtures';

describe('record fast paths', () => {
  it('canonical text of each event, UTF-8 encoded, is the canonical bytes the portable path hashes', async () => {
    const record = await realisticRecord({ passages: 5, verifyAll: true });
    const values: unknown[] = [...record.events, { b: 1, a: 'Điều 5' }, [1, undefined], { x: Number.NaN }];
    const texts = canonicalJsonOfEach(values);
    const bytes = canonicalJsonBytesOfEach(values);
    expect(texts).toHaveLength(bytes.length);
    texts.forEach((text, i) => {
      if (text instanceof CanonicalJsonError) expect(bytes[i]).toBeInstanceOf(CanonicalJsonError);
      else expect(new TextEncoder().encode(text)).toEqual(bytes[i]);
    });
    expect(texts.filter((t) => t instanceof CanonicalJsonError)).toHaveLength(2);
  });

  it('inflates exactly the declared size, refuses more or less', () => {
    const raw = new TextEncoder().encode('Hồ sơ nguồn gốc '.repeat(1000));
    const packed = deflateSync(raw);
    expect(inflateRawExactly(packed, raw.length)).toEqual(inflateSync(packed));
    expect(() => inflateRawExactly(packed, raw.length - 1)).toThrow();
    expect(() => inflateRawExactly(packed, raw.length + 1)).toThrow();
    expect(() => inflateRawExactly(new Uint8Array([1, 2, 3]), 10)).toThrow();
  });

  it('base64 reads what atob reads and refuses what atob refuses', () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256);
    const text = btoa(String.fromCharCode(...bytes));
    expect(fromBase64(text)).toEqual(bytes);
    expect(fromBase64(text.replace(/(.{76})/g, '$1\n'))).toEqual(bytes);
    for (const bad of ['ab$c', 'a=bc', 'abcde']) {
      expect(() => atob(bad)).toThrow();
      expect(() => fromBase64(bad)).toThrow();
    }
  });
});
