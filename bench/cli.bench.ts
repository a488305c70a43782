// The compiled CLI's figures, each against a floor measured in the same run (wall, median of 7):
//   - `aiprov --help`                  ≤ 3× `node -e 0`
//   - `aiprov check` on the 300-page document (bench/check.bench.ts builds it) ≤ 1 s wall and
//     ≤ 10× `unzip -p` of its document.xml
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../scripts/build-cli.mjs';
import { longReport, PAGES, PASSAGES } from './check.bench';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 7;

function medianWall(command: string, args: string[]): { ms: number; status: number | null } {
  const times: number[] = [];
  let status: number | null = null;
  spawnSync(command, args, { stdio: 'ignore' }); // warm the file cache
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
    times.push(performance.now() - start);
    status = result.status;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, status };
}

export function line(name: string, figure: number, floorName: string, floor: number, ratioBudget: number, wallBudget?: number): string {
  const ratio = figure / floor;
  const ok = ratio <= ratioBudget && (wallBudget === undefined || figure <= wallBudget);
  return (
    `${name}: ${figure.toFixed(0)} ms; floor ${floorName} ${floor.toFixed(0)} ms; ratio ${ratio.toFixed(2)}× — budget ≤ ${ratioBudget}×` +
    `${wallBudget === undefined ? '' : ` and ≤ ${wallBudget} ms`}: ${ok ? 'within' : 'OVER'}`
  );
}

export async function run(): Promise<void> {
  await buildCli();
  const bin = join(REPO, 'bin/aiprov.mjs');
  const node = medianWall(process.execPath, ['-e', '0']);
  const help = medianWall(process.execPath, [bin, '--help']);
  console.log(line('cli: aiprov --help', help.ms, 'node -e 0', node.ms, 3));

  const file = join(mkdtempSync(join(tmpdir(), 'aiprov-bench-')), 'bao-cao-300-trang.docx');
  writeFileSync(file, await longReport());
  const unzip = medianWall('unzip', ['-p', file, 'word/document.xml']);
  const check = medianWall(process.execPath, [bin, 'check', file]);
  console.log(`cli: ${PAGES}-page .docx, ${PASSAGES} AI passages; aiprov check exit ${check.status}`);
  console.log(line('cli: aiprov check (300 pages)', check.ms, 'unzip -p document.xml', unzip.ms, 10, 1000));
}
