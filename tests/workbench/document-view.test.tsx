// @vitest-environment happy-dom
// The workbench's read-only document view over real host data: a sample .docx opened in the docx
// host, with AI passages inserted the way the workflow inserts them.
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DocxHost } from '../../src/host/docx';
import type { HostParagraph, HostPassage } from '../../src/host/port';
import { CONDITION_COLORS } from '../../src/workflow/looks';
import { DocumentView, conditionFromTitle, groupByPassage, passageColour, type DocumentViewProps } from '../../src/workbench/DocumentView';
import { SAMPLES_DIR } from '../../scripts/make-samples';

afterEach(() => cleanup());

const UNVERIFIED_ID = '3f2a9c1e-0b7d-4c55-9a41-2d6e8f7b1c90';
const VERIFIED_ID = '8d41b6e2-55c3-4f0a-b2e7-9c1d0a3f6e14';

async function sampleWithPassages(): Promise<{ paragraphs: HostParagraph[]; passages: HostPassage[] }> {
  const host = DocxHost.open(new Uint8Array(readFileSync(path.join(SAMPLES_DIR, 'bao-cao-chuyen-doi-so.docx'))));
  const before = await host.readParagraphs();
  const afterIntro = before.find((p) => p.text.startsWith('Thực hiện Nghị quyết'))!.index;
  await host.insertPassage({
    passageId: UNVERIFIED_ID,
    afterParagraph: afterIntro,
    text: 'Năm 2025, tỷ lệ hồ sơ trực tuyến đạt 61,2%.\nSố thủ tục toàn trình tăng lên 1.092.',
    title: 'AI · chưa kiểm chứng · 3f2a9c1e',
    color: CONDITION_COLORS.unverified,
  });
  const last = (await host.readParagraphs()).find((p) => p.text.startsWith('Ủy ban nhân dân tỉnh Cao Bằng trân trọng'))!.index;
  await host.insertPassage({
    passageId: VERIFIED_ID,
    afterParagraph: last - 1,
    text: 'Các chỉ tiêu quý II được xây dựng trên số liệu đã công bố.',
    title: 'AI · đã kiểm chứng · 8d41b6e2',
    color: CONDITION_COLORS.verified,
  });
  return { paragraphs: await host.readParagraphs(), passages: await host.listPassages() };
}

function renderView(props: DocumentViewProps, theme = webLightTheme) {
  return render(
    <FluentProvider theme={theme}>
      <DocumentView {...props} />
    </FluentProvider>,
  );
}

describe('DocumentView', () => {
  it('renders every non-empty paragraph in order, read-only, as a named document', async () => {
    const data = await sampleWithPassages();
    renderView({ ...data, lang: 'vi' });
    const doc = screen.getByRole('document', { name: 'Văn bản (chỉ đọc)' });
    const shown = Array.from(doc.querySelectorAll('p')).map((p) => p.textContent);
    expect(shown).toEqual(data.paragraphs.filter((p) => p.text.trim() !== '').map((p) => p.text));
    expect(shown[0]).toBe('ỦY BAN NHÂN DÂN');
    expect(doc.querySelector('input, textarea, [contenteditable="true"]')).toBeNull();
    // Empty paragraphs keep their place as spacing, hidden from screen readers.
    const spacers = doc.querySelectorAll('[aria-hidden="true"]:not(span)');
    expect(spacers.length).toBe(data.paragraphs.filter((p) => p.text.trim() === '').length);
  });

  it('wraps each AI passage in a section named by its title, in its state colour, with the title visible', async () => {
    const data = await sampleWithPassages();
    renderView({ ...data, lang: 'vi' });
    const unverified = screen.getByRole('region', { name: 'AI · chưa kiểm chứng · 3f2a9c1e' });
    expect(unverified.tagName).toBe('SECTION');
    expect(unverified.getAttribute('data-colour')).toBe(CONDITION_COLORS.unverified);
    expect(unverified.getAttribute('style')).toContain(CONDITION_COLORS.unverified);
    expect(within(unverified).getByText('AI · chưa kiểm chứng · 3f2a9c1e')).toBeTruthy();
    expect(Array.from(unverified.querySelectorAll('p')).map((p) => p.textContent)).toEqual([
      'Năm 2025, tỷ lệ hồ sơ trực tuyến đạt 61,2%.',
      'Số thủ tục toàn trình tăng lên 1.092.',
    ]);
    const verified = screen.getByRole('region', { name: 'AI · đã kiểm chứng · 8d41b6e2' });
    expect(verified.getAttribute('data-colour')).toBe(CONDITION_COLORS.verified);
    // Sections sit where the passages are: the first right after the opening paragraph.
    const prev = unverified.previousElementSibling;
    expect(prev?.textContent?.startsWith('Thực hiện Nghị quyết')).toBe(true);
  });

  it('lets the user pick a passage by its label, and shows which one is selected', async () => {
    const data = await sampleWithPassages();
    const onSelect = vi.fn();
    const { rerender } = renderView({ ...data, lang: 'en', onSelectPassage: onSelect });
    expect(screen.getByRole('document', { name: 'Document (read-only)' })).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Select AI passage: AI · đã kiểm chứng · 8d41b6e2' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button);
    expect(onSelect).toHaveBeenCalledWith(VERIFIED_ID);
    rerender(
      <FluentProvider theme={webDarkTheme}>
        <DocumentView {...data} lang="en" onSelectPassage={onSelect} selectedPassageId={VERIFIED_ID} />
      </FluentProvider>,
    );
    expect(screen.getByRole('button', { name: /8d41b6e2/ }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: /3f2a9c1e/ }).getAttribute('aria-pressed')).toBe('false');
  });

  it('without onSelectPassage the label is text, not a control', async () => {
    renderView({ ...(await sampleWithPassages()), lang: 'vi' });
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('says so when the document is empty', () => {
    renderView({ paragraphs: [], passages: [], lang: 'en' });
    expect(screen.getByRole('document').textContent).toBe('The document has no paragraphs.');
  });

  it('shows tabs and manual line breaks as Word does', () => {
    renderView({ paragraphs: [{ index: 1, text: 'Nơi nhận:\tA\u000bB', locator: 'p1' }], passages: [], lang: 'vi' });
    expect(screen.getByRole('document').querySelector('p')?.textContent).toBe('Nơi nhận:\tA\nB');
  });
});

describe('passage colour and grouping', () => {
  const passage = (over: Partial<HostPassage>): HostPassage => ({
    id: 'x',
    tag: 'aiprov:x',
    title: 'AI · chưa kiểm chứng · x',
    color: null,
    text: '',
    paragraphRange: [2, 3],
    ...over,
  });

  it('takes the control colour first, then the known state, then the state its title names', () => {
    expect(passageColour(passage({ color: '2e7d32' }))).toBe('#2E7D32');
    expect(passageColour(passage({}), 'needs-review')).toBe(CONDITION_COLORS['needs-review']);
    expect(passageColour(passage({ title: 'AI · cần xem lại · x' }))).toBe(CONDITION_COLORS['needs-review']);
    expect(passageColour(passage({ title: 'AI · verified · x' }))).toBe(CONDITION_COLORS.verified);
    expect(passageColour(passage({ title: 'AI · something else' }))).toBe(CONDITION_COLORS.unverified);
    expect(conditionFromTitle('AI · unverified · x')).toBe('unverified');
    expect(conditionFromTitle('AI · chưa kiểm chứng · x')).toBe('unverified');
  });

  it('a passage whose tag was lost is still found by its paragraph range', () => {
    const paragraphs: HostParagraph[] = [1, 2, 3, 4].map((index) => ({ index, text: `p${index}`, locator: `l${index}` }));
    const blocks = groupByPassage(paragraphs, [passage({ id: 'host-7', tag: null })]);
    expect(blocks.map((b) => (b.kind === 'passage' ? `[${b.paragraphs.map((p) => p.text).join(',')}]` : b.paragraph.text))).toEqual([
      'p1',
      '[p2,p3]',
      'p4',
    ]);
  });
});
