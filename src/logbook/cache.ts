// The incremental cache: a JSON file of summaries keyed by absolute path, reused when the size, the
// mtime and the SHA-256 of the content are all unchanged. A cache that cannot be read is ignored
// (the run reads everything again); it is written atomically at the end of the run.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { DocumentSummary } from './types';

/** Bumped whenever a summary's shape or meaning changes: an older cache is then ignored. */
export const CACHE_VERSION = 'aiprov-logbook-cache/2';

export interface CacheEntry {
  size: number;
  mtimeMs: number;
  sha256: string;
  /** trustListHash of the trust list the summary was read under (signature states and units depend on it). */
  trust: string;
  summary: DocumentSummary;
}

export interface LogbookCache {
  version: string;
  entries: Record<string, CacheEntry>;
}

/** $AIPROV_CACHE_DIR, else $XDG_CACHE_HOME/aiprov, else ~/.cache/aiprov (LOCALAPPDATA on Windows). */
export function defaultCachePath(env: NodeJS.ProcessEnv): string {
  const base = env.AIPROV_CACHE_DIR ?? (env.XDG_CACHE_HOME ? join(env.XDG_CACHE_HOME, 'aiprov') : env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'aiprov') : join(homedir(), '.cache', 'aiprov'));
  return join(base, 'logbook-cache.json');
}

export async function loadCache(path: string): Promise<LogbookCache> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as LogbookCache;
    if (parsed?.version === CACHE_VERSION && parsed.entries && typeof parsed.entries === 'object') return parsed;
  } catch {
    // Missing or unreadable: start empty.
  }
  return { version: CACHE_VERSION, entries: {} };
}

export async function saveCache(path: string, cache: LogbookCache): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(cache));
  await rename(temporary, path);
}

export const cacheKey = (path: string) => resolve(path);
