/**
 * Writes the project's own real .docx test documents into tests/fixtures/docx/ (committed), so a lone
 * clone of the project — without ../shared beside it — still runs every document test on real files.
 *
 *   - own-*.docx: made by the project's own writer (scripts/samples/ooxml.ts) with the structures Word
 *     documents carry: tables (nested too), a header and a footer, footnotes, a DrawingML text box with
 *     its VML fallback, a content control that is not ours, tracked changes and a field.
 *   - lo-*.docx:  the same structures as LibreOffice writes them: a flat ODT converted by `soffice
 *     --convert-to docx`, and the own-writer document re-saved by LibreOffice.
 *
 *   npx tsx scripts/make-fixtures.ts                 # needs LibreOffice (bash scripts/ci-deps.sh)
 *   SOFFICE=/path/to/soffice npx tsx scripts/make-fixtures.ts
 *
 * LibreOffice's output carries dates and ids of the moment, so the lo-*.docx files are not
 * reproducible byte for byte; the own-*.docx files are (tests/project/fixtures.test.ts checks them).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { docxParts, escapeXml, para, table } from './samples/ooxml';

export const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'docx');
const FIXED_MTIME = new Date('2026-01-01T00:00:00Z');
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const ALL_NS =
  `xmlns:w="${W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" ' +
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"';

const run = (text: string) => `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
const cell = (text: string) => [para(text)];

/** A content control placed by someone else (a form field of the organisation's template). */
const foreignControl =
  '<w:sdt><w:sdtPr><w:alias w:val="Số hiệu văn bản"/><w:tag w:val="org:so-hieu"/><w:id w:val="101"/></w:sdtPr>' +
  `<w:sdtContent><w:p>${run('Số: 15/BC-UBND ngày 12/3/2025')}</w:p></w:sdtContent></w:sdt>`;

const textBox =
  '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">' +
  '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>' +
  '<wp:extent cx="2000000" cy="500000"/><wp:wrapNone/><wp:docPr id="1" name="Hộp văn bản 1"/>' +
  '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="500000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>' +
  `<wps:txbx><w:txbxContent><w:p>${run('MẬT')}</w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
  `<mc:Fallback><w:pict><v:shape style="width:157pt;height:39pt"><v:textbox><w:txbxContent><w:p>${run('MẬT')}</w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;

const footnoteRef = (id: number) => `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;

/** The own-writer document: every structure the document tests walk. */
export function ownWriterParts(): Record<string, string> {
  const nested = `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tr><w:tc>${para('Ô lồng: 1.250 tỷ đồng')}</w:tc></w:tr></w:tbl>`;
  const blocks = [
    para('ỦY BAN NHÂN DÂN TỈNH BẮC NINH', { align: 'center' }),
    para('BÁO CÁO Kết quả thực hiện Nghị quyết số 12/NQ-HĐND', { align: 'center' }),
    foreignControl,
    `<w:p>${run('Theo Luật Ngân sách nhà nước số 83/2015/QH13, tổng chi đạt 1.234,5 tỷ đồng, tăng 12,5% so với năm 2024.')}${footnoteRef(1)}</w:p>`,
    table(
      [
        [cell('Chỉ tiêu'), cell('Năm 2024'), cell('Năm 2025')],
        [cell('Thu ngân sách'), cell('980 tỷ đồng'), cell('1.120 tỷ đồng')],
        [cell('Tỷ lệ giải ngân'), cell('78%'), [para('85%'), nested, para('')]],
      ],
      { widths: [4000, 2500, 2500], ruled: true, headerRows: 1 },
    ),
    textBox,
    `<w:p>${run('Đề nghị ông Nguyễn Văn An, số điện thoại 0912 345 678, ')}<w:ins w:id="201" w:author="Trần Thị Bình" w:date="2025-03-12T00:00:00Z">${run('trước ngày 30/6/2025, ')}</w:ins><w:del w:id="202" w:author="Trần Thị Bình" w:date="2025-03-12T00:00:00Z"><w:r><w:delText>sớm, </w:delText></w:r></w:del>${run('báo cáo kết quả.')}</w:p>`,
    `<w:p>${run('Trang ')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('1')}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
    para('Nơi nhận: Như trên; Lưu: VT.'),
  ];
  const parts = docxParts({ title: 'Báo cáo (tài liệu kiểm thử)', subject: 'aiprov test fixture', blocks, header: [para('Tài liệu kiểm thử — đầu trang')] });
  parts['word/document.xml'] = parts['word/document.xml']!
    .replace(/<w:document [^>]*>/, `<w:document ${ALL_NS}>`)
    .replace('<w:pgSz', '<w:footerReference w:type="default" r:id="rId11"/><w:pgSz');
  parts['word/footer1.xml'] = `${DECL}<w:ftr ${ALL_NS}>${para('Chân trang: lưu hành nội bộ')}</w:ftr>`;
  parts['word/footnotes.xml'] =
    `${DECL}<w:footnotes ${ALL_NS}>` +
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>' +
    `<w:footnote w:id="1"><w:p>${run('Số liệu theo Quyết định số 45/QĐ-UBND ngày 02/01/2025.')}</w:p></w:footnote></w:footnotes>`;
  parts['word/_rels/document.xml.rels'] = parts['word/_rels/document.xml.rels']!.replace(
    '</Relationships>',
    `<Relationship Id="rId11" Type="${REL}footer" Target="footer1.xml"/><Relationship Id="rId12" Type="${REL}footnotes" Target="footnotes.xml"/></Relationships>`,
  );
  parts['[Content_Types].xml'] = parts['[Content_Types].xml']!.replace(
    '</Types>',
    '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>' +
      '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
  );
  return parts;
}

export function zipParts(parts: Record<string, string>): Uint8Array {
  const files = Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, [strToU8(xml), { mtime: FIXED_MTIME }] as const]));
  return zipSync(files as Parameters<typeof zipSync>[0], { level: 9, mtime: FIXED_MTIME });
}

/** A flat ODT with a table, header, footer, footnote and a text frame, for LibreOffice to write as .docx. */
export function flatOdt(): string {
  const o = 'urn:oasis:names:tc:opendocument:xmlns';
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="${o}:office:1.0" xmlns:text="${o}:text:1.0" xmlns:table="${o}:table:1.0" xmlns:style="${o}:style:1.0" xmlns:draw="${o}:drawing:1.0" xmlns:svg="${o}:svg-compatible:1.0" xmlns:fo="${o}:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p>Đầu trang: KHẨN</text:p></style:header><style:footer><text:p>Chân trang: trang 1</text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
<text:p>BỘ TÀI CHÍNH — Công văn số 1234/BTC-NSNN</text:p>
<text:p>Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Về công tác văn thư.</text:p></text:note-body></text:note>, dự toán năm 2025 là 2.345 tỷ đồng.</text:p>
<table:table table:name="Bảng1"><table:table-column table:number-columns-repeated="2"/>
<table:table-row><table:table-cell><text:p>Khoản chi</text:p></table:table-cell><table:table-cell><text:p>Số tiền</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>Đầu tư phát triển</text:p></table:table-cell><table:table-cell><text:p>1.200 tỷ đồng</text:p></table:table-cell></table:table-row>
</table:table>
<text:p><draw:frame draw:name="Khung1" text:anchor-type="paragraph" svg:width="6cm" svg:height="1.5cm"><draw:text-box><text:p>Ghi chú trong khung: 15% kinh phí dự phòng</text:p></draw:text-box></draw:frame>Liên hệ bà Lê Thị Cúc, thư điện tử cuc.le@example.vn.</text:p>
<text:p>Nơi nhận: Như trên.</text:p>
</office:text></office:body></office:document>`;
}

function soffice(binary: string, input: string, outDir: string, work: string): void {
  execFileSync(binary, [`-env:UserInstallation=${pathToFileURL(path.join(work, 'profile')).href}`, '--headless', '--norestore', '--nologo', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outDir, input], { stdio: 'ignore', timeout: 180_000 });
}

function main(): void {
  const own = zipParts(ownWriterParts());
  writeFileSync(path.join(FIXTURES_DIR, 'own-report.docx'), own);
  console.log(`own-report.docx ${own.length} B`);
  const binary = process.env.SOFFICE ?? '/usr/bin/soffice';
  const work = mkdtempSync(path.join(tmpdir(), 'aiprov-fixtures-'));
  try {
    writeFileSync(path.join(work, 'lo-letter.fodt'), flatOdt());
    writeFileSync(path.join(work, 'lo-resaved-report.docx'), own);
    const out = path.join(work, 'out');
    soffice(binary, path.join(work, 'lo-letter.fodt'), out, work);
    soffice(binary, path.join(work, 'lo-resaved-report.docx'), out, work);
    for (const name of ['lo-letter.docx', 'lo-resaved-report.docx']) {
      const bytes = readFileSync(path.join(out, name));
      writeFileSync(path.join(FIXTURES_DIR, name), bytes);
      console.log(`${name} ${bytes.length} B`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
