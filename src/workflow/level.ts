// The document's sensitivity level: detected in every part, declared by a person, the stricter applies.
import { scanParts } from '../checks';
import type { LevelSuggestion, SensitivityLevel } from '../checks/types';
import { segmentLabel, type DocumentHost } from '../host/port';
import { possibleSecretsIn, secrecyStampsIn, type PossibleSecret } from '../policy';

export const LEVEL_PROPERTY = 'AIProvenanceLevel';

export interface DocumentLevel {
  /** From stamps, marks, personal data and topics in every part of the document. */
  detected: LevelSuggestion;
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

export async function documentLevel(host: DocumentHost, declaredInRecord?: SensitivityLevel): Promise<DocumentLevel> {
  const segments = await host.readAllText();
  const scanned = scanParts(segments.map((segment) => ({ part: segmentLabel(segment), text: segment.text })), { levelOnly: true });
  const detected = scanned.level;
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
    effective: Math.max(detected.level, declared) as SensitivityLevel,
  };
}
