// Pseudonymise before sending, restore after receiving. Each personal-data item becomes a placeholder
// such as [NGƯỜI_1] or [CCCD_1]; the same value gets the same placeholder everywhere in one call
// (prompt and sources alike). The mapping lives only in the closure of that call: counts leave,
// values never do.
import type { Finding, PersonalDataFinding } from '../checks/types';

export interface RedactionPart {
  text: string;
  /** Findings of the checks engine for this text (offsets into it). Non personal-data ones are ignored. */
  findings: readonly Finding[];
}

export interface RedactOptions {
  /** Only these personal-data subtypes (a policy decision's `redact.kinds`); all when omitted. */
  kinds?: readonly string[];
}

export interface MultiRedaction {
  texts: string[];
  /** Puts the real values back into the model's answer. */
  restore(answer: string): string;
  /** Distinct values replaced, per personal-data subtype. */
  counts: Record<string, number>;
}

export interface Redaction {
  text: string;
  restore(answer: string): string;
  counts: Record<string, number>;
}

/** Placeholder label per personal-data subtype, matched on words inside the subtype id. */
const LABEL_RULES: readonly [RegExp, string][] = [
  [/name|person|ho-ten/, 'NGƯỜI'],
  [/cmnd/, 'CMND'],
  [/cccd|citizen|personal-id|id-number|identity/, 'CCCD'],
  [/phone|mobile|tel/, 'SĐT'],
  [/e-?mail/, 'EMAIL'],
  [/passport/, 'HỘ_CHIẾU'],
  [/tax|mst/, 'MST'],
  [/bhxh|social/, 'BHXH'],
  [/bhyt|health-insurance/, 'BHYT'],
  [/bank|account/, 'TÀI_KHOẢN'],
  [/plate|vehicle/, 'BIỂN_SỐ'],
  [/address|residence/, 'ĐỊA_CHỈ'],
  [/birth|dob/, 'NGÀY_SINH'],
];
const FALLBACK_LABEL = 'DỮ_LIỆU';

export function placeholderLabel(subtype: string): string {
  const s = subtype.toLowerCase();
  for (const [re, label] of LABEL_RULES) if (re.test(s)) return label;
  return FALLBACK_LABEL;
}

/** Upper-case, no diacritics, no separators: how a placeholder label is recognised in an answer. */
function foldLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gi, 'D')
    .replace(/[_\s-]/g, '')
    .toUpperCase();
}

/** Same value, same placeholder: compare on a form that ignores spacing, case and separators in numbers. */
function valueKey(f: PersonalDataFinding): string {
  const raw = (f.value || f.text).normalize('NFC').trim().toLowerCase();
  const compact = raw.replace(/[\s.\-()]/g, '');
  return /^\+?\d+$/.test(compact) ? compact.replace(/^\+?84/, '0') : raw.replace(/\s+/g, ' ');
}

interface Span {
  start: number;
  end: number;
  placeholder: string;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function redactParts(parts: readonly RedactionPart[], options: RedactOptions = {}): MultiRedaction {
  const wanted = options.kinds ? new Set(options.kinds) : undefined;
  const byKey = new Map<string, string>(); // label|valueKey → placeholder
  const originalOf = new Map<string, string>(); // folded placeholder id → original text
  const literalOf = new Map<string, string>(); // original text as written → placeholder
  const nextNumber = new Map<string, number>();
  const counts: Record<string, number> = {};

  const located: { part: number; f: PersonalDataFinding; start: number; end: number }[] = [];
  parts.forEach((part, index) => {
    const items = part.findings
      .filter((f): f is PersonalDataFinding => f.kind === 'personal-data')
      .filter((f) => !wanted || wanted.has(f.subtype));
    for (const f of items) {
      // Offsets are trusted only when they still point at the finding's text.
      let start = f.start;
      if (part.text.slice(f.start, f.end) !== f.text) start = part.text.indexOf(f.text);
      if (start < 0 || f.text.length === 0) continue;
      located.push({ part: index, f, start, end: start + f.text.length });
    }
  });
  located.sort((a, b) => a.part - b.part || a.start - b.start);

  for (const { f } of located) {
    const label = placeholderLabel(f.subtype);
    const key = `${label}|${valueKey(f)}`;
    let placeholder = byKey.get(key);
    if (!placeholder) {
      const n = (nextNumber.get(label) ?? 0) + 1;
      nextNumber.set(label, n);
      placeholder = `[${label}_${n}]`;
      byKey.set(key, placeholder);
      originalOf.set(`${foldLabel(label)}#${n}`, f.text);
      counts[f.subtype] = (counts[f.subtype] ?? 0) + 1;
    }
    if (!literalOf.has(f.text)) literalOf.set(f.text, placeholder);
  }

  // A value recognised in one part is replaced wherever it appears, even where the checks missed it.
  const literals = [...literalOf.keys()].sort((a, b) => b.length - a.length);
  const literalRe = literals.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${literals.map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`, 'gu')
    : undefined;

  const texts = parts.map((part, index) => {
    const spans: Span[] = located
      .filter((l) => l.part === index)
      .map((l) => ({ start: l.start, end: l.end, placeholder: literalOf.get(l.f.text) ?? '' }));
    if (literalRe) {
      for (const m of part.text.matchAll(literalRe)) {
        spans.push({ start: m.index, end: m.index + m[0].length, placeholder: literalOf.get(m[0]) ?? '' });
      }
    }
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    let out = '';
    let cursor = 0;
    for (const s of spans) {
      if (s.start < cursor || !s.placeholder) continue; // overlaps an item already replaced
      out += part.text.slice(cursor, s.start) + s.placeholder;
      cursor = s.end;
    }
    return out + part.text.slice(cursor);
  });

  const restore = makeRestore(originalOf);
  return { texts, restore, counts };
}

export function redact(text: string, findings: readonly Finding[], options: RedactOptions = {}): Redaction {
  const r = redactParts([{ text, findings }], options);
  return { text: r.texts[0] ?? text, restore: r.restore, counts: r.counts };
}

/**
 * Placeholders as models write them: diacritics lost, case changed, "_" swapped for a space, the
 * brackets dropped (then the "_" is required so ordinary words are not touched).
 */
function placeholderPattern(): RegExp {
  const labels = new Set<string>();
  for (const [, label] of LABEL_RULES) labels.add(label);
  labels.add(FALLBACK_LABEL);
  const alternatives = [...labels]
    .flatMap((l) => [l, foldLabel(l)])
    .map((l) => l.split('_').map(escapeRe).join('[_\\s-]?'))
    .sort((a, b) => b.length - a.length)
    .join('|');
  return new RegExp(
    `\\[\\s*(${alternatives})[_\\s-]?(\\d+)\\s*\\]|(?<![\\p{L}\\p{N}_])(${alternatives})_(\\d+)(?![\\p{L}\\p{N}])`,
    'giu',
  );
}

/**
 * Placeholder-shaped tokens left in a text (after restoring): ones the model echoed or invented
 * ("[CCCD_7]" when only [CCCD_1] was sent), or ones it kept when nothing was redacted. Such text must
 * never go into a document as it is (issue 13: removed, or the person is asked).
 */
export function leftoverPlaceholders(text: string): string[] {
  return [...new Set([...text.normalize('NFC').matchAll(placeholderPattern())].map((m) => m[0]))];
}

/** The text with every leftover placeholder taken out (and the spaces around it tidied). */
export function removePlaceholders(text: string): string {
  return text
    .normalize('NFC')
    .replace(placeholderPattern(), '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+([,.;:!?])/g, '$1');
}

function makeRestore(originalOf: ReadonlyMap<string, string>): (answer: string) => string {
  if (originalOf.size === 0) return (answer) => answer;
  const re = placeholderPattern();
  return (answer: string) =>
    answer.normalize('NFC').replace(re, (whole, l1?: string, n1?: string, l2?: string, n2?: string) => {
      const label = l1 ?? l2 ?? '';
      const n = Number(n1 ?? n2);
      return originalOf.get(`${foldLabel(label)}#${n}`) ?? whole;
    });
}
