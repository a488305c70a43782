// The logbook as one self-contained HTML page for A4 print: tables and two bar charts drawn as plain
// SVG here (no library, nothing fetched).
import type { GroupRow, Logbook } from './aggregate';
import { documentColumns } from './outputs';
import { evidenceLabel, logbookStrings, purposeLabel, tierLabel, type Lang } from './strings';
import { EVIDENCE_KINDS } from './types';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function percent(rate: number | null, lang: Lang): string {
  if (rate === null) return '—';
  return `${(rate * 100).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })}%`;
}

/** Horizontal bars, one per row, labelled with the value; sized for half an A4 width. */
export function barChart(title: string, rows: { label: string; value: number }[]): string {
  const barHeight = 18;
  const gap = 6;
  const labelWidth = 150;
  const width = 460;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const height = 24 + rows.length * (barHeight + gap);
  const bars = rows
    .map((row, i) => {
      const y = 24 + i * (barHeight + gap);
      const w = Math.round(((width - labelWidth - 40) * row.value) / max);
      return (
        `<text x="${labelWidth - 6}" y="${y + 13}" text-anchor="end">${escape(row.label)}</text>` +
        `<rect x="${labelWidth}" y="${y}" width="${w}" height="${barHeight}" fill="#2b579a"/>` +
        `<text x="${labelWidth + w + 4}" y="${y + 13}">${row.value}</text>`
      );
    })
    .join('');
  return (
    `<figure><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escape(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-size="11" font-family="sans-serif">` +
    `<text x="0" y="14" font-weight="bold">${escape(title)}</text>${bars}</svg></figure>`
  );
}

function table(headers: string[], rows: string[][]): string {
  return `<table><thead><tr>${headers.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function logbookHtml(logbook: Logbook, lang: Lang, generatedAt: string): string {
  const s = logbookStrings(lang);
  const t = logbook.totals;
  const groupTable = (title: string, rows: GroupRow[], label: (key: string) => string = (k) => k) =>
    `<h3>${escape(title)}</h3>` +
    table(
      [s.key, s.documents, s.passages, s.claims, s.verified, s.verifiedRate, s.verbatim],
      rows.map((r) => [label(r.key), String(r.documents), String(r.passages), String(r.claims), String(r.verified), percent(r.verifiedRate, lang), String(r.verbatim)]),
    );
  const findingList = (title: string, headers: string[], rows: string[][]) =>
    `<h3>${escape(title)} (${rows.length})</h3>` + (rows.length ? table(headers, rows) : `<p>${escape(s.none)}</p>`);
  const f = logbook.findings;
  const period = logbook.filter.from || logbook.filter.to ? `${logbook.filter.from ?? '…'} – ${logbook.filter.to ?? '…'}` : s.allTime;
  const columns = documentColumns(lang);
  const apart = logbook.documents.filter((d) => d.reason);
  const totalsRows: [string, number | string][] = [
    [s.files, t.files],
    [s.documentsWithRecord, t.documentsWithRecord],
    [s.documentsWithAi, t.documentsWithAi],
    [s.passages, t.passages],
    [s.generated, t.generated],
    [s.declared, t.declared],
    [s.removed, t.removed],
    [s.claims, t.claims],
    [s.verified, t.verified],
    [s.rejected, t.rejected],
    [s.lapsed, t.lapsed],
    [s.unverified, t.unverified],
    [s.verifiedRate, percent(t.claims ? t.verified / t.claims : null, lang)],
    [s.verbatim, t.verbatim],
    [s.disclosed, t.disclosed],
    ...EVIDENCE_KINDS.map((k): [string, number] => [s.evidenceBasis(evidenceLabel(k, lang)), t.evidence[k]]),
    [s.signedOff, t.signedOff],
    [s.signedByTrustedKeyTotal, t.signedByTrustedKey],
    [s.changedSinceSignOffTotal, t.changedSinceSignOff],
    [s.unitFromTrustList, t.unitFromTrustList],
    [s.listedApart, t.listedApart],
  ];
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escape(s.title)}</title>
<style>
@page { size: A4; margin: 15mm; }
body { font-family: "Times New Roman", serif; font-size: 11pt; color: #000; max-width: 190mm; margin: auto; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt; font-size: 9pt; page-break-inside: auto; }
th, td { border: 1px solid #888; padding: 2pt 4pt; text-align: left; vertical-align: top; word-break: break-word; }
thead { display: table-header-group; } tr { page-break-inside: avoid; }
figure { margin: 6pt 0; display: inline-block; } h2 { page-break-after: avoid; } .note { font-size: 9pt; color: #444; }
</style></head><body>
<h1>${escape(s.title)}</h1>
<p>${escape(s.basis)}</p>
<p>${escape(s.generatedAt)}: ${escape(generatedAt)} · ${escape(s.period)}: ${escape(period)}</p>
<h2>${escape(s.totalsTitle)}</h2>
${table([s.key, s.count], totalsRows.map(([k, v]) => [k, String(v)]))}
${barChart(s.chartPassages, logbook.byMonth.map((r) => ({ label: r.key, value: r.passages })))}
${barChart(s.chartTier, logbook.byTier.map((r) => ({ label: tierLabel(r.key, lang), value: r.passages })))}
${barChart(s.chartEvidence, EVIDENCE_KINDS.map((k) => ({ label: evidenceLabel(k, lang), value: t.evidence[k] })))}
<h2>${escape(s.findingsTitle)}</h2>
${findingList(s.level4WithAi, [s.path, s.passages], f.level4WithAi.map((x) => [x.path, String(x.passages)]))}
${findingList(s.personalDataToNonInternal, [s.path, s.passage, s.tier, s.items], f.personalDataToNonInternal.map((x) => [x.path, x.passageShortId, tierLabel(x.tier, lang), String(x.items)]))}
${findingList(s.signOffsWithUnverified, [s.path, s.by, s.at, s.claims, s.verified], f.signOffsWithUnverified.map((x) => [x.path, x.by, x.at, String(x.claims), String(x.verified)]))}
${findingList(s.signedWithUnverifiedClaims, [s.path, s.notVerified], f.signedWithUnverifiedClaims.map((x) => [x.path, String(x.notVerified)]))}
${findingList(s.altered, [s.path, s.reason], f.altered.map((x) => [x.path, x.reason?.[lang] ?? '']))}
${findingList(s.badSignatures, [s.path, s.invalidSignatures, s.nameMismatches], f.badSignatures.map((x) => [x.path, String(x.invalid), String(x.nameMismatch)]))}
${findingList(s.unmarkedAiText, [s.foundIn, s.paragraph, s.path, s.passage], f.unmarkedAiText.map((x) => [x.foundIn, String(x.paragraph), x.sourcePath, x.passageShortId]))}
<h2>${escape(s.groupsTitle)}</h2>
${groupTable(s.byMonth, logbook.byMonth)}
${groupTable(s.byUnit, logbook.byUnit)}
${groupTable(s.byPurpose, logbook.byPurpose, (k) => purposeLabel(k, lang))}
${groupTable(s.byTier, logbook.byTier, (k) => tierLabel(k, lang))}
${groupTable(s.byPerson, logbook.byPerson)}
<h2>${escape(s.apartTitle)} (${apart.length})</h2>
${apart.length ? table([s.path, s.condition, s.reason], apart.map((d) => [d.path, s.condition_[d.condition], d.reason?.[lang] ?? ''])) : `<p>${escape(s.none)}</p>`}
<h2>${escape(s.documentsTitle)}</h2>
${table(columns.map(([h]) => h), logbook.documents.map((d) => columns.map(([, cell]) => cell(d))))}
<p class="note">${escape(s.readingNote)}</p>
</body></html>
`;
}
