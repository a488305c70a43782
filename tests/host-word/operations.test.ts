/**
 * Every DocumentHost operation of the Word host against the counting fake: the result, and the
 * number of `context.sync()` round trips, which must stay ≤ 3 and not grow with the document
 * (the same count for 1 and for 200 passages).
 */
import { describe, expect, it } from 'vitest';
import { WordHost } from '../../src/host/word';
import { FakeWord } from './fake-word';
import { hostOver, measured } from './helpers';

const NS = 'urn:aiprov:record:1';
const RECORD = `<record xmlns="${NS}"><event n="1"/></record>`;

/** Sync counts observed per operation, per document size; compared across sizes at the end. */
const observed = new Map<string, Map<number, number>>();
function note(operation: string, size: number, syncs: number): void {
  expect(syncs).toBeLessThanOrEqual(3);
  const bySize = observed.get(operation) ?? new Map<number, number>();
  bySize.set(size, syncs);
  observed.set(operation, bySize);
}

describe.each([1, 200])('a document with %i passage(s)', (n) => {
  // Paragraph 1 is a title; passage k covers paragraphs 3k-1..3k; paragraph 3k+1 is the writer's own.
  const total = 1 + 3 * n;

  it('readParagraphs: every body paragraph, with the passage it belongs to', async () => {
    const word = FakeWord.withPassages(n);
    const { result, syncs } = await measured(word, () => hostOver(word).readParagraphs());
    note('readParagraphs', n, syncs);
    expect(syncs).toBe(1);
    expect(result).toHaveLength(total);
    expect(result[0]).toEqual({ index: 1, text: 'Tiêu đề văn bản', locator: 'word-p1' });
    expect(result[3 * n - 2]).toMatchObject({ index: 3 * n - 1, passageId: `p-${n}`, text: `Đoạn AI ${n}, câu 1: doanh thu tăng ${n}%.` });
    expect(result[3 * n - 1]!.passageId).toBe(`p-${n}`);
    expect(result[3 * n]!.passageId).toBeUndefined();
    expect(result.filter((p) => p.passageId).length).toBe(2 * n);
  });

  it('listPassages: each passage with its tag, title, colour, text and paragraph range', async () => {
    const word = FakeWord.withPassages(n);
    const { result, syncs } = await measured(word, () => hostOver(word).listPassages());
    note('listPassages', n, syncs);
    expect(syncs).toBe(1);
    expect(result).toHaveLength(n);
    expect(result[n - 1]).toEqual({
      id: `p-${n}`,
      tag: `aiprov:p-${n}`,
      title: `AI · chưa kiểm chứng · ${n}`,
      color: 'FFC000',
      text: `Đoạn AI ${n}, câu 1: doanh thu tăng ${n}%.\nĐoạn AI ${n}, câu 2: doanh thu tăng ${n}%.`,
      paragraphRange: [3 * n - 1, 3 * n],
    });
  });

  it('markPassage: wraps the paragraphs in a tagged, titled, coloured block control', async () => {
    const word = FakeWord.withPassages(n);
    const request = { passageId: 'new', fromParagraph: total, toParagraph: total, title: 'AI · chưa kiểm chứng', color: '#2e7d32' };
    const { syncs } = await measured(word, () => hostOver(word).markPassage(request));
    note('markPassage', n, syncs);
    expect(syncs).toBe(2);
    const control = word.controlByTag('aiprov:new')!;
    expect(control).toMatchObject({ title: 'AI · chưa kiểm chứng', color: '#2E7D32', appearance: 'BoundingBox', inlineText: null });
    expect(word.span(control)).toEqual([total, total]);
    expect(word.bodyTexts()).toHaveLength(total);
  });

  it('markPassage over several paragraphs covers exactly them', async () => {
    const word = FakeWord.withPassages(n);
    word.addParagraphs('Một', 'Hai', 'Ba');
    await hostOver(word).markPassage({ passageId: 'multi', fromParagraph: total + 1, toParagraph: total + 3, title: 'AI · x', color: 'FFC000' });
    const passages = await hostOver(word).listPassages();
    expect(passages.find((p) => p.id === 'multi')).toMatchObject({ paragraphRange: [total + 1, total + 3], text: 'Một\nHai\nBa' });
  });

  it('insertPassage: new paragraphs after paragraph N, wrapped in one control', async () => {
    const word = FakeWord.withPassages(n);
    const request = { passageId: 'ins', afterParagraph: 1, text: 'Dòng một\tcó tab\nDòng hai', title: 'AI · chưa kiểm chứng', color: '#FFC000' };
    const { syncs } = await measured(word, () => hostOver(word).insertPassage(request));
    note('insertPassage', n, syncs);
    expect(syncs).toBe(2);
    expect(word.bodyTexts().slice(0, 4)).toEqual(['Tiêu đề văn bản', 'Dòng một\tcó tab', 'Dòng hai', 'Đoạn AI 1, câu 1: doanh thu tăng 1%.']);
    const passages = await hostOver(word).listPassages();
    expect(passages[0]).toMatchObject({ id: 'ins', paragraphRange: [2, 3], text: 'Dòng một\tcó tab\nDòng hai', color: 'FFC000' });
    expect(passages[1]).toMatchObject({ id: 'p-1', paragraphRange: [4, 5] });
  });

  it('insertPassage after the last paragraph of a passage goes after that passage, not into it', async () => {
    const word = FakeWord.withPassages(n);
    const host = hostOver(word);
    await host.insertPassage({ passageId: 'after', afterParagraph: 3 * n, text: 'Tiếp theo', title: 'AI · x', color: '#FFC000' });
    const passages = await host.listPassages();
    expect(passages.find((p) => p.id === `p-${n}`)!.paragraphRange).toEqual([3 * n - 1, 3 * n]);
    expect(passages.find((p) => p.id === 'after')!.paragraphRange).toEqual([3 * n + 1, 3 * n + 1]);
  });

  it('insertPassage at the very start of the body', async () => {
    const word = FakeWord.withPassages(n);
    const host = hostOver(word);
    await host.insertPassage({ passageId: 'top', afterParagraph: 0, text: 'Mở đầu', title: 'AI · x', color: '#FFC000' });
    expect(word.bodyTexts()[0]).toBe('Mở đầu');
    expect((await host.listPassages())[0]).toMatchObject({ id: 'top', paragraphRange: [1, 1] });
  });

  it('updatePassage: new title and colour', async () => {
    const word = FakeWord.withPassages(n);
    const { syncs } = await measured(word, () => hostOver(word).updatePassage({ passageId: `p-${n}`, title: 'AI · đã kiểm chứng', color: '#2E7D32' }));
    note('updatePassage', n, syncs);
    expect(syncs).toBe(2);
    expect(word.controlByTag(`aiprov:p-${n}`)).toMatchObject({ title: 'AI · đã kiểm chứng', color: '#2E7D32' });
  });

  it('removeMark: the control goes, its text stays', async () => {
    const word = FakeWord.withPassages(n);
    const before = word.bodyTexts();
    const { syncs } = await measured(word, () => hostOver(word).removeMark(`p-${n}`));
    note('removeMark', n, syncs);
    expect(syncs).toBe(2);
    expect(word.controlByTag(`aiprov:p-${n}`)).toBeUndefined();
    expect(word.bodyTexts()).toEqual(before);
    expect(await hostOver(word).listPassages()).toHaveLength(n - 1);
  });

  it('rebindPassage: gives a control whose tag was lost its tag back', async () => {
    const word = FakeWord.withPassages(n);
    const lost = word.controlByTag(`aiprov:p-${n}`)!;
    lost.tag = '';
    const host = hostOver(word);
    const untagged = (await host.listPassages()).find((p) => p.tag === null)!;
    expect(untagged).toMatchObject({ id: `untagged:${lost.id}`, title: `AI · chưa kiểm chứng · ${n}`, paragraphRange: [3 * n - 1, 3 * n] });
    const { syncs } = await measured(word, () => host.rebindPassage(`p-${n}`, { controlId: untagged.id }));
    note('rebindPassage', n, syncs);
    expect(syncs).toBe(2);
    expect(lost.tag).toBe(`aiprov:p-${n}`);
  });

  it('insertParagraph: returns the number of the first new paragraph', async () => {
    const word = FakeWord.withPassages(n);
    const host = hostOver(word);
    const { result: atEnd, syncs } = await measured(word, () => host.insertParagraph({ afterParagraph: 'end', text: 'Nơi nhận:\n- Như trên;' }));
    note('insertParagraph', n, syncs);
    expect(syncs).toBe(2);
    expect(atEnd).toBe(total + 1);
    expect(word.bodyTexts().slice(-2)).toEqual(['Nơi nhận:', '- Như trên;']);
    expect(await host.insertParagraph({ afterParagraph: 0, text: 'Số: 12/BC' })).toBe(1);
    expect(word.bodyTexts()[0]).toBe('Số: 12/BC');
    expect(await host.insertParagraph({ afterParagraph: 2, text: 'Chen' })).toBe(3);
    expect(word.bodyTexts()[2]).toBe('Chen');
  });

  it('readRecord / writeRecord: 2 round trips each', async () => {
    const word = FakeWord.withPassages(n);
    const host = hostOver(word);
    const write = await measured(word, () => host.writeRecord(NS, RECORD));
    const read = await measured(word, () => host.readRecord(NS));
    note('writeRecord', n, write.syncs);
    note('readRecord', n, read.syncs);
    expect(write.syncs).toBe(2);
    expect(read.syncs).toBe(2);
    expect(read.result).toBe(RECORD);
  });

  it('readProperties / writeProperties: 1 round trip each', async () => {
    const word = FakeWord.withPassages(n);
    const host = hostOver(word);
    const write = await measured(word, () => host.writeProperties({ AIProvenanceStatus: '3/5 claims verified' }));
    const read = await measured(word, () => host.readProperties());
    note('writeProperties', n, write.syncs);
    note('readProperties', n, read.syncs);
    expect(write.syncs).toBe(1);
    expect(read.syncs).toBe(1);
    expect(read.result).toEqual({ AIProvenanceStatus: '3/5 claims verified' });
  });

  it('readAllText: 2 round trips', async () => {
    const word = FakeWord.withPassages(n);
    const { result, syncs } = await measured(word, () => hostOver(word).readAllText());
    note('readAllText', n, syncs);
    expect(syncs).toBe(2);
    const body = result.find((s) => s.kind === 'body')!;
    expect(body.paragraphs).toHaveLength(total);
    expect(body.text.split('\n')).toEqual(word.bodyTexts());
  });
});

describe('round trips do not grow with the document', () => {
  it('each operation made the same number of syncs for 1 and for 200 passages', () => {
    expect(observed.size).toBe(13);
    for (const [operation, bySize] of observed) {
      expect({ operation, syncs: bySize.get(200) }).toEqual({ operation, syncs: bySize.get(1) });
    }
  });
});

describe('passages Word reports differently', () => {
  it('an inline passage control (inside one paragraph) is listed with that paragraph, in one more sync', async () => {
    const word = new FakeWord().addParagraphs('Một', 'Hai có chèn', 'Ba');
    word.addControl({ from: 2, inlineText: 'chèn', tag: 'aiprov:inline', title: 'AI · chưa kiểm chứng', color: '#FFC000' });
    const { result, syncs } = await measured(word, () => hostOver(word).listPassages());
    expect(syncs).toBe(2);
    expect(result).toEqual([{ id: 'inline', tag: 'aiprov:inline', title: 'AI · chưa kiểm chứng', color: 'FFC000', text: 'chèn', paragraphRange: [2, 2] }]);
  });

  it('with an inline passage present, write operations still stay within 3 round trips', async () => {
    const word = new FakeWord().addParagraphs('Một', 'Hai có chèn', 'Ba');
    word.addControl({ from: 2, inlineText: 'chèn', tag: 'aiprov:inline', title: 'AI · x', color: '#FFC000' });
    const host = hostOver(word);
    const mark = await measured(word, () => host.markPassage({ passageId: 'm', fromParagraph: 3, toParagraph: 3, title: 'AI · y', color: '#FFC000' }));
    const insert = await measured(word, () => host.insertPassage({ passageId: 'i', afterParagraph: 1, text: 'x', title: 'AI · z', color: '#FFC000' }));
    const paragraph = await measured(word, () => host.insertParagraph({ afterParagraph: 'end', text: 'y' }));
    expect([mark.syncs, insert.syncs, paragraph.syncs]).toEqual([3, 3, 3]);
    // The inline passage sits in paragraph 2: marking it again as a block is an overlap.
    await expect(host.markPassage({ passageId: 'o', fromParagraph: 3, toParagraph: 3, title: 'AI · o', color: '#FFC000' })).rejects.toMatchObject({
      code: 'overlaps-passage',
    });
  });

  it('a passage every paragraph of which lies under two more controls is still found, with its range', async () => {
    const word = new FakeWord().addParagraphs('a', 'b', 'c', 'd');
    word.addControl({ from: 1, to: 4, title: 'Khung' });
    word.addControl({ from: 2, to: 3, tag: 'aiprov:deep', title: 'AI · x', color: '#FF0000' });
    word.addControl({ from: 2, to: 3, title: 'Mục' });
    word.addControl({ from: 2, to: 3, title: 'Trường' });
    const { result, syncs } = await measured(word, () => hostOver(word).listPassages());
    expect(syncs).toBe(2);
    expect(result).toEqual([{ id: 'deep', tag: 'aiprov:deep', title: 'AI · x', color: 'FF0000', text: 'b\nc', paragraphRange: [2, 3] }]);
  });

  it('controls that are not ours are ignored; a lost tag with an "AI · " title is reported untagged', async () => {
    const word = new FakeWord().addParagraphs('a', 'b', 'c');
    word.addControl({ from: 1, title: 'Ngày ký', tag: 'date' });
    const lost = word.addControl({ from: 2, title: 'AI · cần xem lại', color: '#C62828' });
    word.addControl({ from: 3, title: 'AI · but tagged by someone else', tag: 'other:1' });
    expect(await hostOver(word).listPassages()).toEqual([
      { id: `untagged:${lost.id}`, tag: null, title: 'AI · cần xem lại', color: 'C62828', text: 'b', paragraphRange: [2, 2] },
    ]);
  });

  it('with WordApi 1.6, locators are Word’s paragraph ids and survive insertions before them', async () => {
    const word = new FakeWord({ wordApi: 6 }).addParagraphs('a', 'b');
    const host = hostOver(word);
    const before = await host.readParagraphs();
    await host.insertParagraph({ afterParagraph: 0, text: 'mới' });
    const after = await host.readParagraphs();
    expect(after[2]!.locator).toBe(before[1]!.locator);
    expect(before[1]!.locator).toMatch(/^word:\{P-/);
  });
});

/** Never called (no Word here): makes `tsc` prove the real `Word.run` and `Office` fit the options. */
function constructedFromRealOffice(): WordHost {
  return new WordHost({ run: Word.run, office: Office });
}

describe('construction', () => {
  it('needs no Office global until a method runs', async () => {
    expect(typeof constructedFromRealOffice).toBe('function');
    const host = new WordHost();
    await expect(host.readParagraphs()).rejects.toMatchObject({ code: 'word-failed', message: expect.stringContaining('not running inside Word') });
  });
});
