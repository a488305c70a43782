// Article citations the policy rests on, in the words users see (Vietnamese first, English beside).
// Clause numbers are only given where the requirements name them; elsewhere the article alone is cited.
import type { Bilingual } from '../checks/types';

export type ArticleCitation = Bilingual;

const cite = (vi: string, en: string): ArticleCitation => ({ vi, en });

export const ARTICLES = {
  // Quy chế Phước Bình (QC-PB)
  qcpbLevel: (level: 1 | 2 | 3 | 4): ArticleCitation =>
    cite(`QC-PB Điều 8 (mức ${level})`, `QC-PB Article 8 (level ${level})`),
  qcpbHumanControl: cite('QC-PB Điều 4, khoản 1; Điều 5, khoản 2', 'QC-PB Article 4(1); Article 5(2)'),
  qcpbVerify: cite('QC-PB Điều 4, khoản 2', 'QC-PB Article 4(2)'),
  qcpbAllowedUses: cite('QC-PB Điều 6', 'QC-PB Article 6'),
  qcpbSecret: cite('QC-PB Điều 7, khoản 1', 'QC-PB Article 7(1)'),
  qcpbPersonalData: cite('QC-PB Điều 7, khoản 2', 'QC-PB Article 7(2)'),
  qcpbDeepfake: cite('QC-PB Điều 7, khoản 3', 'QC-PB Article 7(3)'),
  qcpbLeadership: cite('QC-PB Điều 7, khoản 7', 'QC-PB Article 7(7)'),
  qcpbDistortion: cite('QC-PB Điều 7, khoản 8', 'QC-PB Article 7(8)'),
  qcpbPersonnelFiles: cite('QC-PB Điều 7, khoản 9', 'QC-PB Article 7(9)'),
  qcpbUnclearedDrafts: cite('QC-PB Điều 7, khoản 10', 'QC-PB Article 7(10)'),
  qcpbHallucination: cite('QC-PB Điều 10, khoản 1', 'QC-PB Article 10(1)'),
  qcpbExplainUse: cite('QC-PB Điều 17, khoản 1', 'QC-PB Article 17(1)'),
  qcpbDisclosure: cite('QC-PB Điều 17, khoản 3', 'QC-PB Article 17(3)'),
  qcpbDomestic: cite('QC-PB Điều 5, khoản 4', 'QC-PB Article 5(4)'),

  // Khung AI tin cậy Cao Bằng (KAI-CB)
  kaicbForbiddenData: cite('KAI-CB Điều 7', 'KAI-CB Article 7'),
  kaicbVerifyFigures: cite('KAI-CB Điều 6, khoản 1', 'KAI-CB Article 6(1)'),
  kaicbUnverifiedBasis: cite('KAI-CB Điều 6, khoản 3', 'KAI-CB Article 6(3)'),
  kaicbRecordUse: cite('KAI-CB Điều 6, khoản 2 và khoản 4', 'KAI-CB Article 6(2) and 6(4)'),
  kaicbDisclosure: cite('KAI-CB Điều 6, khoản 5', 'KAI-CB Article 6(5)'),
  kaicbSanctions: cite('KAI-CB Điều 8, khoản 1', 'KAI-CB Article 8(1)'),
  kaicbAppraisal: cite('KAI-CB Điều 8, khoản 2', 'KAI-CB Article 8(2)'),
  kaicbHighlySensitive: cite('KAI-CB Điều 8, khoản 3', 'KAI-CB Article 8(3)'),
  kaicbFinance: cite('KAI-CB Điều 8, khoản 6', 'KAI-CB Article 8(6)'),
  kaicbAllowedUses: cite('KAI-CB Điều 9', 'KAI-CB Article 9'),
  kaicbProcess: cite('KAI-CB Điều 10', 'KAI-CB Article 10'),
  kaicbNoVerbatim: cite('KAI-CB Điều 11, khoản 5', 'KAI-CB Article 11(5)'),
  // issue 10 — evidence: the signer and the responsible specialist review it themselves.
  kaicbOwnReview: cite('KAI-CB Điều 8, khoản 7', 'KAI-CB Article 8(7)'),
  kaicbCiteSource: cite('KAI-CB Điều 6, khoản 2 và khoản 4', 'KAI-CB Article 6(2) and 6(4)'),

  // Laws
  lawStateSecrets: cite(
    'Luật Bảo vệ bí mật nhà nước (29/2018/QH14; 117/2025/QH15 từ 01/3/2026)',
    'Law on Protection of State Secrets (29/2018/QH14; 117/2025/QH15 from 1 March 2026)',
  ),
  lawPersonalData: cite(
    'Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15; Nghị định 356/2025/NĐ-CP',
    'Law on Personal Data Protection 91/2025/QH15; Decree 356/2025/ND-CP',
  ),
  lawAiNotice: cite('Luật Trí tuệ nhân tạo 134/2025/QH15, Điều 11', 'Law on Artificial Intelligence 134/2025/QH15, Article 11'),
} as const;
