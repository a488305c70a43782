/**
 * A small writer for Vietnamese administrative documents as .docx (WordprocessingML strings zipped
 * with fflate). It knows just what the sample documents need: styled paragraphs, borderless layout
 * tables (header block, signature block), ruled data tables, a page header, A4 margins per
 * Nghị định 30/2020/NĐ-CP (top/bottom 20 mm, left 30 mm, right 15 mm), Times New Roman 14 pt.
 * The output is byte-for-byte reproducible (fixed zip timestamps), so the committed samples can be
 * compared with a fresh build.
 */
import { strToU8, zipSync } from 'fflate';

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const NAMESPACES = `xmlns:w="${W_NS}" xmlns:r="${R_NS}"`;
/** Zip entries carry this time, so two builds give the same bytes. */
const FIXED_MTIME = new Date('2026-01-01T00:00:00Z');

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Half-points: 26 = 13 pt. */
  size?: number;
  /** RRGGBB */
  color?: string;
}

export interface ParagraphOptions {
  style?: string;
  align?: 'left' | 'center' | 'right' | 'both';
  /** First-line indent in twentieths of a point; 0 cancels the style's indent. */
  firstLine?: number;
  /** Spacing before/after in twentieths of a point. */
  before?: number;
  after?: number;
  /** A double border all round: how a secrecy or urgency stamp is drawn (TT 24/2020/TT-BCA). */
  boxed?: boolean;
}

export type Block = string; // serialised w:p or w:tbl

export interface DocumentSpec {
  title: string;
  subject: string;
  blocks: Block[];
  /** Paragraphs of the default page header (e.g. a secrecy stamp repeated on every page). */
  header?: Block[];
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function runXml(run: Run): string {
  const props =
    (run.bold ? '<w:b/><w:bCs/>' : '') +
    (run.italic ? '<w:i/><w:iCs/>' : '') +
    (run.underline ? '<w:u w:val="single"/>' : '') +
    (run.color ? `<w:color w:val="${run.color}"/>` : '') +
    (run.size ? `<w:sz w:val="${run.size}"/><w:szCs w:val="${run.size}"/>` : '');
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(run.text.normalize('NFC'))}</w:t></w:r>`;
}

/** One paragraph; `content` is plain text or styled runs. An empty string gives an empty paragraph. */
export function para(content: string | Run[], options: ParagraphOptions = {}): Block {
  const runs = typeof content === 'string' ? (content === '' ? [] : [{ text: content }]) : content;
  const pPr =
    (options.style ? `<w:pStyle w:val="${options.style}"/>` : '') +
    (options.boxed
      ? '<w:pBdr>' +
        ['top', 'left', 'bottom', 'right'].map((side) => `<w:${side} w:val="double" w:sz="6" w:space="1" w:color="C00000"/>`).join('') +
        '</w:pBdr>'
      : '') +
    (options.before !== undefined || options.after !== undefined
      ? `<w:spacing${options.before !== undefined ? ` w:before="${options.before}"` : ''}${options.after !== undefined ? ` w:after="${options.after}"` : ''}/>`
      : '') +
    (options.firstLine !== undefined ? `<w:ind w:firstLine="${options.firstLine}"/>` : '') +
    (options.align ? `<w:jc w:val="${options.align}"/>` : '');
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs.map(runXml).join('')}</w:p>`;
}

export interface TableOptions {
  /** Column widths in twentieths of a point. */
  widths: number[];
  /** Single-line grid (data tables) or no borders at all (layout tables). */
  ruled: boolean;
  /** Rows whose cells are bold (a data table's heading row). */
  headerRows?: number;
}

/** A cell is a list of paragraphs (already serialised). */
export function table(rows: Block[][][], options: TableOptions): Block {
  const border = options.ruled ? 'w:val="single" w:sz="4" w:space="0" w:color="000000"' : 'w:val="nil"';
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${border}/>`).join('');
  const total = options.widths.reduce((a, b) => a + b, 0);
  const grid = options.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const body = rows
    .map((cells, rowIndex) => {
      const header = rowIndex < (options.headerRows ?? 0);
      const trPr = header ? '<w:trPr><w:tblHeader/></w:trPr>' : '';
      return (
        `<w:tr>${trPr}` +
        cells
          .map((paragraphs, i) => {
            const width = options.widths[i] ?? options.widths[options.widths.length - 1] ?? 0;
            const content = paragraphs.length > 0 ? paragraphs.join('') : '<w:p/>';
            return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${options.ruled ? '<w:vAlign w:val="center"/>' : ''}</w:tcPr>${content}</w:tc>`;
          })
          .join('') +
        '</w:tr>'
      );
    })
    .join('');
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders>${borders}</w:tblBorders>` +
    '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>' +
    `<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`
  );
}

const STYLES =
  `${DECL}<w:styles ${NAMESPACES}>` +
  '<w:docDefaults><w:rPrDefault><w:rPr>' +
  '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>' +
  '<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/>' +
  '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  // Body text: justified, 1 cm first-line indent, 6 pt before, 1.15 lines (NĐ 30/2020, Phụ lục I).
  '<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:qFormat/>' +
  '<w:pPr><w:spacing w:before="120" w:after="0" w:line="276" w:lineRule="auto"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>' +
  '<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="0"/><w:ind w:firstLine="567"/><w:jc w:val="both"/><w:outlineLvl w:val="0"/></w:pPr>' +
  '<w:rPr><w:b/><w:bCs/></w:rPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>' +
  '<w:pPr><w:keepNext/><w:spacing w:before="120" w:after="0"/><w:ind w:firstLine="567"/><w:jc w:val="both"/><w:outlineLvl w:val="1"/></w:pPr>' +
  '<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Subtitle"/><w:qFormat/>' +
  '<w:pPr><w:keepNext/><w:spacing w:before="360" w:after="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>' +
  '<w:pPr><w:keepNext/><w:spacing w:after="240"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>' +
  // The header block and signature block: 13 pt, centred, no spacing.
  '<w:style w:type="paragraph" w:styleId="Masthead"><w:name w:val="Masthead"/><w:basedOn w:val="Normal"/><w:qFormat/>' +
  '<w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>' +
  // Secrecy / urgency stamp: capitals, 13 pt, bold, red (TT 24/2020/TT-BCA).
  '<w:style w:type="paragraph" w:styleId="Stamp"><w:name w:val="Stamp"/><w:basedOn w:val="Normal"/><w:qFormat/>' +
  '<w:pPr><w:spacing w:before="120" w:after="120"/><w:ind w:left="1134" w:right="6804"/><w:jc w:val="center"/></w:pPr>' +
  '<w:rPr><w:b/><w:bCs/><w:color w:val="C00000"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Recipients"><w:name w:val="Recipients"/><w:basedOn w:val="Normal"/><w:qFormat/>' +
  '<w:rPr><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/>' +
  '<w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>' +
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>' +
  '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
  '</w:styles>';

const SETTINGS =
  `${DECL}<w:settings ${NAMESPACES}><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>` +
  '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  '<w:themeFontLang w:val="vi-VN"/></w:settings>';

// A4, margins 20/20/30/15 mm, header 10 mm from the edge.
const SECTION = (headerRel: string | null) =>
  '<w:sectPr>' +
  (headerRel ? `<w:headerReference w:type="default" r:id="${headerRel}"/>` : '') +
  '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/>' +
  '</w:sectPr>';

/** The package parts of a document, by name. */
export function docxParts(spec: DocumentSpec): Record<string, string> {
  const hasHeader = (spec.header?.length ?? 0) > 0;
  const overrides: [string, string][] = [
    ['/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'],
    ['/word/styles.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml'],
    ['/word/settings.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml'],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
  ];
  if (hasHeader) overrides.push(['/word/header1.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml']);

  const parts: Record<string, string> = {
    '[Content_Types].xml':
      `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      overrides.map(([name, type]) => `<Override PartName="${name}" ContentType="${type}"/>`).join('') +
      '</Types>',
    '_rels/.rels':
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}officeDocument" Target="word/document.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      `<Relationship Id="rId3" Type="${REL}extended-properties" Target="docProps/app.xml"/>` +
      '</Relationships>',
    'word/_rels/document.xml.rels':
      `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}styles" Target="styles.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}settings" Target="settings.xml"/>` +
      (hasHeader ? `<Relationship Id="rId3" Type="${REL}header" Target="header1.xml"/>` : '') +
      '</Relationships>',
    'word/document.xml': `${DECL}<w:document ${NAMESPACES}><w:body>${spec.blocks.join('')}${SECTION(hasHeader ? 'rId3' : null)}</w:body></w:document>`,
    'word/styles.xml': STYLES,
    'word/settings.xml': SETTINGS,
    'docProps/core.xml':
      `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:title>${escapeXml(spec.title)}</dc:title><dc:subject>${escapeXml(spec.subject)}</dc:subject><dc:language>vi-VN</dc:language>` +
      '<dc:creator>aiprov (tài liệu mẫu)</dc:creator>' +
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created>' +
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>',
    'docProps/app.xml':
      `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>aiprov make-samples</Application></Properties>`,
  };
  if (hasHeader) parts['word/header1.xml'] = `${DECL}<w:hdr ${NAMESPACES}>${(spec.header ?? []).join('')}</w:hdr>`;
  return parts;
}

export function buildDocx(spec: DocumentSpec): Uint8Array {
  const files = Object.fromEntries(
    Object.entries(docxParts(spec)).map(([name, xml]) => [name, [strToU8(xml), { mtime: FIXED_MTIME }] as const]),
  );
  return zipSync(files as Parameters<typeof zipSync>[0], { level: 9, mtime: FIXED_MTIME });
}
