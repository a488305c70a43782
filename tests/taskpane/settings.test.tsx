// @vitest-environment happy-dom
// Settings (name, providers, keys kept on this computer; hidden when the organisation locks them)
// and the language switch of the whole workspace.
import { cleanup } from '@testing-library/react';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getLanguage, setLanguage } from '../../src/i18n';
import { loadUserSettings } from '../../src/taskpane/userSettings';
import { documentStatus, qualifiedClaimId, verifyClaim } from '../../src/workflow';
import { context } from '../workflow/helpers';
import { fireEvent, hostWithPassage, openHost, openStep, radio, renderPane, screen, stepHeaders, type, waitFor } from './helpers';

const ORG = {
  providers: [{ id: 'openai', name: 'OpenAI', tier: 'public', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', apiKeyRequired: true }],
};

beforeEach(() => {
  localStorage.clear();
  setLanguage('vi');
});
afterEach(() => cleanup());

function openSettings(): void {
  fireEvent.click(screen.getByRole('button', { name: /^(Cài đặt|Settings)$/ }));
}

describe('settings', () => {
  it('keeps the name on this computer and asks for it before anything is recorded', async () => {
    await renderPane(openHost(), { name: null });
    expect(screen.getAllByText(/Hãy nhập họ và tên/).length).toBeGreaterThan(0);
    openSettings();
    const settingsButton = screen.getByRole('button', { name: 'Đóng cài đặt' });
    expect(settingsButton.getAttribute('aria-expanded')).toBe('true');
    // The settings' name field (the pane also asks in place, in its own form).
    type(screen.getAllByLabelText(/Họ và tên/).find((el) => !el.closest('[data-testid="name-form"]'))!, 'Lê Văn Cường');
    expect(loadUserSettings(localStorage).name).toBe('Lê Văn Cường');
    await waitFor(() => expect(screen.queryByText(/Hãy nhập họ và tên/)).toBeNull());
  });

  it('asks for the name in place: saved on Enter, announced, then the open step has focus', async () => {
    await renderPane(openHost(), { name: null });
    const field = screen.getByLabelText('Họ và tên người thực hiện');
    type(field, 'Lê Văn Cường');
    fireEvent.submit(field.closest('form')!);
    expect(loadUserSettings(localStorage).name).toBe('Lê Văn Cường');
    await waitFor(() => expect(screen.getByTestId('pane-announcer').textContent).toBe('Đã lưu tên: Lê Văn Cường.'));
    await waitFor(() => expect((document.activeElement as HTMLInputElement | null)?.type).toBe('radio'));
    expect(screen.queryByTestId('name-form')).toBeNull();
  });

  it('stores API keys in localStorage only, never in the document', async () => {
    const { host, passageId } = await hostWithPassage();
    // Every claim verified first: the disclosure's wording says "đã được kiểm chứng".
    for (const claim of (await documentStatus(host, context('Lê Văn Cường'))).state!.passages[0]!.claims) {
      await verifyClaim(host, context('Lê Văn Cường'), { claim: qualifiedClaimId(passageId, claim.claimId), evidence: { kind: 'manual', source: 'Báo cáo số 12/BC-UBND', note: 'đối chiếu với bản gốc lưu tại văn phòng' } });
    }
    await renderPane(host, { org: ORG });
    openSettings();
    type(screen.getByLabelText('Khóa API cho OpenAI'), 'sk-test-1234567890abcdef');
    expect(localStorage.getItem('aiprov.key.openai')).toBe('sk-test-1234567890abcdef');
    expect(localStorage.getItem('aiprov.user')).not.toContain('sk-test');
    // Record something, then look through every part of the saved .docx.
    openStep(6);
    fireEvent.click(screen.getByRole('button', { name: 'Chèn dòng ghi chú vào văn bản' }));
    await waitFor(async () => expect((await host.readParagraphs()).at(-1)?.text).toMatch(/AI/));
    const parts = unzipSync(host.save());
    for (const [name, bytes] of Object.entries(parts)) expect(strFromU8(bytes), name).not.toContain('sk-test');
  });

  it('adds a provider of the user’s own after validating it, and lists it ranked by tier', async () => {
    await renderPane(openHost(), { org: ORG });
    openSettings();
    type(screen.getByLabelText('Tên hiển thị'), 'LM Studio');
    type(screen.getByLabelText('Địa chỉ API (tương thích OpenAI)'), 'không phải địa chỉ');
    type(screen.getByLabelText('Mô hình'), 'vistral-7b');
    fireEvent.click(screen.getByRole('button', { name: 'Thêm' }));
    expect(screen.getByText('Địa chỉ API phải là một địa chỉ http:// hoặc https:// đầy đủ.')).toBeTruthy();
    expect(loadUserSettings(localStorage).providers).toEqual([]);
    type(screen.getByLabelText('Địa chỉ API (tương thích OpenAI)'), 'http://localhost:1234/v1');
    fireEvent.click(screen.getByRole('button', { name: 'Thêm' }));
    expect(loadUserSettings(localStorage).providers.map((p) => p.name)).toEqual(['LM Studio']);
    openStep(2);
    const values = (screen.getAllByRole('radio') as HTMLInputElement[]).filter((r) => r.name === radio(/LM Studio/).name).map((r) => r.value);
    expect(values).toEqual(['user-lm-studio', 'openai']);
  });

  it('hides providers and keys when the organisation locks them', async () => {
    const own = { id: 'x', name: 'Riêng', tier: 'internal', baseUrl: 'http://localhost:1/v1', model: 'm' };
    localStorage.setItem('aiprov.user', JSON.stringify({ name: 'A', role: '', providers: [own] }));
    await renderPane(openHost(), { org: { ...ORG, locked: ['providers'] }, name: null });
    openSettings();
    expect(screen.getByText('Danh sách nhà cung cấp AI do cơ quan, đơn vị quản lý.')).toBeTruthy();
    expect(screen.queryByLabelText('Khóa API cho OpenAI')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Nhà cung cấp AI' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Thêm' })).toBeNull();
    // The user's own providers are ignored while the list is locked.
    openStep(2);
    expect(radio(/OpenAI/)).toBeTruthy();
    expect(screen.queryByRole('radio', { name: /Riêng/ })).toBeNull();
  });

  it('shows the organisation’s settings error instead of failing', async () => {
    await renderPane(openHost(), { org: '{ not json' });
    expect(screen.getByText(/Tệp org-settings.json không hợp lệ/)).toBeTruthy();
  });
});

describe('language switch', () => {
  it('switches the steps, the badges and the messages between Vietnamese and English', async () => {
    const { host } = await hostWithPassage();
    await renderPane(host);
    expect(stepHeaders()[0]).toMatch(/^Bước 1\. Mục đích sử dụng/);
    openStep(5);
    expect(screen.getAllByText('Xác nhận đã kiểm chứng', { selector: 'button' })).toHaveLength(3);
    fireEvent.change(screen.getByLabelText('Ngôn ngữ'), { target: { value: 'en' } });
    expect(getLanguage()).toBe('en');
    expect(stepHeaders().map((h) => h.replace(/(Step \d\. [A-Za-z -]+?)(not chosen|chosen|level \d|not ready|ready|\d+\/\d+ verified|intact|no record yet).*/, '$1'))).toEqual([
      'Step 1. Purpose',
      'Step 2. AI platform',
      'Step 3. Input',
      'Step 4. Generate',
      'Step 5. Verify',
      'Step 6. Record',
      'Step 7. Sign-off',
    ]);
    expect(screen.getAllByText('Mark verified', { selector: 'button' }).length).toBe(3);
    expect(screen.getByText('0/3 verified')).toBeTruthy();
  });
});
