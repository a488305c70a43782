import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Bilingual } from '../checks/types';

export type Lang = 'vi' | 'en';

export interface CliContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  lang: Lang;
  env: NodeJS.ProcessEnv;
}

/** An error the user can act on: a plain message in both languages and the exit code to use. */
export class CliError extends Error {
  constructor(
    readonly bilingual: Bilingual,
    readonly exitCode = 2,
  ) {
    super(bilingual.en);
  }
}

/** `--lang vi|en` wins, then AIPROV_LANG, then Vietnamese (the product's first language). */
export function resolveLanguage(argv: string[], env: NodeJS.ProcessEnv): Lang {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const value = index < 0 ? env.AIPROV_LANG : argv[index]!.includes('=') ? argv[index]!.split('=')[1] : argv[index + 1];
  return value === 'en' ? 'en' : 'vi';
}

/** parseArgs with the global options every command accepts, and usage errors as CliError. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals = true,
) {
  try {
    return parseArgs({
      args,
      options: { ...options, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals,
      strict: true,
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError({ vi: `Tham số không hợp lệ: ${detail}`, en: `Invalid arguments: ${detail}` }, 2);
  }
}
