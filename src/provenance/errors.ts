// Errors and messages the provenance layer reports. Every message reaches people, so both languages.
import type { Bilingual } from '../checks/types';

export type ProvenanceErrorCode =
  | 'invalid-event'
  | 'secret-in-data'
  | 'content-hash-mismatch'
  | 'bad-sequence'
  | 'corrupt-chain';

/** Thrown by appendEvent / createRecord when the caller asks for something the record refuses. */
export class ProvenanceError extends Error {
  readonly code: ProvenanceErrorCode;
  readonly bilingual: Bilingual;
  constructor(code: ProvenanceErrorCode, bilingual: Bilingual) {
    super(bilingual.en);
    this.name = 'ProvenanceError';
    this.code = code;
    this.bilingual = bilingual;
  }
}

export const chainMessages = {
  empty: (): Bilingual => ({
    vi: 'Hồ sơ nguồn gốc không có sự kiện nào.',
    en: 'The provenance record has no events.',
  }),
  invalidEvent: (seq: number, issue: string): Bilingual => ({
    vi: `Sự kiện số ${seq} không đúng cấu trúc (${issue}).`,
    en: `Event ${seq} is not well formed (${issue}).`,
  }),
  seqOrder: (index: number, found: unknown): Bilingual => ({
    vi: `Sự kiện ở vị trí ${index} mang số thứ tự ${String(found)}: thứ tự sự kiện đã bị thay đổi, thêm hoặc xoá.`,
    en: `The event at position ${index} carries sequence number ${String(found)}: events were reordered, inserted or removed.`,
  }),
  firstNotCreated: (): Bilingual => ({
    vi: 'Sự kiện đầu tiên phải là sự kiện tạo hồ sơ (record-created).',
    en: 'The first event must be record-created.',
  }),
  prevMismatch: (seq: number): Bilingual => ({
    vi: `Sự kiện số ${seq} không nối với sự kiện trước nó (mã băm trước không khớp): có sự kiện đã bị sửa, xoá hoặc chèn.`,
    en: `Event ${seq} does not link to the event before it (previous hash differs): an event was changed, removed or inserted.`,
  }),
  hashMismatch: (seq: number): Bilingual => ({
    vi: `Nội dung sự kiện số ${seq} đã bị thay đổi sau khi ghi (mã băm không khớp).`,
    en: `The content of event ${seq} was changed after it was written (hash differs).`,
  }),
  contentHashMismatch: (seq: number, field: string): Bilingual => ({
    vi: `Sự kiện số ${seq}: trường ${field} không khớp với mã băm của văn bản đi kèm.`,
    en: `Event ${seq}: ${field} does not match the hash of its text.`,
  }),
  truncated: (expected: number, found: number): Bilingual => ({
    vi: `Hồ sơ ghi nhận ${expected} sự kiện nhưng chỉ còn ${found}: các sự kiện cuối đã bị xoá.`,
    en: `The record states ${expected} events but holds ${found}: the last events were removed.`,
  }),
  headMismatch: (): Bilingual => ({
    vi: 'Mã băm cuối chuỗi không khớp với giá trị đã lưu: hồ sơ đã bị thay đổi.',
    en: 'The head hash of the chain differs from the stored one: the record was changed.',
  }),
  invalidData: (type: string, issue: string): Bilingual => ({
    vi: `Dữ liệu của sự kiện "${type}" không hợp lệ: ${issue}.`,
    en: `The data of the "${type}" event is invalid: ${issue}.`,
  }),
  unknownType: (type: string): Bilingual => ({
    vi: `Loại sự kiện "${type}" không được hỗ trợ.`,
    en: `Event type "${type}" is not supported.`,
  }),
  secret: (path: string, kind: string): Bilingual => ({
    vi: `Từ chối ghi: trường ${path} chứa chuỗi giống khoá API hoặc mật khẩu (${kind}). Khoá và mật khẩu không bao giờ được lưu vào văn bản.`,
    en: `Refused: ${path} holds a string that looks like an API key or password (${kind}). Keys and passwords are never stored in the document.`,
  }),
  firstMustBeCreated: (): Bilingual => ({
    vi: 'Hồ sơ mới phải bắt đầu bằng sự kiện record-created, và chỉ có một sự kiện như vậy.',
    en: 'A record starts with exactly one record-created event.',
  }),
  // issue 17 — tamper (1.3)
  documentIdChanged: (recorded: string, found: string): Bilingual => ({
    vi: `Mã hồ sơ văn bản (documentId) đã bị thay đổi sau khi ghi: sự kiện tạo hồ sơ ghi ${recorded}, phần hồ sơ ghi ${found}.`,
    en: `The record's documentId was changed after it was written: the record-created event names ${recorded}, the record part says ${found}.`,
  }),
  notAppendable: (): Bilingual => ({
    vi: 'Không thể ghi tiếp: sự kiện cuối của hồ sơ không hợp lệ.',
    en: 'Cannot append: the last event of the record is not valid.',
  }),
};
