/** "Replace the selection" and "insert at the cursor" over real .docx bytes (a selection is given by a test double). */
import { describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import type { DocumentHost, HostSelection } from '../../src/host/port';
import { WorkflowError, coversWholeParagraphs, documentStatus, insertAtSelection, replaceSelection, replaceWithPassage } from '../../src/workflow';
import { AI_TEXT, GENERATION, REPORT_PARAGRAPHS, context, reopen, reportDocx } from './helpers';

/** A DocxHost with a person's selection, as Word would report it. */
function withSelection(host: DocxHost, selection: HostSelection | null): DocumentHost {
  return Object.assign(Object.create(host) as DocxHost, { readSelection: async () => selection });
}

describe('replaceWithPassage', () => {
  it('deletes the paragraphs, puts the passage in their place and records it as generated; neighbours intact', async () => {
    const host = DocxHost.open(reportDocx());
    const passageId = await replaceWithPassage(host, context(), { fromParagraph: 7, toParagraph: 8, text: `${AI_TEXT}\nĐoạn hai.`, generation: GENERATION });
    const saved = reopen(host);
    const texts = (await saved.readParagraphs()).map((p) => p.text);
    expect(texts).toEqual([...REPORT_PARAGRAPHS.slice(0, 6), AI_TEXT, 'Đoạn hai.']);
    expect((await saved.listPassages())[0]).toMatchObject({ id: passageId, paragraphRange: [7, 8] });
    const status = await documentStatus(saved, context());
    const passage = status.state!.passages.find((p) => p.passageId === passageId)!;
    expect(passage.origin).toBe('generated');
    expect(passage.currentText).toBe(`${AI_TEXT}\nĐoạn hai.`);
    expect(passage.claims.length).toBeGreaterThan(0);
  });

  it('at the very start, and refuses a range with a passage in it (nothing recorded, nothing deleted)', async () => {
    const host = DocxHost.open(reportDocx());
    const first = await replaceWithPassage(host, context(), { fromParagraph: 1, toParagraph: 1, text: 'Tiêu đề mới', generation: GENERATION });
    expect((await host.readParagraphs())[0]).toMatchObject({ text: 'Tiêu đề mới', passageId: first });
    await expect(replaceWithPassage(host, context(), { fromParagraph: 1, toParagraph: 2, text: 'x', generation: GENERATION })).rejects.toMatchObject({ code: 'overlaps-passage' });
    expect((await host.readParagraphs()).map((p) => p.text)).toEqual(['Tiêu đề mới', ...REPORT_PARAGRAPHS.slice(1)]);
    expect((await documentStatus(host, context())).state!.passages).toHaveLength(1);
  });
});

describe('the selection use cases', () => {
  it('insertAtSelection inserts after the paragraph holding the cursor; replaceSelection replaces whole selected paragraphs', async () => {
    const host = DocxHost.open(reportDocx());
    const atCursor = await insertAtSelection(withSelection(host, { fromParagraph: 4, toParagraph: 4, text: '' }), context(), { text: AI_TEXT, generation: GENERATION });
    expect((await host.readParagraphs())[4]).toMatchObject({ text: AI_TEXT, passageId: atCursor });

    const selected = { fromParagraph: 8, toParagraph: 9, text: `${REPORT_PARAGRAPHS[6]}\n${REPORT_PARAGRAPHS[7]}\n` };
    await replaceSelection(withSelection(host, selected), context(), { text: 'Phương hướng mới.', generation: GENERATION });
    expect((await host.readParagraphs()).map((p) => p.text).slice(-2)).toEqual(['', 'Phương hướng mới.']);
  });

  it('refuses part of a paragraph and a selection outside the body, in both languages', async () => {
    const host = DocxHost.open(reportDocx());
    const partial = replaceSelection(withSelection(host, { fromParagraph: 2, toParagraph: 2, text: 'BÁO' }), context(), { text: 'x', generation: GENERATION });
    await expect(partial).rejects.toBeInstanceOf(WorkflowError);
    await expect(partial).rejects.toMatchObject({ code: 'partial-selection' });
    const none = insertAtSelection(withSelection(host, null), context(), { text: 'x', generation: GENERATION });
    await expect(none).rejects.toMatchObject({ code: 'no-selection', bilingual: { vi: expect.stringContaining('thân văn bản'), en: expect.stringContaining('body') } });
    expect((await host.readParagraphs()).map((p) => p.text)).toEqual(REPORT_PARAGRAPHS);
    expect(coversWholeParagraphs({ fromParagraph: 2, toParagraph: 2, text: 'BÁO CÁO' }, await host.readParagraphs())).toBe(true);
  });
});
