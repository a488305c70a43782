// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGE, getLanguage, setLanguage } from '../../src/i18n';
import { App } from '../../src/taskpane/App';
import type { OfficeEnvironment } from '../../src/taskpane/officeEnvironment';

const inWordOnWindows: OfficeEnvironment = {
  kind: 'office',
  host: 'Word',
  platform: 'PC',
  wordApi: '1.4',
  displayLanguage: 'vi-VN',
};

beforeEach(() => {
  localStorage.clear();
  setLanguage(DEFAULT_LANGUAGE);
});
afterEach(() => cleanup());

function environmentRegion(name: RegExp | string): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('task pane in Vietnamese (default)', () => {
  it('shows the product name, the standalone view and the empty state', () => {
    render(<App environment={{ kind: 'standalone' }} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('AI Provenance – Soạn thảo có kiểm chứng');
    // Outside Office the work comes first: one line says where it runs, no environment section (issue 13).
    expect(screen.queryByRole('region', { name: 'Môi trường' })).toBeNull();
    const documentRegion = environmentRegion('Bàn làm việc');
    expect(within(documentRegion).getByText('Không chạy trong Office')).toBeTruthy();
    expect(within(documentRegion).getByText('Chưa phân tích tài liệu nào')).toBeTruthy();
  });

  it('shows the Office host, platform and Word API set inside Word', () => {
    render(<App environment={inWordOnWindows} />);
    const environment = environmentRegion('Môi trường');
    const facts = Object.fromEntries(
      Array.from(environment.querySelectorAll('dt')).map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
    );
    expect(facts).toEqual({ 'Ứng dụng': 'Word', 'Nền tảng': 'Windows', 'Bộ API Word': '1.4' });
    expect(within(environment).queryByText('Không chạy trong Office')).toBeNull();
  });

  it('names Word on the web and warns when the host is not Word or too old', () => {
    const { rerender } = render(<App environment={{ ...inWordOnWindows, platform: 'OfficeOnline' }} />);
    expect(screen.getByText('Office trên web')).toBeTruthy();
    rerender(<App environment={{ ...inWordOnWindows, host: 'Excel' }} />);
    expect(screen.getByText('Tiện ích này dành cho Word; Excel chưa được hỗ trợ.')).toBeTruthy();
    rerender(<App environment={{ ...inWordOnWindows, wordApi: null }} />);
    expect(screen.getByText(/không hỗ trợ WordApi 1.3/)).toBeTruthy();
  });

  it('says it is connecting while Office starts', () => {
    render(<App environment={{ kind: 'connecting' }} />);
    expect(screen.getByText('Đang kết nối với Office…')).toBeTruthy();
  });
});

describe('task pane in English', () => {
  it('renders every part in English', () => {
    setLanguage('en');
    const { rerender } = render(<App environment={{ kind: 'standalone' }} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('AI Provenance – Verified drafting');
    expect(screen.getByText('Not running inside Office')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Workbench' })).toBeTruthy();
    expect(screen.getByText('No document analysed yet')).toBeTruthy();
    rerender(<App environment={{ ...inWordOnWindows, platform: 'Mac' }} />);
    const environment = environmentRegion('Environment');
    expect(within(environment).getByText('Application')).toBeTruthy();
    expect(within(environment).getByText('macOS')).toBeTruthy();
    // No Vietnamese left on screen, except the Vietnamese option's own name in the language list.
    const visibleText = Array.from(document.body.querySelectorAll('*'))
      .filter((element) => element.tagName !== 'OPTION' && !element.closest('option'))
      .flatMap((element) => Array.from(element.childNodes).filter((node) => node.nodeType === Node.TEXT_NODE))
      .map((node) => node.textContent)
      .join(' ');
    expect(visibleText).toContain('Application');
    expect(visibleText).not.toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
  });
});

describe('language switch', () => {
  it('is a labelled control that switches the whole pane and remembers the choice', () => {
    render(<App environment={{ kind: 'standalone' }} />);
    const select = screen.getByLabelText('Ngôn ngữ') as HTMLSelectElement;
    expect(select.value).toBe('vi');
    fireEvent.change(select, { target: { value: 'en' } });
    expect(getLanguage()).toBe('en');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('AI Provenance – Verified drafting');
    expect(screen.getByText('No document analysed yet')).toBeTruthy();
    expect((screen.getByLabelText('Language') as HTMLSelectElement).value).toBe('en');
    expect(localStorage.getItem('aiprov.language')).toBe('en');
  });
});

describe('accessibility structure', () => {
  it('has banner and main landmarks, one h1 and labelled sections', () => {
    render(<App environment={inWordOnWindows} />);
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Môi trường', 'Tài liệu']);
    expect(screen.getAllByRole('region')).toHaveLength(2);
    const options = Array.from(screen.getByRole('combobox').querySelectorAll('option'));
    expect(options.map((option) => option.getAttribute('lang'))).toEqual(['vi', 'en']);
  });
});
