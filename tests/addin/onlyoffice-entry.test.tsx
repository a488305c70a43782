// @vitest-environment happy-dom
/**
 * issue 12 — ONLYOFFICE: the real entry (src/taskpane/index.tsx) inside an ONLYOFFICE editor —
 * window.Asc from the typed fake (tests/host-onlyoffice/fake.ts) as the editor's plugins.js would
 * define it. The pane waits for the editor to start the plugin, shows the editor and its version
 * and what works on it, follows the editor's language, and reads the document through the host.
 */
import { screen, waitFor } from '@testing-library/react';
import { act } from 'react';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeOnlyOffice } from '../host-onlyoffice/fake';

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

async function startIn(editor: FakeOnlyOffice, lang = 'vi-VN'): Promise<void> {
  editor.asc.plugin.info = { ...editor.asc.plugin.info, lang };
  vi.stubGlobal('Asc', editor.asc);
  vi.resetModules();
  await import('../../src/taskpane/index');
  // plugins.js calls init once the editor has started the plugin.
  await waitFor(() => expect(typeof editor.asc.plugin.init).toBe('function'), { timeout: 15_000 });
  await act(async () => editor.asc.plugin.init!());
}

beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
  localStorage.clear();
});

afterEach(async () => {
  await new Promise((resolve) => setTimeout(resolve, 100));
  await act(async () => roots.splice(0).forEach((root) => root.unmount()));
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('task pane entry inside ONLYOFFICE', () => {
  it('shows ONLYOFFICE 9 and that everything works there, then reads the document through the host', async () => {
    const editor = new FakeOnlyOffice().addParagraphs('Một', 'Hai');
    await startIn(editor);
    await waitFor(() => expect(screen.getByText('ONLYOFFICE')).toBeTruthy(), { timeout: 5000 });
    expect(screen.getByText('9.0.0')).toBeTruthy();
    expect(screen.getByText(/ONLYOFFICE 9\.0\.0: đánh dấu đoạn AI, bản ghi nguồn gốc/)).toBeTruthy();
    expect(screen.queryByText(/chưa được hỗ trợ/)).toBeNull();
    // GetVersion through executeMethod, then the pane's reads through callCommand.
    expect(editor.executeMethods).toBe(1);
    await waitFor(() => expect(editor.callCommands).toBeGreaterThan(0), { timeout: 5000 });
    expect(editor.commandErrors).toEqual([]);
    expect(typeof editor.asc.plugin.onThemeChanged).toBe('function');
  }, 60_000);

  it('before 9.0 it says the record cannot be kept there; an English editor gets English', async () => {
    await startIn(new FakeOnlyOffice({ version: 8 }).addParagraphs('One'), 'en-US');
    await waitFor(() => expect(screen.getByText(/ONLYOFFICE 8\.0\.0 is older than 9\.0/)).toBeTruthy(), { timeout: 5000 });
    expect(document.documentElement.lang).toBe('en');
  }, 60_000);
});

/** The colour the pane paints its background with (Fluent's provider writes it as a CSS variable). */
function paneBackground(): string | null {
  // Griffel inserts rules through the CSSOM, so read the sheets' rules, not the tags' text; the
  // provider's own class names the rule that is in force.
  const provider = document.querySelector('.fui-FluentProvider');
  const own = Array.from(provider?.classList ?? []).filter((c) => c !== 'fui-FluentProvider');
  const css = Array.from(document.styleSheets)
    .flatMap((sheet) => Array.from(sheet.cssRules).map((rule) => rule.cssText))
    .filter((text) => own.some((c) => text.includes(`.${c}`)))
    .join('\n');
  return /--colorNeutralBackground1:\s*(#[0-9a-fA-F]{3,8})/.exec(css)?.[1]?.toLowerCase() ?? null;
}

describe('the editor theme inside ONLYOFFICE', () => {
  it('a dark editor starts a dark pane; onThemeChanged at run time turns it light and back', async () => {
    const editor = new FakeOnlyOffice().addParagraphs('Một');
    // plugins.js copies the theme of the "init" message to Asc.plugin.theme before calling init.
    editor.asc.plugin.theme = { type: 'dark', name: 'theme-dark' };
    await startIn(editor);
    await waitFor(() => expect(screen.getByText('ONLYOFFICE')).toBeTruthy(), { timeout: 5000 });
    await waitFor(() => expect(paneBackground()).toBe('#292929'), { timeout: 5000 });
    await act(async () => editor.asc.plugin.onThemeChanged!({ type: 'light', name: 'theme-light' }));
    await waitFor(() => expect(paneBackground()).toBe('#ffffff'), { timeout: 5000 });
    await act(async () => editor.asc.plugin.onThemeChanged!({ type: 'dark', name: 'theme-night' }));
    await waitFor(() => expect(paneBackground()).toBe('#292929'), { timeout: 5000 });
  }, 60_000);
});
