/**
 * Step 3 (KAI-CB Điều 10, bước 3): prepare the input lawfully. The prompt, the sources, the
 * document's level (declared and detected, the stricter applies) and a preview of what would be
 * sent, with personal data replaced by placeholders.
 */
import {
  Button,
  Caption1,
  Checkbox,
  Radio,
  RadioGroup,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  Textarea,
  mergeClasses,
} from '@fluentui/react-components';
import { useId, useRef, type ReactNode } from 'react';
import type { SensitivityLevel } from '../../checks/types';
import { topicNames } from '../../checks/level';
import { LEVEL_LABELS, type Outcome } from '../../policy';
import type { ContextScope, DocumentLevel } from '../../workflow';
import { ReasonList } from '../components/ReasonList';
import { usePaneStyles } from '../components/styles';
import type { SourceInput } from '../generate';
import type { SendPreview } from '../sendPreview';
import { readSourceFile } from '../sourceFiles';
import { catalogs, type Translator } from '../../i18n';
import { useI18n } from '../useI18n';

export interface InputStepProps {
  readonly prompt: string;
  readonly onPromptChange: (prompt: string) => void;
  readonly sources: readonly SourceInput[];
  readonly onSourcesChange: (sources: SourceInput[]) => void;
  readonly declaredLevel: SensitivityLevel | null;
  readonly onDeclaredLevelChange: (level: SensitivityLevel | null) => void;
  readonly documentLevel: DocumentLevel | null;
  readonly effectiveLevel: SensitivityLevel;
  readonly preview: SendPreview;
  readonly onError: (error: unknown) => void;
  /** The selected text taken from the document (null: none taken). */
  readonly selection?: string | null;
  readonly onSelectionChange?: (text: string | null) => void;
  /** Takes the person's selection from the document (hosts with a selection). */
  readonly onUseSelection?: () => void;
  /** issue 9 — level: records that the document is published, setting the topic suggestion aside (needs a name). */
  readonly onConfirmPublished?: () => void;
  /** Whether confirming "published" would lower the level (workflow's draftingLevel). */
  readonly canConfirmPublished?: boolean;
  /** The detected level comes from a topic suggestion, above the evidence (workflow's draftingLevel). */
  readonly raisedByTopics?: boolean;
  readonly canRecord?: boolean;
  readonly busy?: boolean;
  /** The open document as context: null = not sent. */
  readonly contextScope?: ContextScope | null;
  readonly onContextScopeChange?: (scope: ContextScope | null) => void;
}

const OUTCOME_INTENT: Record<Outcome, 'success' | 'info' | 'warning' | 'error'> = {
  allow: 'success',
  'allow-after-redaction': 'info',
  warn: 'warning',
  deny: 'error',
};

/** A kind of personal data in words (never the code "cccd"); an unknown kind keeps its code. */
export function personalKindLabel(t: Translator, subtype: string): string {
  const key = `personalKind.${subtype}`;
  return Object.hasOwn(catalogs.vi, key) ? t(key as 'personalKind.name') : subtype;
}

export function InputStep(props: InputStepProps): ReactNode {
  const { prompt, onPromptChange, sources, onSourcesChange, declaredLevel, onDeclaredLevelChange, documentLevel, effectiveLevel, preview } = props;
  const { t, language } = useI18n();
  const styles = usePaneStyles();
  const fileInput = useRef<HTMLInputElement>(null);

  const updateSource = (index: number, text: string): void =>
    onSourcesChange(sources.map((s, i) => (i === index ? { ...s, text } : s)));
  const removeSource = (index: number): void => onSourcesChange(sources.filter((_s, i) => i !== index));
  const addPasted = (): void => onSourcesChange([...sources, { name: t('input.pastedSourceName', { n: sources.length + 1 }), text: '' }]);
  const addFiles = async (files: FileList | null): Promise<void> => {
    const added: SourceInput[] = [];
    for (const file of Array.from(files ?? [])) {
      try {
        added.push({ name: file.name, text: await readSourceFile(file) });
      } catch (e) {
        props.onError(e);
      }
    }
    if (added.length) onSourcesChange([...sources, ...added]);
    if (fileInput.current) fileInput.current.value = '';
  };

  const detected = documentLevel?.detected;
  const topic = detected?.topicSuggestion;
  const publishedHintId = useId();
  const recordDeclared = documentLevel?.declared;
  const { personalData, decision, redacted } = preview;

  return (
    <div className={styles.stack}>
      <Field label={t('input.promptLabel')} hint={t('input.promptHint')}>
        <Textarea value={prompt} resize="vertical" rows={4} onChange={(_event, data) => onPromptChange(data.value)} />
      </Field>

      {props.onUseSelection ? (
        <div className={styles.row}>
          <Button onClick={props.onUseSelection}>{t('input.useSelection')}</Button>
        </div>
      ) : null}
      {props.selection != null ? (
        <div className={styles.tight}>
          <Field label={t('input.selectionLabel')}>
            <Textarea value={props.selection} resize="vertical" rows={3} onChange={(_event, data) => props.onSelectionChange?.(data.value)} />
          </Field>
          <div className={styles.row}>
            <Button size="small" onClick={() => props.onSelectionChange?.(null)}>
              {t('input.removeSelection')}
            </Button>
          </div>
        </div>
      ) : null}

      {props.onContextScopeChange ? (
        <div className={styles.tight}>
          <Checkbox
            checked={!!props.contextScope}
            label={t('input.useContext')}
            onChange={(_event, data) => props.onContextScopeChange?.(data.checked ? (props.contextScope ?? 'around') : null)}
          />
          <Caption1 className={styles.note}>{t('input.useContextHint')}</Caption1>
          {props.contextScope ? (
            <RadioGroup
              aria-label={t('input.contextScope')}
              value={props.contextScope}
              onChange={(_event, data) => props.onContextScopeChange?.(data.value as ContextScope)}
            >
              <Radio value="around" label={t('input.contextAround')} />
              <Radio value="whole" label={t('input.contextWhole')} />
            </RadioGroup>
          ) : null}
        </div>
      ) : null}

      <section className={styles.stack} aria-label={t('input.sourcesHeading')}>
        <Subtitle2 as="h3" className={styles.heading}>
          {t('input.sourcesHeading')}
        </Subtitle2>
        {sources.length === 0 ? <Caption1>{t(props.contextScope ? 'input.noSourcesWithContext' : 'input.noSources')}</Caption1> : null}
        {sources.map((source, index) => (
          <div key={index} className={styles.tight}>
            <Field label={t('input.sourceLabel', { n: index + 1, name: source.name })}>
              <Textarea value={source.text} resize="vertical" rows={3} onChange={(_event, data) => updateSource(index, data.value)} />
            </Field>
            <div className={styles.row}>
              <Button size="small" onClick={() => removeSource(index)}>
                {t('input.removeSource', { name: source.name })}
              </Button>
            </div>
          </div>
        ))}
        <div className={styles.row}>
          <Button onClick={addPasted}>{t('input.addPasted')}</Button>
          <Button onClick={() => fileInput.current?.click()}>{t('input.addFile')}</Button>
          <input
            ref={fileInput}
            type="file"
            accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            multiple
            hidden
            aria-label={t('input.addFile')}
            onChange={(event) => void addFiles(event.currentTarget.files)}
          />
        </div>
      </section>

      <section className={styles.stack} aria-label={t('input.levelHeading')}>
        <Subtitle2 as="h3" className={styles.heading}>
          {t('input.levelHeading')}
        </Subtitle2>
        <Field label={t('input.declaredLevel')} hint={t('input.declaredLevelHint')} className={styles.field}>
          <Select className={styles.picker} select={{ className: styles.pickerSelect }}
            value={declaredLevel ? String(declaredLevel) : ''}
            onChange={(_event, data) => onDeclaredLevelChange(data.value ? (Number(data.value) as SensitivityLevel) : null)}
          >
            <option value="">{t('input.notDeclared')}</option>
            {([1, 2, 3, 4] as const).map((level) => (
              <option key={level} value={String(level)}>
                {LEVEL_LABELS[level][language]}
              </option>
            ))}
          </Select>
        </Field>
        <dl className={styles.facts}>
          <dt className={styles.factName}>{t('input.detectedLevel')}</dt>
          <dd className={styles.factValue}>
            {!detected
              ? t('common.unknown')
              : props.raisedByTopics
                ? t('input.fromTopics', { level: LEVEL_LABELS[detected.level][language], evidence: LEVEL_LABELS[detected.fromEvidence][language] })
                : LEVEL_LABELS[detected.level][language]}
          </dd>
          {recordDeclared ? (
            <>
              <dt className={styles.factName}>{t('input.recordedLevel')}</dt>
              <dd className={styles.factValue}>{LEVEL_LABELS[recordDeclared][language]}</dd>
            </>
          ) : null}
          <dt className={styles.factName}>{t('input.appliedLevel')}</dt>
          <dd className={styles.factValue}>{LEVEL_LABELS[effectiveLevel][language]}</dd>
        </dl>
        {detected && detected.evidence.length > 0 ? (
          <ul className={styles.list} aria-label={t('input.evidence')}>
            {detected.evidence.slice(0, 3).map((evidence, i) => (
              <li key={i}>
                <Caption1>{evidence.reason[language]}</Caption1>
              </li>
            ))}
          </ul>
        ) : null}
        {topic ? (
          <div className={styles.tight} role="group" aria-label={t('input.topicSuggestion')}>
            <Caption1>{topic.reason[language]}</Caption1>
            {/* Offered only where it changes the level (workflow's draftingLevel decides). */}
            {props.onConfirmPublished && props.canConfirmPublished ? (
              <>
                <div className={styles.row}>
                  <Button aria-describedby={publishedHintId} disabled={!props.canRecord || props.busy} onClick={props.onConfirmPublished}>
                    {t('input.confirmPublished')}
                  </Button>
                </div>
                <Caption1 id={publishedHintId}>{t('input.confirmPublishedHint', { topics: topicNames(topic.topics)[language] })}</Caption1>
              </>
            ) : null}
          </div>
        ) : null}
        {(documentLevel?.setAside ?? []).map((s) => (
          <Caption1 key={s.seq}>{t('input.topicsSetAside', { topics: topicNames(s.topics)[language], by: s.by, at: s.at.slice(0, 10) })}</Caption1>
        ))}
      </section>

      <section className={styles.stack} aria-label={t('input.sendHeading')} aria-live="polite">
        <Subtitle2 as="h3" className={styles.heading}>
          {t('input.sendHeading')}
        </Subtitle2>
        {personalData.length > 0 ? (
          <Caption1>{t('input.personalDataFound', { count: personalData.length, kinds: [...new Set(personalData.map((f) => personalKindLabel(t, f.subtype)))].join(', ') })}</Caption1>
        ) : (
          <Caption1>{t('input.noPersonalData')}</Caption1>
        )}
        {decision ? (
          <MessageBar intent={OUTCOME_INTENT[decision.outcome]} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t(`input.outcome.${decision.outcome}`)}</MessageBarTitle>
              <ReasonList reasons={decision.reasons} />
            </MessageBarBody>
          </MessageBar>
        ) : (
          <Caption1>{t('input.chooseFirst')}</Caption1>
        )}
        {props.contextScope ? (
          preview.context !== null ? (
            <div className={styles.tight}>
              <Caption1>{t('input.contextPreview', { count: preview.context.length })}</Caption1>
              <p className={mergeClasses(styles.quote, styles.contextQuote)} data-testid="sent-context" tabIndex={0}>
                {preview.context}
              </p>
            </div>
          ) : decision?.outcome === 'deny' ? (
            <Caption1 data-testid="sent-context-refused">{t('input.contextRefused')}</Caption1>
          ) : null
        ) : null}
        {redacted ? (
          <div className={styles.tight}>
            <Caption1>{t('input.redactedPreview')}</Caption1>
            <p className={styles.quote} data-testid="redacted-prompt">
              {redacted.prompt}
            </p>
            {redacted.input !== undefined ? (
              <p className={styles.quote} data-testid="redacted-input">
                {redacted.input}
              </p>
            ) : null}
            {redacted.sources.map((text, i) => (
              <p key={i} className={styles.quote}>
                {text}
              </p>
            ))}
          </div>
        ) : null}
      </section>
    </div>
  );
}
