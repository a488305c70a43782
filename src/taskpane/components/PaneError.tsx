import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { PaneMessage } from '../errors';
import { useI18n } from '../useI18n';
import { usePaneStyles } from './styles';

/** An error from a use case, in the chosen language, announced to screen readers. */
export function PaneError({ error, onDismiss }: { readonly error: PaneMessage; readonly onDismiss?: () => void }): ReactNode {
  const { t, language } = useI18n();
  const styles = usePaneStyles();
  return (
    <MessageBar intent="error" politeness="assertive" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('pane.errorTitle')}</MessageBarTitle>
        {error.message[language]}
        {error.reasons.length > 0 ? (
          <ul className={styles.list}>
            {error.reasons.map((reason, i) => (
              <li key={i}>{reason[language]}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
      {onDismiss ? (
        <MessageBarActions>
          <Button appearance="transparent" size="small" onClick={onDismiss}>
            {t('pane.dismiss')}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
