/**
 * Task pane entry. Renders at once (so the pane never stays blank), then again when Office is
 * ready. Works in a plain browser too: without office.js, or with office.js outside an Office
 * host, the pane shows its standalone view.
 */
import { Component, StrictMode } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { getLanguage, onLanguageChange, resolveLanguage, setLanguage, t } from '../i18n';
import { App } from './App';
import { loadLanguagePreference } from './languagePreference';
import { detectOfficeEnvironment, detectThemeMode, officeGlobal } from './officeEnvironment';
import { inOnlyOffice, startInOnlyOffice } from './onlyofficeEntry'; // issue 12 — ONLYOFFICE
import type { OfficeEnvironment, ThemeMode } from './officeEnvironment';
import type { PaneServices } from './services';

/** Shows a plain message in the current language instead of a blank pane when rendering throws. */
class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('[aiprov] task pane render failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <main role="alert" style={{ padding: 16, fontFamily: 'system-ui, sans-serif' }}>
        <h1 style={{ fontSize: 18 }}>{t('error.title')}</h1>
        <p>{t('error.body', { detail: this.state.error.message })}</p>
      </main>
    );
  }
}

/** The document through Office.js and the services around it; loaded only inside Word. */
async function wordServices(): Promise<PaneServices> {
  const [{ WordHost }, { fetchOrgSettings }, { draftGenerator }] = await Promise.all([
    import('../host/word'),
    import('./orgSettings'),
    import('./draftService'),
  ]);
  return { host: new WordHost(), org: await fetchOrgSettings(), generate: draftGenerator() };
}

function start(): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  const root = createRoot(container);
  const office = officeGlobal();
  const savedLanguage = loadLanguagePreference();

  const syncDocumentLanguage = (): void => {
    document.documentElement.lang = getLanguage();
  };
  onLanguageChange(syncDocumentLanguage);
  setLanguage(resolveLanguage({ explicit: savedLanguage }));
  syncDocumentLanguage();

  const render = (environment: OfficeEnvironment, theme: ThemeMode, services: PaneServices | null = null): void => {
    root.render(
      <StrictMode>
        <ErrorBoundary>
          <App environment={environment} theme={theme} services={services} />
        </ErrorBoundary>
      </StrictMode>,
    );
  };

  // issue 12 — ONLYOFFICE: inside an ONLYOFFICE editor (its plugins.js loaded) the pane runs on the ONLYOFFICE host.
  if (inOnlyOffice()) {
    render({ kind: 'connecting' }, detectThemeMode(undefined));
    startInOnlyOffice(render, savedLanguage, detectThemeMode(undefined)).catch((error: unknown) =>
      console.error('[aiprov] could not connect to the ONLYOFFICE editor', error),
    );
    return;
  }
  render(office ? { kind: 'connecting' } : { kind: 'standalone' }, detectThemeMode(office));
  if (!office) return;

  detectOfficeEnvironment(office)
    .then((environment) => {
      if (environment.kind === 'office') {
        setLanguage(resolveLanguage({ explicit: savedLanguage, displayLanguage: environment.displayLanguage }));
      }
      render(environment, detectThemeMode(office));
      if (environment.kind === 'office' && environment.host === 'Word') {
        return wordServices().then(
          (services) => render(environment, detectThemeMode(office), services),
          (error: unknown) => console.error('[aiprov] could not connect to the document', error),
        );
      }
      return undefined;
    })
    .catch((error: unknown) => {
      console.error('[aiprov] Office.onReady failed; showing the standalone view', error);
      render({ kind: 'standalone' }, detectThemeMode(office));
    });
}

start();
