/**
 * The workbench: the pane outside Office. The person opens a .docx from disk or a shipped sample;
 * the same Workspace (the seven steps) then works on it through the docx host, a read-only view of
 * the document sits beside it with the AI passages in their state's colour, and the result is
 * downloaded as a .docx. Nothing here decides a rule: the Workspace and the workflow do.
 *
 * Loaded on demand by App when Office reports no host, so the pane's first load stays small.
 */
import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { DocxHost } from '../host/docx';
import type { ClaimTarget, HostParagraph, HostPassage } from '../host/port';
import type { ParsedOrgSettings } from '../policy';
import { DocumentView, type MarkedClaim } from '../workbench/DocumentView';
import { SAMPLE_NAMES, downloadDocx, fetchSample, readDocxFile, type SampleName } from '../workbench/files';
import { findUnsaved, forgetUnsaved, keepUnsaved } from '../workbench/unsaved';
import { formatVietnamTime } from '../provenance';
import { firstControl, focusSoon, useAnnounce } from './components/Announcer';
import { passageCondition, type PassageCondition } from '../workflow/looks';
import { PaneError } from './components/PaneError';
import { usePaneStyles } from './components/styles';
import { draftGenerator } from './draftService';
import { paneMessage, type PaneMessage } from './errors';
import { fetchOrgSettings } from './orgSettings';
import { downloadFile, type PaneServices } from './services';
import type { DocumentSnapshot } from './useDocumentState';
import { EmptyDocument } from './components/EmptyDocument';
import { useI18n } from './useI18n';
import Workspace from './Workspace';

const SAMPLE_LABELS = {
  'bao-cao-chuyen-doi-so.docx': 'workbench.sample.report',
  'ke-hoach-trien-khai-ai.docx': 'workbench.sample.plan',
  'bao-cao-toi-mat.docx': 'workbench.sample.secret',
} as const satisfies Record<SampleName, string>;

const useStyles = makeStyles({
  columns: {
    display: 'grid',
    // Pane and document side by side when there is room for both, stacked in a narrow window.
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 24rem), 1fr))',
    alignItems: 'start',
    gap: tokens.spacingHorizontalXL,
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});

interface OpenDocument {
  /** Changes with every document opened: the Workspace starts afresh for each. */
  readonly key: number;
  readonly name: string;
  readonly host: DocxHost;
  readonly services: PaneServices;
}

interface ViewState {
  readonly key: number;
  readonly paragraphs: readonly HostParagraph[];
  readonly passages: readonly HostPassage[];
  readonly conditions: Readonly<Record<string, PassageCondition>>;
}

type Pending = { readonly kind: 'open'; readonly name: string; readonly load: () => Promise<Uint8Array> } | { readonly kind: 'close' };

export default function Workbench(): ReactNode {
  const { t, language } = useI18n();
  const styles = useStyles();
  const pane = usePaneStyles();
  const announce = useAnnounce();
  const headingId = useId('workbench-heading');
  const samplesId = useId('workbench-samples');
  const fileInput = useRef<HTMLInputElement>(null);
  const org = useRef<Promise<ParsedOrgSettings> | null>(null);
  const opens = useRef(0);
  const latest = useRef<number | null>(null);
  const paneRef = useRef<HTMLElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);

  const [opened, setOpened] = useState<OpenDocument | null>(null);
  const [view, setView] = useState<ViewState | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<PaneMessage | null>(null);
  // Changes not downloaded yet (also kept in IndexedDB), what the person asked to do that would lose
  // them, and the note shown after reopening them.
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);
  // The passage "Select in document" showed (the view has no text selection: it scrolls there and highlights it).
  const [selectedPassage, setSelectedPassage] = useState<{ id: string; at: number } | null>(null);
  // The claim whose card is current in the pane, marked in the view (Word selects its range instead).
  const [markedClaim, setMarkedClaim] = useState<MarkedClaim | null>(null);
  const viewRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!selectedPassage) return;
    const target = Array.from(viewRef.current?.querySelectorAll<HTMLElement>('[data-passage-id]') ?? []).find((el) => el.dataset.passageId === selectedPassage.id);
    target?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, [selectedPassage]);
  useEffect(() => {
    if (!markedClaim) return;
    viewRef.current?.querySelector<HTMLElement>('[data-marked-claim]')?.scrollIntoView?.({ block: 'nearest' });
  }, [markedClaim]);
  const showClaim = (passageId: string, claim: ClaimTarget): void =>
    setMarkedClaim((now) =>
      now?.passageId === passageId && now.text === claim.text && now.occurrence === claim.occurrence
        ? now
        : { passageId, text: claim.text, ...(claim.occurrence !== undefined ? { occurrence: claim.occurrence } : {}) },
    );

  // Leaving the page with changes not downloaded asks first.
  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent): void => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);

  const focusPane = (): void =>
    focusSoon(() => {
      const root = paneRef.current;
      if (!root?.querySelector('[data-step]')) return null;
      return firstControl(root.querySelector('[data-testid="name-form"]')) ?? firstControl(root.querySelector('[data-step]'));
    }, 200);

  const load = async (name: string, read: () => Promise<Uint8Array>, options: { unsaved?: boolean } = {}): Promise<boolean> => {
    setLoading(true);
    setError(null);
    try {
      const bytes = await read();
      const host = DocxHost.open(bytes);
      // org-settings.json is read once, when the first document is opened.
      org.current ??= fetchOrgSettings();
      const services: PaneServices = {
        host,
        org: await org.current,
        generate: draftGenerator(),
        saveFile: downloadFile,
        selectPassage: (id, claim) => {
          setSelectedPassage({ id, at: Date.now() });
          if (claim) showClaim(id, claim);
        },
        showClaim,
      };
      const key = ++opens.current;
      latest.current = key;
      setView(null);
      setSelectedPassage(null);
      setMarkedClaim(null);
      setOpened({ key, name, host, services });
      setDirty(options.unsaved === true);
      setChoosing(false);
      focusPane();
      return true;
    } catch (e) {
      setError(paneMessage(e));
      return false;
    } finally {
      setLoading(false);
    }
  };

  // Work left unsaved by an earlier visit (a reload, a closed tab) is opened again as it was.
  useEffect(() => {
    let cancelled = false;
    void findUnsaved().then(async (unsaved) => {
      if (cancelled || !unsaved || latest.current !== null) return;
      if (await load(unsaved.name, async () => unsaved.bytes, { unsaved: true })) {
        const note = t('workbench.restored', { name: unsaved.name, when: formatVietnamTime(unsaved.savedAt) });
        setRestored(note);
        announce(note);
      }
    });
    return () => {
      cancelled = true;
    };
    // Once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const discard = async (): Promise<void> => {
    await forgetUnsaved();
    setDirty(false);
    setRestored(null);
  };

  const open = async (name: string, read: () => Promise<Uint8Array>): Promise<void> => {
    if (dirty && opened) {
      setPending({ kind: 'open', name, load: read });
      focusSoon(() => confirmRef.current?.querySelector<HTMLElement>('button'));
      return;
    }
    if (await load(name, read)) {
      setRestored(null);
      announce(t('workbench.opened', { name }));
    }
  };

  const openFiles = (files: FileList | null): void => {
    const file = files?.[0];
    if (fileInput.current) fileInput.current.value = '';
    if (file) void open(file.name, () => readDocxFile(file));
  };

  const closeNow = (): void => {
    latest.current = null;
    setOpened(null);
    setView(null);
    setError(null);
    setRestored(null);
  };
  const close = (): void => {
    if (dirty) {
      setPending({ kind: 'close' });
      focusSoon(() => confirmRef.current?.querySelector<HTMLElement>('button'));
      return;
    }
    closeNow();
  };

  const download = (): boolean => {
    if (!opened) return false;
    try {
      downloadDocx(opened.host.save(), opened.name);
      void discard();
      announce(t('workbench.downloaded', { name: opened.name }));
      return true;
    } catch (e) {
      setError(paneMessage(e));
      return false;
    }
  };

  const confirmDiscard = async (): Promise<void> => {
    const next = pending;
    setPending(null);
    await discard();
    if (next?.kind === 'open') {
      if (await load(next.name, next.load)) announce(t('workbench.opened', { name: next.name }));
    } else closeNow();
  };
  const downloadFirst = (): void => {
    if (download()) void confirmDiscard();
  };

  // Every write is kept at once, so a reload or a crash loses nothing.
  const onWritten = useCallback(() => {
    if (!opened) return;
    setDirty(true);
    let bytes: Uint8Array;
    try {
      bytes = opened.host.save();
    } catch (e) {
      setError(paneMessage(e));
      return;
    }
    void keepUnsaved({ name: opened.name, bytes, savedAt: new Date().toISOString() });
  }, [opened]);

  // The Workspace re-reads the document after every action; the view follows each read.
  const host = opened?.host;
  const key = opened?.key;
  const onDocumentChanged = useCallback(
    (snapshot: DocumentSnapshot) => {
      if (!host || key === undefined) return;
      const conditions = Object.fromEntries(
        (snapshot.status.state?.passages ?? []).map((p) => [p.passageId, passageCondition(p)] as const),
      );
      host.listPassages().then(
        (passages) => {
          if (latest.current === key) setView({ key, paragraphs: snapshot.paragraphs, passages, conditions });
        },
        (e: unknown) => setError(paneMessage(e)),
      );
    },
    [host, key],
  );

  const chooser = (
    <>
      <div className={pane.row}>
        <Button appearance={opened ? 'secondary' : 'primary'} disabled={loading} onClick={() => fileInput.current?.click()}>
          {t('workbench.openFile')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          hidden
          aria-label={t('workbench.openFile')}
          onChange={(event) => openFiles(event.currentTarget.files)}
        />
      </div>
      <div className={pane.tight} role="group" aria-labelledby={samplesId}>
        <Caption1 id={samplesId}>{t('workbench.samples')}</Caption1>
        <div className={pane.row}>
          {SAMPLE_NAMES.map((name) => (
            <Button key={name} disabled={loading} onClick={() => void open(name, () => fetchSample(name))}>
              {t(SAMPLE_LABELS[name])}
            </Button>
          ))}
        </div>
      </div>
    </>
  );

  return (
    <div className={pane.stack}>
      <section className={pane.stack} aria-labelledby={headingId}>
        {opened ? (
          <div className={pane.row}>
            <Body1Strong id={headingId}>{t('workbench.current', { name: opened.name })}</Body1Strong>
            <Button appearance="primary" onClick={() => void download()}>
              {t('workbench.download')}
            </Button>
            <Button aria-expanded={choosing} onClick={() => setChoosing((c) => !c)}>
              {t('workbench.openOther')}
            </Button>
            <Button onClick={close}>{t('workbench.close')}</Button>
          </div>
        ) : (
          <Body1 as="p" id={headingId} className={pane.paragraph}>
            {t('workbench.intro')}
          </Body1>
        )}
        {dirty ? <Caption1 role="status">{t('workbench.unsavedNote')}</Caption1> : null}
        {restored ? (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{restored}</MessageBarBody>
          </MessageBar>
        ) : null}
        {pending && opened ? (
          <div ref={confirmRef}>
            <MessageBar intent="warning" layout="multiline" role="alertdialog" aria-labelledby={`${headingId}-confirm`}>
              <MessageBarBody>
                <MessageBarTitle id={`${headingId}-confirm`}>{t('workbench.confirmTitle')}</MessageBarTitle>
                {pending.kind === 'open'
                  ? t('workbench.confirmOpen', { name: pending.name, current: opened.name })
                  : t('workbench.confirmClose', { current: opened.name })}
              </MessageBarBody>
              <MessageBarActions>
                <Button appearance="primary" onClick={downloadFirst}>
                  {t('workbench.confirmDownloadFirst')}
                </Button>
                <Button onClick={() => void confirmDiscard()}>{t('workbench.confirmDiscard')}</Button>
                <Button onClick={() => setPending(null)}>{t('workbench.confirmCancel')}</Button>
              </MessageBarActions>
            </MessageBar>
          </div>
        ) : null}
        {!opened || choosing ? chooser : null}
        {loading ? <Spinner size="tiny" label={t('workbench.opening')} /> : null}
      </section>
      <div aria-live="assertive">{error ? <PaneError error={error} onDismiss={() => setError(null)} /> : null}</div>
      {opened ? (
        <div className={styles.columns}>
          <section ref={paneRef} className={styles.column} aria-label={t('workbench.paneLabel')}>
            <Workspace
              key={opened.key}
              services={opened.services}
              onDocumentChanged={onDocumentChanged}
              onWritten={onWritten}
              finalAction={{ label: t('workbench.download'), run: () => void download() }}
            />
          </section>
          <section ref={viewRef} className={styles.column} aria-label={t('workbench.viewLabel')}>
            {view && view.key === opened.key ? (
              <DocumentView
                paragraphs={view.paragraphs}
                passages={view.passages}
                conditions={view.conditions}
                lang={language}
                onSelectPassage={(id) => setSelectedPassage({ id, at: Date.now() })}
                {...(selectedPassage ? { selectedPassageId: selectedPassage.id } : {})}
                {...(markedClaim ? { markedClaim } : {})}
              />
            ) : (
              <Spinner size="tiny" label={t('workspace.loading')} />
            )}
          </section>
        </div>
      ) : (
        <EmptyDocument />
      )}
    </div>
  );
}
