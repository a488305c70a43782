/**
 * Issue 13: inserted paragraphs take the style of the paragraph they follow, set explicitly by the
 * Word host (Paragraph.styleBuiltIn; Paragraph.style for a custom style), alone and in a batch.
 * The fake copies only the built-in style on 'After' insertions (as Word does for the formatting it
 * carries over), so a custom style or a body-end insertion shows whether the host set it.
 */
import { describe, expect, it } from 'vitest';
import { FakeWord, type MParagraph } from './fake-word';
import { hostOver } from './helpers';

const CUSTOM = 'Nội dung báo cáo';

function document(): FakeWord {
  const word = new FakeWord({ wordApi: 6 }).addParagraphs('BÁO CÁO', 'Kết quả quý I', 'Nội dung thứ nhất.', 'Một ý trong danh sách.');
  const [title, heading, body, item] = word.body.paragraphs as MParagraph[];
  title!.styleBuiltIn = 'Title';
  heading!.styleBuiltIn = 'Heading1';
  body!.styleBuiltIn = 'Other';
  body!.styleName = CUSTOM;
  item!.styleBuiltIn = 'ListParagraph';
  return word;
}
const styleOf = (p: MParagraph | undefined) => p?.styleName ?? p?.styleBuiltIn;
const texts = (word: FakeWord) => word.body.paragraphs.map((p) => p.text);

describe('inserted paragraphs take the style of the paragraph they follow', () => {
  it('a passage after a custom-styled paragraph: every paragraph of it in that style', async () => {
    const word = document();
    await hostOver(word).insertPassage({ passageId: 'p1', afterParagraph: 3, text: 'Dòng một.\nDòng hai.', title: 'AI', color: '#C19C00' });
    const [one, two] = [texts(word).indexOf('Dòng một.'), texts(word).indexOf('Dòng hai.')];
    expect(styleOf(word.body.paragraphs[one])).toBe(CUSTOM);
    expect(styleOf(word.body.paragraphs[two])).toBe(CUSTOM);
  });

  it('after a list paragraph: ListParagraph; after a heading or the title: Normal body text', async () => {
    const word = document();
    const host = hostOver(word);
    await host.insertPassage({ passageId: 'p1', afterParagraph: 4, text: 'Sau danh sách.', title: 'AI', color: '#C19C00' });
    await host.insertPassage({ passageId: 'p2', afterParagraph: 2, text: 'Sau đề mục.', title: 'AI', color: '#C19C00' });
    await host.insertParagraph({ afterParagraph: 1, text: 'Sau tiêu đề.' });
    const style = (text: string) => styleOf(word.body.paragraphs[texts(word).indexOf(text)]);
    expect(style('Sau danh sách.')).toBe('ListParagraph');
    expect(style('Sau đề mục.')).toBe('Normal');
    expect(style('Sau tiêu đề.')).toBe('Normal');
  });

  it('at the end of the body and inside a batch: the style of the last paragraph', async () => {
    const word = new FakeWord({ wordApi: 6 }).addParagraphs('Mở đầu.', 'Nội dung.');
    const last = word.body.paragraphs[1]!;
    last.styleBuiltIn = 'Other';
    last.styleName = CUSTOM;
    const host = hostOver(word);
    await host.insertParagraph({ afterParagraph: 'end', text: 'Cuối văn bản.' });
    await host.batch(async () => {
      await host.insertPassage({ passageId: 'p1', afterParagraph: 3, text: 'Trong lô.', title: 'AI', color: '#C19C00' });
    });
    expect(styleOf(word.body.paragraphs[texts(word).indexOf('Cuối văn bản.')])).toBe(CUSTOM);
    expect(styleOf(word.body.paragraphs[texts(word).indexOf('Trong lô.')])).toBe(CUSTOM);
  });
});
