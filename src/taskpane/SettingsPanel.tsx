/**
 * Settings kept on this computer: the name the record uses (required before anything is recorded),
 * providers the user added and API keys (never in the document, QC-PB 17.2; KAI-CB 7.4). When the
 * organisation locks the provider list, provider editing and keys are not shown.
 */
import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import {
  PROVIDER_TIERS,
  TIER_LABELS,
  isLocked,
  providerConfigSchema,
  type OrgSettings,
  type ProviderConfig,
  type ProviderTier,
} from '../policy';
import { usePaneStyles } from './components/styles';
import { useI18n } from './useI18n';
import { loadApiKey, needsKey, saveApiKey, type UserSettings } from './userSettings';

export interface SettingsPanelProps {
  readonly id: string;
  readonly settings: UserSettings;
  readonly onChange: (settings: UserSettings) => void;
  readonly org: OrgSettings;
  readonly storage: Storage | null | undefined;
}

export function SettingsPanel({ id, settings, onChange, org, storage }: SettingsPanelProps): ReactNode {
  const { t } = useI18n();
  const styles = usePaneStyles();
  const locked = isLocked(org, 'providers');
  return (
    <section id={id} className={styles.stack} aria-labelledby={`${id}-heading`}>
      <Subtitle2 as="h2" id={`${id}-heading`} className={styles.heading}>
        {t('settings.heading')}
      </Subtitle2>
      <Field label={t('settings.name')} required hint={t('settings.nameHint')}>
        <Input value={settings.name} onChange={(_event, data) => onChange({ ...settings, name: data.value })} />
      </Field>
      {locked ? (
        <Caption1>{t('settings.providersLocked')}</Caption1>
      ) : (
        <ProviderSettings settings={settings} onChange={onChange} org={org} storage={storage} />
      )}
    </section>
  );
}

function ProviderSettings({ settings, onChange, org, storage }: Omit<SettingsPanelProps, 'id'>): ReactNode {
  const { t, language } = useI18n();
  const styles = usePaneStyles();
  const all = [...org.providers, ...settings.providers];
  return (
    <section className={styles.stack} aria-label={t('settings.providersHeading')}>
      <Subtitle2 as="h3" className={styles.heading}>
        {t('settings.providersHeading')}
      </Subtitle2>
      <Caption1>{t('settings.keysNote')}</Caption1>
      <ul className={styles.plainList}>
        {all.map((provider) => {
          const own = settings.providers.some((p) => p.id === provider.id);
          return (
            <li key={provider.id} className={styles.item}>
              <div className={styles.row}>
                <span>{provider.name}</span>
                <Badge appearance="tint" className={styles.pill}>{TIER_LABELS[provider.tier][language]}</Badge>
                <Caption1>{provider.baseUrl}</Caption1>
              </div>
              {needsKey(provider) ? <KeyField provider={provider} storage={storage} /> : null}
              {own ? (
                <div className={styles.row}>
                  <Button
                    size="small"
                    onClick={() => {
                      saveApiKey(storage, provider.id, '');
                      onChange({ ...settings, providers: settings.providers.filter((p) => p.id !== provider.id) });
                    }}
                  >
                    {t('settings.removeProvider', { name: provider.name })}
                  </Button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      <AddProvider existing={all} onAdd={(provider) => onChange({ ...settings, providers: [...settings.providers, provider] })} />
    </section>
  );
}

function KeyField({ provider, storage }: { readonly provider: ProviderConfig; readonly storage: Storage | null | undefined }): ReactNode {
  const { t } = useI18n();
  const [key, setKey] = useState(() => loadApiKey(storage, provider.id));
  return (
    <Field label={t('settings.apiKey', { name: provider.name })}>
      <Input
        type="password"
        autoComplete="off"
        value={key}
        onChange={(_event, data) => {
          setKey(data.value);
          saveApiKey(storage, provider.id, data.value.trim());
        }}
      />
    </Field>
  );
}

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

function AddProvider({ existing, onAdd }: { readonly existing: readonly ProviderConfig[]; readonly onAdd: (provider: ProviderConfig) => void }): ReactNode {
  const { t, language } = useI18n();
  const styles = usePaneStyles();
  const [name, setName] = useState('');
  const [tier, setTier] = useState<ProviderTier>('internal');
  const [baseUrl, setBaseUrl] = useState('');
  const [model, setModel] = useState('');
  const [keyRequired, setKeyRequired] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const add = (): void => {
    const base = name.trim().toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'provider';
    let providerId = `user-${base}`;
    for (let n = 2; existing.some((p) => p.id === providerId); n++) providerId = `user-${base}-${n}`;
    if (!isHttpUrl(baseUrl.trim())) {
      setProblem(t('settings.invalidUrl'));
      return;
    }
    const parsed = providerConfigSchema.safeParse({ id: providerId, name: name.trim(), tier, baseUrl: baseUrl.trim(), model: model.trim(), apiKeyRequired: keyRequired });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const params = (issue as { params?: { vi?: string; en?: string } } | undefined)?.params;
      setProblem(params?.[language] ?? t('settings.invalidProvider', { field: String(issue?.path.join('.') ?? '') }));
      return;
    }
    setProblem(null);
    onAdd(parsed.data);
    setName('');
    setBaseUrl('');
    setModel('');
    setKeyRequired(false);
  };

  return (
    <section className={styles.stack} aria-label={t('settings.addProvider')}>
      <Subtitle2 as="h3" className={styles.heading}>
        {t('settings.addProvider')}
      </Subtitle2>
      <Field label={t('settings.providerName')}>
        <Input value={name} onChange={(_event, data) => setName(data.value)} />
      </Field>
      <Field label={t('settings.providerTier')}>
        <Select value={tier} onChange={(_event, data) => setTier(data.value as ProviderTier)}>
          {PROVIDER_TIERS.map((value) => (
            <option key={value} value={value}>
              {TIER_LABELS[value][language]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('settings.providerUrl')} hint={t('settings.providerUrlHint')}>
        <Input type="url" value={baseUrl} onChange={(_event, data) => setBaseUrl(data.value)} />
      </Field>
      <Field label={t('settings.providerModel')}>
        <Input value={model} onChange={(_event, data) => setModel(data.value)} />
      </Field>
      <Checkbox checked={keyRequired} onChange={(_event, data) => setKeyRequired(data.checked === true)} label={t('settings.providerNeedsKey')} />
      {problem ? (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.row}>
        <Button disabled={!name.trim() || !baseUrl.trim() || !model.trim()} onClick={add}>
          {t('settings.add')}
        </Button>
      </div>
    </section>
  );
}
