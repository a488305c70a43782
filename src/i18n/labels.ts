/**
 * Codes that reach people (finding subtypes, rule profile ids) in words, from the catalogs: the CLI's
 * text output, the HTML report and the pane all name them the same way. An unknown code (a custom
 * profile, a kind added later) is shown as it is rather than hidden.
 */
import { catalogs, translate, type Language, type MessageKey } from './index';

const has = (key: string): key is MessageKey => Object.hasOwn(catalogs.vi, key);

/** "văn bản hành chính" for `state-administrative`, "số căn cước công dân" for `cccd`. */
export function findingSubtypeLabel(language: Language, subtype: string): string {
  const personal = `personalKind.${subtype}`;
  if (has(personal)) return translate(language, personal as 'personalKind.name');
  const other = `findingSubtype.${subtype}`;
  return has(other) ? translate(language, other as 'findingSubtype.date') : subtype;
}

/** "Nghiêm ngặt (strict)"; a custom profile by its own name when given, else its id. */
export function profileLabel(language: Language, id: string, name?: { vi: string; en: string }): string {
  const key = `profile.${id}`;
  const words = has(key) ? translate(language, key as 'profile.strict') : name?.[language];
  return words ? translate(language, 'profile.label', { name: words, id }) : id;
}
