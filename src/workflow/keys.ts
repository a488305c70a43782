// issue 11 — signatures: where a person's own key stands, decided once for the pane (the CLI refuses a
// key owned by someone else outright, src/cli/signing.ts). A key is only used to sign the events of
// its owner: signing another person's actions with it would read as a name mismatch, an error.
import type { EventSigner, TrustedKey } from '../provenance';
import { indexTrustList, sameName } from '../provenance';
import type { ShownState } from './states';

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
      label: { vi: 'chưa có khóa cá nhân: các thao tác sẽ không có chữ ký', en: 'no personal key: actions will be unsigned' },
    };
  }
  if (!sameName(key.owner, actor)) {
    return {
      kind: 'other-person',
      tone: 'warning',
      label: {
        vi: `khóa trên máy này là của ${key.owner}, không phải ${actor || '(chưa nhập tên)'}: các thao tác sẽ không được ký`,
        en: `the key on this computer belongs to ${key.owner}, not ${actor || '(no name set)'}: actions will not be signed`,
      },
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
      label: {
        vi: 'khóa chưa có (hoặc không còn hiệu lực) trong danh sách khóa tin cậy của cơ quan: hãy gửi khóa công khai cho quản trị viên',
        en: "the key is not (or no longer) on the organisation's trust list: send the public key to the administrator",
      },
      signer: key.signer,
    };
  }
  const entry = { name: current.name, unit: current.unit, ...(current.role ? { role: current.role } : {}) };
  if (!sameName(current.name, actor)) {
    // The trust list gives this key to someone else: signing with it would be a name mismatch.
    return {
      kind: 'other-person',
      tone: 'danger',
      label: {
        vi: `danh sách tin cậy ghi khóa này là của ${current.name}: các thao tác sẽ không được ký`,
        en: `the trust list gives this key to ${current.name}: actions will not be signed`,
      },
      entry,
    };
  }
  return { kind: 'trusted', tone: 'success', label: { vi: 'khóa có trong danh sách tin cậy của cơ quan', en: "the key is on the organisation's trust list" }, signer: key.signer, entry };
}
