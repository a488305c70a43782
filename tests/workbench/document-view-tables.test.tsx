// @vitest-environment happy-dom
// Issue 13: the workbench's document view draws a table as a table (rows of cells, from the docx
// host's cell structure) instead of flattening its cells into paragraphs.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import { CONDITION_COLORS } from '../../src/workflow/looks';
import { DocumentView } from '../../src/workbench/DocumentView';
import { buildDocx, p } from '../fixtures/docx-builder';

afterEach(() => cleanup());

const tc = (...texts: string[]) => `<w:tc>${texts.map((t) => p(t)).join('')}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const TABLE = `<w:tbl>${tr(tc('Chỉ tiêu'), tc('Năm 2025'))}${tr(tc('Dịch vụ công trực tuyến'), tc('1.234', 'tăng 12%'))}</w:tbl>`;

function host(): DocxHost {
  return DocxHost.open(buildDocx({ body: p('BÁO CÁO') + TABLE + p('Nơi nhận:') }));
}

describe('the document view with a table', () => {
  it('gets cell structure from the docx host and draws rows and cells', async () => {
    const h = host();
    const paragraphs = await h.readParagraphs();
    expect(paragraphs.map((x) => x.cell && [x.cell.row, x.cell.column])).toEqual([undefined, [0, 0], [0, 1], [1, 0], [1, 1], [1, 1], undefined]);
    render(<DocumentView paragraphs={paragraphs} passages={await h.listPassages()} lang="vi" />);
    const table = screen.getByRole('table');
    const rows = table.querySelectorAll('tr');
    expect(rows).toHaveLength(2);
    expect(Array.from(rows[1]!.querySelectorAll('td'), (td) => td.textContent)).toEqual(['Dịch vụ công trực tuyến', '1.234tăng 12%']);
    // The paragraphs outside stay paragraphs, in order around the table.
    const page = screen.getByRole('document');
    expect(Array.from(page.children, (el) => el.tagName)).toEqual(['P', 'TABLE', 'P']);
  });

  it('a passage in the body after the table keeps its section', async () => {
    const h = host();
    await h.insertPassage({ passageId: '3f2a9c1e-0b7d-4c55-9a41-2d6e8f7b1c90', afterParagraph: 6, text: 'Đoạn AI sau bảng.', title: 'AI · chưa kiểm chứng · 3f2a9c1e', color: CONDITION_COLORS.unverified });
    render(<DocumentView paragraphs={await h.readParagraphs()} passages={await h.listPassages()} lang="vi" />);
    const page = screen.getByRole('document');
    expect(Array.from(page.children, (el) => el.tagName)).toEqual(['P', 'TABLE', 'SECTION', 'P']);
  });
});
