// Verifying and rejecting claims: a named person, the time, and the source (or the reason).
import type { DocumentHost } from '../host/port';
import { claimRejectedData, claimVerifiedData, type ClaimState, type PassageState, type RecordState } from '../provenance';
import { RecordSession, WorkflowError, asOneBatch, profileOf, type WorkflowContext } from './document';
import { resolveEvidence, type EvidenceInput } from './evidence';
import { shortId } from './looks';
import { reconcile } from './passages';
import { bilingual } from '../i18n';

/** A claim's id as people quote it: the passage's short id and the claim's id ("3f2a9c1b.c2"). */
export function qualifiedClaimId(passageId: string, claimId: string): string {
  return `${shortId(passageId)}.${claimId}`;
}

export interface ClaimRef {
  passage: PassageState;
  claim: ClaimState;
}

/** Finds a claim by "3f2a9c1b.c2" (or a full passage id), or by "c2" alone when only one passage has it. */
export function findClaim(state: RecordState, reference: string): ClaimRef {
  const [passagePart, claimPart] = reference.includes('.') ? [reference.slice(0, reference.lastIndexOf('.')), reference.slice(reference.lastIndexOf('.') + 1)] : [undefined, reference];
  const matches: ClaimRef[] = [];
  for (const passage of state.passages) {
    if (passage.removed) continue;
    if (passagePart !== undefined && !passage.passageId.startsWith(passagePart)) continue;
    for (const claim of passage.claims) if (claim.claimId === claimPart) matches.push({ passage, claim });
  }
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    throw new WorkflowError('unknown-claim', bilingual('workflow.claims.findClaim', { reference }));
  }
  throw new WorkflowError('ambiguous-claim', bilingual('workflow.claims.findClaim2', { reference, length: matches.length, value: qualifiedClaimId(matches[0]!.passage.passageId, claimPart) }));
}

export interface VerifyClaimInput {
  claim: string;
  /** issue 10 — evidence: what the verification rests on (see evidence.ts). A source name alone is not evidence. */
  evidence?: EvidenceInput;
  /** The verifier's note (required for a contradicted claim under the strict profile). */
  note?: string;
}

export const verifyClaim = asOneBatch(async function verifyClaim(host: DocumentHost, context: WorkflowContext, input: VerifyClaimInput): Promise<RecordState> {
  const session = await RecordSession.open(host, context);
  await reconcile(session);
  const { passage, claim } = findClaim(session.state, input.claim);
  const profile = profileOf(context, session.state);
  // issue 10 — four eyes: under a blocking profile the drafter of a passage does not verify its claims.
  const rule = profile.signOff.verifierMustDifferFromAuthor;
  if (rule?.action === 'block' && context.actor === passage.createdBy) {
    const articles = { vi: rule.articles.map((a) => a.vi).join('; '), en: rule.articles.map((a) => a.en).join('; ') };
    throw new WorkflowError('self-verification', bilingual('workflow.claims.selfVerification', { actor: context.actor, articles }));
  }
  const resolved = await resolveEvidence(passage, claim, input.evidence, input.note, profile);
  await session.append('claim-verified', await claimVerifiedData(passage.passageId, claim, resolved.source, resolved));
  return session.commit();
});

export interface RejectClaimInput {
  claim: string;
  reason: string;
}

export const rejectClaim = asOneBatch(async function rejectClaim(host: DocumentHost, context: WorkflowContext, input: RejectClaimInput): Promise<RecordState> {
  const reason = input.reason.trim();
  if (!reason) {
    throw new WorkflowError('reason-required', bilingual('workflow.claims.rejectClaim'));
  }
  const session = await RecordSession.open(host, context);
  await reconcile(session);
  const { passage, claim } = findClaim(session.state, input.claim);
  await session.append('claim-rejected', await claimRejectedData(passage.passageId, claim, reason));
  return session.commit();
});
