// Every state a person is shown about a document — the record's integrity, readiness for sign-off and
// the state of each review step — decided here, once. The pane, the CLI and the report only render
// these labels and tones; none of them re-derives a state. Tones follow meaning: `success` (green)
// only for verified claims and a document ready or signed; an intact record is a fact, not a pass.
import type { Bilingual, SensitivityLevel } from '../checks/types';
import type { RecordState } from '../provenance';
import type { Readiness } from './signoff';
import { withArticles } from './signoff';

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
  integrity: ShownState<IntegrityKind>;
  readiness: ShownState<ReadinessKind> & {
    /** Whether the sign-off action may be offered at all. */
    canSign: boolean;
    /** A sentence saying why (or that it is ready), for the sign-off step and `aiprov check`. */
    note: Bilingual;
    reasons: Bilingual[];
    warnings: Bilingual[];
  };
  steps: { verify: ShownState<StepKind>; record: ShownState<StepKind>; signoff: ShownState<StepKind> };
}

export interface StatusViewInput {
  record: { status: 'none' | 'ok' | 'tampered' | 'unusable' };
  state?: RecordState;
  readiness: Readiness;
  level?: { effective: SensitivityLevel };
}

const shown = <K extends string>(kind: K, tone: StateTone, vi: string, en: string): ShownState<K> => ({ kind, tone, label: { vi, en } });

function integrityOf(input: StatusViewInput): ShownState<IntegrityKind> {
  switch (input.record.status) {
    case 'none':
      return shown('none', 'subtle', 'không có nội dung AI (chưa có nhật ký)', 'no AI content (no record)');
    case 'ok':
      return shown('intact', 'informative', 'toàn vẹn', 'intact');
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
      note: {
        vi: 'Văn bản không có đoạn nào do AI tạo ra được ghi nhận, nên không có gì để ký duyệt về sử dụng AI.',
        en: 'No AI-produced passage is recorded in this document, so there is no AI use to sign off.',
      },
      reasons: [],
      warnings,
    };
  }
  if (!input.readiness.ready || broken) {
    return {
      ...shown('not-ready', 'danger', 'chưa đủ điều kiện ký duyệt', 'not ready for sign-off'),
      canSign: false,
      note: { vi: 'Chưa thể ký duyệt: còn các điểm dưới đây.', en: 'Cannot be signed off yet: see the points below.' },
      reasons,
      warnings,
    };
  }
  const signed = input.state?.signOffs.some((s) => s.current) ?? false;
  if (signed) {
    return {
      ...shown('signed', 'success', 'đã ký duyệt', 'signed off'),
      canSign: true,
      note: { vi: 'Văn bản đã được ký duyệt và không thay đổi từ khi ký.', en: 'The document was signed off and has not changed since.' },
      reasons,
      warnings,
    };
  }
  return {
    ...shown('ready', 'success', 'đủ điều kiện ký duyệt', 'ready for sign-off'),
    canSign: true,
    note: warnings.length
      ? { vi: 'Văn bản đáp ứng các quy định để trình duyệt; xem các lưu ý trước khi ký.', en: 'The document meets the rules for submission; read the notes before signing.' }
      : { vi: 'Văn bản đáp ứng các quy định để trình duyệt.', en: 'The document meets the rules for submission.' },
    reasons,
    warnings,
  };
}

function verifyStepOf(state: RecordState | undefined): ShownState<StepKind> {
  const totals = state?.totals;
  if (!totals || totals.passages === 0) return shown('not-applicable', 'subtle', 'không có nội dung AI', 'no AI content');
  if (totals.claims === 0) return shown('done', 'informative', 'không có số liệu, trích dẫn cần kiểm chứng', 'no figure or citation to verify');
  const counts = (vi: string, en: string) => ({ vi: `${totals.verified}/${totals.claims} ${vi}`, en: `${totals.verified}/${totals.claims} ${en}` });
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
  };
}
