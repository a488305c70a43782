import {
  Body1,
  Body1Strong,
  Caption1,
  FluentProvider,
  Label,
  Select,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
  useId,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { Suspense, lazy, type ReactNode } from 'react';
import { LANGUAGES, parseLanguage } from '../i18n';
import type { Language, Translator } from '../i18n';
import { saveLanguagePreference } from './languagePreference';
import type { OfficeEnvironment, ThemeMode } from './officeEnvironment';
import type { PaneServices } from './services';
import { AnnouncerProvider } from './components/Announcer';
import { EmptyDocument } from './components/EmptyDocument';
import { usePaneStyles } from './components/styles';
import { useI18n } from './useI18n';

// The workspace carries the workflow, the checks engine and the record: loaded only when there is
// a document to work on, so the pane's first load stays small.
const Workspace = lazy(() => import('./Workspace'));
// Outside Office the pane becomes the workbench (open a .docx, the same steps, download): loaded
// only there, and never inside Word.
const Workbench = lazy(() => import('./Workbench'));

export interface AppProps {
  readonly environment: OfficeEnvironment;
  readonly theme?: ThemeMode;
  /** The document and the services around it; absent outside Word (the standalone view is the workbench). */
  readonly services?: PaneServices | null;
}

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    minWidth: 0,
    overflowWrap: 'anywhere',
    // Nothing wider than the pane at 320 px or at 200 % zoom: labels wrap inside buttons, fields
    // and pickers shrink to the column (Fluent sizes them to their content by default).
    '& .fui-Button': { whiteSpace: 'normal', height: 'auto', minHeight: '32px', maxWidth: '100%', minWidth: 0, overflowWrap: 'anywhere' },
    '& .fui-Field, & .fui-Select, & .fui-Input, & .fui-Textarea, & .fui-RadioGroup, & .fui-Radio': { minWidth: 0, maxWidth: '100%' },
    '& select': { minWidth: 0, maxWidth: '100%' },
    '& .fui-Radio__label, & .fui-Checkbox__label': { minWidth: 0, overflowWrap: 'anywhere' },
    '& .fui-AccordionHeader__button': { minWidth: 0, height: 'auto', minHeight: '44px', whiteSpace: 'normal', overflowWrap: 'anywhere' },
    '& .fui-MessageBar': { minWidth: 0, flexWrap: 'wrap' },
    '& .fui-MessageBarBody': { minWidth: 0, whiteSpace: 'normal', overflowWrap: 'anywhere' },
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  // One line (wrapping when narrow): the product name and the language; the work starts right below.
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  languageRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0, maxWidth: '100%' },
  languageSelect: { minWidth: 0, maxWidth: '100%', flexGrow: 1, flexShrink: 1, flexBasis: '6rem' },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  paragraph: { margin: 0 },
  heading: { margin: 0 },
});

const PLATFORM_KEYS = {
  PC: 'platform.PC',
  Mac: 'platform.Mac',
  OfficeOnline: 'platform.OfficeOnline',
  iOS: 'platform.iOS',
  Android: 'platform.Android',
  Universal: 'platform.Universal',
} as const;

function platformLabel(t: Translator, platform: string | null): string {
  if (platform === null) return t('common.unknown');
  return Object.hasOwn(PLATFORM_KEYS, platform) ? t(PLATFORM_KEYS[platform as keyof typeof PLATFORM_KEYS]) : platform;
}

/** issue 12 — ONLYOFFICE: the major version of "9.0.4" (custom XML parts need 9). */
function onlyOfficeMajor(version: string | null): number | null {
  const major = version ? Number.parseInt(version, 10) : NaN;
  return Number.isFinite(major) ? major : null;
}

function EnvironmentDetails({ environment }: { readonly environment: OfficeEnvironment }): ReactNode {
  const styles = usePaneStyles();
  const { t } = useI18n();
  switch (environment.kind) {
    case 'connecting':
      return <Body1 as="p" className={styles.paragraph}>{t('environment.connecting')}</Body1>;
    case 'standalone':
      return (
        <>
          <Body1Strong as="p" className={styles.paragraph}>
            {t('environment.notInOffice')}
          </Body1Strong>
          <Body1 as="p" className={styles.paragraph}>
            {t('environment.standaloneNote')}
          </Body1>
        </>
      );
    case 'office':
      return (
        <>
          <dl className={styles.facts}>
            <dt className={styles.factName}>{t('environment.host')}</dt>
            <dd className={styles.factValue}>{environment.host}</dd>
            {/* issue 12 — ONLYOFFICE: its version stands where Word's platform and API set are. */}
            {environment.host === 'ONLYOFFICE' ? (
              <>
                <dt className={styles.factName}>{t('onlyoffice.version')}</dt>
                <dd className={styles.factValue}>{environment.platform ?? t('common.unknown')}</dd>
              </>
            ) : (
              <>
                <dt className={styles.factName}>{t('environment.platform')}</dt>
                <dd className={styles.factValue}>{platformLabel(t, environment.platform)}</dd>
                <dt className={styles.factName}>{t('environment.wordApi')}</dt>
                <dd className={styles.factValue}>{environment.wordApi ?? t('common.unknown')}</dd>
              </>
            )}
          </dl>
          {environment.host === 'ONLYOFFICE' ? (
            <Body1 as="p" className={onlyOfficeMajor(environment.platform) === null || onlyOfficeMajor(environment.platform)! < 9 ? styles.warningText : styles.paragraph}>
              {onlyOfficeMajor(environment.platform) === null
                ? t('onlyoffice.unknownVersion')
                : t(onlyOfficeMajor(environment.platform)! < 9 ? 'onlyoffice.oldVersion' : 'onlyoffice.supported', { version: environment.platform! })}
            </Body1>
          ) : environment.host !== 'Word' ? (
            <Body1 as="p" className={styles.warningText}>
              {t('environment.unsupportedHost', { host: environment.host })}
            </Body1>
          ) : environment.wordApi === null ? (
            <Body1 as="p" className={styles.warningText}>
              {t('environment.oldWordApi')}
            </Body1>
          ) : null}
        </>
      );
  }
}

function LanguageSwitch(): ReactNode {
  const styles = useStyles();
  const { t, language, setLanguage } = useI18n();
  const selectId = useId('language');
  const choose = (value: string): void => {
    const chosen: Language | null = parseLanguage(value);
    if (!chosen) return;
    setLanguage(chosen);
    saveLanguagePreference(chosen);
  };
  return (
    <div className={styles.languageRow}>
      <Label htmlFor={selectId}>{t('language.label')}</Label>
      <Select id={selectId} className={styles.languageSelect} value={language} onChange={(_event, data) => choose(data.value)}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(code === 'vi' ? 'language.vi' : 'language.en')}
          </option>
        ))}
      </Select>
    </div>
  );
}


/** The task pane: product name, where it runs, and the document with the seven steps of KAI-CB Điều 10. */
export function App({ environment, theme = 'light', services = null }: AppProps): ReactNode {
  const styles = useStyles();
  const { t, language } = useI18n();
  const environmentHeadingId = useId('environment-heading');
  const documentHeadingId = useId('document-heading');
  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} lang={language}>
      <AnnouncerProvider>
      <div className={styles.root}>
        <header className={styles.header}>
          <Subtitle2 as="h1" className={styles.heading} title={t('app.tagline')}>{t('app.name')}</Subtitle2>
          <LanguageSwitch />
        </header>
        <main className={styles.main}>
          {environment.kind === 'standalone' ? null : (
            <section className={styles.section} aria-labelledby={environmentHeadingId}>
              <Subtitle2 as="h2" id={environmentHeadingId} className={styles.heading}>
                {t('environment.heading')}
              </Subtitle2>
              <div aria-live="polite" className={styles.section}>
                <EnvironmentDetails environment={environment} />
              </div>
            </section>
          )}
          <section className={styles.section} aria-labelledby={documentHeadingId}>
            <Subtitle2 as="h2" id={documentHeadingId} className={styles.heading}>
              {environment.kind === 'standalone' ? t('workbench.heading') : t('document.heading')}
            </Subtitle2>
            {/* Where it runs, in one line: the work starts right below. */}
            {environment.kind === 'standalone' ? <Caption1 as="p" className={styles.paragraph}>{t('environment.notInOffice')}</Caption1> : null}
            {services ? (
              <Suspense fallback={<Spinner size="tiny" label={t('workspace.loading')} />}>
                <Workspace services={services} />
              </Suspense>
            ) : environment.kind === 'standalone' ? (
              <Suspense fallback={<EmptyDocument />}>
                <Workbench />
              </Suspense>
            ) : (
              <EmptyDocument />
            )}
          </section>
        </main>
      </div>
      </AnnouncerProvider>
    </FluentProvider>
  );
}
