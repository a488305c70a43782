// @vitest-environment happy-dom
// The pane over a host with a selection (a DocxHost given a person's selection, as Word reports it):
// use the selection as the input, insert at the cursor, replace the selection, select a passage or a
// claim in the document, and declare the selected paragraphs. A host without one shows none of it.
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocxHost } from '../../src/host/docx';
import type { ClaimTarget, HostSelection } from '../../src/host/port';
import { setLanguage } from '../../src/i18n';
import type { GenerateFn, GenerateRequest } from '../../src/taskpane/generate';
import { AI_TEXT, GENERATION, REPORT_PARAGRAPHS, fireEvent, hostWithPassage, openHost, openStep, radio, renderPane, screen, statusOf, type, waitFor, within } from './helpers';

const WITH_PERSONAL = [...REPORT_PARAGRAPHS, 'Ông Nguyễn Văn An, CCCD số 001203004567, đã hoàn thành hồ sơ.'];

beforeEach(() => {
  localStorage.clear();
  setLanguage('vi');
});
afterEach(() => cleanup());

interface Selecting {
  host: DocxHost;
  selection: { current: HostSelection | null };
  selected: { passageId: string; claim?: ClaimTarget }[];
}

/** `host` with a selection the test moves, and a record of what the pane asked to select. */
function selecting(host: DocxHost, current: HostSelection | null = null): Selecting {
  const selection = { current };
  const selected: Selecting['selected'] = [];
  const wrapped = Object.assign(Object.create(host) as DocxHost, {
    readSelection: async () => selection.current,
    selectPassage: async (passageId: string, claim?: ClaimTarget) => {
      selected.push(claim ? { passageId, claim } : { passageId });
    },
  });
  return { host: wrapped, selection, selected };
}

function answer(requests: GenerateRequest[], text = AI_TEXT): GenerateFn {
  return async (request) => {
    requests.push(request);
    request.onToken(text, text);
    return { text, generation: { ...GENERATION, prompt: request.prompt, level: 1, redactions: {} } };
  };
}

async function generate(purpose: RegExp, prompt: string): Promise<void> {
  openStep(1);
  fireEvent.click(radio(purpose));
  openStep(2);
  fireEvent.click(radio(/Ollama/));
  openStep(3);
  type(screen.getByLabelText(/Yêu cầu gửi cho AI|Request to the AI/), prompt);
  openStep(4);
  fireEvent.click(screen.getByRole('button', { name: /^(Tạo nội dung|Generate)$/ }));
  await waitFor(() => expect(screen.getByRole('button', { name: /^(Bỏ kết quả|Discard)$/ })).toBeTruthy());
}

describe('step 3: use the selection', () => {
  it('summarise: the selection is the input; its personal data is in the preview and sent as placeholders only', async () => {
    const personal = WITH_PERSONAL[8]!;
    const { host } = selecting(openHost(WITH_PERSONAL), { fromParagraph: 9, toParagraph: 9, text: personal });
    const requests: GenerateRequest[] = [];
    await renderPane(host, { generate: answer(requests, 'Ông An đã hoàn thành hồ sơ.') });
    openStep(1);
    fireEvent.click(radio(/Tóm tắt/));
    openStep(2);
    fireEvent.click(radio(/Ollama/));
    openStep(3);
    fireEvent.click(screen.getByRole('button', { name: 'Dùng đoạn đang chọn' }));
    await waitFor(() => expect((screen.getByLabelText('Văn bản đang chọn (gửi kèm yêu cầu)') as HTMLTextAreaElement).value).toBe(personal));
    type(screen.getByLabelText('Yêu cầu gửi cho AI'), 'Tóm tắt trong một câu');
    await waitFor(() => expect(screen.getByText(/Tìm thấy \d+ mục dữ liệu cá nhân/)).toBeTruthy());
    await waitFor(() => expect(screen.getByTestId('redacted-input').textContent).toContain('[CCCD_1]'));
    expect(screen.getByTestId('redacted-input').textContent).not.toContain('001203004567');
    openStep(4);
    fireEvent.click(screen.getByRole('button', { name: 'Tạo nội dung' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]).toMatchObject({ purpose: 'summarize', input: personal, sources: [] });
  });

  it('draft (en): the selection goes as a source named after it; nothing selected is refused with a message', async () => {
    setLanguage('en');
    const { host, selection } = selecting(openHost(), { fromParagraph: 4, toParagraph: 4, text: '' });
    const requests: GenerateRequest[] = [];
    await renderPane(host, { generate: answer(requests) });
    openStep(3);
    fireEvent.click(screen.getByRole('button', { name: 'Use the selection' }));
    await waitFor(() => expect(screen.getByText(/No text is selected in the document/)).toBeTruthy());
    expect(screen.queryByLabelText('Selected text (sent with the request)')).toBeNull();
    selection.current = { fromParagraph: 4, toParagraph: 4, text: REPORT_PARAGRAPHS[3]! };
    fireEvent.click(screen.getByRole('button', { name: 'Use the selection' }));
    await waitFor(() => expect(screen.getByLabelText('Selected text (sent with the request)')).toBeTruthy());
    await generate(/Draft a document/, 'Write the results paragraph');
    expect(requests[0]!.input).toBeUndefined();
    expect(requests[0]!.sources).toEqual([{ name: 'Selected text', text: REPORT_PARAGRAPHS[3] }]);
  });
});

describe('step 4: insert at the cursor, replace the selection', () => {
  it('inserts after the paragraph holding the cursor', async () => {
    const { host } = selecting(openHost(), { fromParagraph: 4, toParagraph: 4, text: '' });
    await renderPane(host, { generate: answer([]) });
    await generate(/Soạn thảo văn bản/, 'Viết đoạn kết quả');
    fireEvent.click(screen.getByRole('button', { name: 'Chèn tại con trỏ' }));
    await waitFor(async () => expect((await statusOf(host)).state?.totals.passages).toBe(1));
    expect((await host.listPassages())[0]).toMatchObject({ text: AI_TEXT, paragraphRange: [5, 5] });
    expect((await host.readParagraphs()).map((p) => p.text)).toEqual([...REPORT_PARAGRAPHS.slice(0, 4), AI_TEXT, ...REPORT_PARAGRAPHS.slice(4)]);
  });

  it('replaces the whole paragraphs selected (en), and refuses part of a paragraph', async () => {
    setLanguage('en');
    const { host, selection } = selecting(openHost(), { fromParagraph: 2, toParagraph: 2, text: 'BÁO' });
    await renderPane(host, { generate: answer([]) });
    await generate(/Draft a document/, 'Rewrite the direction for 2026');
    fireEvent.click(screen.getByRole('button', { name: 'Replace the selection' }));
    await waitFor(() => expect(screen.getByText(/Only a selection of whole paragraphs can be replaced/)).toBeTruthy());
    expect((await host.readParagraphs()).map((p) => p.text)).toEqual(REPORT_PARAGRAPHS);

    selection.current = { fromParagraph: 7, toParagraph: 8, text: `${REPORT_PARAGRAPHS[6]}\n${REPORT_PARAGRAPHS[7]}` };
    fireEvent.click(screen.getByRole('button', { name: 'Replace the selection' }));
    await waitFor(async () => expect((await statusOf(host)).state?.totals.passages).toBe(1));
    expect((await host.readParagraphs()).map((p) => p.text)).toEqual([...REPORT_PARAGRAPHS.slice(0, 6), AI_TEXT]);
    expect((await statusOf(host)).state!.passages[0]).toMatchObject({ origin: 'generated', currentText: AI_TEXT });
  });
});

describe('step 5: select in document, declare the selection', () => {
  it('selects the passage, and each claim with its text', async () => {
    const { host: plain, passageId } = await hostWithPassage();
    const { host, selected } = selecting(plain);
    await renderPane(host);
    openStep(5);
    fireEvent.click(await screen.findByRole('button', { name: `Chọn trong văn bản: đoạn AI ${passageId.slice(0, 8)}` }));
    fireEvent.click(screen.getByRole('button', { name: 'Chọn trong văn bản: «87,5%»' }));
    await waitFor(() => expect(selected).toHaveLength(2));
    expect(selected).toEqual([{ passageId }, { passageId, claim: { text: '87,5%', occurrence: 0 } }]);
  });

  it('declares the selected paragraphs (en)', async () => {
    setLanguage('en');
    const { host } = selecting(openHost(), { fromParagraph: 8, toParagraph: 8, text: 'Tiếp tục' });
    await renderPane(host);
    openStep(5);
    const form = screen.getByRole('region', { name: 'Declare text pasted from an outside AI tool' });
    fireEvent.click(within(form).getByRole('button', { name: 'Use the selection' }));
    await waitFor(() => expect((within(form).getByLabelText('From paragraph') as HTMLSelectElement).value).toBe('8'));
    expect((within(form).getByLabelText('To paragraph') as HTMLSelectElement).value).toBe('8');
    type(within(form).getByLabelText(/AI tool name/), 'ChatGPT');
    fireEvent.click(within(form).getByRole('button', { name: 'Mark as AI text' }));
    await waitFor(async () => expect((await host.listPassages())[0]?.paragraphRange).toEqual([8, 8]));
  });

  it('a host without a selection shows none of these buttons', async () => {
    const { host } = await hostWithPassage();
    await renderPane(host, { generate: answer([]) });
    openStep(3);
    openStep(5);
    expect(screen.queryByRole('button', { name: 'Dùng đoạn đang chọn' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Chọn trong văn bản/ })).toBeNull();
  });
});
