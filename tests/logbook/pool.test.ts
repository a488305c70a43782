// The logbook's thread pool: a worker that cannot start (or crashes) never loses a file — the rest is
// read in this thread — and the run says why, rather than reporting threads that did not work.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readAll } from '../../src/logbook/pool';
import { tempDir } from '../cli/run';
import { reportDocx } from '../workflow/helpers';

/** `count` copies of the report in a new folder, as pool tasks. */
function reportsToRead(count: number): { dir: string; tasks: { path: string; unit: string }[] } {
  const dir = tempDir();
  const tasks = Array.from({ length: count }, (_, i) => {
    const path = join(dir, `report-${i}.docx`);
    writeFileSync(path, reportDocx());
    return { path, unit: 'so-a' };
  });
  return { dir, tasks };
}

describe('the logbook thread pool', () => {
  it('reads every file in this thread when a worker fails, and says why', async () => {
    const { dir, tasks } = reportsToRead(8);
    const crashing = join(dir, 'crashing-worker.mjs');
    writeFileSync(crashing, "throw new Error('the worker could not start');\n");
    const done: string[] = [];
    const pool = await readAll(tasks, { jobs: 2, workerEntry: { url: pathToFileURL(crashing), execArgv: [] }, onDone: (task) => done.push(task.path) });
    expect(pool.workerFailure).toContain('the worker could not start');
    expect(pool.results).toHaveLength(8);
    expect(pool.results.every((r) => r.summary.condition !== 'unreadable' && r.sha256)).toBe(true);
    expect(done.sort()).toEqual(tasks.map((t) => t.path).sort());
  });

  it('reports no failure when the threads read everything', async () => {
    const { tasks } = reportsToRead(8);
    const pool = await readAll(tasks, { jobs: 2 });
    expect(pool.workerFailure).toBeUndefined();
    expect(pool.results).toHaveLength(8);
  });
});
