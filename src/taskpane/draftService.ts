/**
 * The Generate step's GenerateFn over the draft workflow (src/workflow/draft.ts): gate → redact →
 * stream → restore → ground, without inserting. The pane inserts with insertPassage only when the
 * person chooses Insert, so a discarded answer leaves no mark and no record.
 */
import { generateDraft, generationOf } from '../workflow/draft';
import type { GenerateFn } from './generate';

export function draftGenerator(options: { fetch?: typeof fetch } = {}): GenerateFn {
  return async (request) => {
    const draft = await generateDraft({
      purpose: request.purpose,
      instruction: request.prompt,
      ...(request.input ? { input: request.input } : {}),
      ...(request.context ? { context: request.context } : {}),
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
