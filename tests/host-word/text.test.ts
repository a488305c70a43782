/** readAllText sees what a plain search misses: headers, footers and text boxes (through OOXML). */
import { describe, expect, it } from 'vitest';
import { textboxesInFlatOpc } from '../../src/host/word';
import { FakeWord, flatOpc, paragraphXml, textboxParagraphXml } from './fake-word';
import { hostOver, measured } from './helpers';

function stampedDocument(): FakeWord {
  const word = new FakeWord().addParagraphs('BÁO CÁO', 'Tình hình thực hiện nhiệm vụ năm 2025.');
  // The body's OOXML: the same paragraphs plus a text box with the secrecy stamp.
  word.body.ooxml = flatOpc(paragraphXml('BÁO CÁO') + textboxParagraphXml(['TỐI MẬT'], 'Tình hình thực hiện nhiệm vụ năm 2025.'));
  const header = word.sections[0]!.header.Primary;
  header.paragraphs.push(word.paragraph('BỘ NỘI VỤ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), word.paragraph('TỐI MẬT'));
  header.ooxml = flatOpc(paragraphXml('BỘ NỘI VỤ') + paragraphXml('TỐI MẬT') + textboxParagraphXml(['Số: 12/BC-BNV', 'Bản số 03']));
  word.sections[0]!.footer.Primary.paragraphs.push(word.paragraph('Trang 1'));
  return word;
}

describe('readAllText', () => {
  it('finds a "TỐI MẬT" stamp in a header and in a text box of the body, each as its own segment', async () => {
    const word = stampedDocument();
    const { result, syncs } = await measured(word, () => hostOver(word).readAllText());
    expect(syncs).toBe(2);
    const withStamp = result.filter((s) => s.text.includes('TỐI MẬT'));
    expect(withStamp.map((s) => [s.kind, s.part])).toEqual([
      ['header', 'section1/header-primary'],
      ['textbox', 'body'],
    ]);
    const box = withStamp[1]!;
    expect(box.paragraphs).toEqual([{ text: 'TỐI MẬT', locator: 'body#textbox1/p1' }]);
    // A text box is written twice (DrawingML and its VML fallback); it must be read once.
    expect(result.filter((s) => s.kind === 'textbox' && s.part === 'body')).toHaveLength(1);
  });

  it('returns headers, the body, text boxes and footers in reading order with locators', async () => {
    const word = stampedDocument();
    const result = await hostOver(word).readAllText();
    expect(result.map((s) => [s.kind, s.part, s.text])).toEqual([
      ['header', 'section1/header-primary', 'BỘ NỘI VỤ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỐI MẬT'],
      ['textbox', 'section1/header-primary', 'Số: 12/BC-BNV\nBản số 03'],
      ['body', 'body', 'BÁO CÁO\nTình hình thực hiện nhiệm vụ năm 2025.'],
      ['textbox', 'body', 'TỐI MẬT'],
      ['footer', 'section1/footer-primary', 'Trang 1'],
    ]);
    expect(result[2]!.paragraphs[1]).toEqual({ text: 'Tình hình thực hiện nhiệm vụ năm 2025.', locator: 'body#p2' });
  });

  it('reads every section, once per distinct header, with the same two round trips for 30 sections', async () => {
    const word = stampedDocument();
    for (let i = 2; i <= 30; i++) {
      const section = JSON.parse(JSON.stringify(word.sections[0]!)) as (typeof word.sections)[number];
      if (i === 30) section.header.FirstPage.paragraphs.push(word.paragraph('MẬT - phụ lục'));
      word.sections.push(section);
    }
    const { result, syncs } = await measured(word, () => hostOver(word).readAllText());
    expect(syncs).toBe(2);
    expect(result.filter((s) => s.kind === 'header').map((s) => s.part)).toEqual(['section1/header-primary', 'section30/header-firstpage']);
  });
});

describe('textboxesInFlatOpc', () => {
  it('reads nested text boxes after their host, and ignores a package with none', () => {
    const inner = textboxParagraphXml(['bên trong']);
    const outer =
      '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>' +
      paragraphXml('bên ngoài') +
      inner +
      '</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice></mc:AlternateContent></w:r></w:p>';
    expect(textboxesInFlatOpc(flatOpc(outer))).toEqual([['bên ngoài', ''], ['bên trong']]);
    expect(textboxesInFlatOpc(flatOpc(paragraphXml('không có hộp')))).toEqual([]);
  });

  it('refuses OOXML with a DOCTYPE (entity expansion) instead of parsing it', () => {
    expect(() => textboxesInFlatOpc('<!DOCTYPE x [<!ENTITY a "aaaa">]><x/>')).toThrow(/DOCTYPE/);
  });
});
