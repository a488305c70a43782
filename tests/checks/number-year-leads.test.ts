// The number/year leads found by looking back from each item are those the forward search of the
// original pattern finds: same starts, ends and type words, in the same order.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberYearLeads } from '../../src/checks/recognisers/citations';
import { TYPE_WORD_SOURCE } from '../../src/checks/recognisers/citation-parts';

const FORWARD = new RegExp(
  `(?<![\\p{L}\\d])(?:(?:các|những)[ \\t]+)?(${TYPE_WORD_SOURCE})[ \\t]+(?:số[ \\t]*:?[ \\t]*)?(?=\\d{1,5}\\/(?:19|20)\\d{2}(?![\\d/-]|[.,]\\d|\\p{L}))`,
  'gu',
);

function forward(text: string): Array<{ index: number; end: number; word: string }> {
  const out: Array<{ index: number; end: number; word: string }> = [];
  FORWARD.lastIndex = 0;
  for (let m = FORWARD.exec(text); m; m = FORWARD.exec(text)) out.push({ index: m.index, end: m.index + m[0].length, word: m[1] as string });
  return out;
}

const PIECES = ['Nghị định', 'nghị định', 'NGHỊ ĐỊNH', 'các', 'những', 'Thông tư liên tịch', 'Thông tư', 'Luật', 'Văn bản', 'số', 'số:', '12/2020', '123456/2020', '13/2021', '5/1999', '7/2100', '12/2020/NĐ-CP', '12/2020a', 'và', ',', '\t', ' ', '\n', '/', '1', '2020', 'x', 'Đ', '\ud83d\ude00'];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 2 })), { maxLength: 40 }).chain((xs) => fc.constantFrom('', ' ', '  ').map((sep) => xs.join(sep)));

// Mostly leads and items, so most texts hold one (the general texts above rarely do).
const LEADS = ['Nghị định', 'các Nghị định', 'những Thông tư', 'Thông tư liên tịch', 'Văn bản', 'Luật', 'quyết định', 'xNghị định', '1Nghị định'];
const GAPS = [' ', '  ', '\t', ' số ', ' số: ', ' số:', '', '\n', ' / '];
const ITEMS = ['12/2020', '13/2021', '123456/2020', '12345/1999', '12/2020/NĐ-CP', '12/20201', '12/2020a', '7/2100', '12/2020-'];
const dense = fc
  .array(fc.tuple(fc.constantFrom(...LEADS), fc.constantFrom(...GAPS), fc.constantFrom(...ITEMS), fc.constantFrom(', ', ' và ', ' ', '; ', '')), { maxLength: 6 })
  .map((xs) => xs.map((x) => x.join('')).join(''));

describe('number/year leads', () => {
  it('equal the forward search on texts dense with leads and items', () => {
    fc.assert(
      fc.property(dense, (t) => {
        expect(numberYearLeads(t)).toEqual(forward(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('equal the forward search of the original pattern', () => {
    fc.assert(fc.property(text, (t) => {
      expect(numberYearLeads(t)).toEqual(forward(t));
    }), { numRuns: 3000 });
  });

  it('find a list lead and refuse a coded symbol', () => {
    expect(numberYearLeads('theo các Nghị định 12/2020, 13/2021')).toEqual([{ index: 5, end: 19, word: 'Nghị định' }]);
    expect(numberYearLeads('Nghị định số 13/2023/NĐ-CP')).toEqual([]);
  });
});
