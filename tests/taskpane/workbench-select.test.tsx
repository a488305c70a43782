// @vitest-environment happy-dom
// The workbench has no text selection: "Select in document" in step 5 scrolls its document view to
// the passage and highlights it, with no method added to the .docx host.
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../src/i18n';
import Workbench from '../../src/taskpane/Workbench';
import { fireEvent, hostWithPassage, openStep, screen, waitFor } from './helpers';

beforeEach(() => {
  localStorage.clear();
  setLanguage('vi');
  // No org-settings.json beside the page: the strict defaults.
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('workbench: select in document', () => {
  it('scrolls the document view to the passage and highlights it', async () => {
    const { host, passageId } = await hostWithPassage();
    const scrolled: string[] = [];
    const scroll = vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement) {
      scrolled.push(this.dataset.passageId ?? '');
    });
    render(<Workbench />);
    const file = new File([host.save() as BlobPart], 'bao-cao.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    fireEvent.change(screen.getByLabelText('Mở tệp .docx trên máy', { selector: 'input' }), { target: { files: [file] } });
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Bước \d/ }).length).toBeGreaterThan(0), { timeout: 5000 });
    await waitFor(() => expect(document.querySelector(`[data-passage-id="${passageId}"]`)).not.toBeNull());
    openStep(5);
    fireEvent.click(await screen.findByRole('button', { name: `Chọn trong văn bản: đoạn AI ${passageId.slice(0, 8)}` }));
    await waitFor(() => expect(scrolled).toEqual([passageId]));
    const view = document.querySelector(`[data-passage-id="${passageId}"]`)!;
    expect(view.querySelector('button[aria-pressed="true"]')).not.toBeNull();
    // The .docx host itself has no selection of its own.
    expect('selectPassage' in host).toBe(false);
    scroll.mockRestore();
  });
});
