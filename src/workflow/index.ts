// The use cases, host-agnostic. Task pane, CLI and workbench call these; none re-implements a rule.
export * from './document';
export * from './looks';
export * from './summary';
export * from './passages';
export * from './claims';
export * from './signoff';
export * from './status';
export * from './states';
export * from './draft';
export * from './insertion-point';
