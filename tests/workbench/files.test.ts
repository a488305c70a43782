// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import {
  DOCX_MIME,
  WorkbenchFileError,
  downloadDocx,
  fetchSample,
  readDocxFile,
  safeDocxName,
  sampleUrl,
} from '../../src/workbench/files';
import { SAMPLES_DIR } from '../../scripts/make-samples';

const SAMPLE = new Uint8Array(readFileSync(path.join(SAMPLES_DIR, 'bao-cao-chuyen-doi-so.docx')));

afterEach(() => vi.restoreAllMocks());

describe('readDocxFile', () => {
  it('returns the bytes of a picked .docx, which the docx host opens', async () => {
    const bytes = await readDocxFile(new File([SAMPLE], 'bao-cao.docx', { type: DOCX_MIME }));
    expect(bytes).toEqual(SAMPLE);
    expect((await DocxHost.open(bytes).readParagraphs()).length).toBeGreaterThan(10);
  });

  it('refuses a file that is not a .docx, in both languages', async () => {
    const pdf = new File([new TextEncoder().encode('%PDF-1.7 ...')], 'bao-cao.pdf', { type: 'application/pdf' });
    await expect(readDocxFile(pdf)).rejects.toThrow(WorkbenchFileError);
    const renamed = new File([new TextEncoder().encode('plain text')], 'bao-cao.docx');
    const error = await readDocxFile(renamed).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbenchFileError);
    expect((error as WorkbenchFileError).bilingual.vi).toContain('không phải tài liệu Word .docx');
    expect((error as WorkbenchFileError).bilingual.en).toContain('not a Word .docx');
  });
});

describe('samples', () => {
  it('are served next to the pane, also when it is hosted below a path', () => {
    expect(sampleUrl('bao-cao-toi-mat.docx', 'https://intranet.example/aiprov/taskpane.html?x=1')).toBe(
      'https://intranet.example/aiprov/assets/samples/bao-cao-toi-mat.docx',
    );
    expect(() => sampleUrl('../secret.docx' as never, 'https://a/')).toThrow(/Unknown sample/);
  });

  it('fetchSample returns the bytes, and a clear error on HTTP failure', async () => {
    const ok = vi.fn(async () => new Response(SAMPLE.slice(), { status: 200 }));
    expect(await fetchSample('bao-cao-chuyen-doi-so.docx', ok as unknown as typeof fetch)).toEqual(SAMPLE);
    expect(String((ok.mock.calls[0] as unknown[])[0])).toMatch(/assets\/samples\/bao-cao-chuyen-doi-so\.docx$/);
    const missing = vi.fn(async () => new Response('not found', { status: 404 }));
    await expect(fetchSample('bao-cao-chuyen-doi-so.docx', missing as unknown as typeof fetch)).rejects.toThrow(/HTTP 404/);
  });
});

describe('downloadDocx', () => {
  it('clicks a temporary download link to a .docx blob holding exactly the bytes', async () => {
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:test/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    vi.useFakeTimers();
    try {
      downloadDocx(SAMPLE, 'Báo cáo: quý I');
      expect(clicked).toEqual([{ href: 'blob:test/1', download: 'Báo cáo_ quý I.docx' }]);
      expect(document.querySelectorAll('a[download]').length).toBe(0);
      expect(blob?.type).toBe(DOCX_MIME);
      expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(SAMPLE);
      vi.runAllTimers();
      expect(revoke).toHaveBeenCalledWith('blob:test/1');
    } finally {
      vi.useRealTimers();
    }
  });

  it('safeDocxName keeps Vietnamese letters and adds the extension', () => {
    expect(safeDocxName('bao-cao-chuyen-doi-so.docx')).toBe('bao-cao-chuyen-doi-so.docx');
    expect(safeDocxName('Kế hoạch/2026')).toBe('Kế hoạch_2026.docx');
    expect(safeDocxName('   ')).toBe('van-ban.docx');
  });
});
