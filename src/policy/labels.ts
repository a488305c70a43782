import type { Bilingual, SensitivityLevel } from '../checks/types';
import type { ProviderTier } from './schema';
import { bilingual } from '../i18n';

export const LEVEL_LABELS: Record<SensitivityLevel, Bilingual> = {
  1: bilingual('policy.labels.LEVEL_LABELS.1'),
  2: bilingual('policy.labels.LEVEL_LABELS.2'),
  3: bilingual('policy.labels.LEVEL_LABELS.3'),
  4: bilingual('policy.labels.LEVEL_LABELS.4'),
};

export const TIER_LABELS: Record<ProviderTier, Bilingual> = {
  'licensed-secret': bilingual('policy.labels.TIER_LABELS.licensed-secret'),
  internal: bilingual('policy.labels.TIER_LABELS.internal'),
  'external-contracted': bilingual('policy.labels.TIER_LABELS.external-contracted'),
  public: bilingual('policy.labels.TIER_LABELS.public'),
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
  'licensed-secret': bilingual('policy.labels.TIER_IN_SENTENCE.licensed-secret'),
  internal: bilingual('policy.labels.TIER_IN_SENTENCE.internal'),
  'external-contracted': bilingual('policy.labels.TIER_IN_SENTENCE.external-contracted'),
  public: bilingual('policy.labels.TIER_IN_SENTENCE.public'),
};
