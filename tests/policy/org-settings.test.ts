import { describe, expect, it } from 'vitest';
import { DEFAULT_PROVIDER, STRICT, isLocked, parseOrgSettings, providerConfigSchema, rankProviders, resolveProfile } from '../../src/policy';

const provider = (id: string, tier: string, baseUrl = 'https://ai.example.vn/v1') => ({ id, name: id, tier, baseUrl, model: 'm' });

describe('parseOrgSettings', () => {
  it('no settings at all: Ollama on this computer, strict profile, no error', () => {
    for (const input of [undefined, null, '', '  ']) {
      const r = parseOrgSettings(input);
      expect(r.error).toBeUndefined();
      expect(r.settings.profile).toBe('strict');
      expect(r.settings.providers).toEqual([DEFAULT_PROVIDER]);
      expect(r.settings.providers[0]).toMatchObject({ baseUrl: 'http://localhost:11434/v1', tier: 'internal' });
    }
  });

  it('accepts a valid file, ranking internal and domestic providers above public ones', () => {
    const r = parseOrgSettings(
      JSON.stringify({
        profile: 'kai-cb-2025',
        providers: [
          provider('openai', 'public'),
          provider('gateway', 'internal', 'http://10.0.0.5:8000/v1'),
          { ...provider('azure', 'external-contracted', 'https://so-tttt.openai.azure.com'), azure: { deployment: 'gpt-4o', apiVersion: '2024-10-21' }, apiKeyRequired: true },
          provider('vllm', 'internal', 'http://ai.noibo.local/v1'),
        ],
        locked: ['providers', 'profile'],
        defaults: { providerId: 'gateway', purpose: 'draft', language: 'vi' },
      }),
    );
    expect(r.error).toBeUndefined();
    expect(r.settings.providers.map((p) => p.id)).toEqual(['gateway', 'vllm', 'azure', 'openai']);
    expect(resolveProfile(r.settings).id).toBe('kai-cb-2025');
    expect(isLocked(r.settings, 'providers')).toBe(true);
    expect(isLocked(r.settings, 'defaultPurpose')).toBe(false);
  });

  it('refuses a bad tier, naming the field, and falls back to strict defaults', () => {
    const r = parseOrgSettings({ providers: [provider('x', 'cloud')] });
    expect(r.error?.vi).toContain('providers[0].tier');
    expect(r.error?.vi).toContain('mặc định nghiêm ngặt');
    expect(r.error?.en).toContain('providers[0].tier');
    expect(r.settings.profile).toBe('strict');
    expect(r.settings.providers).toEqual([DEFAULT_PROVIDER]);
  });

  it('refuses keys in the file without repeating them', () => {
    const key = 'sk-live-ABCDEF0123456789';
    const withKey = parseOrgSettings({ providers: [{ ...provider('x', 'public'), apiKey: key }] });
    expect(withKey.error?.vi).toContain('apiKey');
    expect(withKey.error?.vi).toContain('khóa API');
    const inHeader = parseOrgSettings({ providers: [{ ...provider('x', 'public'), headers: { Authorization: `Bearer ${key}` } }] });
    expect(inHeader.error?.en).toContain('providers[0].headers.Authorization');
    for (const r of [withKey, inHeader]) expect(JSON.stringify(r)).not.toContain(key);
    const harmless = parseOrgSettings({ providers: [{ ...provider('x', 'internal'), headers: { 'x-department': 'vp-dang-uy' } }] });
    expect(harmless.error).toBeUndefined();
  });

  it('refuses plain http for an external provider', () => {
    const r = parseOrgSettings({ providers: [provider('x', 'public', 'http://api.example.com/v1')] });
    expect(r.error?.vi).toContain('https');
  });

  it('refuses a provider address that is not a URL with a message, not an exception', () => {
    const result = parseOrgSettings({ providers: [{ id: 'x', name: 'X', tier: 'public', baseUrl: 'không phải địa chỉ', model: 'm' }] });
    expect(result.error?.en).toMatch(/baseUrl/);
    expect(result.settings).toEqual(parseOrgSettings(undefined).settings);
    expect(() => providerConfigSchema.safeParse({ id: 'x', name: 'X', tier: 'public', baseUrl: '::', model: 'm' })).not.toThrow();
  });

  it('refuses invalid JSON, an unknown profile, an unknown lock and a default provider that does not exist', () => {
    expect(parseOrgSettings('{ "profile": ').error?.vi).toContain('JSON');
    expect(parseOrgSettings({ profile: 'lenient' }).error?.vi).toContain('«profile»');
    expect(parseOrgSettings({ locked: ['everything'] }).error?.vi).toContain('locked[0]');
    expect(parseOrgSettings({ providers: [provider('a', 'internal')], defaults: { providerId: 'b' } }).error?.vi).toContain('defaults.providerId');
    expect(parseOrgSettings({ providers: [provider('a', 'internal'), provider('a', 'public')] }).error?.vi).toContain('bị trùng');
  });

  it('accepts a custom profile object and refuses an invalid one with its path', () => {
    const custom = { ...STRICT, id: 'so-noi-vu', name: { vi: 'Sở Nội vụ', en: 'Department of Home Affairs' } };
    const ok = parseOrgSettings({ profile: custom });
    expect(ok.error).toBeUndefined();
    expect(resolveProfile(ok.settings).id).toBe('so-noi-vu');

    const opened = { ...custom, levels: { ...custom.levels, 4: { ...custom.levels[4], tiers: { ...custom.levels[4].tiers, public: { allowed: true, redaction: false } } } } };
    const bad = parseOrgSettings({ profile: opened });
    expect(bad.error?.vi).toContain('profile.levels[4].tiers.public.allowed');
    expect(bad.error?.vi).toContain('bí mật nhà nước');
    expect(resolveProfile(bad.settings).id).toBe('strict');
  });
});

describe('rankProviders', () => {
  it('is stable within a tier', () => {
    const ranked = rankProviders([
      { id: 'p1', tier: 'public' as const },
      { id: 'i1', tier: 'internal' as const },
      { id: 'p2', tier: 'public' as const },
      { id: 'i2', tier: 'internal' as const },
    ]);
    expect(ranked.map((p) => p.id)).toEqual(['i1', 'i2', 'p1', 'p2']);
  });
});
