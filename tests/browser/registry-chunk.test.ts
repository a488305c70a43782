// Issue 9 — registry: the production build of the pane keeps the core registry out of the JS that
// taskpane.html loads up front; it is a chunk of its own ("registry"), loaded by step 5 when there
// are AI passages. Uses the shared cached production build (slow the first time).
import { describe, expect, it } from 'vitest';
import { buildOnce } from './harness';
import { registryChunkReport } from './registry-chunk';

describe('the registry chunk of the production build', () => {
  it('is not in the first-paint JS; the lazy chunk holds the core registry', async () => {
    const report = registryChunkReport(await buildOnce());
    expect(report.firstPaint.length).toBeGreaterThan(0);
    expect(report.firstPaint.filter((f) => f.registryData)).toEqual([]);
    expect(report.chunk).toMatchObject({ registryData: true });
    expect(report.chunk!.bytes).toBeGreaterThan(5_000);
  }, 900_000);
});
