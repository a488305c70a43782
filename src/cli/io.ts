// File I/O for the CLI: reading inputs and writing outputs atomically, so a failed command never
// leaves a half-written file and never touches the input unless asked to (--in-place).
//
// Writers of one file are serialised by a lock file beside it (created exclusively; a lock left by a
// killed process is taken over). Under the lock a writer that read the file earlier first checks the
// file is still what it read (compare-and-swap): if another writer got there first it fails with
// "the file changed meanwhile" and writes nothing, so no update is ever lost. Temporaries of our own
// name found under the lock were left by a killed writer and are removed.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './context';
import { messages } from './messages';

export async function readInput(path: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path));
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface WriteOptions {
  /** SHA-256 of the file as the command read it: the write happens only if it is still that. */
  expectedSha256?: string;
  /** How long to wait for another writer's lock (default LOCK_WAIT_MS). */
  lockWaitMs?: number;
}

const both = (pick: (m: ReturnType<typeof messages>['gate']) => string) => ({ vi: pick(messages('vi').gate), en: pick(messages('en').gate) });

export const fileChangedMeanwhile = (path: string) => new CliError(both((m) => m.changedMeanwhile(path)), 1);

/** issue 17 — tamper: the lock was not released in time — another writer is still at work. */
export const fileBusy = (path: string) => new CliError(both((m) => m.busy(path)), 1);

export function missingFolder(path: string): CliError {
  return new CliError(both((m) => m.missingFolder(path, dirname(path))), 2);
}

/** Refuses early (before any work) an output whose folder does not exist. */
export function assertWritableFolder(path: string): void {
  const folder = dirname(resolve(path));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw missingFolder(path);
}

const LOCK_WAIT_MS = 20_000;
const STALE_LOCK_MS = 60_000;

const lockPathOf = (path: string) => join(dirname(path), `.${basename(path)}.aiprov.lock`);
const temporaryPrefixOf = (path: string) => `.${basename(path)}.`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock is stale when its owner is gone or it is much older than any write takes. */
async function staleLock(lockPath: string): Promise<boolean> {
  try {
    const [text, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    const pid = Number(text.trim());
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) return true;
    return Date.now() - info.mtimeMs > STALE_LOCK_MS;
  } catch {
    return false; // gone already, or being written: try again
  }
}

async function acquireLock(path: string, waitMs = LOCK_WAIT_MS): Promise<() => Promise<void>> {
  const lockPath = lockPathOf(path);
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockPath, { force: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw missingFolder(path);
      if (code !== 'EEXIST') throw error;
    }
    if (await staleLock(lockPath)) {
      await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw fileBusy(path);
    await new Promise((r) => setTimeout(r, Math.min(200, 5 + attempt * 5) * (0.5 + Math.random())));
  }
}

/** Temporaries of our own name beside `path`, left by a killed writer (called under the lock). */
async function removeStaleTemporaries(path: string): Promise<void> {
  const prefix = temporaryPrefixOf(path);
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  const ours = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.tmp$/;
  await Promise.all(names.filter((n) => n.startsWith(prefix) && ours.test(n.slice(prefix.length))).map((n) => rm(join(dirname(path), n), { force: true })));
}

async function currentSha(path: string): Promise<string | undefined> {
  try {
    return sha256Of(await readInput(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Writes to a temporary file beside the target, then renames it over the target, under the target's lock. */
export async function writeAtomically(path: string, data: Uint8Array | string, options: WriteOptions = {}): Promise<void> {
  assertWritableFolder(path);
  const release = await acquireLock(path, options.lockWaitMs);
  try {
    await removeStaleTemporaries(path);
    if (options.expectedSha256 !== undefined && (await currentSha(path)) !== options.expectedSha256) throw fileChangedMeanwhile(path);
    const temporary = join(dirname(path), `${temporaryPrefixOf(path)}${randomUUID()}.tmp`);
    try {
      await writeFile(temporary, data, { flag: 'wx' });
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw missingFolder(path);
      throw error;
    }
  } finally {
    await release();
  }
}
