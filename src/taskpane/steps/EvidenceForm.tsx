/**
 * issue 10 — evidence. Collects what a verification rests on, for one claim: the passage grounding
 * located, a pasted excerpt, an attached source document, the registry entry, or "checked elsewhere"
 * (named source + note, the weaker kind). It only collects: whether the evidence holds the claim is
 * decided by the workflow (resolveEvidence), which refuses with a reason the pane shows.
 * Self-contained with small props so the pane layout can move it.
 */
import { Button, Caption1, Field, Input, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useId, useState, type ReactNode } from 'react';
import type { ClaimState } from '../../provenance';
import type { EvidenceInput } from '../../workflow';
import { usePaneStyles } from '../components/styles';
import { readSourceFile } from '../sourceFiles';
import { useI18n } from '../useI18n';

type Kind = 'grounding' | 'excerpt' | 'document' | 'registry' | 'manual';

export interface EvidenceFormProps {
  /** "3f2a9c1b.c2" */
  readonly reference: string;
  readonly claim: Pick<ClaimState, 'text' | 'kind' | 'grounding'>;
  /** Whether the profile asks a note for a contradicted claim (shown as required). */
  readonly noteRequired: boolean;
  readonly canRecord: boolean;
  readonly busy: boolean;
  readonly onVerify: (claim: string, evidence: EvidenceInput, note?: string) => Promise<boolean>;
}

async function sha256OfBytes(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function EvidenceForm({ reference, claim, noteRequired, canRecord, busy, onVerify }: EvidenceFormProps): ReactNode {
  const { t } = useI18n();
  const styles = usePaneStyles();
  const id = useId();
  const kinds: Kind[] = [
    ...(claim.grounding?.result === 'found' ? (['grounding'] as const) : []),
    'excerpt',
    'document',
    ...(claim.kind === 'citation' ? (['registry'] as const) : []),
    'manual',
  ];
  const [kind, setKind] = useState<Kind>(kinds[0]!);
  const [excerpt, setExcerpt] = useState('');
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [file, setFile] = useState<{ name: string; text: string; sha256: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const { language } = useI18n();
  const contradicted = claim.grounding?.result === 'contradicted' && noteRequired;

  const evidence: EvidenceInput | null =
    kind === 'grounding'
      ? { kind: 'grounding' }
      : kind === 'excerpt'
        ? excerpt.trim()
          ? { kind: 'excerpt', text: excerpt, ...(name.trim() ? { name } : {}) }
          : null
        : kind === 'document'
          ? file
            ? { kind: 'document', ...file }
            : null
          : kind === 'registry'
            ? { kind: 'registry' }
            : name.trim() && note.trim()
              ? { kind: 'manual', source: name, note }
              : null;
  const ready = evidence !== null && (!contradicted || kind === 'manual' || note.trim() !== '');

  const choose = async (files: FileList | null): Promise<void> => {
    const chosen = files?.[0];
    setFile(null);
    setFileError(null);
    if (!chosen) return;
    try {
      const [text, sha256] = await Promise.all([readSourceFile(chosen), chosen.arrayBuffer().then(sha256OfBytes)]);
      setFile({ name: chosen.name, text, sha256 });
    } catch (e) {
      const bilingual = (e as { bilingual?: { vi: string; en: string } }).bilingual;
      setFileError(bilingual ? bilingual[language] : String(e));
    }
  };

  const submit = async (): Promise<void> => {
    if (!evidence) return;
    const ok = await onVerify(reference, evidence, kind === 'manual' ? undefined : note.trim() || undefined);
    if (ok) {
      setExcerpt('');
      setNote('');
      setFile(null);
    }
  };

  // The control the pane focuses when it walks to this claim (issue 13): the first field of the chosen
  // kind, or the Verify button when the kind needs no input (grounding, registry).
  const focusMark = { 'data-claim-source': '', 'data-claim-ref': reference };
  const needsNoInput = kind === 'grounding' || kind === 'registry';
  return (
    <form
      className={styles.stack}
      onSubmit={(event) => {
        event.preventDefault();
        if (canRecord && !busy && ready) void submit();
      }}
    >
      <RadioGroup aria-label={t('evidence.kindLabel', { claim: claim.text })} value={kind} onChange={(_e, data) => setKind(data.value as Kind)}>
        {kinds.map((k) => (
          <Radio key={k} value={k} label={t(`evidence.kind.${k}`)} />
        ))}
      </RadioGroup>
      {kind === 'excerpt' ? (
        <>
          <Field label={t('evidence.excerptLabel', { claim: claim.text })} size="small">
            <Textarea
              size="small"
              value={excerpt}
              {...focusMark}
              onChange={(_e, data) => setExcerpt(data.value)}
              onKeyDown={(event) => {
                // Enter is a new line in an excerpt; Ctrl+Enter (⌘+Enter) verifies, as in a message box.
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault();
                  event.currentTarget.form?.requestSubmit();
                }
              }}
            />
          </Field>
          <Field label={t('evidence.excerptSource')} size="small">
            <Input size="small" value={name} onChange={(_e, data) => setName(data.value)} />
          </Field>
        </>
      ) : null}
      {kind === 'document' ? (
        <>
          <label htmlFor={`${id}-file`}>
            <Caption1>{t('evidence.fileLabel', { claim: claim.text })}</Caption1>
          </label>
          <input id={`${id}-file`} {...focusMark} type="file" accept=".docx,.txt,text/plain" aria-label={t('evidence.fileLabel', { claim: claim.text })} onChange={(e) => void choose(e.currentTarget.files)} />
          {file ? <Caption1>{t('evidence.fileChosen', { name: file.name })}</Caption1> : null}
          {fileError ? (
            <Caption1 role="alert" className={styles.warningText}>
              {fileError}
            </Caption1>
          ) : null}
        </>
      ) : null}
      {kind === 'manual' ? (
        <>
          <Field label={t('evidence.manualSource')} size="small">
            <Input size="small" value={name} {...focusMark} onChange={(_e, data) => setName(data.value)} />
          </Field>
          <Caption1 className={styles.warningText}>{t('evidence.weak')}</Caption1>
        </>
      ) : null}
      <Field label={contradicted || kind === 'manual' ? (kind === 'manual' ? t('evidence.note') : t('evidence.noteRequired')) : t('evidence.note')} size="small" required={contradicted || kind === 'manual'}>
        <Input size="small" value={note} onChange={(_e, data) => setNote(data.value)} />
      </Field>
      <div className={styles.row}>
        <Button size="small" appearance="primary" type="submit" disabled={!canRecord || busy || !ready} {...(needsNoInput ? focusMark : {})}>
          {t('verify.verify')}
        </Button>
      </div>
    </form>
  );
}
