/**
 * Step 4: generate. The answer streams into the pane (announced politely to screen readers) with a
 * Stop button; then the person inserts it as a marked passage at the cursor, in place of the
 * selection, or (hosts without a selection) after a chosen paragraph, or discards it (no mark, no
 * record). Refusals show the reasons with their articles; warnings the
 * policy wants acknowledged are confirmed explicitly before the request is sent again.
 */
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { HostParagraph } from '../../host/port';
import { leftoverPlaceholders, removePlaceholders } from '../../ai/redact';
import { focusSoon, useAnnounce } from '../components/Announcer';
import { ReasonList } from '../components/ReasonList';
import { usePaneStyles } from '../components/styles';
import { generateFailure, type GenerateFailure, type GenerateFn, type GenerateRequest, type GenerateResult } from '../generate';
import { useI18n } from '../useI18n';

export interface GenerateStepProps {
  readonly generate: GenerateFn | undefined;
  /** Why generation cannot start yet (first missing choice), or null when it can. */
  readonly blocker: string | null;
  readonly buildRequest: (extra: Pick<GenerateRequest, 'confirmed' | 'signal' | 'onToken'>) => GenerateRequest;
  readonly paragraphs: readonly HostParagraph[];
  /** The paragraph the workflow suggests inserting after (before the signature block). */
  readonly suggestedAfter?: number;
  /** Inserts the draft as a marked passage; resolves true when it was recorded. */
  readonly onInsert: (result: GenerateResult, afterParagraph: number) => Promise<boolean>;
  /** Inserts after the paragraph holding the cursor (hosts with a selection). */
  readonly onInsertAtCursor?: (result: GenerateResult) => Promise<boolean>;
  /** Replaces the selected paragraphs (hosts with a selection). */
  readonly onReplaceSelection?: (result: GenerateResult) => Promise<boolean>;
  readonly onError: (error: unknown) => void;
  readonly busy: boolean;
}

type Phase = 'idle' | 'streaming' | 'ready' | 'stopped';

const excerpt = (text: string, max = 40): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function GenerateStep(props: GenerateStepProps): ReactNode {
  const { generate, blocker, buildRequest, paragraphs, suggestedAfter, onInsert, onInsertAtCursor, onReplaceSelection, onError, busy } = props;
  const { t, language } = useI18n();
  const styles = usePaneStyles();
  const [phase, setPhase] = useState<Phase>('idle');
  const [text, setText] = useState('');
  const [result, setResult] = useState<GenerateResult | null>(null);
  const [failure, setFailure] = useState<GenerateFailure | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const [insertAfter, setInsertAfter] = useState<number | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);
  const lastParagraph = paragraphs.length;
  const target = insertAfter ?? suggestedAfter ?? lastParagraph;
  const announce = useAnnounce();
  const outputRef = useRef<HTMLDivElement>(null);
  // Placeholders the answer still holds (echoed or invented by the model): never inserted as they are.
  const leftovers = result ? leftoverPlaceholders(result.text) : [];
  const removeLeftovers = (): void => {
    if (!result) return;
    const text = removePlaceholders(result.text);
    setResult({ ...result, text });
    setText(text);
    announce(t('pane.leftoverRemoved', { count: leftovers.length }));
    focusSoon(() => outputRef.current);
  };

  const start = async (confirmed: boolean): Promise<void> => {
    if (!generate) return;
    const abort = new AbortController();
    controller.current = abort;
    setPhase('streaming');
    setText('');
    setResult(null);
    setFailure(null);
    try {
      const answer = await generate(buildRequest({ confirmed, signal: abort.signal, onToken: (_token, soFar) => setText(soFar) }));
      if (abort.signal.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
      setText(answer.text);
      setResult(answer);
      setPhase('ready');
      setAcknowledged(false);
      announce(t('pane.generated'));
      focusSoon(() => outputRef.current);
    } catch (e) {
      const known = generateFailure(e);
      if (known?.kind === 'cancelled' || abort.signal.aborted) {
        setPhase('stopped');
        return;
      }
      setPhase('idle');
      if (known) setFailure(known);
      else onError(e);
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  };

  const stop = (): void => controller.current?.abort();
  const discard = (): void => {
    setText('');
    setResult(null);
    setPhase('idle');
  };
  const insert = async (): Promise<void> => {
    if (!result) return;
    if (await onInsert(result, target)) discard();
  };
  const insertWith = async (action: (result: GenerateResult) => Promise<boolean>): Promise<void> => {
    if (!result) return;
    if (await action(result)) discard();
  };
  const withSelection = !!(onInsertAtCursor || onReplaceSelection);

  if (!generate) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t('generate.unavailable')}</MessageBarBody>
      </MessageBar>
    );
  }

  const streaming = phase === 'streaming';
  return (
    <div className={styles.stack}>
      {blocker ? <Caption1 role="status">{blocker}</Caption1> : null}
      <div className={styles.row}>
        <Button appearance="primary" disabled={!!blocker || streaming || busy} onClick={() => void start(false)}>
          {t('generate.start')}
        </Button>
        {streaming ? <Button onClick={stop}>{t('generate.stop')}</Button> : null}
      </div>

      {failure?.kind === 'refused' ? (
        <MessageBar intent="error" layout="multiline" politeness="assertive">
          <MessageBarBody>
            <MessageBarTitle>{t('generate.refused')}</MessageBarTitle>
            {failure.message[language]}
            <ReasonList reasons={failure.reasons.filter((r) => r.severity === 'deny')} />
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {failure?.kind === 'confirm' ? (
        <MessageBar intent="warning" layout="multiline" politeness="assertive">
          <MessageBarBody className={styles.stack}>
            <MessageBarTitle>{t('generate.confirmTitle')}</MessageBarTitle>
            <ReasonList reasons={failure.reasons.filter((r) => r.severity === 'warn')} />
            <Checkbox checked={acknowledged} onChange={(_event, data) => setAcknowledged(data.checked === true)} label={t('generate.confirmCheckbox')} />
            <div className={styles.row}>
              <Button disabled={!acknowledged} onClick={() => void start(true)}>
                {t('generate.confirmSend')}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {streaming ? <ProgressBar aria-label={t('generate.streaming')} /> : null}
      {phase !== 'idle' || text ? (
        <section className={styles.tight} aria-label={t('generate.outputLabel')}>
          <div ref={outputRef} tabIndex={0} className={styles.output} role="log" aria-live="polite" aria-busy={streaming} aria-label={t('generate.outputLabel')} data-testid="generate-output">
            {text}
          </div>
          {phase === 'stopped' ? <Caption1 role="status">{t('generate.stopped')}</Caption1> : null}
        </section>
      ) : null}

      {result && phase === 'ready' && leftovers.length > 0 ? (
        <MessageBar intent="error" layout="multiline" data-testid="leftover-placeholders">
          <MessageBarBody className={styles.stack}>
            <MessageBarTitle>{t('pane.leftoverTitle')}</MessageBarTitle>
            {t('pane.leftoverBody', { placeholders: leftovers.join(', ') })}
            <div className={styles.row}>
              <Button onClick={removeLeftovers}>{t('pane.leftoverRemove')}</Button>
              <Button onClick={discard}>{t('generate.discard')}</Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {result && phase === 'ready' && leftovers.length === 0 ? (
        <div className={styles.stack}>
          {result.grounding ? (
            <Caption1>
              {t('generate.grounding', {
                grounded: result.grounding.grounded,
                partial: result.grounding.partial,
                ungrounded: result.grounding.ungrounded,
              })}
            </Caption1>
          ) : null}
          {withSelection ? (
            <>
              <Caption1>{t('generate.selectionHint')}</Caption1>
              <div className={styles.row}>
                {onInsertAtCursor ? (
                  <Button appearance="primary" disabled={busy} onClick={() => void insertWith(onInsertAtCursor)}>
                    {t('generate.insertAtCursor')}
                  </Button>
                ) : null}
                {onReplaceSelection ? (
                  <Button disabled={busy} onClick={() => void insertWith(onReplaceSelection)}>
                    {t('generate.replaceSelection')}
                  </Button>
                ) : null}
              </div>
            </>
          ) : null}
          <Field label={t('generate.insertAfter')} className={styles.field}>
            <Select className={styles.picker} select={{ className: styles.pickerSelect }} value={String(target)} onChange={(_event, data) => setInsertAfter(Number(data.value))}>
              <option value="0">{t('generate.atStart')}</option>
              {paragraphs.map((p) => (
                <option key={p.locator} value={String(p.index)}>
                  {t('generate.paragraphOption', { n: p.index, text: excerpt(p.text) || t('generate.emptyParagraph') })}
                  {p.index === suggestedAfter ? ` ${t('generate.suggested')}` : ''}
                </option>
              ))}
            </Select>
          </Field>
          {withSelection ? null : <Caption1>{t('generate.noReplaceSelection')}</Caption1>}
          <div className={styles.row}>
            <Button appearance={withSelection ? 'secondary' : 'primary'} disabled={busy} onClick={() => void insert()}>
              {t('generate.insert')}
            </Button>
            <Button disabled={busy} onClick={discard}>
              {t('generate.discard')}
            </Button>
          </div>
        </div>
      ) : null}
      {phase === 'stopped' && text ? (
        <div className={styles.row}>
          <Button onClick={discard}>{t('generate.discard')}</Button>
        </div>
      ) : null}
    </div>
  );
}
