// Public surface of the provenance record. Pure: no I/O, no DOM, no Office.
export { canonicalJson, CanonicalJsonError } from './canonical';
export { GENESIS_HASH, sha256Hex, isSha256Hex } from './hash';
export * from './schema';
export { ProvenanceError, type ProvenanceErrorCode } from './errors';
export { findSecretLike, SECRET_PATTERNS, type SecretHit } from './secrets';
export {
  appendEvent,
  createRecord,
  verifyChain,
  chainAnchor,
  canonicalEventForm,
  computeEventHash,
  type AppendInput,
  type ChainAnchor,
  type ChainResult,
  type CreateRecordInput,
  type VerifyOptions,
} from './chain';
export * from './fold';
export {
  RECORD_NAMESPACE,
  RECORD_NAMESPACE_PREFIX,
  PLAIN_FORM_MAX_BYTES,
  MAX_RECORD_EVENTS,
  CUSTOM_XML_PART_LIMIT_BYTES,
  encodeRecord,
  decodeRecord,
  isRecordNamespace,
  utf8Length,
  type DecodeResult,
  type DecodeErrorCode,
  type RecordForm,
} from './codec';
export { decodeAndVerifyRecord, type DecodedAndVerified } from './read';
export { claimsFromFindings, assignClaimIds, type ClaimDraft } from './claims';
export { passageFingerprint, fingerprintDistance, fingerprintMatches, normaliseForFingerprint, FINGERPRINT_MATCH_DISTANCE } from './fingerprint';
export { computeEditRatio } from './edit';
export { generatedPassageData, editedPassageData, claimVerifiedData, claimRejectedData, type GeneratedPassageInput, type PositionedGrounding } from './builders';
export * from './report/index';
// Signatures, trust list and the signed text (issue 11).
export * from './signature';
export * from './trust';
export * from './text-digest';
