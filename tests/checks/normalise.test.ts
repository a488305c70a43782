import { describe, expect, it } from 'vitest';
import { normalise, scanText } from '../../src/checks/index';

describe('normalise', () => {
  it('leaves clean NFC text untouched with identity offsets', () => {
    const s = 'Căn cứ Nghị định số 30/2020/NĐ-CP;';
    const n = normalise(s);
    expect(n.text).toBe(s);
    expect(n.toOriginal(7)).toBe(7);
    expect(n.span(7, 16)).toEqual({ start: 7, end: 16 });
  });

  it('composes decomposed (NFD) Vietnamese and maps offsets to the whole cluster', () => {
    const nfd = 'Nghị định'.normalize('NFD');
    const n = normalise(`x ${nfd} y`);
    expect(n.text).toBe('x Nghị định y');
    // "định" in the normalised text spans the decomposed letters in the original.
    const start = n.text.indexOf('định');
    const span = n.span(start, start + 4);
    expect(`x ${nfd} y`.slice(span.start, span.end)).toBe('định'.normalize('NFD'));
  });

  it('maps Word characters: non-breaking hyphen, no-break spaces, dashes, minus, fraction slash; drops soft hyphens', () => {
    const s = 'Số\u00a013\u204443\u2044NĐ\u2011CP \u2013 giảm\u202f\u22125% kế\u00adhoạch';
    const n = normalise(s);
    expect(n.text).toBe('Số 13/43/NĐ-CP - giảm -5% kếhoạch');
    const i = n.text.indexOf('hoạch');
    expect(s.slice(n.toOriginal(i), n.toOriginalEnd(i + 5))).toBe('hoạch');
  });

  it('removes spaces inside document symbols but not in ordinary text', () => {
    expect(normalise('Quyết định số 44 /2005/QĐ-UBND ngày').text).toBe('Quyết định số 44/2005/QĐ-UBND ngày');
    expect(normalise('Kết luận số 126 - KL/BTV').text).toBe('Kết luận số 126-KL/BTV');
    expect(normalise('Nghị định 13/2023/NĐ - CP').text).toBe('Nghị định 13/2023/NĐ-CP');
    expect(normalise('trang 3 / 5 và 10 - 15 người').text).toBe('trang 3 / 5 và 10 - 15 người');
    expect(normalise('Số:      /QĐ-UBND').text).toBe('Số:      /QĐ-UBND');
  });

  it('keeps findings pointing at the original text after normalisation shifted offsets', () => {
    const original = 'Căn cứ Nghi\u0323 đi\u0323nh số 13 /2023/NĐ\u2011CP ngày 17/4/2023 của Chính phủ; kinh phí 1.200 triệu\u00a0đồng.';
    const r = scanText(original);
    const cite = r.findings.find((f) => f.kind === 'citation');
    expect(cite?.text).toBe(original.slice(cite!.start, cite!.end));
    expect(cite?.text.startsWith('Nghi\u0323 đi\u0323nh số 13 /2023')).toBe(true);
    expect(cite?.value).toBe('13/2023/NĐ-CP');
    const money = r.findings.find((f) => f.kind === 'figure' && f.subtype === 'money');
    expect(money?.text).toBe('1.200 triệu\u00a0đồng');
  });
});
