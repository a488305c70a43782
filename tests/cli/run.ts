// Runs the CLI in-process with captured output, and as a real process through `npx aiprov`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
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
  let stdout = '';
  let stderr = '';
  const lang = argv.includes('--lang') ? (argv[argv.indexOf('--lang') + 1] as 'vi' | 'en') : 'vi';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), lang, env: {} });
  return { code, stdout, stderr };
}

/** The real command, as a user runs it in the checkout after `npm ci`. */
export function npxAiprov(args: string[], cwd = REPO): CliRun {
  const result = spawnSync('npx', ['--no-install', 'aiprov', ...args], { cwd, encoding: 'utf8', env: { ...process.env, AIPROV_LANG: 'vi' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'aiprov-cli-'));
}
