// @vitest-environment happy-dom
// Issue 13/17: a model that echoes placeholders ([CCCD_1], [NGƯỜI_1]) that were never sent. The
// real draft workflow over real local HTTP (tests/ai/fake-openai-server.ts): the pane says so,
// offers no insert until they are removed, and the document gets nothing in the meantime.
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n';
import { draftGenerator } from '../../src/taskpane/draftService';
import { startFakeServer, streamTokens, type FakeServer } from '../ai/fake-openai-server';
import { fireEvent, openHost, openStep, radio, renderPane, screen, statusOf, type, waitFor } from './helpers';

const ECHO = 'Giao [NGƯỜI_1] làm đầu mối; liên hệ qua số [CCCD_1] để theo dõi thí điểm AI.';

let ai: FakeServer;
beforeAll(async () => {
  ai = await startFakeServer(async (request, res) => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', '*');
    if (request.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    await streamTokens(res, ECHO.split(/(?<= )/u));
  });
});
afterAll(() => ai.close());
beforeEach(() => {
  localStorage.clear();
  setLanguage('vi');
});
afterEach(() => cleanup());

describe('an answer with echoed placeholders', () => {
  it('inserts nothing silently: shown with the placeholders, insert withheld until they are removed', async () => {
    const org = { profile: 'strict', providers: [{ id: 'noi-bo', name: 'Máy chủ nội bộ (thử)', tier: 'internal', baseUrl: ai.baseUrl, model: 'm' }], locked: ['providers'] };
    const pane = await renderPane(openHost(), { org, generate: draftGenerator({ fetch: globalThis.fetch }) });
    openStep(1);
    fireEvent.click(radio(/Soạn thảo văn bản/));
    openStep(2);
    fireEvent.click(radio(/Máy chủ nội bộ/));
    openStep(3);
    // Nothing personal in what is sent: any placeholder in the answer is the model's own.
    type(screen.getByLabelText(/Yêu cầu gửi cho AI/), 'Viết một câu giao đầu mối theo dõi thí điểm AI.');
    openStep(4);
    fireEvent.click(screen.getByRole('button', { name: 'Tạo nội dung' }));

    const warning = await screen.findByTestId('leftover-placeholders', {}, { timeout: 10_000 });
    expect(warning.textContent).toContain('Câu trả lời còn ký hiệu thay thế');
    expect(warning.textContent).toContain('[NGƯỜI_1]');
    expect(warning.textContent).toContain('[CCCD_1]');
    expect(ai.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    // The system prompt explains placeholders; what the person sent held none.
    const sent = (ai.requests.find((r) => r.method === 'POST')!.json as { messages: { role: string; content: string }[] }).messages;
    expect(sent.filter((m) => m.role !== 'system').map((m) => m.content).join('\n')).not.toMatch(/\[(NGƯỜI|CCCD)_\d+\]/u);
    // No way to insert it as it is, and nothing reached the document.
    expect(screen.queryByRole('button', { name: 'Chèn vào văn bản' })).toBeNull();
    expect((await statusOf(pane.host)).state?.totals.passages ?? 0).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'Xoá các ký hiệu rồi xem lại' }));
    await waitFor(() => expect(screen.getByTestId('pane-announcer').textContent).toBe('Đã xoá 2 ký hiệu thay thế khỏi câu trả lời.'));
    const output = screen.getByTestId('generate-output');
    expect(output.textContent).not.toMatch(/\[(NGƯỜI|CCCD)_1\]/u);
    fireEvent.click(screen.getByRole('button', { name: 'Chèn vào văn bản' }));
    await waitFor(async () => expect((await statusOf(pane.host)).state?.totals.passages).toBe(1));
    const [passage] = await pane.host.listPassages();
    expect(passage!.text).not.toMatch(/\[/u);
    expect(passage!.text).toContain('làm đầu mối');
  }, 90_000); // two cores shared with the other test files
});
