/**
 * The Generate step's contract with the draft workflow (src/workflow/draft.ts): the pane hands over
 * what the person chose and typed; the workflow gates, redacts, streams, restores and grounds, and
 * either returns the draft or refuses with the articles. The pane inserts the draft only when the
 * person says so (insertPassage), so discarded output leaves no mark and no record.
 */
import type { GroundingResult } from '../ai';
import type { Bilingual, SensitivityLevel } from '../checks/types';
import type { Profile, ProviderConfig, PurposeId, Reason } from '../policy';
import type { GenerationData } from '../workflow';

export interface SourceInput {
  name: string;
  text: string;
}

export interface GenerateRequest {
  purpose: PurposeId;
  provider: ProviderConfig;
  /** Kept in memory for this call only. */
  apiKey?: string;
  prompt: string;
  /** The text to summarise, translate, proofread or analyse (e.g. the person's selection). */
  input?: string;
  /** The open document as context (the workflow gates and redacts it like the rest). */
  context?: string;
  sources: SourceInput[];
  /** issue 9 — level: `topicsSetAside`, the topics the record set aside for this document (it is published). */
  level: { declared?: SensitivityLevel; detected: SensitivityLevel; topicsSetAside?: readonly string[] };
  profile: Profile;
  /** The person acknowledged the warnings the policy asked them to confirm. */
  confirmed: boolean;
  signal: AbortSignal;
  onToken: (token: string, textSoFar: string) => void;
}

export interface GenerateResult {
  /** The answer with personal data restored: what would be inserted. */
  text: string;
  /** What the record keeps about how the text was made. */
  generation: GenerationData;
  grounding?: GroundingResult;
}

export type GenerateFn = (request: GenerateRequest) => Promise<GenerateResult>;

/** How a failed generation reaches the person. */
export type GenerateFailure =
  | { kind: 'refused'; message: Bilingual; reasons: Reason[] }
  | { kind: 'confirm'; message: Bilingual; reasons: Reason[] }
  | { kind: 'cancelled' };

const isReason = (value: unknown): value is Reason =>
  typeof value === 'object' && value !== null && 'message' in value && 'article' in value;

/**
 * Recognises the draft workflow's refusals by name, so this module does not pull the workflow's
 * network code into the pane's first load.
 */
export function generateFailure(error: unknown): GenerateFailure | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { name?: unknown; code?: unknown; reasons?: unknown; bilingual?: unknown; decision?: { reasons?: unknown } };
  if (e.name === 'AbortError' || (e.name === 'AiError' && e.code === 'cancelled')) return { kind: 'cancelled' };
  // The draft workflow's errors carry the policy decision; its reasons name the articles.
  const raw = Array.isArray(e.decision?.reasons) ? e.decision.reasons : Array.isArray(e.reasons) ? e.reasons : [];
  const reasons = raw.filter(isReason);
  const message = (e.bilingual as Bilingual | undefined) ?? { vi: '', en: '' };
  if (e.name === 'DraftRefusedError') return { kind: 'refused', message, reasons };
  if (e.name === 'DraftNeedsConfirmationError') return { kind: 'confirm', message, reasons };
  return null;
}
