// @vitest-environment happy-dom
// Steps 5–7 over a document that already holds an AI passage: verify and reject claims, declare
// pasted AI text, the record's history and disclosure line, the report, and sign-off.
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../src/i18n';
import { STRICT } from '../../src/policy';
import { documentStatus, qualifiedClaimId, verifyClaim } from '../../src/workflow';
import { editPassage } from '../workflow/helpers';
import { fireEvent, hostWithPassage, openHost, openStep, renderPane, screen, statusOf, type, waitFor, within } from './helpers';

beforeEach(() => {
  localStorage.clear();
  setLanguage('vi');
});
afterEach(() => cleanup());

function claimItem(text: string): HTMLElement {
  return screen.getByText(text, { selector: '.fui-Body1Strong, span' }).closest('li')!;
}

/** issue 10 — evidence: pastes an excerpt of the source that holds the claim, and names the source. */
async function verify(text: string, source: string): Promise<void> {
  const item = claimItem(text);
  type(within(item).getByLabelText(`Đoạn trích có «${text}»`), `Trích ${source}: … ${text} …`);
  type(within(item).getByLabelText('Tên nguồn của đoạn trích'), source);
  fireEvent.click(within(item).getByRole('button', { name: 'Xác nhận đã kiểm chứng' }));
  await waitFor(() => expect(within(claimItem(text)).getByText(/Đã kiểm chứng bởi/)).toBeTruthy());
}

describe('step 5: verify', () => {
  it('ticking a claim with a source records it verified, by the user, with the source', async () => {
    const { host } = await hostWithPassage();
    await renderPane(host);
    openStep(5);
    const claims = (await statusOf(host)).state!.passages[0]!.claims;
    expect(claims.map((c) => c.text)).toContain('1.234');
    await verify('1.234', 'Báo cáo 45/BC-STTTT ngày 10/01/2026, trang 3');
    const after = (await statusOf(host)).state!.passages[0]!.claims.find((c) => c.text === '1.234')!;
    expect(after).toMatchObject({ status: 'verified', verifiedBy: 'Trần Thị Bình', source: 'Báo cáo 45/BC-STTTT ngày 10/01/2026, trang 3' });
    expect(screen.getByRole('button', { name: /^Bước 5\./ }).textContent).toContain(`1/${claims.length} đã kiểm chứng`);
  });

  it('rejecting a claim needs a reason and records it (en)', async () => {
    setLanguage('en');
    const { host } = await hostWithPassage();
    await renderPane(host);
    openStep(5);
    const item = claimItem('87,5%');
    // Rejecting is the card's second action, behind "Reject…".
    fireEvent.click(within(item).getByRole('button', { name: 'Reject…' }));
    const reject = within(item).getByRole('button', { name: 'Reject' }) as HTMLButtonElement;
    expect(reject.disabled).toBe(true);
    type(within(item).getByLabelText('Reason for rejecting “87,5%”'), 'The plan figure is 85%');
    fireEvent.click(reject);
    await waitFor(async () => expect((await statusOf(host)).state!.totals.rejected).toBe(1));
    await waitFor(() => expect(within(claimItem('87,5%')).getByText('rejected')).toBeTruthy());
    expect(screen.getByText(/needs review/)).toBeTruthy();
  });

  it('shows form warnings from the checks engine for a citation', async () => {
    const host = openHost();
    const { insertPassage } = await import('../../src/workflow');
    const { context, GENERATION } = await import('../workflow/helpers');
    await insertPassage(host, context(), { afterParagraph: 5, text: 'Theo Nghị định số 13/2023/QĐ-CP của Chính phủ, tỉnh đã triển khai.', generation: GENERATION });
    await renderPane(host);
    openStep(5);
    await waitFor(() => expect(screen.getByText(/Lưu ý về hình thức: .*không khớp ký hiệu/)).toBeTruthy());
  });

  it('declares text pasted from an outside AI tool', async () => {
    const host = openHost();
    await renderPane(host);
    openStep(5);
    type(screen.getByLabelText('Từ đoạn'), '8');
    type(screen.getByLabelText('Đến đoạn'), '8');
    type(screen.getByLabelText(/Tên công cụ AI/), 'ChatGPT');
    fireEvent.click(screen.getByRole('button', { name: 'Đánh dấu là nội dung AI' }));
    await waitFor(async () => expect((await statusOf(host)).state?.totals.passages).toBe(1));
    const passage = (await statusOf(host)).state!.passages[0]!;
    expect(passage).toMatchObject({ origin: 'declared', tool: 'ChatGPT', currentText: 'Tiếp tục triển khai các nhiệm vụ theo kế hoạch.' });
    await waitFor(() => expect(screen.getByText('Dán từ công cụ bên ngoài: ChatGPT')).toBeTruthy());
  });

  it('without a name nothing can be recorded', async () => {
    const { host } = await hostWithPassage();
    await renderPane(host, { name: null });
    expect(screen.getAllByText(/Hãy nhập họ và tên trong phần Cài đặt/).length).toBeGreaterThan(0);
    openStep(5);
    const item = claimItem('1.234');
    type(within(item).getByLabelText('Đoạn trích có «1.234»'), 'Báo cáo chính thức: 1.234 dịch vụ');
    expect((within(item).getByRole('button', { name: 'Xác nhận đã kiểm chứng' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('step 6: record', () => {
  it('shows who did what, the integrity, inserts the disclosure line and exports the report', async () => {
    const { host } = await hostWithPassage();
    const saveFile = vi.fn<(name: string, blob: Blob) => void>();
    await renderPane(host, { saveFile });
    openStep(6);
    expect(screen.getByText(/Nhật ký sử dụng AI toàn vẹn/)).toBeTruthy();
    const history = screen.getByRole('list', { name: 'Lịch sử' });
    expect(history.textContent).toContain('Nguyễn Văn An: tạo nhật ký');
    expect(history.textContent).toContain('Nguyễn Văn An: thêm đoạn AI');

    const wording = STRICT.disclosure[0]!.text;
    const before = (await host.readParagraphs()).length;
    fireEvent.click(screen.getByRole('button', { name: 'Chèn dòng ghi chú vào văn bản' }));
    // Claims are not verified yet: the wording "đã được kiểm chứng" would be false, so it is refused.
    await waitFor(() => expect(screen.getByText(/Chưa thể chèn dòng ghi chú/)).toBeTruthy());
    expect((await host.readParagraphs()).length).toBe(before);
    const state = (await documentStatus(host, { actor: 'x' })).state!;
    for (const p of state.passages) for (const c of p.claims) await verifyClaim(host, { actor: 'Trần Thị Bình' }, { claim: qualifiedClaimId(p.passageId, c.claimId), evidence: { kind: 'manual', source: 'Báo cáo 125/BC-UBND', note: 'đối chiếu với bản gốc lưu tại văn phòng' } });
    // The pane re-reads after the refused action (signature states too): the button is back once it is done.
    await waitFor(() => expect((screen.getByRole('button', { name: 'Chèn dòng ghi chú vào văn bản' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Chèn dòng ghi chú vào văn bản' }));
    await waitFor(async () => expect((await host.readParagraphs()).at(-1)?.text).toBe(wording));
    await waitFor(() => expect(history.textContent).toContain('Trần Thị Bình: chèn dòng ghi chú'));
    expect(screen.getByText(/Đã chèn dòng ghi chú \(Trần Thị Bình/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Chèn dòng ghi chú vào văn bản' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Tải báo cáo (HTML)' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    const [name, blob] = saveFile.mock.calls[0]!;
    expect(name).toMatch(/^aiprov-[0-9a-f]{8}\.html$/);
    const html = await blob.text();
    expect(html).toContain('1.234');
    expect(html).toContain('Trần Thị Bình');
  });
});

describe('step 7: sign-off', () => {
  it('is refused with the reasons and their articles; the verifier is told they cannot sign too (four eyes)', async () => {
    const { host } = await hostWithPassage();
    await renderPane(host);
    openStep(7);
    const blockers = screen.getByRole('list', { name: 'Lý do chưa thể ký duyệt' });
    expect(blockers.textContent).toContain('Còn 3 số liệu, trích dẫn do AI tạo ra chưa được kiểm chứng.');
    expect(blockers.textContent).toMatch(/QC-PB Điều 4, khoản 2/);
    expect(blockers.textContent).toContain('Có 1 đoạn giữ nguyên văn kết quả của AI');
    const sign = screen.getByRole('button', { name: 'Ký duyệt' });
    expect(sign.getAttribute('aria-disabled')).toBe('true');

    openStep(5);
    for (const claim of (await statusOf(host)).state!.passages[0]!.claims) await verify(claim.text, 'Văn bản gốc đã đối chiếu');
    // One step is open at a time: back to step 7.
    openStep(7);
    const reasons = () => screen.getByRole('list', { name: 'Lý do chưa thể ký duyệt' }).textContent;
    await waitFor(() => expect(reasons()).not.toContain('chưa được kiểm chứng'));
    expect(reasons()).toContain('nguyên văn');
    // issue 10 — four eyes: the person who verified cannot sign under strict, and is told why, with the article.
    expect(reasons()).toContain('Người ký duyệt (Trần Thị Bình) đã tự kiểm chứng nội dung trong văn bản');
    expect(reasons()).toContain('KAI-CB Điều 8, khoản 7');
  });

  it('is allowed once another person verified every claim with evidence and the passage is edited', async () => {
    const { host, passageId } = await hostWithPassage();
    const state = (await statusOf(host)).state!;
    for (const c of state.passages[0]!.claims) {
      await verifyClaim(host, { actor: 'Lê Văn Cường' }, { claim: qualifiedClaimId(passageId, c.claimId), evidence: { kind: 'excerpt', name: 'Văn bản gốc', text: `Trích: ${c.text}.` } });
    }
    await renderPane(host);
    openStep(7);

    // The person edits the passage in Word, then comes back to the pane.
    editPassage(host, passageId, 'Việc triển khai', 'Việc triển khai thực hiện');
    fireEvent.focus(window);
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Lý do chưa thể ký duyệt' })).toBeNull());
    // (read again once the key store has answered: no warning about a missing key then)
    await waitFor(() => expect(screen.getByText('Văn bản đủ điều kiện ký duyệt.')).toBeTruthy());
    type(screen.getByLabelText('Chức vụ'), 'Trưởng phòng');
    fireEvent.click(screen.getByRole('button', { name: 'Ký duyệt' }));
    await waitFor(async () => expect((await statusOf(host)).state!.signOffs).toHaveLength(1));
    const signOff = (await statusOf(host)).state!.signOffs[0]!;
    expect(signOff).toMatchObject({ by: 'Trần Thị Bình', role: 'Trưởng phòng', current: true });
    await waitFor(() => expect(screen.getByText(/Đã ký duyệt: Trần Thị Bình \(Trưởng phòng\)/)).toBeTruthy());
    // Signed with the person's trusted key: the step reads "signed".
    await waitFor(() => expect(screen.getByRole('button', { name: /^Bước 7\./ }).textContent).toContain('đã ký duyệt'));
  });

  it('without a personal key (strict): warns before, records the sign-off, then shows it not ready with what to do, still offering to sign again', async () => {
    const { host, passageId } = await hostWithPassage();
    const state = (await statusOf(host)).state!;
    for (const c of state.passages[0]!.claims) {
      await verifyClaim(host, { actor: 'Lê Văn Cường' }, { claim: qualifiedClaimId(passageId, c.claimId), evidence: { kind: 'excerpt', name: 'Văn bản gốc', text: `Trích: ${c.text}.` } });
    }
    editPassage(host, passageId, 'Việc triển khai', 'Việc triển khai thực hiện');
    await renderPane(host, { keys: false });
    openStep(7);
    await waitFor(() => expect(screen.getByText(/Bạn chưa có khóa cá nhân: lần ký duyệt sẽ được ghi lại/)).toBeTruthy());
    const button = () => screen.getByRole('button', { name: 'Ký duyệt' });
    expect(button().getAttribute('aria-disabled')).not.toBe('true');
    fireEvent.click(button());
    await waitFor(async () => expect((await statusOf(host)).state!.signOffs).toHaveLength(1));
    const reasons = await waitFor(() => screen.getByRole('list', { name: 'Lý do chưa thể ký duyệt' }));
    expect(reasons.textContent).toContain('Lần ký duyệt của Trần Thị Bình không có chữ ký số cá nhân');
    expect(reasons.textContent).toContain('aiprov keys init');
    expect(reasons.textContent).toContain('trustedKeys trong org-settings.json');
    expect(screen.getByRole('button', { name: /^Bước 7\./ }).textContent).toContain('chưa đủ điều kiện');
    expect(button().getAttribute('aria-disabled')).not.toBe('true');
  });

  it('shows the summary in English', async () => {
    setLanguage('en');
    const { host } = await hostWithPassage();
    await renderPane(host);
    openStep(7);
    const facts = screen.getByText('Claims verified').closest('dl')!;
    expect(facts.textContent).toContain('AI passages1');
    expect(facts.textContent).toContain('Claims verified0/3');
    expect(facts.textContent).toContain('Verbatim AI passages1');
    expect(facts.textContent).toContain('Recordintact');
    expect(screen.getByText('Cannot sign off yet')).toBeTruthy();
  });
});
