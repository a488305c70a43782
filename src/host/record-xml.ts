// The rule both adapters apply before writing a record part: well-formed XML whose root namespace
// starts with the namespace (or prefix) asked for.
import { parseXml } from './docx/xml';
import { HostError } from './port';

/** Returns the root element's namespace. */
export function validateRecordXml(namespace: string, xml: string): string {
  let root;
  try {
    root = parseXml(xml, 'record').documentElement;
  } catch (error) {
    throw new HostError('invalid-record', `Bản ghi không phải XML hợp lệ: ${(error as Error).message}`, `The record is not valid XML: ${(error as Error).message}`);
  }
  if (!root?.namespaceURI?.startsWith(namespace)) {
    throw new HostError(
      'invalid-record',
      `Phần tử gốc của bản ghi không thuộc không gian tên ${namespace}.`,
      `The record's root element is not in namespace ${namespace}.`,
    );
  }
  return root.namespaceURI;
}

/** The one untagged control a rebind request names (by host id and/or title), or a HostError. */
export function pickRebindTarget<T extends { title: string }>(untagged: T[], target: { controlId?: string; title?: string }, idOf: (item: T) => string): T {
  const matches = untagged.filter(
    (item) => (target.controlId === undefined || idOf(item) === target.controlId) && (target.title === undefined || item.title === target.title),
  );
  if (matches.length === 0 || (target.controlId === undefined && target.title === undefined)) {
    throw new HostError('passage-not-found', 'Không tìm thấy vùng AI mất nhãn cần gắn lại.', 'No untagged AI control matches.');
  }
  if (matches.length > 1) {
    throw new HostError(
      'ambiguous-target',
      `Có ${matches.length} vùng AI cùng tiêu đề; cần chỉ rõ vùng nào.`,
      `${matches.length} untagged AI controls share that title; say which one.`,
    );
  }
  return matches[0]!;
}
