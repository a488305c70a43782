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
  /** Issue 11: a sign-off not made with a trusted key (recorded), or a person about to sign without one. */
  untrustedSigner?: UntrustedSigner;
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

// issue 11 — signatures
/** Why a sign-off is not by a trusted key (the signature states of provenance/trust.ts, 'no-key' = unsigned). */
export type UntrustedSignerReason = 'no-key' | 'unknown-key' | 'not-valid-then' | 'invalid' | 'name-mismatch';

export interface UntrustedSigner {
  /**
   * 'recorded': the document's current sign-off, judged for everyone (check, inspect, the pane, the
   * report). 'about-to-sign': the person's own key before they sign — only ever a warning, because
   * the sign-off is still recorded (an unknown key counts as soon as the administrator lists it).
   */
  phase: 'recorded' | 'about-to-sign';
  /** Who signed off (recorded) or is about to. */
  by: string;
  why: UntrustedSignerReason;
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
      return untrustedSignerMessage(state.untrustedSigner ?? { phase: 'about-to-sign', by: '', why: 'no-key' });
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
    untrustedSigner: state.untrustedSigner !== undefined,
    weakEvidence: (state.weakEvidenceClaims ?? 0) > 0,
    verifierMustDifferFromAuthor: (state.selfVerified?.claims ?? 0) > 0,
    signerMustDifferFromVerifier: state.signerVerified !== undefined,
  };
  const blockers: SignOffIssue[] = [];
  const warnings: SignOffIssue[] = [];
  for (const item of Object.keys(present) as SignOffItem[]) {
    const rule = profile.signOff[item];
    if (!present[item] || !rule || rule.action === 'ignore') continue;
    // Before signing, a missing or unlisted key only warns: the sign-off is recorded and judged then.
    const action = item === 'untrustedSigner' && state.untrustedSigner?.phase === 'about-to-sign' && rule.action === 'block' ? 'warn' : rule.action;
    const issue: SignOffIssue = { item, action, articles: rule.articles, message: messageFor(item, state) };
    (action === 'block' ? blockers : warnings).push(issue);
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

// ---- issue 11 — signatures: what to do, in the words of both faces (pane and CLI) -------------------

const CREATE_KEY: Bilingual = {
  vi: 'tạo khóa cá nhân (trong tiện ích: Cài đặt → Khóa ký cá nhân → "Tạo khóa cá nhân"; trên máy tính: aiprov keys init --name "Họ tên" --unit "Đơn vị")',
  en: 'create a personal key (in the add-in: Settings → Personal signing key → "Create a personal key"; on a computer: aiprov keys init --name "Full name" --unit "Unit")',
};
const SEND_ENTRY: Bilingual = {
  vi: 'gửi mục danh sách tin cậy của khóa (tiện ích: "Tải mục danh sách tin cậy"; máy tính: aiprov keys show) cho quản trị viên của đơn vị để thêm vào trustedKeys trong org-settings.json',
  en: "send the key's trust-list entry (add-in: \"Download the trust-list entry\"; computer: aiprov keys show) to the unit's administrator, who adds it to trustedKeys in org-settings.json",
};

function untrustedSignerMessage({ phase, by, why }: UntrustedSigner): Bilingual {
  if (phase === 'about-to-sign') {
    return why === 'no-key'
      ? {
          vi: `Bạn chưa có khóa cá nhân: lần ký duyệt sẽ được ghi lại nhưng không có chữ ký số, và văn bản chưa được tính là đã ký duyệt. Trước khi ký, hãy ${CREATE_KEY.vi}, rồi ${SEND_ENTRY.vi}.`,
          en: `You have no personal key: the sign-off will be recorded unsigned and the document will not count as signed off. Before signing, ${CREATE_KEY.en}, then ${SEND_ENTRY.en}.`,
        }
      : {
          vi: `Khóa cá nhân của bạn chưa có (hoặc không còn hiệu lực) trong danh sách khóa tin cậy: lần ký duyệt sẽ được ghi lại nhưng chỉ được tính khi khóa có trong danh sách. Hãy ${SEND_ENTRY.vi}.`,
          en: `Your personal key is not (or no longer) on the trust list: the sign-off will be recorded but only counts once the key is listed. Please ${SEND_ENTRY.en}.`,
        };
  }
  switch (why) {
    case 'no-key':
      return {
        vi: `Lần ký duyệt của ${by} không có chữ ký số cá nhân, nên văn bản chưa được tính là đã ký duyệt. Người ký duyệt cần ${CREATE_KEY.vi}, ${SEND_ENTRY.vi}, rồi ký duyệt lại.`,
        en: `The sign-off by ${by} has no personal signature, so the document does not count as signed off. The signer needs to ${CREATE_KEY.en}, ${SEND_ENTRY.en}, then sign off again.`,
      };
    case 'unknown-key':
      return {
        vi: `Lần ký duyệt của ${by} được ký bằng khóa chưa có trong danh sách khóa tin cậy. Người ký duyệt cần ${SEND_ENTRY.vi}; khi khóa đã có trong danh sách (hiệu lực từ trước lúc ký), lần ký duyệt này được tính mà không cần ký lại.`,
        en: `The sign-off by ${by} was signed with a key that is not on the trust list. The signer needs to ${SEND_ENTRY.en}; once the key is listed (valid from before the sign-off), this sign-off counts without signing again.`,
      };
    case 'not-valid-then':
      return {
        vi: `Khóa mà ${by} dùng để ký duyệt không có hiệu lực trong danh sách khóa tin cậy vào lúc ký (validFrom/validTo). Hãy ký duyệt lại bằng khóa đang có hiệu lực, hoặc đề nghị quản trị viên kiểm tra thời hạn của mục này trong trustedKeys (org-settings.json).`,
        en: `The key ${by} signed off with was not valid on the trust list at the time of signing (validFrom/validTo). Sign off again with a key valid now, or ask the administrator to check the entry's dates in trustedKeys (org-settings.json).`,
      };
    case 'invalid':
      return {
        vi: `Chữ ký của lần ký duyệt của ${by} không hợp lệ (sự kiện đã bị sửa hoặc giả mạo). Cần ký duyệt lại bằng khóa cá nhân có trong danh sách tin cậy.`,
        en: `The signature of the sign-off by ${by} is invalid (the event was changed or forged). Sign off again with a personal key on the trust list.`,
      };
    case 'name-mismatch':
      return {
        vi: `Lần ký duyệt mang tên ${by} nhưng được ký bằng khóa của người khác trong danh sách tin cậy. Người ký duyệt cần ký lại bằng khóa của chính mình.`,
        en: `The sign-off names ${by} but was signed with a key the trust list gives to someone else. The signer needs to sign off again with their own key.`,
      };
  }
}
