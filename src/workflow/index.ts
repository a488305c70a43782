// The use cases, host-agnostic. Task pane, CLI and workbench call these; none re-implements a rule.
export * from './document';
export * from './looks';
export * from './summary';
export * from './passages';
export * from './claims';
export * from './signoff';
export * from './status';
export * from './states';
// issue 11 — signatures
export * from './keys';
export * from './draft';
export * from './suggested-source'; // issue 9 — registry
export * from './evidence'; // issue 10 — evidence
export * from './insertion-point';
export * from './registry'; // issue 9 — registry (lazy core)
export * from './document-context';
export * from './secret-notice';
export * from './declared-level';
export * from './read-document';
export * from './drafting-view';
