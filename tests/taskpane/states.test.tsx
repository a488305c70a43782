// @vitest-environment happy-dom
// The pane renders the states workflow's statusView decided (issue 10), on the TỐI MẬT sample with no
// record: no "intact", no "ready", no active sign-off button, nothing green in steps 5–7.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../cli/run';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n';
import { DocxHost } from '../../src/host/docx';
import { openStep, renderPane, screen, waitFor } from './helpers';

beforeEach(() => setLanguage('vi'));
afterEach(() => cleanup());

it('the TỐI MẬT sample with no record shows no AI content and offers no sign-off', async () => {
  const host = DocxHost.open(new Uint8Array(readFileSync(join(REPO, 'assets/samples/bao-cao-toi-mat.docx'))));
  await renderPane(host);
  const header = openStep(7);
  await waitFor(() => expect(header.textContent).toContain('không có nội dung AI'));
  expect(document.body.textContent).not.toContain('Văn bản đáp ứng các quy định để trình duyệt');
  expect(screen.getByText(/Văn bản không có đoạn nào do AI tạo ra được ghi nhận/)).toBeTruthy();
  const button = screen.getByRole('button', { name: 'Ký duyệt' });
  expect(button.getAttribute('aria-disabled')).toBe('true');
  const record = openStep(6);
  expect(record.textContent).toContain('chưa có nhật ký');
  expect(record.textContent).not.toContain('toàn vẹn');
  expect(openStep(5).textContent).toContain('không có nội dung AI');
}, 120000);
