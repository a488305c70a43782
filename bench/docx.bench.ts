/** How long the .docx layer takes on a long document (about 300 pages) — see DESIGN "Performance budgets". */
import { DocxHost, extractText, openDocx } from '../src/host/docx';
import { buildDocx } from '../tests/fixtures/docx-builder';

const SENTENCE = 'Theo báo cáo của Bộ Tài chính, tổng thu ngân sách năm 2024 đạt 1.700.000 tỷ đồng, tăng 10% so với năm 2023. ';

function longDocument(paragraphs: number): Uint8Array {
  let body = '';
  for (let i = 0; i < paragraphs; i++) {
    if (i % 50 === 25) body += `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Ô ${i}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>${SENTENCE}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`;
    body += `<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">${SENTENCE.repeat(3)}</w:t></w:r></w:p>`;
  }
  return buildDocx({ body: body + '<w:sectPr/>' });
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
}

export async function run(): Promise<void> {
  const bytes = longDocument(3000);
  const [pkg, openMs] = time(() => openDocx(bytes));
  const [segments, textMs] = time(() => extractText(pkg));
  const chars = segments.reduce((n, s) => n + s.text.length, 0);
  console.log(`docx: ${(bytes.length / 1024).toFixed(0)} KB file, ${(pkg.bytes(pkg.mainDocumentPath).length / 1024 / 1024).toFixed(1)} MB document.xml, ${chars} chars of text`);
  console.log(`docx: openDocx ${openMs.toFixed(0)} ms, extractText ${textMs.toFixed(0)} ms`);
  const host = new DocxHost(pkg);
  const start = performance.now();
  for (let i = 0; i < 20; i++) {
    await host.markPassage({ passageId: `p${i}`, fromParagraph: i * 100 + 1, toParagraph: i * 100 + 3, title: 'AI · chưa kiểm chứng', color: '#FFC000' });
  }
  const markMs = (performance.now() - start) / 20;
  const [saved, saveMs] = time(() => host.save());
  console.log(`docx: markPassage ${markMs.toFixed(0)} ms each (3000-paragraph body), save ${saveMs.toFixed(0)} ms (${(saved.length / 1024).toFixed(0)} KB)`);
}
