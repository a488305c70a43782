// What stands between a document and its signature, per the profile (QC-PB 4.2; KAI-CB 6.3, 11.5).
import type { Bilingual } from '../checks/types';
import { ARTICLES } from './articles';
import type { Profile, SignOffItem } from './schema';

export interface SignOffState {
  unverifiedClaims: number;
  rejectedClaims: number;
  verbatimPassages: number;
  /** False when the provenance record's hash chain is broken or the record is unreadable. */
  recordIntact: boolean;
  /** Issue 11: true when the signer's key is missing or not on the trust list (only when known). */
  untrustedSigner?: boolean;
  /** Level 4 (TỐI MẬT and above) with AI passages in it: never signable, whatever the profile. */
  secretWithAi?: boolean;
  // issue 10 — evidence
  /** Verified claims resting only on "checked elsewhere" (manual) or on no recorded evidence. */
  weakEvidenceClaims?: number;
  /** Verified claims whose verifier drafted the passage, with those names. */
  selfVerified?: { claims: number; people: string[] };
  /** The person about to sign verified claims of the document (their name), when the signer is known. */
  signerVerified?: string;
}

/** A profile item, or a rule of law no profile can lower. */
export type SignOffIssueItem = SignOffItem | 'secretWithAi';

export interface SignOffIssue {
  item: SignOffIssueItem;
  action: 'warn' | 'block';
  articles: Bilingual[];
  message: Bilingual;
}

export interface SignOffCheck {
  canSign: boolean;
  blockers: SignOffIssue[];
  warnings: SignOffIssue[];
}

function messageFor(item: SignOffItem, state: SignOffState): Bilingual {
  switch (item) {
    case 'unverifiedClaims':
      return {
        vi: `Còn ${state.unverifiedClaims} số liệu, trích dẫn do AI tạo ra chưa được kiểm chứng.`,
        en: `${state.unverifiedClaims} AI-produced figure(s) or citation(s) are not yet verified.`,
      };
    case 'rejectedClaims':
      return {
        vi: `Có ${state.rejectedClaims} số liệu, trích dẫn đã bị xác định là sai nhưng vẫn còn trong văn bản.`,
        en: `${state.rejectedClaims} figure(s) or citation(s) were found wrong and are still in the document.`,
      };
    case 'verbatimPassages':
      return {
        // Says what to do next, so a verbatim passage is not a dead end on any face (issue 10).
        vi: `Có ${state.verbatimPassages} đoạn giữ nguyên văn kết quả của AI, chưa được biên tập. Hãy sửa đoạn đó trong văn bản, rồi cập nhật trạng thái (nút "Cập nhật trạng thái" hoặc "aiprov refresh").`,
        en: `${state.verbatimPassages} passage(s) are still word for word as the AI wrote them. Edit the passage in the document, then refresh ("Refresh status" or "aiprov refresh").`,
      };
    case 'untrustedSigner':
      return {
        vi: 'Người ký duyệt chưa có khóa cá nhân nằm trong danh sách khóa tin cậy của cơ quan.',
        en: "The signer has no personal key on the organisation's trust list.",
      };
    case 'brokenRecord':
      return {
        vi: 'Nhật ký sử dụng AI trong văn bản bị hỏng hoặc đã bị sửa đổi; không chứng minh được cách AI đã được dùng.',
        en: 'The AI-use record in the document is damaged or was altered; how AI was used cannot be shown.',
      };
    // issue 10 — evidence
    case 'weakEvidence':
      return {
        vi: `Có ${state.weakEvidenceClaims ?? 0} nội dung chỉ được xác nhận thủ công, không có tài liệu đối chiếu (hoặc không ghi bằng chứng).`,
        en: `${state.weakEvidenceClaims ?? 0} claim(s) are only confirmed manually, with no document to compare against (or no evidence recorded).`,
      };
    case 'verifierMustDifferFromAuthor': {
      const who = (state.selfVerified?.people ?? []).join(', ');
      return {
        vi: `Có ${state.selfVerified?.claims ?? 0} nội dung do chính người soạn đoạn AI (${who}) tự kiểm chứng; cần một người khác kiểm chứng.`,
        en: `${state.selfVerified?.claims ?? 0} claim(s) were verified by the person who drafted the AI passage (${who}); another person must verify them.`,
      };
    }
    case 'signerMustDifferFromVerifier':
      return {
        vi: `Người ký duyệt (${state.signerVerified ?? ''}) đã tự kiểm chứng nội dung trong văn bản; người ký duyệt phải khác người kiểm chứng.`,
        en: `The signer (${state.signerVerified ?? ''}) verified claims in this document; the signer must be someone other than the verifier.`,
      };
  }
}

export function checkSignOff(state: SignOffState, profile: Profile): SignOffCheck {
  const present: Record<SignOffItem, boolean> = {
    unverifiedClaims: state.unverifiedClaims > 0,
    rejectedClaims: state.rejectedClaims > 0,
    verbatimPassages: state.verbatimPassages > 0,
    brokenRecord: !state.recordIntact,
    untrustedSigner: state.untrustedSigner === true,
    weakEvidence: (state.weakEvidenceClaims ?? 0) > 0,
    verifierMustDifferFromAuthor: (state.selfVerified?.claims ?? 0) > 0,
    signerMustDifferFromVerifier: state.signerVerified !== undefined,
  };
  const blockers: SignOffIssue[] = [];
  const warnings: SignOffIssue[] = [];
  for (const item of Object.keys(present) as SignOffItem[]) {
    const rule = profile.signOff[item];
    if (!present[item] || !rule || rule.action === 'ignore') continue;
    const issue: SignOffIssue = { item, action: rule.action, articles: rule.articles, message: messageFor(item, state) };
    (rule.action === 'block' ? blockers : warnings).push(issue);
  }
  if (state.secretWithAi) {
    blockers.unshift({
      item: 'secretWithAi',
      action: 'block',
      articles: [ARTICLES.qcpbSecret, ARTICLES.lawStateSecrets],
      message: {
        vi: 'Văn bản mật (mức 4) có nội dung do AI tạo ra: không được trình duyệt khi còn nội dung AI trong văn bản.',
        en: 'A secret document (level 4) contains AI-produced content: it cannot go for signature while AI content remains.',
      },
    });
  }
  return { canSign: blockers.length === 0, blockers, warnings };
}
