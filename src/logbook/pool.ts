// Reads many files in parallel: one worker thread per core when the worker entry can be started (from
// a build: worker.mjs beside the bundle; from source: worker-from-source.mjs, which registers tsx and
// imports worker.ts), else in this thread. Results come back in any order; `onDone` is called for each.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TrustedKey } from '../provenance';
import { readOne, type ReadResult } from './files';

export interface PoolTask {
  path: string;
  unit: string;
}

export interface PoolOptions {
  /** Number of threads (default: one per core). 1 = read in this thread. */
  jobs?: number;
  onDone?: (task: PoolTask, result: ReadResult) => void;
  /** The organisation's trust list, sent to every thread. */
  trustedKeys?: readonly TrustedKey[];
  /** The worker entry to start (tests); by default the one beside this module. */
  workerEntry?: { url: URL; execArgv: string[] };
}

export interface PoolResult {
  results: ReadResult[];
  threads: number;
  /** Why the worker threads stopped, when the rest was read in this thread (the results are still complete). */
  workerFailure?: string;
}

/** The worker entry and how to start it, or null when neither file is there (e.g. inside a bundle). */
function workerEntry(): { url: URL; execArgv: string[] } | null {
  // Beside the compiled CLI (scripts/build-cli.mjs writes build/cli/<version>/worker.mjs).
  const built = new URL('./worker.mjs', import.meta.url);
  if (built.protocol !== 'file:') return null;
  if (existsSync(fileURLToPath(built))) return { url: built, execArgv: [] };
  // From source: a small bootstrap registers tsx in the thread, then imports worker.ts.
  const source = new URL('./worker-from-source.mjs', import.meta.url);
  return existsSync(fileURLToPath(source)) && tsxInstalled() ? { url: source, execArgv: [] } : null;
}

function tsxInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('tsx/package.json');
    return true;
  } catch {
    return false;
  }
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

async function inProcess(tasks: PoolTask[], options: PoolOptions): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  for (const task of tasks) {
    const result = await readOne(task, { trustedKeys: options.trustedKeys ?? [] });
    options.onDone?.(task, result);
    results.push(result);
  }
  return results;
}

export async function readAll(tasks: PoolTask[], options: PoolOptions = {}): Promise<PoolResult> {
  // Starting a thread costs more than reading a few files: small sets stay in this thread.
  const jobs = Math.min(options.jobs ?? defaultJobs(), Math.ceil(tasks.length / 4));
  const entry = jobs > 1 ? (options.workerEntry ?? workerEntry()) : null;
  if (!entry) return { results: await inProcess(tasks, options), threads: 1 };
  const results: ReadResult[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  let workerFailure: string | undefined;
  try {
    await new Promise<void>((resolveAll, rejectAll) => {
      const feed = (worker: Worker) => {
        if (next >= tasks.length) return;
        const id = next++;
        worker.postMessage({ id, ...tasks[id]! });
      };
      for (let i = 0; i < jobs; i++) {
        const worker = new Worker(entry.url, { execArgv: entry.execArgv, workerData: { trustedKeys: options.trustedKeys ?? [] } });
        workers.push(worker);
        worker.on('message', (message: ReadResult & { id: number }) => {
          if (results[message.id]) return;
          results[message.id] = { summary: message.summary, sha256: message.sha256 };
          options.onDone?.(tasks[message.id]!, results[message.id]!);
          if (++done === tasks.length) resolveAll();
          else feed(worker);
        });
        worker.on('error', rejectAll);
        // Two tasks in flight per thread, so a thread never waits for the next message.
        feed(worker);
        feed(worker);
      }
    });
  } catch (error) {
    // A worker could not start or crashed: read what is left here (never fatal), and say so.
    workerFailure = error instanceof Error ? error.message : String(error);
    for (const [id, task] of tasks.entries()) {
      if (!results[id]) {
        results[id] = await readOne(task, { trustedKeys: options.trustedKeys ?? [] });
        options.onDone?.(task, results[id]!);
      }
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { results, threads: jobs, ...(workerFailure !== undefined ? { workerFailure } : {}) };
}
