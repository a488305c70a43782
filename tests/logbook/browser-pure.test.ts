// The logbook's reading and aggregation (summariseDocx, buildLogbook, logbookHtml/Csv/Ndjson) bundle
// for a browser as they are: no Node module reached, so a workbench page can read dropped .docx
// files in the browser with the same code. Only files/pool/cache/run (the CLI's disk and threads) are Node.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { REPO } from '../cli/run';

describe('logbook pieces for a browser', () => {
  it('bundles for platform "browser" with no Node built-in', async () => {
    const result = await build({
      stdin: {
        contents: [
          "export { summariseDocx } from './src/logbook/summarise';",
          "export { buildLogbook } from './src/logbook/aggregate';",
          "export { logbookHtml } from './src/logbook/html';",
          "export { logbookCsv, logbookNdjson, logbookJson } from './src/logbook/outputs';",
          "import './src/logbook/page/index';",
        ].join('\n'),
        resolveDir: REPO,
        loader: 'ts',
      },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile!.inputs);
    expect(inputs.filter((i) => /^node:|src\/logbook\/(files|pool|cache|run|worker)\.ts$/.test(i))).toEqual([]);
    expect(inputs.some((i) => i.endsWith('src/logbook/summarise.ts'))).toBe(true);
  }, 60_000);
});
