export { chatRequest, parseRetryAfter, streamChat, type ChatMessage, type ChatProvider, type ChatResult, type StreamChatOptions } from './client';
export { AiError, isAiError, scrub, type AiErrorCode, type AiErrorDetails } from './errors';
export {
  groundAnswer,
  type ClaimFinding,
  type GroundedClaim,
  type GroundingInput,
  type GroundingMatch,
  type GroundingResult,
  type GroundingStatus,
} from './grounding';
export { SYSTEM_PROMPT, UNKNOWN_MARK, buildMessages, formatSources, type DraftKind, type PromptRequest, type PromptSource } from './prompts';
export { leftoverPlaceholders, placeholderLabel, redact, redactParts, removePlaceholders, type MultiRedaction, type RedactOptions, type Redaction, type RedactionPart } from './redact';
