// issue 9 — registry: the source the verify step offers for a citation claim — the registry entry of
// the document it cites — so a person confirms the official source instead of typing one. The pane and
// the CLI render what this returns; the registry is data the caller loaded.
import { scanText } from '../checks';
import type { Diagnostic } from '../checks/types';
import { checkCitationsAgainstRegistry } from '../checks/registry/diagnose';
import type { Registry } from '../checks/registry/lookup';
import { registryResultForText, suggestedSource, type SuggestedSource } from '../checks/registry/suggest';
import type { DocumentHost } from '../host/port';
import { findClaim } from './claims';
import type { WorkflowContext } from './document';
import { documentStatus } from './status';

/**
 * For each claim reference ("3f2a9c1b.c2"): the suggested source, or undefined when the claim is not a
 * citation of a document the registry lists. Unknown references throw as verifyClaim would.
 * `at` is the reference date for the status shown (default: today).
 */
export async function suggestSources(
  host: DocumentHost,
  context: WorkflowContext,
  claims: readonly string[],
  registry: Registry,
  at: string = new Date().toISOString().slice(0, 10),
): Promise<Map<string, SuggestedSource | undefined>> {
  const state = (await documentStatus(host, context, { level: false })).state;
  const out = new Map<string, SuggestedSource | undefined>();
  for (const reference of claims) {
    const ref = state ? findClaim(state, reference) : undefined;
    const result = ref && ref.claim.kind === 'citation' ? registryResultForText(ref.claim.text, registry, at)?.result : undefined;
    out.set(reference, suggestedSource(result));
  }
  return out;
}

// issue 9 — registry, the pane: what step 5 shows for a passage, from the same pure code as
// `aiprov scan` (checkCitationsAgainstRegistry) and `aiprov inspect` (registryResultForText).
/** The registry diagnostics of a passage's citations (expired, not yet in force, differs…), as of `at`. */
export function passageRegistryDiagnostics(text: string, registry: Registry, at: string = new Date().toISOString().slice(0, 10)): Diagnostic[] {
  return checkCitationsAgainstRegistry(scanText(text).findings, registry, at).diagnostics;
}

/** The suggested source of one citation claim's text, or undefined when the registry does not list it. */
export function suggestedSourceOfText(text: string, registry: Registry, at: string = new Date().toISOString().slice(0, 10)): SuggestedSource | undefined {
  return suggestedSource(registryResultForText(text, registry, at)?.result);
}
