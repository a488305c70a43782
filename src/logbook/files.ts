// Finding the .docx files under the paths given, and reading one into a summary (used by the
// worker threads and by the in-process fallback alike).
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { bilingual } from './strings';
import { summariseDocx, type SummariseOptions } from './summarise';
import type { DocumentSummary } from './types';

export interface FoundFile {
  path: string;
  /** The folder relative to the root it was found under, "/"-separated ("." at the root). */
  unit: string;
  size: number;
  mtimeMs: number;
}

const DOCX = /\.(docx|docm)$/i;

/** Every .docx under the paths (recursively; Word's "~$" lock files left out), sorted by path. */
export async function findDocxFiles(paths: string[]): Promise<{ files: FoundFile[]; missing: string[] }> {
  const files: FoundFile[] = [];
  const missing: string[] = [];
  const walk = async (root: string, path: string): Promise<void> => {
    const entries = await readdir(path, { withFileTypes: true });
    for (const entry of entries) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) await walk(root, full);
      else if (entry.isFile() && DOCX.test(entry.name) && !entry.name.startsWith('~$')) {
        const info = await stat(full);
        files.push({ path: full, unit: relative(root, dirname(full)).split(sep).join('/') || '.', size: info.size, mtimeMs: info.mtimeMs });
      }
    }
  };
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      missing.push(path);
      continue;
    }
    if (info.isDirectory()) await walk(path, path);
    else files.push({ path, unit: '.', size: info.size, mtimeMs: info.mtimeMs });
  }
  const seen = new Set<string>();
  return { files: files.filter((f) => !seen.has(f.path) && seen.add(f.path)).sort((a, b) => (a.path < b.path ? -1 : 1)), missing };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The trust list as part of the cache key: a summary read under another list is read again. */
export function trustListHash(trustedKeys: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(trustedKeys)).digest('hex');
}

export interface ReadResult {
  summary: DocumentSummary;
  sha256: string | null;
}

export async function readOne(file: { path: string; unit: string }, options: SummariseOptions = {}): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file.path));
  } catch (error) {
    const detail = (error as Error).message;
    return {
      sha256: null,
      summary: {
        ...(await summariseDocx(new Uint8Array(0), file.path, file.unit, options)),
        reason: bilingual((s) => s.cannotReadFile, detail),
      },
    };
  }
  return { sha256: sha256(bytes), summary: await summariseDocx(bytes, file.path, file.unit, options) };
}
