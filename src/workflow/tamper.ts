// Tampering the hash chain alone cannot see (issue 17). Each check returns a reason (vi/en) or
// undefined; loadRecord and the status turn a reason into "altered", which blocks readiness and
// every write, as a broken chain does.
import type { Bilingual } from '../checks/types';
import type { DocumentHost } from '../host/port';
import { fingerprintMatches, passageFingerprint, type ChainAnchor, type ProvenanceRecord, type RecordState } from '../provenance';

/**
 * Every record this product writes carries the anchor (event count and head hash) on its root, so a
 * record with events and no anchor had it deleted — the way to hide a cut-off tail.
 */
export function missingAnchor(record: ProvenanceRecord, anchor: ChainAnchor | undefined): Bilingual | undefined {
  if (anchor || record.events.length === 0) return undefined;
  return {
    vi: 'Hồ sơ thiếu dấu neo (số sự kiện và mã băm cuối) mà phần mềm luôn ghi: có thể phần cuối hồ sơ đã bị cắt bỏ.',
    en: 'The record lacks the anchor (event count and last hash) this software always writes: its tail may have been cut off.',
  };
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
  const what = {
    vi: [marks ? `${marks} vùng đánh dấu nội dung AI` : '', properties.length ? `thuộc tính ${properties.join(', ')}` : ''].filter(Boolean).join(' và '),
    en: [marks ? `${marks} AI content mark${marks === 1 ? '' : 's'}` : '', properties.length ? `the ${properties.join(', ')} propert${properties.length === 1 ? 'y' : 'ies'}` : ''].filter(Boolean).join(' and '),
  };
  return {
    vi: `Hồ sơ sử dụng AI đã bị xoá khỏi văn bản nhưng vẫn còn ${what.vi}.`,
    en: `The AI-use record was removed from the document, yet ${what.en} remain.`,
  };
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
  return {
    vi: `Dòng ghi chú về sử dụng AI đã bị sửa hoặc xoá sau khi được ghi vào hồ sơ (hồ sơ ghi: «${recorded}»), mà không có sự kiện nào ghi lại việc đó.`,
    en: `The AI disclosure line was edited or deleted after it was recorded (the record says: «${recorded}»), with no event recording it.`,
  };
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
  return {
    vi: `Vùng đánh dấu của đoạn AI ${ids} đã bị gỡ nhưng nội dung vẫn còn trong văn bản (có thể đã bị sửa), mà không có sự kiện nào ghi lại việc đó.`,
    en: `The mark of AI passage ${ids} was removed but its text is still in the document (perhaps edited), with no event recording it.`,
  };
}
