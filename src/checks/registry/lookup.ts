// Looking a citation up in the registry. Pure: the registry is data passed in, built once by
// `buildRegistry` into an index keyed by the normalised symbol; numbers without a year (127/QĐ-TTg)
// repeat every year, so one key may hold several documents told apart by their issue date.
import type { RegistryEntry } from './types';

/** A claim that the registry lists every document of this type (and issuer) issued in these years. */
export interface RegistryCoverage {
  type: string;
  /** Omitted: every issuer of that type. */
  issuer?: string;
  /** Issuer code as written at the end of the symbol ("CP" in NĐ-CP): matches a citation that names no issuer. */
  issuerCode?: string;
  fromYear: number;
  toYear: number;
}

export interface Registry {
  /** normalised symbol → entries (several when the number repeats per year or a law and a resolution share it). */
  readonly index: ReadonlyMap<string, readonly RegistryEntry[]>;
  readonly coverage: readonly RegistryCoverage[];
  readonly size: number;
}

/** Key of a symbol: NFC, no spaces, one kind of dash and Đ, upper case, no leading zeros in the number. */
export function registryKey(symbol: string): string {
  return symbol
    .normalize('NFC')
    .replace(/\s+/gu, '')
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .replace(/[\u00D0\u0189]/gu, 'Đ')
    .replace(/[\u00F0\u0256]/gu, 'đ')
    .toUpperCase()
    .replace(/^0+(?=\d)/u, '');
}

function identity(e: RegistryEntry): string {
  return `${registryKey(e.symbol)}|${e.issued}|${e.type}|${e.issuer ?? ''}`;
}

/** Later sources override earlier ones entry by entry (same symbol, date, type and issuer). */
export function buildRegistry(sources: readonly (readonly RegistryEntry[])[], coverage: readonly RegistryCoverage[] = []): Registry {
  const byIdentity = new Map<string, RegistryEntry>();
  for (const source of sources) for (const entry of source) byIdentity.set(identity(entry), entry);
  const index = new Map<string, RegistryEntry[]>();
  for (const entry of byIdentity.values()) {
    const key = registryKey(entry.symbol);
    const list = index.get(key);
    if (list) list.push(entry);
    else index.set(key, [entry]);
  }
  return { index, coverage, size: byIdentity.size };
}

/** What a citation says about the document it cites (from CitationData). */
export interface CitedDocument {
  symbol: string;
  /** Type word ("Nghị định"). */
  typeName?: string;
  /** Issuer named in words ("Chính phủ"). */
  issuerName?: string;
  /** Issue date as cited, yyyy-mm-dd. */
  date?: string;
  /** Name quoted with the symbol ("Luật An ninh mạng"). */
  title?: string;
  /** Year of the symbol, when it has one. */
  year?: number;
}

export type RegistryMismatch =
  | { field: 'date'; cited: string; registry: string }
  | { field: 'issuer'; cited: string; registry: string }
  | { field: 'type'; cited: string; registry: string }
  | { field: 'title'; cited: string; registry: string };

export type RegistryLookup =
  | {
      result: 'found';
      entry: RegistryEntry;
      mismatches: RegistryMismatch[];
      /** Status on the reference date: expired / not yet in force are what the diagnostics report. */
      statusAt: 'in-force' | 'partly-expired' | 'expired' | 'not-yet-in-force' | 'unknown';
      /** For expired documents, what replaced them (symbols as the registry writes them). */
      replacedBy: string[];
    }
  /** Several documents share the symbol (numbers repeat per year) and the citation gives no date. */
  | { result: 'ambiguous'; candidates: RegistryEntry[] }
  /** The registry claims to list every document of this kind and year, and this one is not there. */
  | { result: 'not-found'; coverage: RegistryCoverage }
  /** Unknown to the registry, which makes no claim to be complete here: information, not an error. */
  | { result: 'not-in-registry' };

const TYPE_OF_CODE: Record<string, string> = {
  'NĐ': 'Nghị định', 'QĐ': 'Quyết định', 'TT': 'Thông tư', 'TTLT': 'Thông tư liên tịch', 'NQ': 'Nghị quyết',
  'CT': 'Chỉ thị', 'PL': 'Pháp lệnh', 'L': 'Lệnh', 'KL': 'Kết luận', 'QĐI': 'Quy định', 'TB': 'Thông báo',
};

/** The type a symbol implies ("13/2023/NĐ-CP" → Nghị định; laws "…/QH15" → undefined: Luật or Nghị quyết). */
function typeOfSymbol(symbol: string): string | undefined {
  const codes = symbol.split('/').slice(1).join('/');
  const first = codes.split('-')[0]?.replace(/^\d{4}\//u, '') ?? '';
  return TYPE_OF_CODE[first.toUpperCase()];
}

function yearOf(symbol: string): number | undefined {
  const m = /^[^/]+\/(\d{4})\//u.exec(symbol);
  return m ? Number(m[1]) : undefined;
}

const folded = new Map<string, string>();
/** Remembered: the same few types and issuers are folded for every citation of a long text. */
function fold(s: string): string {
  let f = folded.get(s);
  if (f === undefined) {
    f = s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/gu, ' ').trim();
    if (folded.size >= 4096) folded.clear();
    folded.set(s, f);
  }
  return f;
}

/** Titles match when one contains the other once the type word and "về" are set aside. */
function sameTitle(cited: string, registry: string, type: string): boolean {
  const strip = (s: string) => {
    let t = fold(s);
    const tw = fold(type);
    if (t.startsWith(tw + ' ')) t = t.slice(tw.length + 1);
    return t.replace(/^(về|quy định|quy định về)\s+/u, '').replace(/[.;,:]+$/u, '');
  };
  const a = strip(cited);
  const b = strip(registry);
  if (!a || !b) return true;
  return a.includes(b) || b.includes(a);
}

/** Issuers match when one names the other ("Bộ trưởng Bộ Tài chính" and "Bộ Tài chính"). */
function sameIssuer(cited: string, registry: string): boolean {
  const a = fold(cited);
  return registry.split(';').some((part) => {
    const b = fold(part);
    return a.includes(b) || b.includes(a);
  });
}

function statusAt(entry: RegistryEntry, at: string | undefined): { statusAt: 'in-force' | 'partly-expired' | 'expired' | 'not-yet-in-force' | 'unknown'; replacedBy: string[] } {
  if (entry.status === 'expired') {
    // Expired on status_as_of: a document dated earlier cited it while it was still in force.
    if (at && entry.status_as_of && at < entry.status_as_of) return { statusAt: 'in-force', replacedBy: [] };
    return { statusAt: 'expired', replacedBy: entry.replaced_by };
  }
  if (at && entry.effective && at < entry.effective) return { statusAt: 'not-yet-in-force', replacedBy: [] };
  if (entry.status === 'not-yet-in-force' && !at) return { statusAt: 'not-yet-in-force', replacedBy: [] };
  if (entry.status === 'not-yet-in-force') return { statusAt: 'in-force', replacedBy: [] };
  return { statusAt: entry.status, replacedBy: entry.status === 'partly-expired' ? entry.replaced_by : [] };
}

function coverageFor(registry: Registry, symbol: string, type: string | undefined, issuer: string | undefined, year: number | undefined): RegistryCoverage | undefined {
  if (!type || year === undefined) return undefined;
  const code = registryKey(symbol).split('-').slice(1).join('-');
  const issuerFits = (c: RegistryCoverage) =>
    (!c.issuer && !c.issuerCode) ||
    (c.issuer !== undefined && issuer !== undefined && sameIssuer(issuer, c.issuer)) ||
    (c.issuerCode !== undefined && registryKey(c.issuerCode) === code);
  return registry.coverage.find((c) => fold(c.type) === fold(type) && year >= c.fromYear && year <= c.toYear && issuerFits(c));
}

/**
 * Look a cited document up. `at` is the reference date (the document's own date, or today) for
 * "no longer in force" and "not yet in force".
 */
export function lookupCitation(registry: Registry, cited: CitedDocument, at?: string): RegistryLookup {
  const year = cited.year ?? yearOf(cited.symbol);
  const all = registry.index.get(registryKey(cited.symbol)) ?? [];
  // A law and a resolution can share a Quốc hội number: the cited type word picks one.
  const typed = cited.typeName ? all.filter((e) => fold(e.type) === fold(cited.typeName!)) : [];
  let candidates = typed.length > 0 ? typed : all;
  if (year === undefined && candidates.length > 0) {
    // The number repeats every year: only an entry of the cited year can be this document.
    const citedYear = cited.date ? Number(cited.date.slice(0, 4)) : undefined;
    if (citedYear === undefined) {
      if (candidates.length > 1) return { result: 'ambiguous', candidates: [...candidates] };
    } else {
      candidates = candidates.filter((e) => Number(e.issued.slice(0, 4)) === citedYear);
    }
  }
  if (candidates.length === 0) {
    const type = cited.typeName ?? typeOfSymbol(cited.symbol);
    const issuedYear = year ?? (cited.date ? Number(cited.date.slice(0, 4)) : undefined);
    const coverage = coverageFor(registry, cited.symbol, type, cited.issuerName, issuedYear);
    return coverage ? { result: 'not-found', coverage } : { result: 'not-in-registry' };
  }
  const entry = (cited.date && candidates.find((e) => e.issued === cited.date)) || candidates[0]!;
  const mismatches: RegistryMismatch[] = [];
  if (cited.date && cited.date !== entry.issued) mismatches.push({ field: 'date', cited: cited.date, registry: entry.issued });
  if (cited.typeName && fold(cited.typeName) !== fold(entry.type)) mismatches.push({ field: 'type', cited: cited.typeName, registry: entry.type });
  if (cited.issuerName && entry.issuer && !sameIssuer(cited.issuerName, entry.issuer)) mismatches.push({ field: 'issuer', cited: cited.issuerName, registry: entry.issuer });
  if (cited.title && entry.title && !sameTitle(cited.title, entry.title, entry.type)) mismatches.push({ field: 'title', cited: cited.title, registry: entry.title });
  return { result: 'found', entry, mismatches, ...statusAt(entry, at) };
}

export interface RegistryStats {
  entries: number;
  symbols: number;
  byType: Record<string, number>;
  byStatus: Record<string, number>;
  issuedFrom?: string;
  issuedTo?: string;
}

export function registryStats(registry: Registry): RegistryStats {
  const byType: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  let from: string | undefined;
  let to: string | undefined;
  for (const list of registry.index.values())
    for (const e of list) {
      byType[e.type] = (byType[e.type] ?? 0) + 1;
      byStatus[e.status] = (byStatus[e.status] ?? 0) + 1;
      if (!from || e.issued < from) from = e.issued;
      if (!to || e.issued > to) to = e.issued;
    }
  return { entries: registry.size, symbols: registry.index.size, byType, byStatus, issuedFrom: from, issuedTo: to };
}
