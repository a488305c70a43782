// The core registry built for lookups: its own module so the pane can load it as a separate chunk
// (dynamic import; the data never sits in the first-paint JS). Pure: the rows are facts in core.ts.
import { CORE_REGISTRY } from './core';
import { buildRegistry, type Registry } from './lookup';
import { parseRegistryFile, type ParsedRegistry } from './parse';
import { registryEntrySchema, type RegistryEntry } from './types';

export { parseRegistryFile, type ParsedRegistry };

/** The core registry's rows, validated (a bad core row is a programming error and throws). */
export function coreRegistryEntries(): RegistryEntry[] {
  return CORE_REGISTRY.map((row) => registryEntrySchema.parse(row));
}

let built: Registry | undefined;
/** The core registry alone, built once. */
export function coreRegistry(): Registry {
  return (built ??= buildRegistry([coreRegistryEntries()]));
}
