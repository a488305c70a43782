// Builders for event data that carries derived fields (hashes, fingerprint, edit ratio, claim ids),
// so callers (workflow, CLI, tests) compute them one way only.
import { assignClaimIds, type ClaimDraft } from './claims';
import { computeEditRatio } from './edit';
import { passageFingerprint } from './fingerprint';
import type { ClaimState, PassageState } from './fold';
import { sha256Hex } from './hash';
import type { Claim, ClaimGrounding, EventData } from './schema';

/** issue 10 — evidence: a claim's grounding result before claim ids are given (by its offsets in the text). */
export type PositionedGrounding = Omit<ClaimGrounding, 'claimId'> & { start: number; end: number };

export type GeneratedPassageInput = Omit<EventData<'passage-generated'>, 'originalHash' | 'fingerprint' | 'claims' | 'grounding'> & {
  /** Claims found in originalText (ids are assigned here: c1, c2 …). */
  claims: readonly ClaimDraft[];
  /** issue 10 — evidence: each claim's grounding result, kept per claim id. */
  grounding?: readonly PositionedGrounding[];
};

export async function generatedPassageData(input: GeneratedPassageInput): Promise<EventData<'passage-generated'>> {
  const { grounding, ...rest } = input;
  const claims = assignClaimIds(input.claims);
  const kept = (grounding ?? []).length
    ? claims.flatMap((claim): ClaimGrounding[] => {
        const found = grounding!.find((g) => g.start === claim.start && g.end === claim.end);
        if (!found) return [];
        const { start: _s, end: _e, ...result } = found;
        return [{ claimId: claim.claimId, ...result }];
      })
    : [];
  return {
    ...rest,
    originalHash: await sha256Hex(input.originalText),
    fingerprint: passageFingerprint(input.originalText),
    claims,
    ...(kept.length ? { grounding: kept } : {}),
  };
}

/** The passage-edited data for a passage's new text and the claims found in it. */
export async function editedPassageData(
  passage: Pick<PassageState, 'passageId' | 'originalText' | 'claims' | 'retiredClaims'>,
  text: string,
  claims: readonly ClaimDraft[],
): Promise<EventData<'passage-edited'>> {
  return {
    passageId: passage.passageId,
    text,
    textHash: await sha256Hex(text),
    editRatio: computeEditRatio(passage.originalText, text),
    claims: assignClaimIds(claims, passage.claims, passage.retiredClaims.map((c) => c.claimId)),
  };
}

export async function claimVerifiedData(
  passageId: string,
  claim: Pick<Claim | ClaimState, 'claimId' | 'text'>,
  source: string,
  // issue 10 — evidence
  extra: Pick<EventData<'claim-verified'>, 'evidence' | 'note' | 'grounding'> = {},
): Promise<EventData<'claim-verified'>> {
  return {
    passageId,
    claimId: claim.claimId,
    claimText: claim.text,
    claimTextHash: await sha256Hex(claim.text),
    source,
    ...(extra.evidence ? { evidence: extra.evidence } : {}),
    ...(extra.note ? { note: extra.note } : {}),
    ...(extra.grounding ? { grounding: extra.grounding } : {}),
  };
}

export async function claimRejectedData(
  passageId: string,
  claim: Pick<Claim | ClaimState, 'claimId' | 'text'>,
  reason: string,
): Promise<EventData<'claim-rejected'>> {
  return { passageId, claimId: claim.claimId, claimText: claim.text, claimTextHash: await sha256Hex(claim.text), reason };
}
