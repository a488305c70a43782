// Starts the logbook's worker from its TypeScript source (tests, benchmarks, a checkout without a CLI
// build): tsx's loader registered inside this thread, then worker.ts. `--import` in a Worker's
// execArgv does not reach the thread's module loader on Node 20, so every worker failed to start.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
