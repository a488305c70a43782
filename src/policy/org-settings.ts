// org-settings.json: the organisation's profile and provider list, deployed beside the add-in.
// Invalid settings are refused with a message naming the field, and the product runs on strict
// defaults. Keys never live here (QC-PB 17.2; KAI-CB 7.4): each user keeps theirs on their machine.
import { z } from 'zod';
import type { Bilingual } from '../checks/types';
import { TIER_RANK } from './labels';
import { BUILT_IN_PROFILES, BUILT_IN_PROFILE_IDS, DEFAULT_PROFILE_ID, type BuiltInProfileId } from './profiles';
import { PROVIDER_TIERS, PURPOSE_IDS, profileSchema, type Profile } from './schema';
import { describeIssues } from './zod-messages';
import { bilingual } from '../i18n';

/** Header names that carry credentials: refused in the file. */
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|api-key|x-api-key|x-goog-api-key)$|key|token|secret|auth/i;
const SECRET_VALUE = /^\s*(bearer|basic)\s+\S|^sk-[A-Za-z0-9_-]{8,}/i;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export const providerConfigSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash, underscore'),
    name: z.string().min(1),
    tier: z.enum(PROVIDER_TIERS),
    /** OpenAI-compatible base URL, e.g. http://localhost:11434/v1. For Azure, the resource endpoint. */
    baseUrl: z.url({ protocol: /^https?$/ }),
    model: z.string().min(1),
    /** When true the user is asked for a key (kept on their machine). A gateway may need none. */
    apiKeyRequired: z.boolean().optional(),
    /** Extra non-secret headers (e.g. an agency gateway's routing header). */
    headers: z.record(z.string().min(1), z.string()).optional(),
    /** Azure OpenAI: deployments URL with api-version, key sent in the `api-key` header. */
    azure: z.strictObject({ deployment: z.string().min(1), apiVersion: z.string().min(1) }).optional(),
  })
  .superRefine((p, ctx) => {
    for (const [name, value] of Object.entries(p.headers ?? {})) {
      if (SECRET_HEADER.test(name) || SECRET_VALUE.test(value)) {
        ctx.addIssue({
          code: 'custom',
          path: ['headers', name],
          message: 'credentials are not allowed in the settings file',
          params: bilingual('policy.org-settings.providerConfigSchema.params'),
        });
      }
    }
    // superRefine also runs when the URL check above failed: never let `new URL` throw here.
    if (!URL.canParse(p.baseUrl)) return;
    const url = new URL(p.baseUrl);
    if ((p.tier === 'public' || p.tier === 'external-contracted') && url.protocol !== 'https:' && !LOCAL_HOSTS.has(url.hostname)) {
      ctx.addIssue({
        code: 'custom',
        path: ['baseUrl'],
        message: 'an external provider must be reached over https',
        params: bilingual('policy.org-settings.providerConfigSchema.params2'),
      });
    }
  });
export type ProviderConfig = z.infer<typeof providerConfigSchema>;

// --- trust list (issue 11) ---
const b64url = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a 32-byte base64url coordinate');
/** A P-256 public key as JWK. Strict: a private key (`d`) is refused, never read. */
const publicJwkSchema = z.strictObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: b64url,
  y: b64url,
  alg: z.literal('ES256').optional(),
  kid: z.string().optional(),
  ext: z.boolean().optional(),
  key_ops: z.array(z.string()).optional(),
  use: z.string().optional(),
});
export const trustedKeySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  unit: z.string().trim().min(1).max(300),
  role: z.string().trim().min(1).max(200).optional(),
  /** JWK, or SPKI DER in base64 (PEM armour allowed) — as `aiprov keys show` prints it. */
  publicKey: z.union([publicJwkSchema, z.string().min(80).max(2_000).refine((s) => !/PRIVATE KEY/.test(s), 'a private key is not allowed here')]),
  validFrom: z.iso.datetime({ offset: true }).optional(),
  validTo: z.iso.datetime({ offset: true }).optional(),
});
export type TrustedKeyConfig = z.infer<typeof trustedKeySchema>;

export const LOCKABLE_SETTINGS = ['profile', 'providers', 'defaultProvider', 'defaultPurpose', 'disclosure'] as const;
export type LockableSetting = (typeof LOCKABLE_SETTINGS)[number];

/** The file's shape (exported for the JSON Schema in docs/org-settings.schema.json, made by scripts/make-settings-schema.ts). */
export const orgSettingsShape = z
  .strictObject({
    $schema: z.string().optional(),
    /** A built-in profile id, or the organisation's own profile. */
    profile: z.unknown().optional(),
    providers: z.array(providerConfigSchema).min(1).optional(),
    locked: z.array(z.enum(LOCKABLE_SETTINGS)).optional(),
    /** Issue 11: the public keys of the people who verify and sign off, for `check` and the report. */
    trustedKeys: z.array(trustedKeySchema).max(10_000).optional(),
    // issue 9 — registry: the organisation's legal-document registry files (CSV exported from Excel or
    // JSONL), relative to this settings file; their entries add to or override the core registry.
    registry: z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1).max(50)]).optional(),
    defaults: z
      .strictObject({
        providerId: z.string().min(1).optional(),
        purpose: z.enum(PURPOSE_IDS).optional(),
        /** Index into the profile's disclosure wordings. */
        disclosure: z.number().int().min(0).optional(),
        language: z.enum(['vi', 'en']).optional(),
      })
      .optional(),
  })
  .superRefine((s, ctx) => {
    const ids = new Set<string>();
    for (const [i, p] of (s.providers ?? []).entries()) {
      if (ids.has(p.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['providers', i, 'id'],
          message: `duplicate provider id ${p.id}`,
          params: bilingual('policy.org-settings.orgSettingsShape.params', { id: p.id }),
        });
      }
      ids.add(p.id);
    }
    const wanted = s.defaults?.providerId;
    if (wanted && !(s.providers ?? [DEFAULT_PROVIDER]).some((p) => p.id === wanted)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaults', 'providerId'],
        message: `no provider with id ${wanted}`,
        params: bilingual('policy.org-settings.orgSettingsShape.params2', { wanted }),
      });
    }
  });

export interface OrgSettings {
  /** A built-in profile id or a validated custom profile. */
  profile: BuiltInProfileId | Profile;
  /** Ranked: internal and domestic before public (QC-PB Điều 5, khoản 4). */
  providers: ProviderConfig[];
  locked: LockableSetting[];
  /** Issue 11: empty when the file has none. */
  trustedKeys: TrustedKeyConfig[];
  /** Issue 9: registry files as written in the file (relative to it); absent when the file has none. */
  registry?: string[];
  defaults: {
    providerId?: string;
    purpose?: (typeof PURPOSE_IDS)[number];
    disclosure?: number;
    language?: 'vi' | 'en';
  };
}

export interface ParsedOrgSettings {
  settings: OrgSettings;
  /** Set when the settings were refused; `settings` are then the strict defaults. */
  error?: Bilingual;
}

/** With no settings at all: one provider, Ollama on this computer. */
export const DEFAULT_PROVIDER: ProviderConfig = {
  id: 'ollama-local',
  name: 'Ollama (máy này)',
  tier: 'internal',
  baseUrl: 'http://localhost:11434/v1',
  model: 'qwen2.5:7b',
  apiKeyRequired: false,
};

export function defaultOrgSettings(): OrgSettings {
  return { profile: DEFAULT_PROFILE_ID, providers: [{ ...DEFAULT_PROVIDER }], locked: [], trustedKeys: [], defaults: {} };
}

/** Stable sort: most trusted tier first, file order within a tier. */
export function rankProviders<T extends { tier: ProviderConfig['tier'] }>(providers: readonly T[]): T[] {
  return providers
    .map((p, i) => ({ p, i }))
    .sort((a, b) => TIER_RANK[a.p.tier] - TIER_RANK[b.p.tier] || a.i - b.i)
    .map(({ p }) => p);
}

function refused(error: Bilingual): ParsedOrgSettings {
  return {
    settings: defaultOrgSettings(),
    error: bilingual('policy.org-settings.refused.error', { error }),
  };
}

/**
 * Validates org-settings.json (its text, or the parsed value). `undefined`/`null` means no file:
 * the defaults, without an error.
 */
export function parseOrgSettings(input: unknown): ParsedOrgSettings {
  if (input === undefined || input === null) return { settings: defaultOrgSettings() };
  let value: unknown = input;
  if (typeof input === 'string') {
    if (input.trim() === '') return { settings: defaultOrgSettings() };
    try {
      value = JSON.parse(input);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      return refused(bilingual('policy.org-settings.parseOrgSettings', { detail }));
    }
  }
  const shape = orgSettingsShape.safeParse(value);
  if (!shape.success) return refused(describeIssues(shape.error.issues));

  let profile: OrgSettings['profile'] = DEFAULT_PROFILE_ID;
  const rawProfile = shape.data.profile;
  if (typeof rawProfile === 'string') {
    if (!(BUILT_IN_PROFILE_IDS as string[]).includes(rawProfile)) {
      const ids = BUILT_IN_PROFILE_IDS.map((id) => `"${id}"`).join(', ');
      return refused(bilingual('policy.org-settings.parseOrgSettings2', { rawProfile, ids }));
    }
    profile = rawProfile as BuiltInProfileId;
  } else if (rawProfile !== undefined) {
    const custom = profileSchema.safeParse(rawProfile);
    if (!custom.success) {
      return refused(describeIssues(custom.error.issues.map((i) => ({ ...i, path: ['profile', ...i.path] }))));
    }
    profile = custom.data;
  }

  const resolved = typeof profile === 'string' ? BUILT_IN_PROFILES[profile] : profile;
  const disclosure = shape.data.defaults?.disclosure;
  if (disclosure !== undefined && disclosure >= resolved.disclosure.length) {
    return refused(bilingual('policy.org-settings.parseOrgSettings3', { disclosure, length: resolved.disclosure.length }));
  }

  return {
    settings: {
      profile,
      providers: rankProviders(shape.data.providers ?? [{ ...DEFAULT_PROVIDER }]),
      locked: [...new Set(shape.data.locked ?? [])],
      trustedKeys: shape.data.trustedKeys ?? [],
      ...(shape.data.registry !== undefined ? { registry: typeof shape.data.registry === 'string' ? [shape.data.registry] : shape.data.registry } : {}),
      defaults: { ...shape.data.defaults },
    },
  };
}

export function resolveProfile(settings: Pick<OrgSettings, 'profile'>): Profile {
  return typeof settings.profile === 'string' ? BUILT_IN_PROFILES[settings.profile] : settings.profile;
}

export function isLocked(settings: Pick<OrgSettings, 'locked'>, setting: LockableSetting): boolean {
  return settings.locked.includes(setting);
}
