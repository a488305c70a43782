// Finds the two LibreOffice versions the interop tests open documents with, and round-trips a
// .docx through one of them headless. scripts/ci-deps.sh installs both: 25.2 system-wide from
// bookworm-backports, 7.4 (bookworm's own) unpacked under .cache/libreoffice-7.4.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type LibreOfficeKey = 'v74' | 'v252';

export interface LibreOfficeInstall {
  /** The soffice launcher to run. */
  binary: string;
  /** Full version from `soffice --version`, e.g. "7.4.7.2". */
  version: string;
}

export const LIBREOFFICE_ENV: Record<LibreOfficeKey, string> = { v74: 'AIPROV_LO74', v252: 'AIPROV_LO252' };
const SERIES: Record<LibreOfficeKey, string> = { v74: '7.4', v252: '25.2' };

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_CANDIDATES = [
  join(repoRoot, '.cache/libreoffice-7.4/root/usr/lib/libreoffice/program/soffice'),
  join(repoRoot, '.cache/libreoffice-25.2/root/usr/lib/libreoffice/program/soffice'),
  '/usr/lib/libreoffice/program/soffice',
  '/usr/bin/soffice',
];

export class LibreOfficeError extends Error {
  override name = 'LibreOfficeError';
}

/** "LibreOffice 25.2.3.2 520(Build:2)" -> "25.2.3.2"; throws if the binary does not run. */
export function readLibreOfficeVersion(binary: string): string {
  let out: string;
  try {
    out = execFileSync(binary, ['--version'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    throw new LibreOfficeError(`could not run "${binary} --version": ${(err as Error).message}`);
  }
  const match = /LibreOffice\s+(\d+\.\d+(?:\.\d+)*)/.exec(out);
  if (!match?.[1]) throw new LibreOfficeError(`"${binary} --version" printed no LibreOffice version: ${out.trim()}`);
  return match[1];
}

function seriesOf(version: string): string {
  return version.split('.').slice(0, 2).join('.');
}

let cached: Partial<Record<LibreOfficeKey, LibreOfficeInstall>> | undefined;

/**
 * The LibreOffice 7.4 and 25.2 installs present on this machine, each with its version read from
 * `soffice --version`. AIPROV_LO74 / AIPROV_LO252 name a binary outright; a binary named there that
 * is missing or of another version is an error, not a silent fallback.
 */
export function findLibreOfficeInstalls(): Partial<Record<LibreOfficeKey, LibreOfficeInstall>> {
  if (cached) return cached;
  const found: Partial<Record<LibreOfficeKey, LibreOfficeInstall>> = {};
  const keys: LibreOfficeKey[] = ['v74', 'v252'];
  for (const key of keys) {
    const override = process.env[LIBREOFFICE_ENV[key]];
    if (!override) continue;
    if (!existsSync(override)) throw new LibreOfficeError(`${LIBREOFFICE_ENV[key]}=${override}: no such file`);
    const version = readLibreOfficeVersion(override);
    if (seriesOf(version) !== SERIES[key]) {
      throw new LibreOfficeError(`${LIBREOFFICE_ENV[key]}=${override} is LibreOffice ${version}, expected ${SERIES[key]}.x`);
    }
    found[key] = { binary: override, version };
  }
  const seen = new Set<string>();
  for (const candidate of DEFAULT_CANDIDATES) {
    if (!existsSync(candidate)) continue;
    let version: string;
    try {
      version = readLibreOfficeVersion(candidate);
    } catch {
      continue; // a broken leftover install is the same as none; the tests then say what is missing
    }
    if (seen.has(version)) continue; // /usr/bin/soffice is a link to the program/ one
    seen.add(version);
    const key = keys.find((k) => SERIES[k] === seriesOf(version));
    if (key && !found[key]) found[key] = { binary: candidate, version };
  }
  cached = found;
  return found;
}

/** Paths of the soffice binaries present: `v74` for LibreOffice 7.4, `v252` for 25.2. */
export function findLibreOffice(): { v74?: string; v252?: string } {
  const installs = findLibreOfficeInstalls();
  return { v74: installs.v74?.binary, v252: installs.v252?.binary };
}

export interface RoundTripOptions {
  /** Kill LibreOffice and fail after this long. A cold start with a new profile takes 1–5 s. */
  timeoutMs?: number;
  /**
   * Export filter. "MS Word 2007 XML" is what Save As "Word 2007–365 (.docx)" uses, i.e. what a
   * person re-saving the file gets; plain `--convert-to docx` picks "Office Open XML Text" instead
   * (content controls come out the same with both on 7.4 and 25.2).
   */
  filter?: string;
}

/**
 * Opens `input` (a .docx) in LibreOffice `binary` headless and returns it re-saved as .docx.
 * Each call has its own temp folder and user profile, so calls may run in parallel.
 */
export async function roundTrip(binary: string, input: Uint8Array, options: RoundTripOptions = {}): Promise<Uint8Array> {
  const { timeoutMs = 120_000, filter = 'MS Word 2007 XML' } = options;
  if (!(input instanceof Uint8Array) || input.length === 0) throw new LibreOfficeError('roundTrip: input is empty');
  // LibreOffice would happily import any other bytes as plain text and "succeed".
  if (!isZip(input)) throw new LibreOfficeError('roundTrip: input is not a .docx (no zip signature)');
  if (!existsSync(binary)) throw new LibreOfficeError(`roundTrip: no LibreOffice at ${binary}`);

  const work = await mkdtemp(join(tmpdir(), 'aiprov-lo-'));
  try {
    const inPath = join(work, 'input.docx');
    const outDir = join(work, 'out');
    await mkdir(outDir);
    await writeFile(inPath, input);
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--nologo',
      '--nolockcheck',
      '--convert-to',
      `docx:${filter}`,
      '--outdir',
      outDir,
      inPath,
    ];
    const { code, output } = await run(binary, args, timeoutMs, { ...process.env, HOME: process.env.HOME ?? work });
    const outPath = join(outDir, 'input.docx');
    // soffice exits 0 even when it could not load or save the file: the output file is the proof.
    if (!existsSync(outPath)) {
      throw new LibreOfficeError(`LibreOffice (${binary}) wrote no docx (exit code ${code}). Its output:\n${output.trim()}`);
    }
    return new Uint8Array(await readFile(outPath));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function run(
  binary: string,
  args: string[],
  timeoutMs: number,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    // detached = own process group: soffice is a shell script that starts oosplash, which starts
    // (and on a first start restarts) soffice.bin; only killing the group stops them all.
    const child = spawn(binary, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      void killGroup(child.pid).then(() =>
        reject(new LibreOfficeError(`LibreOffice (${binary}) did not finish within ${timeoutMs} ms; killed. Output so far:\n${output.trim()}`)),
      );
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new LibreOfficeError(`could not start LibreOffice (${binary}): ${err.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (!timedOut) resolvePromise({ code, output });
    });
  });
}

/** SIGKILLs the process group until it is empty: a soffice.bin caught mid-restart can outlive one kill. */
async function killGroup(pid: number | undefined): Promise<void> {
  if (!pid) return;
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      return; // ESRCH: nothing left in the group
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
