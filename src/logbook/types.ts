// The logbook's data: one summary per .docx (plain JSON, so it can cross a worker thread and sit in
// the cache), and the totals and findings computed over all of them.
import type { Bilingual } from '../checks/types';
import type { SignatureStatus } from '../provenance';
import type { SignaturesSummaryKind } from '../workflow';

/**
 * What a verification rests on (src/workflow/evidence.ts records it): a registry entry, a source
 * document, the passage the grounding located in a source given at generation, a pasted excerpt, a
 * "checked elsewhere" confirmation (the weaker kind), or nothing recorded (records before 1.2).
 */
export const EVIDENCE_KINDS = ['registry', 'document', 'grounding', 'excerpt', 'manual', 'none'] as const;
export type EvidenceKindKey = (typeof EVIDENCE_KINDS)[number];
export type EvidenceCounts = Record<EvidenceKindKey, number>;

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
  /** Verified claims by the kind of evidence behind them. */
  evidence: EvidenceCounts;
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
  /** The signature of the sign-off event against the trust list (statusView's per-event state). */
  signature: SignatureStatus;
  /** statusView's words for that state (vi, en). */
  signatureLabel: Bilingual;
  /** The trust list's owner of the key, when the key is on it. */
  keyOwner: { name: string; unit: string; role?: string } | null;
  /** What the record counted when it was signed. */
  claimsAtSignOff: number;
  verifiedAtSignOff: number;
}

export interface DocumentSummary {
  path: string;
  /** The unit: from the trust list (the signer's key), else the folder of the file relative to the root ("." at the root). */
  unit: string;
  /** Where `unit` comes from: the trust-list entry of a key that signed the record, or the folder. */
  unitSource: 'trust-list' | 'folder';
  /** The folder of the file relative to the root it was found under ("." at the root). */
  folder: string;
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
  /** Verified claims of the live passages by kind of evidence. */
  evidence: EvidenceCounts;
  /** The latest sign-off was signed with a key on the trust list (null: no sign-off). */
  signedByTrustedKey: boolean | null;
  /**
   * The body text changed since the latest sign-off: statusView's signed-text check when the sign-off
   * bound the text (record 1.1+), else the record's own "content changed after it" (null: no sign-off).
   */
  textChangedSinceSignOff: boolean | null;
  /** Signed events (verifications, rejections, disclosure, sign-offs) by signature state. */
  signatures: Record<SignatureStatus, number>;
  /** The record's signatures at a glance (statusView), null without a readable record. */
  signaturesSummary: SignaturesSummaryKind | null;
  /** Fingerprints of body paragraphs outside any marked passage (for "AI text without a mark"). */
  unmarkedFingerprints: { paragraph: number; fingerprint: string }[];
}
