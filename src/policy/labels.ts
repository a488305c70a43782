import type { Bilingual, SensitivityLevel } from '../checks/types';
import type { ProviderTier } from './schema';

export const LEVEL_LABELS: Record<SensitivityLevel, Bilingual> = {
  1: { vi: 'Mức 1 – Công khai', en: 'Level 1 – Public' },
  2: { vi: 'Mức 2 – Nội bộ', en: 'Level 2 – Internal' },
  3: { vi: 'Mức 3 – Dữ liệu cá nhân', en: 'Level 3 – Personal data' },
  4: { vi: 'Mức 4 – Bí mật nhà nước', en: 'Level 4 – State secret' },
};

export const TIER_LABELS: Record<ProviderTier, Bilingual> = {
  'licensed-secret': { vi: 'AI được cấp phép xử lý bí mật', en: 'AI licensed for secret material' },
  internal: { vi: 'AI nội bộ / trong nước', en: 'Internal / domestic AI' },
  'external-contracted': { vi: 'AI bên ngoài có hợp đồng', en: 'Contracted external AI' },
  public: { vi: 'AI công cộng', en: 'Public AI' },
};

/**
 * Trust order for lists: internal and domestic providers come before public services
 * (QC-PB Điều 5, khoản 4). Lower is shown first.
 */
export const TIER_RANK: Record<ProviderTier, number> = {
  'licensed-secret': 0,
  internal: 1,
  'external-contracted': 2,
  public: 3,
};

/** The tier as it reads inside a sentence ("… không được gửi cho AI công cộng"). */
export const TIER_IN_SENTENCE: Record<ProviderTier, Bilingual> = {
  'licensed-secret': { vi: 'AI được cấp phép xử lý bí mật', en: 'an AI licensed for secret material' },
  internal: { vi: 'AI nội bộ / trong nước', en: 'an internal or domestic AI' },
  'external-contracted': { vi: 'AI bên ngoài có hợp đồng', en: 'a contracted external AI' },
  public: { vi: 'AI công cộng', en: 'a public AI' },
};
