// @vitest-environment happy-dom
/**
 * Issue 13: in Word the default insertion point (and the "around the insertion point" context) is
 * the paragraph holding the cursor or selection, read in the pane's own batch (no extra round trip);
 * with the cursor outside the body (a header), the suggested point before the signature block.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseOrgSettings } from '../../src/policy';
import type { PaneServices } from '../../src/taskpane/services';
import { useDocumentState } from '../../src/taskpane/useDocumentState';
import { documentContext, suggestedInsertionPoint, type WorkflowContext } from '../../src/workflow';
import { FakeWord } from './fake-word';
import { hostOver } from './helpers';

const LETTER = [
  'ỦY BAN NHÂN DÂN TỈNH CAO BẰNG',
  'BÁO CÁO',
  'Kết quả chuyển đổi số năm 2025',
  'I. KẾT QUẢ ĐẠT ĐƯỢC',
  'Toàn tỉnh đã cung cấp dịch vụ công trực tuyến toàn trình.',
  'II. PHƯƠNG HƯỚNG NĂM 2026',
  'Tiếp tục mở rộng dịch vụ công trực tuyến.',
  'Nơi nhận:',
  '- Bộ Thông tin và Truyền thông;',
  'TM. ỦY BAN NHÂN DÂN',
  'CHỦ TỊCH',
  'Nguyễn Văn A',
];

describe.each([5, 6])('default insertion point over Word (WordApi 1.%i)', (wordApi) => {
  it('is the cursor’s paragraph, else before the signature block; the pane read costs no more syncs', async () => {
    const word = new FakeWord({ wordApi }).addParagraphs(...LETTER);
    const host = hostOver(word);
    const services: PaneServices = { host, org: parseOrgSettings(undefined) };
    const context: WorkflowContext = { actor: 'Trần Thị Bình', lang: 'vi' };
    word.select(4, 4, { start: 3, end: 3 });
    const { result } = renderHook(() => useDocumentState(services, context));
    await waitFor(() => expect(result.current.snapshot).not.toBeNull());
    expect(result.current.snapshot!.insertionPoint).toEqual({ after: 4, from: 'cursor' });
    // The context "around the insertion point" is taken around the cursor.
    const around = documentContext(result.current.snapshot!.paragraphs, 'around', result.current.snapshot!.insertionPoint.after);
    expect(around).toContain('Toàn tỉnh đã cung cấp');
    expect(around).not.toContain('Nguyễn Văn A');

    // A selection over several paragraphs: after its last one.
    word.select(2, 3);
    const before = word.syncCount;
    await act(async () => {
      await result.current.reload();
    });
    expect(word.syncCount - before).toBeLessThanOrEqual(2); // as before the cursor was read (measured: 2)
    expect(result.current.snapshot!.insertionPoint).toEqual({ after: 3, from: 'cursor' });

    // The cursor in a header: not a body paragraph, so the suggested point before "Nơi nhận".
    word.selectInHeader();
    await act(async () => {
      await result.current.reload();
    });
    expect(result.current.snapshot!.insertionPoint).toEqual({ after: suggestedInsertionPoint(result.current.snapshot!.paragraphs), from: 'suggested' });
    expect(result.current.snapshot!.insertionPoint.after).toBe(7);
  });
});
