/**
 * The i18n layer every user-facing string goes through. Framework-free: no React, no DOM, no
 * Office. The task pane binds it to React (src/taskpane/useI18n.ts); the CLI and workflow can
 * call `t` directly.
 *
 * Vietnamese is the default. English is used when the user picks it, or when nothing was picked
 * and Office's display language is English.
 */
import { en } from './en';
import { vi } from './vi';
import type { MessageKey } from './vi';

export type { MessageKey } from './vi';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';

export const catalogs: { readonly [L in Language]: { readonly [K in MessageKey]: string } } = { vi, en };

/** The `{name}` placeholders of a message template, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

export type MessageParams<K extends MessageKey> = { readonly [P in Placeholders<(typeof vi)[K]>]: string | number };

/** A message with placeholders requires its params; one without takes none. */
export type ParamArgs<K extends MessageKey> = [Placeholders<(typeof vi)[K]>] extends [never]
  ? []
  : [params: MessageParams<K>];

const PLACEHOLDER = /\{(\w+)\}/g;

/** Formats one message in one language. Output is NFC, whatever the params were. */
export function translate<K extends MessageKey>(language: Language, key: K, ...args: ParamArgs<K>): string {
  const template: string | undefined = catalogs[language]?.[key];
  if (template === undefined) throw new Error(`Unknown message "${String(key)}" for language "${String(language)}"`);
  const params = args[0] as Readonly<Record<string, string | number>> | undefined;
  const text = params
    ? template.replace(PLACEHOLDER, (whole, name: string) =>
        Object.hasOwn(params, name) ? String(params[name]) : whole,
      )
    : template;
  return text.normalize('NFC');
}

/** A text in both languages, as the pure layers carry it. */
export interface BothLanguages {
  readonly vi: string;
  readonly en: string;
}

/** Params of `bilingual`: a value may itself be in both languages (a level's name, a purpose's label). */
export type BilingualParamArgs<K extends MessageKey> = [Placeholders<(typeof vi)[K]>] extends [never]
  ? []
  : [params: { readonly [P in Placeholders<(typeof vi)[K]>]: string | number | BothLanguages }];

// A message without params is the same every time: formatted once (the checks build many findings).
const constant = new Map<MessageKey, { vi: string; en: string }>();

/**
 * One message in both languages, for the pure layers (checks, policy, workflow, provenance) whose
 * errors and reasons carry both and are shown later in the person's language.
 */
export function bilingual<K extends MessageKey>(key: K, ...args: BilingualParamArgs<K>): { vi: string; en: string } {
  const params = args[0] as Readonly<Record<string, string | number | BothLanguages>> | undefined;
  if (!params) {
    let both = constant.get(key);
    if (!both) constant.set(key, (both = { vi: translate('vi', key, ...([] as unknown as ParamArgs<K>)), en: translate('en', key, ...([] as unknown as ParamArgs<K>)) }));
    return { ...both };
  }
  const inLanguage = (language: Language) =>
    Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'object' ? value[language] : value]));
  return { vi: translate('vi', key, ...([inLanguage('vi')] as unknown as ParamArgs<K>)), en: translate('en', key, ...([inLanguage('en')] as unknown as ParamArgs<K>)) };
}

export type Translator = <K extends MessageKey>(key: K, ...args: ParamArgs<K>) => string;

export function createTranslator(language: Language): Translator {
  return (key, ...args) => translate(language, key, ...args);
}

/** 'vi', 'vi-VN', 'EN_us' → a Language; anything else → null. */
export function parseLanguage(value: string | null | undefined): Language | null {
  if (!value) return null;
  const primary = value.trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : null;
}

export interface LanguageSources {
  /** What the user picked in the pane (or an org setting), if anything. */
  readonly explicit?: string | null | undefined;
  /** `Office.context.displayLanguage`, e.g. "vi-VN" or "en-US", when running inside Office. */
  readonly displayLanguage?: string | null | undefined;
}

/** Explicit choice first; else English only when Office shows English; else Vietnamese. */
export function resolveLanguage({ explicit, displayLanguage }: LanguageSources): Language {
  const chosen = parseLanguage(explicit);
  if (chosen) return chosen;
  return parseLanguage(displayLanguage) === 'en' ? 'en' : DEFAULT_LANGUAGE;
}

// The current language of this page or process, with change notification so a UI can re-render.
let currentLanguage: Language = DEFAULT_LANGUAGE;
const listeners = new Set<(language: Language) => void>();

export function getLanguage(): Language {
  return currentLanguage;
}

export function setLanguage(language: Language): void {
  if (!(LANGUAGES as readonly string[]).includes(language)) {
    throw new Error(`Ngôn ngữ không được hỗ trợ / Unsupported language: ${String(language)}`);
  }
  if (language === currentLanguage) return;
  currentLanguage = language;
  for (const listener of listeners) listener(language);
}

/** Calls `listener` after every language change; returns the unsubscribe function. */
export function onLanguageChange(listener: (language: Language) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Formats a message in the current language. */
export function t<K extends MessageKey>(key: K, ...args: ParamArgs<K>): string {
  return translate(currentLanguage, key, ...args);
}
export { findingSubtypeLabel, profileLabel } from './labels';
