// Claims are the figures and citations the checks engine finds in a passage's text. Their ids are
// short and local to the passage ("c1", "c2" …); when a passage is edited and its claims are
// extracted again, a claim whose kind and text are unchanged keeps its id (and so its
// verification), any other claim gets a fresh id never used before in that passage.
import type { Finding } from '../checks/types';
import type { Claim } from './schema';

export type ClaimDraft = Omit<Claim, 'claimId'>;

/** The claims of a text from the checks engine's findings over that same text (figures, citations). */
export function claimsFromFindings(findings: readonly Finding[]): ClaimDraft[] {
  return findings
    .filter((f): f is Extract<Finding, { kind: 'figure' | 'citation' }> => f.kind === 'figure' || f.kind === 'citation')
    .map((f) => ({ kind: f.kind, subtype: f.subtype, text: f.text, value: f.value, start: f.start, end: f.end }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Gives ids to freshly extracted claims. `previous` are the passage's current claims (their ids are
 * kept for unchanged text, each at most once, in text order); `usedIds` lists every id the passage
 * ever had (retired claims included) so a new claim never takes an old claim's id.
 */
export function assignClaimIds(
  drafts: readonly ClaimDraft[],
  previous: readonly Pick<Claim, 'claimId' | 'kind' | 'text'>[] = [],
  usedIds: Iterable<string> = [],
): Claim[] {
  const available = [...previous];
  let next = 1;
  for (const id of [...previous.map((c) => c.claimId), ...usedIds]) {
    const match = /^c(\d+)$/.exec(id);
    if (match) next = Math.max(next, Number(match[1]) + 1);
  }
  return drafts.map((draft) => {
    const index = available.findIndex((c) => c.kind === draft.kind && c.text === draft.text);
    if (index >= 0) {
      const [kept] = available.splice(index, 1);
      return { claimId: kept!.claimId, ...draft };
    }
    return { claimId: `c${next++}`, ...draft };
  });
}
