// Public API of the checks engine: pure functions over text (Node and browser; no I/O).

import type { Bilingual, FindingKind } from './types';
import { RECOGNISERS } from './scan';

export type * from './types';
export { normalise, type Normalised } from './normalise';
export { scanText, scanParts, claimsIn, analyse, conflictingDates } from './scan';
export { suggestLevel, setAsideTopics, topicNames, LEVEL_LABELS, PERSONAL_DATA_THRESHOLD, TOPIC_THRESHOLD } from './level';
export { parseVietnameseNumber, numberConvention } from './recognisers/figures';
export { validCccd, validTaxCode } from './recognisers/personal-data';
export { isoDate } from './context';

export interface RecogniserInfo {
  id: string;
  kind: FindingKind;
  subtypes: readonly string[];
  description: Bilingual;
}

/** The registry, in the order the recognisers run. */
export const recognisers: readonly RecogniserInfo[] = RECOGNISERS.map(({ id, kind, subtypes, description }) => ({ id, kind, subtypes, description }));

/** Stable diagnostic codes and their severities. */
export const DIAGNOSTIC_CODES = {
  'type-code-mismatch': 'error',
  'year-mismatch': 'error',
  'term-mismatch': 'error',
  'invalid-date': 'error',
  'conflicting-dates': 'error',
  'issuer-mismatch': 'warning',
  'malformed-symbol': 'warning',
  'code-missing-diacritic': 'warning',
  'invalid-point-letter': 'warning',
  'mixed-number-format': 'warning',
  'provincial-normative-qd': 'info',
  'cv-not-state-code': 'info',
  'date-padding': 'info',
} as const;
