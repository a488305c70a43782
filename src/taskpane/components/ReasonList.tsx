import { Caption1 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Reason } from '../../policy';
import { useI18n } from '../useI18n';
import { usePaneStyles } from './styles';

/** Policy reasons, each with the article it rests on, in the chosen language. */
export function ReasonList({ reasons }: { readonly reasons: readonly Reason[] }): ReactNode {
  const { language } = useI18n();
  const styles = usePaneStyles();
  if (reasons.length === 0) return null;
  return (
    <ul className={styles.list}>
      {reasons.map((reason, i) => (
        <li key={`${reason.code}-${i}`}>
          {reason.message[language]} <Caption1>({reason.article[language]})</Caption1>
        </li>
      ))}
    </ul>
  );
}
