export { ARTICLES, type ArticleCitation } from './articles';
export {
  decide,
  placedStampsText,
  possibleSecretsIn,
  secrecyStampsIn,
  type PossibleSecret,
  providersFor,
  type DecideInput,
  type Decision,
  type Outcome,
  type Reason,
  type ReasonCode,
  type ReasonSeverity,
  type TierPermission,
} from './decide';
export { LEVEL_LABELS, TIER_IN_SENTENCE, TIER_LABELS, TIER_RANK } from './labels';
export {
  DEFAULT_PROVIDER,
  LOCKABLE_SETTINGS,
  defaultOrgSettings,
  isLocked,
  parseOrgSettings,
  providerConfigSchema,
  rankProviders,
  resolveProfile,
  type LockableSetting,
  type OrgSettings,
  type ParsedOrgSettings,
  type ProviderConfig,
} from './org-settings';
export {
  BUILT_IN_PROFILES,
  BUILT_IN_PROFILE_IDS,
  DEFAULT_PROFILE_ID,
  KAI_CB_2025,
  QC_PB_2026,
  STRICT,
  getProfile,
  mergeStricter,
  type BuiltInProfileId,
} from './profiles';
export { FORBIDDEN, PURPOSES, isPurposeId, purposeInfo, type PurposeInfo } from './purposes';
export {
  PROVIDER_TIERS,
  PURPOSE_IDS,
  profileSchema,
  type DataAction,
  type DisclosureOption,
  type ForbiddenPurpose,
  type Profile,
  type ProviderTier,
  type PurposeId,
  type SignOffItem,
  type SignOffRules,
} from './schema';
export { findSignal } from './signals';
export { checkSignOff, type SignOffCheck, type SignOffIssue, type SignOffState, type UntrustedSigner, type UntrustedSignerReason } from './signoff';
