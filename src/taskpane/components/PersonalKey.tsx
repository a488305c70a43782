/**
 * issue 11 — signatures. The person's signing key in the pane: create it (name, unit), see where it
 * stands against the organisation's trust list (decided in workflow/keys.ts), give its fingerprint
 * and public key to the administrator; and the signature state of each signed event of the record
 * (decided in workflow/states.ts). The private key is a non-extractable CryptoKey in IndexedDB
 * (keyStore.ts); only its signer goes into the workflow context, which signs the events.
 */
import { Badge, Button, Field, Input, MessageBar, MessageBarBody, Spinner, Textarea } from '@fluentui/react-components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { TrustedKey } from '../../provenance';
import { formatVietnamTime, signerFromKeys, spkiBase64 } from '../../provenance';
import { keyStanding, type KeyStanding, type SignaturesView } from '../../workflow';
import { createPersonalKey, indexedDbKeyStorage, trustListEntry, type KeyStorage, type StoredPersonalKey } from '../keyStore';
import { downloadFile } from '../services';
import { useI18n } from '../useI18n';
import { usePaneStyles } from './styles';

export interface PersonalKeyState {
  /** False where the browser cannot keep a key (no IndexedDB / WebCrypto). */
  available: boolean;
  loading: boolean;
  key: StoredPersonalKey | undefined;
  /** Where the key stands for the person now acting (its signer only when they own it). */
  standing: KeyStanding | undefined;
  create: (owner: { name: string; unit: string }) => Promise<void>;
  error: string | undefined;
}

function defaultStorage(): KeyStorage | null {
  return typeof indexedDB === 'undefined' || !globalThis.crypto?.subtle ? null : indexedDbKeyStorage();
}

/** The key of this browser and its standing for `actor` against `trustedKeys`. */
export function usePersonalKey(actor: string, trustedKeys: readonly TrustedKey[], storage?: KeyStorage | null): PersonalKeyState {
  const [store] = useState(() => (storage === undefined ? defaultStorage() : storage));
  const [key, setKey] = useState<StoredPersonalKey | undefined>();
  const [loading, setLoading] = useState(store !== null);
  const [standing, setStanding] = useState<KeyStanding | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    if (!store) return;
    let live = true;
    store
      .get()
      .then((stored) => live && setKey(stored))
      .catch((e: unknown) => live && setError(String(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [store]);

  useEffect(() => {
    if (loading) return;
    let live = true;
    void (async () => {
      const facts = key ? { owner: key.name, signer: await signerFromKeys(key) } : undefined;
      const next = await keyStanding(facts, actor, trustedKeys);
      if (live) setStanding(next);
    })();
    return () => {
      live = false;
    };
  }, [key, actor, trustedKeys, loading]);

  const create = useCallback(
    async (owner: { name: string; unit: string }) => {
      if (!store) return;
      setError(undefined);
      try {
        setKey(await createPersonalKey(store, { name: owner.name.trim(), unit: owner.unit.trim() }));
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    },
    [store],
  );
  return { available: store !== null, loading, key, standing, create, error };
}

const TONE: Record<string, 'success' | 'informative' | 'warning' | 'danger' | 'subtle'> = {
  success: 'success',
  informative: 'informative',
  warning: 'warning',
  danger: 'danger',
  subtle: 'subtle',
};

/** The fingerprint in groups of four, as read out over the phone. */
const grouped = (hex: string) => hex.match(/.{1,4}/g)?.join(' ') ?? hex;

export interface PersonalKeyProps {
  readonly state: PersonalKeyState;
  /** The name set in the settings: the key's default owner. */
  readonly defaultName: string;
  readonly saveFile?: (name: string, blob: Blob) => void;
}

export function PersonalKey({ state, defaultName, saveFile }: PersonalKeyProps): ReactNode {
  const { t, language } = useI18n();
  const styles = usePaneStyles();
  // Follows the name in the settings until the person types another one here.
  const [typedName, setName] = useState<string | null>(null);
  const name = typedName ?? defaultName;
  const [unit, setUnit] = useState('');
  const [busy, setBusy] = useState(false);
  const [spki, setSpki] = useState('');
  const { key, standing } = state;

  useEffect(() => {
    let live = true;
    if (key) void spkiBase64(key.publicKey).then((text) => live && setSpki(text));
    else setSpki('');
    return () => {
      live = false;
    };
  }, [key]);

  const create = async (): Promise<void> => {
    setBusy(true);
    try {
      await state.create({ name, unit });
    } finally {
      setBusy(false);
    }
  };
  const download = async (): Promise<void> => {
    if (!key) return;
    const entry = await trustListEntry(key);
    const blob = new Blob([JSON.stringify({ ...entry, keyId: key.keyId }, null, 2) + '\n'], { type: 'application/json' });
    (saveFile ?? downloadFile)(`khoa-cong-khai-${key.keyId.slice(0, 8)}.json`, blob);
  };

  return (
    <section className={styles.stack} aria-labelledby="personal-key-heading">
      <h3 id="personal-key-heading" className={styles.heading}>
        {t('key.heading')}
      </h3>
      <p className={styles.note}>{t('key.intro')}</p>
      {!state.available ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t('key.unavailable')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.error ? (
        <MessageBar intent="error">
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.loading ? <Spinner size="tiny" /> : null}
      {key ? (
        <dl className={styles.facts} aria-label={t('key.heading')}>
          <dt className={styles.factName}>{t('key.owner')}</dt>
          <dd className={styles.factValue}>{`${key.name}, ${key.unit}`}</dd>
          <dt className={styles.factName}>{t('key.created')}</dt>
          <dd className={styles.factValue}>{formatVietnamTime(key.createdAt)}</dd>
          <dt className={styles.factName}>{t('key.fingerprint')}</dt>
          <dd className={styles.factValue} data-testid="key-fingerprint" data-key-id={key.keyId}>
            <code>{grouped(key.keyId)}</code>
          </dd>
          <dt className={styles.factName}>{t('key.standing')}</dt>
          <dd className={styles.factValue} data-testid="key-standing" data-kind={standing?.kind ?? ''}>
            {standing ? (
              <Badge appearance="tint" color={TONE[standing.tone]} className={styles.pill}>
                {standing.label[language]}
              </Badge>
            ) : null}
          </dd>
        </dl>
      ) : standing ? (
        <p className={styles.paragraph} data-testid="key-standing" data-kind={standing.kind}>
          {standing.label[language]}
        </p>
      ) : null}
      {key && spki ? (
        <>
          <Field label={t('key.publicKey')}>
            <Textarea value={spki} readOnly resize="vertical" data-testid="key-spki" />
          </Field>
          <div className={styles.row}>
            <Button onClick={() => void download()}>{t('key.download')}</Button>
          </div>
        </>
      ) : null}
      {state.available && !state.loading ? (
        <>
          <Field label={t('key.name')}>
            <Input value={name} onChange={(_e, data) => setName(data.value)} />
          </Field>
          <Field label={t('key.unit')}>
            <Input value={unit} onChange={(_e, data) => setUnit(data.value)} />
          </Field>
          {key ? <p className={styles.note}>{t('key.replaceNote')}</p> : null}
          <div className={styles.row}>
            <Button appearance={key ? 'secondary' : 'primary'} disabledFocusable={busy || !name.trim() || !unit.trim()} onClick={() => void create()}>
              {key ? t('key.replace') : t('key.create')}
            </Button>
            {busy ? <Spinner size="extra-tiny" aria-label={t('key.creating')} /> : null}
          </div>
          {!name.trim() || !unit.trim() ? <p className={styles.note}>{t('key.needNameUnit')}</p> : null}
        </>
      ) : null}
    </section>
  );
}

/** Per signed event, the state workflow's statusView decided (trusted, unknown key, invalid…). */
export function SignatureStates({ view }: { readonly view: SignaturesView | undefined }): ReactNode {
  const { t, language } = useI18n();
  const styles = usePaneStyles();
  if (!view) return null;
  return (
    <section className={styles.tight} aria-labelledby="signature-states-heading">
      <h4 id="signature-states-heading" className={styles.heading}>
        {t('signatures.heading')}{' '}
        <Badge appearance="tint" color={TONE[view.summary.tone]} className={styles.pill} data-testid="signatures-summary" data-kind={view.summary.kind}>
          {view.summary.label[language]}
        </Badge>
      </h4>
      {view.signedText ? (
        <MessageBar intent={view.signedText.kind === 'unchanged' ? 'success' : 'error'} data-testid="signed-text" data-kind={view.signedText.kind}>
          <MessageBarBody>{view.signedText.label[language]}</MessageBarBody>
        </MessageBar>
      ) : null}
      {view.events.length ? (
        <ul className={styles.list} aria-label={t('signatures.list')}>
          {view.events.map((e) => (
            <li key={e.seq} data-signature-seq={e.seq} data-kind={e.kind}>
              {t('signatures.item', { event: e.event[language], seq: e.seq, actor: e.actor, state: e.label[language] })}
              {e.owner ? ` (${t('signatures.owner', { name: e.owner.name, unit: e.owner.unit })})` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
