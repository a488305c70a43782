// Sensitivity level suggested from the findings (QC-PB Điều 8): 4 a secrecy stamp; 3 personal data;
// 2 circulation marks, restricted topics or a draft; else 1. The user's declared level and the
// document property are combined with this by policy code: the stricter wins.

import type { Bilingual, Finding, LevelEvidence, LevelSuggestion, SensitivityLevel } from './types';

export const LEVEL_LABELS: Record<SensitivityLevel, Bilingual> = {
  1: { vi: 'Công khai', en: 'Public' },
  2: { vi: 'Nội bộ', en: 'Internal' },
  3: { vi: 'Dữ liệu cá nhân', en: 'Personal data' },
  4: { vi: 'Bí mật nhà nước', en: 'State secret' },
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
          reason: {
            vi: `Có dấu độ mật «${f.value}»: tài liệu bí mật nhà nước, không dùng AI (QC-PB Điều 7.1, Điều 8).`,
            en: `Secrecy stamp "${f.value}": a state-secret document, no AI may be used (QC-PB Art. 7.1, Art. 8).`,
          },
        };
      }
      if (f.markType === 'circulation') {
        return {
          level: 2,
          reason: { vi: `Có chỉ dẫn phạm vi lưu hành «${f.value}»: tài liệu nội bộ (QC-PB Điều 8).`, en: `Circulation note "${f.value}": an internal document (QC-PB Art. 8).` },
        };
      }
      if (f.markType === 'declassified') {
        return {
          level: 2,
          reason: { vi: 'Có dấu «Giải mật»: tài liệu đã giải mật nhưng chưa chắc đã được công bố; coi là nội bộ.', en: 'Declassification stamp: declassified but not necessarily published; treated as internal.' },
        };
      }
      return undefined; // urgency changes nothing
    case 'personal-data':
      if (f.confidence < PERSONAL_DATA_THRESHOLD) return undefined;
      return { level: 3, reason: { vi: `Có dữ liệu cá nhân: ${f.explanation.vi}`, en: `Personal data: ${f.explanation.en}` } };
    case 'topic':
      if (f.confidence < TOPIC_THRESHOLD) return undefined;
      if (f.personalData) return { level: 3, reason: f.explanation };
      return { level: 2, reason: f.explanation };
    case 'citation':
      if (f.citation.draft) {
        return {
          level: 2,
          reason: { vi: 'Số văn bản để trống: văn bản đang là dự thảo (QC-PB Điều 7.10).', en: 'Blank document number: the document is a draft (QC-PB Art. 7.10).' },
        };
      }
      return undefined;
    default:
      return undefined;
  }
}

/** The strictest level the findings justify, with the reasons (capped per level, strictest first). */
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

export function suggestLevel(findings: ReadonlyArray<Finding & { part?: string }>): LevelSuggestion {
  let level: SensitivityLevel = 1;
  const byLevel: Record<number, LevelEvidence[]> = { 2: [], 3: [], 4: [] };
  let omitted = 0;
  const identifying = findings.filter((f) => f.kind === 'personal-data' && f.confidence >= PERSONAL_DATA_THRESHOLD);
  for (const f of findings) {
    if (f.kind === 'topic' && f.personalData && !f.aboutPerson && !aboutIdentifiedPerson(f, identifying)) continue;
    const e = evidenceOf(f);
    if (!e) continue;
    if (e.level > level) level = e.level;
    const list = byLevel[e.level] as LevelEvidence[];
    if (list.length >= MAX_EVIDENCE_PER_LEVEL) {
      omitted++;
      continue;
    }
    list.push({ level: e.level, reason: e.reason, text: f.text, start: f.start, end: f.end, ...(f.part !== undefined ? { part: f.part } : {}) });
  }
  const evidence = [...(byLevel[4] as LevelEvidence[]), ...(byLevel[3] as LevelEvidence[]), ...(byLevel[2] as LevelEvidence[])];
  return { level, label: LEVEL_LABELS[level], evidence, ...(omitted ? { evidenceOmitted: omitted } : {}) };
}
