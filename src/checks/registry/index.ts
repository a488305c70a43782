// Public API of the legal-document registry (pure; the CLI and the pane load files and pass text in).
export * from './types';
export * from './lookup';
export * from './parse';
export { CORE_REGISTRY } from './core';
import { CORE_REGISTRY } from './core';
import { registryEntrySchema, type RegistryEntry } from './types';

/** The core registry, validated (a bad core row is a programming error and throws). */
export function coreEntries(): RegistryEntry[] {
  return CORE_REGISTRY.map((row) => registryEntrySchema.parse(row));
}
export * from './diagnose';
export * from './suggest';
