/** Step 1 (KAI-CB Điều 10, bước 1): state the need. Only the purposes the profile offers are shown. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  Radio,
  RadioGroup,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { purposeInfo, type Profile, type PurposeId } from '../../policy';
import { usePaneStyles } from '../components/styles';
import { useI18n } from '../useI18n';

export interface PurposeStepProps {
  readonly profile: Profile;
  readonly purpose: PurposeId | null;
  readonly onChange: (purpose: PurposeId) => void;
  /** The organisation fixed the purpose. */
  readonly locked: boolean;
}

export function PurposeStep({ profile, purpose, onChange, locked }: PurposeStepProps): ReactNode {
  const { t, language } = useI18n();
  const styles = usePaneStyles();
  const offered = profile.purposes.offered.map((id) => purposeInfo(id)).filter((p) => p !== undefined);
  return (
    <div className={styles.stack}>
      <RadioGroup
        aria-label={t('purpose.groupLabel')}
        value={purpose ?? ''}
        disabled={locked}
        onChange={(_event, data) => onChange(data.value as PurposeId)}
      >
        {offered.map((info) => (
          <Radio
            key={info.id}
            value={info.id}
            label={
              <span className={styles.tight}>
                <span>{info.label[language]}</span>
                <Caption1>{info.description[language]}</Caption1>
              </span>
            }
          />
        ))}
      </RadioGroup>
      {locked ? <Caption1>{t('purpose.locked')}</Caption1> : null}
      {profile.purposes.forbidden.length > 0 ? (
        <Accordion collapsible>
          <AccordionItem value="forbidden">
            <AccordionHeader size="small">{t('purpose.whyNotHeading')}</AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list} aria-label={t('purpose.forbiddenList')}>
                {profile.purposes.forbidden.map((f) => (
                  <li key={f.id}>
                    <strong>{f.label[language]}</strong> — {f.explanation[language]}{' '}
                    <Caption1>({f.articles.map((a) => a[language]).join('; ')})</Caption1>
                  </li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      ) : null}
    </div>
  );
}
