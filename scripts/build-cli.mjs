// Compiles the CLI once with esbuild (src/cli/entry.ts → build/cli/<version>/aiprov.mjs, ES modules,
// split so `aiprov --help` loads no command code), so no TypeScript is compiled when `aiprov` runs.
// Run by `npm ci` / `npm install` (the `prepare` script), by `npm run build:cli`, by the test suite's
// global setup, and by bin/aiprov.mjs itself when the build is missing or older than a source file.
// Plain JavaScript so it runs before anything else is built.
//
// Each build goes into a folder of its own named by a hash of what it holds, and build/cli/current
// (one line: that folder's name) is replaced in one rename. A process that started from an older build
// keeps importing its chunks from its own folder, which nothing rewrites — so any number of `aiprov`
// processes may run while another rebuilds (20 concurrent `verify --in-place` after a source changed).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT_DIR = path.join(ROOT, 'build', 'cli');
/** One line: the name of the folder under build/cli that holds the current build. */
export const CLI_CURRENT = path.join(CLI_OUT_DIR, 'current');
/** Builds other than the current one are removed once they are this old (no process still starting from them). */
const KEEP_OLD_BUILDS_MS = 60 * 60 * 1000;

export async function buildCli() {
  const { build } = await import('esbuild');
  mkdirSync(CLI_OUT_DIR, { recursive: true });
  const staging = path.join(CLI_OUT_DIR, `.staging-${process.pid}-${Date.now()}`);
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
    plugins: [zodEnglishOnly],
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
    // issue 14 — performance: a cold start compiles every chunk it loads; whitespace and syntax
    // minifying makes the check path's chunks about a third smaller to parse. Identifiers are kept,
    // so stack traces and error names stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
  });
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules/'));
  writeFileSync(path.join(staging, 'inputs.json'), JSON.stringify(['package.json', ...inputs]));

  const version = hashOfFolder(staging);
  const final = path.join(CLI_OUT_DIR, version);
  if (existsSync(final)) rmSync(staging, { recursive: true, force: true });
  else {
    try {
      renameSync(staging, final);
    } catch (error) {
      // Another process put the same build there first: keep that one.
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(final)) throw error;
    }
  }
  const now = new Date();
  utimesSync(final, now, now); // marks it as in use for the clean-up below
  const pointer = `${CLI_CURRENT}.${process.pid}.tmp`;
  writeFileSync(pointer, `${version}\n`);
  renameSync(pointer, CLI_CURRENT); // its mtime is the build's time, for bin/aiprov.mjs's freshness check
  removeOldBuilds(version, now.getTime());
  return final;
}

/**
 * issue 14 — performance: zod's `z` namespace re-exports all of its ~60 message locales
 * (`export * as locales`, in classic/external.js and core/index.js), which no bundler can drop from a namespace that escapes: 330 KB of a 755 KB
 * chunk every command that validates loads and compiles. The project uses zod's default (English)
 * messages only and never `z.locales`, so the locale index is replaced by one holding English.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
      if (!/[\\/]zod[\\/]v4[\\/](classic[\\/]external|core[\\/]index)\.js$/.test(args.importer)) return undefined;
      return { path: path.join(path.dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-locales' };
    });
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};\n`,
      loader: 'js',
      resolveDir: path.dirname(args.path),
    }));
  },
};

function hashOfFolder(folder) {
  const hash = createHash('sha256');
  for (const name of readdirSync(folder).sort()) {
    hash.update(`${name}\0`);
    hash.update(readFileSync(path.join(folder, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

function removeOldBuilds(keep, now) {
  for (const name of readdirSync(CLI_OUT_DIR)) {
    if (name === keep || name === 'current' || name.endsWith('.tmp')) continue;
    const folder = path.join(CLI_OUT_DIR, name);
    try {
      if (now - statSync(folder).mtimeMs > KEEP_OLD_BUILDS_MS) rmSync(folder, { recursive: true, force: true });
    } catch {
      // removed by another process meanwhile
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
}
