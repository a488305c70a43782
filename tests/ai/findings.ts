// Hand-built findings for tests: the offsets point at the first (or nth) occurrence in the text.
import type { CitationData, CitationFinding, FigureFinding, PersonalDataFinding, TopicFinding } from '../../src/checks/types';

function locate(text: string, piece: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(piece, start + 1);
  if (start < 0) throw new Error(`"${piece}" not in text`);
  return { start, end: start + piece.length };
}

const base = { confidence: 0.9, recogniser: 'test', explanation: { vi: 'thử', en: 'test' } };

export function pd(text: string, piece: string, subtype: string, value = piece, nth = 0, sensitivity: 'basic' | 'sensitive' = 'basic'): PersonalDataFinding {
  return { ...base, kind: 'personal-data', subtype, text: piece, ...locate(text, piece, nth), value, sensitivity };
}

export function fig(text: string, piece: string, number: number | undefined, unit?: string, subtype = 'quantity', value?: string): FigureFinding {
  return {
    ...base,
    kind: 'figure',
    subtype,
    text: piece,
    ...locate(text, piece),
    value: value ?? `${number ?? ''}${unit ? ` ${unit}` : ''}`,
    ...(number !== undefined ? { number } : {}),
    ...(unit ? { unit } : {}),
  };
}

export function cite(text: string, piece: string, citation: CitationData, subtype = 'state-normative'): CitationFinding {
  return { ...base, kind: 'citation', subtype, text: piece, ...locate(text, piece), value: citation.symbol ?? citation.title ?? piece, citation };
}

export function topic(text: string, piece: string, subtype: string, personalData = false): TopicFinding {
  return { ...base, kind: 'topic', subtype, text: piece, ...locate(text, piece), value: piece, personalData };
}
