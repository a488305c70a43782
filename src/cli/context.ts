import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Bilingual } from '../checks/types';
import { messages } from './messages';
import { bilingual } from '../i18n';

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

/** parseArgs with the global options every command accepts, and usage errors as CliError. An option
 * given twice that is not `multiple` is refused: parseArgs would silently keep the last one. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals = true,
) {
  const all = { ...options, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;
  let parsed;
  try {
    parsed = parseArgs({ args, options: all, allowPositionals, strict: true, tokens: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError(bilingual('cli.context.parseCommandArgs', { detail }), 2);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    const config = (all as Record<string, { multiple?: boolean }>)[token.name];
    if (config?.multiple) continue;
    if (seen.has(token.name)) {
      const option = `--${token.name}`;
      throw new CliError({ vi: messages('vi').repeatedOption(option), en: messages('en').repeatedOption(option) }, 2);
    }
    seen.add(token.name);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}
