/**
 * What would leave the machine if the person generated now: the personal data found in the prompt
 * and sources, the policy's decision for the chosen provider, and the text with placeholders as
 * the redaction would send it. A preview only: the draft workflow makes the same decision again
 * before any byte is sent.
 */
import { redactParts } from '../ai';
import { scanText } from '../checks';
import type { Finding, PersonalDataFinding, SensitivityLevel } from '../checks/types';
import { decide, type Decision, type Profile, type ProviderTier } from '../policy';
import type { SourceInput } from './generate';

export interface SendPreview {
  personalData: PersonalDataFinding[];
  /** Present when a provider and a purpose are chosen. */
  decision: Decision | null;
  /** The prompt, the input and the sources as they would be sent (placeholders instead of personal data). */
  redacted: { prompt: string; input?: string; context?: string; sources: string[] } | null;
  /** The open document as it would be sent as context (placeholders when redacted); null when not given or refused. */
  context: string | null;
}

export interface SendPreviewInput {
  prompt: string;
  /** The text the purpose works on (the selection), sent beside the prompt. */
  input?: string;
  /** The open document as context (workflow/document-context.ts), when the person gives it. */
  context?: string;
  sources: readonly SourceInput[];
  level: { declared?: SensitivityLevel; detected: SensitivityLevel };
  tier: ProviderTier | null;
  purpose: string | null;
  profile: Profile;
}

export function sendPreview(input: SendPreviewInput): SendPreview {
  const hasInput = input.input !== undefined && input.input.trim() !== '';
  const hasContext = input.context !== undefined && input.context.trim() !== '';
  const texts = [input.prompt, ...(hasInput ? [input.input!] : []), ...(hasContext ? [input.context!] : []), ...input.sources.map((s) => s.text)];
  const scans = texts.map((text) => scanText(text).findings);
  const findings: Finding[] = scans.flat();
  const personalData = findings.filter((f): f is PersonalDataFinding => f.kind === 'personal-data');
  const decision =
    input.tier && input.purpose
      ? decide({ level: input.level, providerTier: input.tier, findings, purpose: input.purpose, profile: input.profile, text: texts.join('\n') })
      : null;
  let redacted: SendPreview['redacted'] = null;
  if (personalData.length > 0 && decision?.outcome !== 'deny') {
    const kinds = decision?.redact?.kinds;
    const parts = redactParts(
      texts.map((text, i) => ({ text, findings: scans[i] ?? [] })),
      kinds ? { kinds } : {},
    );
    const contextAt = hasInput ? 2 : 1;
    const first = contextAt + (hasContext ? 1 : 0);
    redacted = {
      prompt: parts.texts[0] ?? '',
      ...(hasInput ? { input: parts.texts[1] ?? '' } : {}),
      ...(hasContext ? { context: parts.texts[contextAt] ?? '' } : {}),
      sources: parts.texts.slice(first),
    };
  }
  // What is shown as the context is what would leave: nothing on a refusal, placeholders when redacted.
  const context = !hasContext || decision?.outcome === 'deny' ? null : (redacted?.context ?? input.context!);
  return { personalData, decision, redacted, context };
}
