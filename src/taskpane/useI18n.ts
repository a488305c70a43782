/**
 * React binding of the framework-free i18n layer: components re-render when the language changes.
 * The language itself lives in src/i18n (one source of truth for the pane, workflow messages, etc.).
 */
import { useMemo, useSyncExternalStore } from 'react';
import { createTranslator, getLanguage, onLanguageChange, setLanguage } from '../i18n';
import type { Language, Translator } from '../i18n';

export interface I18n {
  readonly language: Language;
  readonly t: Translator;
  readonly setLanguage: (language: Language) => void;
}

export function useI18n(): I18n {
  const language = useSyncExternalStore(onLanguageChange, getLanguage, getLanguage);
  return useMemo(() => ({ language, t: createTranslator(language), setLanguage }), [language]);
}
