// Builders for event data that carries derived fields (hashes, fingerprint, edit ratio, claim ids),
// so callers (workflow, CLI, tests) compute them one way only.
import { assignClaimIds, type ClaimDraft } from './claims';
import { computeEditRatio } from './edit';
import { passageFingerprint } from './fingerprint';
import type { ClaimState, PassageState } from './fold';
import { sha256Hex } from './hash';
import type { Claim, EventData } from './schema';

export type GeneratedPassageInput = Omit<EventData<'passage-generated'>, 'originalHash' | 'fingerprint' | 'claims'> & {
  /** Claims found in originalText (ids are assigned here: c1, c2 …). */
  claims: readonly ClaimDraft[];
};

export async function generatedPassageData(input: GeneratedPassageInput): Promise<EventData<'passage-generated'>> {
  return {
    ...input,
    originalHash: await sha256Hex(input.originalText),
    fingerprint: passageFingerprint(input.originalText),
    claims: assignClaimIds(input.claims),
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
): Promise<EventData<'claim-verified'>> {
  return { passageId, claimId: claim.claimId, claimText: claim.text, claimTextHash: await sha256Hex(claim.text), source };
}

export async function claimRejectedData(
  passageId: string,
  claim: Pick<Claim | ClaimState, 'claimId' | 'text'>,
  reason: string,
): Promise<EventData<'claim-rejected'>> {
  return { passageId, claimId: claim.claimId, claimText: claim.text, claimTextHash: await sha256Hex(claim.text), reason };
}
