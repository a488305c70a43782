// Totals and findings over many document summaries. Pure: no I/O, nothing read again.
import { EVIDENCE_KINDS, type DocumentSummary, type EvidenceCounts, type PassageSummary } from './types';

/** Cross-document matches must be closer than the re-binding threshold: the set can be thousands of paragraphs. */
/** Must stay below the 8 blocks of the index in unmarkedCopies (pigeonhole). */
export const COPY_MATCH_DISTANCE = 6;

export interface LogbookFilter {
  /** Inclusive, YYYY-MM-DD (or any ISO prefix): passages created before are left out. */
  from?: string;
  /** Inclusive, YYYY-MM-DD: passages created after that day are left out. */
  to?: string;
}

export interface GroupRow {
  key: string;
  documents: number;
  passages: number;
  claims: number;
  verified: number;
  /** verified / claims, 0..1; null when there is no claim. */
  verifiedRate: number | null;
  verbatim: number;
}

export interface UnmarkedCopy {
  /** The document whose record holds the AI passage. */
  sourcePath: string;
  passageShortId: string;
  /** The document where the same text is found outside any mark. */
  foundIn: string;
  paragraph: number;
  distance: number;
}

export interface Findings {
  /** AI passages in a document whose level is now 4 (state secret). */
  level4WithAi: { path: string; passages: number }[];
  /** Personal data in the recorded prompt of a passage sent to a provider that is not internal. */
  personalDataToNonInternal: { path: string; passageShortId: string; tier: string; items: number }[];
  /** Sign-offs made while the record counted claims not verified. */
  signOffsWithUnverified: { path: string; by: string; at: string; claims: number; verified: number }[];
  /** Documents with a sign-off whose claims are not all verified now (edited after signing…). */
  signedWithUnverifiedClaims: { path: string; notVerified: number }[];
  altered: { path: string; reason: DocumentSummary['reason'] }[];
  /** Signed events whose signature does not hold, or whose key the trust list gives to someone else. */
  badSignatures: { path: string; invalid: number; nameMismatch: number }[];
  unmarkedAiText: UnmarkedCopy[];
}

export interface LogbookTotals {
  files: number;
  documentsWithRecord: number;
  documentsWithAi: number;
  passages: number;
  generated: number;
  declared: number;
  removed: number;
  claims: number;
  verified: number;
  rejected: number;
  lapsed: number;
  unverified: number;
  verbatim: number;
  disclosed: number;
  signedOff: number;
  /** Documents whose latest sign-off was signed with a key on the trust list. */
  signedByTrustedKey: number;
  /** Documents whose body text changed since the latest sign-off. */
  changedSinceSignOff: number;
  /** Verified claims by kind of evidence. */
  evidence: EvidenceCounts;
  /** Documents whose unit comes from the trust list (the others: their folder). */
  unitFromTrustList: number;
  /** Files listed apart: unreadable, altered, newer record version, unusable record. */
  listedApart: number;
}

export interface Logbook {
  filter: LogbookFilter;
  documents: DocumentSummary[];
  totals: LogbookTotals;
  byMonth: GroupRow[];
  byUnit: GroupRow[];
  byPurpose: GroupRow[];
  byTier: GroupRow[];
  byPerson: GroupRow[];
  findings: Findings;
}

export const DECLARED_TIER = 'declared';

function inRange(passage: PassageSummary, filter: LogbookFilter): boolean {
  const day = passage.createdAt.slice(0, 10);
  if (filter.from && day < filter.from.slice(0, 10)) return false;
  if (filter.to && day > filter.to.slice(0, 10)) return false;
  return true;
}

function claimsOf(passages: PassageSummary[]) {
  const sum = { verified: 0, rejected: 0, lapsed: 0, unverified: 0 };
  for (const passage of passages) for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += passage.claims[key];
  return { ...sum, claims: sum.verified + sum.rejected + sum.lapsed + sum.unverified };
}

export function evidenceOf(passages: PassageSummary[]): EvidenceCounts {
  const sum = Object.fromEntries(EVIDENCE_KINDS.map((k) => [k, 0])) as EvidenceCounts;
  for (const passage of passages) for (const kind of EVIDENCE_KINDS) sum[kind] += passage.evidence[kind];
  return sum;
}

function group(documents: DocumentSummary[], keysOf: (document: DocumentSummary, passage: PassageSummary) => string[]): GroupRow[] {
  const rows = new Map<string, { documents: Set<string>; passages: PassageSummary[] }>();
  for (const document of documents) {
    for (const passage of document.passages) {
      if (passage.removed) continue;
      for (const key of keysOf(document, passage)) {
        const row = rows.get(key) ?? { documents: new Set(), passages: [] };
        row.documents.add(document.path);
        row.passages.push(passage);
        rows.set(key, row);
      }
    }
  }
  return [...rows.entries()]
    .map(([key, row]) => {
      const claims = claimsOf(row.passages);
      return {
        key,
        documents: row.documents.size,
        passages: row.passages.length,
        claims: claims.claims,
        verified: claims.verified,
        verifiedRate: claims.claims ? claims.verified / claims.claims : null,
        verbatim: row.passages.filter((p) => p.verbatim).length,
      };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

interface DistinctFingerprint {
  fingerprint: string;
  high: number;
  low: number;
  locations: { document: DocumentSummary; paragraph: number }[];
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const BLOCKS = 8;
const blockKey = (fingerprint: string, block: number) => `${block}:${fingerprint.slice(block * 2, block * 2 + 2)}`;

function unmarkedCopies(documents: DocumentSummary[]): UnmarkedCopy[] {
  // Unmarked paragraphs grouped by fingerprint (boilerplate repeats across a unit's documents), each
  // distinct fingerprint indexed by its eight bytes: two fingerprints at most 6 bits apart share at
  // least two bytes exactly (pigeonhole: 6 differing bits touch at most 6 of 8 bytes), so only pairs
  // sharing a byte at the same place are compared.
  const distinct = new Map<string, DistinctFingerprint>();
  for (const document of documents) {
    for (const { paragraph, fingerprint } of document.unmarkedFingerprints) {
      let entry = distinct.get(fingerprint);
      if (!entry) {
        entry = { fingerprint, high: parseInt(fingerprint.slice(0, 8), 16), low: parseInt(fingerprint.slice(8), 16), locations: [] };
        distinct.set(fingerprint, entry);
      }
      entry.locations.push({ document, paragraph });
    }
  }
  const index = new Map<string, DistinctFingerprint[]>();
  for (const entry of distinct.values()) {
    for (let q = 0; q < BLOCKS; q++) {
      const key = blockKey(entry.fingerprint, q);
      const list = index.get(key);
      if (list) list.push(entry);
      else index.set(key, [entry]);
    }
  }
  const found = new Map<string, UnmarkedCopy>();
  for (const document of documents) {
    for (const passage of document.passages) {
      for (const fingerprint of new Set(passage.fingerprints)) {
        const high = parseInt(fingerprint.slice(0, 8), 16);
        const low = parseInt(fingerprint.slice(8), 16);
        const compared = new Set<DistinctFingerprint>();
        for (let q = 0; q < BLOCKS; q++) {
          for (const candidate of index.get(blockKey(fingerprint, q)) ?? []) {
            if (compared.has(candidate)) continue;
            compared.add(candidate);
            const distance = popcount((high ^ candidate.high) >>> 0) + popcount((low ^ candidate.low) >>> 0);
            if (distance > COPY_MATCH_DISTANCE) continue;
            for (const location of candidate.locations) {
              if (location.document.path === document.path) continue;
              const key = `${document.path}\0${passage.id}\0${location.document.path}\0${location.paragraph}`;
              const previous = found.get(key);
              if (!previous || previous.distance > distance) {
                found.set(key, { sourcePath: document.path, passageShortId: passage.shortId, foundIn: location.document.path, paragraph: location.paragraph, distance });
              }
            }
          }
        }
      }
    }
  }
  return [...found.values()].sort((a, b) => a.foundIn.localeCompare(b.foundIn) || a.paragraph - b.paragraph || a.sourcePath.localeCompare(b.sourcePath));
}

export function buildLogbook(all: DocumentSummary[], filter: LogbookFilter = {}): Logbook {
  const documents = [...all]
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((document) => {
      const passages = document.passages.filter((passage) => inRange(passage, filter));
      return { ...document, passages, evidence: evidenceOf(passages.filter((p) => !p.removed)) };
    });
  const live = documents.flatMap((d) => d.passages.filter((p) => !p.removed));
  const claims = claimsOf(live);
  const apart = new Set(['unreadable', 'altered', 'newer-version', 'unusable']);
  const totals: LogbookTotals = {
    files: documents.length,
    documentsWithRecord: documents.filter((d) => d.condition === 'ok' || d.condition === 'altered').length,
    documentsWithAi: documents.filter((d) => d.passages.some((p) => !p.removed)).length,
    passages: live.length,
    generated: live.filter((p) => p.origin === 'generated').length,
    declared: live.filter((p) => p.origin === 'declared').length,
    removed: documents.reduce((n, d) => n + d.passages.filter((p) => p.removed).length, 0),
    claims: claims.claims,
    verified: claims.verified,
    rejected: claims.rejected,
    lapsed: claims.lapsed,
    unverified: claims.unverified,
    verbatim: live.filter((p) => p.verbatim).length,
    disclosed: documents.filter((d) => d.disclosure).length,
    signedOff: documents.filter((d) => d.signOffs.length > 0).length,
    signedByTrustedKey: documents.filter((d) => d.signedByTrustedKey === true).length,
    changedSinceSignOff: documents.filter((d) => d.textChangedSinceSignOff === true).length,
    evidence: evidenceOf(live),
    unitFromTrustList: documents.filter((d) => d.unitSource === 'trust-list').length,
    listedApart: documents.filter((d) => apart.has(d.condition)).length,
  };
  const findings: Findings = {
    level4WithAi: documents
      .filter((d) => d.level === 4 && d.passages.some((p) => !p.removed))
      .map((d) => ({ path: d.path, passages: d.passages.filter((p) => !p.removed).length })),
    personalDataToNonInternal: documents.flatMap((d) =>
      d.passages
        .filter((p) => p.origin === 'generated' && p.providerTier && p.providerTier !== 'internal' && p.personalDataSent > 0)
        .map((p) => ({ path: d.path, passageShortId: p.shortId, tier: p.providerTier!, items: p.personalDataSent })),
    ),
    signOffsWithUnverified: documents.flatMap((d) =>
      d.signOffs
        .filter((s) => s.verifiedAtSignOff < s.claimsAtSignOff)
        .map((s) => ({ path: d.path, by: s.by, at: s.at, claims: s.claimsAtSignOff, verified: s.verifiedAtSignOff })),
    ),
    signedWithUnverifiedClaims: documents
      .filter((d) => d.signOffs.length > 0)
      .map((d) => {
        const c = claimsOf(d.passages.filter((p) => !p.removed));
        return { path: d.path, notVerified: c.claims - c.verified };
      })
      .filter((row) => row.notVerified > 0),
    altered: documents.filter((d) => d.condition === 'altered').map((d) => ({ path: d.path, reason: d.reason })),
    badSignatures: documents
      .filter((d) => d.signatures.invalid + d.signatures['name-mismatch'] > 0)
      .map((d) => ({ path: d.path, invalid: d.signatures.invalid, nameMismatch: d.signatures['name-mismatch'] })),
    unmarkedAiText: unmarkedCopies(documents),
  };
  return {
    filter,
    documents,
    totals,
    byMonth: group(documents, (_, p) => [p.month]),
    byUnit: group(documents, (d) => [d.unit]),
    byPurpose: group(documents, (_, p) => [p.purpose]),
    byTier: group(documents, (_, p) => [p.providerTier ?? DECLARED_TIER]),
    // Who made, verified or signed off the AI text (QC-PB 15.2: who verified what).
    byPerson: group(documents, (d, p) => [...new Set([p.createdBy, ...p.verifiers, ...d.signOffs.map((s) => s.by)])]),
    findings,
  };
}
