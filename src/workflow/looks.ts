// How a passage looks in the document: its content control's title and colour follow its state
// (DESIGN.md "Marks in the document"), in the user's language, with a short id people can quote.
import { PASSAGE_TITLE_PREFIX } from '../host/port';
import { shortId, type PassageState, type RecordState } from '../provenance';

export type PassageCondition = 'unverified' | 'verified' | 'needs-review';

const WORDS: Record<'vi' | 'en', Record<PassageCondition, string>> = {
  vi: { unverified: 'chưa kiểm chứng', verified: 'đã kiểm chứng', 'needs-review': 'cần xem lại' },
  en: { unverified: 'unverified', verified: 'verified', 'needs-review': 'needs review' },
};

export const CONDITION_COLORS: Record<PassageCondition, string> = {
  unverified: '#E8A400', // amber
  verified: '#2E7D32', // green
  'needs-review': '#C62828', // red
};

export { shortId } from '../provenance';

/**
 * Red when a claim was found wrong or its verification lapsed; green when every claim is verified
 * (a passage with no claim turns green once a person has edited it); amber otherwise.
 */
export function passageCondition(passage: PassageState): PassageCondition {
  if (passage.claims.some((c) => c.status === 'rejected' || c.status === 'lapsed')) return 'needs-review';
  if (passage.claims.length === 0) return passage.verbatim ? 'unverified' : 'verified';
  if (passage.claims.every((c) => c.status === 'verified')) return 'verified';
  return 'unverified';
}

export function passageTitle(passage: PassageState, lang: 'vi' | 'en'): string {
  return `${PASSAGE_TITLE_PREFIX}${WORDS[lang][passageCondition(passage)]} · ${shortId(passage.passageId)}`;
}

export interface PassageLook {
  passageId: string;
  title: string;
  color: string;
}

export function passageLooks(state: RecordState, lang: 'vi' | 'en'): PassageLook[] {
  return state.passages
    .filter((p) => !p.removed)
    .map((p) => ({ passageId: p.passageId, title: passageTitle(p, lang), color: CONDITION_COLORS[passageCondition(p)] }));
}
