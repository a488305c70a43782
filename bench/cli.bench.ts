// The compiled CLI's figures, each against a floor measured in the same run (wall, median of 7):
//   - `aiprov --help`                  ≤ 3× `node -e 0`
//   - `aiprov check` on the 300-page document (bench/check.bench.ts builds it) ≤ 1 s wall and
//     ≤ 10× `unzip -p` of its document.xml
//   - `aiprov scan` of 4 MB of text (a whole process) ≤ 1.3× `scanText` of the same text in-process
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../scripts/build-cli.mjs';
import { scanText } from '../src/checks/index';
import { longReport, PAGES, PASSAGES } from './check.bench';
import { generateAdministrativeText } from './checks.bench';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 7;

function medianWall(command: string, args: string[], runs = RUNS): { ms: number; status: number | null } {
  const times: number[] = [];
  let status: number | null = null;
  spawnSync(command, args, { stdio: 'ignore' }); // warm the file cache
  for (let i = 0; i < runs; i++) {
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

  const text = generateAdministrativeText(4 * 1024 * 1024, 11);
  const textFile = join(dirname(file), 'van-ban-4mb.txt');
  writeFileSync(textFile, text);
  const engine: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    scanText(text);
    engine.push(performance.now() - start);
  }
  engine.sort((a, b) => a - b);
  const scan = medianWall(process.execPath, [bin, 'scan', textFile], 3);
  console.log(line('cli: aiprov scan (4 MB text)', scan.ms, 'scanText in-process', engine[1]!, 1.3));
}
