// The purposes the product offers (QC-PB Điều 6; KAI-CB Điều 9) and the ones it refuses, with the
// article that forbids each so the UI can say why a purpose is absent.
import type { Bilingual } from '../checks/types';
import { ARTICLES } from './articles';
import type { ForbiddenPurpose, PurposeId, SignalAction } from './schema';

export interface PurposeInfo {
  id: PurposeId;
  label: Bilingual;
  description: Bilingual;
}

export const PURPOSES: readonly PurposeInfo[] = [
  {
    id: 'draft',
    label: { vi: 'Soạn thảo văn bản', en: 'Draft a document' },
    description: {
      vi: 'Soạn thảo văn bản không mật: báo cáo, kế hoạch, bài phát biểu.',
      en: 'Draft non-secret documents: reports, plans, speeches.',
    },
  },
  {
    id: 'summarize',
    label: { vi: 'Tóm tắt', en: 'Summarise' },
    description: { vi: 'Tóm tắt tài liệu được cung cấp.', en: 'Summarise the documents given.' },
  },
  {
    id: 'translate',
    label: { vi: 'Dịch', en: 'Translate' },
    description: { vi: 'Dịch Việt – Anh, Anh – Việt.', en: 'Translate Vietnamese ↔ English.' },
  },
  {
    id: 'outline',
    label: { vi: 'Lập dàn ý, gợi ý ý tưởng', en: 'Outline and ideas' },
    description: { vi: 'Lập dàn ý, gợi ý ý tưởng cho văn bản.', en: 'Build an outline or suggest ideas.' },
  },
  {
    id: 'proofread',
    label: { vi: 'Rà soát chính tả, văn phong', en: 'Spelling and style review' },
    description: {
      vi: 'Rà soát lỗi chính tả, ngữ pháp và văn phong hành chính.',
      en: 'Review spelling, grammar and administrative style.',
    },
  },
  {
    id: 'analyze',
    label: { vi: 'Phân tích dữ liệu công khai', en: 'Analyse public data' },
    description: {
      vi: 'Phân tích dữ liệu công khai hoặc không nhạy cảm; không phê duyệt, không quyết định.',
      en: 'Analyse public or non-sensitive data; no approval, no decision.',
    },
  },
];

export function purposeInfo(id: string): PurposeInfo | undefined {
  return PURPOSES.find((p) => p.id === id);
}

export function isPurposeId(id: string): id is PurposeId {
  return PURPOSES.some((p) => p.id === id);
}

/** Building blocks for profiles; each profile picks the ones its own articles forbid. */
const forbidden = (
  f: Omit<ForbiddenPurpose, 'signalAction'>,
  signalAction: SignalAction,
): ForbiddenPurpose => ({ ...f, signalAction });

export const FORBIDDEN = {
  secretDocuments: (action: SignalAction) =>
    forbidden(
      {
        id: 'secret-documents',
        label: { vi: 'Soạn thảo, xử lý văn bản mật', en: 'Drafting or processing secret documents' },
        explanation: {
          vi: 'Không dùng AI với tài liệu bí mật nhà nước; soạn thảo văn bản mật trên máy tính nối mạng cũng bị cấm.',
          en: 'AI may not be used with state-secret material; drafting secret documents on a networked computer is itself forbidden.',
        },
        articles: [ARTICLES.qcpbSecret, ARTICLES.lawStateSecrets],
        signals: ['tài liệu mật', 'văn bản mật', 'bí mật nhà nước'],
        topicSubtypes: [],
      },
      action,
    ),
  deepfake: (action: SignalAction) =>
    forbidden(
      {
        id: 'deepfake',
        label: { vi: 'Tạo nội dung giả mạo (deepfake)', en: 'Deepfakes' },
        explanation: {
          vi: 'Không dùng AI để tạo hình ảnh, giọng nói, video giả mạo người khác.',
          en: 'AI may not be used to fake a person’s image, voice or video.',
        },
        articles: [ARTICLES.qcpbDeepfake],
        signals: ['deepfake', 'giả giọng', 'giả mạo giọng nói', 'ghép mặt', 'video giả mạo'],
        topicSubtypes: [],
      },
      action,
    ),
  leadershipDecisions: (action: SignalAction) =>
    forbidden(
      {
        id: 'leadership-personnel-decision',
        label: {
          vi: 'Đề xuất quyết định lãnh đạo, chính trị, tổ chức, cán bộ',
          en: 'Proposing leadership, political, organisation or personnel decisions',
        },
        explanation: {
          vi: 'AI không được dùng để đề xuất các quyết định về lãnh đạo, chính trị, tổ chức và cán bộ.',
          en: 'AI may not propose decisions on leadership, politics, organisation or personnel.',
        },
        articles: [ARTICLES.qcpbLeadership],
        signals: [
          'đánh giá cán bộ',
          'đánh giá, xếp loại cán bộ',
          'xếp loại cán bộ',
          'đề xuất bổ nhiệm',
          'quy hoạch cán bộ',
          'nhân sự đại hội',
          'phương án nhân sự',
          'kỷ luật cán bộ',
        ],
        topicSubtypes: ['personnel-decision'],
      },
      action,
    ),
  policyDistortion: (action: SignalAction) =>
    forbidden(
      {
        id: 'policy-distortion',
        label: { vi: 'Làm sai lệch chủ trương, chính sách', en: 'Distorting Party or State policy' },
        explanation: {
          vi: 'Không dùng AI để tạo nội dung làm sai lệch chủ trương của Đảng, chính sách, pháp luật của Nhà nước.',
          en: 'AI may not be used to produce content that distorts Party or State policy or law.',
        },
        articles: [ARTICLES.qcpbDistortion],
        signals: [],
        topicSubtypes: [],
      },
      action,
    ),
  personnelFiles: (action: SignalAction) =>
    forbidden(
      {
        id: 'personnel-file-analysis',
        label: {
          vi: 'Phân tích hồ sơ cán bộ, đảng viên, nhân sự',
          en: 'Analysing cadre, Party-member or personnel files',
        },
        explanation: {
          vi: 'Không dùng AI phân tích hồ sơ cán bộ, đảng viên, nhân sự khi chưa được phép.',
          en: 'AI may not analyse cadre, Party-member or personnel files without authorisation.',
        },
        articles: [ARTICLES.qcpbPersonnelFiles],
        signals: ['hồ sơ đảng viên', 'hồ sơ cán bộ', 'lý lịch đảng viên', 'lý lịch cán bộ', 'hồ sơ nhân sự'],
        topicSubtypes: ['personnel-file'],
      },
      action,
    ),
  sanctions: (action: SignalAction) =>
    forbidden(
      {
        id: 'sanction-inspection-investigation',
        label: {
          vi: 'Xử phạt vi phạm hành chính, thanh tra, điều tra',
          en: 'Administrative sanctions, inspection, investigation',
        },
        explanation: {
          vi: 'Không dùng AI trong xử phạt vi phạm hành chính, thanh tra, kiểm tra, điều tra.',
          en: 'AI may not be used for administrative sanctions, inspection or investigation.',
        },
        articles: [ARTICLES.kaicbSanctions],
        signals: [
          'xử phạt vi phạm hành chính',
          'quyết định xử phạt',
          'biên bản vi phạm hành chính',
          'kết luận thanh tra',
          'kết luận điều tra',
          'kết luận kiểm tra',
        ],
        topicSubtypes: ['sanction', 'inspection'],
      },
      action,
    ),
  appraisal: (action: SignalAction) =>
    forbidden(
      {
        id: 'appraisal-licensing-investment',
        label: {
          vi: 'Thẩm định hồ sơ, cấp phép, phê duyệt đầu tư',
          en: 'Appraisal of dossiers, licensing, investment approval',
        },
        explanation: {
          vi: 'Không dùng AI để thẩm định hồ sơ, cấp phép hay phê duyệt dự án đầu tư.',
          en: 'AI may not appraise dossiers, grant licences or approve investment projects.',
        },
        articles: [ARTICLES.kaicbAppraisal],
        signals: ['thẩm định hồ sơ', 'cấp giấy phép', 'phê duyệt chủ trương đầu tư', 'phê duyệt dự án đầu tư'],
        topicSubtypes: [],
      },
      action,
    ),
  highlySensitive: (action: SignalAction) =>
    forbidden(
      {
        id: 'highly-sensitive',
        label: { vi: 'Xử lý nội dung đặc biệt nhạy cảm', en: 'Processing highly sensitive material' },
        explanation: {
          vi: 'Không dùng AI với nội dung đặc biệt nhạy cảm.',
          en: 'AI may not be used with highly sensitive material.',
        },
        articles: [ARTICLES.kaicbHighlySensitive],
        signals: [],
        topicSubtypes: [],
      },
      action,
    ),
  financeApproval: (action: SignalAction) =>
    forbidden(
      {
        id: 'finance-approval',
        label: { vi: 'Phê duyệt tài chính, kế toán', en: 'Approving finance or accounting matters' },
        explanation: {
          vi: 'Trong tài chính, kế toán AI chỉ hỗ trợ phân tích, không phê duyệt.',
          en: 'In finance and accounting AI may only assist analysis, never approve.',
        },
        articles: [ARTICLES.kaicbFinance],
        signals: ['phê duyệt quyết toán', 'phê duyệt thanh toán', 'duyệt chi'],
        topicSubtypes: [],
      },
      action,
    ),
} as const;
