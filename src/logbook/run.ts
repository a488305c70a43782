// One logbook run: find the files, reuse cached summaries whose file is unchanged, read the rest in
// parallel, save the cache, build the logbook.
import { readFile } from 'node:fs/promises';
import { buildLogbook, type Logbook, type LogbookFilter } from './aggregate';
import { CACHE_VERSION, cacheKey, loadCache, saveCache, type LogbookCache } from './cache';
import type { TrustedKey } from '../provenance';
import { findDocxFiles, sha256, trustListHash, type FoundFile } from './files';
import { readAll } from './pool';
import type { DocumentSummary } from './types';

export interface RunOptions {
  filter?: LogbookFilter;
  /** Cache file, or null for no cache. */
  cachePath: string | null;
  jobs?: number;
  /** The organisation's trust list (org-settings `trustedKeys`); part of the cache key. */
  trustedKeys?: readonly TrustedKey[];
  onTotal?: (total: number) => void;
  onFile?: () => void;
}

export interface RunResult {
  logbook: Logbook;
  missing: string[];
  /** Files whose summary came from the cache. */
  cached: number;
  read: number;
  threads: number;
  /** Why the worker threads stopped, when the rest was read in this thread (the logbook is still complete). */
  workerFailure?: string;
}

async function unchanged(file: FoundFile, cache: LogbookCache, trust: string): Promise<DocumentSummary | null> {
  const entry = cache.entries[cacheKey(file.path)];
  if (!entry || entry.size !== file.size || entry.mtimeMs !== file.mtimeMs || entry.trust !== trust) return null;
  try {
    if (sha256(new Uint8Array(await readFile(file.path))) !== entry.sha256) return null;
  } catch {
    return null;
  }
  const summary = entry.summary;
  // The same file found under another root has another folder: the unit follows unless the trust list gave it.
  return { ...summary, path: file.path, folder: file.unit, unit: summary.unitSource === 'folder' ? file.unit : summary.unit };
}

export async function runLogbook(paths: string[], options: RunOptions): Promise<RunResult> {
  const { files, missing } = await findDocxFiles(paths);
  options.onTotal?.(files.length);
  const cache: LogbookCache = options.cachePath ? await loadCache(options.cachePath) : { version: CACHE_VERSION, entries: {} };
  const trustedKeys = options.trustedKeys ?? [];
  const trust = trustListHash(trustedKeys);
  const summaries: DocumentSummary[] = [];
  const toRead: FoundFile[] = [];
  for (const file of files) {
    const hit = await unchanged(file, cache, trust);
    if (hit) {
      summaries.push(hit);
      options.onFile?.();
    } else toRead.push(file);
  }
  const cached = summaries.length;
  const { results, threads, workerFailure } = await readAll(toRead, { ...(options.jobs ? { jobs: options.jobs } : {}), trustedKeys, onDone: () => options.onFile?.() });
  // Entries of other folders stay: one cache file can serve several logbooks.
  const fresh: LogbookCache = { version: CACHE_VERSION, entries: { ...cache.entries } };
  for (const [i, result] of results.entries()) {
    const file = toRead[i]!;
    summaries.push(result.summary);
    if (result.sha256) fresh.entries[cacheKey(file.path)] = { size: file.size, mtimeMs: file.mtimeMs, sha256: result.sha256, trust, summary: result.summary };
    else delete fresh.entries[cacheKey(file.path)];
  }
  if (options.cachePath) {
    try {
      await saveCache(options.cachePath, fresh);
    } catch {
      // A cache that cannot be written only costs time next run.
    }
  }
  return { logbook: buildLogbook(summaries, options.filter), missing, cached, read: toRead.length, threads, ...(workerFailure !== undefined ? { workerFailure } : {}) };
}
