/**
 * The plugin's life in the editor, for the pane's entry: is this page running as an ONLYOFFICE
 * plugin, wait for the editor to start it, its version, language and theme. Only this folder
 * touches `window.Asc`.
 */
import type { OoAsc, OoTheme } from './api';

/** `window.Asc` when the editor's plugins.js is loaded (the page runs as a plugin), else undefined. */
export function onlyOfficeGlobal(): OoAsc | undefined {
  const asc = (globalThis as { Asc?: OoAsc }).Asc;
  return asc?.plugin ? asc : undefined;
}

/** Resolves when the editor calls `Asc.plugin.init` (plugins.js calls it once the plugin is started). */
export function whenStarted(asc: OoAsc): Promise<void> {
  return new Promise((resolve) => {
    const previous = asc.plugin.init;
    asc.plugin.init = (data?: unknown) => {
      previous?.call(asc.plugin, data);
      resolve();
    };
    // A panel plugin is closed with the editor's own close box.
    asc.plugin.button ??= () => asc.plugin.executeCommand?.('close', '');
  });
}

/** The editor's version (executeMethod "GetVersion"), e.g. "9.0.4"; null when it does not answer. */
export function editorVersion(asc: OoAsc, timeoutMs = 2000): Promise<string | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    try {
      asc.plugin.executeMethod('GetVersion', [], (version) => {
        clearTimeout(timer);
        resolve(typeof version === 'string' && version ? version : null);
      });
    } catch {
      clearTimeout(timer);
      resolve(null);
    }
  });
}

/** The editor's major version number from "9.0.4", or null. */
export function majorVersion(version: string | null): number | null {
  const major = version ? Number.parseInt(version, 10) : NaN;
  return Number.isFinite(major) ? major : null;
}

/** Custom XML parts (the record) need ONLYOFFICE 9.0. */
export const RECORD_MIN_MAJOR = 9;

export function editorLanguage(asc: OoAsc): string | null {
  return asc.plugin.info?.lang ?? null;
}

export type EditorThemeMode = 'light' | 'dark';

/** The editor's theme as the plugin was started (a dark editor starts a dark pane), or null. */
export function editorTheme(asc: OoAsc): EditorThemeMode | null {
  const type = asc.plugin.theme?.type;
  return type === 'dark' ? 'dark' : type === 'light' ? 'light' : null;
}

/** Calls `onChange` with the editor's theme whenever it changes (and keeps the editor's own handling). */
export function followTheme(asc: OoAsc, onChange: (mode: EditorThemeMode) => void): void {
  asc.plugin.onThemeChanged = (theme: OoTheme) => {
    asc.plugin.onThemeChangedBase?.(theme);
    onChange(theme?.type === 'dark' ? 'dark' : 'light');
  };
}
