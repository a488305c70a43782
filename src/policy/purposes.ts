// The purposes the product offers (QC-PB Điều 6; KAI-CB Điều 9) and the ones it refuses, with the
// article that forbids each so the UI can say why a purpose is absent.
import type { Bilingual } from '../checks/types';
import { ARTICLES } from './articles';
import type { ForbiddenPurpose, PurposeId, SignalAction } from './schema';
import { bilingual } from '../i18n';

export interface PurposeInfo {
  id: PurposeId;
  label: Bilingual;
  description: Bilingual;
}

export const PURPOSES: readonly PurposeInfo[] = [
  {
    id: 'draft',
    label: bilingual('policy.purposes.PURPOSES.draft.label'),
    description: bilingual('policy.purposes.PURPOSES.draft.description'),
  },
  {
    id: 'summarize',
    label: bilingual('policy.purposes.PURPOSES.summarize.label'),
    description: bilingual('policy.purposes.PURPOSES.summarize.description'),
  },
  {
    id: 'translate',
    label: bilingual('policy.purposes.PURPOSES.translate.label'),
    description: bilingual('policy.purposes.PURPOSES.translate.description'),
  },
  {
    id: 'outline',
    label: bilingual('policy.purposes.PURPOSES.outline.label'),
    description: bilingual('policy.purposes.PURPOSES.outline.description'),
  },
  {
    id: 'proofread',
    label: bilingual('policy.purposes.PURPOSES.proofread.label'),
    description: bilingual('policy.purposes.PURPOSES.proofread.description'),
  },
  {
    id: 'analyze',
    label: bilingual('policy.purposes.PURPOSES.analyze.label'),
    description: bilingual('policy.purposes.PURPOSES.analyze.description'),
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
        label: bilingual('policy.purposes.secretDocuments.secret-documents.label'),
        explanation: bilingual('policy.purposes.secretDocuments.secret-documents.explanation'),
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
        label: bilingual('policy.purposes.deepfake.deepfake.label'),
        explanation: bilingual('policy.purposes.deepfake.deepfake.explanation'),
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
        label: bilingual('policy.purposes.leadershipDecisions.leadership-personnel-decision.label'),
        explanation: bilingual('policy.purposes.leadershipDecisions.leadership-personnel-decision.explanation'),
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
        label: bilingual('policy.purposes.policyDistortion.policy-distortion.label'),
        explanation: bilingual('policy.purposes.policyDistortion.policy-distortion.explanation'),
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
        label: bilingual('policy.purposes.personnelFiles.personnel-file-analysis.label'),
        explanation: bilingual('policy.purposes.personnelFiles.personnel-file-analysis.explanation'),
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
        label: bilingual('policy.purposes.sanctions.sanction-inspection-investigation.label'),
        explanation: bilingual('policy.purposes.sanctions.sanction-inspection-investigation.explanation'),
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
        label: bilingual('policy.purposes.appraisal.appraisal-licensing-investment.label'),
        explanation: bilingual('policy.purposes.appraisal.appraisal-licensing-investment.explanation'),
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
        label: bilingual('policy.purposes.highlySensitive.highly-sensitive.label'),
        explanation: bilingual('policy.purposes.highlySensitive.highly-sensitive.explanation'),
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
        label: bilingual('policy.purposes.financeApproval.finance-approval.label'),
        explanation: bilingual('policy.purposes.financeApproval.finance-approval.explanation'),
        articles: [ARTICLES.kaicbFinance],
        signals: ['phê duyệt quyết toán', 'phê duyệt thanh toán', 'duyệt chi'],
        topicSubtypes: [],
      },
      action,
    ),
} as const;
