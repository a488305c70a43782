// Sensitivity level suggested from the findings (QC-PB Điều 8): 4 a secrecy stamp; 3 personal data;
// 2 circulation marks or a draft; else 1. Issue 9: a restricted topic (budget, bidding, personnel…)
// is a guess, not evidence — it is kept apart as a suggestion of level 2 that applies (fail closed)
// until a person sets it aside. The user's declared level and the document property are combined
// with this by policy code: the stricter wins.

import type { Bilingual, Finding, LevelEvidence, LevelSuggestion, SensitivityLevel, TopicLevelSuggestion } from './types';
import { bilingual } from '../i18n';

export const LEVEL_LABELS: Record<SensitivityLevel, Bilingual> = {
  1: bilingual('checks.level.LEVEL_LABELS.1'),
  2: bilingual('checks.level.LEVEL_LABELS.2'),
  3: bilingual('checks.level.LEVEL_LABELS.3'),
  4: bilingual('checks.level.LEVEL_LABELS.4'),
};

/** Findings below these confidences are reported but do not raise the level. */
export const PERSONAL_DATA_THRESHOLD = 0.7;
export const TOPIC_THRESHOLD = 0.6;
const MAX_EVIDENCE_PER_LEVEL = 10;

function evidenceOf(f: Finding & { part?: string }): { level: SensitivityLevel; reason: Bilingual } | undefined {
  switch (f.kind) {
    case 'mark':
      if (!f.stamp) return undefined;
      if (f.markType === 'secrecy') {
        return {
          level: 4,
          reason: bilingual('checks.level.evidenceOf.mark.reason', { value: f.value }),
        };
      }
      if (f.markType === 'circulation') {
        return {
          level: 2,
          reason: bilingual('checks.level.evidenceOf.mark.reason2', { value: f.value }),
        };
      }
      if (f.markType === 'declassified') {
        return {
          level: 2,
          reason: bilingual('checks.level.evidenceOf.mark.reason3'),
        };
      }
      return undefined; // urgency changes nothing
    case 'personal-data':
      if (f.confidence < PERSONAL_DATA_THRESHOLD) return undefined;
      return { level: 3, reason: bilingual('checks.level.evidenceOf.personal-data.reason', { explanation: f.explanation }) };
    case 'topic':
      if (f.confidence < TOPIC_THRESHOLD) return undefined;
      if (f.personalData) return { level: 3, reason: f.explanation };
      return { level: 2, reason: f.explanation };
    case 'citation':
      if (f.citation.draft && !f.citation.inForm) {
        return {
          level: 2,
          reason: bilingual('checks.level.evidenceOf.citation.reason'),
        };
      }
      return undefined;
    default:
      return undefined;
  }
}

/** How far (UTF-16 units, same part) a personal-data topic may be from the person it is about. */
export const TOPIC_PERSON_WINDOW = 400;

/**
 * Personal-data topics ("lý lịch tư pháp", "sinh trắc học", "tình trạng hôn nhân") raise the level
 * only when they are about an identified person (issue 9): a published law that merely mentions them
 * is not personal data. The person is an identifying finding (a name, an identity number, a phone…)
 * above the threshold, in the same part, within TOPIC_PERSON_WINDOW.
 */
function aboutIdentifiedPerson(topic: Finding & { part?: string }, identifying: ReadonlyArray<Finding & { part?: string }>): boolean {
  return identifying.some(
    (p) => p.part === topic.part && p.start < topic.end + TOPIC_PERSON_WINDOW && p.end > topic.start - TOPIC_PERSON_WINDOW,
  );
}

/** Topic subtypes that are facts about the document, not guesses: a "DỰ THẢO" label, a password in the text. */
const EVIDENCE_TOPICS: ReadonlySet<string> = new Set(['draft', 'credential']);

/** True for a restricted-topic finding whose level 2 is only a suggestion (issue 9). */
function isTopicGuess(f: Finding): f is Extract<Finding, { kind: 'topic' }> {
  return f.kind === 'topic' && !f.personalData && !EVIDENCE_TOPICS.has(f.subtype);
}

const TOPIC_NAMES: Record<string, Bilingual> = {
  budget: bilingual('checks.level.TOPIC_NAMES.budget'),
  bidding: bilingual('checks.level.TOPIC_NAMES.bidding'),
  planning: bilingual('checks.level.TOPIC_NAMES.planning'),
  sanction: bilingual('checks.level.TOPIC_NAMES.sanction'),
  inspection: bilingual('checks.level.TOPIC_NAMES.inspection'),
  'personnel-file': bilingual('checks.level.TOPIC_NAMES.personnel-file'),
  'personnel-decision': bilingual('checks.level.TOPIC_NAMES.personnel-decision'),
};

/** "ngân sách, đấu thầu" / "budget, bidding" for the topics' subtypes. */
export function topicNames(topics: readonly string[]): Bilingual {
  const names = topics.map((t) => TOPIC_NAMES[t] ?? { vi: t, en: t });
  return { vi: names.map((n) => n.vi).join(', '), en: names.map((n) => n.en).join(', ') };
}

function topicReason(topics: readonly string[]): Bilingual {
  const names = topicNames(topics);
  return bilingual('checks.level.topicReason', { names });
}

const evidenceEntry = (f: Finding & { part?: string }, level: SensitivityLevel, reason: Bilingual): LevelEvidence => ({
  level,
  reason,
  text: f.text,
  start: f.start,
  end: f.end,
  ...(f.part !== undefined ? { part: f.part } : {}),
});

/** The strictest level the findings justify, with the reasons (capped per level, strictest first). */
export function suggestLevel(findings: ReadonlyArray<Finding & { part?: string }>): LevelSuggestion {
  let fromEvidence: SensitivityLevel = 1;
  const byLevel: Record<number, LevelEvidence[]> = { 2: [], 3: [], 4: [] };
  let omitted = 0;
  const topics: string[] = [];
  const topicEvidence: LevelEvidence[] = [];
  const identifying = findings.filter((f) => f.kind === 'personal-data' && f.confidence >= PERSONAL_DATA_THRESHOLD);
  for (const f of findings) {
    if (f.kind === 'topic' && f.personalData && !f.aboutPerson && !aboutIdentifiedPerson(f, identifying)) continue;
    const e = evidenceOf(f);
    if (!e) continue;
    if (isTopicGuess(f)) {
      if (!topics.includes(f.subtype)) topics.push(f.subtype);
      if (topicEvidence.length < MAX_EVIDENCE_PER_LEVEL) topicEvidence.push({ ...evidenceEntry(f, e.level, e.reason), topic: f.subtype });
      continue;
    }
    if (e.level > fromEvidence) fromEvidence = e.level;
    const list = byLevel[e.level] as LevelEvidence[];
    if (list.length >= MAX_EVIDENCE_PER_LEVEL) {
      omitted++;
      continue;
    }
    list.push(evidenceEntry(f, e.level, e.reason));
  }
  const evidence = [...(byLevel[4] as LevelEvidence[]), ...(byLevel[3] as LevelEvidence[]), ...(byLevel[2] as LevelEvidence[])];
  const topicSuggestion: TopicLevelSuggestion | undefined = topics.length ? { level: 2, topics, reason: topicReason(topics), evidence: topicEvidence } : undefined;
  const level = Math.max(fromEvidence, topicSuggestion?.level ?? 1) as SensitivityLevel;
  return { level, label: LEVEL_LABELS[level], fromEvidence, evidence, ...(omitted ? { evidenceOmitted: omitted } : {}), ...(topicSuggestion ? { topicSuggestion } : {}) };
}

/**
 * The suggestion once a person has set topics aside (confirmed the document is published / not
 * about unpublished content): those topics no longer raise the level; topics found that were not
 * set aside still do. Evidence is never set aside.
 */
export function setAsideTopics(suggestion: LevelSuggestion, setAside: readonly string[]): LevelSuggestion {
  const open = suggestion.topicSuggestion;
  if (!open || setAside.length === 0) return suggestion;
  const covered = open.topics.filter((t) => setAside.includes(t));
  if (covered.length === 0) return suggestion;
  const remaining = open.topics.filter((t) => !setAside.includes(t));
  const { topicSuggestion: _open, ...rest } = suggestion;
  const topicSuggestion: TopicLevelSuggestion | undefined = remaining.length
    ? {
        level: 2,
        topics: remaining,
        reason: topicReason(remaining),
        evidence: open.evidence.filter((e) => e.topic !== undefined && remaining.includes(e.topic)),
      }
    : undefined;
  const level = Math.max(suggestion.fromEvidence, topicSuggestion?.level ?? 1) as SensitivityLevel;
  return { ...rest, level, label: LEVEL_LABELS[level], topicsSetAside: covered, ...(topicSuggestion ? { topicSuggestion } : {}) };
}
