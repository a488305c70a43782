// Hand-built findings for policy tests (policy tests never call the checks engine).
import type { MarkFinding, PersonalDataFinding, TopicFinding } from '../../src/checks/types';

const base = { start: 0, end: 1, confidence: 0.9, recogniser: 'test', explanation: { vi: 'thử', en: 'test' } };

export const personal = (subtype: string, text: string, sensitivity: 'basic' | 'sensitive' = 'basic'): PersonalDataFinding => ({
  ...base,
  kind: 'personal-data',
  subtype,
  text,
  value: text,
  sensitivity,
});

export const topic = (subtype: string, text: string, personalData = false): TopicFinding => ({
  ...base,
  kind: 'topic',
  subtype,
  text,
  value: text,
  personalData,
});

export const mark = (markType: MarkFinding['markType'], text: string, stamp = true): MarkFinding => ({
  ...base,
  kind: 'mark',
  subtype: markType,
  markType,
  text,
  value: text,
  stamp,
  ...(markType === 'secrecy' ? { secrecyLevel: 'mat' as const } : {}),
});
