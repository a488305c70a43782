// `aiprov registry lookup SYMBOL | stats | import FILE`: what the legal-document registry knows.
// The registry is the core registry (src/checks/registry/core.ts) plus any file given with
// --registry (CSV or JSONL; later files override earlier entries of the same identity).
import {
  buildRegistry,
  coreEntries,
  lookupCitation,
  parseRegistryFile,
  registryStats,
  type Registry,
  type RegistryCoverage,
  type RegistryEntry,
} from '../../checks/registry';
import { existsSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { type CliContext, CliError, parseCommandArgs } from '../context';
import { readBytes } from '../load';
import { messages } from '../messages';
import { findSettingsFile, userConfigDir } from '../settings-file';

/**
 * The default registry of this machine: $AIPROV_REGISTRY (files separated by the path delimiter), else
 * <user configuration folder>/aiprov/registry.jsonl and registry.csv when they exist.
 */
export function defaultRegistryFiles(env: NodeJS.ProcessEnv): string[] {
  const fromEnv = env.AIPROV_REGISTRY?.trim();
  if (fromEnv) return fromEnv.split(delimiter).map((p) => p.trim()).filter(Boolean);
  const dir = userConfigDir(env);
  if (!dir) return [];
  return ['registry.jsonl', 'registry.csv'].map((name) => join(dir, 'aiprov', name)).filter((p) => existsSync(p));
}

/**
 * Registry files in the order they override one another: the default location, the organisation's
 * `registry` in org-settings.json (relative to that file), then each --registry.
 */
export async function registryFilesFor(flags: readonly string[], context: CliContext, settingsPath?: string): Promise<string[]> {
  // No settings file: the built-in defaults name no registry, and the settings parser (policy, zod) is not loaded.
  const found = findSettingsFile(settingsPath, context.env);
  if (!found) return [...defaultRegistryFiles(context.env), ...flags];
  const { loadSettings } = await import('../settings');
  const settings = await loadSettings(found, context.env);
  const base = settings.path ? dirname(resolve(settings.path)) : process.cwd();
  const fromSettings = (settings.settings.registry ?? []).map((p) => (isAbsolute(p) ? p : join(base, p)));
  return [...defaultRegistryFiles(context.env), ...fromSettings, ...flags];
}

const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Core registry + the given files; a file with invalid rows is refused whole (fail closed). */
export async function loadRegistry(files: readonly string[]): Promise<Registry> {
  const sources: RegistryEntry[][] = [coreEntries()];
  const coverage: RegistryCoverage[] = [];
  for (const path of files) {
    const text = new TextDecoder('utf-8').decode(await readBytes(path));
    const parsed = parseRegistryFile(path, text);
    if (parsed.errors.length) {
      throw new CliError({ vi: messages('vi').registry.badFile(path, parsed.errors.length), en: messages('en').registry.badFile(path, parsed.errors.length) }, 2);
    }
    sources.push(parsed.entries);
    coverage.push(...(parsed.coverage ?? []));
  }
  return buildRegistry(sources, coverage);
}

function describe(e: RegistryEntry, m: ReturnType<typeof messages>['registry']): string[] {
  const lines = [m.entry(e.type, e.symbol, vnDate(e.issued), e.issuer ?? m.unknownValue, e.title ?? m.unknownValue)];
  if (e.effective) lines.push(m.effective(vnDate(e.effective)));
  lines.push(m.status(m.statusNames[e.status] ?? e.status, e.status_as_of ? vnDate(e.status_as_of) : ''));
  if (e.replaced_by.length) lines.push(m.replacedBy(e.replaced_by.join(', ')));
  return lines;
}

export async function registryCommand(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    registry: { type: 'string', multiple: true },
    settings: { type: 'string' },
    date: { type: 'string' },
    json: { type: 'boolean' },
  });
  const m = messages(context.lang).registry;
  const [sub, target] = positionals;
  const usage = () => new CliError({ vi: messages('vi').registry.usage, en: messages('en').registry.usage }, 2);

  if (sub === 'import') {
    if (!target) throw usage();
    const text = new TextDecoder('utf-8').decode(await readBytes(target));
    const { entries, errors } = parseRegistryFile(target, text);
    if (values.json) context.stdout(JSON.stringify({ file: target, valid: entries.length, errors }, null, 2) + '\n');
    else context.stdout([m.imported(entries.length, errors.length), ...errors.map((e) => m.badRow(e.line, e.message))].join('\n') + '\n');
    return errors.length ? 1 : 0;
  }

  const registry = await loadRegistry(await registryFilesFor(values.registry ?? [], context, values.settings));
  if (sub === 'stats') {
    const s = registryStats(registry);
    if (values.json) {
      context.stdout(JSON.stringify(s, null, 2) + '\n');
      return 0;
    }
    const lines = [m.stats(s.entries, s.symbols, s.issuedFrom ? vnDate(s.issuedFrom) : '—', s.issuedTo ? vnDate(s.issuedTo) : '—'), m.byType];
    for (const [k, n] of Object.entries(s.byType).sort((a, b) => b[1] - a[1])) lines.push(`  ${k}: ${n}`);
    lines.push(m.byStatus);
    for (const [k, n] of Object.entries(s.byStatus).sort((a, b) => b[1] - a[1])) lines.push(`  ${m.statusNames[k] ?? k}: ${n}`);
    context.stdout(lines.join('\n') + '\n');
    return 0;
  }
  if (sub === 'lookup' && target) {
    const lookup = lookupCitation(registry, { symbol: target, date: values.date });
    if (values.json) {
      context.stdout(JSON.stringify({ symbol: target, ...lookup }, null, 2) + '\n');
      return lookup.result === 'found' || lookup.result === 'ambiguous' ? 0 : 1;
    }
    const lines: string[] = [];
    if (lookup.result === 'found') lines.push(...describe(lookup.entry, m));
    else if (lookup.result === 'ambiguous') {
      lines.push(m.ambiguous(target, lookup.candidates.length));
      for (const e of lookup.candidates) lines.push(...describe(e, m));
    } else lines.push(lookup.result === 'not-found' ? m.notFound(target) : m.notInRegistry(target));
    context.stdout(lines.join('\n') + '\n');
    return lookup.result === 'found' || lookup.result === 'ambiguous' ? 0 : 1;
  }
  throw usage();
}
