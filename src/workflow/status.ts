// What a reviewer or signer needs to know about a document, read without changing it: the record's
// integrity, the state brought in step with the current text (in memory), readiness and the level.
import type { Bilingual, SensitivityLevel } from '../checks/types';
import { inBatch, type DocumentHost } from '../host/port';
import { checkSignatures, compareText, type ProvenanceRecord, type RecordState, type SignatureReport, type TextComparison, type TextDigest } from '../provenance';
import { placedStampsText, type Profile } from '../policy';
import { LEVEL_PROPERTY, documentLevel, possibleSecretUnanswered, recordedLevel, type DocumentLevel } from './level';
import { statusView, type StatusView } from './states';

export { LEVEL_PROPERTY, documentLevel, recordedLevel, topicsSetAsideIn, type DocumentLevel, type RecordedLevel } from './level';
import { RecordSession, WorkflowError, asOneBatch, batchOptions, loadRecord, profileOf, type RecordProblemCode, type WorkflowContext } from './document';
import { reconcile } from './passages';
import { disclosureChanged, unmarkedPassages } from './tamper';
import { readinessOf, signerUntrusted, untrustedSignOff, type Readiness } from './signoff';
import { bilingual } from '../i18n';

export interface DocumentStatus {
  record:
    | { status: 'none' }
    | { status: 'ok'; intact: true }
    | { status: 'tampered'; message: Bilingual }
    | { status: 'unusable'; code: RecordProblemCode; message: Bilingual };
  /** The record as stored in the document, when it could be read (tampered included). */
  storedRecord?: ProvenanceRecord;
  /** Present when the record could be read (tampered records are still folded, to show what they say). */
  state?: RecordState;
  /** Passages whose text changed, was re-bound or removed since the record last saw them. */
  pending: { edited: string[]; rebound: string[]; removed: string[] };
  readiness: Readiness;
  /** Issue 11: per signed event, trusted / unknown key / invalid / unsigned… (when the record could be read). */
  signatures?: SignatureReport;
  /** Issue 11: the latest sign-off that bound the text, compared with the text now. */
  signedText?: SignedTextCheck;
  /** Left out when asked (`level: false`): scanning every part is the costliest read of a long document. */
  level?: DocumentLevel;
  /** Every state shown to a person (integrity, readiness, steps), decided once in states.ts. */
  view: StatusView;
}

export interface SignedTextCheck {
  seq: number;
  by: string;
  at: string;
  comparison: TextComparison;
}

/** Signatures against the trust list, and the signed text against the body now (issue 11). */
export async function signedFacts(host: DocumentHost, record: ProvenanceRecord, context: WorkflowContext): Promise<{ signatures: SignatureReport; signedText?: SignedTextCheck }> {
  const signatures = await checkSignatures(record, context.trustedKeys ?? []);
  const last = [...record.events].reverse().find((e) => e.type === 'signed-off' && (e.data as { textDigest?: unknown }).textDigest);
  if (!last) return { signatures };
  const digest = (last.data as { textDigest: TextDigest }).textDigest;
  const comparison = await compareText(digest, (await host.readParagraphs()).map((p) => p.text));
  return { signatures, signedText: { seq: last.seq, by: last.actor, at: last.at, comparison } };
}

export interface StatusOptions {
  /** Detect the document's level too (default true). The signer's gate does not need it. */
  level?: boolean;
  // issue 11 — signatures
  /**
   * Readiness as it stands for the person in `context` signing off now: before any sign-off, their key
   * (`context.signer`, none = no key) is checked against the trust list and, under the profile's
   * `untrustedSigner` rule, warned about. The pane asks this; `check`/`inspect` judge the document, not
   * whoever runs them. A recorded sign-off is judged the same for every reader either way.
   */
  asSigner?: boolean;
}

export async function documentStatus(host: DocumentHost, context: WorkflowContext, options: StatusOptions = {}): Promise<DocumentStatus> {
  return inBatch(host, () => statusOf(host, context, options), batchOptions(options.level !== false));
}

async function statusOf(host: DocumentHost, context: WorkflowContext, options: StatusOptions): Promise<DocumentStatus> {
  const partial = await rawStatusOf(host, context);
  // The level is always read when AI passages are present: a level-4 document with AI content is
  // never ready, so readiness cannot be decided without it.
  const hasPassages = (partial.state?.totals.passages ?? 0) > 0;
  const level = options.level !== false || hasPassages ? await documentLevel(host, recordedLevel(partial.state)) : undefined;
  // issue 11 — signatures: a recorded sign-off without a trusted key is judged for everyone; before any
  // sign-off, the pane (asSigner) also warns the person whose own key is missing or not listed.
  const recorded = untrustedSignOff(partial.state, partial.signatures);
  const hasSignOff = partial.state?.signOffs.some((s) => s.current) ?? false;
  const untrusted = recorded ?? (options.asSigner && !hasSignOff ? await signerUntrusted(context) : undefined);
  // issue 10 — four eyes: the person looking is the one who would sign (the CLI's reader 'aiprov' verified nothing).
  const readiness = readinessOf(partial.state, partial.intact, partial.profile, {
    ...(level ? { level: level.effective } : {}),
    ...(untrusted ? { untrustedSigner: untrusted } : {}),
    signer: context.actor,
  });
  const { intact: _intact, profile: _profile, ...rest } = partial;
  const status = { ...rest, readiness, ...(level && options.level !== false ? { level } : {}) };
  return { ...status, view: statusView({ ...status, ...(level ? { level } : {}) }) };
}

type RawStatus = Omit<DocumentStatus, 'readiness' | 'level' | 'view'> & { intact: boolean; profile: Profile };

async function rawStatusOf(host: DocumentHost, context: WorkflowContext): Promise<RawStatus> {
  const loaded = await loadRecord(host);
  const pending = { edited: [] as string[], rebound: [] as string[], removed: [] as string[] };
  if (loaded.status === 'unusable') {
    return { record: { status: 'unusable', code: loaded.code, message: loaded.message }, pending, intact: false, profile: profileOf(context) };
  }
  if (loaded.status === 'ok' && !loaded.chain.ok) {
    return {
      record: { status: 'tampered', message: loaded.chain.reason },
      storedRecord: loaded.record,
      state: loaded.state,
      ...(await signedFacts(host, loaded.record, context)),
      pending,
      intact: false,
      profile: profileOf(context, loaded.state),
    };
  }
  if (loaded.status === 'none') return { record: { status: 'none' }, pending, intact: true, profile: profileOf(context) };
  // Read-only: edits found are folded in memory, never written. The pane may read before a name is
  // set (actor ""), which no event may carry: those in-memory events are the reader's, as in `inspect`.
  const reader = context.actor.trim() ? context : { ...context, actor: 'aiprov' };
  const session = await RecordSession.fromLoaded(host, reader, loaded);
  const changes = await reconcile(session, { readOnly: true });
  const state = session.state;
  // issue 17 — tamper: what the record vouches for, changed without an event.
  const paragraphs = await host.readParagraphs();
  const altered = disclosureChanged(state, paragraphs) ?? unmarkedPassages(state, changes.removed, paragraphs);
  return {
    record: altered ? { status: 'tampered', message: altered } : { status: 'ok', intact: true },
    storedRecord: loaded.record,
    state,
    ...(await signedFacts(host, loaded.record, context)),
    pending: changes,
    intact: !altered,
    profile: profileOf(context, state),
  };
}

/**
 * Records the level a person declares for the document (QC-PB Điều 8) in the record and in the
 * custom property, so every later check, the pane and a reader without the add-in see it. The
 * detected level still applies when it is stricter.
 */
export const declareLevel = asOneBatch(async function declareLevel(
  host: DocumentHost,
  context: WorkflowContext,
  level: SensitivityLevel,
  options: DeclareLevelOptions = {},
): Promise<DocumentLevel> {
  if (![1, 2, 3, 4].includes(level)) {
    throw new WorkflowError('invalid-level', bilingual('workflow.status.declareLevel', { level }));
  }
  if (options.published && level !== 1) {
    throw new WorkflowError('invalid-level', bilingual('workflow.status.declareLevel2', { level }));
  }
  const session = await RecordSession.open(host, context);
  // issue 9 — level: the topics set aside are the ones suggested now (which suggestion), read before the
  // append. A level declared before is kept: the confirmation lowers no declared level, only the guess.
  const before = options.published ? await documentLevel(host, recordedLevel(session.state)) : undefined;
  // A possible secrecy stamp is a question about secrecy, which "published" does not answer: the person
  // declares the level itself first (fail closed; the stamp and its place are named).
  if (before && possibleSecretUnanswered(before)) {
    throw new WorkflowError('possibly-secret', bilingual('workflow.status.publishedPossiblySecret', { where: placedStampsText(before.possiblySecret) }));
  }
  const topics = before?.detected.topicSuggestion?.topics ?? [];
  const recorded = Math.max(level, before?.declared ?? 0) as SensitivityLevel;
  await session.append('level-declared', { level: recorded, ...(topics.length ? { setAside: { suggestion: 'topic' as const, topics } } : {}) });
  await session.commit();
  await host.writeProperties({ [LEVEL_PROPERTY]: String(recorded) });
  return documentLevel(host, recordedLevel(session.state));
}, true);

export interface DeclareLevelOptions {
  /**
   * issue 9 — level: the person confirms the document is published (not about unpublished budget,
   * bidding, personnel… content): the topic suggestions found now are set aside and recorded (who,
   * when, which topics). Only with level 1; a level declared before stays (it is not lowered), and
   * so does evidence (stamps, marks, personal identifiers).
   */
  published?: boolean;
}
