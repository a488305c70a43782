// The logbook written out: CSV (one row per document, for Excel), JSON (everything), NDJSON (one
// event a line for a log stack: docs/logbook-ndjson.md, docs/logbook-ndjson.schema.json).
import type { Logbook } from './aggregate';
import { evidenceLabel, logbookStrings, purposeLabel, tierLabel, type Lang } from './strings';
import { EVIDENCE_KINDS, type DocumentSummary, type EvidenceCounts, type PassageSummary } from './types';

/** /2: `unit` may come from the trust list (was: the folder); evidence and signature fields added. */
export const NDJSON_SCHEMA_ID = 'aiprov-logbook-event/2';

const uniq = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null && v !== ''))];
const live = (document: DocumentSummary) => document.passages.filter((p) => !p.removed);

function claimCounts(passages: PassageSummary[]) {
  const sum = { verified: 0, rejected: 0, lapsed: 0, unverified: 0 };
  for (const p of passages) for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += p.claims[key];
  return sum;
}

/** "danh mục văn bản: 1; tài liệu nguồn: 2" — the kinds with at least one verified claim. */
export function evidenceText(counts: EvidenceCounts, lang: Lang): string {
  return EVIDENCE_KINDS.filter((k) => counts[k] > 0)
    .map((k) => `${evidenceLabel(k, lang)}: ${counts[k]}`)
    .join('; ');
}

/** The same per-document columns for CSV and HTML; unknown stays "không rõ"/"unknown", never a guess. */
export function documentColumns(lang: Lang) {
  const s = logbookStrings(lang);
  const yesNo = (value: boolean | null) => (value === null ? s.unknown : value ? s.yes : s.no);
  return [
    [s.path, (d: DocumentSummary) => d.path],
    [s.unit, (d: DocumentSummary) => d.unit],
    [s.unitSource, (d: DocumentSummary) => s.unitSource_[d.unitSource]],
    [s.docTitle, (d: DocumentSummary) => d.title ?? ''],
    [s.level, (d: DocumentSummary) => (d.level === null ? s.unknown : String(d.level))],
    [s.condition, (d: DocumentSummary) => s.condition_[d.condition]],
    [s.reason, (d: DocumentSummary) => d.reason?.[lang] ?? ''],
    [s.generated, (d: DocumentSummary) => String(live(d).filter((p) => p.origin === 'generated').length)],
    [s.declared, (d: DocumentSummary) => String(live(d).filter((p) => p.origin === 'declared').length)],
    [s.purposes, (d: DocumentSummary) => uniq(live(d).map((p) => purposeLabel(p.purpose, lang))).join('; ')],
    [s.providers, (d: DocumentSummary) => uniq(live(d).map((p) => (p.origin === 'declared' ? p.tool : p.providerName && `${p.providerName} (${tierLabel(p.providerTier, lang)})`))).join('; ')],
    [s.models, (d: DocumentSummary) => uniq(live(d).map((p) => p.model)).join('; ')],
    [s.verified, (d: DocumentSummary) => String(claimCounts(live(d)).verified)],
    [s.rejected, (d: DocumentSummary) => String(claimCounts(live(d)).rejected)],
    [s.lapsed, (d: DocumentSummary) => String(claimCounts(live(d)).lapsed)],
    [s.unverified, (d: DocumentSummary) => String(claimCounts(live(d)).unverified)],
    [s.verifiers, (d: DocumentSummary) => uniq(live(d).flatMap((p) => p.verifiers)).join('; ')],
    [s.evidenceKinds, (d: DocumentSummary) => evidenceText(d.evidence, lang)],
    [s.verbatim, (d: DocumentSummary) => String(live(d).filter((p) => p.verbatim).length)],
    [s.disclosure, (d: DocumentSummary) => (d.disclosure ? s.yes : s.no)],
    [s.signOff, (d: DocumentSummary) => d.signOffs.map((o) => `${o.by}${o.role ? ` (${o.role})` : ''} ${o.at}`).join('; ')],
    [s.signOffSignature, (d: DocumentSummary) => d.signOffs.map((o) => o.signatureLabel[lang]).join('; ')],
    [s.signedByTrustedKey, (d: DocumentSummary) => (d.signOffs.length ? yesNo(d.signedByTrustedKey) : '')],
    [s.changedSinceSignOff, (d: DocumentSummary) => (d.signOffs.length ? yesNo(d.textChangedSinceSignOff) : '')],
  ] as const;
}

function csvCell(raw: string): string {
  // A cell Excel would run as a formula (a title starting with "=", "+", "-", "@") is kept as text.
  const value = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** UTF-8 with a BOM and CRLF rows: Excel opens it with Vietnamese intact. */
export function logbookCsv(logbook: Logbook, lang: Lang): string {
  const columns = documentColumns(lang);
  const rows = [columns.map(([header]) => header), ...logbook.documents.map((d) => columns.map(([, cell]) => cell(d)))];
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function logbookJson(logbook: Logbook, generatedAt: string): string {
  const documents = logbook.documents.map(({ unmarkedFingerprints: _u, ...document }) => ({
    ...document,
    passages: document.passages.map(({ fingerprints: _f, ...passage }) => passage),
  }));
  return JSON.stringify({ generatedAt, ...logbook, documents }, null, 2) + '\n';
}

/** One event a line; field names are stable (docs/logbook-ndjson.md). */
export function logbookNdjson(logbook: Logbook, generatedAt: string): string {
  const lines: object[] = [];
  for (const d of logbook.documents) {
    const latest = d.signOffs.at(-1);
    const common = {
      schema: NDJSON_SCHEMA_ID,
      file_path: d.path,
      unit: d.unit,
      unit_source: d.unitSource,
      document_title: d.title,
      document_level: d.level,
      record_status: d.condition,
    };
    if (d.reason) {
      lines.push({ '@timestamp': generatedAt, event_kind: 'file-problem', ...common, reason_vi: d.reason.vi, reason_en: d.reason.en });
    }
    const signed = d.signOffs.length > 0;
    for (const p of d.passages) {
      lines.push({
        '@timestamp': p.createdAt,
        event_kind: 'ai-use',
        ...common,
        passage_id: p.id,
        passage_short_id: p.shortId,
        origin: p.origin,
        purpose: p.purpose,
        provider_name: p.providerName,
        provider_tier: p.providerTier,
        tool: p.tool,
        model: p.model,
        actor: p.createdBy,
        claims_verified: p.claims.verified,
        claims_rejected: p.claims.rejected,
        claims_lapsed: p.claims.lapsed,
        claims_unverified: p.claims.unverified,
        verifiers: p.verifiers,
        evidence_registry: p.evidence.registry,
        evidence_document: p.evidence.document,
        evidence_grounding: p.evidence.grounding,
        evidence_excerpt: p.evidence.excerpt,
        evidence_manual: p.evidence.manual,
        evidence_none: p.evidence.none,
        verbatim: p.verbatim,
        removed: p.removed,
        personal_data_sent: p.personalDataSent,
        redactions: p.redactions,
        disclosed: d.disclosure !== null,
        signed_off: signed,
        sign_off_current: signed ? d.signOffs.some((o) => o.current) : null,
        sign_off_by: latest?.by ?? null,
        sign_off_at: latest?.at ?? null,
        sign_off_signature: latest?.signature ?? null,
        signed_by_trusted_key: d.signedByTrustedKey,
        text_changed_since_sign_off: d.textChangedSinceSignOff,
      });
    }
  }
  const f = logbook.findings;
  const finding = (code: string, file: string, detail: Record<string, string | number | null>) =>
    lines.push({ '@timestamp': generatedAt, event_kind: 'finding', schema: NDJSON_SCHEMA_ID, finding: code, file_path: file, ...detail });
  for (const x of f.level4WithAi) finding('level4-with-ai', x.path, { passages: x.passages });
  for (const x of f.personalDataToNonInternal) finding('personal-data-to-non-internal', x.path, { passage_short_id: x.passageShortId, provider_tier: x.tier, items: x.items });
  for (const x of f.signOffsWithUnverified) finding('sign-off-with-unverified', x.path, { actor: x.by, signed_at: x.at, claims: x.claims, claims_verified: x.verified });
  for (const x of f.signedWithUnverifiedClaims) finding('signed-with-unverified-claims', x.path, { not_verified: x.notVerified });
  for (const x of f.altered) finding('record-altered', x.path, { reason_vi: x.reason?.vi ?? null, reason_en: x.reason?.en ?? null });
  for (const x of f.badSignatures) finding('bad-signature', x.path, { invalid: x.invalid, name_mismatch: x.nameMismatch });
  for (const x of f.unmarkedAiText) finding('ai-text-without-mark', x.foundIn, { source_file_path: x.sourcePath, passage_short_id: x.passageShortId, paragraph: x.paragraph, distance: x.distance });
  return lines.map((line) => JSON.stringify(line)).join('\n') + (lines.length ? '\n' : '');
}
