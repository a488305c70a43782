// @vitest-environment happy-dom
// Issue 9 — level: in step 3 the level a topic only suggests is shown apart from evidence, with one
// control to confirm the document is published; the confirmation is recorded (who, when, which
// topics) and the public provider opens. Evidence (a CCCD) is never offered to be set aside.
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n';
import { USER, fireEvent, openHost, openStep, radio, renderPane, screen, statusOf, waitFor, within } from './helpers';

const ORG = {
  profile: 'kai-cb-2025',
  providers: [{ id: 'openai', name: 'OpenAI', tier: 'public', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', apiKeyRequired: true }],
};
// Real lines of a published decree (../shared/realtext): the topic is bidding, nobody is identified.
const DECREE = ['NGHỊ ĐỊNH', 'Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;', 'Nghị định này quy định chi tiết một số điều và biện pháp thi hành Luật Đấu thầu về lựa chọn nhà thầu.'];

beforeEach(() => {
  localStorage.clear();
  setLanguage('vi');
});
afterEach(() => cleanup());

describe('the level suggested by topics (step 3)', () => {
  it('shows the suggestion apart from evidence, records the confirmation and opens the public provider', async () => {
    const pane = await renderPane(openHost(DECREE), { org: ORG });
    openStep(2);
    expect(radio(/OpenAI/).disabled).toBe(true);

    openStep(3);
    expect(screen.getByText('Mức 2 – Nội bộ (gợi ý từ chủ đề; theo bằng chứng: Mức 1 – Công khai)')).toBeTruthy();
    const group = screen.getByRole('group', { name: 'Gợi ý từ chủ đề' });
    expect(group.textContent).toContain('chưa công bố? (KAI-CB Điều 7)');
    fireEvent.click(within(group).getByRole('button', { name: 'Văn bản đã công bố' }));

    await waitFor(() => expect(screen.getByText(/Gợi ý từ chủ đề đấu thầu đã được bỏ qua: Trần Thị Bình xác nhận văn bản đã công bố/)).toBeTruthy());
    expect(screen.queryByRole('group', { name: 'Gợi ý từ chủ đề' })).toBeNull();
    const status = await statusOf(pane.host);
    expect(status.state!.setAside).toEqual([expect.objectContaining({ suggestion: 'topic', topics: ['bidding'], by: USER })]);
    expect(status.level).toMatchObject({ effective: 1, declared: 1 });

    openStep(2);
    await waitFor(() => expect(radio(/OpenAI/).disabled).toBe(false));
  });

  it('offers no confirmation when evidence raises the level (a CCCD)', async () => {
    await renderPane(openHost([...DECREE, 'Ông Nguyễn Văn An, CCCD số 001203004567, sinh ngày 12/3/1980.']), { org: ORG });
    openStep(3);
    const group = screen.getByRole('group', { name: 'Gợi ý từ chủ đề' });
    expect(within(group).queryByRole('button', { name: 'Văn bản đã công bố' })).toBeNull();
  });

  it('reads in English', async () => {
    setLanguage('en');
    await renderPane(openHost(DECREE), { org: ORG });
    openStep(3);
    const group = screen.getByRole('group', { name: 'Suggested by topics' });
    expect(within(group).getByRole('button', { name: 'The document is published' })).toBeTruthy();
    expect(group.textContent).toContain('not yet published? (KAI-CB Art. 7)');
  });
});
