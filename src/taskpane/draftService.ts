/**
 * The Generate step's GenerateFn over the draft workflow (src/workflow/draft.ts): gate → redact →
 * stream → restore → ground, without inserting. The pane inserts with insertPassage only when the
 * person chooses Insert, so a discarded answer leaves no mark and no record.
 */
import { scrub } from '../ai';
import { SECRET_PATTERNS } from '../provenance';
import { generateDraft, type DraftResult } from '../workflow/draft';
import type { GenerationData } from '../workflow';
import type { GenerateFn } from './generate';

const MAX_PROMPT = 50_000;

/** The prompt as the record may keep it: what left the machine, with anything key-like masked. */
function recordablePrompt(sent: string, apiKey: string | undefined): string {
  let out = scrub(sent, [apiKey]);
  for (const { pattern } of SECRET_PATTERNS) {
    out = out.replace(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`), '[khóa ẩn]');
  }
  return out.length > MAX_PROMPT ? `${out.slice(0, MAX_PROMPT - 1)}…` : out;
}

export function generationOf(draft: DraftResult, purpose: GenerationData['purpose'], apiKey: string | undefined): GenerationData {
  return {
    purpose,
    provider: draft.provider,
    model: draft.model.slice(0, 200),
    prompt: recordablePrompt(draft.sentInstruction, apiKey),
    sources: draft.sources,
    redactions: draft.redactionCounts,
    timings: {
      startedAt: draft.timings.startedAt,
      ...(draft.timings.firstTokenMs !== null ? { firstTokenMs: Math.round(draft.timings.firstTokenMs) } : {}),
      totalMs: Math.round(draft.timings.totalMs),
    },
    level: draft.level,
  };
}

export function draftGenerator(options: { fetch?: typeof fetch } = {}): GenerateFn {
  return async (request) => {
    const draft = await generateDraft({
      purpose: request.purpose,
      instruction: request.prompt,
      sources: request.sources,
      provider: request.provider,
      ...(request.apiKey ? { apiKey: request.apiKey } : {}),
      profile: request.profile,
      level: request.level,
      acknowledgeWarnings: request.confirmed,
      signal: request.signal,
      onToken: request.onToken,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    return { text: draft.text, generation: generationOf(draft, request.purpose, request.apiKey), grounding: draft.grounding };
  };
}
