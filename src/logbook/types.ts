// The logbook's data: one summary per .docx (plain JSON, so it can cross a worker thread and sit in
// the cache), and the totals and findings computed over all of them.
import type { Bilingual } from '../checks/types';

export type DocumentCondition = 'ok' | 'no-record' | 'altered' | 'newer-version' | 'unusable' | 'unreadable';

export interface PassageSummary {
  id: string;
  shortId: string;
  origin: 'generated' | 'declared';
  purpose: string;
  providerName: string | null;
  /** public · external-contracted · internal · licensed-secret; null for a declared passage. */
  providerTier: string | null;
  tool: string | null;
  model: string | null;
  createdAt: string;
  createdBy: string;
  /** The YYYY-MM of createdAt (the month the AI was used). */
  month: string;
  removed: boolean;
  verbatim: boolean;
  claims: { verified: number; rejected: number; lapsed: number; unverified: number };
  /** People who verified or rejected a claim of this passage. */
  verifiers: string[];
  /** Personal-data items found in the recorded prompt (what left the machine). */
  personalDataSent: number;
  /** Items replaced by placeholders before sending, by kind (counts only). */
  redactions: number;
  /** Fingerprints (passageFingerprint) of each paragraph of the current text with enough words. */
  fingerprints: string[];
}

export interface SignOffSummary {
  by: string;
  role: string | null;
  at: string;
  /** False once the content changed after it. */
  current: boolean;
  /** What the record counted when it was signed. */
  claimsAtSignOff: number;
  verifiedAtSignOff: number;
}

export interface DocumentSummary {
  path: string;
  /** The folder of the file relative to the root it was found under ("." at the root). */
  unit: string;
  size: number;
  condition: DocumentCondition;
  /** Why the file is listed apart (unreadable, altered, newer version…). */
  reason: Bilingual | null;
  title: string | null;
  level: number | null;
  passages: PassageSummary[];
  disclosure: { at: string; by: string } | null;
  signOffs: SignOffSummary[];
  /** Text changed since the record last saw it (passages edited, re-bound or removed). */
  pendingChanges: number;
  /**
   * Kinds of evidence behind verifications (registry, source document, manual) and whether a sign-off
   * was signed by a trusted key: the record does not carry them in this version, so they are null
   * ("unknown") until it does. Never guessed.
   */
  evidenceKinds: string[] | null;
  signedByTrustedKey: boolean | null;
  /** Fingerprints of body paragraphs outside any marked passage (for "AI text without a mark"). */
  unmarkedFingerprints: { paragraph: number; fingerprint: string }[];
}
