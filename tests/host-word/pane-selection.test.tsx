// @vitest-environment happy-dom
/**
 * The pane's selection actions over Word (the counting fake): "insert at the cursor" and "replace
 * the selection" are each one click = one batch of at most 3 round trips, the re-read included.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseOrgSettings } from '../../src/policy';
import type { PaneServices } from '../../src/taskpane/services';
import { useDocumentState } from '../../src/taskpane/useDocumentState';
import { insertAtSelection, replaceSelection, type WorkflowContext } from '../../src/workflow';
import { AI_TEXT, GENERATION, REPORT_PARAGRAPHS } from '../workflow/helpers';
import { FakeWord } from './fake-word';
import { hostOver } from './helpers';

describe.each([5, 6])('selection actions over Word (WordApi 1.%i)', (wordApi) => {
  it('insert at the cursor, then replace a selection of whole paragraphs: at most 3 syncs each', async () => {
    const word = new FakeWord({ wordApi }).addParagraphs(...REPORT_PARAGRAPHS);
    const host = hostOver(word);
    const services: PaneServices = { host, org: parseOrgSettings(undefined) };
    const context: WorkflowContext = { actor: 'Trần Thị Bình', lang: 'vi' };
    const { result } = renderHook(() => useDocumentState(services, context));
    await waitFor(() => expect(result.current.snapshot).not.toBeNull());

    word.select(4, 4, { start: 10, end: 10 });
    let before = word.syncCount;
    let inserted: string | undefined;
    await act(async () => {
      inserted = await result.current.run((ctx) => insertAtSelection(host, ctx, { text: AI_TEXT, generation: GENERATION }), { selection: true });
    });
    expect(result.current.error).toBeNull();
    expect(word.syncCount - before).toBeLessThanOrEqual(3);
    expect(word.bodyTexts()[4]).toBe(AI_TEXT);
    expect(result.current.snapshot!.paragraphs[4]).toMatchObject({ text: AI_TEXT, passageId: inserted });

    // "II. PHƯƠNG HƯỚNG…" and the paragraph after it, now 8 and 9.
    word.select(8, 9);
    before = word.syncCount;
    let replaced: string | undefined;
    await act(async () => {
      replaced = await result.current.run((ctx) => replaceSelection(host, ctx, { text: 'Phương hướng mới.', generation: GENERATION }), { selection: true });
    });
    expect(result.current.error).toBeNull();
    expect(word.syncCount - before).toBeLessThanOrEqual(3);
    expect(word.bodyTexts()).toEqual([...REPORT_PARAGRAPHS.slice(0, 4), AI_TEXT, REPORT_PARAGRAPHS[4], REPORT_PARAGRAPHS[5], 'Phương hướng mới.']);
    expect(word.span(word.controlByTag(`aiprov:${replaced}`)!)).toEqual([8, 8]);
    const passages = result.current.snapshot!.status.state!.passages;
    expect(passages.map((p) => p.passageId)).toEqual([inserted, replaced]);

    // Part of a paragraph cannot be replaced: refused, shown, nothing changed.
    word.select(2, 2, { start: 1 });
    const texts = word.bodyTexts();
    await act(async () => {
      await result.current.run((ctx) => replaceSelection(host, ctx, { text: 'x', generation: GENERATION }), { selection: true });
    });
    expect(result.current.error?.message.en).toMatch(/whole paragraphs/);
    expect(word.bodyTexts()).toEqual(texts);
  });

  it('select in document: the claim inside the passage, in at most 3 syncs, without a re-read', async () => {
    const word = new FakeWord({ wordApi }).addParagraphs('Mở đầu', AI_TEXT, 'Kết');
    word.addControl({ from: 2, tag: 'aiprov:p-1', title: 'AI · 1' });
    const host = hostOver(word);
    const services: PaneServices = { host, org: parseOrgSettings(undefined) };
    const { result } = renderHook(() => useDocumentState(services, { actor: 'Trần Thị Bình', lang: 'vi' }));
    await waitFor(() => expect(result.current.snapshot).not.toBeNull());
    const before = word.syncCount;
    await act(async () => {
      await result.current.call((h) => h.selectPassage!('p-1', { text: '87,5%' }));
    });
    expect(word.syncCount - before).toBeLessThanOrEqual(3);
    expect(word.selections.at(-1)).toEqual({ text: '87,5%', from: 2, to: 2 });
  });
});
