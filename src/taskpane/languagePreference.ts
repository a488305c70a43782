/**
 * Remembers the language the user picked in the pane, per browser profile (Office's web view
 * keeps localStorage per add-in origin). Storage can be missing or blocked: then the choice
 * simply lasts for this session.
 */
import { parseLanguage } from '../i18n';
import type { Language } from '../i18n';

const STORAGE_KEY = 'aiprov.language';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // e.g. a sandboxed iframe throws on access
  }
}

export function loadLanguagePreference(): Language | null {
  try {
    return parseLanguage(storage()?.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

export function saveLanguagePreference(language: Language): void {
  try {
    storage()?.setItem(STORAGE_KEY, language);
  } catch {
    // Quota or privacy mode: keep the choice for this session only.
  }
}
