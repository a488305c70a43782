/** The .docx host deletes whole paragraphs (for "replace the selection"), refusing what markPassage refuses. */
import { describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import { HostError } from '../../src/host/port';
import { buildDocx, p } from '../fixtures/docx-builder';

const ID = '0b7c8e2a-1111-4a4a-9c9c-000000000001';
const tableDoc = () =>
  buildDocx({
    body: p('Mở đầu') + `<w:tbl><w:tblPr/><w:tr><w:tc>${p('Ô 1a')}${p('Ô 1b')}</w:tc><w:tc>${p('Ô 2')}</w:tc></w:tr></w:tbl>` + p('Kết') + p('Phụ lục') + '<w:sectPr/>',
  });

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HostError);
    return (error as HostError).code;
  }
  throw new Error('expected a refusal');
}

describe('DocxHost.deleteParagraphs', () => {
  it('removes whole paragraphs, a table with what is around it, or paragraphs inside one cell, and survives a save', async () => {
    const host = DocxHost.open(tableDoc());
    await host.deleteParagraphs({ from: 2, to: 2 });
    expect((await host.readParagraphs()).map((x) => x.text)).toEqual(['Mở đầu', 'Ô 1b', 'Ô 2', 'Kết', 'Phụ lục']);
    await host.deleteParagraphs({ from: 1, to: 3 });
    expect((await host.readParagraphs()).map((x) => x.text)).toEqual(['Kết', 'Phụ lục']);
    await host.deleteParagraphs({ from: 1, to: 1 });
    const again = DocxHost.open(host.save());
    expect((await again.readParagraphs()).map((x) => x.text)).toEqual(['Phụ lục']);
  });

  it('refuses a passage, a cut table, a whole cell, the whole body and numbers that do not exist, changing nothing', async () => {
    const host = DocxHost.open(tableDoc());
    await host.markPassage({ passageId: ID, fromParagraph: 5, toParagraph: 5, title: 'AI · a', color: '#FFC000' });
    const before = (await host.readParagraphs()).map((x) => x.text);
    expect(await code(host.deleteParagraphs({ from: 5, to: 6 }))).toBe('overlaps-passage');
    expect(await code(host.deleteParagraphs({ from: 1, to: 2 }))).toBe('crosses-table');
    expect(await code(host.deleteParagraphs({ from: 4, to: 4 }))).toBe('paragraph-out-of-range'); // the only paragraph of its cell
    expect(await code(host.deleteParagraphs({ from: 3, to: 2 }))).toBe('paragraph-out-of-range');
    expect(await code(host.deleteParagraphs({ from: 9, to: 9 }))).toBe('paragraph-out-of-range');
    expect((await host.readParagraphs()).map((x) => x.text)).toEqual(before);
    const single = DocxHost.open(buildDocx({ body: p('Một') + p('Hai') + '<w:sectPr/>' }));
    expect(await code(single.deleteParagraphs({ from: 1, to: 2 }))).toBe('paragraph-out-of-range');
  });
});
