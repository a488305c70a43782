// issue 9 — registry: load time and size of the ../shared registry seed, lookups per second, and the
// checks with the registry against the checks budget. Each figure is a ratio to a floor measured in the
// same run (the machine is shared and loaded; absolute times move, ratios much less):
//   load   ÷ JSON.parse of the same lines (the least any loader must do)
//   lookup ÷ a bare Map.get of the already-normalised key (the least any index can do)
//   scan + registry ÷ scan alone, over the real texts of ../shared/realtext when present
// `npm run bench -- registry`. Skips the seed figures, saying so, when ../shared is absent.
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { buildOnce } from '../tests/browser/harness';
import { registryChunkReport } from '../tests/browser/registry-chunk';
import { gzipSync } from 'fflate';
import { scanText, type CitationFinding } from '../src/checks/index';
import { buildRegistry, checkCitationsAgainstRegistry, coreEntries, lookupCitation, parseRegistryJsonl, registryKey, CORE_REGISTRY } from '../src/checks/registry';

const SEED = join(process.cwd(), '..', 'shared', 'registry', 'documents.jsonl');
const REALTEXT = join(process.cwd(), '..', 'shared', 'realtext');
const CHECKS_BUDGET_MS_PER_MB = 150;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(runs: number, work: () => void): number {
  work(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    work();
    out.push(performance.now() - t);
  }
  return median(out);
}

export async function run(): Promise<void> {
  const load = `load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`;
  const coreJson = JSON.stringify(CORE_REGISTRY);
  console.log(`registry: core registry ${CORE_REGISTRY.length} entries, ${(coreJson.length / 1024).toFixed(1)} KiB as JSON, ${(gzipSync(new TextEncoder().encode(coreJson)).length / 1024).toFixed(1)} KiB gzipped`);
  // The pane's registry chunk as the production build makes it (the shared cached build of the
  // browser tests, tests/browser/harness.ts buildOnce: built once while src/ is unchanged, minutes on a
  // loaded machine). Floor: the core registry's own JSON; and the first-paint JS must hold none of it.
  const buildStarted = performance.now();
  const report = registryChunkReport(await buildOnce());
  const buildMs = performance.now() - buildStarted;
  if (!report.chunk) {
    console.log('registry: the production build has NO registry chunk (it should: src/workflow/registry.ts)');
  } else {
    const c = report.chunk;
    console.log(
      `registry: pane chunk ${c.file} (production build${buildMs > 2_000 ? `, built in ${(buildMs / 1000).toFixed(0)} s` : ', cached build'}) ${(c.bytes / 1024).toFixed(1)} KiB min, ${(c.gzip / 1024).toFixed(1)} KiB gzipped = ` +
        `${(c.bytes / coreJson.length).toFixed(2)}× the core registry's JSON; first-paint scripts holding registry data: ${report.firstPaint.filter((f) => f.registryData).length} of ${report.firstPaint.length}`,
    );
  }
  if (!existsSync(SEED)) {
    console.log('registry: ../shared/registry/documents.jsonl is absent: seed figures skipped.');
    return;
  }
  const text = readFileSync(SEED, 'utf8');
  const bytes = new TextEncoder().encode(text);
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const floorParse = time(5, () => {
    for (const l of lines) JSON.parse(l);
  });
  let registry = buildRegistry([coreEntries()]);
  const loadMs = time(5, () => {
    registry = buildRegistry([coreEntries(), parseRegistryJsonl(text).entries]);
  });
  console.log(
    `registry: seed ${registry.size} entries, ${(bytes.length / 1024 / 1024).toFixed(2)} MiB JSONL (${(gzipSync(bytes).length / 1024).toFixed(0)} KiB gzipped); ` +
      `load + validate + index ${loadMs.toFixed(0)} ms = ${(loadMs / floorParse).toFixed(1)}× JSON.parse alone (${floorParse.toFixed(0)} ms) [${load}]`,
  );

  // Lookups: every seed symbol once, with its date (the common case of a cited document).
  const cited = [...registry.index.values()].map((list) => list[0]!).map((e) => ({ symbol: e.symbol, date: e.issued, typeName: e.type }));
  const keys = cited.map((c) => registryKey(c.symbol));
  let sink = 0;
  const floorMs = time(5, () => {
    for (const k of keys) sink += registry.index.get(k)?.length ?? 0;
  });
  const lookupMs = time(5, () => {
    for (const c of cited) sink += lookupCitation(registry, c, '2026-01-01').result.length;
  });
  const perSecond = (cited.length / lookupMs) * 1000;
  console.log(
    `registry: ${cited.length} lookups in ${lookupMs.toFixed(1)} ms = ${Math.round(perSecond).toLocaleString('en-US')} lookups/s; ` +
      `${(lookupMs / floorMs).toFixed(1)}× a bare Map.get of the normalised key (${floorMs.toFixed(2)} ms) [sink ${sink > 0 ? 'ok' : '0'}]`,
  );

  if (!existsSync(join(REALTEXT, 'index.json'))) {
    console.log('registry: ../shared/realtext is absent: checks-with-registry figure skipped.');
    return;
  }
  const index = JSON.parse(readFileSync(join(REALTEXT, 'index.json'), 'utf8')) as Array<{ file: string }>;
  const texts = index.map((e) => readFileSync(join(REALTEXT, 'docs', e.file), 'utf8'));
  const mb = texts.reduce((n, t) => n + new TextEncoder().encode(t).length, 0) / 1024 / 1024;
  let citations = 0;
  const scanMs = time(3, () => {
    for (const t of texts) scanText(t);
  });
  const withRegistryMs = time(3, () => {
    citations = 0;
    for (const t of texts) {
      const { findings } = scanText(t);
      citations += findings.filter((f): f is CitationFinding => f.kind === 'citation').length;
      checkCitationsAgainstRegistry(findings, registry, '2026-01-01');
    }
  });
  const perMb = withRegistryMs / mb;
  console.log(
    `registry: checks + registry over ${texts.length} real texts (${mb.toFixed(2)} MB, ${citations} citations): ${withRegistryMs.toFixed(0)} ms = ` +
      `${(withRegistryMs / scanMs).toFixed(2)}× the checks alone (${scanMs.toFixed(0)} ms); ${perMb.toFixed(0)} ms/MB — budget ≤ ${CHECKS_BUDGET_MS_PER_MB} ms/MB: ` +
      `${perMb <= CHECKS_BUDGET_MS_PER_MB ? 'within budget' : 'OVER BUDGET'} [${load}]`,
  );
}
