// @vitest-environment happy-dom
// Steps 1–3: purpose, platform and input, and the level-4 refusal, in Vietnamese and English.
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n';
import { STRICT } from '../../src/policy';
import { fireEvent, openHost, openStep, radio, renderPane, screen, stepHeaders, type, waitFor, within } from './helpers';

const ORG_WITH_PUBLIC = {
  profile: 'strict',
  providers: [
    { id: 'openai', name: 'OpenAI', tier: 'public', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', apiKeyRequired: true },
    { id: 'gateway', name: 'Cổng AI tỉnh', tier: 'internal', baseUrl: 'https://ai.caobang.gov.vn/v1', model: 'qwen2.5' },
  ],
};

beforeEach(() => {
  localStorage.clear();
  setLanguage('vi');
});
afterEach(() => cleanup());

describe('step 1: purpose', () => {
  it('offers the profile’s purposes and never a forbidden one; explains why with the articles (vi)', async () => {
    await renderPane(openHost());
    openStep(1);
    const group = screen.getByRole('radiogroup', { name: 'Mục đích sử dụng AI' });
    const labels = within(group).getAllByRole('radio').map((r) => (r as HTMLInputElement).value);
    expect(labels).toEqual([...STRICT.purposes.offered]);
    for (const forbidden of STRICT.purposes.forbidden) {
      expect(within(group).queryByText(forbidden.label.vi)).toBeNull();
    }
    fireEvent.click(screen.getByRole('button', { name: 'Vì sao một số việc không có trong danh sách?' }));
    const list = screen.getByRole('list', { name: 'Các việc không được dùng AI' });
    expect(within(list).getByText('Soạn thảo, xử lý văn bản mật')).toBeTruthy();
    expect(list.textContent).toContain('QC-PB Điều 7, khoản 1');
    fireEvent.click(radio(/Soạn thảo văn bản/));
    expect(stepHeaders()[0]).toContain('đã chọn');
  });

  it('reads in English', async () => {
    setLanguage('en');
    await renderPane(openHost());
    openStep(1);
    expect(radio(/Draft a document/)).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: 'Purpose of AI use' })).toBeTruthy();
    expect(stepHeaders()[0]).toMatch(/^Step 1\. Purpose/);
  });
});

describe('step 2: platform', () => {
  it('ranks internal first and disables a public provider for a level-2 document, with the article', async () => {
    await renderPane(openHost(), { org: ORG_WITH_PUBLIC });
    openStep(2);
    const group = screen.getByRole('radiogroup', { name: 'Nhà cung cấp AI' });
    const radios = within(group).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.value)).toEqual(['gateway', 'openai']);
    // A level-1 document may go to a public provider.
    expect(radio(/OpenAI/).disabled).toBe(false);

    openStep(3);
    type(screen.getByLabelText('Mức độ do người soạn khai báo'), '2');
    // One step is open at a time: back to step 2 to see the provider closed.
    openStep(2);
    await waitFor(() => expect(radio(/OpenAI/).disabled).toBe(true));
    const openaiLabel = radio(/OpenAI/).closest('span')!.parentElement!.textContent!;
    expect(openaiLabel).toContain('Mức 2 – Nội bộ: không được dùng AI công cộng.');
    expect(openaiLabel).toMatch(/QC-PB Điều 8 \(mức 2\)/);
    expect(radio(/Cổng AI tỉnh/).disabled).toBe(false);
  });

  it('a document with personal data (level 3) shows the provider disabled in English', async () => {
    setLanguage('en');
    await renderPane(openHost(['BÁO CÁO', 'Ông Nguyễn Văn An, CCCD số 001203004567, sinh ngày 12/3/1980.']), { org: ORG_WITH_PUBLIC });
    openStep(2);
    expect(radio(/OpenAI/).disabled).toBe(true);
    const label = radio(/OpenAI/).closest('span')!.parentElement!.textContent!;
    expect(label).toContain('Level 3 – Personal data');
    expect(label).toMatch(/Article 8 \(level 3\)/);
    expect(stepHeaders()[2]).toContain('level 3');
  });
});

describe('step 3: input', () => {
  it('shows declared and detected levels, the personal data found and the placeholder version', async () => {
    await renderPane(openHost(), { org: ORG_WITH_PUBLIC });
    openStep(1);
    fireEvent.click(radio(/Soạn thảo văn bản/));
    openStep(2);
    fireEvent.click(radio(/Cổng AI tỉnh/));
    openStep(3);
    type(screen.getByLabelText('Yêu cầu gửi cho AI'), 'Viết thư mời ông Nguyễn Văn An, CCCD số 001203004567, dự họp.');
    await waitFor(() => expect(screen.getByText(/Tìm thấy \d+ mục dữ liệu cá nhân/)).toBeTruthy());
    const facts = screen.getByText('Phát hiện trong tài liệu').closest('dl')!;
    expect(facts.textContent).toContain('Mức 1 – Công khai');
    type(screen.getByLabelText('Mức độ do người soạn khai báo'), '3');
    await waitFor(() => expect(facts.textContent).toContain('Mức áp dụngMức 3 – Dữ liệu cá nhân'));
    // Level 3 to an internal provider: only after redaction; the preview shows placeholders.
    await waitFor(() => expect(screen.getByTestId('redacted-prompt').textContent).toContain('[CCCD_1]'));
    expect(screen.getByTestId('redacted-prompt').textContent).not.toContain('001203004567');
    expect(screen.getByText('Chỉ gửi sau khi thay thế thông tin định danh')).toBeTruthy();
  });

  it('adds a pasted source and a .txt file source', async () => {
    await renderPane(openHost());
    openStep(3);
    fireEvent.click(screen.getByRole('button', { name: 'Thêm văn bản dán' }));
    type(screen.getByLabelText('Nguồn 1: Văn bản dán 1'), 'Năm 2025 có 1.234 dịch vụ công trực tuyến.');
    const file = new File(['Báo cáo số liệu chính thức.'], 'so-lieu.txt', { type: 'text/plain' });
    fireEvent.change(screen.getByLabelText('Thêm tệp (.txt, .docx)', { selector: 'input' }), { target: { files: [file] } });
    await waitFor(() => expect((screen.getByLabelText('Nguồn 2: so-lieu.txt') as HTMLTextAreaElement).value).toBe('Báo cáo số liệu chính thức.'));
  });
});

describe('a level-4 document', () => {
  for (const language of ['vi', 'en'] as const) {
    it(`refuses saying which stamp and where, what to do instead, the article; steps keep their numbers; no AI control (${language})`, async () => {
      setLanguage(language);
      await renderPane(openHost(['BÁO CÁO', 'MẬT', 'Tình hình bảo vệ biên giới.']));
      const alert = screen.getByRole('alert');
      // The title is its own line, apart from the body.
      const [title, ...body] = Array.from(alert.querySelectorAll('.fui-MessageBarTitle, p')).map((el) => el.textContent);
      if (language === 'vi') {
        expect(title).toBe('Không dùng AI với tài liệu mật');
        expect(body[0]).toBe('Văn bản mang dấu độ mật «MẬT» ở đoạn 2.');
        expect(body.at(-1)).toMatch(/^Cách làm: soạn văn bản này trên máy tính không kết nối mạng và không dùng công cụ AI nào \(.*QC-PB Điều 7, khoản 1.*Luật Bảo vệ bí mật nhà nước/u);
      } else {
        expect(title).toBe('No AI for secret documents');
        expect(body[0]).toBe('The document carries the secrecy stamp “MẬT” in paragraph 2.');
        expect(body.at(-1)).toMatch(/^Instead: draft this document on a computer with no network connection, with no AI tool \(.*QC-PB Article 7\(1\)/u);
      }
      expect(stepHeaders().map((h) => h.match(/\d/)?.[0])).toEqual(['1', '2', '3', '4', '5', '6', '7']);
      expect(stepHeaders().slice(0, 4).every((h) => h.includes(language === 'vi' ? 'không dùng AI' : 'no AI'))).toBe(true);
      expect(screen.queryByRole('button', { name: language === 'vi' ? 'Tạo nội dung' : 'Generate' })).toBeNull();
      expect(screen.queryByRole('radiogroup', { name: /Mục đích sử dụng AI|Purpose of AI use/ })).toBeNull();
      expect(screen.queryByRole('radiogroup', { name: /Nhà cung cấp AI|AI provider/ })).toBeNull();
      expect(screen.queryByLabelText(/Yêu cầu gửi cho AI|Request to the AI/)).toBeNull();
    });
  }
});
