// Registry results for the citations a scan found, and the diagnostics they give (vi + en, each
// naming the registry entry). Pure: the registry is passed in.
import type { Bilingual, CitationFinding, Diagnostic, DiagnosticSeverity, Finding } from '../types';
import { lookupCitation, type Registry, type RegistryLookup } from './lookup';
import type { RegistryEntry } from './types';
import { bilingual } from '../../i18n';

/** What `scan --json` / `inspect --json` carry per citation (see docs/scan-schema.md). */
export interface CitationRegistryResult {
  result: RegistryLookup['result'];
  /** The entry found (or, for `ambiguous`, none); offered as the claim's suggested source. */
  entry?: Pick<RegistryEntry, 'symbol' | 'type' | 'issuer' | 'issued' | 'effective' | 'title' | 'status' | 'replaced_by'>;
  statusAt?: string;
  replacedBy?: string[];
  mismatches?: { field: string; cited: string; registry: string }[];
  candidates?: number;
}

function brief(e: RegistryEntry): CitationRegistryResult['entry'] {
  return { symbol: e.symbol, type: e.type, issuer: e.issuer, issued: e.issued, effective: e.effective, title: e.title, status: e.status, replaced_by: e.replaced_by };
}

const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const name = (e: RegistryEntry) => `${e.type} ${e.symbol}${e.title ? ` (${e.title})` : ''}`;

export function registryResultOf(lookup: RegistryLookup): CitationRegistryResult {
  switch (lookup.result) {
    case 'found':
      return { result: 'found', entry: brief(lookup.entry), statusAt: lookup.statusAt, replacedBy: lookup.replacedBy, mismatches: lookup.mismatches };
    case 'ambiguous':
      return { result: 'ambiguous', candidates: lookup.candidates.length };
    default:
      return { result: lookup.result };
  }
}

function diag(f: CitationFinding, severity: DiagnosticSeverity, code: string, message: Bilingual): Diagnostic {
  return { severity, code, text: f.text, start: f.start, end: f.end, message };
}

const FIELD: Record<string, Bilingual> = {
  date: bilingual('checks.registry.diagnose.FIELD.date'),
  issuer: bilingual('checks.registry.diagnose.FIELD.issuer'),
  type: bilingual('checks.registry.diagnose.FIELD.type'),
  title: bilingual('checks.registry.diagnose.FIELD.title'),
};

export function registryDiagnostics(f: CitationFinding, lookup: RegistryLookup): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (lookup.result === 'not-found') {
    const c = lookup.coverage;
    out.push(diag(f, 'error', 'registry-not-found', {
      vi: `Không có văn bản ${f.citation.symbol} trong danh mục, dù danh mục có đủ ${c.type}${c.issuer ? ` của ${c.issuer}` : ''} năm ${c.fromYear}–${c.toYear}: kiểm tra lại số ký hiệu.`,
      en: `No document ${f.citation.symbol} in the registry, which lists every ${c.type}${c.issuer ? ` of ${c.issuer}` : ''} of ${c.fromYear}–${c.toYear}: check the symbol.`,
    }));
  }
  if (lookup.result === 'not-in-registry') {
    // Information, not an error: no registry here claims to list every document of that kind and year.
    out.push(diag(f, 'info', 'registry-not-listed', bilingual('checks.registry.diagnose.registryDiagnostics.registry-not-listed', { symbol: String(f.citation.symbol) })));
  }
  if (lookup.result !== 'found') return out;
  const e = lookup.entry;
  for (const m of lookup.mismatches) {
    const shown = m.field === 'date' ? [vnDate(m.cited), vnDate(m.registry)] : [m.cited, m.registry];
    out.push(diag(f, m.field === 'title' ? 'warning' : 'error', `registry-${m.field}-mismatch`, {
      vi: `${FIELD[m.field]!.vi[0]!.toUpperCase()}${FIELD[m.field]!.vi.slice(1)} khác danh mục: trích dẫn ghi «${shown[0]}», danh mục ghi «${shown[1]}» cho ${name(e)}.`,
      en: `The ${FIELD[m.field]!.en} differs from the registry: cited «${shown[0]}», the registry has «${shown[1]}» for ${name(e)}.`,
    }));
  }
  if (lookup.statusAt === 'expired') {
    const by = lookup.replacedBy.join(', ');
    const since = e.status_as_of ? vnDate(e.status_as_of) : undefined;
    out.push(diag(f, 'warning', 'registry-expired', {
      vi: `${name(e)} đã hết hiệu lực${since ? ` từ ${since}` : ''}${by ? `, được thay thế bởi ${by}` : ''}.`,
      en: `${name(e)} is no longer in force${since ? ` since ${since}` : ''}${by ? `; replaced by ${by}` : ''}.`,
    }));
  }
  if (lookup.statusAt === 'not-yet-in-force' && e.effective) {
    out.push(diag(f, 'warning', 'registry-not-yet-in-force', bilingual('checks.registry.diagnose.registryDiagnostics.registry-not-yet-in-force', { value: name(e), value2: vnDate(e.effective) })));
  }
  return out;
}

/** Look every symbol citation up; `at` is the reference date (the document's date, or today), yyyy-mm-dd. */
export function checkCitationsAgainstRegistry(
  findings: readonly Finding[],
  registry: Registry,
  at: string,
): { results: Map<Finding, CitationRegistryResult>; diagnostics: Diagnostic[]; sources: Finding[] } {
  const results = new Map<Finding, CitationRegistryResult>();
  const diagnostics: Diagnostic[] = [];
  /** `sources[i]` is the citation `diagnostics[i]` is about (its part, for a document of parts). */
  const sources: Finding[] = [];
  // issue 14 — performance: a long text cites the same few documents thousands of times; each distinct
  // citation (same symbol, type, issuer, date, title, year) is looked up once. The lookup depends on
  // nothing else, so the result is the same; the diagnostics still name each finding.
  // The diagnostics' wording depends on the same fields (and the symbol), so it is made once per
  // distinct citation too; each finding gets its own diagnostics (its text and place) sharing it.
  const seen = new Map<string, { result: CitationRegistryResult; said: Omit<Diagnostic, 'text' | 'start' | 'end'>[] }>();
  for (const f of findings) {
    if (f.kind !== 'citation' || !f.citation.symbol || f.citation.draft) continue;
    const c = f.citation;
    const key = JSON.stringify([c.symbol, c.typeName, c.issuerName, c.date, c.title, c.year]);
    let known = seen.get(key);
    if (!known) {
      const lookup = lookupCitation(registry, { symbol: c.symbol!, typeName: c.typeName, issuerName: c.issuerName, date: c.date, title: c.title, year: c.year }, at);
      const said = registryDiagnostics(f, lookup).map(({ severity, code, message }) => ({ severity, code, message }));
      known = { result: registryResultOf(lookup), said };
      seen.set(key, known);
    }
    results.set(f, known.result);
    for (const { severity, code, message } of known.said) {
      diagnostics.push(diag(f, severity, code, message));
      sources.push(f);
    }
  }
  return { results, diagnostics, sources };
}
