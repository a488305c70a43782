// Readiness for sign-off, the sign-off itself, and the disclosure line (QC-PB 17.3; KAI-CB 6.5).
import type { Bilingual, SensitivityLevel } from '../checks/types';
import type { DocumentHost } from '../host/port';
import { checkSignOff, type Profile, type SignOffIssue, type UntrustedSigner } from '../policy';
import { indexTrustList, textDigestOf, type RecordState, type SignatureReport } from '../provenance';
import { RecordSession, WorkflowError, asOneBatch, profileOf, type WorkflowContext } from './document';
import { documentLevel, recordedLevel } from './level';
import { signatureBlockStart, suggestedInsertionPoint } from './insertion-point';
import { reconcile } from './passages';
import { bilingual } from '../i18n';

export interface Readiness {
  ready: boolean;
  /** What stops the signature, each with the article it rests on. */
  blockers: SignOffIssue[];
  /** What the profile only warns about. */
  warnings: SignOffIssue[];
}

/**
 * `level` is the document's effective level: level 4 with AI passages is never ready (QC-PB 7.1).
 * `untrustedSigner` (issue 11): the current sign-off is not by a trusted key (`untrustedSignOff`), or
 * the person about to sign has no trusted key (`signerUntrusted`, a warning only).
 */
export function readinessOf(
  state: RecordState | undefined,
  recordIntact: boolean,
  profile: Profile,
  facts: { level?: SensitivityLevel; untrustedSigner?: UntrustedSigner; signer?: string } = {},
): Readiness {
  const totals = state?.totals;
  const people = state ? verificationPeople(state) : undefined; // issue 10 — evidence
  const check = checkSignOff(
    {
      unverifiedClaims: (totals?.unverified ?? 0) + (totals?.lapsed ?? 0),
      rejectedClaims: totals?.rejected ?? 0,
      verbatimPassages: totals?.verbatimPassages ?? 0,
      recordIntact,
      secretWithAi: facts.level === 4 && (totals?.passages ?? 0) > 0,
      ...(facts.untrustedSigner === undefined ? {} : { untrustedSigner: facts.untrustedSigner }),
      ...(people ? { weakEvidenceClaims: people.weak, selfVerified: people.selfVerified } : {}),
      ...(people && facts.signer !== undefined && people.verifiers.has(facts.signer) ? { signerVerified: facts.signer } : {}),
    },
    profile,
  );
  return { ready: check.canSign, blockers: check.blockers, warnings: check.warnings };
}

// issue 10 — evidence
/** Who verified what: weak verifications, claims verified by their passage's drafter, every verifier. */
export function verificationPeople(state: RecordState): { weak: number; selfVerified: { claims: number; people: string[] }; verifiers: Set<string> } {
  let weak = 0;
  let self = 0;
  const selfPeople = new Set<string>();
  const verifiers = new Set<string>();
  for (const passage of state.passages) {
    if (passage.removed) continue;
    for (const claim of passage.claims) {
      if (claim.status !== 'verified' || !claim.verifiedBy) continue;
      verifiers.add(claim.verifiedBy);
      if (!claim.evidence || claim.evidence.kind === 'manual') weak++;
      if (claim.verifiedBy === passage.createdBy) {
        self++;
        selfPeople.add(claim.verifiedBy);
      }
    }
  }
  return { weak, selfVerified: { claims: self, people: [...selfPeople] }, verifiers };
}

export interface SignOffInput {
  role?: string;
}

/** Signs off, or refuses with the reasons (WorkflowError 'not-ready' with one reason per blocker). */
export const signOff = asOneBatch(async function signOff(host: DocumentHost, context: WorkflowContext, input: SignOffInput = {}): Promise<RecordState> {
  const session = await RecordSession.open(host, context);
  await reconcile(session);
  const state = session.state;
  if (state.totals.passages === 0) {
    throw new WorkflowError('nothing-to-sign', bilingual('workflow.signoff.signOff'));
  }
  const level = await documentLevel(host, recordedLevel(state));
  // A recorded sign-off without a trusted key does not stop a new one (signing again is the remedy);
  // the signer's own key only warns (issue 11).
  const untrusted = await signerUntrusted(context);
  const readiness = readinessOf(state, true, profileOf(context, state), { level: level.effective, ...(untrusted ? { untrustedSigner: untrusted } : {}), signer: context.actor });
  if (!readiness.ready) {
    throw new WorkflowError(
      'not-ready',
      bilingual('workflow.signoff.signOff2'),
      readiness.blockers.map(withArticles),
    );
  }
  const { passages, claims, verified } = state.totals;
  const role = input.role?.trim();
  // The sign-off binds the body text as it is now (issue 11): a later edit is detected by `check`.
  const textDigest = await textDigestOf((await host.readParagraphs()).map((p) => p.text));
  await session.append('signed-off', { ...(role ? { role } : {}), summary: { passages, claims, verified }, textDigest });
  return session.commit();
}, true);

// ---- issue 11 — signatures ---------------------------------------------------------------------------

/**
 * The document's current sign-offs when none is signed with a trusted key: the latest of them, and why
 * (unsigned, unknown key, key not valid at the time, invalid, someone else's key). Undefined when a
 * current sign-off is trusted, or when there is none.
 */
export function untrustedSignOff(state: RecordState | undefined, signatures: SignatureReport | undefined): UntrustedSigner | undefined {
  const current = state?.signOffs.filter((s) => s.current) ?? [];
  if (current.length === 0) return undefined;
  const bySeq = new Map((signatures?.events ?? []).map((e) => [e.seq, e.status]));
  if (current.some((s) => bySeq.get(s.seq) === 'trusted')) return undefined;
  const latest = current[current.length - 1]!;
  const status = bySeq.get(latest.seq) ?? 'unsigned';
  return { phase: 'recorded', by: latest.by, why: status === 'unsigned' || status === 'trusted' ? 'no-key' : status };
}

/** The person about to sign (context.actor) has no key, or one not on the trust list valid now. */
export async function signerUntrusted(context: WorkflowContext): Promise<UntrustedSigner | undefined> {
  const by = context.actor;
  if (!context.signer) return { phase: 'about-to-sign', by, why: 'no-key' };
  const entries = (await indexTrustList(context.trustedKeys ?? [])).get(context.signer.keyId) ?? [];
  const at = Date.parse((context.now?.() ?? new Date()).toISOString());
  const valid = entries.some(({ entry }) => (!entry.validFrom || Date.parse(entry.validFrom) <= at) && (!entry.validTo || at <= Date.parse(entry.validTo)));
  return valid ? undefined : { phase: 'about-to-sign', by, why: 'unknown-key' };
}

export function withArticles(issue: SignOffIssue): Bilingual {
  const articles = (lang: 'vi' | 'en') => issue.articles.map((a) => a[lang]).join('; ');
  return {
    vi: issue.articles.length ? `${issue.message.vi} (${articles('vi')})` : issue.message.vi,
    en: issue.articles.length ? `${issue.message.en} (${articles('en')})` : issue.message.en,
  };
}

export interface DisclosureInput {
  /** Which of the profile's wordings (0 = the profile's default). */
  option?: number;
}

/** Appends the disclosure line in the profile's wording at the end of the body, once. */
export const insertDisclosure = asOneBatch(async function insertDisclosure(host: DocumentHost, context: WorkflowContext, input: DisclosureInput = {}): Promise<string> {
  const session = await RecordSession.open(host, context);
  await reconcile(session);
  const profile = profileOf(context, session.state);
  const notVerified = notVerifiedClaims(session.state);
  const asked = input.option ?? 0;
  // The line must not state what is not true: while a claim is not verified, a wording saying
  // "đã được kiểm chứng" is refused, or the profile's wording without it is used if it has one.
  const honest = notVerified > 0 && input.option === undefined ? profile.disclosure.findIndex((d) => !claimsVerification(d.text)) : -1;
  const option = profile.disclosure[honest >= 0 ? honest : asked];
  if (option && notVerified > 0 && claimsVerification(option.text)) {
    throw new WorkflowError(
      'disclosure-overstates',
      bilingual('workflow.signoff.insertDisclosure', { text: option.text, notVerified }),
      [bilingual('workflow.signoff.insertDisclosure2')],
    );
  }
  if (!option) {
    throw new WorkflowError('unknown-disclosure', bilingual('workflow.signoff.insertDisclosure3', { name: profile.name, length: profile.disclosure.length }));
  }
  const paragraphs = await host.readParagraphs();
  if (paragraphs.some((p) => p.text.trim() === option.text)) {
    throw new WorkflowError('disclosure-present', bilingual('workflow.signoff.insertDisclosure4'));
  }
  await session.append('disclosure-inserted', { text: option.text, profile: profile.id });
  // Above the signature block ("Nơi nhận", "TM.", signer) when there is one, never below the signer's name.
  const afterParagraph = signatureBlockStart(paragraphs) === null ? 'end' : suggestedInsertionPoint(paragraphs);
  await host.insertParagraph({ afterParagraph, text: option.text });
  await session.commit();
  return option.text;
});

const VERIFIED_PHRASE = /đã được kiểm chứng/iu;

function claimsVerification(text: string): boolean {
  return VERIFIED_PHRASE.test(text.normalize('NFC'));
}

/** Claims of live passages not verified now (unverified, lapsed or rejected). */
function notVerifiedClaims(state: RecordState): number {
  return state.totals.claims - state.totals.verified;
}
