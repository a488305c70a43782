/**
 * The document workspace: the seven steps of KAI-CB Điều 10 as an accordion whose headers show each
 * step's state, and the settings panel. State comes from the workflow (useDocumentState); every
 * rule is decided there or in src/policy, never here. Loaded on demand (it carries the workflow,
 * the checks engine and the record), so the pane's first paint stays small.
 */
import {
  Caption1,
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  mergeClasses,
  useId,
} from '@fluentui/react-components';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { GroundingResult } from '../ai';
import type { SensitivityLevel } from '../checks/types';
import type { ClaimTarget } from '../host/port';
import { isLocked, rankProviders, resolveProfile, type PurposeId } from '../policy';
import { reportHtml, shortId } from '../provenance';
import {
  declarePassage,
  declareLevel,
  topicsSetAsideIn,
  insertDisclosure,
  insertDraft,
  type DraftPlacement,
  loadRecord,
  qualifiedClaimId,
  rejectClaim,
  requireSelection,
  signOff,
  documentContext,
  draftingLevel,
  providerAllowed as isProviderAllowed,
  secretNotice,
  type ContextScope,
  verifyClaim,
  type WorkflowContext,
  type ShownState,
  type StateTone,
  type StepKind,
  type EvidenceInput,
} from '../workflow';
import { firstControl, focusSoon, useAnnounce } from './components/Announcer';
import { usePaneStyles } from './components/styles';
import { PaneError } from './components/PaneError';
import { usePaneRegistry } from './registry';
import { PersonalKey, SignatureStates, usePersonalKey } from './components/PersonalKey'; // issue 11 — signatures
import type { GenerateRequest, GenerateResult, SourceInput } from './generate';
import { sendPreview } from './sendPreview';
import { downloadFile, type PaneServices } from './services';
import { SettingsPanel } from './SettingsPanel';
import { GenerateStep } from './steps/GenerateStep';
import { InputStep } from './steps/InputStep';
import { PlatformStep } from './steps/PlatformStep';
import { PurposeStep } from './steps/PurposeStep';
import { RecordStep } from './steps/RecordStep';
import { SignOffStep } from './steps/SignOffStep';
import { VerifyStep } from './steps/VerifyStep';
import { useDocumentState, type DocumentSnapshot } from './useDocumentState';
import { EmptyDocument } from './components/EmptyDocument';
import { useI18n } from './useI18n';
import { loadApiKey, loadUserSettings, saveUserSettings, type UserSettings } from './userSettings';

type StepId = 'purpose' | 'platform' | 'input' | 'generate' | 'verify' | 'record' | 'signoff';
type StepTone = 'done' | 'todo' | 'attention' | 'blocked' | StateTone;
const TONE_COLOR: Record<StepTone, 'success' | 'informative' | 'warning' | 'danger' | 'subtle'> = {
  done: 'success',
  todo: 'informative',
  attention: 'warning',
  blocked: 'danger',
  success: 'success',
  informative: 'informative',
  warning: 'warning',
  danger: 'danger',
  subtle: 'subtle',
};

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Purposes that work on a given text: the selection goes to them as the input, not as a source. */
const INPUT_PURPOSES: ReadonlySet<PurposeId> = new Set<PurposeId>(['summarize', 'translate', 'proofread', 'analyze']);

export interface WorkspaceProps {
  readonly services: PaneServices;
  /**
   * Called with every fresh read of the document (after opening, after each action, after a
   * refresh): the workbench redraws its document view from it.
   */
  readonly onDocumentChanged?: (snapshot: DocumentSnapshot) => void;
  /** Called after every action that wrote to the document (the workbench keeps the unsaved bytes). */
  readonly onWritten?: () => void;
  /** The action that follows a sign-off (the workbench's download), offered and focused after signing. */
  readonly finalAction?: { readonly label: string; readonly run: () => void };
}

export default function Workspace({ services, onDocumentChanged, onWritten, finalAction }: WorkspaceProps): ReactNode {
  const { t, language } = useI18n();
  const styles = usePaneStyles();
  const announce = useAnnounce();
  const stepIds = useId('step');
  const panelOf = (id: StepId): HTMLElement | null => document.getElementById(`${stepIds}-${id}`);
  const storage = services.storage === undefined ? browserStorage() : services.storage;
  const org = services.org.settings;
  const profile = useMemo(() => resolveProfile(org), [org]);

  const [user, setUserState] = useState<UserSettings>(() => loadUserSettings(storage));
  const setUser = useCallback(
    (next: UserSettings) => {
      setUserState(next);
      saveUserSettings(storage, next);
    },
    [storage],
  );
  const actor = user.name.trim();
  const canRecord = actor !== '';
  // issue 11 — signatures: the person's key signs through the workflow context; the trust list tells states apart.
  const personalKey = usePersonalKey(actor, org.trustedKeys, services.keyStorage);
  const signer = personalKey.standing?.signer;
  const context = useMemo<WorkflowContext>(
    () => ({ actor, lang: language, profile, trustedKeys: org.trustedKeys, ...(signer ? { signer } : {}) }),
    [actor, language, profile, org.trustedKeys, signer],
  );
  const doc = useDocumentState(services, context);
  const standingKind = personalKey.standing?.kind;
  const firstStanding = useRef(true);
  useEffect(() => {
    // A new key (or a name that now owns it) changes readiness: read again. The first read ran before
    // the key store answered, i.e. without a signer: it stands only when there is still none.
    if (standingKind === undefined) return;
    const first = firstStanding.current;
    firstStanding.current = false;
    if (first && signer === undefined) return;
    void doc.reload();
  }, [standingKind, signer]);
  const { snapshot, busy } = doc;
  // Every write goes through here: the workbench learns that the document now has unsaved changes.
  const writtenRef = useRef(onWritten);
  writtenRef.current = onWritten;
  const docRun = doc.run;
  const run = useCallback(
    async <T,>(action: (ctx: WorkflowContext) => Promise<T>, options?: { selection?: boolean }): Promise<T | undefined> => {
      const result = await docRun(action, options);
      if (result !== undefined) writtenRef.current?.();
      return result;
    },
    [docRun],
  );
  const status = snapshot?.status;
  // issue 9 — registry: its own chunk, loaded once the document has AI passages to check.
  const registry = usePaneRegistry(org.registry, (status?.state?.totals.passages ?? 0) > 0, services.fetch);
  useEffect(() => {
    if (snapshot) onDocumentChanged?.(snapshot);
  }, [snapshot, onDocumentChanged]);

  const [settingsOpen, setSettingsOpen] = useState(false);
  const settingsId = useId('settings');
  // One step open at a time; the others are one line each with their state.
  const [openStep, setOpenStep] = useState<StepId | null>('purpose');
  const [nameDraft, setNameDraft] = useState('');

  // The drafting choices of this session.
  const [purpose, setPurpose] = useState<PurposeId | null>(() => org.defaults.purpose ?? null);
  const [providerId, setProviderId] = useState<string | null>(() => org.defaults.providerId ?? null);
  const [prompt, setPrompt] = useState('');
  const [sources, setSources] = useState<SourceInput[]>([]);
  const [declaredLevel, setDeclaredLevel] = useState<SensitivityLevel | null>(null);
  const [groundings, setGroundings] = useState<Record<string, GroundingResult>>({});
  const [role, setRole] = useState(user.role);
  // The text the person selected in the document and chose to use (step 3).
  const [selection, setSelection] = useState<string | null>(null);
  // The open document as context (step 3): none, the paragraphs around the insertion point, or all.
  const [contextScope, setContextScope] = useState<ContextScope | null>(null);
  const host = services.host;
  const hasSelection = typeof host.readSelection === 'function';

  const providers = useMemo(
    () => (isLocked(org, 'providers') ? rankProviders(org.providers) : rankProviders([...org.providers, ...user.providers])),
    [org, user.providers],
  );
  // The levels and what they open are the workflow's (draftingLevel); the pane only shows them.
  const levelView = useMemo(() => draftingLevel(status?.level, declaredLevel, profile), [status?.level, declaredLevel, profile]);
  const { detected, declared, effective: effectiveLevel, permissions } = levelView;
  const provider = providers.find((p) => p.id === providerId) ?? null;
  const providerAllowed = !!provider && isProviderAllowed(levelView, provider.tier);

  // Everything that is sent goes through one place, so the preview and the request see the same texts.
  const selected = selection?.trim() ? selection : null;
  const selectionAsInput = !!selected && !!purpose && INPUT_PURPOSES.has(purpose);
  const input = selectionAsInput ? selected! : undefined;
  const sentSources = useMemo(
    () => (selected && !selectionAsInput ? [...sources, { name: t('input.selectionSourceName'), text: selected }] : sources),
    [sources, selected, selectionAsInput, t],
  );
  const paragraphs = snapshot?.paragraphs;
  const documentText = useMemo(
    () => (contextScope && paragraphs && snapshot ? documentContext(paragraphs, contextScope, snapshot.insertionPoint.after) : undefined),
    [contextScope, paragraphs, snapshot?.insertionPoint.after],
  );
  const deferredContext = useDeferredValue(documentText);
  const deferredPrompt = useDeferredValue(prompt);
  const deferredInput = useDeferredValue(input);
  const deferredSources = useDeferredValue(sentSources);
  const preview = useMemo(
    () =>
      sendPreview({
        prompt: deferredPrompt,
        ...(deferredInput !== undefined ? { input: deferredInput } : {}),
        ...(deferredContext ? { context: deferredContext } : {}),
        sources: deferredSources,
        level: { detected, ...(declared ? { declared } : {}) },
        tier: providerAllowed ? provider!.tier : null,
        purpose,
        profile,
      }),
    [deferredPrompt, deferredInput, deferredContext, deferredSources, detected, declared, providerAllowed, provider, purpose, profile],
  );

  const showError = useCallback((error: unknown) => {
    void run(async () => {
      throw error;
    });
  }, [run]);

  const blocker = !canRecord
    ? t('workspace.needName')
    : !purpose
      ? t('generate.needPurpose')
      : !providerAllowed
        ? t('generate.needProvider')
        : !prompt.trim()
          ? t('generate.needPrompt')
          : null;

  const buildRequest = (extra: Pick<GenerateRequest, 'confirmed' | 'signal' | 'onToken'>): GenerateRequest => ({
    purpose: purpose!,
    provider: provider!,
    apiKey: loadApiKey(storage, provider!.id) || undefined,
    prompt,
    ...(input !== undefined ? { input } : {}),
    ...(documentText ? { context: documentText } : {}),
    sources: sentSources.filter((s) => s.text.trim()),
    level: { detected, ...(declared ? { declared } : {}), ...(status?.level?.setAside ? { topicsSetAside: topicsSetAsideIn({ setAside: status.level.setAside }) } : {}) },
    profile,
    ...extra,
  });

  // The level declared in step 3 is saved with the draft (workflow's insertDraft → declareLevel).
  const insertAt = (at: DraftPlacement, result: GenerateResult): Promise<string | undefined> =>
    run((ctx) => insertDraft(host, ctx, { at, text: result.text, generation: result.generation, ...(declaredLevel ? { declaredLevel } : {}) }), typeof at === 'object' ? {} : { selection: true });
  const onInsert = async (result: GenerateResult, afterParagraph: number): Promise<boolean> => inserted(await insertAt({ afterParagraph }, result), result);

  const inserted = (passageId: string | undefined, result: GenerateResult): boolean => {
    if (!passageId) return false;
    if (result.grounding) setGroundings((g) => ({ ...g, [passageId]: result.grounding! }));
    setOpenStep('verify');
    announce(t('pane.inserted'));
    focusSoon(() => panelOf('verify')?.querySelector<HTMLElement>('[data-claim-source]') ?? firstControl(panelOf('verify')));
    return true;
  };
  const onInsertAtCursor = async (result: GenerateResult): Promise<boolean> => inserted(await insertAt('at-selection', result), result);
  const onReplaceSelection = async (result: GenerateResult): Promise<boolean> => inserted(await insertAt('replace-selection', result), result);

  const readSelection = (options: { withText?: boolean } = {}) => doc.call((h) => requireSelection(h, options));
  const takeSelection = async (): Promise<void> => {
    const read = await readSelection({ withText: true });
    if (read) setSelection(read.text);
  };
  // Word selects in the document; the workbench scrolls its view to the passage.
  const selectInDocument = host.selectPassage
    ? (passageId: string, claim?: ClaimTarget) => void doc.call((h) => h.selectPassage!(passageId, claim))
    : services.selectPassage;

  const succeeded = async (work: (ctx: WorkflowContext) => Promise<unknown>): Promise<boolean> =>
    (await run(async (ctx) => {
      await work(ctx);
      return true;
    })) === true;

  const exportReport = async (): Promise<void> => {
    await doc.call(async (h) => {
      const loaded = await loadRecord(h);
      if (loaded.status !== 'ok') return;
      // issue 10: the annex shows the states statusView decided (the same the pane shows).
      const view = snapshot?.status.view;
      const html = await reportHtml(loaded.record, loaded.state, language, {
        ...(loaded.anchor ? { anchor: loaded.anchor } : {}),
        ...(view ? { view } : {}),
        trustedKeys: org.trustedKeys,
      });
      (services.saveFile ?? downloadFile)(`aiprov-${shortId(loaded.state.documentId)}.html`, new Blob([html], { type: 'text/html;charset=utf-8' }));
    });
  };

  if (!snapshot) {
    return (
      <div className={styles.stack}>
        {doc.error ? <PaneError error={doc.error} onDismiss={doc.clearError} /> : null}
        <EmptyDocument />
        {!doc.error ? <Spinner size="tiny" label={t('workspace.loading')} /> : null}
      </div>
    );
  }

  const totals = status?.state?.totals;
  // Level 4 with no provider the profile opens to it: the workflow says why (which stamp, where).
  const notice = secretNotice(status?.level, snapshot.paragraphs, profile, declared);
  const secret = notice !== null;
  const claimTexts = new Map((status?.state?.passages ?? []).flatMap((p) => p.claims.map((c) => [qualifiedClaimId(p.passageId, c.claimId), c.text] as const)));

  /** Opens a step and puts focus on its first control (or on `target` inside it). */
  const goTo = (id: StepId, target?: () => HTMLElement | null | undefined): void => {
    setOpenStep(id);
    const step = steps.find((s) => s.id === id);
    if (step) announce(t('pane.stepOpened', { n: step.n, title: step.title }));
    focusSoon(() => target?.() ?? firstControl(panelOf(id)));
  };
  const focusNext = (id: StepId): void => focusSoon(() => panelOf(id)?.querySelector<HTMLElement>('[data-next-step]') ?? firstControl(panelOf(id)));

  const onVerify = async (claim: string, evidence: EvidenceInput, note?: string): Promise<boolean> => {
    // issue 9 — registry: registry evidence is checked against the registry the pane shows (core + organisation).
    const withRegistry = evidence.kind === 'registry' && registry.status === 'ready' ? { ...evidence, registry: registry.registry } : evidence;
    const ok = await succeeded((ctx) => verifyClaim(services.host, ctx, { claim, evidence: withRegistry, ...(note ? { note } : {}) }));
    if (!ok) return false;
    const verified = (totals?.verified ?? 0) + 1;
    announce(t('pane.verified', { claim: claimTexts.get(claim) ?? claim, verified, total: totals?.claims ?? verified }));
    // The next claim still to verify, else the step's next action.
    focusSoon(() =>
      panelOf('verify')?.querySelector<HTMLElement>(`[data-claim-source]:not([data-claim-ref="${claim}"])`) ??
      panelOf('verify')?.querySelector<HTMLElement>('[data-next-step]'),
    );
    return true;
  };
  const onReject = async (claim: string, reason: string): Promise<boolean> => {
    const ok = await succeeded((ctx) => rejectClaim(services.host, ctx, { claim, reason }));
    if (ok) announce(t('pane.rejected', { claim: claimTexts.get(claim) ?? claim }));
    return ok;
  };

  const steps: { id: StepId; n: number; title: string; tone: StepTone; badge: string; done: boolean; body: () => ReactNode }[] = [];
  if (secret) {
    // The steps stay (numbering from 1), each closed to AI, so step 5 is still step 5.
    const closed = (id: StepId, n: number, title: string) => ({
      id,
      n,
      title,
      tone: 'blocked' as const,
      badge: t('stepStatus.noAi'),
      done: false,
      body: () => <Caption1 className={styles.note}>{t('workspace.secretStep')}</Caption1>,
    });
    steps.push(
      closed('purpose', 1, t('step.purpose')),
      closed('platform', 2, t('step.platform')),
      closed('input', 3, t('step.input')),
      closed('generate', 4, t('step.generate')),
    );
  } else {
    steps.push(
      {
        id: 'purpose',
        n: 1,
        title: t('step.purpose'),
        tone: purpose ? 'done' : 'todo',
        badge: purpose ? t('stepStatus.chosen') : t('stepStatus.todo'),
        done: !!purpose,
        body: () => <PurposeStep profile={profile} purpose={purpose} onChange={setPurpose} locked={isLocked(org, 'defaultPurpose') && !!org.defaults.purpose} />,
      },
      {
        id: 'platform',
        n: 2,
        title: t('step.platform'),
        tone: providerAllowed ? 'done' : provider ? 'blocked' : 'todo',
        badge: providerAllowed ? t('stepStatus.chosen') : provider ? t('stepStatus.notAllowed') : t('stepStatus.todo'),
        done: providerAllowed,
        body: () => <PlatformStep providers={providers} permissions={permissions} level={effectiveLevel} providerId={providerId} onChange={setProviderId} />,
      },
      {
        id: 'input',
        n: 3,
        title: t('step.input'),
        tone: preview.decision?.outcome === 'deny' ? 'blocked' : prompt.trim() ? 'done' : 'todo',
        badge: t('stepStatus.level', { level: effectiveLevel }),
        done: !!prompt.trim() && preview.decision?.outcome !== 'deny',
        body: () => (
          <InputStep
            prompt={prompt}
            onPromptChange={setPrompt}
            sources={sources}
            onSourcesChange={setSources}
            declaredLevel={declaredLevel}
            onDeclaredLevelChange={setDeclaredLevel}
            documentLevel={status?.level ?? null}
            effectiveLevel={effectiveLevel}
            preview={preview}
            onError={showError}
            selection={selection}
            onSelectionChange={setSelection}
            contextScope={contextScope}
            onContextScopeChange={setContextScope}
            {...(hasSelection ? { onUseSelection: () => void takeSelection() } : {})}
            canConfirmPublished={levelView.canConfirmPublished}
            raisedByTopics={levelView.raisedByTopics}
            onConfirmPublished={() => void succeeded((ctx) => declareLevel(host, ctx, 1, { published: true }))}
            canRecord={canRecord}
            busy={busy}
          />
        ),
      },
      {
        id: 'generate',
        n: 4,
        title: t('step.generate'),
        tone: blocker ? 'todo' : 'done',
        badge: blocker ? t('stepStatus.waiting') : t('stepStatus.ready'),
        done: false,
        body: () => (
          <GenerateStep
            generate={services.generate}
            blocker={blocker}
            buildRequest={buildRequest}
            paragraphs={snapshot.paragraphs}
            suggestedAfter={snapshot.insertionPoint.after}
            onInsert={onInsert}
            {...(hasSelection ? { onInsertAtCursor } : {})}
            {...(hasSelection && host.deleteParagraphs ? { onReplaceSelection } : {})}
            onError={showError}
            busy={busy}
          />
        ),
      },
    );
  }
  // Steps 5–7 show what workflow's statusView decided; before the first read, a neutral placeholder.
  const shownStep = (view: ShownState<StepKind> | undefined, placeholder: string): { tone: StepTone; badge: string; done: boolean } =>
    view ? { tone: view.tone, badge: view.label[language], done: view.kind === 'done' } : { tone: 'subtle', badge: placeholder, done: false };
  steps.push(
    {
      id: 'verify',
      n: 5,
      title: t('step.verify'),
      ...shownStep(status?.view.steps.verify, t('stepStatus.claims', { verified: totals?.verified ?? 0, total: totals?.claims ?? 0 })),
      body: () => (
        <VerifyStep
          state={status?.state}
          groundings={groundings}
          onVerify={onVerify}
          noteRequiredWhenContradicted={profile.verification?.contradictedNeedsNote ?? false}
          onReject={onReject}
          canRecord={canRecord}
          busy={busy}
          paragraphs={snapshot.paragraphs}
          declare={{
            profile,
            level: effectiveLevel,
            onDeclare: async (declared) => {
              const ok = await succeeded((ctx) => declarePassage(services.host, ctx, declared));
              if (ok) announce(t('pane.declared'));
              return ok;
            },
            ...(hasSelection ? { readSelection: () => readSelection() } : {}),
          }}
          {...(selectInDocument ? { onSelect: selectInDocument } : {})}
          registry={registry}
          {...(!host.selectPassage && services.showClaim ? { onCurrentClaim: services.showClaim } : {})}
        />
      ),
    },
    {
      id: 'record',
      n: 6,
      title: t('step.record'),
      ...shownStep(status?.view.steps.record, t('stepStatus.empty')),
      body: () => (
        <RecordStep
          status={status}
          record={snapshot.record}
          profile={profile}
          fixedDisclosure={isLocked(org, 'disclosure') ? (org.defaults.disclosure ?? 0) : null}
          onInsertDisclosure={async (option) => {
            const ok = await succeeded((ctx) => insertDisclosure(services.host, ctx, { option }));
            if (ok) {
              announce(t('pane.disclosed'));
              focusNext('record');
            }
            return ok;
          }}
          onExport={exportReport}
          canRecord={canRecord}
          busy={busy}
        />
      ),
    },
    {
      id: 'signoff',
      n: 7,
      title: t('step.signoff'),
      ...shownStep(status?.view.steps.signoff, t('stepStatus.notReady')),
      body: () => (
        <>
          <SignOffStep
            status={status}
            name={actor}
            role={role}
            onRoleChange={(value) => {
              setRole(value);
              setUser({ ...user, role: value });
            }}
            onSignOff={async () => {
              const ok = await succeeded((ctx) => signOff(services.host, ctx, role.trim() ? { role } : {}));
              if (ok) {
                announce(finalAction ? `${t('pane.signedOff')} ${finalAction.label}.` : t('pane.signedOff'));
                focusSoon(() => panelOf('signoff')?.querySelector<HTMLElement>('[data-final-action]'));
              }
              return ok;
            }}
            canRecord={canRecord}
            busy={busy}
          />
          <SignatureStates view={status?.view.signatures} />
        </>
      ),
    },
  );
  const current = steps.find((s) => s.id === openStep)?.id ?? null;

  const saveName = (event: FormEvent): void => {
    event.preventDefault();
    const name = nameDraft.trim();
    if (!name) return;
    setUser({ ...user, name });
    announce(t('pane.nameSaved', { name }));
    const first = current ?? steps[0]?.id;
    if (first) {
      setOpenStep(first);
      focusSoon(() => firstControl(panelOf(first)));
    }
  };

  const readiness = status?.view.readiness;
  return (
    <div className={styles.stack}>
      <div className={styles.row} role="group" aria-label={t('pane.status')} data-testid="pane-status">
        <Badge appearance="outline" color={secret ? 'danger' : 'informative'} className={styles.pill}>
          {t('stepStatus.level', { level: effectiveLevel })}
        </Badge>
        {readiness ? (
          <Badge appearance="tint" color={TONE_COLOR[readiness.tone]} className={styles.pill}>
            {readiness.label[language]}
          </Badge>
        ) : null}
        <Button size="small" aria-expanded={settingsOpen} aria-controls={settingsId} onClick={() => setSettingsOpen((open) => !open)}>
          {settingsOpen ? t('settings.close') : t('settings.open')}
        </Button>
        <Button size="small" appearance="subtle" disabled={busy} onClick={() => void doc.reload()}>
          {t('workspace.refresh')}
        </Button>
        {busy ? <Spinner size="extra-tiny" aria-label={t('workspace.working')} /> : null}
      </div>
      {settingsOpen ? <SettingsPanel id={settingsId} settings={user} onChange={setUser} org={org} storage={storage} /> : null}
      {settingsOpen ? <PersonalKey state={personalKey} defaultName={actor} {...(services.saveFile ? { saveFile: services.saveFile } : {})} /> : null}
      {services.org.error ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{services.org.error[language]}</MessageBarBody>
        </MessageBar>
      ) : null}
      {!canRecord ? (
        <form className={styles.tight} onSubmit={saveName} data-testid="name-form">
          <Field label={t('pane.nameLabel')} hint={t('workspace.needName')} className={styles.field}>
            <Input value={nameDraft} autoComplete="name" onChange={(_event, data) => setNameDraft(data.value)} />
          </Field>
          <div className={styles.row}>
            <Button type="submit" appearance="primary" disabled={!nameDraft.trim()}>
              {t('pane.nameSave')}
            </Button>
          </div>
        </form>
      ) : null}
      <div aria-live="assertive">{doc.error ? <PaneError error={doc.error} onDismiss={doc.clearError} /> : null}</div>
      {notice ? (
        <MessageBar intent="error" layout="multiline" role="alert" data-testid="secret-notice">
          <MessageBarBody className={styles.tight}>
            <MessageBarTitle className={styles.noticeTitle}>{t('workspace.secretTitle')}</MessageBarTitle>
            {notice.triggers.map((trigger, i) => (
              <p key={i} className={styles.paragraph}>
                {trigger.paragraph !== undefined
                  ? t('workspace.secretStampAt', { stamp: trigger.stamp, n: trigger.paragraph })
                  : trigger.part
                    ? t('workspace.secretStampIn', { stamp: trigger.stamp, part: t(`workspace.part.${trigger.partKind ?? 'other'}`, { part: trigger.part }) })
                    : t('workspace.secretStamp', { stamp: trigger.stamp })}
              </p>
            ))}
            {notice.declared ? <p className={styles.paragraph}>{t('workspace.secretDeclared')}</p> : null}
            <p className={styles.paragraph}>{t('workspace.secretInstead', { articles: notice.articles[language] })}</p>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Accordion collapsible openItems={current ? [current] : []} onToggle={(_event, data) => setOpenStep((data.openItems[0] as StepId | undefined) ?? null)}>
        {steps.map((step, i) => {
          const next = steps[i + 1];
          return (
            <AccordionItem key={step.id} value={step.id}>
              <AccordionHeader as="h3">
                <span className={styles.row}>
                  <span>{t('step.numbered', { n: step.n, title: step.title })}</span>
                  <Badge appearance="tint" color={TONE_COLOR[step.tone]} className={styles.pill}>
                    {step.badge}
                  </Badge>
                </span>
              </AccordionHeader>
              <AccordionPanel>
                <div id={`${stepIds}-${step.id}`} className={mergeClasses(styles.stack, styles.stepBody)} data-step={step.id}>
                  {step.body()}
                  {step.id === 'signoff' && finalAction && readiness?.kind === 'signed' ? (
                    <div className={styles.row}>
                      <Button appearance="primary" data-final-action onClick={finalAction.run}>
                        {finalAction.label}
                      </Button>
                    </div>
                  ) : null}
                  {next ? (
                    <div className={styles.row}>
                      <Button appearance={step.done ? 'primary' : 'secondary'} data-next-step onClick={() => goTo(next.id)}>
                        {t('pane.next', { n: next.n, title: next.title })}
                      </Button>
                    </div>
                  ) : null}
                </div>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </div>
  );
}
