/**
 * Why AI is closed for a level-4 (state-secret) document, in terms the person can act on: which
 * stamp and where it is (the body paragraph, or the part: a header, a text box), or that a person
 * declared the level; and the articles the profile cites. Null when the document is below level 4
 * or the profile opens level 4 to some provider (then the ordinary steps and gate apply).
 */
import type { Bilingual, SensitivityLevel } from '../checks/types';
import { ARTICLES, providersFor, type Profile } from '../policy';
import type { ParagraphText } from './insertion-point';
import type { DocumentLevel } from './level';

export interface SecretTrigger {
  /** The stamp as written ("TỐI MẬT"). */
  stamp: string;
  /** The body paragraph holding it (1-based), when it is in the body. */
  paragraph?: number;
  /** The part holding it when it is not in the body ("word/header1.xml"). */
  part?: string;
  /** What that part is to a person: a header, a footer, the file's properties, or another part. */
  partKind?: 'header' | 'footer' | 'properties' | 'other';
}

const partKind = (part: string): NonNullable<SecretTrigger['partKind']> =>
  /header/iu.test(part) ? 'header' : /footer/iu.test(part) ? 'footer' : /^docProps\//u.test(part) ? 'properties' : 'other';

export interface SecretNotice {
  triggers: SecretTrigger[];
  /** Level 4 was declared by a person (the record or the document property). */
  declared: boolean;
  articles: Bilingual;
}

/** Cited whatever the profile's level-4 rule names (as decide() does for a level-4 refusal). */
const SECRET_ARTICLES: Bilingual[] = [ARTICLES.qcpbSecret, ARTICLES.lawStateSecrets];
const joinArticles = (articles: readonly Bilingual[]): Bilingual => ({ vi: articles.map((a) => a.vi).join('; '), en: articles.map((a) => a.en).join('; ') });

const norm = (text: string): string => text.normalize('NFC').replace(/\s+/gu, ' ').trim();

export function secretNotice(level: DocumentLevel | undefined, paragraphs: readonly ParagraphText[], profile: Profile, declared?: SensitivityLevel): SecretNotice | null {
  const effective = Math.max(level?.effective ?? 1, declared ?? 1);
  if (effective < 4) return null;
  const permissions = providersFor(4, profile);
  if (permissions.some((p) => p.allowed)) return null;
  const seen = new Set<string>();
  const triggers: SecretTrigger[] = [];
  for (const s of level?.secrecyStamps ?? []) {
    const key = `${s.place}\u0000${norm(s.text)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (s.place === 'body') {
      const stamp = norm(s.text);
      const at = paragraphs.find((p) => norm(p.text).includes(stamp));
      triggers.push({ stamp: s.text, ...(at ? { paragraph: at.index } : {}) });
    } else {
      triggers.push({ stamp: s.text, part: s.place, partKind: partKind(s.place) });
    }
  }
  const rule = permissions[0]!;
  return {
    triggers: triggers.slice(0, 3),
    declared: (level?.declared ?? 0) >= 4 || (declared ?? 0) >= 4,
    articles: joinArticles([...rule.articles, ...SECRET_ARTICLES.filter((a) => !rule.articles.some((x) => x.vi === a.vi))]),
  };
}
