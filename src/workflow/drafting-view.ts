/**
 * Issue 13 — no rule in the UI: what the pane's drafting steps show about the level and the
 * platform, decided here from the document's level (documentLevel), the level the person declares in
 * step 3 (not yet recorded) and the profile. The pane renders these values; it compares no levels.
 */
import type { SensitivityLevel } from '../checks/types';
import { providersFor, type Profile, type TierPermission } from '../policy';
import { possibleSecretUnanswered, type DocumentLevel } from './level';

export interface DraftingLevel {
  /** Detected in every part of the document (1 before the first read). */
  detected: SensitivityLevel;
  /** The stricter of the level declared now (step 3) and the one the document records; none if neither. */
  declared?: SensitivityLevel;
  /** What the gate applies: the stricter of everything. */
  effective: SensitivityLevel;
  /** Per provider tier, whether this level may go there under the profile (with the articles). */
  permissions: TierPermission[];
  /**
   * Whether "the document is published" may be offered: only where it would lower the level — an open
   * topic suggestion, with no evidence of level 2 or more and no declared level of 2 or more (those are never set aside),
   * and no possible secrecy stamp left unanswered (declareLevel refuses "published" for it: the level is declared instead).
   */
  canConfirmPublished: boolean;
  /** The detected level is higher than the evidence alone gives: it comes from a topic suggestion (shown as such). */
  raisedByTopics: boolean;
}

const stricter = (...levels: (SensitivityLevel | null | undefined)[]): SensitivityLevel => Math.max(1, ...levels.map((l) => l ?? 1)) as SensitivityLevel;

export function draftingLevel(level: DocumentLevel | undefined, declaredNow: SensitivityLevel | null | undefined, profile: Profile): DraftingLevel {
  const detected = level?.detected.level ?? 1;
  const declared = declaredNow || level?.declared ? stricter(declaredNow, level?.declared) : undefined;
  const effective = stricter(detected, declared, level?.effective);
  return {
    detected,
    ...(declared ? { declared } : {}),
    effective,
    permissions: providersFor(effective, profile),
    canConfirmPublished:
      !!level?.detected.topicSuggestion && level.detected.fromEvidence < 2 && (level.declared ?? 1) < 2 && !possibleSecretUnanswered(level),
    raisedByTopics: !!level?.detected.topicSuggestion && level.detected.level > level.detected.fromEvidence,
  };
}

/** Whether a provider of `tier` may be used at this level under the profile. */
export function providerAllowed(view: Pick<DraftingLevel, 'permissions'>, tier: string | undefined): boolean {
  return tier !== undefined && !!view.permissions.find((p) => p.tier === tier)?.allowed;
}
