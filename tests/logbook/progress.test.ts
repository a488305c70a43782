// issue 15 — the logbook's progress bar on a terminal: redrawn in place (\r … ESC[K), at most every
// 100 ms, always at the end, with files done / total, rate and time left; plain lines otherwise.
// Tested on the module with an injected clock and "terminal", and on the real command under a
// pseudo-terminal (util-linux `script`), so process.stderr.isTTY is really true.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { progress } from '../../src/logbook/progress';
import { writeLogbookSet } from '../fixtures/logbook-set';
import { REPO, tempDir } from '../cli/run';

function recorder() {
  const writes: string[] = [];
  let t = 0;
  return { writes, write: (text: string) => void writes.push(text), clock: () => t, advance: (ms: number) => void (t += ms) };
}

describe('logbook progress bar', () => {
  it('on a terminal: one line redrawn in place, throttled to 100 ms, drawn at the end, then a new line', () => {
    const r = recorder();
    const bar = progress(4, r.write, true, 'vi', r.clock);
    r.advance(1000);
    bar.tick(); // 1/4 after 1 s: drawn
    r.advance(50);
    bar.tick(); // 2/4 50 ms later: skipped
    r.advance(950);
    bar.tick(); // 3/4: drawn
    r.advance(10);
    bar.tick(); // 4/4: drawn although < 100 ms
    bar.end();
    expect(r.writes).toHaveLength(4);
    expect(r.writes[0]).toBe('\r[######..................] 1/4 tệp · 1.0 tệp/giây · còn 3s\x1b[K');
    expect(r.writes[1]).toMatch(/^\r\[#{18}\.{6}\] 3\/4 tệp · 1\.5 tệp\/giây · còn 1s\x1b\[K$/);
    expect(r.writes[2]).toMatch(/^\r\[#{24}\] 4\/4 tệp · [\d.]+ tệp\/giây · còn 0s\x1b\[K$/);
    expect(r.writes[3]).toBe('\n');
  });

  it('in English; nothing is drawn in the first 100 ms but the last file always is', () => {
    const r = recorder();
    const bar = progress(2, r.write, true, 'en', r.clock);
    r.advance(50);
    bar.tick();
    expect(r.writes).toHaveLength(0);
    r.advance(950);
    bar.tick();
    expect(r.writes).toHaveLength(1);
    expect(r.writes[0]).toBe('\r[########################] 2/2 files · 2.0 files/s · 0s left\x1b[K');
  });

  it('not on a terminal: a plain line at each tenth, no control characters', () => {
    const r = recorder();
    const bar = progress(20, r.write, false, 'vi', r.clock);
    for (let i = 0; i < 20; i++) {
      r.advance(100);
      bar.tick();
    }
    bar.end();
    expect(r.writes).toHaveLength(11);
    expect(r.writes.every((w) => w.endsWith('\n') && !w.includes('\r') && !w.includes('\x1b'))).toBe(true);
    expect(r.writes.at(-1)).toContain('20/20 tệp');
  });
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasScript)(hasScript ? 'logbook under a pseudo-terminal' : 'logbook under a pseudo-terminal [skipped: needs util-linux `script`]', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    await writeLogbookSet(join(dir, 'don-vi'));
  }, 60_000);

  it('draws the bar in place on the terminal and ends with the summary', () => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(REPO, 'bin/aiprov.mjs'))} logbook ${JSON.stringify(join(dir, 'don-vi'))} -o ${JSON.stringify(join(dir, 'tty.json'))} --no-cache --jobs 1`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, AIPROV_LANG: 'vi' }, timeout: 60_000 });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\r\[#{24}\] 11\/11 tệp · [\d.]+ tệp\/giây · còn 0s\x1b\[K/);
    expect(run.stdout).toContain('Đã đọc 11 tệp');
  }, 90_000);
});
