// @vitest-environment happy-dom
/**
 * The real entry (src/taskpane/index.tsx) as the browser runs it: with no office.js at all, with
 * office.js outside Office, and inside Word — Office replaced by a plain object shaped like it.
 */
import { screen, waitFor } from '@testing-library/react';
import { act } from 'react';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Every root the entry creates, so each test can unmount its pane: a root left mounted keeps React's
// scheduler working after happy-dom is torn down ("window is not defined" fails the whole run). The
// entry may still render once Office is ready after the test ended: an unmounted root ignores that.
const roots = vi.hoisted(() => [] as { unmount: () => void }[]);
vi.mock('react-dom/client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('react-dom/client')>();
  return {
    ...actual,
    createRoot: (...args: Parameters<typeof actual.createRoot>) => {
      const root = actual.createRoot(...args);
      let unmounted = false;
      const guarded = Object.assign(Object.create(root) as Root, {
        render: (children: Parameters<Root['render']>[0]) => {
          if (!unmounted) root.render(children);
        },
        unmount: () => {
          unmounted = true;
          root.unmount();
        },
      });
      roots.push(guarded);
      return guarded;
    },
  };
});

type FakeOffice = {
  onReady: () => Promise<{ host: string | null; platform: string | null }>;
  context: {
    displayLanguage: string;
    requirements: { isSetSupported: (name: string, version?: string) => boolean };
  };
};

function fakeOffice(host: string | null, platform: string | null, displayLanguage: string, maxWordApi: number): FakeOffice {
  return {
    onReady: () => Promise.resolve({ host, platform }),
    context: {
      displayLanguage,
      requirements: { isSetSupported: (name, version) => name === 'WordApi' && Number(version) <= maxWordApi },
    },
  };
}

async function startPane(): Promise<void> {
  vi.resetModules();
  await import('../../src/taskpane/index');
}

beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
  document.documentElement.lang = 'vi';
  localStorage.clear();
});

afterEach(async () => {
  // The entry keeps working after an assertion passes (the lazy Word services, which fail here without
  // Word): give it a moment, then unmount, inside this file's environment.
  await new Promise((resolve) => setTimeout(resolve, 100));
  await act(async () => roots.splice(0).forEach((root) => root.unmount()));
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('task pane entry', () => {
  it('runs in a plain browser without office.js and shows the standalone view', async () => {
    expect(typeof (globalThis as { Office?: unknown }).Office).toBe('undefined');
    await startPane();
    await waitFor(() => expect(screen.getByText('Không chạy trong Office')).toBeTruthy());
    expect(screen.getByText('Chưa phân tích tài liệu nào')).toBeTruthy();
    expect(document.documentElement.lang).toBe('vi');
  });

  it('inside English Word: shows host and platform in English once Office is ready', async () => {
    vi.stubGlobal('Office', fakeOffice('Word', 'PC', 'en-US', 1.3));
    await startPane();
    await waitFor(() => expect(screen.getByText('Word')).toBeTruthy());
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('AI Provenance – Verified drafting');
    expect(screen.getByText('Windows')).toBeTruthy();
    expect(screen.getByText('1.3')).toBeTruthy();
    expect(screen.getByText('No document analysed yet')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('a language the user picked beats Office’s display language', async () => {
    localStorage.setItem('aiprov.language', 'vi');
    vi.stubGlobal('Office', fakeOffice('Word', 'OfficeOnline', 'en-US', 1.4));
    await startPane();
    await waitFor(() => expect(screen.getByText('Office trên web')).toBeTruthy());
    expect(screen.getByText('1.4')).toBeTruthy();
    expect(document.documentElement.lang).toBe('vi');
  });

  it('office.js loaded outside an Office host (host null) falls back to the standalone view', async () => {
    vi.stubGlobal('Office', fakeOffice(null, null, 'en-US', 0));
    await startPane();
    await waitFor(() => expect(screen.getByText('Không chạy trong Office')).toBeTruthy());
  });
});
