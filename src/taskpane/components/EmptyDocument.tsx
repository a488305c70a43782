// "No document analysed yet": shown by the pane before a document is read, and by the workbench
// before a .docx is opened.
import { Body1, Body1Strong, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useI18n } from '../useI18n';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
  },
  paragraph: { margin: 0 },
});

export function EmptyDocument(): ReactNode {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.box}>
      <Body1Strong as="p" className={styles.paragraph}>
        {t('document.emptyTitle')}
      </Body1Strong>
      <Body1 as="p" className={styles.paragraph}>
        {t('document.emptyBody')}
      </Body1>
    </div>
  );
}
