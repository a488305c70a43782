// A worker thread of the logbook pool: reads the files it is sent, answers with their summaries.
// The trust list comes once, as workerData.
import { parentPort, workerData } from 'node:worker_threads';
import type { TrustedKey } from '../provenance';
import { readOne } from './files';

const trustedKeys = ((workerData as { trustedKeys?: TrustedKey[] } | null)?.trustedKeys ?? []) as TrustedKey[];

parentPort?.on('message', async (task: { id: number; path: string; unit: string }) => {
  const result = await readOne(task, { trustedKeys });
  parentPort!.postMessage({ id: task.id, ...result });
});
