/**
 * Step 7 (KAI-CB Điều 10, bước 7): submit for approval. A summary at a glance and the sign-off,
 * refused with the reasons and their articles until the profile's rules are met.
 */
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { formatVietnamTime } from '../../provenance';
import { withArticles, type DocumentStatus } from '../../workflow';
import { usePaneStyles } from '../components/styles';
import { useI18n } from '../useI18n';

export interface SignOffStepProps {
  readonly status: DocumentStatus | undefined;
  readonly name: string;
  readonly role: string;
  readonly onRoleChange: (role: string) => void;
  readonly onSignOff: () => Promise<boolean>;
  readonly canRecord: boolean;
  readonly busy: boolean;
}

export function SignOffStep({ status, name, role, onRoleChange, onSignOff, canRecord, busy }: SignOffStepProps): ReactNode {
  const { t, language } = useI18n();
  const styles = usePaneStyles();
  const totals = status?.state?.totals;
  const readiness = status?.readiness;
  const view = status?.view;
  const current = status?.state?.signOffs.filter((s) => s.current) ?? [];
  // Whether the button is offered comes from workflow's statusView (no AI content: nothing to sign).
  const ready = view?.readiness.canSign ?? false;
  return (
    <div className={styles.stack}>
      <dl className={styles.facts} aria-label={t('signoff.summary')}>
        <dt className={styles.factName}>{t('signoff.passages')}</dt>
        <dd className={styles.factValue}>{totals?.passages ?? 0}</dd>
        <dt className={styles.factName}>{t('signoff.claims')}</dt>
        <dd className={styles.factValue}>{t('signoff.claimsValue', { verified: totals?.verified ?? 0, total: totals?.claims ?? 0 })}</dd>
        <dt className={styles.factName}>{t('signoff.verbatim')}</dt>
        <dd className={styles.factValue}>{totals?.verbatimPassages ?? 0}</dd>
        <dt className={styles.factName}>{t('signoff.warnings')}</dt>
        <dd className={styles.factValue}>{readiness?.warnings.length ?? 0}</dd>
        <dt className={styles.factName}>{t('signoff.integrity')}</dt>
        <dd className={styles.factValue}>{view ? view.integrity.label[language] : ''}</dd>
      </dl>

      {current.map((s) => (
        // Green only when statusView says "signed" (issue 11: not when the signature is not trusted under the profile).
        <MessageBar key={s.seq} intent={view?.readiness.kind === 'signed' ? 'success' : 'warning'}>
          <MessageBarBody>{t('signoff.signed', { who: s.role ? `${s.by} (${s.role})` : s.by, when: formatVietnamTime(s.at) })}</MessageBarBody>
        </MessageBar>
      ))}

      {readiness && readiness.blockers.length > 0 ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('signoff.notReady')}</MessageBarTitle>
            <ul className={styles.list} aria-label={t('signoff.blockers')}>
              {readiness.blockers.map((issue) => (
                <li key={issue.item}>{withArticles(issue)[language]}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {readiness && readiness.warnings.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('signoff.warningsTitle')}</MessageBarTitle>
            <ul className={styles.list}>
              {readiness.warnings.map((issue) => (
                <li key={issue.item}>{withArticles(issue)[language]}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <Field label={t('signoff.name')}>
        <Input value={name} readOnly />
      </Field>
      <Field label={t('signoff.role')}>
        <Input value={role} onChange={(_event, data) => onRoleChange(data.value)} />
      </Field>
      {view && view.readiness.kind !== 'not-ready' ? <Caption1>{view.readiness.note[language]}</Caption1> : null}
      <div className={styles.row}>
        <Button appearance="primary" disabledFocusable={!ready || !canRecord || busy} onClick={() => void onSignOff()}>
          {t('signoff.submit')}
        </Button>
      </div>
    </div>
  );
}
