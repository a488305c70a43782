// issue 11 — signatures: where a person's own key stands, decided once for the pane (the CLI refuses a
// key owned by someone else outright, src/cli/signing.ts). A key is only used to sign the events of
// its owner: signing another person's actions with it would read as a name mismatch, an error.
import type { EventSigner, TrustedKey } from '../provenance';
import { indexTrustList, sameName } from '../provenance';
import type { ShownState } from './states';
import { bilingual } from '../i18n';

export type KeyStandingKind = 'no-key' | 'trusted' | 'not-on-list' | 'other-person';

export interface PersonalKeyFacts {
  /** The key's owner as recorded when it was made. */
  owner: string;
  signer: EventSigner;
}

export interface KeyStanding extends ShownState<KeyStandingKind> {
  /** The signer to put in the workflow context: only the key's owner signs with it. */
  signer?: EventSigner;
  /** The trust-list entry that covers the key now, when there is one. */
  entry?: { name: string; unit: string; role?: string };
}

export async function keyStanding(
  key: PersonalKeyFacts | undefined,
  actor: string,
  trustedKeys: readonly TrustedKey[],
  now: Date = new Date(),
): Promise<KeyStanding> {
  if (!key) {
    return {
      kind: 'no-key',
      tone: 'subtle',
      label: bilingual('workflow.keys.keyStanding.label'),
    };
  }
  if (!sameName(key.owner, actor)) {
    return {
      kind: 'other-person',
      tone: 'warning',
      label: bilingual('workflow.keys.otherPerson', { owner: key.owner, actor: actor || bilingual('workflow.keys.noName') }),
    };
  }
  const at = now.getTime();
  const entries = (await indexTrustList(trustedKeys)).get(key.signer.keyId) ?? [];
  const current = entries.find(
    ({ entry }) => (!entry.validFrom || Date.parse(entry.validFrom) <= at) && (!entry.validTo || at <= Date.parse(entry.validTo)),
  )?.entry;
  if (!current) {
    return {
      kind: 'not-on-list',
      tone: 'warning',
      label: bilingual('workflow.keys.keyStanding.label2'),
      signer: key.signer,
    };
  }
  const entry = { name: current.name, unit: current.unit, ...(current.role ? { role: current.role } : {}) };
  if (!sameName(current.name, actor)) {
    // The trust list gives this key to someone else: signing with it would be a name mismatch.
    return {
      kind: 'other-person',
      tone: 'danger',
      label: bilingual('workflow.keys.keyStanding.label3', { name: current.name }),
      entry,
    };
  }
  return { kind: 'trusted', tone: 'success', label: bilingual('workflow.keys.keyStanding.label4'), signer: key.signer, entry };
}
