// The registry entry a citation claim is offered as its suggested source (issue 9): a person confirms
// the official source instead of typing one. Pure: the registry is passed in.
import { claimsIn } from '../scan';
import type { Bilingual, CitationFinding } from '../types';
import { lookupCitation, type Registry } from './lookup';
import { registryResultOf, type CitationRegistryResult } from './diagnose';
import { bilingual } from '../../i18n';

export interface SuggestedSource {
  symbol: string;
  type: string;
  issuer: string | null;
  issued: string;
  title: string | null;
  status: string;
  replacedBy: string[];
  /** The source as it is recorded when the person accepts it. */
  label: Bilingual;
}

const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The registry result for the (first) symbol citation in a claim's text; undefined when it cites none. */
export function registryResultForText(text: string, registry: Registry, at: string): { citation: CitationFinding; result: CitationRegistryResult } | undefined {
  const citation = claimsIn(text).find((f): f is CitationFinding => f.kind === 'citation' && f.citation.symbol !== undefined && !f.citation.draft);
  if (!citation) return undefined;
  const c = citation.citation;
  const lookup = lookupCitation(registry, { symbol: c.symbol!, typeName: c.typeName, issuerName: c.issuerName, date: c.date, title: c.title, year: c.year }, at);
  return { citation, result: registryResultOf(lookup) };
}

/** The suggested source of a registry result: only a document the registry found. */
export function suggestedSource(result: CitationRegistryResult | undefined): SuggestedSource | undefined {
  const e = result?.result === 'found' ? result.entry : undefined;
  if (!e) return undefined;
  const of = e.issuer ? ` của ${e.issuer}` : '';
  const ofEn = e.issuer ? ` of ${e.issuer}` : '';
  const title = e.title ? ` «${e.title}»` : '';
  return {
    symbol: e.symbol,
    type: e.type,
    issuer: e.issuer,
    issued: e.issued,
    title: e.title,
    status: e.status,
    replacedBy: e.replaced_by,
    label: bilingual('checks.registry.suggest.suggestedSource.label', { type: e.type, symbol: e.symbol, date: vnDate(e.issued), of: { vi: of, en: ofEn }, title }),
  };
}
