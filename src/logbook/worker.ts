// A worker thread of the logbook pool: reads the files it is sent, answers with their summaries.
import { parentPort } from 'node:worker_threads';
import { readOne } from './files';

parentPort?.on('message', async (task: { id: number; path: string; unit: string }) => {
  const result = await readOne(task);
  parentPort!.postMessage({ id: task.id, ...result });
});
