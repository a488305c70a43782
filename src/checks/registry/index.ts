// Public API of the legal-document registry (pure; the CLI and the pane load files and pass text in).
export * from './types';
export * from './lookup';
export * from './parse';
export { CORE_REGISTRY } from './core';
// The core registry's data: modules that reach the pane's first paint import lookup/diagnose/suggest
// directly, never this index (it pulls core.ts in); they load core-registry.ts with a dynamic import.
export { coreRegistryEntries as coreEntries, coreRegistry } from './core-registry';
export * from './diagnose';
export * from './suggest';
