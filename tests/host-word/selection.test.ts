/**
 * Issue 5, selection: the pane reads what the person selected (paragraph numbers as readParagraphs
 * gives them, and the text), selects a passage or a claim in it, and deletes whole paragraphs, in at
 * most 3 round trips each, alone or inside a batch.
 */
import { describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import { HostError } from '../../src/host/port';
import { FakeWord } from './fake-word';
import { documentState, failure, hostOver, measured } from './helpers';

describe.each([5, 6])('WordHost selection (WordApi 1.%i)', (wordApi) => {
  it('readSelection gives the body paragraphs the selection touches and its text', async () => {
    const word = FakeWord.withPassages(2, { wordApi });
    const host = hostOver(word);
    word.select(2, 3, { start: 5 });
    const { result, syncs } = await measured(word, () => host.readSelection());
    expect(result).toEqual({ fromParagraph: 2, toParagraph: 3, text: `${word.bodyTexts()[1]!.slice(5)}\n${word.bodyTexts()[2]}` });
    expect(syncs).toBeLessThanOrEqual(wordApi >= 6 ? 1 : 2);
    // The numbers are those readParagraphs gives.
    const paragraphs = await host.readParagraphs();
    expect(paragraphs[1]!.passageId).toBe('p-1');
  });

  it('a bare cursor gives its paragraph and no text; a cursor in a header gives null', async () => {
    const word = FakeWord.withPassages(1, { wordApi });
    const host = hostOver(word);
    word.select(4, 4, { start: 3, end: 3 });
    expect(await host.readSelection()).toEqual({ fromParagraph: 4, toParagraph: 4, text: '' });
    word.selectInHeader();
    expect(await host.readSelection()).toBeNull();
  });

  it('inside a batch told about the selection, it costs no extra round trip and follows the writes', async () => {
    const word = FakeWord.withPassages(3, { wordApi });
    const host = hostOver(word);
    word.select(5, 5);
    const { result, syncs } = await measured(word, () =>
      host.batch(
        async () => {
          await host.insertParagraph({ afterParagraph: 0, text: 'Kính gửi: Sở Thông tin và Truyền thông' });
          return host.readSelection();
        },
        { selection: true },
      ),
    );
    expect(result).toMatchObject({ fromParagraph: 6, toParagraph: 6 });
    expect(syncs).toBeLessThanOrEqual(3);
  });

  it('selectPassage selects the control, or the claim inside it (first occurrence unless told)', async () => {
    const word = new FakeWord({ wordApi }).addParagraphs('Mở đầu', 'Năm 2025 có 87% hồ sơ trực tuyến; mục tiêu 87% giữ nguyên.', 'Kết');
    word.addControl({ from: 2, tag: 'aiprov:p-1', title: 'AI · 1' });
    const host = hostOver(word);
    let { syncs } = await measured(word, () => host.selectPassage('p-1'));
    expect(word.selections.at(-1)).toEqual({ text: word.bodyTexts()[1], from: 2, to: 2 });
    expect(syncs).toBeLessThanOrEqual(2);
    ({ syncs } = await measured(word, () => host.selectPassage('p-1', { text: '87%', occurrence: 1 })));
    expect(word.selections.at(-1)).toEqual({ text: '87%', from: 2, to: 2 });
    expect(word.selection!.start.offset).toBe(word.bodyTexts()[1]!.lastIndexOf('87%'));
    expect(syncs).toBeLessThanOrEqual(3);
    // Text no longer there: the whole passage is selected rather than nothing.
    await host.selectPassage('p-1', { text: '91%' });
    expect(word.selections.at(-1)!.text).toBe(word.bodyTexts()[1]);
    expect((await failure(host.selectPassage('p-9'))).code).toBe('passage-not-found');
  });

  it('deleteParagraphs removes whole paragraphs and refuses passages, cut tables and the whole body', async () => {
    const word = FakeWord.withPassages(1, { wordApi }).addParagraphs('Đoạn cuối');
    word.addTable([['Ô 1', 'Ô 2']]);
    const host = hostOver(word);
    const { syncs } = await measured(word, () => host.deleteParagraphs({ from: 5, to: 5 }));
    expect(syncs).toBeLessThanOrEqual(3);
    expect(word.bodyTexts()).toEqual(['Tiêu đề văn bản', 'Đoạn AI 1, câu 1: doanh thu tăng 1%.', 'Đoạn AI 1, câu 2: doanh thu tăng 1%.', 'Đoạn người viết số 1.', 'Ô 1', 'Ô 2']);
    expect(word.span(word.controlByTag('aiprov:p-1')!)).toEqual([2, 3]);
    const before = documentState(word);
    for (const [range, code] of [
      [{ from: 3, to: 4 }, 'crosses-table'], // half of a passage
      [{ from: 2, to: 4 }, 'overlaps-passage'],
      [{ from: 4, to: 5 }, 'crosses-table'],
      [{ from: 1, to: 6 }, 'overlaps-passage'],
      [{ from: 5, to: 5 }, 'paragraph-out-of-range'],
      [{ from: 9, to: 9 }, 'paragraph-out-of-range'],
    ] as const) {
      const error = await failure(host.deleteParagraphs(range));
      expect(error, JSON.stringify(range)).toBeInstanceOf(HostError);
      expect(error.code, JSON.stringify(range)).toBe(code);
    }
    expect(documentState(word)).toBe(before);
    await host.deleteParagraphs({ from: 1, to: 1 });
    expect(word.bodyTexts()[0]).toBe('Đoạn AI 1, câu 1: doanh thu tăng 1%.');
  });

  it('in a batch, a delete and a passage put in its place cost at most 3 round trips', async () => {
    const word = new FakeWord({ wordApi }).addParagraphs('A', 'B', 'C', 'D');
    const host = hostOver(word);
    const { syncs } = await measured(word, () =>
      host.batch(async () => {
        await host.insertPassage({ passageId: 'p-2', afterParagraph: 3, text: 'Mới 1\nMới 2', title: 'AI · 2', color: '#FFC000' });
        await host.deleteParagraphs({ from: 2, to: 3 });
        return host.listPassages();
      }),
    );
    expect(syncs).toBeLessThanOrEqual(3);
    expect(word.bodyTexts()).toEqual(['A', 'Mới 1', 'Mới 2', 'D']);
    expect(word.span(word.controlByTag('aiprov:p-2')!)).toEqual([2, 3]);
  });
});

describe('DocxHost has no selection', () => {
  it('leaves readSelection and selectPassage out, so the pane hides those buttons', () => {
    const proto = DocxHost.prototype as unknown as Record<string, unknown>;
    expect(proto.readSelection).toBeUndefined();
    expect(proto.selectPassage).toBeUndefined();
    expect(typeof proto.deleteParagraphs).toBe('function');
  });
});

describe('deleteParagraphs next to structures', () => {
  it('deletes a table with the paragraph after it, and the end of a control (not ours) that shrinks', async () => {
    const word = new FakeWord().addParagraphs('Mở đầu');
    word.addTable([['Ô 1', 'Ô 2']]);
    word.addParagraphs('Sau bảng', 'Khối 1', 'Khối 2', 'Kết');
    const block = word.addControl({ from: 5, to: 6, tag: 'mau-cua-don-vi', title: 'Khối mẫu' });
    const host = hostOver(word);
    await host.deleteParagraphs({ from: 2, to: 4 });
    expect(word.bodyTexts()).toEqual(['Mở đầu', 'Khối 1', 'Khối 2', 'Kết']);
    await host.batch(async () => {
      await host.deleteParagraphs({ from: 3, to: 3 });
      expect((await host.readParagraphs()).map((p) => p.text)).toEqual(['Mở đầu', 'Khối 1', 'Kết']);
    });
    expect(word.bodyTexts()).toEqual(['Mở đầu', 'Khối 1', 'Kết']);
    expect(word.span(block)).toEqual([2, 2]);
  });
});
