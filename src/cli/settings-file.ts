// Where the organisation's settings file is (the lookup order of src/cli/settings.ts), found with
// nothing but the file system. issue 14 — performance: apart from the settings parser, so a command
// that only needs to know whether there is a file (scan, for its registry files) loads no policy
// code and no zod when there is none.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The user's configuration folder: XDG_CONFIG_HOME, %APPDATA%, ~/Library/Application Support, ~/.config. */
export function userConfigDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | undefined {
  if (env.XDG_CONFIG_HOME?.trim()) return env.XDG_CONFIG_HOME.trim();
  if (platform === 'win32') return env.APPDATA?.trim() || undefined;
  const home = env.HOME?.trim() || env.USERPROFILE?.trim();
  if (!home) return undefined;
  return platform === 'darwin' ? join(home, 'Library', 'Application Support') : join(home, '.config');
}

/** Where the settings are read from, in order; the first that is given (or, for the last two, exists) wins. */
export function findSettingsFile(path: string | undefined, env: NodeJS.ProcessEnv, cwd: string = process.cwd()): string | undefined {
  if (path) return path;
  const fromEnv = env.AIPROV_SETTINGS?.trim();
  if (fromEnv) return fromEnv;
  const here = join(cwd, 'org-settings.json');
  if (existsSync(here)) return here;
  const dir = userConfigDir(env);
  const user = dir ? join(dir, 'aiprov', 'org-settings.json') : undefined;
  return user && existsSync(user) ? user : undefined;
}

