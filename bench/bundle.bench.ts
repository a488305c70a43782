/**
 * Task pane first load: builds the production bundle (office.js from the CDN, as shipped) into a
 * temporary directory and measures the JS that taskpane.html loads up front, gzip -9, against the
 * DESIGN.md budget of 250 KB.
 *
 *   npx tsx -e "import('./bench/bundle.bench.ts').then(m=>m.run())"
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import webpack from 'webpack';
import type { Configuration, Stats } from 'webpack';
import { createConfig } from '../webpack.config';

export const INITIAL_JS_BUDGET_GZIP_BYTES = 250 * 1024;

function compile(config: Configuration): Promise<Stats> {
  return new Promise((resolve, reject) => {
    const compiler = webpack(config);
    if (!compiler) return reject(new Error('webpack could not create a compiler'));
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (!stats) return reject(new Error('webpack returned no stats'));
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(stats);
    });
  });
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export interface InitialJsSize {
  readonly files: ReadonlyArray<{ name: string; minified: number; gzip: number; brotli: number }>;
  readonly gzipTotal: number;
  readonly buildMs: number;
}

export async function measureInitialJs(): Promise<InitialJsSize> {
  const outputPath = mkdtempSync(path.join(tmpdir(), 'aiprov-bundle-'));
  try {
    const started = performance.now();
    const stats = await compile({
      ...createConfig({ mode: 'production', officeJs: 'cdn', outputPath }),
      devtool: false,
      performance: { hints: false },
    });
    const buildMs = performance.now() - started;
    const entry = stats.toJson({ all: false, entrypoints: true }).entrypoints?.taskpane;
    if (!entry?.assets) throw new Error('the build has no "taskpane" entry point');
    const files = entry.assets
      .map((asset) => asset.name)
      .filter((name) => name.endsWith('.js'))
      .map((name) => {
        const bytes = readFileSync(path.join(outputPath, name));
        return {
          name,
          minified: bytes.length,
          gzip: gzipSync(bytes, { level: 9 }).length,
          brotli: brotliCompressSync(bytes).length,
        };
      });
    return { files, gzipTotal: files.reduce((sum, file) => sum + file.gzip, 0), buildMs };
  } finally {
    rmSync(outputPath, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const { files, gzipTotal, buildMs } = await measureInitialJs();
  console.log(`production build (office.js from CDN): ${(buildMs / 1000).toFixed(1)} s`);
  for (const file of files) {
    console.log(`  ${file.name.padEnd(28)} ${kb(file.minified).padStart(10)} min  ${kb(file.gzip).padStart(9)} gzip  ${kb(file.brotli).padStart(9)} br`);
  }
  const verdict = gzipTotal <= INITIAL_JS_BUDGET_GZIP_BYTES ? 'within budget' : 'OVER BUDGET';
  console.log(
    `task pane initial JS: ${kb(gzipTotal)} gzip of ${kb(INITIAL_JS_BUDGET_GZIP_BYTES)} budget (${((gzipTotal / INITIAL_JS_BUDGET_GZIP_BYTES) * 100).toFixed(0)}%) — ${verdict}`,
  );
  console.log('  (office.js itself is loaded from Microsoft’s CDN and not counted)');
}
