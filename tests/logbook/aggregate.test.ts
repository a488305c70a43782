import { describe, expect, it } from 'vitest';
import { COPY_MATCH_DISTANCE, buildLogbook } from '../../src/logbook/aggregate';
import type { DocumentSummary, PassageSummary } from '../../src/logbook/types';
import { fingerprintDistance } from '../../src/provenance';

const passage = (fingerprint: string): PassageSummary => ({
  id: '00000000-0000-4000-8000-000000000001', shortId: '00000000', origin: 'generated', purpose: 'draft', providerName: 'X', providerTier: 'internal', tool: null, model: null,
  createdAt: '2026-11-01T00:00:00.000Z', createdBy: 'A', month: '2026-11', removed: false, verbatim: true, claims: { verified: 0, rejected: 0, lapsed: 0, unverified: 0 },
  verifiers: [], evidence: { registry: 0, document: 0, grounding: 0, excerpt: 0, manual: 0, none: 0 }, personalDataSent: 0, redactions: 0, fingerprints: [fingerprint],
});

const doc = (path: string, passages: PassageSummary[], unmarked: string[]): DocumentSummary => ({
  path, unit: '.', unitSource: 'folder', folder: '.', size: 1, condition: passages.length ? 'ok' : 'no-record', reason: null, title: null, level: 1, passages, disclosure: null, signOffs: [], pendingChanges: 0,
  evidence: { registry: 0, document: 0, grounding: 0, excerpt: 0, manual: 0, none: 0 }, signedByTrustedKey: null, textChangedSinceSignOff: null,
  signatures: { trusted: 0, 'name-mismatch': 0, 'not-valid-then': 0, 'unknown-key': 0, invalid: 0, unsigned: 0 }, signaturesSummary: null, unmarkedFingerprints: unmarked.map((fingerprint, i) => ({ paragraph: i + 1, fingerprint })),
});

/** Flips `bits` bits spread over the 64 (one in each of several quarters). */
function flip(fingerprint: string, bits: number): string {
  let value = BigInt(`0x${fingerprint}`);
  for (let i = 0; i < bits; i++) value ^= 1n << BigInt((i * 11) % 64);
  return value.toString(16).padStart(16, '0');
}

describe('AI text without a mark', () => {
  const source = '0123456789abcdef';
  it(`matches unmarked paragraphs of other documents up to ${COPY_MATCH_DISTANCE} bits away, not further, not in the same document`, () => {
    const near = flip(source, COPY_MATCH_DISTANCE);
    const far = flip(source, COPY_MATCH_DISTANCE + 1);
    expect(fingerprintDistance(source, near)).toBe(COPY_MATCH_DISTANCE);
    expect(fingerprintDistance(source, far)).toBe(COPY_MATCH_DISTANCE + 1);
    const logbook = buildLogbook([
      doc('a.docx', [passage(source)], [source]),
      doc('b.docx', [], ['ffffffffffffffff', near, near]),
      doc('c.docx', [], [far]),
    ]);
    expect(logbook.findings.unmarkedAiText).toEqual([
      { sourcePath: 'a.docx', passageShortId: '00000000', foundIn: 'b.docx', paragraph: 2, distance: COPY_MATCH_DISTANCE },
      { sourcePath: 'a.docx', passageShortId: '00000000', foundIn: 'b.docx', paragraph: 3, distance: COPY_MATCH_DISTANCE },
    ]);
  });
});
