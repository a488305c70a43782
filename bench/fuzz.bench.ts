// `npm run bench -- fuzz`: the fuzz suite of the secrecy gate and the readers (tests/gate/fuzz.test.ts)
// at ten times the cases CI runs (AIPROV_FUZZ_SCALE, default 10 here): same fixed seed, more cases.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export async function run(): Promise<void> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const scale = process.env.AIPROV_FUZZ_SCALE ?? '10';
  const started = performance.now();
  const result = spawnSync('npx', ['vitest', 'run', '--maxWorkers=1', 'tests/gate/fuzz.test.ts'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, AIPROV_FUZZ_SCALE: scale },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const lines = `${result.stdout}\n${result.stderr}`.split('\n').filter((l) => /✓|×|Counterexample|Caused by|Tests /u.test(l));
  console.log(`fuzz ×${scale}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
  for (const line of lines) console.log(`  ${line.trim()}`);
  if (result.status !== 0) process.exitCode = 1;
}
