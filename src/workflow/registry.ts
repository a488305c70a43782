// issue 9 — registry: the core registry, loaded on first use. A dynamic import, so the pane's
// bundler makes it a chunk of its own ("registry") that first paint never loads; the CLI and the
// tests get the same module. Lookups are the same pure code everywhere (src/checks/registry).
import type { Registry } from '../checks/registry/lookup';

type RegistryModule = typeof import('../checks/registry/core-registry');

let loading: Promise<RegistryModule> | undefined;
/** The registry module (core data, file parser), loaded once. */
export function loadRegistryModule(): Promise<RegistryModule> {
  return (loading ??= import(/* webpackChunkName: "registry" */ '../checks/registry/core-registry'));
}

/** The core registry alone (when no other registry was given). */
export async function loadCoreRegistry(): Promise<Registry> {
  return (await loadRegistryModule()).coreRegistry();
}
