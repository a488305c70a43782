// `aiprov scan FILE [--json]`: what the checks engine finds in a text file or a .docx.
import { findingSubtypeLabel } from '../../i18n';
import { LEVEL_LABELS, PERSONAL_DATA_THRESHOLD, TOPIC_THRESHOLD, scanParts } from '../../checks';
import type { Diagnostic, Finding, FindingKind, PartFinding } from '../../checks/types';
import { type CliContext, CliError, parseCommandArgs } from '../context';
import { readDocumentParts } from '../load';
import { messages } from '../messages';
import { checkCitationsAgainstRegistry } from '../../checks/registry';
import { loadRegistry, registryFilesFor } from './registry';

const KIND_ORDER: FindingKind[] = ['mark', 'citation', 'figure', 'personal-data', 'topic'];
const SHOWN_PER_KIND = 25;

export async function scanCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' }, registry: { type: 'string', multiple: true }, settings: { type: 'string' } });
  const m = messages(context.lang);
  const path = positionals[0];
  if (!path) throw new CliError({ vi: messages('vi').missingFile, en: messages('en').missingFile }, 2);
  const parts = await readDocumentParts(path);
  const scanned = scanParts(parts.map(({ part, text }) => ({ part, text })));
  // Citations checked against the registry (core + --registry files), as of today.
  const registry = await loadRegistry(await registryFilesFor(values.registry ?? [], context, values.settings));
  const checked = checkCitationsAgainstRegistry(scanned.findings, registry, new Date().toISOString().slice(0, 10));
  const registryDiagnostics = checked.diagnostics.map((d, i) => ({ ...d, part: (checked.sources[i] as PartFinding).part }));
  // The cited symbol behind each registry diagnostic, for the grouped "not listed" line of the text output.
  const symbolOf = new Map<Diagnostic, string | undefined>(registryDiagnostics.map((d, i) => {
    const source = checked.sources[i] as PartFinding;
    return [d, source.kind === 'citation' ? source.citation.symbol : undefined];
  }));
  const result = {
    level: scanned.level,
    findings: scanned.findings,
    diagnostics: [...scanned.diagnostics, ...registryDiagnostics],
  };

  if (values.json) {
    // Each citation with its registry result; only here (the text output does not show it, and a copy
    // of every finding measured ≈ 100 ms on 4 MB).
    const findings = result.findings.map((f) => (checked.results.has(f) ? { ...f, registry: checked.results.get(f) } : f));
    context.stdout(JSON.stringify({ file: path, level: result.level, findings, diagnostics: result.diagnostics }, null, 2) + '\n');
    return 0;
  }

  const lines: string[] = [`${m.file}: ${path}`];
  lines.push(`${m.suggestedLevel}: ${result.level.level} — ${result.level.label[context.lang]}`);
  // issue 9 — level: evidence and topic suggestions apart (a topic is a guess a person may set aside).
  const topic = result.level.topicSuggestion;
  if (topic) lines.push(`  ${m.fromEvidenceLevel(result.level.fromEvidence, LEVEL_LABELS[result.level.fromEvidence][context.lang])}`);
  if (result.level.evidence.length === 0) lines.push(`  ${m.evidence}: ${m.noEvidence}`);
  for (const evidence of result.level.evidence.slice(0, 10)) {
    lines.push(`  • ${evidence.reason[context.lang]} ${where(evidence.part)}«${oneLine(evidence.text)}»`);
  }
  if (topic) {
    const seen = [...new Set(topic.evidence.map((e) => `«${oneLine(e.text)}»`))].slice(0, 3).join(', ');
    lines.push(`  ${m.topicSuggestionTitle}: ${topic.reason[context.lang]} ${seen}`, `    ${m.setAsideHint(path)}`);
  }
  // One list per kind, appended to in place (copying it per finding made 4 MB of text take minutes).
  const byKind = new Map<FindingKind, Finding[]>();
  for (const finding of result.findings) {
    const list = byKind.get(finding.kind);
    if (list) list.push(finding);
    else byKind.set(finding.kind, [finding]);
  }
  if (result.findings.length === 0) lines.push('', m.nothingFound);
  for (const kind of KIND_ORDER) {
    const found = byKind.get(kind);
    if (!found?.length) continue;
    lines.push('', `${m.kindTitles[kind]} (${found.length})`);
    for (const finding of found.slice(0, SHOWN_PER_KIND)) {
      const part = (finding as Finding & { part?: string }).part;
      // A finding too uncertain to raise the level says so, with its reason, rather than contradict the level above.
      const below = belowThreshold(finding);
      lines.push(`  ${where(part)}${oneLine(finding.text)}  [${findingSubtypeLabel(context.lang, finding.subtype)}]${below ? ` — ${m.lowConfidence(Math.round(finding.confidence * 100))}: ${finding.explanation[context.lang]}` : ''}`);
    }
    if (found.length > SHOWN_PER_KIND) lines.push(`  ${m.more(found.length - SHOWN_PER_KIND)}`);
  }
  if (result.diagnostics.length) {
    lines.push('', `${m.diagnosticsTitle} (${result.diagnostics.length})`);
    // Citations the registry does not list are information: one line with a count and the first few.
    const notListed: string[] = [];
    for (const diagnostic of result.diagnostics as (Diagnostic & { part?: string })[]) {
      if (diagnostic.code === 'registry-not-listed') {
        notListed.push(symbolOf.get(diagnostic) ?? oneLine(diagnostic.text));
        continue;
      }
      lines.push(`  ${m.severity[diagnostic.severity]}: ${where(diagnostic.part)}«${oneLine(diagnostic.text)}» — ${diagnostic.message[context.lang]}`);
    }
    if (notListed.length) {
      const unique = [...new Set(notListed)];
      const shown = unique.slice(0, NOT_LISTED_SHOWN).map((t) => `«${t}»`).join(', ');
      lines.push(`  ${m.severity.info}: ${m.notListed(notListed.length, shown, unique.length - Math.min(unique.length, NOT_LISTED_SHOWN))}`);
    }
  }
  context.stdout(lines.join('\n') + '\n');
  return 0;
}

/** How many unlisted citations the grouped line names. */
const NOT_LISTED_SHOWN = 5;

function belowThreshold(finding: Finding): boolean {
  if (finding.kind === 'personal-data') return finding.confidence < PERSONAL_DATA_THRESHOLD;
  if (finding.kind === 'topic') return finding.confidence < TOPIC_THRESHOLD;
  return false;
}

function where(part: string | undefined): string {
  return part && part !== 'body' ? `[${part}] ` : '';
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? flat.slice(0, 117) + '…' : flat;
}
