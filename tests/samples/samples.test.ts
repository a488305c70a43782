// The sample documents the workbench offers and the browser tests open: they are what
// scripts/make-samples.ts builds, they open in the docx host and in LibreOffice, and the checks
// rate them at the levels the tests rely on (1–2, 3, 4).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanParts } from '../../src/checks';
import { DocxHost } from '../../src/host/docx';
import { segmentLabel } from '../../src/host/port';
import { SAMPLES_DIR, buildSamples } from '../../scripts/make-samples';
import { findLibreOffice, roundTrip } from '../interop/libreoffice';

const NAMES = ['bao-cao-chuyen-doi-so.docx', 'ke-hoach-trien-khai-ai.docx', 'bao-cao-toi-mat.docx'] as const;
type SampleName = (typeof NAMES)[number];

const read = (name: SampleName) => new Uint8Array(readFileSync(path.join(SAMPLES_DIR, name)));

async function levelOf(host: DocxHost) {
  const segments = await host.readAllText();
  return scanParts(segments.map((s) => ({ part: segmentLabel(s), text: s.text })));
}

describe('assets/samples', () => {
  it('are exactly what scripts/make-samples.ts builds (rerun it after editing the content)', () => {
    const built = buildSamples();
    expect(Object.keys(built).sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) expect(Buffer.from(read(name)).equals(Buffer.from(built[name]!)), name).toBe(true);
  });

  it.each(NAMES)('%s opens in the docx host with the national header block and a dated number line', async (name) => {
    const host = DocxHost.open(read(name));
    const texts = (await host.readParagraphs()).map((p) => p.text);
    expect(texts).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(texts).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(texts.some((t) => /^Số: \d+\/(BC|KH)-UBND$/.test(t))).toBe(true);
    expect(texts.some((t) => /^Cao Bằng, ngày \d{2} tháng \d{1,2} năm 2026$/.test(t))).toBe(true);
    expect(texts).toContain('Nơi nhận:');
    expect(await host.listPassages()).toEqual([]);
    for (const t of texts) expect(t).toBe(t.normalize('NFC'));
  });

  it('the digital-transformation report is level 1 or 2 and carries correct citations', async () => {
    const result = await levelOf(DocxHost.open(read('bao-cao-chuyen-doi-so.docx')));
    expect(result.level.level).toBeLessThanOrEqual(2);
    const citations = result.findings.filter((f) => f.kind === 'citation').map((f) => f.text);
    expect(citations).toContain('Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ');
    expect(citations).toContain('Quyết định số 2081/QĐ-UBND ngày 05/12/2025 của Ủy ban nhân dân tỉnh Cao Bằng');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('the AI deployment plan is level 3: officers\' names, phones and CCCD numbers', async () => {
    const result = await levelOf(DocxHost.open(read('ke-hoach-trien-khai-ai.docx')));
    expect(result.level.level).toBe(3);
    const subtypes = new Set(result.findings.filter((f) => f.kind === 'personal-data').map((f) => f.subtype));
    for (const s of ['name', 'phone', 'cccd']) expect(subtypes.has(s), s).toBe(true);
  });

  it('the TỐI MẬT report is level 4, stamped under the number and in the page header', async () => {
    const host = DocxHost.open(read('bao-cao-toi-mat.docx'));
    const result = await levelOf(host);
    expect(result.level.level).toBe(4);
    const stamps = result.level.evidence.filter((e) => e.level === 4).map((e) => e.part ?? 'body');
    expect(stamps).toEqual(expect.arrayContaining(['body', 'word/header1.xml']));
    const texts = (await host.readParagraphs()).map((p) => p.text);
    expect(texts.indexOf('TỐI MẬT')).toBeGreaterThan(texts.indexOf('Số: 18/BC-UBND'));
  });

  const libreOffice = findLibreOffice().v252 ?? findLibreOffice().v74;
  it.skipIf(!libreOffice)(
    'open in LibreOffice headless and keep their text and stamp through a re-save',
    async () => {
      const saved = await Promise.all(NAMES.map((name) => roundTrip(libreOffice!, read(name), { timeoutMs: 150_000 })));
      for (const [i, bytes] of saved.entries()) {
        const host = DocxHost.open(bytes);
        const texts = (await host.readParagraphs()).map((p) => p.text.trim());
        expect(texts, NAMES[i]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      }
      const secret = await levelOf(DocxHost.open(saved[2]!));
      expect(secret.level.level).toBe(4);
    },
    180_000,
  );
});
