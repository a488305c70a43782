// Every string of the provenance reports, in Vietnamese and English, in one place. (The task pane's
// i18n layer lives elsewhere; reports are produced by pure code and carry their own small catalog.)
import type { Bilingual } from '../../checks/types';
import type { ClaimStatus } from '../fold';
import type { Evidence, GroundingResultKind, ProviderTier, Purpose } from '../schema';

export type ReportLanguage = 'vi' | 'en';

export const reportStrings = {
  title: { vi: 'Phụ lục: Sử dụng trí tuệ nhân tạo (AI) trong văn bản', en: 'Annex: Use of artificial intelligence (AI) in the document' },
  intro: {
    vi: 'Phụ lục này được lập tự động từ hồ sơ nguồn gốc lưu trong chính tệp văn bản. Hồ sơ ghi lại đoạn nào do AI tạo ra, với công cụ và mục đích nào, ai đã kiểm chứng từng số liệu và trích dẫn, và ai đã ký duyệt (QC-PB Điều 17.1, 15.2; KAI-CB Điều 6.2, 6.4, 10).',
    en: 'This annex is produced from the provenance record stored inside the document file itself. It records which passages AI produced, with which tool and for what purpose, who verified each figure and citation, and who signed off (QC-PB art. 17.1, 15.2; KAI-CB art. 6.2, 6.4, 10).',
  },
  documentSection: { vi: 'Thông tin chung', en: 'General information' },
  documentId: { vi: 'Mã hồ sơ văn bản', en: 'Document record id' },
  profile: { vi: 'Bộ quy định áp dụng', en: 'Profile' },
  appVersion: { vi: 'Phiên bản phần mềm', en: 'Software version' },
  recordCreated: { vi: 'Hồ sơ lập lúc', en: 'Record created' },
  declaredLevel: { vi: 'Mức độ nhạy cảm đã khai báo', en: 'Declared sensitivity level' },
  // issue 9 — level
  topicsSetAside: { vi: 'Xác nhận văn bản đã công bố (bỏ qua gợi ý từ chủ đề)', en: 'Confirmed published (topic suggestion set aside)' },
  integrity: { vi: 'Tính toàn vẹn của hồ sơ', en: 'Record integrity' },
  integrityOk: { vi: 'Nguyên vẹn: chuỗi mã băm khớp từ sự kiện đầu đến sự kiện cuối.', en: 'Intact: the hash chain matches from the first event to the last.' },
  integrityBroken: { vi: 'KHÔNG nguyên vẹn', en: 'NOT intact' },
  eventCount: { vi: 'Số sự kiện', en: 'Events' },
  headHash: { vi: 'Mã băm cuối chuỗi (SHA-256)', en: 'Chain head hash (SHA-256)' },
  summarySection: { vi: 'Tóm tắt', en: 'Summary' },
  passages: { vi: 'Đoạn do AI tạo hoặc hỗ trợ', en: 'AI-generated or AI-assisted passages' },
  removedPassages: { vi: 'Đoạn đã xoá khỏi văn bản', en: 'Passages removed from the document' },
  claims: { vi: 'Số liệu và trích dẫn cần kiểm chứng', en: 'Figures and citations to verify' },
  verbatimPassages: { vi: 'Đoạn giữ nguyên văn như AI viết', en: 'Passages kept word for word as the AI wrote them' },
  passagesSection: { vi: 'Chi tiết từng đoạn', en: 'Passage by passage' },
  passage: { vi: 'Đoạn', en: 'Passage' },
  removed: { vi: 'đã xoá', en: 'removed' },
  origin: { vi: 'Nguồn gốc', en: 'Origin' },
  purpose: { vi: 'Mục đích', en: 'Purpose' },
  provider: { vi: 'Nhà cung cấp AI', en: 'AI provider' },
  tier: { vi: 'Mức tin cậy', en: 'Trust tier' },
  endpoint: { vi: 'Máy chủ', en: 'Endpoint host' },
  tool: { vi: 'Công cụ AI bên ngoài', en: 'Outside AI tool' },
  model: { vi: 'Mô hình', en: 'Model' },
  level: { vi: 'Mức độ nhạy cảm khi tạo', en: 'Sensitivity level at generation' },
  createdBy: { vi: 'Người tạo', en: 'Created by' },
  createdAt: { vi: 'Thời điểm tạo', en: 'Created at' },
  prompt: { vi: 'Yêu cầu gửi AI (prompt)', en: 'Prompt sent to the AI' },
  sources: { vi: 'Tài liệu nguồn cung cấp cho AI', en: 'Sources given to the AI' },
  sourceChars: { vi: 'ký tự', en: 'characters' },
  redactions: { vi: 'Thông tin đã che trước khi gửi (chỉ số lượng)', en: 'Items redacted before sending (counts only)' },
  none: { vi: 'Không có', en: 'None' },
  editRatio: { vi: 'Mức độ chỉnh sửa của con người', en: 'Human edit ratio' },
  verbatimWarning: {
    vi: 'Đoạn này vẫn nguyên văn như AI viết (KAI-CB Điều 11.5: không sao chép nguyên văn 100% kết quả AI).',
    en: 'This passage is still word for word as the AI wrote it (KAI-CB art. 11.5: do not copy AI output verbatim).',
  },
  edits: { vi: 'Số lần chỉnh sửa', en: 'Edits' },
  lastEdited: { vi: 'Sửa lần cuối', en: 'Last edited' },
  originalText: { vi: 'Văn bản gốc do AI tạo', en: 'Original AI text' },
  currentText: { vi: 'Văn bản hiện tại', en: 'Current text' },
  claimsTable: { vi: 'Kiểm chứng số liệu và trích dẫn', en: 'Verification of figures and citations' },
  claim: { vi: 'Nội dung', en: 'Claim' },
  kind: { vi: 'Loại', en: 'Kind' },
  status: { vi: 'Trạng thái', en: 'Status' },
  verifier: { vi: 'Người kiểm chứng / thời điểm', en: 'Verified by / when' },
  sourceOrReason: { vi: 'Nguồn đối chiếu / lý do', en: 'Source checked / reason' },
  noClaims: { vi: 'Đoạn này không có số liệu hay trích dẫn.', en: 'This passage holds no figures or citations.' },
  retiredClaims: { vi: 'Nội dung đã bị bỏ khỏi đoạn khi chỉnh sửa', en: 'Claims dropped from the passage by later edits' },
  disclosureSection: { vi: 'Dòng ghi chú sử dụng AI', en: 'AI-use disclosure line' },
  disclosureMissing: { vi: 'Chưa chèn dòng ghi chú.', en: 'No disclosure line inserted yet.' },
  signOffSection: { vi: 'Ký duyệt', en: 'Sign-off' },
  signOffNone: { vi: 'Chưa có ai ký duyệt.', en: 'Nobody has signed off yet.' },
  signOffCurrent: { vi: 'còn hiệu lực', en: 'current' },
  signOffStale: { vi: 'đã cũ: văn bản thay đổi sau khi ký', en: 'stale: the document changed after it' },
  signer: { vi: 'Người ký duyệt', en: 'Signed by' },
  role: { vi: 'Vai trò', en: 'Role' },
  when: { vi: 'Thời điểm', en: 'When' },
  atThatTime: { vi: 'Tình trạng lúc ký', en: 'State at sign-off' },
  problemsSection: { vi: 'Sự kiện không áp dụng được', en: 'Events that could not be applied' },
  unknownEvents: { vi: 'Sự kiện thuộc phiên bản mới hơn (giữ nguyên, không diễn giải)', en: 'Events from a newer version (kept, not interpreted)' },
  // --- signatures (issue 11) ---
  signaturesSection: { vi: 'Chữ ký cá nhân', en: 'Personal signatures' },
  signaturesNone: { vi: 'Hồ sơ không có sự kiện nào cần chữ ký.', en: 'The record holds no event to be signed.' },
  signedEvent: { vi: 'Sự kiện', en: 'Event' },
  signedBy: { vi: 'Người thực hiện (theo hồ sơ)', en: 'Person (per the record)' },
  keyOwner: { vi: 'Chủ khóa (danh sách tin cậy)', en: 'Key owner (trust list)' },
  sigTrusted: { vi: 'ký bằng khóa tin cậy', en: 'signed with a trusted key' },
  sigNameMismatch: { vi: 'LỖI: tên khác tên chủ khóa', en: 'ERROR: name differs from the key owner' },
  sigNotValidThen: { vi: 'khóa không có hiệu lực lúc ký', en: 'key not valid at that time' },
  sigUnknownKey: { vi: 'khóa không có trong danh sách tin cậy', en: 'key not on the trust list' },
  sigInvalid: { vi: 'LỖI: chữ ký không hợp lệ', en: 'ERROR: invalid signature' },
  sigUnsigned: { vi: 'không có chữ ký', en: 'unsigned' },
  textUnchanged: { vi: 'Văn bản không thay đổi kể từ lần ký duyệt gần nhất.', en: 'The text is unchanged since the latest sign-off.' },
  textChanged: { vi: 'Văn bản đã bị sửa sau khi ký duyệt; các đoạn khác với bản đã ký:', en: 'The text was changed after sign-off; paragraphs that differ from the signed text:' },
  timeZoneNote: { vi: 'Thời gian theo giờ Việt Nam (UTC+7).', en: 'Times are Vietnam time (UTC+7).' },
  legalNote: {
    vi: 'Căn cứ: Luật Trí tuệ nhân tạo số 134/2025/QH15 (Điều 11); Quy chế khai thác và sử dụng AI của Đảng ủy phường Phước Bình (Điều 4.2, 17); Khung AI tin cậy tỉnh Cao Bằng ban hành kèm Quyết định số 2081/QĐ-UBND (Điều 6, 10).',
    en: 'Basis: Law on Artificial Intelligence No. 134/2025/QH15 (art. 11); Phước Bình Party Committee regulation on AI use (art. 4.2, 17); Cao Bằng trusted AI framework issued with Decision No. 2081/QĐ-UBND (art. 6, 10).',
  },
} satisfies Record<string, Bilingual>;

export const purposeLabels: Record<Purpose, Bilingual> = {
  draft: { vi: 'Soạn thảo', en: 'Drafting' },
  summarize: { vi: 'Tóm tắt', en: 'Summarising' },
  translate: { vi: 'Dịch', en: 'Translating' },
  outline: { vi: 'Lập dàn ý, gợi ý ý tưởng', en: 'Outline and ideas' },
  proofread: { vi: 'Soát lỗi chính tả, văn phong', en: 'Spelling and style review' },
  analyze: { vi: 'Phân tích dữ liệu', en: 'Data analysis' },
};

export const tierLabels: Record<ProviderTier, Bilingual> = {
  public: { vi: 'AI công cộng', en: 'Public AI' },
  'external-contracted': { vi: 'Bên ngoài, có hợp đồng', en: 'External, under contract' },
  internal: { vi: 'Nội bộ / trong nước, có cam kết bảo mật', en: 'Internal / domestic, with a security commitment' },
  'licensed-secret': { vi: 'Được cấp phép cho bí mật nhà nước', en: 'Licensed for state-secret material' },
};

export const originLabels: Record<'generated' | 'declared', Bilingual> = {
  generated: { vi: 'Do AI tạo trong tiện ích', en: 'Generated by AI in the add-in' },
  declared: { vi: 'Dán từ công cụ AI bên ngoài (đã khai báo)', en: 'Pasted from an outside AI tool (declared)' },
};

export const statusLabels: Record<ClaimStatus, Bilingual> = {
  unverified: { vi: 'Chưa kiểm chứng', en: 'Not verified' },
  verified: { vi: 'Đã kiểm chứng', en: 'Verified' },
  rejected: { vi: 'Bị bác bỏ', en: 'Rejected' },
  lapsed: { vi: 'Cần kiểm chứng lại (nội dung đã đổi)', en: 'Needs re-verification (text changed)' },
};

// issue 10 — evidence: labels shared by the reports, the pane and the CLI (workflow/evidence.ts re-exports them)
export const groundingLabels: Record<GroundingResultKind, Bilingual> = {
  found: { vi: 'có trong nguồn', en: 'found in the sources' },
  partial: { vi: 'chỉ có một phần trong nguồn', en: 'only partly in the sources' },
  contradicted: { vi: 'nguồn ghi giá trị khác', en: 'the source gives another value' },
  'not-found': { vi: 'không thấy trong nguồn', en: 'not found in the sources' },
  'not-checked': { vi: 'chưa đối chiếu (không có nguồn)', en: 'not checked (no sources given)' },
};

/** How a kind of evidence is named everywhere; `manual` (and none) always say they are weaker. */
export function evidenceKindLabel(evidence: Evidence | undefined): Bilingual {
  switch (evidence?.kind) {
    case 'registry':
      return { vi: 'danh mục văn bản', en: 'document registry' };
    case 'document':
      return evidence.fromGrounding ? { vi: 'tài liệu nguồn (vị trí do đối chiếu tìm thấy)', en: 'source document (passage located by grounding)' } : { vi: 'tài liệu nguồn', en: 'source document' };
    case 'excerpt':
      return { vi: 'đoạn trích', en: 'excerpt' };
    case 'manual':
      return { vi: 'xác nhận thủ công, không có tài liệu đối chiếu', en: 'confirmed manually, no document to compare with' };
    case undefined:
      return { vi: 'không ghi bằng chứng', en: 'no evidence recorded' };
  }
}

export const evidenceStrings = {
  evidence: { vi: 'Bằng chứng', en: 'Evidence' },
  located: { vi: 'Vị trí trong nguồn', en: 'Located passage' },
  grounding: { vi: 'Đối chiếu khi tạo', en: 'Grounding when drafted' },
  note: { vi: 'Ghi chú', en: 'Note' },
  peopleSection: { vi: 'Người tham gia và vai trò', en: 'People and their roles' },
  person: { vi: 'Người', en: 'Person' },
  role: { vi: 'Vai trò', en: 'Role' },
  drafter: { vi: 'người soạn (đưa nội dung AI vào)', en: 'drafter (brought the AI content in)' },
  verifier: { vi: 'người kiểm chứng', en: 'verifier' },
  signer: { vi: 'người ký duyệt', en: 'signer' },
  readiness: { vi: 'Điều kiện ký duyệt', en: 'Readiness for sign-off' },
};

export const claimKindLabels: Record<'figure' | 'citation', Bilingual> = {
  figure: { vi: 'Số liệu', en: 'Figure' },
  citation: { vi: 'Trích dẫn', en: 'Citation' },
};

export const levelLabels: Record<1 | 2 | 3 | 4, Bilingual> = {
  1: { vi: 'Mức 1 – Công khai', en: 'Level 1 – Public' },
  2: { vi: 'Mức 2 – Nội bộ', en: 'Level 2 – Internal' },
  3: { vi: 'Mức 3 – Dữ liệu cá nhân', en: 'Level 3 – Personal data' },
  4: { vi: 'Mức 4 – Bí mật nhà nước', en: 'Level 4 – State secret' },
};

export const formatted = {
  brokenAt: (seq: number): Bilingual => ({ vi: `hỏng từ sự kiện số ${seq}`, en: `broken from event ${seq}` }),
  claimCounts: (verified: number, total: number): Bilingual => ({
    vi: `${verified}/${total} đã kiểm chứng`,
    en: `${verified}/${total} verified`,
  }),
  statusCounts: (t: { verified: number; rejected: number; lapsed: number; unverified: number }): Bilingual => ({
    vi: `đã kiểm chứng ${t.verified} · bị bác bỏ ${t.rejected} · cần kiểm chứng lại ${t.lapsed} · chưa kiểm chứng ${t.unverified}`,
    en: `verified ${t.verified} · rejected ${t.rejected} · needs re-verification ${t.lapsed} · not verified ${t.unverified}`,
  }),
  editRatio: (ratio: number): Bilingual => ({
    vi: `${(ratio * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}% nội dung đã thay đổi`,
    en: `${(ratio * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}% of the text changed`,
  }),
  signOffSummary: (s: { passages: number; claims: number; verified: number }): Bilingual => ({
    vi: `${s.passages} đoạn, ${s.verified}/${s.claims} nội dung đã kiểm chứng`,
    en: `${s.passages} passages, ${s.verified}/${s.claims} claims verified`,
  }),
  redaction: (kind: string, n: number): Bilingual => ({ vi: `${kind}: ${n}`, en: `${kind}: ${n}` }),
};

export function t(text: Bilingual, lang: ReportLanguage): string {
  return text[lang];
}
