import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import type { Document as XmlDocument, Element as XmlElement } from '@xmldom/xmldom';
import { afterAll, describe, expect, it } from 'vitest';
import { ICON_SIZES, encodePng, renderIcon } from '../../scripts/make-icons';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MANIFEST_PATH = path.join(ROOT, 'manifest.xml');
// Microsoft's XSDs live beside the project (see ../shared/schemas/office-addin-manifest/README.md).
const XSD_PATH =
  process.env.AIPROV_MANIFEST_XSD ?? path.resolve(ROOT, '../shared/schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd');
const ASSET_URL_PREFIX = 'https://localhost:3000/assets/';

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
};

const manifestText = readFileSync(MANIFEST_PATH, 'utf8');
const manifest: XmlDocument = new DOMParser().parseFromString(manifestText, 'text/xml');

function elements(namespace: string, name: string): XmlElement[] {
  return Array.from(manifest.getElementsByTagNameNS(namespace, name));
}

function only(namespace: string, name: string): XmlElement {
  const found = elements(namespace, name);
  expect(found, `exactly one <${name}>`).toHaveLength(1);
  return found[0]!;
}

function overrides(element: XmlElement, namespace: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const child of Array.from(element.childNodes)) {
    const el = child as XmlElement;
    if (el.nodeType === 1 && el.localName === 'Override' && el.namespaceURI === namespace) {
      map.set(el.getAttribute('Locale') ?? '', el.getAttribute('Value') ?? '');
    }
  }
  return map;
}

const scratch = mkdtempSync(path.join(tmpdir(), 'aiprov-manifest-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function xmllint(file: string): { status: number | null; output: string } {
  const result = spawnSync('xmllint', ['--noout', '--schema', XSD_PATH, file], { encoding: 'utf8' });
  if (result.error) {
    throw new Error(`xmllint could not run (${result.error.message}); install it: apt-get install -y libxml2-utils`);
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(0, 8).equals(signature), 'PNG signature').toBe(true);
  expect(bytes.toString('ascii', 12, 16), 'first chunk is IHDR').toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Pixels of an 8-bit RGBA PNG whose scanlines all use filter 0 (what make-icons writes). */
function decodeUnfilteredRgba(bytes: Buffer, size: number): Uint8Array {
  const idat: Buffer[] = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    if (bytes.toString('ascii', offset + 4, offset + 8) === 'IDAT') idat.push(bytes.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const scanlines = inflateSync(Buffer.concat(idat));
  const rowLength = size * 4;
  const pixels = new Uint8Array(size * rowLength);
  for (let y = 0; y < size; y++) {
    expect(scanlines[y * (rowLength + 1)], `filter of row ${y}`).toBe(0);
    pixels.set(scanlines.subarray(y * (rowLength + 1) + 1, (y + 1) * (rowLength + 1)), y * rowLength);
  }
  return pixels;
}

// Microsoft's schema is third-party data kept in ../shared: absent in a lone clone, so skipped with the reason.
const HAS_XSD = existsSync(XSD_PATH);
describe.skipIf(!HAS_XSD)(`manifest.xml against the Office XSD${HAS_XSD ? '' : ` [skipped: needs the schema at ${XSD_PATH} (../shared beside the clone)]`}`, () => {
  it('validates with xmllint', () => {
    const { status, output } = xmllint(MANIFEST_PATH);
    expect(output).toContain('validates');
    expect(status).toBe(0);
  });

  it('the same check rejects a manifest that breaks the schema', () => {
    const broken = path.join(scratch, 'broken.xml');
    writeFileSync(broken, manifestText.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>'));
    const { status, output } = xmllint(broken);
    expect(status).not.toBe(0);
    expect(output).toContain('Permissions');
  });
});

describe('manifest.xml content', () => {
  it('is a Word task pane add-in with a fixed GUID, ReadWriteDocument and WordApi 1.3', () => {
    expect(manifest.documentElement?.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type')).toBe('TaskPaneApp');
    expect(only(NS.app, 'Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const hosts = elements(NS.app, 'Host').map((host) => host.getAttribute('Name'));
    expect(hosts).toEqual(['Document']);
    expect(only(NS.app, 'Permissions').textContent).toBe('ReadWriteDocument');
    const sets = elements(NS.app, 'Set').map((set) => [set.getAttribute('Name'), set.getAttribute('MinVersion')]);
    expect(sets).toEqual([['WordApi', '1.3']]);
    const source = only(NS.app, 'SourceLocation');
    expect(source.getAttribute('DefaultValue')).toBe('https://localhost:3000/taskpane.html?office=1');
  });

  it('defaults to vi-VN with en-US overrides for name and description', () => {
    expect(only(NS.app, 'DefaultLocale').textContent).toBe('vi-VN');
    const displayName = only(NS.app, 'DisplayName');
    expect(displayName.getAttribute('DefaultValue')).toBe('AI Provenance – Soạn thảo có kiểm chứng');
    expect(overrides(displayName, NS.app).get('en-US')).toBe('AI Provenance – Verified drafting');
    const description = only(NS.app, 'Description');
    expect(description.getAttribute('DefaultValue')).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữự]/);
    expect(overrides(description, NS.app).get('en-US')).toMatch(/^Draft with AI/);
    for (const value of [displayName.getAttribute('DefaultValue')!, description.getAttribute('DefaultValue')!]) {
      expect(value).toBe(value.normalize('NFC'));
    }
  });

  it('opens the pane from a button on the Home tab, every label and tooltip translated', () => {
    const tab = only(NS.ov, 'OfficeTab');
    expect(tab.getAttribute('id')).toBe('TabHome');
    const action = only(NS.ov, 'Action');
    expect(action.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type')).toBe('ShowTaskpane');
    const urlId = action.getElementsByTagNameNS(NS.ov, 'SourceLocation')[0]?.getAttribute('resid');
    const url = elements(NS.bt, 'Url').find((candidate) => candidate.getAttribute('id') === urlId);
    expect(url?.getAttribute('DefaultValue')).toBe('https://localhost:3000/taskpane.html?office=1');

    const strings = elements(NS.bt, 'String');
    expect(strings.length).toBeGreaterThanOrEqual(4);
    for (const string of strings) {
      const id = string.getAttribute('id');
      expect(overrides(string, NS.bt).get('en-US'), `en-US override for ${id}`).toBeTruthy();
    }
    const stringIds = new Set(strings.map((string) => string.getAttribute('id')));
    const referenced = ['Label', 'Title', 'Description']
      .flatMap((name) => elements(NS.ov, name))
      .map((element) => element.getAttribute('resid'));
    for (const resid of referenced) expect(stringIds, `string resource ${resid}`).toContain(resid);

    const buttonLabelId = elements(NS.ov, 'Control')[0]?.getElementsByTagNameNS(NS.ov, 'Label')[0]?.getAttribute('resid');
    const buttonLabel = strings.find((string) => string.getAttribute('id') === buttonLabelId)!;
    // Ribbon buttons show about two short lines; long labels get cut.
    expect(buttonLabel.getAttribute('DefaultValue')!.length).toBeLessThanOrEqual(24);
    expect(overrides(buttonLabel, NS.bt).get('en-US')!.length).toBeLessThanOrEqual(24);
  });

  it('references icons that exist in assets/ with the pixel size they are declared at', () => {
    const imagesById = new Map(elements(NS.bt, 'Image').filter((image) => image.getAttribute('id')).map((image) => [image.getAttribute('id'), image.getAttribute('DefaultValue')]));
    const declared: Array<{ url: string; size: number }> = [
      { url: only(NS.app, 'IconUrl').getAttribute('DefaultValue')!, size: 32 },
      { url: only(NS.app, 'HighResolutionIconUrl').getAttribute('DefaultValue')!, size: 64 },
    ];
    for (const reference of elements(NS.bt, 'Image').filter((image) => image.getAttribute('resid'))) {
      const url = imagesById.get(reference.getAttribute('resid'));
      expect(url, `image resource ${reference.getAttribute('resid')}`).toBeTruthy();
      declared.push({ url: url!, size: Number(reference.getAttribute('size')) });
    }
    expect(new Set(declared.map((icon) => icon.size))).toEqual(new Set([16, 32, 64, 80]));
    for (const { url, size } of declared) {
      expect(url.startsWith(ASSET_URL_PREFIX), url).toBe(true);
      const file = path.join(ROOT, 'assets', url.slice(ASSET_URL_PREFIX.length));
      expect(existsSync(file), `${file} exists`).toBe(true);
      expect(pngSize(readFileSync(file)), url).toEqual({ width: size, height: size });
    }
  });
});

describe('assets/ icons', () => {
  it('are committed at 16, 32, 64, 80 and 128 px and match what scripts/make-icons.ts draws', () => {
    for (const size of ICON_SIZES) {
      const committed = readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`));
      expect(pngSize(committed)).toEqual({ width: size, height: size });
      // Compare pixels, not bytes: another zlib build may compress the same pixels differently.
      const drawn = renderIcon(size);
      expect(Buffer.from(decodeUnfilteredRgba(committed, size)).equals(Buffer.from(drawn)), `assets/icon-${size}.png is stale: run npx tsx scripts/make-icons.ts`).toBe(true);
      expect(pngSize(encodePng(size, drawn))).toEqual({ width: size, height: size });
    }
  });

  it('draw an opaque glyph on a transparent background with anti-aliased edges', () => {
    const pixels = renderIcon(32);
    const alphas = Array.from({ length: 32 * 32 }, (_, i) => pixels[i * 4 + 3]!);
    expect(alphas[0]).toBe(0); // top-left corner is background
    expect(alphas.filter((a) => a === 255).length).toBeGreaterThan(32 * 32 * 0.4);
    expect(alphas.some((a) => a > 0 && a < 255)).toBe(true);
  });
});
