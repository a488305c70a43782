/**
 * Writes the workbench's sample documents into assets/samples/ (they are committed; rerun this
 * after changing scripts/samples/content.ts, and tests/samples checks the committed files match).
 *
 *   npx tsx scripts/make-samples.ts            # writes assets/samples/*.docx
 *   npx tsx scripts/make-samples.ts out/dir    # writes them elsewhere
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAMPLE_SPECS } from './samples/content';
import { buildDocx } from './samples/ooxml';

export const SAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'samples');

/** Every sample as .docx bytes, by file name. */
export function buildSamples(): Record<string, Uint8Array> {
  return Object.fromEntries(Object.entries(SAMPLE_SPECS).map(([name, spec]) => [name, buildDocx(spec())]));
}

function main(outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  for (const [name, bytes] of Object.entries(buildSamples())) {
    writeFileSync(path.join(outDir, name), bytes);
    console.log(`${path.join(outDir, name)}  ${bytes.length} B`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(path.resolve(process.argv[2] ?? SAMPLES_DIR));
}
