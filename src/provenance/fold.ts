// State = fold(events). Nothing here is stored: passages, claim statuses, disclosure and sign-offs
// are recomputed from the events every time, so they can never disagree with the log.
//
// Claim rules:
// - a claim starts `unverified`; claim-verified makes it `verified`, claim-rejected `rejected`
//   (the latest decision wins, so a rejected claim can be verified later and vice versa);
// - a verification is bound to the claim's text: when a passage-edited event changes the text of a
//   claim (same id, other text) or drops the claim, a verification lapses (`lapsed`) until someone
//   verifies the current text again. A verification recorded for a text other than the claim's
//   current text counts as lapsed from the start;
// - a rejection is about a text too: when that text changes, the new text is `unverified`.
// Sign-off rules: a sign-off is current while no later event changes the content (any event except
// another sign-off or a passage-rebound, which only re-attaches a lost tag).
import type { Bilingual } from '../checks/types';
import {
  isKnownEvent,
  type Claim,
  type ClaimGrounding,
  type Evidence,
  type EventOf,
  type ProviderInfo,
  type ProvenanceRecord,
  type Purpose,
  type SensitivityLevel,
  type SourceInfo,
} from './schema';
import { bilingual } from '../i18n';

export type ClaimStatus = 'unverified' | 'verified' | 'rejected' | 'lapsed';
export type LapseReason = 'text-changed' | 'claim-removed';

export interface ClaimState extends Claim {
  status: ClaimStatus;
  /** Seq of the event in which this claim id first appeared. */
  introducedSeq: number;
  verifiedBy?: string;
  verifiedAt?: string;
  verifiedSeq?: number;
  /** The source the verifier named (document, data set, page). */
  source?: string;
  /** The claim text the verification (or rejection) was made against. */
  decidedText?: string;
  rejectedBy?: string;
  rejectedAt?: string;
  rejectionReason?: string;
  lapsedAt?: string;
  lapseReason?: LapseReason;
  // issue 10 — evidence
  /** What the verification rests on (absent in records before 1.2: no evidence recorded). */
  evidence?: Evidence;
  /** The verifier's note (required for a contradicted claim under the strict profile). */
  verificationNote?: string;
  /** The grounding result: from the generation, or the one recorded with the latest verification. */
  grounding?: ClaimGrounding;
}

export interface PassageState {
  passageId: string;
  origin: 'generated' | 'declared';
  purpose: Purpose;
  provider?: ProviderInfo;
  tool?: string;
  model?: string;
  prompt?: string;
  sources: SourceInfo[];
  /** Items redacted before sending, by kind (counts only). */
  redactions: Record<string, number>;
  timings?: { startedAt: string; firstTokenMs?: number; totalMs: number };
  level: SensitivityLevel;
  originalText: string;
  originalHash: string;
  fingerprint: string;
  currentText: string;
  currentHash: string;
  /** 0 = as the AI wrote it, 1 = entirely rewritten (from the last passage-edited event). */
  editRatio: number;
  /** The current text is exactly the AI's text (KAI-CB 11.5 asks that it is not copied verbatim). */
  verbatim: boolean;
  edits: number;
  lastEditedAt?: string;
  lastEditedBy?: string;
  rebinds: number;
  removed: boolean;
  removedAt?: string;
  removedBy?: string;
  createdAt: string;
  createdBy: string;
  createdSeq: number;
  /** Claims in the current text, in text order. */
  claims: ClaimState[];
  /** Claims that were in an earlier text of the passage and are gone now. */
  retiredClaims: ClaimState[];
}

export interface SignOffState {
  by: string;
  role?: string;
  at: string;
  seq: number;
  summary: { passages: number; claims: number; verified: number };
  /** False once a later event changed the content. */
  current: boolean;
}

export interface FoldProblem {
  seq: number;
  code:
    | 'unknown-passage'
    | 'duplicate-passage'
    | 'passage-removed'
    | 'unknown-claim'
    | 'verification-text-mismatch'
    | 'duplicate-record-created';
  message: Bilingual;
}

export interface RecordTotals {
  /** Passages not removed. */
  passages: number;
  removedPassages: number;
  /** Current claims of passages not removed. */
  claims: number;
  verified: number;
  rejected: number;
  lapsed: number;
  unverified: number;
  verbatimPassages: number;
}

export interface RecordState {
  documentId: string;
  /**
   * issue 17 — tamper: true when the record-created event names the documentId (records begun at 1.3
   * or later), so a changed documentId breaks the chain; false for older records, whose documentId no
   * hash covers (readable, not tampered — said plainly where the record is shown).
   */
  documentIdCovered: boolean;
  schemaVersion: string;
  profileId?: string;
  appVersion?: string;
  createdAt?: string;
  createdBy?: string;
  declaredLevel?: { level: SensitivityLevel; at: string; by: string };
  /**
   * issue 9 — level: every confirmation that the document is published, setting topic-suggested
   * levels aside (who, when, which topics), in order. Later declarations do not undo them.
   */
  setAside?: Array<{ suggestion: 'topic'; topics: string[]; at: string; by: string; seq: number }>;
  /** In the order they were created, removed ones included (flagged). */
  passages: PassageState[];
  disclosure?: { text: string; profile: string; at: string; by: string; seq: number };
  signOffs: SignOffState[];
  totals: RecordTotals;
  eventCount: number;
  lastEventAt?: string;
  headHash?: string;
  /** Events of a type this version does not know (from a newer minor version): kept, not applied. */
  unknownEvents: number;
  /** Events that could not be applied (they stay in the log and in the chain). */
  problems: FoldProblem[];
}

const NON_SUBSTANTIVE = new Set(['signed-off', 'passage-rebound']);

export function foldRecord(record: ProvenanceRecord): RecordState {
  const state: RecordState = {
    documentId: record.documentId,
    documentIdCovered: false,
    schemaVersion: record.schemaVersion,
    passages: [],
    signOffs: [],
    totals: emptyTotals(),
    eventCount: record.events.length,
    unknownEvents: 0,
    problems: [],
  };
  const byId = new Map<string, PassageState>();
  const problem = (seq: number, code: FoldProblem['code'], message: Bilingual) => state.problems.push({ seq, code, message });

  /** A passage that exists and is not removed, or undefined after recording why. */
  const livePassage = (seq: number, passageId: string): PassageState | undefined => {
    const passage = byId.get(passageId);
    if (!passage) {
      problem(seq, 'unknown-passage', bilingual('provenance.fold.livePassage.unknown-passage', { seq, passageId }));
      return undefined;
    }
    if (passage.removed) {
      problem(seq, 'passage-removed', bilingual('provenance.fold.livePassage.passage-removed', { seq, passageId }));
      return undefined;
    }
    return passage;
  };

  for (const event of record.events) {
    const { seq, at, actor } = event;
    state.lastEventAt = at;
    state.headHash = event.hash;
    if (!NON_SUBSTANTIVE.has(event.type)) for (const signOff of state.signOffs) signOff.current = false;
    if (!isKnownEvent(event)) {
      state.unknownEvents++;
      continue;
    }
    switch (event.type) {
      case 'record-created':
        if (state.profileId !== undefined) {
          problem(seq, 'duplicate-record-created', bilingual('provenance.fold.foldRecord.record-created.duplicate-record-created', { seq }));
          break;
        }
        state.profileId = event.data.profileId;
        state.documentIdCovered = event.data.documentId === record.documentId;
        state.appVersion = event.data.appVersion;
        state.createdAt = at;
        state.createdBy = actor;
        break;
      case 'level-declared':
        state.declaredLevel = { level: event.data.level, at, by: actor };
        if (event.data.setAside) (state.setAside ??= []).push({ ...event.data.setAside, at, by: actor, seq });
        break;
      case 'passage-generated': {
        const d = event.data;
        if (byId.has(d.passageId)) {
          problem(seq, 'duplicate-passage', bilingual('provenance.fold.foldRecord.passage-generated.duplicate-passage', { seq, passageId: d.passageId }));
          break;
        }
        const passage = newPassage(event);
        byId.set(d.passageId, passage);
        state.passages.push(passage);
        break;
      }
      case 'passage-edited': {
        const passage = livePassage(seq, event.data.passageId);
        if (passage) applyEdit(passage, event);
        break;
      }
      case 'passage-rebound': {
        const passage = livePassage(seq, event.data.passageId);
        if (passage) passage.rebinds++;
        break;
      }
      case 'passage-removed': {
        const passage = livePassage(seq, event.data.passageId);
        if (passage) {
          passage.removed = true;
          passage.removedAt = at;
          passage.removedBy = actor;
        }
        break;
      }
      case 'claim-verified':
      case 'claim-rejected': {
        const passage = livePassage(seq, event.data.passageId);
        if (!passage) break;
        const claim = passage.claims.find((c) => c.claimId === event.data.claimId);
        if (!claim) {
          problem(seq, 'unknown-claim', bilingual('provenance.fold.foldRecord.claim-rejected.unknown-claim', { seq, claimId: event.data.claimId }));
          break;
        }
        applyDecision(claim, event, problem);
        break;
      }
      case 'disclosure-inserted':
        state.disclosure = { text: event.data.text, profile: event.data.profile, at, by: actor, seq };
        break;
      case 'signed-off':
        state.signOffs.push({ by: actor, role: event.data.role, at, seq, summary: { ...event.data.summary }, current: true });
        break;
    }
  }
  state.totals = totalsOf(state.passages);
  return state;
}

function newPassage(event: EventOf<'passage-generated'>): PassageState {
  const d = event.data;
  return {
    passageId: d.passageId,
    origin: d.origin,
    purpose: d.purpose,
    provider: d.provider ? { ...d.provider } : undefined,
    tool: d.tool,
    model: d.model,
    prompt: d.prompt,
    sources: (d.sources ?? []).map((s) => ({ ...s })),
    redactions: { ...(d.redactions ?? {}) },
    timings: d.timings ? { ...d.timings } : undefined,
    level: d.level,
    originalText: d.originalText,
    originalHash: d.originalHash,
    fingerprint: d.fingerprint,
    currentText: d.originalText,
    currentHash: d.originalHash,
    editRatio: 0,
    verbatim: true,
    edits: 0,
    rebinds: 0,
    removed: false,
    createdAt: event.at,
    createdBy: event.actor,
    createdSeq: event.seq,
    claims: d.claims.map((c) => {
      const grounding = d.grounding?.find((g) => g.claimId === c.claimId);
      return { ...c, status: 'unverified', introducedSeq: event.seq, ...(grounding ? { grounding: { ...grounding } } : {}) };
    }),
    retiredClaims: [],
  };
}

function applyEdit(passage: PassageState, event: EventOf<'passage-edited'>): void {
  const previous = new Map(passage.claims.map((c) => [c.claimId, c]));
  const next: ClaimState[] = event.data.claims.map((claim) => {
    const before = previous.get(claim.claimId);
    if (!before) return { ...claim, status: 'unverified', introducedSeq: event.seq };
    previous.delete(claim.claimId);
    const carried: ClaimState = { ...before, ...claim };
    if (before.decidedText !== undefined && before.decidedText !== claim.text) {
      if (before.status === 'verified') {
        carried.status = 'lapsed';
        carried.lapsedAt = event.at;
        carried.lapseReason = 'text-changed';
      } else if (before.status === 'rejected') {
        clearDecision(carried);
        carried.status = 'unverified';
      }
    }
    return carried;
  });
  for (const gone of previous.values()) {
    if (gone.status === 'verified') {
      gone.status = 'lapsed';
      gone.lapsedAt = event.at;
      gone.lapseReason = 'claim-removed';
    }
    passage.retiredClaims.push(gone);
  }
  passage.claims = next;
  passage.currentText = event.data.text;
  passage.currentHash = event.data.textHash;
  passage.editRatio = event.data.editRatio;
  passage.verbatim = event.data.text === passage.originalText;
  passage.edits++;
  passage.lastEditedAt = event.at;
  passage.lastEditedBy = event.actor;
}

function clearDecision(claim: ClaimState): void {
  for (const key of ['verifiedBy', 'verifiedAt', 'verifiedSeq', 'source', 'decidedText', 'rejectedBy', 'rejectedAt', 'rejectionReason', 'lapsedAt', 'lapseReason', 'evidence', 'verificationNote'] as const) {
    delete claim[key];
  }
}

function applyDecision(
  claim: ClaimState,
  event: EventOf<'claim-verified'> | EventOf<'claim-rejected'>,
  problem: (seq: number, code: FoldProblem['code'], message: Bilingual) => void,
): void {
  clearDecision(claim);
  claim.decidedText = event.data.claimText;
  const matches = event.data.claimText === claim.text;
  if (event.type === 'claim-verified') {
    claim.verifiedBy = event.actor;
    claim.verifiedAt = event.at;
    claim.verifiedSeq = event.seq;
    claim.source = event.data.source;
    if (event.data.evidence) claim.evidence = event.data.evidence;
    if (event.data.note) claim.verificationNote = event.data.note;
    if (event.data.grounding) claim.grounding = event.data.grounding;
    claim.status = matches ? 'verified' : 'lapsed';
  } else {
    claim.rejectedBy = event.actor;
    claim.rejectedAt = event.at;
    claim.rejectionReason = event.data.reason;
    claim.status = matches ? 'rejected' : 'unverified';
  }
  if (!matches) {
    if (claim.status === 'lapsed') {
      claim.lapsedAt = event.at;
      claim.lapseReason = 'text-changed';
    }
    problem(event.seq, 'verification-text-mismatch', bilingual('provenance.fold.applyDecision.verification-text-mismatch', { seq: event.seq, claimText: event.data.claimText, claimId: claim.claimId, text: claim.text }));
  }
}

function emptyTotals(): RecordTotals {
  return { passages: 0, removedPassages: 0, claims: 0, verified: 0, rejected: 0, lapsed: 0, unverified: 0, verbatimPassages: 0 };
}

function totalsOf(passages: readonly PassageState[]): RecordTotals {
  const totals = emptyTotals();
  for (const passage of passages) {
    if (passage.removed) {
      totals.removedPassages++;
      continue;
    }
    totals.passages++;
    if (passage.verbatim) totals.verbatimPassages++;
    for (const claim of passage.claims) {
      totals.claims++;
      totals[claim.status]++;
    }
  }
  return totals;
}

export function findPassage(state: RecordState, passageId: string): PassageState | undefined {
  return state.passages.find((p) => p.passageId === passageId);
}

/** Sign-offs still valid for the current content. */
export function currentSignOffs(state: RecordState): SignOffState[] {
  return state.signOffs.filter((s) => s.current);
}
