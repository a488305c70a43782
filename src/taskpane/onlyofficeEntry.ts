/**
 * issue 12 — ONLYOFFICE: the pane's entry when the page runs as an ONLYOFFICE plugin (the editor's
 * plugins.js defined window.Asc.plugin). Same App and PaneServices as in Word, with the document
 * through OnlyOfficeHost; language and theme follow the editor.
 */
import { resolveLanguage, setLanguage } from '../i18n';
import type { Language } from '../i18n';
import { editorLanguage, editorTheme, editorVersion, followTheme, onlyOfficeGlobal, whenStarted } from '../host/onlyoffice/plugin';
import type { OfficeEnvironment, ThemeMode } from './officeEnvironment';
import type { PaneServices } from './services';

export type Render = (environment: OfficeEnvironment, theme: ThemeMode, services?: PaneServices | null) => void;

/** True when the page runs inside an ONLYOFFICE editor. */
export function inOnlyOffice(): boolean {
  return !!(globalThis as { Asc?: { plugin?: unknown } }).Asc?.plugin;
}

export function startInOnlyOffice(render: Render, savedLanguage: Language | null, initialTheme: ThemeMode): Promise<void> {
  const asc = onlyOfficeGlobal()!;
  // Before any await: plugins.js calls Asc.plugin.init once the page has loaded, maybe before the
  // lazy chunks below arrive.
  const started = whenStarted(asc);
  return (async () => {
    const [{ OnlyOfficeHost }, { fetchOrgSettings }, { draftGenerator }] = await Promise.all([
      import('../host/onlyoffice'),
      import('./orgSettings'),
      import('./draftService'),
    ]);
    await started;
    // The editor's own theme, given with init; the system's until it says.
    let theme: ThemeMode = editorTheme(asc) ?? initialTheme;
    const version = await editorVersion(asc);
    const environment: OfficeEnvironment = {
      kind: 'office',
      host: 'ONLYOFFICE',
      platform: version,
      wordApi: null,
      displayLanguage: editorLanguage(asc),
    };
    setLanguage(resolveLanguage({ explicit: savedLanguage, displayLanguage: environment.displayLanguage }));
    render(environment, theme);
    const services: PaneServices = { host: new OnlyOfficeHost({ asc }), org: await fetchOrgSettings(), generate: draftGenerator() };
    followTheme(asc, (mode) => {
      theme = mode;
      render(environment, theme, services);
    });
    render(environment, theme, services);
  })();
}
