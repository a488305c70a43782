// @vitest-environment happy-dom
/**
 * The pane's own hook over Word (the counting fake): a click runs the use case and the re-read in
 * one batch of at most 3 round trips, and a write Word refuses is shown, with the document re-read.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseOrgSettings } from '../../src/policy';
import type { PaneServices } from '../../src/taskpane/services';
import { useDocumentState } from '../../src/taskpane/useDocumentState';
import { insertPassage, qualifiedClaimId, verifyClaim, type WorkflowContext } from '../../src/workflow';
import { AI_TEXT, GENERATION, REPORT_PARAGRAPHS } from '../workflow/helpers';
import { FakeWord } from './fake-word';
import { hostOver } from './helpers';

describe('useDocumentState over Word', () => {
  it('one click = one batch: the action and the re-read in at most 3 syncs; a refused write is shown', async () => {
    const word = new FakeWord().addParagraphs(...REPORT_PARAGRAPHS);
    const host = hostOver(word);
    const services: PaneServices = { host, org: parseOrgSettings(undefined) };
    const context: WorkflowContext = { actor: 'Trần Thị Bình', lang: 'vi' };
    const { result } = renderHook(() => useDocumentState(services, context));
    await waitFor(() => expect(result.current.snapshot).not.toBeNull());

    let before = word.syncCount;
    let passageId: string | undefined;
    await act(async () => {
      passageId = await result.current.run((ctx) => insertPassage(host, ctx, { afterParagraph: 5, text: AI_TEXT, generation: GENERATION }));
    });
    expect(word.syncCount - before).toBeLessThanOrEqual(3);
    expect(result.current.error).toBeNull();
    expect(result.current.snapshot!.status.state!.passages.map((p) => p.passageId)).toEqual([passageId]);
    expect(result.current.snapshot!.paragraphs[5]).toMatchObject({ text: AI_TEXT, passageId });

    word.readOnly = true;
    before = word.syncCount;
    let verified: unknown = 'not run';
    await act(async () => {
      verified = await result.current.run((ctx) => verifyClaim(host, ctx, { claim: qualifiedClaimId(passageId!, 'c1'), evidence: { kind: 'manual', source: 'Cổng dịch vụ công', note: 'đối chiếu với bản gốc lưu tại văn phòng' } }));
    });
    expect(verified).toBeUndefined();
    expect(result.current.error).not.toBeNull();
    // What the pane shows is the document as it is: nothing was verified.
    expect(result.current.snapshot!.status.state!.totals.verified).toBe(0);
    expect(word.syncCount - before).toBeLessThanOrEqual(6);
    expect(result.current.busy).toBe(false);
  });
});
