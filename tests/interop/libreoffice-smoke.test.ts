// Round-trips .docx files through LibreOffice 7.4 and 25.2 (headless open + re-save as .docx) and
// pins down what each keeps of a Word content control (w:sdt), which the product's provenance
// markers depend on. Install both with `bash scripts/ci-deps.sh`; in CI a missing one fails.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import type { Element as XmlElement } from '@xmldom/xmldom';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { findLibreOfficeInstalls, LIBREOFFICE_ENV, roundTrip } from './libreoffice';
import type { LibreOfficeKey } from './libreoffice';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpusDir = join(repoRoot, '../shared/corpus/docx');
const inCI = process.env.CI === 'true';
const ROUND_TRIP_TEST_MS = 150_000;

// ---- reading a .docx ------------------------------------------------------------------------

function documentXml(docx: Uint8Array): XmlElement {
  const files = unzipSync(docx); // throws on anything that is not a zip
  const part = files['word/document.xml'];
  if (!part) throw new Error(`no word/document.xml in the package; parts: ${Object.keys(files).join(', ')}`);
  const root = new DOMParser().parseFromString(strFromU8(part), 'text/xml').documentElement;
  if (!root || root.namespaceURI !== W || root.localName !== 'document') {
    throw new Error('word/document.xml has no w:document root');
  }
  return root;
}

function elementChildren(el: XmlElement, localName: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as XmlElement).namespaceURI === W && (n as XmlElement).localName === localName) {
      out.push(n as XmlElement);
    }
  }
  return out;
}

function textOf(el: XmlElement): string {
  return Array.from(el.getElementsByTagNameNS(W, 't'))
    .map((t) => t.textContent ?? '')
    .join('');
}

/** Non-empty paragraph texts, whitespace collapsed, in document order. */
function paragraphTexts(root: XmlElement): string[] {
  return Array.from(root.getElementsByTagNameNS(W, 'p'))
    .map((p) => textOf(p).replace(/\s+/g, ' ').trim())
    .filter((t) => t.length > 0);
}

interface ContentControl {
  alias: string | null;
  tag: string | null;
  /** Plain-text control (w:text in w:sdtPr); none means rich text. */
  plainText: boolean;
  /** 'block' = child of w:body (wraps paragraphs); 'inline' = inside a w:p (wraps runs). */
  level: 'block' | 'inline' | 'other';
  text: string;
  /** Paragraphs inside the control (0 for an inline one). */
  paragraphs: number;
}

function contentControls(root: XmlElement): ContentControl[] {
  return Array.from(root.getElementsByTagNameNS(W, 'sdt')).map((sdt) => {
    const pr = elementChildren(sdt, 'sdtPr')[0];
    const content = elementChildren(sdt, 'sdtContent')[0];
    const val = (name: string) => (pr && elementChildren(pr, name)[0]?.getAttributeNS(W, 'val')) ?? null;
    const parent = sdt.parentNode as XmlElement | null;
    return {
      alias: val('alias'),
      tag: val('tag'),
      plainText: pr ? elementChildren(pr, 'text').length > 0 : false,
      level: parent?.localName === 'body' ? 'block' : parent?.localName === 'p' ? 'inline' : 'other',
      text: content ? textOf(content) : '',
      paragraphs: content ? content.getElementsByTagNameNS(W, 'p').length : 0,
    };
  });
}

// ---- a small .docx with the content controls the add-in writes ---------------------------------

const INLINE_RICH = 'Câu do AI đề xuất trong đoạn.';
const INLINE_PLAIN = 'Trích yếu văn bản do AI gợi ý.';
const BLOCK_ONE = 'Đoạn văn khối do AI soạn thảo.';
const BLOCK_TWO_FIRST = 'Đoạn thứ nhất của khối hai đoạn.';
const BLOCK_TWO_SECOND = 'Đoạn thứ hai của khối hai đoạn.';

function run(text: string): string {
  return `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
}
function sdtPr(name: string, id: number, plainText = false): string {
  return `<w:sdtPr><w:alias w:val="AI · ${name}"/><w:tag w:val="aiprov:${name}"/><w:id w:val="${id}"/>${plainText ? '<w:text/>' : ''}</w:sdtPr>`;
}

function contentControlDocx(): Uint8Array {
  const body = [
    `<w:p>${run('Mở đầu: ')}<w:sdt>${sdtPr('inline-rich', 101)}<w:sdtContent>${run(INLINE_RICH)}</w:sdtContent></w:sdt></w:p>`,
    `<w:p>${run('Trích yếu: ')}<w:sdt>${sdtPr('inline-plain', 102, true)}<w:sdtContent>${run(INLINE_PLAIN)}</w:sdtContent></w:sdt></w:p>`,
    `<w:sdt>${sdtPr('block-one', 103)}<w:sdtContent><w:p>${run(BLOCK_ONE)}</w:p></w:sdtContent></w:sdt>`,
    `<w:sdt>${sdtPr('block-two', 104)}<w:sdtContent><w:p>${run(BLOCK_TWO_FIRST)}</w:p><w:p>${run(BLOCK_TWO_SECOND)}</w:p></w:sdtContent></w:sdt>`,
    `<w:p>${run('Nơi nhận: như trên.')}</w:p>`,
  ].join('');
  const xml = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${s}`);
  return zipSync({
    '[Content_Types].xml': xml(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': xml(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '</Relationships>',
    ),
    'word/document.xml': xml(`<w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`),
  });
}

function controlHolding(controls: ContentControl[], text: string): ContentControl {
  const found = controls.find((c) => c.text.includes(text));
  if (!found) throw new Error(`no content control holds "${text}"; controls: ${JSON.stringify(controls, null, 2)}`);
  return found;
}

// ---- what each version keeps, as observed ------------------------------------------------------

interface Kept {
  alias: boolean;
  tag: boolean;
}
interface Expected {
  inlineRich: Kept;
  inlinePlain: Kept;
  block: Kept;
  /** 25.2 turns a block (rich text) control into a plain-text one. */
  blockBecomesPlainText: boolean;
}

const VERSIONS: { key: LibreOfficeKey; label: string; expected: Expected }[] = [
  {
    key: 'v74',
    label: 'LibreOffice 7.4',
    expected: {
      // 7.4 keeps the w:sdt around an inline rich-text control but empties its w:sdtPr.
      inlineRich: { alias: false, tag: false },
      inlinePlain: { alias: true, tag: false },
      block: { alias: true, tag: false },
      blockBecomesPlainText: false,
    },
  },
  {
    key: 'v252',
    label: 'LibreOffice 25.2',
    expected: {
      inlineRich: { alias: true, tag: true },
      inlinePlain: { alias: true, tag: true },
      block: { alias: true, tag: true },
      blockBecomesPlainText: true,
    },
  },
];

const installs = findLibreOfficeInstalls();

for (const { key, label, expected } of VERSIONS) {
  const install = installs[key];
  if (!install) {
    const why = `${label} not found: run "bash scripts/ci-deps.sh" (as root) or set ${LIBREOFFICE_ENV[key]}=/path/to/soffice`;
    if (inCI) {
      describe(label, () => {
        it('is installed (required in CI)', () => {
          throw new Error(why);
        });
      });
    } else {
      console.warn(`[interop] skipping ${label} tests locally. ${why}`);
      describe.skip(`${label} (${why})`, () => {
        it('round-trips .docx', () => undefined);
      });
    }
    continue;
  }

  describe(`${label} (${install.version}, ${install.binary})`, () => {
    it.skipIf(!existsSync(join(corpusDir, 'sample-docx.docx')))(
      `re-saves a real Word document as a valid .docx with all its paragraph text${existsSync(corpusDir) ? '' : ` [skipped: needs ${corpusDir} (../shared beside the clone)]`}`,
      async () => {
        const path = join(corpusDir, 'sample-docx.docx');
        const input = new Uint8Array(readFileSync(path));
        const started = performance.now();
        const output = await roundTrip(install.binary, input);
        console.log(`[interop] ${label} ${install.version}: sample-docx.docx round trip ${Math.round(performance.now() - started)} ms`);

        const files = unzipSync(output);
        expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
        const before = paragraphTexts(documentXml(input));
        const after = paragraphTexts(documentXml(output));
        expect(before.length).toBeGreaterThan(10);
        expect(after).toEqual(before);
      },
      ROUND_TRIP_TEST_MS,
    );

    it(
      'keeps or drops content-control alias and tag as documented',
      async () => {
        const output = await roundTrip(install.binary, contentControlDocx());
        const root = documentXml(output);
        const controls = contentControls(root);
        const check = (text: string, kept: Kept, name: string) => {
          const c = controlHolding(controls, text);
          expect(c.alias, `${name} alias`).toBe(kept.alias ? `AI · ${name}` : null);
          expect(c.tag, `${name} tag`).toBe(kept.tag ? `aiprov:${name}` : null);
          return c;
        };

        const inlineRich = check(INLINE_RICH, expected.inlineRich, 'inline-rich');
        expect(inlineRich.level).toBe('inline');
        expect(inlineRich.plainText).toBe(false);
        const inlinePlain = check(INLINE_PLAIN, expected.inlinePlain, 'inline-plain');
        expect(inlinePlain.plainText).toBe(true);

        // Both versions turn a block-level control into an inline one inside its (first) paragraph.
        const blockOne = check(BLOCK_ONE, expected.block, 'block-one');
        expect(blockOne.level).toBe('inline');
        expect(blockOne.plainText).toBe(expected.blockBecomesPlainText);

        // ...and a control spanning two paragraphs keeps only the first: the second paragraph's
        // text survives, outside any control.
        const blockTwo = check(BLOCK_TWO_FIRST, expected.block, 'block-two');
        expect(blockTwo.text).toBe(BLOCK_TWO_FIRST);
        expect(controls.some((c) => c.text.includes(BLOCK_TWO_SECOND))).toBe(false);
        expect(paragraphTexts(root)).toContain(BLOCK_TWO_SECOND);

        expect(controls).toHaveLength(4);
      },
      ROUND_TRIP_TEST_MS,
    );
  });
}

describe('roundTrip input checks', () => {
  it('rejects empty input, non-zip input and a missing binary with a clear error, without starting LibreOffice', async () => {
    await expect(roundTrip('/usr/bin/soffice', new Uint8Array())).rejects.toThrow(/input is empty/);
    await expect(roundTrip('/usr/bin/soffice', strToU8('Công văn số 12/UBND'))).rejects.toThrow(/not a \.docx/);
    await expect(roundTrip('/nonexistent/soffice', contentControlDocx())).rejects.toThrow(/no LibreOffice at \/nonexistent\/soffice/);
  });

  const anyInstall = installs.v252 ?? installs.v74;
  it.skipIf(!anyInstall)(
    'fails with what LibreOffice said when it cannot load the file',
    async () => {
      const zipWithoutDocument = zipSync({ 'ghi-chu.txt': strToU8('không phải văn bản Word') });
      await expect(roundTrip(anyInstall!.binary, zipWithoutDocument)).rejects.toThrow(/wrote no docx[\s\S]*could not be loaded/);
    },
    ROUND_TRIP_TEST_MS,
  );

  it.skipIf(!anyInstall)('kills LibreOffice and says so when the timeout passes, leaving no process behind', async () => {
    // 400 ms: soffice.bin is up by then, and a cold start with a new profile takes over a second.
    await expect(roundTrip(anyInstall!.binary, contentControlDocx(), { timeoutMs: 400 })).rejects.toThrow(
      /did not finish within 400 ms; killed/,
    );
    expect(orphanedLibreOffices()).toEqual([]);
  });
});

/** LibreOffice processes still running on a roundTrip profile whose temp folder is already gone. */
function orphanedLibreOffices(): string[] {
  const orphans: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue; // exited meanwhile
    }
    const profile = /UserInstallation=file:\/\/(\/\S*aiprov-lo-[^/\s]+)/.exec(cmdline)?.[1];
    if (profile && !existsSync(profile)) orphans.push(`${pid}: ${cmdline}`);
  }
  return orphans;
}
