// Precision of the checks engine on the real published texts of ../shared/realtext (issue 9).
//
// There is no hand-made answer key for those 120 documents, so the measure uses an independent,
// deliberately loose "oracle": every token shaped like a document symbol (digits, a slash or hyphen,
// then upper-case code groups), spaces and look-alike letters tolerated. Each oracle symbol must be
// covered by exactly one citation finding whose normalised symbol is the oracle's, whole ("found
// whole"); a finding with a shorter or different symbol is "split"; none is "missed". Error
// diagnostics are counted apart: an error is a false error unless it names a real defect of the
// published text — look-alike letters of another script, or a citation the ../shared registry seed
// contradicts (see confirmedDefect).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanText, type CitationFinding, type Diagnostic, type ScanResult } from '../../../src/checks/index';
import { buildRegistry, parseRegistryJsonl, registryKey, type Registry } from '../../../src/checks/registry/index';

export const REALTEXT_DIR = join(process.cwd(), '..', 'shared', 'realtext');
export const realtextPresent = (): boolean => existsSync(join(REALTEXT_DIR, 'index.json'));
export const SEED_FILE = join(process.cwd(), '..', 'shared', 'registry', 'documents.jsonl');

let seed: Registry | null | undefined;
/** The ../shared registry seed, when present: the evidence that an error names a real defect. */
export function seedRegistry(): Registry | null {
  if (seed === undefined) seed = existsSync(SEED_FILE) ? buildRegistry([parseRegistryJsonl(readFileSync(SEED_FILE, 'utf8')).entries]) : null;
  return seed;
}

/**
 * An error names a real defect of the published text when the registry seed contradicts the citation
 * the way the error says: the issue date cited differs from the registry's (year-mismatch,
 * conflicting-dates), or the symbol as cited is unknown while the same number and year under another
 * Quốc hội term is known (term-mismatch). Look-alike letters are a defect by definition.
 */
export function confirmedDefect(d: Diagnostic, cites: readonly CitationFinding[], registry: Registry | null): boolean {
  if (DEFECT_ERROR_CODES.has(d.code)) return true;
  if (!registry) return false;
  const c = cites.find((f) => f.start <= d.start && f.end >= d.end) ?? cites.find((f) => f.start < d.end && f.end > d.start);
  const symbol = c?.citation.symbol;
  if (!c || !symbol) return false;
  const entries = registry.index.get(registryKey(symbol)) ?? [];
  if (d.code === 'year-mismatch' || d.code === 'conflicting-dates') {
    return entries.length > 0 && c.citation.date !== undefined && entries.every((e) => e.issued !== c.citation.date) ? true
      : d.code === 'conflicting-dates' && entries.length > 0 && cites.some((o) => o.citation.symbol === symbol && o.citation.date && entries.every((e) => e.issued !== o.citation.date));
  }
  if (d.code === 'term-mismatch') {
    const m = /^(\d+)\/(\d{4})\/(UBTVQH|QH)\d+$/u.exec(symbol);
    if (!m || entries.length > 0) return false;
    for (let term = 8; term <= 16; term++) if (registry.index.has(registryKey(`${m[1]}/${m[2]}/${m[3]}${term}`))) return true;
  }
  return false;
}

/** Error codes that name a defect of the text itself (never a false error when they fire). */
export const DEFECT_ERROR_CODES: ReadonlySet<string> = new Set(['lookalike-letters']);
/**
 * Errors where the citation contradicts itself (the year of the symbol is the year of issue by law;
 * a Quốc hội term has fixed years; a day that does not exist): a defect even when the registry seed
 * does not know the document. Reported apart from the registry-confirmed ones, for review.
 */
export const SELF_CONTRADICTION_CODES: ReadonlySet<string> = new Set(['year-mismatch', 'term-mismatch', 'invalid-date']);

// Cyrillic / Greek capitals a reader takes for Latin (the oracle folds them to find the symbol).
const LOOKALIKE: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', І: 'I',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};
const UPPER = 'A-ZĐÀ-ỸА-ЯΑ-Ω';
const SEG = `[${UPPER}][\\p{L}\\d&.]*`;
const CODE = `${SEG}(?:[ \\t]?-[ \\t]?${SEG})*`;
const NUM = '(\\d{1,5}(?:\\.\\d{1,2})?[a-zđ]?)';
// State: number / [year /] code groups. Party: number - type / issuer groups.
const ORACLE_RE = new RegExp(
  `(?<![\\p{L}\\d.,/-])${NUM}(?:[ \\t]?/[ \\t]?(?:((?:19|20)\\d{2})[ \\t]?/[ \\t]?)?(${CODE})|[ \\t]?-[ \\t]?(${SEG})[ \\t]?/[ \\t]?(${CODE}))(?![\\p{L}\\d])`,
  'gu',
);

export interface OracleSymbol {
  start: number;
  end: number;
  raw: string;
  /** Spaces removed, look-alikes folded, trailing dot dropped. */
  symbol: string;
}

function fold(s: string): string {
  let out = '';
  for (const ch of s) out += LOOKALIKE[ch] ?? ch;
  return out;
}

/** Code groups that look like a document code (not "Tổng", "Hà Nội"). */
function codeLike(code: string): boolean {
  const segs = code.split('-');
  let upper = 0;
  for (const s of segs) {
    const lower = (s.match(/\p{Ll}/gu) ?? []).length;
    if (lower > 2 || s.length > 14) return false;
    upper += (s.match(/\p{Lu}/gu) ?? []).length;
  }
  return upper >= 2;
}

export function oracleSymbols(text: string): OracleSymbol[] {
  const out: OracleSymbol[] = [];
  ORACLE_RE.lastIndex = 0;
  for (let m = ORACLE_RE.exec(text); m; m = ORACLE_RE.exec(text)) {
    let raw = m[0];
    // A sentence-final dot is not part of the issuer code.
    while (raw.endsWith('.')) raw = raw.slice(0, -1);
    const code = ((m[3] ?? `${m[4]}-${m[5]}`) as string).replace(/\.+$/u, '').replace(/[ \t]/gu, '');
    if (!codeLike(fold(code))) continue;
    const symbol = fold(raw.replace(/[ \t]/gu, ''));
    out.push({ start: m.index, end: m.index + raw.length, raw, symbol });
  }
  return out;
}

export type Outcome = 'whole' | 'split' | 'missed';

export interface SymbolOutcome extends OracleSymbol {
  outcome: Outcome;
  found?: string;
}

export interface DocMeasure {
  file: string;
  chars: number;
  symbols: SymbolOutcome[];
  /** Errors on citations nothing shows to be wrong: the figure that must be 0. */
  falseErrors: Diagnostic[];
  /** Errors on a defect shown by the registry seed or by definition (look-alike letters). */
  defectErrors: Diagnostic[];
  /** Errors on a citation that contradicts itself, the document unknown to the seed. */
  selfContradictions: Diagnostic[];
  warnings: Diagnostic[];
  /** The level that applies until a person answers (evidence, and topic suggestions fail closed). */
  level: number;
  /** issue 9 — level: the level the evidence alone justifies (stamps, marks, personal identifiers, a draft). */
  levelFromEvidence: number;
  /** The topics whose suggestion (level 2) is the only reason `level` is above `levelFromEvidence`, or []. */
  topicSuggestion: string[];
  result: ScanResult;
}

const canon = (s: string): string => s.replace(/^0+(?=\d)/u, '').replace(/(\/|-)0+(?=\d)/gu, '$1');

export function measureText(file: string, text: string): DocMeasure {
  const result = scanText(text);
  const cites = result.findings.filter((f): f is CitationFinding => f.kind === 'citation');
  const symbols: SymbolOutcome[] = oracleSymbols(text).map((o) => {
    const over = cites.filter((c) => c.start < o.end && c.end > o.start);
    const hit = over.find((c) => c.citation.symbol !== undefined && canon(c.citation.symbol) === canon(o.symbol));
    if (hit && over.length === 1) return { ...o, outcome: 'whole', found: hit.citation.symbol };
    if (over.length === 0) return { ...o, outcome: 'missed' };
    return { ...o, outcome: 'split', found: over.map((c) => c.citation.symbol ?? c.value).join(' | ') };
  });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const registry = seedRegistry();
  const confirmed = errors.filter((d) => confirmedDefect(d, cites, registry));
  return {
    file,
    chars: text.length,
    symbols,
    falseErrors: errors.filter((d) => !confirmed.includes(d) && !SELF_CONTRADICTION_CODES.has(d.code)),
    defectErrors: confirmed,
    selfContradictions: errors.filter((d) => !confirmed.includes(d) && SELF_CONTRADICTION_CODES.has(d.code)),
    warnings: result.diagnostics.filter((d) => d.severity === 'warning'),
    level: result.level.level,
    levelFromEvidence: result.level.fromEvidence,
    topicSuggestion: result.level.level > result.level.fromEvidence ? (result.level.topicSuggestion?.topics ?? []) : [],
    result,
  };
}

export interface CorpusMeasure {
  docs: DocMeasure[];
  symbols: number;
  whole: number;
  split: number;
  missed: number;
  falseErrors: number;
  defectErrors: number;
  selfContradictions: number;
  /** Documents per applied level (evidence and topic suggestions together, fail closed). */
  levels: Record<number, number>;
  /** Documents per level from evidence alone. */
  levelsFromEvidence: Record<number, number>;
  /** Documents whose level is raised only by a topic suggestion, per topic (a document may count under several). */
  topicSuggestions: { documents: number; byTopic: Record<string, number> };
}

export function measureCorpus(): CorpusMeasure {
  const index = JSON.parse(readFileSync(join(REALTEXT_DIR, 'index.json'), 'utf8')) as Array<{ file: string }>;
  const docs = index.map((e) => measureText(e.file, readFileSync(join(REALTEXT_DIR, 'docs', e.file), 'utf8')));
  const all = docs.flatMap((d) => d.symbols);
  const levels: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  const levelsFromEvidence: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  const byTopic: Record<string, number> = {};
  for (const d of docs) {
    levels[d.level] = (levels[d.level] ?? 0) + 1;
    levelsFromEvidence[d.levelFromEvidence] = (levelsFromEvidence[d.levelFromEvidence] ?? 0) + 1;
    for (const t of d.topicSuggestion) byTopic[t] = (byTopic[t] ?? 0) + 1;
  }
  return {
    docs,
    symbols: all.length,
    whole: all.filter((s) => s.outcome === 'whole').length,
    split: all.filter((s) => s.outcome === 'split').length,
    missed: all.filter((s) => s.outcome === 'missed').length,
    falseErrors: docs.reduce((n, d) => n + d.falseErrors.length, 0),
    defectErrors: docs.reduce((n, d) => n + d.defectErrors.length, 0),
    selfContradictions: docs.reduce((n, d) => n + d.selfContradictions.length, 0),
    levels,
    levelsFromEvidence,
    topicSuggestions: { documents: docs.filter((d) => d.topicSuggestion.length > 0).length, byTopic },
  };
}
