// Runs the CLI in-process with captured output, and as a real process through `npx aiprov`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function aiprov(...argv: string[]): Promise<CliRun> {
  return aiprovWith({}, ...argv);
}

/** The CLI in-process with an environment (a person's key folder, AIPROV_SETTINGS…). */
export async function aiprovWith(env: NodeJS.ProcessEnv, ...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const lang = argv.includes('--lang') ? (argv[argv.indexOf('--lang') + 1] as 'vi' | 'en') : 'vi';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), lang, env });
  return { code, stdout, stderr };
}

export interface CliPeople {
  /** org-settings.json whose trustedKeys lists every person (from their `aiprov keys show --json`). */
  settings: string;
  /** A person's environment: their own key folder and the settings. */
  as(name: string): NodeJS.ProcessEnv;
  /** A reader's environment: the settings only, no key. */
  reader: NodeJS.ProcessEnv;
}

/**
 * issue 11 — signatures: each person runs `aiprov keys init` in their own configuration folder, and
 * the administrator lists their `keys show --json` entries in org-settings.json — the setup the
 * default strict profile needs before a sign-off counts.
 */
export async function cliPeople(dir: string, names: readonly string[], unit = 'Sở Thông tin và Truyền thông'): Promise<CliPeople> {
  const homes = new Map<string, string>();
  const entries: unknown[] = [];
  for (const [n, name] of names.entries()) {
    const home = join(dir, `cfg-person-${n}`);
    const init = await aiprovWith({ AIPROV_CONFIG_DIR: home }, 'keys', 'init', '--name', name, '--unit', unit);
    if (init.code !== 0) throw new Error(`keys init for ${name}: ${init.stderr}`);
    entries.push(JSON.parse((await aiprovWith({ AIPROV_CONFIG_DIR: home }, 'keys', 'show', '--json')).stdout).trustedKey);
    homes.set(name, home);
  }
  const settings = join(dir, 'org-settings.json');
  writeFileSync(settings, JSON.stringify({ trustedKeys: entries }, null, 2));
  const reader = { AIPROV_SETTINGS: settings };
  return {
    settings,
    reader,
    as: (name) => {
      const home = homes.get(name);
      if (!home) throw new Error(`no key made for ${name}`);
      return { AIPROV_CONFIG_DIR: home, AIPROV_SETTINGS: settings };
    },
  };
}

/** The real command, as a user runs it in the checkout after `npm ci`. */
export function npxAiprov(args: string[], cwd = REPO): CliRun {
  const result = spawnSync('npx', ['--no-install', 'aiprov', ...args], { cwd, encoding: 'utf8', env: { ...process.env, AIPROV_LANG: 'vi' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'aiprov-cli-'));
}
