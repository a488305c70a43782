/**
 * The user's own settings, kept on this computer only (localStorage), never in the document:
 * the name the record uses, their role, providers they added, and API keys (one entry per
 * provider, so a key is never serialised together with anything else).
 */
import { z } from 'zod';
import { providerConfigSchema, type ProviderConfig } from '../policy';

const SETTINGS_KEY = 'aiprov.user';
const KEY_PREFIX = 'aiprov.key.';

const userSettingsSchema = z.object({
  name: z.string().default(''),
  role: z.string().default(''),
  providers: z.array(providerConfigSchema).default([]),
});

export interface UserSettings {
  name: string;
  role: string;
  providers: ProviderConfig[];
}

export const EMPTY_USER_SETTINGS: UserSettings = { name: '', role: '', providers: [] };

function safely<T>(work: () => T, fallback: T): T {
  try {
    return work();
  } catch {
    return fallback; // storage blocked (sandboxed frame, privacy mode): this session only
  }
}

export function loadUserSettings(storage: Storage | null | undefined): UserSettings {
  const raw = safely(() => storage?.getItem(SETTINGS_KEY) ?? null, null);
  if (!raw) return { ...EMPTY_USER_SETTINGS };
  const parsed = safely(() => userSettingsSchema.safeParse(JSON.parse(raw)), null);
  return parsed?.success ? parsed.data : { ...EMPTY_USER_SETTINGS };
}

export function saveUserSettings(storage: Storage | null | undefined, settings: UserSettings): void {
  safely(() => storage?.setItem(SETTINGS_KEY, JSON.stringify(settings)), undefined);
}

export function loadApiKey(storage: Storage | null | undefined, providerId: string): string {
  return safely(() => storage?.getItem(KEY_PREFIX + providerId) ?? '', '');
}

export function saveApiKey(storage: Storage | null | undefined, providerId: string, key: string): void {
  safely(() => (key ? storage?.setItem(KEY_PREFIX + providerId, key) : storage?.removeItem(KEY_PREFIX + providerId)), undefined);
}

/** Whether the pane asks for a key: the provider says so (an internal gateway may need none). */
export function needsKey(provider: ProviderConfig): boolean {
  return provider.apiKeyRequired === true;
}
