// Issue 11: `trustedKeys` in org-settings.json — public keys only, validated.
import { describe, expect, it } from 'vitest';
import { parseOrgSettings } from '../../src/policy';

const X = 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU';
const Y = 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0';

describe('trustedKeys', () => {
  it('accepts public JWK and SPKI entries and defaults to an empty list', () => {
    expect(parseOrgSettings(undefined).settings.trustedKeys).toEqual([]);
    const parsed = parseOrgSettings({
      trustedKeys: [
        { name: 'Trần Thị Bình', unit: 'Sở TT&TT', role: 'Giám đốc Sở', publicKey: { kty: 'EC', crv: 'P-256', x: X, y: Y }, validFrom: '2026-01-01T00:00:00Z' },
        { name: 'Lê Văn Cường', unit: 'Sở TT&TT', publicKey: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE' + 'A'.repeat(86) },
      ],
    });
    expect(parsed.error).toBeUndefined();
    expect(parsed.settings.trustedKeys).toHaveLength(2);
  });

  it('refuses a private key in the file (fail closed: the whole file falls back to the defaults)', () => {
    const withD = parseOrgSettings({ trustedKeys: [{ name: 'A', unit: 'B', publicKey: { kty: 'EC', crv: 'P-256', x: X, y: Y, d: X } }] });
    expect(withD.error?.vi).toMatch(/không hợp lệ/);
    expect(withD.settings.trustedKeys).toEqual([]);
    const pem = parseOrgSettings({ trustedKeys: [{ name: 'A', unit: 'B', publicKey: '-----BEGIN PRIVATE KEY-----' + 'A'.repeat(100) }] });
    expect(pem.error).toBeDefined();
  });
});
