/**
 * Step 6 (KAI-CB Điều 10, bước 6; QC-PB Điều 17): record AI use in the file. The passage history
 * (who did what when, from the record's events), the record's integrity, the disclosure line in
 * the profile's wording, and the report a person hands to the inspection committee.
 */
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Subtitle2,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { Profile } from '../../policy';
import { formatVietnamTime, isKnownEventType, shortId, type ProvenanceRecord } from '../../provenance';
import type { DocumentStatus } from '../../workflow';
import { usePaneStyles } from '../components/styles';
import { useI18n } from '../useI18n';

export interface RecordStepProps {
  readonly status: DocumentStatus | undefined;
  readonly record: ProvenanceRecord | null;
  readonly profile: Profile;
  /** The organisation fixed the wording (index into the profile's options). */
  readonly fixedDisclosure: number | null;
  readonly onInsertDisclosure: (option: number) => Promise<boolean>;
  readonly onExport: () => Promise<void>;
  readonly canRecord: boolean;
  readonly busy: boolean;
}


export function IntegrityMessage({ status }: { readonly status: DocumentStatus | undefined }): ReactNode {
  const { t, language } = useI18n();
  const record = status?.record;
  if (!record || record.status === 'none') {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('record.none')}</MessageBarBody>
      </MessageBar>
    );
  }
  if (record.status === 'ok') {
    // Intact is a fact about the record, not a pass: informative, never green (issue 10).
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('record.intact')}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{record.status === 'tampered' ? t('record.tampered') : t('record.unusable')}</MessageBarTitle>
        {record.message[language]}
      </MessageBarBody>
    </MessageBar>
  );
}

export function RecordStep({ status, record, profile, fixedDisclosure, onInsertDisclosure, onExport, canRecord, busy }: RecordStepProps): ReactNode {
  const { t, language } = useI18n();
  const styles = usePaneStyles();
  const [option, setOption] = useState(fixedDisclosure ?? 0);
  const [exporting, setExporting] = useState(false);
  const disclosure = status?.state?.disclosure;
  const events = record?.events ?? [];

  const exportReport = async (): Promise<void> => {
    setExporting(true);
    try {
      await onExport();
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className={styles.stack}>
      <IntegrityMessage status={status} />

      <section className={styles.stack} aria-label={t('record.historyHeading')}>
        <Subtitle2 as="h3" className={styles.heading}>
          {t('record.historyHeading')}
        </Subtitle2>
        {events.length === 0 ? <Caption1>{t('record.noEvents')}</Caption1> : null}
        <ol className={styles.list} aria-label={t('record.historyHeading')}>
          {events.map((event) => {
            const data = event.data as { passageId?: unknown; claimId?: unknown; source?: unknown };
            const passage = typeof data.passageId === 'string' ? shortId(data.passageId) : null;
            const what = isKnownEventType(event.type) ? t(`event.${event.type}`) : t('event.unknown', { type: event.type });
            // The claim by its words (and the source named), not by its id (issue 13).
            const claim =
              typeof data.passageId === 'string' && typeof data.claimId === 'string'
                ? status?.state?.passages.find((p) => p.passageId === data.passageId)?.claims.find((c) => c.claimId === data.claimId)?.text
                : undefined;
            const detail = claim
              ? `«${claim}»${typeof data.source === 'string' ? ` — ${data.source}` : ''}`
              : passage
                ? (typeof data.claimId === 'string' ? `${passage}.${data.claimId}` : passage)
                : null;
            return (
              <li key={event.seq}>
                <Caption1>{t('pane.historyTime', { time: formatVietnamTime(event.at) })}</Caption1> — {event.actor}: {what}
                {detail ? ` (${detail})` : ''}
              </li>
            );
          })}
        </ol>
      </section>

      <section className={styles.stack} aria-label={t('record.disclosureHeading')}>
        <Subtitle2 as="h3" className={styles.heading}>
          {t('record.disclosureHeading')}
        </Subtitle2>
        {disclosure ? (
          <Caption1 role="status">{t('record.disclosureDone', { who: disclosure.by, when: formatVietnamTime(disclosure.at) })}</Caption1>
        ) : null}
        <RadioGroup
          aria-label={t('record.disclosureChoice')}
          value={String(option)}
          disabled={fixedDisclosure !== null}
          onChange={(_event, data) => setOption(Number(data.value))}
        >
          {profile.disclosure.map((wording, i) => (
            <Radio
              key={i}
              value={String(i)}
              label={
                <span className={styles.tight}>
                  <span lang="vi">«{wording.text}»</span>
                  {language === 'en' ? <Caption1>{wording.translation}</Caption1> : null}
                  <Caption1>{wording.article[language]}</Caption1>
                </span>
              }
            />
          ))}
        </RadioGroup>
        <div className={styles.row}>
          <Button disabled={!canRecord || busy || !!disclosure} onClick={() => void onInsertDisclosure(option)}>
            {t('record.insertDisclosure')}
          </Button>
        </div>
      </section>

      <section className={styles.stack} aria-label={t('record.exportHeading')}>
        <Subtitle2 as="h3" className={styles.heading}>
          {t('record.exportHeading')}
        </Subtitle2>
        <Caption1>{t('record.exportHint')}</Caption1>
        <div className={styles.row}>
          <Button disabled={!record || exporting} onClick={() => void exportReport()}>
            {t('record.export')}
          </Button>
        </div>
      </section>
    </div>
  );
}
