/**
 * issue 9 — registry, the pane: the core registry loaded as its own chunk (never in first paint),
 * plus the organisation's registry files named in org-settings.json (`registry`), fetched from the
 * pane's own origin relative to the settings file (which sits beside taskpane.html). A file that
 * cannot be used is named with the reason and left out; the core registry still answers.
 */
import { useEffect, useState } from 'react';
import type { Registry, RegistryCoverage } from '../checks/registry/lookup';
import { buildRegistry } from '../checks/registry/lookup';
import type { RegistryEntry } from '../checks/registry/types';
import { loadRegistryModule } from '../workflow';

export interface RegistryUsed {
  /** Entries of the core registry. */
  core: number;
  /** The organisation's files that were loaded, with their entries. */
  files: Array<{ file: string; entries: number }>;
  /** Files named in the settings that could not be used, and why. */
  problems: Array<{ file: string; reason: 'other-origin' | 'unreadable' | 'bad-rows'; detail: string }>;
}

export interface PaneRegistry {
  registry: Registry;
  used: RegistryUsed;
}

type Fetcher = (url: string, init?: RequestInit) => Promise<Response>;

/** Loads the registry chunk, then each organisation file (same origin only), in order: later files override. */
export async function loadPaneRegistry(files: readonly string[] = [], fetcher: Fetcher | undefined = globalThis.fetch?.bind(globalThis), base: string = globalThis.document?.baseURI ?? globalThis.location?.href ?? 'http://localhost/'): Promise<PaneRegistry> {
  const registryModule = await loadRegistryModule();
  const core = registryModule.coreRegistryEntries();
  const sources: RegistryEntry[][] = [core];
  const coverage: RegistryCoverage[] = [];
  const used: RegistryUsed = { core: core.length, files: [], problems: [] };
  const origin = new URL(base).origin;
  for (const file of files) {
    let url: URL;
    try {
      url = new URL(file, base);
    } catch {
      used.problems.push({ file, reason: 'unreadable', detail: 'URL' });
      continue;
    }
    if (url.origin !== origin) {
      used.problems.push({ file, reason: 'other-origin', detail: url.origin });
      continue;
    }
    let text: string;
    try {
      if (!fetcher) throw new Error('fetch');
      const response = await fetcher(url.href, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      text = await response.text();
    } catch (e) {
      used.problems.push({ file, reason: 'unreadable', detail: e instanceof Error ? e.message : String(e) });
      continue;
    }
    const parsed = registryModule.parseRegistryFile(url.pathname, text);
    if (parsed.errors.length) {
      // As in the CLI: a file with bad rows is not used at all (check it with aiprov registry import).
      used.problems.push({ file, reason: 'bad-rows', detail: String(parsed.errors.length) });
      continue;
    }
    sources.push(parsed.entries);
    coverage.push(...(parsed.coverage ?? []));
    used.files.push({ file, entries: parsed.entries.length });
  }
  return { registry: buildRegistry(sources, coverage), used };
}

export type PaneRegistryState = { status: 'idle' | 'loading' | 'failed' } | ({ status: 'ready' } & PaneRegistry);

/** The registry for step 5, loaded once `wanted` becomes true (there are AI passages to check). */
export function usePaneRegistry(files: readonly string[] | undefined, wanted: boolean, fetcher?: Fetcher): PaneRegistryState {
  const [state, setState] = useState<PaneRegistryState>({ status: 'idle' });
  const key = (files ?? []).join('\n');
  useEffect(() => {
    if (!wanted || state.status !== 'idle') return;
    setState({ status: 'loading' });
    loadPaneRegistry(key ? key.split('\n') : [], fetcher).then(
      (r) => setState({ status: 'ready', ...r }),
      // The chunk could not load (offline, an old build's chunk gone): citations are checked for form only, and the pane says so.
      () => setState({ status: 'failed' }),
    );
  }, [wanted, key, state.status, fetcher]);
  return state;
}
