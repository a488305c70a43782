// Totals and findings over many document summaries. Pure: no I/O, nothing read again.
import { fingerprintDistance } from '../provenance';
import type { DocumentSummary, PassageSummary } from './types';

/** Cross-document matches must be closer than the re-binding threshold: the set can be thousands of paragraphs. */
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

function unmarkedCopies(documents: DocumentSummary[]): UnmarkedCopy[] {
  // Index unmarked paragraphs by each 16-bit quarter of their fingerprint: two fingerprints at most
  // 6 bits apart share at least one quarter exactly (pigeonhole), so only those pairs are compared.
  const index = new Map<string, { document: DocumentSummary; paragraph: number; fingerprint: string }[]>();
  for (const document of documents) {
    for (const entry of document.unmarkedFingerprints) {
      for (let q = 0; q < 4; q++) {
        const key = `${q}:${entry.fingerprint.slice(q * 4, q * 4 + 4)}`;
        const list = index.get(key) ?? [];
        list.push({ document, ...entry });
        index.set(key, list);
      }
    }
  }
  const found = new Map<string, UnmarkedCopy>();
  for (const document of documents) {
    for (const passage of document.passages) {
      for (const fingerprint of passage.fingerprints) {
        for (let q = 0; q < 4; q++) {
          for (const candidate of index.get(`${q}:${fingerprint.slice(q * 4, q * 4 + 4)}`) ?? []) {
            if (candidate.document.path === document.path) continue;
            const distance = fingerprintDistance(fingerprint, candidate.fingerprint);
            if (distance > COPY_MATCH_DISTANCE) continue;
            const key = `${document.path}\0${passage.id}\0${candidate.document.path}\0${candidate.paragraph}`;
            const previous = found.get(key);
            if (!previous || previous.distance > distance) {
              found.set(key, { sourcePath: document.path, passageShortId: passage.shortId, foundIn: candidate.document.path, paragraph: candidate.paragraph, distance });
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
    .map((document) => ({ ...document, passages: document.passages.filter((passage) => inRange(passage, filter)) }));
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
    byPerson: group(documents, (_, p) => [...new Set([p.createdBy, ...p.verifiers])]),
    findings,
  };
}
