// The document's sensitivity level: detected in every part, declared by a person, the stricter applies.
// Issue 9: topic-suggested level 2 applies until a person sets it aside in the record (the document
// is published); evidence (stamps, marks, personal identifiers, a draft) can never be set aside.
import { scanParts, setAsideTopics } from '../checks';
import type { LevelSuggestion, SensitivityLevel } from '../checks/types';
import type { RecordState } from '../provenance';
import { segmentLabel, type DocumentHost } from '../host/port';
import { possibleSecretsIn, secrecyStampsIn, type PossibleSecret } from '../policy';

export const LEVEL_PROPERTY = 'AIProvenanceLevel';

/** What the record says about the level: the declared level and the topics set aside. */
export interface RecordedLevel {
  declared?: SensitivityLevel;
  setAside?: RecordState['setAside'];
}

/** The level facts of a folded record (none without a record). */
export function recordedLevel(state: Pick<RecordState, 'declaredLevel' | 'setAside'> | undefined): RecordedLevel {
  if (!state) return {};
  return { ...(state.declaredLevel ? { declared: state.declaredLevel.level } : {}), ...(state.setAside?.length ? { setAside: state.setAside } : {}) };
}

/** Every topic the record's confirmations set aside. */
export function topicsSetAsideIn(recorded: RecordedLevel | undefined): string[] {
  return [...new Set((recorded?.setAside ?? []).filter((s) => s.suggestion === 'topic').flatMap((s) => s.topics))];
}

export interface DocumentLevel {
  /**
   * From stamps, marks, personal data and topics in every part of the document, with the topics
   * the record set aside no longer counted (`detected.topicsSetAside`); an open `topicSuggestion`
   * still counts (fail closed).
   */
  detected: LevelSuggestion;
  /** The confirmations in the record that set topic suggestions aside (who, when, which topics). */
  setAside?: NonNullable<RecordState['setAside']>;
  /** Declared by a person (the record, or the custom property). */
  declared?: SensitivityLevel;
  /** The stricter of both. */
  effective: SensitivityLevel;
  /**
   * Text that may be a secrecy stamp (lower/mixed case alone on a line), with its place. While it is
   * not empty and nothing is declared, no request leaves (decide → `possibly-secret`).
   */
  possiblySecret: PossibleSecret[];
  /** Certain secrecy stamps, with their place. */
  secrecyStamps: PossibleSecret[];
}

export async function documentLevel(host: DocumentHost, recorded: RecordedLevel = {}): Promise<DocumentLevel> {
  const declaredInRecord = recorded.declared;
  const segments = await host.readAllText();
  const scanned = scanParts(segments.map((segment) => ({ part: segmentLabel(segment), text: segment.text })), { levelOnly: true });
  const detected = setAsideTopics(scanned.level, topicsSetAsideIn(recorded));
  const marks = scanned.findings.filter((f) => f.kind === 'mark');
  const property = Number((await host.readProperties())[LEVEL_PROPERTY]);
  const fromProperty = [1, 2, 3, 4].includes(property) ? (property as SensitivityLevel) : undefined;
  const declared = Math.max(declaredInRecord ?? 0, fromProperty ?? 0) as SensitivityLevel | 0;
  return {
    detected,
    // Only marks can be stamps: the other findings (hundreds per document) need no look.
    possiblySecret: marks.flatMap((f) => possibleSecretsIn([f], f.part)),
    secrecyStamps: marks.flatMap((f) => secrecyStampsIn([f], f.part)),
    ...(declared ? { declared } : {}),
    ...(recorded.setAside?.length ? { setAside: recorded.setAside } : {}),
    effective: Math.max(detected.level, declared) as SensitivityLevel,
  };
}

/**
 * A possible secrecy stamp no person has answered by declaring the level: nothing is sent to AI, and
 * confirming "published" is not an answer (declareLevel refuses it; the pane does not offer it).
 */
export function possibleSecretUnanswered(level: DocumentLevel): boolean {
  return level.possiblySecret.length > 0 && level.declared === undefined;
}
