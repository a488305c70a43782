// Compiles the CLI once with esbuild (src/cli/entry.ts → build/cli/aiprov.mjs, ES modules, split so
// `aiprov --help` loads no command code), so no TypeScript is compiled when `aiprov` runs.
// Run by `npm ci` / `npm install` (the `prepare` script), by `npm run build:cli`, by the test suite's
// global setup, and by bin/aiprov.mjs itself when the build is missing or older than a source file.
// Plain JavaScript so it runs before anything else is built.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT_DIR = path.join(ROOT, 'build', 'cli');
/** The sources the build read (relative to the project), for bin/aiprov.mjs's freshness check. */
export const CLI_INPUTS = path.join(CLI_OUT_DIR, 'inputs.json');

export async function buildCli() {
  const { build } = await import('esbuild');
  // Built beside, then swapped in: another aiprov process running from the old build (20 concurrent
  // `verify` when a source is newer than the build) never finds its folder half-deleted, and the same
  // sources give the same chunk names, so its later imports find them in the new folder.
  const staging = `${CLI_OUT_DIR}.${process.pid}.${Date.now()}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    // The logbook's worker-thread entry is its own file beside the bundle (src/logbook/pool.ts finds it).
    entryPoints: { aiprov: 'src/cli/entry.ts', worker: 'src/logbook/worker.ts' },
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Some bundled CommonJS (e.g. @xmldom/xmldom) calls require(); give ES modules one.
    banner: { js: "import { createRequire as __aiprovRequire } from 'node:module'; const require = __aiprovRequire(import.meta.url);" },
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules/'));
  writeFileSync(path.join(staging, path.basename(CLI_INPUTS)), JSON.stringify(['package.json', ...inputs]));
  const previous = `${staging}.old`;
  try {
    renameSync(CLI_OUT_DIR, previous);
  } catch {
    // no earlier build
  }
  try {
    renameSync(staging, CLI_OUT_DIR);
  } catch {
    // Another process swapped its build in first (same sources): keep that one.
    rmSync(staging, { recursive: true, force: true });
  }
  rmSync(previous, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
}
