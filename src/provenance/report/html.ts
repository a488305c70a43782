// The AI-use annex a person hands to the inspection committee: one self-contained HTML page that
// prints on A4. Every piece of text from the record goes through escapeHtml (the record comes from a
// document anyone could have edited); the page carries no script and a Content-Security-Policy that
// forbids any, so even a missed escape could not run code.
import { profileLabel } from '../../i18n';
import type { ClaimState, PassageState, RecordState } from '../fold';
import type { ProvenanceRecord } from '../schema';
import { topicNames } from '../../checks/level';
import { escapeHtml as esc, formatVietnamTime, shortId } from './format';
import { checkIntegrity, peopleAndRoles, type ReportOptions } from './json';
import { checkSignatures, type SignatureStatus } from '../trust';
import {
  claimKindLabels,
  evidenceKindLabel,
  evidenceStrings as E,
  formatted,
  groundingLabels,
  levelLabels,
  originLabels,
  purposeLabels,
  reportStrings as S,
  statusLabels,
  tierLabels,
  type ReportLanguage,
} from './strings';

const STYLE = `
@page { size: A4; margin: 20mm 18mm 20mm 22mm; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "Noto Serif", serif; font-size: 12pt; line-height: 1.4; color: #000; margin: 0; }
h1 { font-size: 15pt; text-align: center; text-transform: uppercase; margin: 0 0 6pt; }
h2 { font-size: 13pt; margin: 14pt 0 6pt; border-bottom: 1px solid #444; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 12pt; margin: 0 0 4pt; }
p.intro, p.note { font-size: 11pt; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; font-size: 10.5pt; }
th, td { border: 1px solid #666; padding: 3pt 5pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eee; font-weight: bold; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
table.facts th { width: 34%; }
section.passage { border: 1px solid #999; padding: 6pt 8pt; margin: 0 0 10pt; page-break-inside: avoid; break-inside: avoid; }
section.passage.removed { color: #555; }
.text { white-space: pre-wrap; border-left: 3px solid #bbb; padding: 2pt 6pt; margin: 2pt 0 6pt; font-size: 11pt; }
.hash { font-family: "Courier New", monospace; font-size: 9pt; overflow-wrap: anywhere; }
.ok { color: #0a5d00; font-weight: bold; }
.bad { color: #a00000; font-weight: bold; }
.status-verified { color: #0a5d00; }
.status-rejected, .status-lapsed { color: #a00000; font-weight: bold; }
.status-unverified { color: #8a5300; }
.warning { border: 1px solid #a00000; padding: 3pt 6pt; }
.weak { color: #8a5300; font-style: italic; }
@media screen { body { max-width: 210mm; margin: 12mm auto; padding: 0 12mm; } }
`;

export async function reportHtml(
  record: ProvenanceRecord,
  state: RecordState,
  lang: ReportLanguage = 'vi',
  options: ReportOptions = {},
): Promise<string> {
  const integrity = await checkIntegrity(record, options);
  const L = (text: { vi: string; en: string }) => esc(text[lang]);
  const time = (iso: string | undefined) => (iso ? esc(formatVietnamTime(iso)) : '—');
  const row = (label: { vi: string; en: string }, value: string) => `<tr><th scope="row">${L(label)}</th><td>${value}</td></tr>`;

  const integrityHtml = integrity.ok
    ? `<span class="ok">${L(S.integrityOk)}</span>`
    : `<span class="bad">${L(S.integrityBroken)} (${L(formatted.brokenAt(integrity.brokenAt ?? 0))})</span>: ${integrity.reason ? L(integrity.reason) : ''}`;

  const general = `<table class="facts"><tbody>
${row(S.documentId, `<span class="hash">${esc(record.documentId)}</span>`)}
${row(S.profile, state.profileId ? esc(profileLabel(lang, state.profileId)) : '—')}
${row(S.appVersion, esc(state.appVersion ?? '—'))}
${row(S.recordCreated, `${time(state.createdAt)}${state.createdBy ? ` · ${esc(state.createdBy)}` : ''}`)}
${state.declaredLevel ? row(S.declaredLevel, `${L(levelLabels[state.declaredLevel.level])} · ${esc(state.declaredLevel.by)} · ${time(state.declaredLevel.at)}`) : ''}
${(state.setAside ?? []).map((s) => row(S.topicsSetAside, `${L(topicNames(s.topics))} · ${esc(s.by)} · ${time(s.at)}`)).join('\n')}
${row(S.integrity, integrityHtml)}
${row(S.eventCount, String(integrity.eventCount))}
${row(S.headHash, `<span class="hash">${esc(integrity.headHash ?? '—')}</span>`)}
${options.view ? row(E.readiness, `${L(options.view.readiness.label)}${[...options.view.readiness.reasons, ...options.view.readiness.warnings].map((r) => `<br>– ${L(r)}`).join('')}`) : ''}
</tbody></table>
<h3>${L(E.peopleSection)}</h3>
<table><thead><tr><th>${L(E.person)}</th><th>${L(E.role)}</th></tr></thead><tbody>
${peopleAndRoles(state).map((p) => `<tr><td>${esc(p.name)}</td><td>${p.roles.map((r) => L(E[r])).join('; ')}</td></tr>`).join('\n')}
</tbody></table>`;

  const totals = state.totals;
  const summary = `<table class="facts"><tbody>
${row(S.passages, String(totals.passages))}
${row(S.removedPassages, String(totals.removedPassages))}
${row(S.claims, `${totals.claims} (${L(formatted.statusCounts(totals))})`)}
${row(S.verbatimPassages, String(totals.verbatimPassages))}
${state.unknownEvents > 0 ? row(S.unknownEvents, String(state.unknownEvents)) : ''}
</tbody></table>`;

  const claimRows = (claims: readonly ClaimState[]) =>
    claims
      .map((c) => {
        const who = c.verifiedBy
          ? `${esc(c.verifiedBy)}<br>${time(c.verifiedAt)}`
          : c.rejectedBy
            ? `${esc(c.rejectedBy)}<br>${time(c.rejectedAt)}`
            : '—';
        const detail = esc((c.status === 'rejected' ? c.rejectionReason : c.source) ?? '');
        // issue 10 — evidence: kind (the weaker kind says so), located passage, grounding, note.
        const e = c.evidence;
        const kind = c.verifiedBy ? `<span class="${!e || e.kind === 'manual' ? 'weak' : ''}">${L(evidenceKindLabel(e))}</span>` : '—';
        const located = e && (e.kind === 'document' || e.kind === 'excerpt')
          ? `«${esc(e.at.snippet)}»<br><span class="hash">SHA-256 ${esc(e.sha256)}</span>`
          : e?.kind === 'registry'
            ? `${esc(e.type)} ${esc(e.symbol)} · ${esc(e.issued)} · ${esc(e.status)}`
            : e?.kind === 'manual'
              ? esc(e.note)
              : '—';
        const g = c.grounding;
        const grounding = g ? `${L(groundingLabels[g.result])}${g.sourceValue ? ` («${esc(g.sourceValue)}»)` : ''}${g.source ? ` · ${esc(g.source.name)}` : ''}` : L(groundingLabels['not-checked']);
        const note = c.verificationNote ? `<br>${L(E.note)}: ${esc(c.verificationNote)}` : '';
        const role = c.verifiedBy ? `<br>(${L(E.verifier)})` : '';
        return `<tr><td>${esc(c.text)}</td><td>${L(claimKindLabels[c.kind])}</td><td class="status-${c.status}">${L(statusLabels[c.status])}</td><td>${who}${role}</td><td>${detail || '—'}${note}</td><td>${kind}</td><td>${located}</td><td>${grounding}</td></tr>`;
      })
      .join('\n');
  const claimTable = (claims: readonly ClaimState[]) => `<table><thead><tr><th>${L(S.claim)}</th><th>${L(S.kind)}</th><th>${L(S.status)}</th><th>${L(S.verifier)}</th><th>${L(S.sourceOrReason)}</th><th>${L(E.evidence)}</th><th>${L(E.located)}</th><th>${L(E.grounding)}</th></tr></thead><tbody>
${claimRows(claims)}
</tbody></table>`;

  const passageHtml = (p: PassageState, index: number) => {
    const facts = [
      row(S.origin, L(originLabels[p.origin])),
      row(S.purpose, L(purposeLabels[p.purpose])),
      p.provider ? row(S.provider, `${esc(p.provider.name)} · ${L(S.tier)}: ${L(tierLabels[p.provider.tier])} · ${L(S.endpoint)}: ${esc(p.provider.endpointHost)}`) : '',
      p.tool ? row(S.tool, esc(p.tool)) : '',
      p.model ? row(S.model, esc(p.model)) : '',
      row(S.level, L(levelLabels[p.level])),
      row(S.createdBy, `${esc(p.createdBy)} · ${time(p.createdAt)}`),
      row(S.prompt, p.prompt ? `<div class="text">${esc(p.prompt)}</div>` : L(S.none)),
      row(
        S.sources,
        p.sources.length
          ? p.sources.map((s) => `${esc(s.name)} (${s.chars} ${L(S.sourceChars)}; SHA-256 <span class="hash">${esc(s.sha256)}</span>)`).join('<br>')
          : L(S.none),
      ),
      row(
        S.redactions,
        Object.keys(p.redactions).length
          ? Object.entries(p.redactions)
              .map(([kind, n]) => esc(formatted.redaction(kind, n)[lang]))
              .join(' · ')
          : L(S.none),
      ),
      row(S.editRatio, `${L(formatted.editRatio(p.editRatio))}${p.edits ? ` · ${L(S.edits)}: ${p.edits} · ${L(S.lastEdited)}: ${esc(p.lastEditedBy ?? '')} ${time(p.lastEditedAt)}` : ''}`),
    ].join('\n');
    const texts = p.verbatim
      ? `<h3>${L(S.originalText)} = ${L(S.currentText)}</h3><div class="text">${esc(p.originalText)}</div>${p.removed ? '' : `<p class="warning">${L(S.verbatimWarning)}</p>`}`
      : `<h3>${L(S.originalText)}</h3><div class="text">${esc(p.originalText)}</div><h3>${L(S.currentText)}</h3><div class="text">${esc(p.currentText)}</div>`;
    const claims = p.claims.length ? `<h3>${L(S.claimsTable)}</h3>${claimTable(p.claims)}` : `<p>${L(S.noClaims)}</p>`;
    const retired = p.retiredClaims.length ? `<h3>${L(S.retiredClaims)}</h3>${claimTable(p.retiredClaims)}` : '';
    const removedNote = p.removed ? ` — ${L(S.removed)} (${esc(p.removedBy ?? '')}, ${time(p.removedAt)})` : '';
    return `<section class="passage${p.removed ? ' removed' : ''}">
<h3>${L(S.passage)} ${index + 1} · <span class="hash">${esc(shortId(p.passageId))}</span>${removedNote}</h3>
<table class="facts"><tbody>
${facts}
</tbody></table>
${texts}
${claims}
${retired}
</section>`;
  };

  const disclosure = state.disclosure
    ? `<p>«${esc(state.disclosure.text)}» (${esc(profileLabel(lang, state.disclosure.profile))}; ${esc(state.disclosure.by)}, ${time(state.disclosure.at)})</p>`
    : `<p>${L(S.disclosureMissing)}</p>`;

  const signOffs = state.signOffs.length
    ? `<table><thead><tr><th>${L(S.signer)}</th><th>${L(S.role)}</th><th>${L(S.when)}</th><th>${L(S.atThatTime)}</th><th>${L(S.status)}</th></tr></thead><tbody>
${state.signOffs
  .map(
    (s) =>
      `<tr><td>${esc(s.by)}</td><td>${esc(s.role ?? '—')}</td><td>${time(s.at)}</td><td>${L(formatted.signOffSummary(s.summary))}</td><td class="${s.current ? 'ok' : 'bad'}">${L(s.current ? S.signOffCurrent : S.signOffStale)}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`
    : `<p>${L(S.signOffNone)}</p>`;

  // Issue 11: per signed event, and the signed text against the document now.
  const sigLabel: Record<SignatureStatus, { vi: string; en: string }> = {
    trusted: S.sigTrusted,
    'name-mismatch': S.sigNameMismatch,
    'not-valid-then': S.sigNotValidThen,
    'unknown-key': S.sigUnknownKey,
    invalid: S.sigInvalid,
    unsigned: S.sigUnsigned,
  };
  const signatureReport = await checkSignatures(record, options.trustedKeys ?? []);
  const signatures = signatureReport.events.length
    ? `<table><thead><tr><th>${L(S.signedEvent)}</th><th>${L(S.signedBy)}</th><th>${L(S.when)}</th><th>${L(S.keyOwner)}</th><th>${L(S.status)}</th></tr></thead><tbody>
${signatureReport.events
  .map(
    (e) =>
      `<tr><td>#${e.seq} ${esc(e.type)}</td><td>${esc(e.actor)}</td><td>${time(e.at)}</td><td>${e.trusted ? esc(`${e.trusted.name}, ${e.trusted.unit}`) : '—'}</td><td class="${e.status === 'trusted' ? 'ok' : e.status === 'invalid' || e.status === 'name-mismatch' ? 'bad' : ''}">${L(sigLabel[e.status])}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`
    : `<p>${L(S.signaturesNone)}</p>`;
  const signedText = options.signedText
    ? options.signedText.comparison.unchanged
      ? `<p class="ok">${L(S.textUnchanged)}</p>`
      : `<p class="bad">${L(S.textChanged)} ${esc(options.signedText.comparison.changed.join(', ') || '—')}</p>`
    : '';

  const problems = state.problems.length
    ? `<h2>${L(S.problemsSection)}</h2><ul>${state.problems.map((p) => `<li>${L(p.message)}</li>`).join('')}</ul>`
    : '';

  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${L(S.title)} · ${esc(shortId(record.documentId))}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${L(S.title)}</h1>
<p class="intro">${L(S.intro)}</p>
<h2>${L(S.documentSection)}</h2>
${general}
<h2>${L(S.summarySection)}</h2>
${summary}
<h2>${L(S.passagesSection)}</h2>
${state.passages.map(passageHtml).join('\n')}
<h2>${L(S.disclosureSection)}</h2>
${disclosure}
<h2>${L(S.signOffSection)}</h2>
${signOffs}
${signedText}
<h2>${L(S.signaturesSection)}</h2>
${signatures}
${problems}
<p class="note">${L(S.timeZoneNote)}</p>
<p class="note">${L(S.legalNote)}</p>
</body>
</html>
`;
}
