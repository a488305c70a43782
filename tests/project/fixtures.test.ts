// The project's own real documents (tests/fixtures/docx, made by scripts/make-fixtures.ts) stand in for
// the third-party corpus in a lone clone: they must stay what the script makes and carry every story.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText, openDocx } from '../../src/host/docx';
import { OWN_CORPUS_DIR } from '../fixtures/docx-builder';
import { ownWriterParts, zipParts } from '../../scripts/make-fixtures';

const read = (name: string) => new Uint8Array(readFileSync(path.join(OWN_CORPUS_DIR, name)));

describe('the project-generated .docx fixtures', () => {
  it('own-report.docx is exactly what the project writer makes today', () => {
    expect(Buffer.from(read('own-report.docx')).equals(Buffer.from(zipParts(ownWriterParts())))).toBe(true);
  });

  it.each(['own-report.docx', 'lo-resaved-report.docx'])('%s has a header, footer, footnote, text box, table and a foreign content control', (name) => {
    const pkg = openDocx(read(name));
    const segments = extractText(pkg);
    const text = (kind: string) => segments.filter((s) => s.kind === kind).map((s) => s.text).join('\n');
    expect(text('header')).toContain('đầu trang');
    expect(text('footer')).toContain('lưu hành nội bộ');
    expect(text('footnotes')).toContain('45/QĐ-UBND');
    expect(text('textbox')).toBe('MẬT');
    const body = text('body');
    expect(body).toContain('Ô lồng: 1.250 tỷ đồng'); // nested table cell
    expect(body).not.toContain('sớm,'); // a tracked deletion is not text
    const xml = new TextDecoder().decode(pkg.bytes(pkg.mainDocumentPath));
    expect(xml).toMatch(/<w:sdt>/);
    expect(xml).toMatch(/<w:tbl>/);
    if (name.startsWith('lo-')) expect(new TextDecoder().decode(pkg.bytes('docProps/app.xml'))).toMatch(/LibreOffice/);
  });

  it('lo-letter.docx (written by LibreOffice from a flat ODT) has its table, frame, footnote, header and footer', () => {
    const pkg = openDocx(read('lo-letter.docx'));
    const segments = extractText(pkg);
    const text = (kind: string) => segments.filter((s) => s.kind === kind).map((s) => s.text).join('\n');
    expect(new TextDecoder().decode(pkg.bytes('docProps/app.xml'))).toMatch(/LibreOffice/);
    expect(text('body')).toContain('1.200 tỷ đồng');
    expect(text('textbox')).toContain('15% kinh phí dự phòng');
    expect(text('footnotes')).toContain('Về công tác văn thư.');
    expect(text('header')).toContain('KHẨN');
    expect(text('footer')).toContain('trang 1');
  });
});
