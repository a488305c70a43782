/**
 * Step 2 (KAI-CB Điều 10, bước 2): choose the platform. Providers come ranked (internal first,
 * QC-PB Điều 5.4); one the document's level does not allow is shown disabled with the article.
 */
import { Badge, Caption1, Radio, RadioGroup } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { SensitivityLevel } from '../../checks/types';
import { TIER_LABELS, type ProviderConfig, type ProviderTier, type TierPermission } from '../../policy';
import { usePaneStyles } from '../components/styles';
import { useI18n } from '../useI18n';

export interface PlatformStepProps {
  readonly providers: readonly ProviderConfig[];
  readonly permissions: readonly TierPermission[];
  readonly level: SensitivityLevel;
  readonly providerId: string | null;
  readonly onChange: (providerId: string) => void;
}

const TIER_COLOR: Record<ProviderTier, 'success' | 'brand' | 'warning' | 'danger'> = {
  'licensed-secret': 'success',
  internal: 'success',
  'external-contracted': 'warning',
  public: 'danger',
};

export function PlatformStep({ providers, permissions, providerId, onChange }: PlatformStepProps): ReactNode {
  const { t, language } = useI18n();
  const styles = usePaneStyles();
  if (providers.length === 0) return <Caption1>{t('platform.none')}</Caption1>;
  return (
    <RadioGroup aria-label={t('platform.groupLabel')} value={providerId ?? ''} onChange={(_event, data) => onChange(data.value)}>
      {providers.map((provider) => {
        const permission = permissions.find((p) => p.tier === provider.tier);
        const allowed = permission?.allowed ?? false;
        return (
          <Radio
            key={provider.id}
            value={provider.id}
            disabled={!allowed}
            label={
              <span className={styles.tight}>
                <span className={styles.row}>
                  <span>{provider.name}</span>
                  <Badge appearance="tint" color={TIER_COLOR[provider.tier]} className={styles.pill}>
                    {TIER_LABELS[provider.tier][language]}
                  </Badge>
                </span>
                <Caption1>{t('platform.model', { model: provider.model })}</Caption1>
                {permission && (!allowed || permission.redaction) ? (
                  <Caption1>
                    {permission.message[language]} ({permission.article[language]})
                  </Caption1>
                ) : null}
              </span>
            }
          />
        );
      })}
    </RadioGroup>
  );
}
