// Tampering the hash chain alone cannot see (issue 17). Each check returns a reason (vi/en) or
// undefined; loadRecord and the status turn a reason into "altered", which blocks readiness and
// every write, as a broken chain does.
import type { Bilingual } from '../checks/types';
import type { DocumentHost } from '../host/port';
import { bilingual, translate, type Language } from '../i18n';
import { fingerprintMatches, passageFingerprint, type ChainAnchor, type ProvenanceRecord, type RecordState } from '../provenance';

/**
 * Every record this product writes carries the anchor (event count and head hash) on its root, so a
 * record with events and no anchor had it deleted — the way to hide a cut-off tail.
 */
export function missingAnchor(record: ProvenanceRecord, anchor: ChainAnchor | undefined): Bilingual | undefined {
  if (anchor || record.events.length === 0) return undefined;
  return bilingual('tamper.missingAnchor');
}

const OUR_PROPERTY = /^AIProvenance/u;

/**
 * No record, yet AI-tagged content controls or AIProvenance* properties remain: the record part was
 * removed. Starting a new record there would launder the removal, so this is refused as altered.
 */
export async function removedRecord(host: DocumentHost): Promise<Bilingual | undefined> {
  const marks = (await host.listPassages()).filter((p) => p.tag).length;
  const properties = Object.keys(await host.readProperties()).filter((k) => OUR_PROPERTY.test(k));
  if (marks === 0 && properties.length === 0) return undefined;
  const names = properties.join(', ');
  const what = (lang: Language): string => {
    const found = [
      marks ? translate(lang, marks === 1 ? 'tamper.marksOne' : 'tamper.marksMany', { count: marks }) : '',
      properties.length ? translate(lang, properties.length === 1 ? 'tamper.propertiesOne' : 'tamper.propertiesMany', { names }) : '',
    ].filter(Boolean);
    return found.length === 2 ? translate(lang, 'tamper.and', { a: found[0]!, b: found[1]! }) : found[0]!;
  };
  return { vi: translate('vi', 'tamper.removedRecord', { what: what('vi') }), en: translate('en', 'tamper.removedRecord', { what: what('en') }) };
}

// issue 17 — tamper: changes to what the record vouches for, made without a record event.
const collapse = (text: string) => text.normalize('NFC').replace(/\s+/gu, ' ').trim();

/**
 * The recorded disclosure line no longer stands in the body word for word (edited, e.g. to say
 * "chưa được kiểm chứng", or deleted), while the record says it was inserted.
 */
export function disclosureChanged(state: RecordState, paragraphs: readonly { text: string }[]): Bilingual | undefined {
  const recorded = state.disclosure?.text;
  if (!recorded) return undefined;
  const wanted = collapse(recorded);
  if (paragraphs.some((p) => collapse(p.text) === wanted)) return undefined;
  return bilingual('tamper.disclosureChanged', { recorded });
}

/**
 * A passage whose mark (content control) is gone while its text is still in the body, unmarked and
 * possibly edited: removing the mark hides the passage from every check, so it is not a removal.
 */
export function unmarkedPassages(
  state: RecordState,
  removed: readonly string[],
  paragraphs: readonly { text: string; passageId?: string }[],
): Bilingual | undefined {
  if (removed.length === 0) return undefined;
  const unmarked = paragraphs.filter((p) => !p.passageId && p.text.trim() !== '');
  const found = state.passages.filter((p) => removed.includes(p.passageId)).filter((passage) => {
    const fingerprint = passageFingerprint(passage.currentText);
    // The passage as one paragraph, or as consecutive unmarked paragraphs joined.
    return unmarked.some((p, i) => fingerprintMatches(fingerprint, p.text) || fingerprintMatches(fingerprint, unmarked.slice(i, i + 4).map((q) => q.text).join('\n')));
  });
  if (found.length === 0) return undefined;
  const ids = found.map((p) => p.passageId.slice(0, 8)).join(', ');
  return bilingual('tamper.unmarkedPassages', { ids });
}
