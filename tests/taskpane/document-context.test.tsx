// @vitest-environment happy-dom
// Issue 13: the open document as context. The real draft workflow over real local HTTP
// (tests/ai/fake-openai-server.ts): the text goes through the same level gate and redaction as the
// rest — the request body holds the context with placeholders, the preview shows what is sent, the
// prompt no longer says there is nothing to go on; a level-4 document sends nothing.
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n';
import { resolveProfile, type ProviderConfig } from '../../src/policy';
import { draftGenerator } from '../../src/taskpane/draftService';
import { DraftRefusedError, documentContext, generateDraft } from '../../src/workflow';
import { startFakeServer, streamTokens, type FakeServer } from '../ai/fake-openai-server';
import { REPORT_PARAGRAPHS, fireEvent, openHost, openStep, radio, renderPane, screen, type, waitFor } from './helpers';

const ANSWER = 'Đề nghị các sở, ngành phối hợp với đầu mối đã được giao để theo dõi thí điểm.';
const PERSON = 'Giao ông Nguyễn Văn An, CCCD số 001203004567, làm đầu mối theo dõi thí điểm trợ lý AI.';

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
    await streamTokens(res, ANSWER.split(/(?<= )/u));
  });
});
afterAll(() => ai.close());
beforeEach(() => {
  localStorage.clear();
  setLanguage('vi');
  ai.requests.length = 0;
});
afterEach(() => cleanup());

const org = () => ({ profile: 'strict', providers: [{ id: 'noi-bo', name: 'Máy chủ nội bộ (thử)', tier: 'internal', baseUrl: ai.baseUrl, model: 'm' }], locked: ['providers'] });
const userMessage = (request: FakeServer['requests'][number]): string =>
  (request.json as { messages: { role: string; content: string }[] }).messages.filter((m) => m.role === 'user').map((m) => m.content).join('\n');

async function toStep3(paragraphs: string[]) {
  const pane = await renderPane(openHost(paragraphs), { org: org(), generate: draftGenerator({ fetch: globalThis.fetch }) });
  openStep(1);
  fireEvent.click(radio(/Soạn thảo văn bản/));
  openStep(2);
  fireEvent.click(radio(/Máy chủ nội bộ/));
  openStep(3);
  type(screen.getByLabelText(/Yêu cầu gửi cho AI/), 'Viết một câu đề nghị phối hợp với đầu mối.');
  return pane;
}

describe('the open document as context', () => {
  it('is sent redacted, shown in the preview, and named in the prompt instead of "no sources"', async () => {
    const paragraphs = [...REPORT_PARAGRAPHS.slice(0, 5), PERSON, ...REPORT_PARAGRAPHS.slice(5)];
    await toStep3(paragraphs);
    expect(screen.queryByTestId('sent-context')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Dùng văn bản đang mở làm ngữ cảnh' }));
    const preview = await screen.findByTestId('sent-context');
    // Around the insertion point (the last paragraph here): the paragraph naming the person, with placeholders.
    await waitFor(() => expect(preview.textContent).toContain('[CCCD_1]'));
    expect(preview.textContent).not.toContain('001203004567');
    expect(preview.textContent).not.toContain('Nguyễn Văn An');
    expect(preview.textContent).not.toContain('ỦY BAN NHÂN DÂN TỈNH CAO BẰNG'); // not in the paragraphs around
    expect(screen.getByText(/văn bản đang mở được gửi làm ngữ cảnh/)).toBeTruthy();
    // The whole document: the first paragraph too.
    fireEvent.click(radio('Toàn bộ văn bản'));
    await waitFor(() => expect(screen.getByTestId('sent-context').textContent).toContain('ỦY BAN NHÂN DÂN TỈNH CAO BẰNG'));

    openStep(4);
    fireEvent.click(screen.getByRole('button', { name: 'Tạo nội dung' }));
    await waitFor(() => expect(screen.getByTestId('generate-output').textContent).toBe(ANSWER), { timeout: 10_000 });
    const posts = ai.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    const sent = userMessage(posts[0]!);
    expect(sent).toContain('<<<NGỮ CẢNH>>>');
    expect(sent).toContain('ỦY BAN NHÂN DÂN TỈNH CAO BẰNG');
    expect(sent).toMatch(/\[CCCD_1\]/u);
    expect(sent).toMatch(/\[NGƯỜI_1\]/u);
    expect(sent).not.toContain('001203004567');
    expect(sent).not.toContain('Nguyễn Văn An');
    expect(sent).not.toContain('Không có nguồn nào được cung cấp');
    expect(sent).toContain('Không có nguồn riêng; chỉ có văn bản đang mở ở trên làm ngữ cảnh.');
  }, 60_000);

  it('a level-4 document sends nothing: the pane offers no drafting, and the workflow refuses a context with a stamp before any request', async () => {
    await renderPane(openHost(['TỐI MẬT', ...REPORT_PARAGRAPHS]), { org: org(), generate: draftGenerator({ fetch: globalThis.fetch }) });
    expect(screen.getByTestId('secret-notice').textContent).toContain('«TỐI MẬT» ở đoạn 1');
    expect(screen.queryByRole('checkbox', { name: 'Dùng văn bản đang mở làm ngữ cảnh' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Tạo nội dung' })).toBeNull();
    // The gate itself, whatever a UI shows: the context is scanned with everything else sent.
    const paragraphs = ['TỐI MẬT', ...REPORT_PARAGRAPHS].map((text, i) => ({ index: i + 1, text }));
    const context = documentContext(paragraphs, 'whole', paragraphs.length);
    await expect(
      generateDraft({ purpose: 'draft', instruction: 'Viết một đoạn.', context, provider: org().providers[0]! as ProviderConfig, profile: resolveProfile({ profile: 'strict' }), fetch: globalThis.fetch }),
    ).rejects.toThrow(DraftRefusedError);
    expect(ai.requests).toEqual([]);
  }, 60_000);
});
