// Is each figure and citation of the answer in the sources given? Figures are compared by value
// (1.234 = 1234; 1,5 tỷ đồng = 1.500 triệu đồng), citations by normalised symbol or title, then,
// when the answer names an article, by that article too. Grounded claims carry where they were found.
import { scanText } from '../checks';
import type { Bilingual, CitationFinding, FigureFinding, Finding } from '../checks/types';
import { bilingual } from '../i18n';

export type ClaimFinding = CitationFinding | FigureFinding;
/** `contradicted` (issue 10): where the source speaks of the same thing, it gives another value. */
export type GroundingStatus = 'grounded' | 'partial' | 'contradicted' | 'ungrounded';

export interface GroundingMatch {
  sourceIndex: number;
  /** Offsets into that source's text. */
  start: number;
  end: number;
  snippet: string;
}

export interface GroundedClaim {
  finding: ClaimFinding;
  status: GroundingStatus;
  match?: GroundingMatch;
  /** Why a claim is only partly grounded. */
  note?: Bilingual;
  /** For `contradicted`: the value the source gives instead (the match points at it). */
  sourceValue?: string;
}

export interface GroundingInput {
  answer: string;
  sources: readonly string[];
  /** The checks engine's findings in the answer, if the caller already scanned it. */
  answerFindings?: readonly Finding[];
  /** The findings of each source, in the same order as `sources`. */
  sourceFindings?: readonly (readonly Finding[])[];
  /** Used for whatever was not given above; the checks engine's scanText by default. */
  scan?: (text: string) => { findings: Finding[] };
}

export interface GroundingResult {
  claims: GroundedClaim[];
  grounded: number;
  partial: number;
  contradicted: number;
  ungrounded: number;
}

const SNIPPET_RADIUS = 40;

function snippet(text: string, start: number, end: number): string {
  const from = Math.max(0, start - SNIPPET_RADIUS);
  const to = Math.min(text.length, end + SNIPPET_RADIUS);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
}

const fold = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, '');
const foldTitle = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

const SCALE_WORDS: readonly RegExp[] = [/nghìn\s*tỷ|ngàn\s*tỷ|nghìn\s*tỉ/, /tỷ|tỉ/, /triệu/, /nghìn|ngàn/];

/**
 * A figure as an amount in base units. The checks engine already multiplies the scale word into
 * `number` (1,5 tỷ đồng → 1 500 000 000), so only the unit loses it: "tỷ đồng" → "đồng".
 */
function amountOf(f: FigureFinding): { amount: number; unit: string } | undefined {
  if (f.number === undefined || !Number.isFinite(f.number)) return undefined;
  let unit = (f.unit ?? '').normalize('NFC').toLowerCase().trim();
  for (const re of SCALE_WORDS) {
    if (re.test(unit)) {
      unit = unit.replace(re, '').trim();
      break;
    }
  }
  unit = unit.replace(/^(vnđ|vnd|đ|₫)$/, 'đồng').replace(/^km2$/, 'km²').replace(/^m2$/, 'm²').replace(/^m3$/, 'm³');
  return { amount: f.number, unit };
}

function sameAmount(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

function figuresMatch(claim: FigureFinding, candidate: FigureFinding): boolean {
  if (claim.subtype === 'date' || candidate.subtype === 'date') {
    return claim.subtype === candidate.subtype && claim.value === candidate.value;
  }
  const a = amountOf(claim);
  const b = amountOf(candidate);
  if (a && b) {
    if (!sameAmount(a.amount, b.amount)) return false;
    // A bare number in a table is accepted for a figure with a unit; two different units are not.
    return a.unit === b.unit || a.unit === '' || b.unit === '';
  }
  return claim.value !== '' && claim.value === candidate.value;
}

function citationKey(c: CitationFinding): string | undefined {
  if (c.citation.symbol) return `s:${fold(c.citation.symbol)}`;
  if (c.citation.title) return `t:${foldTitle(c.citation.title)}`;
  return undefined;
}

function articlesOf(c: CitationFinding): string[] {
  return (c.citation.articles ?? []).map((a) => a.article).filter((a): a is string => !!a);
}

function findLiteral(source: string, needle: string): { start: number; end: number } | undefined {
  if (!needle.trim()) return undefined;
  // Same words, any spacing and case, never inside a longer number or word ("12" is not in "2012").
  const parts = needle.normalize('NFC').trim().split(/\s+/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${parts.join('\\s+')}(?![\\p{L}\\p{N}]|[.,]\\d)`, 'iu');
  const m = re.exec(source);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

function articleMentioned(source: string, article: string): boolean {
  return new RegExp(`(?<![\\p{L}])điều\\s+${article.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu').test(
    source.normalize('NFC'),
  );
}

export function groundAnswer(input: GroundingInput): GroundingResult {
  const { answer, sources } = input;
  const scan = input.scan ?? scanText;
  const answerFindings = input.answerFindings ?? scan(answer).findings;
  const perSource = sources.map((text, i) => input.sourceFindings?.[i] ?? scan(text).findings);

  const claims: GroundedClaim[] = [];
  for (const f of answerFindings) {
    if (f.kind !== 'figure' && f.kind !== 'citation') continue;
    claims.push(f.kind === 'figure' ? groundFigure(f, sources, perSource, answer) : groundCitation(f, sources, perSource));
  }
  return {
    claims,
    grounded: claims.filter((c) => c.status === 'grounded').length,
    partial: claims.filter((c) => c.status === 'partial').length,
    contradicted: claims.filter((c) => c.status === 'contradicted').length,
    ungrounded: claims.filter((c) => c.status === 'ungrounded').length,
  };
}

/**
 * issue 10 — evidence: grounds the one claim of `text` that spans start..end (a passage's claim, in
 * the passage's current text) against one source text. Undefined when the checks engine no longer
 * finds a figure or citation there.
 */
export function groundClaimIn(text: string, span: { start: number; end: number }, source: string, scan: GroundingInput['scan'] = scanText): GroundedClaim | undefined {
  const findings = scan(text).findings.filter((f) => f.start === span.start && f.end === span.end && (f.kind === 'figure' || f.kind === 'citation'));
  if (findings.length === 0) return undefined;
  return groundAnswer({ answer: text, sources: [source], answerFindings: findings, scan }).claims[0];
}

/** The words in order, any spacing or punctuation between them ("trực tuyến đạt" in "trực tuyến, đạt"). */
function findWords(source: string, words: string): { start: number; end: number } | undefined {
  const parts = words.split(' ').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const m = new RegExp(`(?<![\\p{L}\\p{N}])${parts.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'iu').exec(source.normalize('NFC'));
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

const LABEL_WORDS = 3;
const LABEL_REACH = 60;

/** The (up to three) words right before a figure in its sentence: what the figure is the value of. */
function labelBefore(answer: string, start: number): string | undefined {
  const before = answer.slice(Math.max(0, start - 120), start);
  const sentence = before.split(/[.;:!?\n]\s/u).at(-1) ?? '';
  const words = sentence.match(/[\p{L}]+/gu) ?? [];
  if (words.length < 2) return undefined;
  return words.slice(-LABEL_WORDS).join(' ');
}

/**
 * issue 10: a figure the sources do not hold, where a source names the same thing (the words before
 * the figure) and gives, right after, a figure of the same unit with another value.
 */
function contradictionOf(claim: FigureFinding, answer: string, sources: readonly string[], perSource: readonly (readonly Finding[])[]): GroundedClaim | undefined {
  const mine = amountOf(claim);
  if (!mine || mine.unit === '' || claim.subtype === 'date') return undefined;
  const label = labelBefore(answer, claim.start);
  if (!label) return undefined;
  for (const [i, source] of sources.entries()) {
    const lit = findWords(source, label);
    if (!lit) continue;
    const next = (perSource[i] ?? [])
      .filter((c): c is FigureFinding => c.kind === 'figure' && c.start >= lit.end && c.start - lit.end <= LABEL_REACH)
      .sort((a, b) => a.start - b.start)[0];
    const theirs = next ? amountOf(next) : undefined;
    if (!next || !theirs || theirs.unit !== mine.unit || sameAmount(theirs.amount, mine.amount)) continue;
    return { finding: claim, status: 'contradicted', match: at(sources, i, next.start, next.end), sourceValue: next.text };
  }
  return undefined;
}

function at(sources: readonly string[], sourceIndex: number, start: number, end: number): GroundingMatch {
  return { sourceIndex, start, end, snippet: snippet(sources[sourceIndex] ?? '', start, end) };
}

function groundFigure(
  claim: FigureFinding,
  sources: readonly string[],
  perSource: readonly (readonly Finding[])[],
  answer: string,
): GroundedClaim {
  for (const [i, findings] of perSource.entries()) {
    const hit = findings.find((c): c is FigureFinding => c.kind === 'figure' && figuresMatch(claim, c));
    if (hit) return { finding: claim, status: 'grounded', match: at(sources, i, hit.start, hit.end) };
  }
  for (const [i, source] of sources.entries()) {
    const lit = findLiteral(source, claim.text);
    if (lit) return { finding: claim, status: 'grounded', match: at(sources, i, lit.start, lit.end) };
  }
  return contradictionOf(claim, answer, sources, perSource) ?? { finding: claim, status: 'ungrounded' };
}

function groundCitation(
  claim: CitationFinding,
  sources: readonly string[],
  perSource: readonly (readonly Finding[])[],
): GroundedClaim {
  const key = citationKey(claim);
  const wantedArticles = articlesOf(claim);
  let documentOnly: GroundingMatch | undefined;

  for (const [i, findings] of perSource.entries()) {
    const source = sources[i] ?? '';
    const sameDoc = findings.filter(
      (c): c is CitationFinding =>
        c.kind === 'citation' && (key ? citationKey(c) === key : fold(c.value) === fold(claim.value)),
    );
    let literal: { start: number; end: number } | undefined;
    if (sameDoc.length === 0 && claim.citation.symbol) literal = findLiteral(source, claim.citation.symbol);
    const first = sameDoc[0] ?? (literal ? { start: literal.start, end: literal.end } : undefined);
    if (!first) continue;
    const match = at(sources, i, first.start, first.end);
    if (!key || wantedArticles.length === 0) return { finding: claim, status: 'grounded', match };
    // The document is in the source; the article the answer cites must be too.
    const citedArticles = new Set(sameDoc.flatMap(articlesOf));
    if (wantedArticles.every((a) => citedArticles.has(a) || articleMentioned(source, a))) {
      return { finding: claim, status: 'grounded', match };
    }
    documentOnly ??= match;
  }
  if (documentOnly) {
    return {
      finding: claim,
      status: 'partial',
      match: documentOnly,
      note: bilingual('ai.grounding.groundCitation.note', { wantedArticles: wantedArticles.join(', ') }),
    };
  }
  return { finding: claim, status: 'ungrounded' };
}
