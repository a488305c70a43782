// The machine-readable report: a stable JSON shape for the inspection committee's tooling and for
// `aiprov report --json` / the unit logbook. Every field is always present (null when absent), keys
// come in a fixed order, and `format`/`formatVersion` name the shape. It carries the chain check it
// made itself, so a report never claims an integrity nobody checked.
import { verifyChain, type ChainAnchor } from '../chain';
import type { ClaimState, PassageState, RecordState } from '../fold';
import type { ProvenanceRecord } from '../schema';
import type { TextComparison } from '../text-digest';
import { checkSignatures, type TrustedKey } from '../trust';
import { evidenceKindLabel } from './strings';

/** issue 10 — the states workflow's statusView decided (the report shows them; it never recomputes them). */
export interface ReportStatusView {
  integrity: { kind: string; label: { vi: string; en: string } };
  readiness: { kind: string; label: { vi: string; en: string }; reasons: { vi: string; en: string }[]; warnings: { vi: string; en: string }[] };
}

export const REPORT_FORMAT = 'aiprov-provenance-report';
export const REPORT_FORMAT_VERSION = 1;

export interface ReportOptions {
  /** The writer's anchor from decodeRecord, to detect a cut-off tail. */
  anchor?: ChainAnchor;
  /** Issue 11: the trust list the signatures are checked against (none: every signature is unknown-key). */
  trustedKeys?: readonly TrustedKey[];
  /** Issue 11: the latest signed text compared with the document now (the caller reads the host). */
  signedText?: { seq: number; by: string; at: string; comparison: TextComparison };
  /** issue 10: the document's states as statusView decided them (documentStatus().view). */
  view?: ReportStatusView;
}

export interface ReportIntegrity {
  ok: boolean;
  eventCount: number;
  headHash: string | null;
  brokenAt: number | null;
  reason: { vi: string; en: string } | null;
}

export async function checkIntegrity(record: ProvenanceRecord, options: ReportOptions = {}): Promise<ReportIntegrity> {
  const result = await verifyChain(record, { anchor: options.anchor, contentHashes: true });
  return {
    ok: result.ok,
    eventCount: record.events.length,
    headHash: record.events.at(-1)?.hash ?? null,
    brokenAt: result.ok ? null : result.brokenAt,
    reason: result.ok ? null : result.reason,
  };
}

function claimJson(claim: ClaimState) {
  return {
    claimId: claim.claimId,
    kind: claim.kind,
    subtype: claim.subtype,
    text: claim.text,
    value: claim.value,
    start: claim.start,
    end: claim.end,
    status: claim.status,
    verifiedBy: claim.verifiedBy ?? null,
    verifiedAt: claim.verifiedAt ?? null,
    source: claim.source ?? null,
    rejectedBy: claim.rejectedBy ?? null,
    rejectedAt: claim.rejectedAt ?? null,
    rejectionReason: claim.rejectionReason ?? null,
    lapsedAt: claim.lapsedAt ?? null,
    lapseReason: claim.lapseReason ?? null,
    // issue 10 — evidence: kind, source, located passage, grounding result, who and in which role.
    verifierRole: claim.verifiedBy ? 'verifier' : null,
    evidence: claim.verifiedBy ? evidenceJson(claim) : null,
    note: claim.verificationNote ?? null,
    grounding: claim.grounding
      ? { result: claim.grounding.result, source: claim.grounding.source ? { ...claim.grounding.source } : null, at: claim.grounding.at ? { ...claim.grounding.at } : null, sourceValue: claim.grounding.sourceValue ?? null }
      : { result: 'not-checked', source: null, at: null, sourceValue: null },
  };
}

// issue 10 — evidence
function evidenceJson(claim: ClaimState) {
  const e = claim.evidence;
  const label = evidenceKindLabel(e);
  const base = { kind: e?.kind ?? 'none', label: { ...label }, weaker: !e || e.kind === 'manual' };
  if (!e) return { ...base, source: claim.source ?? null, sha256: null, at: null };
  switch (e.kind) {
    case 'registry':
      return { ...base, source: `${e.type} ${e.symbol}`, sha256: null, at: null, registry: { symbol: e.symbol, type: e.type, issued: e.issued, status: e.status, title: e.title ?? null } };
    case 'document':
      return { ...base, source: e.name, sha256: e.sha256, at: { ...e.at }, fromGrounding: e.fromGrounding ?? false };
    case 'excerpt':
      return { ...base, source: e.name, sha256: e.sha256, at: { ...e.at }, text: e.text };
    case 'manual':
      return { ...base, source: e.source, sha256: null, at: null, manualNote: e.note };
  }
}

/** issue 10 — evidence: who acted in which role (drafter, verifier, signer), derived from the events. */
export function peopleAndRoles(state: RecordState): { name: string; roles: ('drafter' | 'verifier' | 'signer')[] }[] {
  const roles = new Map<string, Set<'drafter' | 'verifier' | 'signer'>>();
  const add = (name: string | undefined, role: 'drafter' | 'verifier' | 'signer') => {
    if (!name) return;
    (roles.get(name) ?? roles.set(name, new Set()).get(name)!).add(role);
  };
  for (const p of state.passages) {
    add(p.createdBy, 'drafter');
    for (const c of p.claims) if (c.status === 'verified') add(c.verifiedBy, 'verifier');
  }
  for (const s of state.signOffs) add(s.by, 'signer');
  const order = ['drafter', 'verifier', 'signer'] as const;
  return [...roles].map(([name, set]) => ({ name, roles: order.filter((r) => set.has(r)) }));
}

function passageJson(p: PassageState) {
  return {
    passageId: p.passageId,
    origin: p.origin,
    purpose: p.purpose,
    provider: p.provider ? { id: p.provider.id, name: p.provider.name, tier: p.provider.tier, endpointHost: p.provider.endpointHost } : null,
    tool: p.tool ?? null,
    model: p.model ?? null,
    level: p.level,
    createdAt: p.createdAt,
    createdBy: p.createdBy,
    prompt: p.prompt ?? null,
    sources: p.sources.map((s) => ({ name: s.name, sha256: s.sha256, chars: s.chars })),
    redactions: Object.fromEntries(Object.entries(p.redactions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    timings: p.timings ? { startedAt: p.timings.startedAt, firstTokenMs: p.timings.firstTokenMs ?? null, totalMs: p.timings.totalMs } : null,
    originalText: p.originalText,
    originalHash: p.originalHash,
    currentText: p.currentText,
    currentHash: p.currentHash,
    editRatio: p.editRatio,
    verbatim: p.verbatim,
    edits: p.edits,
    lastEditedAt: p.lastEditedAt ?? null,
    lastEditedBy: p.lastEditedBy ?? null,
    rebinds: p.rebinds,
    removed: p.removed,
    removedAt: p.removedAt ?? null,
    removedBy: p.removedBy ?? null,
    claims: p.claims.map(claimJson),
    retiredClaims: p.retiredClaims.map(claimJson),
  };
}

export type ProvenanceReportJson = Awaited<ReturnType<typeof reportJson>>;

export async function reportJson(record: ProvenanceRecord, state: RecordState, options: ReportOptions = {}) {
  return {
    format: REPORT_FORMAT,
    formatVersion: REPORT_FORMAT_VERSION,
    documentId: record.documentId,
    schemaVersion: record.schemaVersion,
    profileId: state.profileId ?? null,
    appVersion: state.appVersion ?? null,
    createdAt: state.createdAt ?? null,
    createdBy: state.createdBy ?? null,
    declaredLevel: state.declaredLevel ? { ...state.declaredLevel } : null,
    integrity: await checkIntegrity(record, options),
    totals: { ...state.totals },
    passages: state.passages.map(passageJson),
    disclosure: state.disclosure ? { text: state.disclosure.text, profile: state.disclosure.profile, at: state.disclosure.at, by: state.disclosure.by } : null,
    signOffs: state.signOffs.map((s) => ({ by: s.by, role: s.role ?? null, at: s.at, seq: s.seq, current: s.current, summary: { ...s.summary } })),
    unknownEvents: state.unknownEvents,
    problems: state.problems.map((p) => ({ seq: p.seq, code: p.code, message: { ...p.message } })),
    signatures: await checkSignatures(record, options.trustedKeys ?? []),
    signedText: options.signedText ?? null,
    // issue 10 — evidence
    people: peopleAndRoles(state),
    states: options.view
      ? { integrity: { kind: options.view.integrity.kind, label: { ...options.view.integrity.label } }, readiness: { kind: options.view.readiness.kind, label: { ...options.view.readiness.label }, reasons: options.view.readiness.reasons.map((r) => ({ ...r })), warnings: options.view.readiness.warnings.map((w) => ({ ...w })) } }
      : null,
  };
}
