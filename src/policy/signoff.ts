// What stands between a document and its signature, per the profile (QC-PB 4.2; KAI-CB 6.3, 11.5).
import type { Bilingual } from '../checks/types';
import { ARTICLES } from './articles';
import type { Profile, SignOffItem } from './schema';
import { bilingual } from '../i18n';

export interface SignOffState {
  unverifiedClaims: number;
  rejectedClaims: number;
  verbatimPassages: number;
  /** False when the provenance record's hash chain is broken or the record is unreadable. */
  recordIntact: boolean;
  /** Issue 11: a sign-off not made with a trusted key (recorded), or a person about to sign without one. */
  untrustedSigner?: UntrustedSigner;
  /** Level 4 (TỐI MẬT and above) with AI passages in it: never signable, whatever the profile. */
  secretWithAi?: boolean;
  // issue 10 — evidence
  /** Verified claims resting only on "checked elsewhere" (manual) or on no recorded evidence. */
  weakEvidenceClaims?: number;
  /** Verified claims whose verifier drafted the passage, with those names. */
  selfVerified?: { claims: number; people: string[] };
  /** The person about to sign verified claims of the document (their name), when the signer is known. */
  signerVerified?: string;
}

// issue 11 — signatures
/** Why a sign-off is not by a trusted key (the signature states of provenance/trust.ts, 'no-key' = unsigned). */
export type UntrustedSignerReason = 'no-key' | 'unknown-key' | 'not-valid-then' | 'invalid' | 'name-mismatch';

export interface UntrustedSigner {
  /**
   * 'recorded': the document's current sign-off, judged for everyone (check, inspect, the pane, the
   * report). 'about-to-sign': the person's own key before they sign — only ever a warning, because
   * the sign-off is still recorded (an unknown key counts as soon as the administrator lists it).
   */
  phase: 'recorded' | 'about-to-sign';
  /** Who signed off (recorded) or is about to. */
  by: string;
  why: UntrustedSignerReason;
}

/** A profile item, or a rule of law no profile can lower. */
export type SignOffIssueItem = SignOffItem | 'secretWithAi';

export interface SignOffIssue {
  item: SignOffIssueItem;
  action: 'warn' | 'block';
  articles: Bilingual[];
  message: Bilingual;
}

export interface SignOffCheck {
  canSign: boolean;
  blockers: SignOffIssue[];
  warnings: SignOffIssue[];
}

function messageFor(item: SignOffItem, state: SignOffState): Bilingual {
  switch (item) {
    case 'unverifiedClaims':
      return bilingual('policy.signoff.messageFor.unverifiedClaims', { unverifiedClaims: state.unverifiedClaims });
    case 'rejectedClaims':
      return bilingual('policy.signoff.messageFor.rejectedClaims', { rejectedClaims: state.rejectedClaims });
    case 'verbatimPassages':
      return bilingual('policy.signoff.messageFor.verbatimPassages', { verbatimPassages: state.verbatimPassages });
    case 'untrustedSigner':
      return untrustedSignerMessage(state.untrustedSigner ?? { phase: 'about-to-sign', by: '', why: 'no-key' });
    case 'brokenRecord':
      return bilingual('policy.signoff.messageFor.brokenRecord');
    // issue 10 — evidence
    case 'weakEvidence':
      return bilingual('policy.signoff.messageFor.weakEvidence', { value: state.weakEvidenceClaims ?? 0 });
    case 'verifierMustDifferFromAuthor': {
      const who = (state.selfVerified?.people ?? []).join(', ');
      return bilingual('policy.signoff.messageFor.verifierMustDifferFromAuthor', { value: state.selfVerified?.claims ?? 0, who });
    }
    case 'signerMustDifferFromVerifier':
      return bilingual('policy.signoff.messageFor.signerMustDifferFromVerifier', { value: state.signerVerified ?? '' });
  }
}

export function checkSignOff(state: SignOffState, profile: Profile): SignOffCheck {
  const present: Record<SignOffItem, boolean> = {
    unverifiedClaims: state.unverifiedClaims > 0,
    rejectedClaims: state.rejectedClaims > 0,
    verbatimPassages: state.verbatimPassages > 0,
    brokenRecord: !state.recordIntact,
    untrustedSigner: state.untrustedSigner !== undefined,
    weakEvidence: (state.weakEvidenceClaims ?? 0) > 0,
    verifierMustDifferFromAuthor: (state.selfVerified?.claims ?? 0) > 0,
    signerMustDifferFromVerifier: state.signerVerified !== undefined,
  };
  const blockers: SignOffIssue[] = [];
  const warnings: SignOffIssue[] = [];
  for (const item of Object.keys(present) as SignOffItem[]) {
    const rule = profile.signOff[item];
    if (!present[item] || !rule || rule.action === 'ignore') continue;
    // Before signing, a missing or unlisted key only warns: the sign-off is recorded and judged then.
    const action = item === 'untrustedSigner' && state.untrustedSigner?.phase === 'about-to-sign' && rule.action === 'block' ? 'warn' : rule.action;
    const issue: SignOffIssue = { item, action, articles: rule.articles, message: messageFor(item, state) };
    (action === 'block' ? blockers : warnings).push(issue);
  }
  if (state.secretWithAi) {
    blockers.unshift({
      item: 'secretWithAi',
      action: 'block',
      articles: [ARTICLES.qcpbSecret, ARTICLES.lawStateSecrets],
      message: bilingual('policy.signoff.checkSignOff.message'),
    });
  }
  return { canSign: blockers.length === 0, blockers, warnings };
}

// ---- issue 11 — signatures: what to do, in the words of both faces (pane and CLI) -------------------

const CREATE_KEY: Bilingual = bilingual('policy.signoff.CREATE_KEY');
const SEND_ENTRY: Bilingual = bilingual('policy.signoff.SEND_ENTRY');

function untrustedSignerMessage({ phase, by, why }: UntrustedSigner): Bilingual {
  if (phase === 'about-to-sign') {
    return why === 'no-key'
      ? bilingual('policy.signoff.untrustedSignerMessage', { createKey: CREATE_KEY, sendEntry: SEND_ENTRY })
      : bilingual('policy.signoff.untrustedSignerMessage2', { sendEntry: SEND_ENTRY });
  }
  switch (why) {
    case 'no-key':
      return bilingual('policy.signoff.untrustedSignerMessage.no-key', { by, createKey: CREATE_KEY, sendEntry: SEND_ENTRY });
    case 'unknown-key':
      return bilingual('policy.signoff.untrustedSignerMessage.unknown-key', { by, sendEntry: SEND_ENTRY });
    case 'not-valid-then':
      return bilingual('policy.signoff.untrustedSignerMessage.not-valid-then', { by });
    case 'invalid':
      return bilingual('policy.signoff.untrustedSignerMessage.invalid', { by });
    case 'name-mismatch':
      return bilingual('policy.signoff.untrustedSignerMessage.name-mismatch', { by });
  }
}
