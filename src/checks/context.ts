// The scan context recognisers share: the normalised text, a mask of spans already claimed by an
// earlier recogniser, and the sinks for findings and diagnostics (in normalised offsets; the
// scanner maps them back to the original text at the end).

import type { Bilingual, Diagnostic, DiagnosticSeverity, Finding, FindingKind } from './types';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A finding before its offsets are mapped back: `start`/`end` are normalised offsets. */
export type FindingDraft = DistributiveOmit<Finding, 'text'>;
export type DiagnosticDraft = Omit<Diagnostic, 'text'>;

export interface Recogniser {
  id: string;
  kind: FindingKind;
  /** Subtypes this recogniser can emit. */
  subtypes: readonly string[];
  description: Bilingual;
  run(ctx: ScanContext): void;
}

export class ScanContext {
  readonly text: string;
  /** `text` lower-cased with the same length (so offsets agree); match phrases here without the i flag. */
  readonly lower: string;
  readonly now: Date;
  readonly findings: FindingDraft[] = [];
  readonly diagnostics: DiagnosticDraft[] = [];
  private readonly mask: Uint8Array;

  constructor(text: string, now: Date) {
    this.text = text;
    this.lower = lowerSameLength(text);
    this.now = now;
    this.mask = new Uint8Array(text.length + 1);
  }

  /** True when no earlier recogniser claimed any unit of [start, end). */
  isFree(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.mask[i] === 1) return false;
    return true;
  }

  isTaken(pos: number): boolean {
    return this.mask[pos] === 1;
  }

  take(start: number, end: number): void {
    this.mask.fill(1, start, end);
  }

  /** Adds a finding and claims its span so later recognisers skip it. */
  emit(f: FindingDraft, claim = true): void {
    this.findings.push(f);
    if (claim) this.take(f.start, f.end);
  }

  diagnose(severity: DiagnosticSeverity, code: string, start: number, end: number, message: Bilingual): void {
    this.diagnostics.push({ severity, code, start, end, message });
  }
}

/** Lower-case copy of `text` with identical length (characters whose lower case is longer are kept). */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** Start of the window of at most `max` units before `pos`, not crossing a line break. */
export function windowStart(text: string, pos: number, max: number): number {
  const limit = Math.max(0, pos - max);
  for (let i = pos - 1; i >= limit; i--) {
    if (text.charCodeAt(i) === 10) return i + 1;
  }
  return limit;
}

/** End of the window of at most `max` units after `pos`, not crossing a line break. */
export function windowEnd(text: string, pos: number, max: number): number {
  const limit = Math.min(text.length, pos + max);
  for (let i = pos; i < limit; i++) {
    if (text.charCodeAt(i) === 10) return i;
  }
  return limit;
}

/** Lower-cased text of the window before `pos` (same line, at most `max` units). */
export function before(ctx: ScanContext, pos: number, max: number): string {
  return ctx.lower.slice(windowStart(ctx.text, pos, max), pos);
}

/** Lower-cased text of the window after `pos` (same line, at most `max` units). */
export function after(ctx: ScanContext, pos: number, max: number): string {
  return ctx.lower.slice(pos, windowEnd(ctx.text, pos, max));
}

/** Iterates the lines of `text` (split on "\n"), yielding [start, end) without the break. */
export function* lines(text: string): Generator<[number, number]> {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    yield [start, end];
    start = end + 1;
  }
}

/** ISO date if the day exists (Gregorian), otherwise null. */
export function isoDate(day: number, month: number, year: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  if (day > days) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const LETTER_RE = /\p{L}/u;
// 0 = unknown, 1 = letter, 2 = not a letter. Lazily filled, shared across scans.
const letterCache = new Uint8Array(0x10000);

/** True when the UTF-16 unit is a letter (\p{L}); surrogates count as letters (rare in this text). */
export function isLetterCode(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  let v = letterCache[code];
  if (v === 0) {
    v = code >= 0xd800 && code <= 0xdfff ? 1 : LETTER_RE.test(String.fromCharCode(code)) ? 1 : 2;
    letterCache[code] = v;
  }
  return v === 1;
}

/** True when the unit at `pos` is a letter or a digit. */
export function isWordCharAt(text: string, pos: number): boolean {
  if (pos < 0 || pos >= text.length) return false;
  const c = text.charCodeAt(pos);
  return (c >= 0x30 && c <= 0x39) || isLetterCode(c);
}
