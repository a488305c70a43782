// File I/O for the CLI: reading inputs and writing outputs atomically, so a failed command never
// leaves a half-written file and never touches the input unless asked to (--in-place).
import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function readInput(path: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path));
}

/** Writes to a temporary file beside the target, then renames it over the target. */
export async function writeAtomically(path: string, data: Uint8Array | string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    await writeFile(temporary, data, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
