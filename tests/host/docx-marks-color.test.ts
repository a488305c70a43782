/**
 * The passage control's colour: w15:color is a CT_Color (MS-DOCX 2.5.1.x "color"), so its value is
 * the main namespace's `w:val` — as Word writes it (e.g. `<w15:color w:val="008000"/>` beside
 * `<w15:appearance w15:val="hidden"/>`, whose CT_SdtAppearance does use w15:val) and as LibreOffice
 * reads it. Builds before this fix wrote `w15:val`; those files are still read, and rewritten right.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { controlInfo, setColor } from '../../src/host/docx/marks';
import { NS, parseXml, serializeXml } from '../../src/host/docx/xml';
import { findLibreOffice, roundTrip } from '../interop/libreoffice';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const body = (sdtPr: string) =>
  `<w:document xmlns:w="${NS.w}" xmlns:w15="${NS.w15}" xmlns:mc="${NS.mc}" mc:Ignorable="w15"><w:body>` +
  `<w:sdt><w:sdtPr><w:tag w:val="aiprov:x"/><w:id w:val="7"/>${sdtPr}</w:sdtPr><w:sdtContent><w:p/></w:sdtContent></w:sdt></w:body></w:document>`;
const sdtOf = (xml: string) => {
  const doc = parseXml(xml, 'word/document.xml');
  return { doc, sdt: doc.getElementsByTagNameNS(NS.w, 'sdt')[0]! };
};

describe('w15:color on a passage control', () => {
  it('is written with w:val, never w15:val', () => {
    const { doc, sdt } = sdtOf(body(''));
    setColor(sdt, 'FFC000');
    const xml = decode(serializeXml(doc));
    expect(xml).toContain('<w15:color w:val="FFC000"/>');
    expect(xml).not.toContain('w15:val');
    expect(controlInfo(sdt).color).toBe('FFC000');
  });

  it('reads the form Word writes (w:val)', () => {
    expect(controlInfo(sdtOf(body('<w15:color w:val="008000"/><w15:appearance w15:val="hidden"/>')).sdt).color).toBe('008000');
  });

  it('still reads the w15:val our earlier builds wrote, and a new colour replaces it with w:val', () => {
    const { doc, sdt } = sdtOf(body('<w15:color w15:val="FFC000"/>'));
    expect(controlInfo(sdt).color).toBe('FFC000');
    setColor(sdt, '70AD47');
    const xml = decode(serializeXml(doc));
    expect(xml).toContain('<w15:color w:val="70AD47"/>');
    expect(xml).not.toContain('w15:val');
    expect(controlInfo(sdt).color).toBe('70AD47');
  });

  it('no colour attribute at all reads as none', () => {
    expect(controlInfo(sdtOf(body('<w15:color/>')).sdt).color).toBeNull();
  });
});

/** A one-part package around document.xml (what LibreOffice needs to open it). */
function packageOf(documentXml: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(documentXml),
  });
}

const lo74 = findLibreOffice().v74;
describe.skipIf(!lo74)('w15:color through LibreOffice 7.4 (open + save as Word 2007–365)', () => {
  it('the colour we write now survives; the w15:val form of earlier builds is dropped by it', async () => {
    const { doc, sdt } = sdtOf(body(''));
    setColor(sdt, 'FFC000');
    const ours = strFromU8(unzipSync(await roundTrip(lo74!, packageOf(decode(serializeXml(doc)))))['word/document.xml']!);
    expect(ours.match(/<w15:color[^>]*>/g)).toEqual(['<w15:color w:val="FFC000"/>']);
    const old = strFromU8(unzipSync(await roundTrip(lo74!, packageOf(body('<w15:color w15:val="FFC000"/>'))))['word/document.xml']!);
    expect(old).not.toContain('w15:color');
  }, 150_000);
});
