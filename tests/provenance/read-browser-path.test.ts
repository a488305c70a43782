// issue 14 — performance: the browser's path of decodeAndVerifyRecord — no process.getBuiltinModule, so
// WebCrypto digests (async), fflate and atob — gives the same verdicts as Node's synchronous one.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeRecord } from '../../src/provenance/codec';
import type * as Read from '../../src/provenance/read';
import * as node from '../../src/provenance/read'; // loaded before the stub: Node's path
import type * as Hash from '../../src/provenance/hash';
import { fullRecord } from './scenario';

const processWithBuiltins = process as { getBuiltinModule?: unknown };
const saved = processWithBuiltins.getBuiltinModule;
let browser: { read: typeof Read; hash: typeof Hash };
beforeAll(async () => {
  processWithBuiltins.getBuiltinModule = undefined;
  vi.resetModules();
  browser = { read: await import('../../src/provenance/read'), hash: await import('../../src/provenance/hash') };
});
afterAll(() => {
  processWithBuiltins.getBuiltinModule = saved;
  vi.resetModules();
});

describe('decodeAndVerifyRecord without synchronous hashing (the pane)', () => {
  it('is on the WebCrypto path, and reads an intact packed record as intact', async () => {
    expect(browser.hash.hasSyncSha256).toBe(false);
    expect(browser.read).not.toBe(node);
    const read = await browser.read.decodeAndVerifyRecord(encodeRecord(await fullRecord(), { form: 'packed' }));
    expect(read.ok && read.chain).toEqual({ ok: true });
  });

  it('sees an edited event and a changed documentId, with the messages of the Node path', async () => {
    const record = await fullRecord();
    const edited = encodeRecord(record, { form: 'packed' });
    const xmls = [
      edited.replace(`documentId="${record.documentId}"`, 'documentId="0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b"'),
      encodeRecord({ ...record, events: record.events.map((e, i) => (i === 2 ? { ...e, actor: 'Người khác' } : e)) }, { form: 'packed' }),
    ];
    for (const xml of xmls) {
      const inBrowser = await browser.read.decodeAndVerifyRecord(xml);
      expect(inBrowser.ok && inBrowser.chain.ok).toBe(false);
      expect(inBrowser).toEqual(await node.decodeAndVerifyRecord(xml));
    }
  });
});
