// The organisation's settings and the user's key, for the CLI. Settings come from the first of
// --settings FILE, AIPROV_SETTINGS, ./org-settings.json, <user configuration folder>/aiprov/org-settings.json
// (format: docs/org-settings.md, JSON Schema docs/org-settings.schema.json); invalid settings are
// reported and the strict defaults apply.
// API keys come only from the environment of this machine, never from the settings file (QC-PB 17.2).
import { parseOrgSettings, resolveProfile, type OrgSettings, type Profile, type ProviderConfig } from '../policy';
import type { Bilingual } from '../checks/types';
import { CliError } from './context';
import { readBytes } from './load';
import { bilingual } from '../i18n';
import { findSettingsFile } from './settings-file';

export interface CliSettings {
  settings: OrgSettings;
  profile: Profile;
  /** Where the settings came from; undefined for the built-in defaults. */
  path?: string;
  /** Set when the file was refused (the defaults then apply). */
  warning?: Bilingual;
}

export async function loadSettings(path: string | undefined, env: NodeJS.ProcessEnv, cwd: string = process.cwd()): Promise<CliSettings> {
  const file = findSettingsFile(path, env, cwd);
  if (!file) {
    const { settings } = parseOrgSettings(undefined);
    return { settings, profile: resolveProfile(settings) };
  }
  const text = new TextDecoder('utf-8').decode(await readBytes(file)).replace(/^\uFEFF/, '');
  const parsed = parseOrgSettings(text);
  return {
    settings: parsed.settings,
    profile: resolveProfile(parsed.settings),
    path: file,
    ...(parsed.error ? { warning: parsed.error } : {}),
  };
}

/** `--provider ID`, else the settings' default, else the most trusted provider listed. */
export function chooseProvider(settings: OrgSettings, id?: string): ProviderConfig {
  const wanted = id ?? settings.defaults.providerId;
  if (wanted === undefined) return settings.providers[0]!;
  const found = settings.providers.find((p) => p.id === wanted);
  if (!found) {
    const ids = settings.providers.map((p) => p.id).join(', ');
    throw new CliError(
      bilingual('cli.settings.chooseProvider', { wanted, ids }),
      2,
    );
  }
  return found;
}

/** AIPROV_API_KEY_<PROVIDER ID, upper case, other characters as "_">, e.g. AIPROV_API_KEY_OPENAI. */
export function apiKeyVariable(providerId: string): string {
  return `AIPROV_API_KEY_${providerId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** The key for this provider from the environment: its own variable first, then AIPROV_API_KEY. */
export function apiKeyFor(provider: ProviderConfig, env: NodeJS.ProcessEnv): string | undefined {
  const own = env[apiKeyVariable(provider.id)]?.trim();
  if (own) return own;
  const shared = env.AIPROV_API_KEY?.trim();
  return shared || undefined;
}
