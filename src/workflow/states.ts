// Every state a person is shown about a document — the record's integrity, readiness for sign-off and
// the state of each review step — decided here, once. The pane, the CLI and the report only render
// these labels and tones; none of them re-derives a state. Tones follow meaning: `success` (green)
// only for verified claims and a document ready or signed; an intact record is a fact, not a pass.
import type { Bilingual, SensitivityLevel } from '../checks/types';
import type { RecordState, SignatureReport, SignatureStatus, TextComparison } from '../provenance';
import type { Readiness } from './signoff';
import { withArticles } from './signoff';
import { bilingual } from '../i18n';

export type StateTone = 'success' | 'informative' | 'warning' | 'danger' | 'subtle';

export interface ShownState<K extends string> {
  kind: K;
  label: Bilingual;
  tone: StateTone;
}

export type IntegrityKind = 'intact' | 'none' | 'altered' | 'unreadable';
export type ReadinessKind = 'ready' | 'not-ready' | 'nothing-to-sign' | 'signed';
export type StepKind = 'done' | 'pending' | 'blocked' | 'not-applicable';

export interface StatusView {
  /** `note`: a fact about an intact record a reader should know (an older record's documentId is not covered). */
  integrity: ShownState<IntegrityKind> & { note?: Bilingual };
  readiness: ShownState<ReadinessKind> & {
    /** Whether the sign-off action may be offered at all. */
    canSign: boolean;
    /** A sentence saying why (or that it is ready), for the sign-off step and `aiprov check`. */
    note: Bilingual;
    reasons: Bilingual[];
    warnings: Bilingual[];
  };
  steps: { verify: ShownState<StepKind>; record: ShownState<StepKind>; signoff: ShownState<StepKind> };
  // issue 11 — signatures
  signatures: SignaturesView;
}

// issue 11 — signatures: per signed event, what the pane, `inspect` and the report may say about it.
export interface SignedEventView extends ShownState<SignatureStatus> {
  seq: number;
  /** The event type (claim-verified, claim-rejected, disclosure-inserted, signed-off). */
  type: string;
  /** What the event is, in words ("Ký duyệt", "Kiểm chứng"…). */
  event: Bilingual;
  actor: string;
  at: string;
  keyId?: string;
  /** The trust list's owner of the key, when it is on the list. */
  owner?: { name: string; unit: string; role?: string };
}
export type SignaturesSummaryKind = 'none' | 'all-trusted' | 'not-all-trusted' | 'broken';
export type SignedTextKind = 'unchanged' | 'changed';
export interface SignaturesView {
  /** The whole record at a glance: broken when a signature is invalid or a key is someone else's. */
  summary: ShownState<SignaturesSummaryKind>;
  events: SignedEventView[];
  /** The latest sign-off that bound the text, against the text now (absent: no such sign-off). */
  signedText?: ShownState<SignedTextKind> & { by: string; at: string; changed: number[]; removed: number[] };
}

export interface StatusViewInput {
  record: { status: 'none' | 'ok' | 'tampered' | 'unusable' };
  state?: RecordState;
  readiness: Readiness;
  level?: { effective: SensitivityLevel };
  // issue 11 — signatures
  signatures?: SignatureReport;
  signedText?: { seq: number; by: string; at: string; comparison: TextComparison };
}

const shown = <K extends string>(kind: K, tone: StateTone, vi: string, en: string): ShownState<K> => ({ kind, tone, label: { vi, en } });

// issue 17 — tamper: said of an intact record begun before 1.3 — plainly, and not as an alteration.
const DOCUMENT_ID_NOT_COVERED: Bilingual = bilingual('workflow.states.DOCUMENT_ID_NOT_COVERED');

function integrityOf(input: StatusViewInput): StatusView['integrity'] {
  switch (input.record.status) {
    case 'none':
      return shown('none', 'subtle', 'không có nội dung AI (chưa có nhật ký)', 'no AI content (no record)');
    case 'ok':
      return input.state && !input.state.documentIdCovered
        ? { ...shown('intact', 'informative', 'toàn vẹn', 'intact'), note: DOCUMENT_ID_NOT_COVERED }
        : shown('intact', 'informative', 'toàn vẹn', 'intact');
    case 'tampered':
      return shown('altered', 'danger', 'đã bị sửa đổi ngoài tiện ích', 'altered outside the add-in');
    case 'unusable':
      return shown('unreadable', 'danger', 'không đọc được', 'unreadable');
  }
}

function readinessOfView(input: StatusViewInput, integrity: IntegrityKind): StatusView['readiness'] {
  const reasons = input.readiness.blockers.map(withArticles);
  const warnings = input.readiness.warnings.map(withArticles);
  const passages = input.state?.totals.passages ?? 0;
  const broken = integrity === 'altered' || integrity === 'unreadable';
  if (!broken && passages === 0) {
    return {
      ...shown('nothing-to-sign', 'subtle', 'không có nội dung AI', 'no AI content'),
      canSign: false,
      note: bilingual('workflow.states.readinessOfView.note'),
      reasons: [],
      warnings,
    };
  }
  if (!input.readiness.ready || broken) {
    // issue 11 — signatures: when the only blocker is a sign-off not made with a trusted key, signing
    // again (with one) is the remedy, so the sign-off stays on offer.
    const onlyUntrustedSignOff = !broken && input.readiness.blockers.every((b) => b.item === 'untrustedSigner');
    return {
      ...shown('not-ready', 'danger', 'chưa đủ điều kiện ký duyệt', 'not ready for sign-off'),
      canSign: onlyUntrustedSignOff,
      note: bilingual('workflow.states.readinessOfView.note2'),
      reasons,
      warnings,
    };
  }
  // issue 11 — signatures: a sign-off whose text was edited since does not stand. (One not signed with
  // a trusted key, under a profile that blocks it, is already a blocker in readiness above.)
  const textChanged = input.signedText !== undefined && !input.signedText.comparison.unchanged;
  const signed = !textChanged && (input.state?.signOffs.some((s) => s.current) ?? false);
  if (signed) {
    return {
      ...shown('signed', 'success', 'đã ký duyệt', 'signed off'),
      canSign: true,
      note: bilingual('workflow.states.readinessOfView.note3'),
      reasons,
      warnings,
    };
  }
  return {
    ...shown('ready', 'success', 'đủ điều kiện ký duyệt', 'ready for sign-off'),
    canSign: true,
    note: warnings.length
      ? bilingual('workflow.states.readinessOfView.note4')
      : bilingual('workflow.states.readinessOfView.note5'),
    reasons,
    warnings,
  };
}

function verifyStepOf(state: RecordState | undefined): ShownState<StepKind> {
  const totals = state?.totals;
  if (!totals || totals.passages === 0) return shown('not-applicable', 'subtle', 'không có nội dung AI', 'no AI content');
  if (totals.claims === 0) return shown('done', 'informative', 'không có số liệu, trích dẫn cần kiểm chứng', 'no figure or citation to verify');
  const counts = (vi: string, en: string) => bilingual('workflow.states.counts', { verified: totals.verified, claims: totals.claims, what: { vi, en } });
  if (totals.rejected > 0) return { kind: 'blocked', tone: 'danger', label: counts('đã kiểm chứng, có nội dung sai', 'verified, some found wrong') };
  if (totals.verified < totals.claims) return { kind: 'pending', tone: 'warning', label: counts('đã kiểm chứng', 'verified') };
  return { kind: 'done', tone: 'success', label: counts('đã kiểm chứng', 'verified') };
}

function recordStepOf(integrity: IntegrityKind): ShownState<StepKind> {
  switch (integrity) {
    case 'none':
      return shown('not-applicable', 'subtle', 'chưa có nhật ký', 'no record yet');
    case 'intact':
      return shown('done', 'informative', 'toàn vẹn', 'intact');
    case 'altered':
      return shown('blocked', 'danger', 'bị sửa đổi', 'altered');
    case 'unreadable':
      return shown('blocked', 'danger', 'không đọc được', 'unreadable');
  }
}

function signOffStepOf(readiness: StatusView['readiness']): ShownState<StepKind> {
  switch (readiness.kind) {
    case 'signed':
      return shown('done', 'success', 'đã ký duyệt', 'signed off');
    case 'ready':
      return shown('pending', 'success', 'sẵn sàng để ký', 'ready to sign');
    case 'not-ready':
      return shown('blocked', 'danger', 'chưa đủ điều kiện', 'not ready');
    case 'nothing-to-sign':
      return shown('not-applicable', 'subtle', 'không có nội dung AI', 'no AI content');
  }
}

/** The one place that decides what is shown about a document's record, readiness and review steps. */
export function statusView(input: StatusViewInput): StatusView {
  const integrity = integrityOf(input);
  const readiness = readinessOfView(input, integrity.kind);
  return {
    integrity,
    readiness,
    steps: { verify: verifyStepOf(input.state), record: recordStepOf(integrity.kind), signoff: signOffStepOf(readiness) },
    signatures: signaturesViewOf(input),
  };
}

// ---- issue 11 — signatures ---------------------------------------------------------------------------

const SIGNATURE_STATES: Record<SignatureStatus, { tone: StateTone; vi: string; en: string }> = {
  trusted: { tone: 'success', ...bilingual('workflow.states.signature.trusted') },
  'name-mismatch': { tone: 'danger', ...bilingual('workflow.states.signature.name-mismatch') },
  'not-valid-then': { tone: 'warning', ...bilingual('workflow.states.signature.not-valid-then') },
  'unknown-key': { tone: 'warning', ...bilingual('workflow.states.signature.unknown-key') },
  invalid: { tone: 'danger', ...bilingual('workflow.states.signature.invalid') },
  unsigned: { tone: 'subtle', ...bilingual('workflow.states.signature.unsigned') },
};

const EVENT_NAMES: Record<string, Bilingual> = {
  'claim-verified': bilingual('workflow.states.EVENT_NAMES.claim-verified'),
  'claim-rejected': bilingual('workflow.states.EVENT_NAMES.claim-rejected'),
  'disclosure-inserted': bilingual('workflow.states.EVENT_NAMES.disclosure-inserted'),
  'signed-off': bilingual('workflow.states.EVENT_NAMES.signed-off'),
};

function signaturesViewOf(input: StatusViewInput): SignaturesView {
  const report = input.signatures;
  const events: SignedEventView[] = (report?.events ?? []).map((e) => {
    const state = SIGNATURE_STATES[e.status];
    return {
      kind: e.status,
      tone: state.tone,
      label: { vi: state.vi, en: state.en },
      seq: e.seq,
      type: e.type,
      event: EVENT_NAMES[e.type] ?? { vi: e.type, en: e.type },
      actor: e.actor,
      at: e.at,
      ...(e.keyId ? { keyId: e.keyId } : {}),
      ...(e.trusted ? { owner: e.trusted } : {}),
    };
  });
  const summary =
    events.length === 0
      ? shown('none', 'subtle', 'không có sự kiện nào cần chữ ký', 'no event to be signed')
      : report && !report.ok
        ? shown('broken', 'danger', 'có chữ ký không hợp lệ hoặc khóa không đúng người', 'an invalid signature or a key of someone else')
        : events.every((e) => e.kind === 'trusted')
          ? shown('all-trusted', 'success', 'mọi sự kiện đều ký bằng khóa tin cậy', 'every event signed with a trusted key')
          : shown('not-all-trusted', 'warning', 'có sự kiện chưa ký bằng khóa tin cậy', 'some events are not signed with a trusted key');
  const signed = input.signedText;
  if (!signed) return { summary, events };
  const { changed, removed } = signed.comparison;
  const signedText = signed.comparison.unchanged
    ? { ...shown('unchanged', 'success', `văn bản không thay đổi kể từ khi ${signed.by} ký duyệt`, `the text is unchanged since ${signed.by} signed off`) }
    : {
        ...shown(
          'changed',
          'danger',
          `văn bản đã bị sửa sau khi ký duyệt (${signed.by})${changed.length ? `: đoạn ${changed.join(', ')} khác với bản đã ký` : ''}${removed.length ? `; đoạn ${removed.join(', ')} của bản đã ký không còn` : ''}`,
          `the text was changed after sign-off (${signed.by})${changed.length ? `: paragraph(s) ${changed.join(', ')} differ from the signed text` : ''}${removed.length ? `; paragraph(s) ${removed.join(', ')} of the signed text are gone` : ''}`,
        ),
      };
  return { summary, events, signedText: { ...signedText, by: signed.by, at: signed.at, changed, removed } };
}
