// The scanner: normalise, run the recognisers in order (each masking what it claimed), map every
// span back to the caller's original text, add cross-citation diagnostics, suggest a level.

import { ScanContext, type FindingDraft, type Recogniser } from './context';
import { normalise, type Normalised } from './normalise';
import { suggestLevel } from './level';
import { marksRecogniser } from './recognisers/marks';
import { citationsRecogniser } from './recognisers/citations';
import { datesRecogniser } from './recognisers/dates';
import {
  addressRecogniser,
  dateOfBirthRecogniser,
  documentNumberRecogniser,
  emailRecogniser,
  groupedIdentityNumberRecogniser,
  identityNumberRecogniser,
  nameRecogniser,
  phoneRecogniser,
} from './recognisers/personal-data';
import { topicsRecogniser } from './recognisers/topics';
import { figuresRecogniser } from './recognisers/figures';
import type {
  CitationFinding,
  Diagnostic,
  DocumentPart,
  Finding,
  PartDiagnostic,
  PartFinding,
  PartsScanResult,
  ScanOptions,
  ScanResult,
} from './types';
import { bilingual } from '../i18n';

/**
 * Order matters: secrecy marks → citations → dates (a date of birth first) → personal data →
 * topics → figures. Each claims its spans, so "13/2023" inside a symbol is never two figures and
 * a date of birth is personal data rather than a figure.
 */
export const RECOGNISERS: readonly Recogniser[] = [
  marksRecogniser,
  citationsRecogniser,
  dateOfBirthRecogniser,
  datesRecogniser,
  phoneRecogniser,
  emailRecogniser,
  identityNumberRecogniser,
  groupedIdentityNumberRecogniser,
  documentNumberRecogniser,
  addressRecogniser,
  nameRecogniser,
  topicsRecogniser,
  figuresRecogniser,
];

/**
 * Defects of the text inside cited symbols that normalisation repaired for matching (issue 9): a space
 * inside a symbol ("QĐ- UBND", "14730 /STC-VP") is a format warning; a letter of another script that
 * looks Latin (a Cyrillic "Т" in "TT-BKHĐТ") is an error, since it also defeats every search for the
 * document.
 */
function symbolDefects(ctx: ScanContext, norm: Normalised, original: string): void {
  if (norm.squeezed.length === 0 && norm.folded.length === 0) return;
  // Citations do not overlap: sorted by start, the one holding [s, e) is found by binary search.
  const cites = ctx.findings.filter((f) => f.kind === 'citation').sort((a, b) => a.start - b.start);
  const citing = (s: number, e: number): FindingDraft | undefined => {
    let lo = 0;
    let hi = cites.length - 1;
    let hit = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((cites[mid] as FindingDraft).start < e) {
        hit = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const c = hit >= 0 ? cites[hit] : undefined;
    return c && c.end > s ? c : undefined;
  };
  for (const [s, e] of norm.squeezed) {
    const c = citing(s, e);
    if (!c || c.kind !== 'citation') continue;
    const o = norm.span(s, e);
    const written = original.slice(o.start, o.end);
    const symbol = c.citation.symbol ?? ctx.text.slice(s, e);
    ctx.diagnose('warning', 'symbol-spacing', s, e, bilingual('checks.scan.symbolDefects.symbol-spacing', { written, symbol }));
  }
  const byCitation = new Map<FindingDraft, number[]>();
  for (const pos of norm.folded) {
    const c = citing(pos, pos + 1);
    if (!c) continue;
    const list = byCitation.get(c);
    if (list) list.push(pos);
    else byCitation.set(c, [pos]);
  }
  for (const [c, positions] of byCitation) {
    if (c.kind !== 'citation') continue;
    const letters = positions.map((p) => {
      const o = norm.span(p, p + 1);
      const ch = original.slice(o.start, o.end);
      return `«${ch}» U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    });
    const symbol = c.citation.symbol ?? c.value;
    ctx.diagnose('error', 'lookalike-letters', c.start, c.end, bilingual('checks.scan.symbolDefects.lookalike-letters', { symbol, letters: letters.join(', ') }));
  }
}

function byPosition(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.start - b.start || a.end - b.end;
}

function requireText(text: unknown, what: string): string {
  if (typeof text !== 'string') {
    throw new TypeError(`${what}: cần một chuỗi văn bản / expected a string of text (got ${text === null ? 'null' : typeof text}).`);
  }
  return text;
}

/** Findings and per-text diagnostics of one text, with spans in the original text. */
export function analyse(original: string, options: ScanOptions = {}): { findings: Finding[]; diagnostics: Diagnostic[] } {
  requireText(original, 'scanText');
  const norm = normalise(original);
  const ctx = new ScanContext(norm.text, options.now ?? new Date());
  for (const r of RECOGNISERS) if (!(options.levelOnly && r === figuresRecogniser)) r.run(ctx);
  symbolDefects(ctx, norm, original);
  // Drafts become findings in place (no copies: a 1 MB text has ~10k findings).
  const findings = ctx.findings as Finding[];
  const diagnostics = ctx.diagnostics as Diagnostic[];
  if (norm.identity) {
    // Offsets are the original ones already: no span objects to make per finding.
    for (const f of findings) f.text = original.slice(f.start, f.end);
    for (const d of diagnostics) d.text = original.slice(d.start, d.end);
  } else {
    for (const f of findings) {
      const { start, end } = norm.span(f.start, f.end);
      f.start = start;
      f.end = end;
      f.text = original.slice(start, end);
    }
    for (const d of diagnostics) {
      const { start, end } = norm.span(d.start, d.end);
      d.start = start;
      d.end = end;
      d.text = original.slice(start, end);
    }
  }
  findings.sort(byPosition);
  diagnostics.sort(byPosition);
  return { findings, diagnostics };
}

function symbolKey(c: CitationFinding): string | undefined {
  const s = c.citation.symbol;
  if (!s || c.citation.draft || !c.citation.number) return undefined;
  const key = s.replace(/^0+(?=\d)/u, '');
  // Numbers without a year in the symbol (permits, công văn, administrative decisions) restart each
  // year: 01/GP-UBND of 2017 and 01/GP-UBND of 2019 are two documents, not one with two dates.
  if (c.citation.year === undefined && c.citation.date) return `${key}@${c.citation.date.slice(0, 4)}`;
  return key;
}

/** One symbol cited with two different issuance dates (across all parts of a document). */
export function conflictingDates<F extends Finding>(findings: readonly F[]): Array<Diagnostic & { finding: F }> {
  const first = new Map<string, CitationFinding>();
  const out: Array<Diagnostic & { finding: F }> = [];
  for (const f of findings) {
    if (f.kind !== 'citation' || !f.citation.date) continue;
    const key = symbolKey(f);
    if (!key) continue;
    const seen = first.get(key);
    if (!seen) {
      first.set(key, f);
      continue;
    }
    if (seen.citation.date !== f.citation.date) {
      out.push({
        severity: 'error',
        code: 'conflicting-dates',
        text: f.text,
        start: f.start,
        end: f.end,
        message: bilingual('checks.scan.conflictingDates.message', { key: String(key.split('@')[0]), date: String(seen.citation.date), date2: String(f.citation.date) }),
        finding: f,
      });
    }
  }
  return out;
}

/** Scans one text: findings sorted by start, diagnostics, suggested level. */
export function scanText(text: string, options: ScanOptions = {}): ScanResult {
  const { findings, diagnostics } = analyse(text, options);
  for (const c of conflictingDates(findings)) {
    const { finding: _f, ...d } = c;
    diagnostics.push(d);
  }
  diagnostics.sort(byPosition);
  return { findings, diagnostics, level: suggestLevel(findings) };
}

/**
 * Scans the parts of one document (body, headers, footers, text boxes…). Every finding and
 * diagnostic names its part; cross-part checks see all parts; the level is the strictest of all.
 */
export function scanParts(parts: readonly DocumentPart[], options: ScanOptions = {}): PartsScanResult {
  if (!Array.isArray(parts)) throw new TypeError('scanParts: cần một danh sách phần văn bản / expected an array of { part, text }.');
  const findings: PartFinding[] = [];
  const diagnostics: PartDiagnostic[] = [];
  for (const p of parts) {
    const text = requireText(p?.text, `scanParts (${String(p?.part)})`);
    const r = analyse(text, options);
    // analyse made these objects for this call alone: each takes its part in place (a copy per
    // finding cost a quarter of a 4 MB scan's time). The part is still the last key, as a copy gave.
    for (const f of r.findings as PartFinding[]) {
      f.part = p.part;
      findings.push(f);
    }
    for (const d of r.diagnostics as PartDiagnostic[]) {
      d.part = p.part;
      diagnostics.push(d);
    }
  }
  for (const c of conflictingDates(findings)) {
    const { finding, ...d } = c;
    diagnostics.push({ ...d, part: finding.part });
  }
  return { findings, diagnostics, level: suggestLevel(findings) };
}

/** The claims in a passage a person must verify: its citations and figures (dates included). */
export function claimsIn(text: string, options: ScanOptions = {}): Array<Finding & { kind: 'citation' | 'figure' }> {
  return analyse(text, options).findings.filter((f): f is Finding & { kind: 'citation' | 'figure' } => f.kind === 'citation' || f.kind === 'figure');
}
