// Issue 11: the pane's key store — a non-extractable key, its signer, and interop with the CLI's
// verification (the same trust-list check). IndexedDB itself needs a browser; here the storage keeps
// the CryptoKey objects as IndexedDB's structured clone would (same objects, no bytes).
import { describe, expect, it } from 'vitest';
import { appendEvent, checkSignatures, createRecord } from '../../src/provenance';
import { parseOrgSettings } from '../../src/policy';
import { createPersonalKey, personalSigner, trustListEntry, type KeyStorage, type StoredPersonalKey } from '../../src/taskpane/keyStore';

function memoryStorage(): KeyStorage & { value?: StoredPersonalKey } {
  const storage: KeyStorage & { value?: StoredPersonalKey } = {
    get: async () => storage.value,
    put: async (key) => void (storage.value = key),
  };
  return storage;
}

describe('pane key store', () => {
  it('creates a non-extractable key whose signatures verify against its trust-list entry', async () => {
    const storage = memoryStorage();
    expect(await personalSigner(storage)).toBeUndefined();
    const key = await createPersonalKey(storage, { name: 'Trần Thị Bình', unit: 'Sở TT&TT' });
    expect(key.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', key.privateKey)).rejects.toThrow();
    const { signer, owner } = (await personalSigner(storage))!;
    expect(owner).toBe('Trần Thị Bình');
    expect(signer.keyId).toBe(key.keyId);

    let record = await createRecord({ profileId: 'strict', appVersion: 'test', actor: 'system', documentId: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e' });
    record = await appendEvent(record, { type: 'disclosure-inserted', actor: 'Trần Thị Bình', data: { text: 'Có sử dụng AI.', profile: 'strict' }, signer });
    const entry = await trustListEntry(key);
    expect(JSON.stringify(entry)).not.toMatch(/"d"/);
    // The entry is accepted by org-settings.json as it is.
    const parsed = parseOrgSettings({ trustedKeys: [entry] });
    expect(parsed.error).toBeUndefined();
    expect(parsed.settings.trustedKeys).toEqual([entry]);
    const report = await checkSignatures(record, [entry]);
    expect(report.events).toMatchObject([{ status: 'trusted', keyId: key.keyId, trusted: { name: 'Trần Thị Bình' } }]);
    // A new key replaces the old one; the old signature stays valid against the old entry.
    const renewed = await createPersonalKey(storage, { name: 'Trần Thị Bình', unit: 'Sở TT&TT' });
    expect(renewed.keyId).not.toBe(key.keyId);
    expect((await checkSignatures(record, [entry, await trustListEntry(renewed)])).events[0]!.status).toBe('trusted');
    expect((await checkSignatures(record, [await trustListEntry(renewed)])).events[0]!.status).toBe('unknown-key');
  });
});
