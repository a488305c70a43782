// Tampering the hash chain alone cannot see (issue 17). Each check returns a reason (vi/en) or
// undefined; loadRecord and the status turn a reason into "altered", which blocks readiness and
// every write, as a broken chain does.
import type { Bilingual } from '../checks/types';
import type { DocumentHost } from '../host/port';
import type { ChainAnchor, ProvenanceRecord } from '../provenance';

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
