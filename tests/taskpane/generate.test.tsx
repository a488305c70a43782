// @vitest-environment happy-dom
// Step 4: generate with an injected draft workflow: streaming, stop, insert as a marked passage,
// discard (no mark, no record), refusal with the article, and confirmation of warnings.
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { groundAnswer } from '../../src/ai';
import { scanText } from '../../src/checks';
import { setLanguage } from '../../src/i18n';
import { decide, STRICT } from '../../src/policy';
import { RECORD_NAMESPACE_PREFIX } from '../../src/provenance';
import { draftGenerator } from '../../src/taskpane/draftService';
import type { GenerateFn, GenerateRequest } from '../../src/taskpane/generate';
import { DraftNeedsConfirmationError } from '../../src/workflow/draft';
import { AI_TEXT, GENERATION, fireEvent, openHost, openStep, radio, renderPane, screen, statusOf, type, waitFor } from './helpers';

const SOURCE = 'Theo số liệu chính thức, năm 2025 toàn tỉnh có 1.234 dịch vụ công trực tuyến.';

beforeEach(() => {
  localStorage.clear();
  setLanguage('vi');
});
afterEach(() => cleanup());

/** A draft workflow that streams AI_TEXT word by word and records what it was asked. */
function streamingGenerator(requests: GenerateRequest[] = []): GenerateFn {
  return async (request) => {
    requests.push(request);
    let soFar = '';
    for (const word of AI_TEXT.split(/(?<= )/)) {
      soFar += word;
      request.onToken(word, soFar);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return {
      text: AI_TEXT,
      generation: { ...GENERATION, prompt: request.prompt, level: 1, redactions: {} },
      grounding: groundAnswer({ answer: AI_TEXT, sources: request.sources.map((s) => s.text) }),
    };
  };
}

async function prepare(prompt: string): Promise<void> {
  openStep(1);
  fireEvent.click(radio(/Soạn thảo văn bản|Draft a document/));
  openStep(2);
  fireEvent.click(radio(/Ollama/));
  openStep(3);
  type(screen.getByLabelText(/Yêu cầu gửi cho AI|Request to the AI/), prompt);
  openStep(4);
}

describe('step 4: generate', () => {
  it('streams the answer, then inserts it as a marked passage with its grounding', async () => {
    const requests: GenerateRequest[] = [];
    const pane = await renderPane(openHost(), { generate: streamingGenerator(requests) });
    openStep(3);
    fireEvent.click(screen.getByRole('button', { name: 'Thêm văn bản dán' }));
    type(screen.getByLabelText('Nguồn 1: Văn bản dán 1'), SOURCE);
    await prepare('Viết đoạn kết quả chuyển đổi số năm 2025');
    fireEvent.click(screen.getByRole('button', { name: 'Tạo nội dung' }));
    const output = screen.getByTestId('generate-output');
    expect(output.getAttribute('aria-live')).toBe('polite');
    await waitFor(() => expect(output.textContent).toBe(AI_TEXT));
    expect(requests[0]).toMatchObject({ purpose: 'draft', prompt: 'Viết đoạn kết quả chuyển đổi số năm 2025', confirmed: false });
    expect(requests[0]!.provider.id).toBe('ollama-local');
    expect(requests[0]!.sources).toEqual([{ name: 'Văn bản dán 1', text: SOURCE }]);
    await waitFor(() => expect(screen.getByText(/Đối chiếu với nguồn: 1 khớp/)).toBeTruthy());

    type(screen.getByLabelText('Chèn sau đoạn'), '5');
    fireEvent.click(screen.getByRole('button', { name: 'Chèn vào văn bản' }));
    await waitFor(async () => expect((await statusOf(pane.host)).state?.totals.passages).toBe(1));
    const passages = await pane.host.listPassages();
    expect(passages[0]!.text).toBe(AI_TEXT);
    expect(passages[0]!.paragraphRange).toEqual([6, 6]);
    const state = (await statusOf(pane.host)).state!;
    expect(state.passages[0]!.createdBy).toBe('Trần Thị Bình');
    // The verify step opens on the claims, the first figure's source suggested from grounding, and
    // focus is on that claim's source field.
    await waitFor(() => expect(screen.getAllByText(/Gợi ý nguồn: nguồn 1/).length).toBeGreaterThan(0));
    await waitFor(() => expect(document.activeElement?.hasAttribute('data-claim-source')).toBe(true));
    await waitFor(() => expect(screen.getByTestId('pane-announcer').textContent).toMatch(/^Đã chèn đoạn AI vào văn bản/));
  });

  it('discarded output leaves no mark and no record', async () => {
    const pane = await renderPane(openHost(), { generate: streamingGenerator() });
    await prepare('Viết đoạn kết quả');
    fireEvent.click(screen.getByRole('button', { name: 'Tạo nội dung' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Bỏ kết quả' })).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Bỏ kết quả' }));
    expect(screen.queryByTestId('generate-output')).toBeNull();
    expect(await pane.host.listPassages()).toEqual([]);
    expect(await pane.host.readRecord(RECORD_NAMESPACE_PREFIX)).toBeNull();
  });

  it('Stop aborts the stream; nothing can be inserted', async () => {
    let seen: AbortSignal | undefined;
    const generate: GenerateFn = (request) =>
      new Promise((_resolve, reject) => {
        seen = request.signal;
        request.onToken('Năm 2025, ', 'Năm 2025, ');
        request.signal.addEventListener('abort', () => reject(Object.assign(new Error('cancelled'), { name: 'AiError', code: 'cancelled' })));
      });
    const pane = await renderPane(openHost(), { generate });
    await prepare('Viết đoạn kết quả');
    fireEvent.click(screen.getByRole('button', { name: 'Tạo nội dung' }));
    await waitFor(() => expect(screen.getByTestId('generate-output').textContent).toBe('Năm 2025, '));
    fireEvent.click(screen.getByRole('button', { name: 'Dừng' }));
    await waitFor(() => expect(screen.getByText(/Đã dừng/)).toBeTruthy());
    expect(seen?.aborted).toBe(true);
    expect(screen.queryByRole('button', { name: 'Chèn vào văn bản' })).toBeNull();
    expect(await pane.host.listPassages()).toEqual([]);
  });

  it('a refusal of the real draft workflow shows the article and sends nothing (en)', async () => {
    setLanguage('en');
    const fetchSpy = vi.fn<typeof fetch>();
    await renderPane(openHost(), { generate: draftGenerator({ fetch: fetchSpy }) });
    await prepare('Soạn quyết định xử phạt vi phạm hành chính đối với công ty A');
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(screen.getByText('Not sent to AI')).toBeTruthy());
    const body = screen.getByText('Not sent to AI').parentElement!;
    expect(body.textContent).toContain('Not sent to AI: the rules do not allow it.');
    expect(body.textContent).toContain('KAI-CB Article 8(1)');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('warnings must be confirmed before the request is sent again', async () => {
    const text = 'Lập dự toán ngân sách chưa công bố năm 2026';
    const decision = decide({ level: { detected: 1 }, providerTier: 'internal', findings: scanText(text).findings, purpose: 'draft', profile: STRICT, text });
    const confirmations: boolean[] = [];
    const ok = streamingGenerator();
    const generate: GenerateFn = async (request) => {
      confirmations.push(request.confirmed);
      if (!request.confirmed) throw new DraftNeedsConfirmationError(decision);
      return ok(request);
    };
    await renderPane(openHost(), { generate });
    await prepare(text);
    fireEvent.click(screen.getByRole('button', { name: 'Tạo nội dung' }));
    const checkbox = await screen.findByRole('checkbox', { name: /Tôi đã đọc các lưu ý/ });
    const body = checkbox.closest('.fui-MessageBarBody')!;
    expect(body.textContent).toContain('Cần xác nhận trước khi gửi');
    expect(body.textContent).toContain('KAI-CB Điều 7');
    const send = screen.getByRole('button', { name: 'Xác nhận và gửi' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.click(checkbox);
    fireEvent.click(send);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Chèn vào văn bản' })).toBeTruthy());
    expect(confirmations).toEqual([false, true]);
  });
});
