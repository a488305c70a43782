/**
 * An OPC package (.docx) held in memory: guarded opening, parts by name, relationships, content
 * types, and saving that re-serialises only the parts that were changed.
 */
import { docxErrors } from './errors';
import { DEFAULT_ZIP_LIMITS, inflateEntry, makeEntry, readZipDirectory, writeZip } from './zip';
import type { ZipEntry, ZipLimits } from './zip';
import { parseLiteXml } from './lite-xml';
import { NS, childrenNamed, parseScreenedXml, parseXml, refuseDoctype, screenXml, serializeXml } from './xml';
import type { Document, Element } from './xml';

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  header: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header',
  footer: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer',
  footnotes: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes',
  endnotes: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  customXml: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml',
  customXmlProps: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps',
  customProperties: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties',
} as const;

export interface Relationship {
  id: string;
  type: string;
  /** The target as written in the .rels part. */
  rawTarget: string;
  /** The resolved part name (no leading slash), or null for external targets. */
  targetPart: string | null;
}

export interface OpenDocxOptions {
  limits?: Partial<ZipLimits>;
  /**
   * issue 14 — performance: the package will only be read (check, inspect, scan, logbook). Parts are
   * then parsed into a light read-only tree (lite-xml.ts; @xmldom/xmldom for what it declines), and
   * every change is refused. Same screening, same text; nothing can be saved from it.
   */
  readOnly?: boolean;
}

interface PartSlot {
  name: string;
  entry: ZipEntry | null;
  bytes: Uint8Array | null;
  doc: Document | null;
  modified: boolean;
  /** The part's text as decoded for the DOCTYPE screen on opening, kept until it is parsed (decoded once). */
  text?: string;
}

/** Resolves a relationship target against the folder of its source part (OPC part names). */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  const segments = [...base];
  for (const segment of target.replace(/^\/+/, '').split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.map((s) => decodeURIComponentSafe(s)).join('/');
}

function decodeURIComponentSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The .rels part that holds the relationships of `sourcePart` ('' is the package itself). */
export function relsPartFor(sourcePart: string): string {
  if (sourcePart === '') return '_rels/.rels';
  const slash = sourcePart.lastIndexOf('/');
  return `${sourcePart.slice(0, slash + 1)}_rels/${sourcePart.slice(slash + 1)}.rels`;
}

/** A relative target from `sourcePart`'s folder to `targetPart`, as Word writes them. */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = sourcePart.split('/').slice(0, -1);
  const to = targetPart.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

export class DocxPackage {
  /** The main document part, found through the package's officeDocument relationship. */
  readonly mainDocumentPath: string;
  private readonly slots = new Map<string, PartSlot>();
  private readonly order: string[] = [];

  /** True when opened with `readOnly`: parts are light trees and changes are refused. */
  readonly readOnly: boolean;

  /** Use `openDocx`. */
  constructor(entries: ZipEntry[], options: { readOnly?: boolean } = {}) {
    this.readOnly = options.readOnly ?? false;
    for (const entry of entries) {
      const key = entry.name.toLowerCase();
      this.slots.set(key, { name: entry.name, entry, bytes: null, doc: null, modified: false });
      this.order.push(key);
    }
    if (!this.has('[Content_Types].xml')) throw docxErrors.missingPart('[Content_Types].xml', '[Content_Types].xml');
    this.xml('[Content_Types].xml');
    if (!this.has('_rels/.rels')) throw docxErrors.missingPart('_rels/.rels', '_rels/.rels');
    const main = this.relationships('').find((r) => r.type === REL.officeDocument && r.targetPart);
    if (!main?.targetPart) throw docxErrors.missingPart('officeDocument relationship in _rels/.rels', '_rels/.rels');
    if (!this.has(main.targetPart)) throw docxErrors.missingPart(`main document ${main.targetPart}`, main.targetPart);
    this.mainDocumentPath = this.slot(main.targetPart)!.name;
    const root = this.xml(this.mainDocumentPath).documentElement;
    if (!root || root.namespaceURI !== NS.w || root.localName !== 'document') {
      throw docxErrors.missingPart(`WordprocessingML document (w:document) in ${this.mainDocumentPath}`, this.mainDocumentPath);
    }
    // Every XML part is inflated (CRC-checked) and screened now, so a hostile or damaged part is
    // reported when the file is opened, not later when some feature happens to read it.
    for (const key of this.order) {
      const slot = this.slots.get(key)!;
      if (/\.(xml|rels)$/i.test(slot.name) && !slot.doc) slot.text = refuseDoctype(this.bytes(slot.name), slot.name);
    }
  }

  private slot(name: string): PartSlot | undefined {
    return this.slots.get(name.replace(/^\/+/, '').toLowerCase());
  }

  /** Part names in package order (directory entries included as they were in the zip). */
  partNames(): string[] {
    return this.order.map((key) => this.slots.get(key)!.name);
  }

  has(name: string): boolean {
    const slot = this.slot(name);
    return !!slot && !slot.name.endsWith('/');
  }

  /** The part's current bytes (decompressed; serialised again if its XML was changed). */
  bytes(name: string): Uint8Array {
    const slot = this.slot(name);
    if (!slot) throw docxErrors.missingPart(name, name);
    if (slot.modified && slot.doc) return serializeXml(slot.doc);
    if (!slot.bytes) slot.bytes = inflateEntry(slot.entry!);
    return slot.bytes;
  }

  /** The part parsed as XML; the same Document is returned each time, so edits accumulate. */
  xml(name: string): Document {
    const slot = this.slot(name);
    if (!slot) throw docxErrors.missingPart(name, name);
    if (!slot.doc) slot.doc = this.parse(slot.name);
    return slot.doc;
  }

  private parse(name: string): Document {
    const slot = this.slot(name)!;
    const input = slot.text ?? this.bytes(name);
    slot.text = undefined;
    if (!this.readOnly) return parseXml(input, name);
    const text = screenXml(input, name);
    // The light tree answers the same reads as the DOM (tests/host/docx-lite.test.ts); cast at this one place.
    return (parseLiteXml(text) as unknown as Document | undefined) ?? parseScreenedXml(text, name);
  }

  private refuseChange(): void {
    if (this.readOnly) throw new Error('This package was opened read-only (openDocx readOnly): it cannot be changed');
  }

  /** Declares that the XML returned by `xml(name)` was edited and must be written back. */
  touch(name: string): void {
    const slot = this.slot(name);
    this.refuseChange();
    if (!slot?.doc) throw new Error(`touch(${name}) without a parsed document`);
    slot.modified = true;
  }

  /** Replaces a part's bytes, creating the part (at the end of the package) if it is new. */
  setBytes(name: string, bytes: Uint8Array): void {
    this.refuseChange();
    const existing = this.slot(name);
    if (existing) {
      Object.assign(existing, { bytes, doc: null, modified: true, text: undefined });
      return;
    }
    const key = name.toLowerCase();
    this.slots.set(key, { name, entry: null, bytes, doc: null, modified: true });
    this.order.push(key);
  }

  /** Creates or replaces a part from an XML document. */
  setXml(name: string, doc: Document): void {
    this.setBytes(name, new Uint8Array(0));
    const slot = this.slot(name)!;
    slot.doc = doc;
    slot.bytes = null;
  }

  /** Names of parts changed or created since opening. */
  modifiedParts(): string[] {
    return this.order.map((k) => this.slots.get(k)!).filter((s) => s.modified).map((s) => s.name);
  }

  relationships(sourcePart: string): Relationship[] {
    const relsName = relsPartFor(sourcePart);
    if (!this.has(relsName)) return [];
    return childrenNamed(this.xml(relsName).documentElement!, NS.rels, 'Relationship').map((el) => {
      const rawTarget = el.getAttribute('Target') ?? '';
      const external = el.getAttribute('TargetMode') === 'External';
      return {
        id: el.getAttribute('Id') ?? '',
        type: el.getAttribute('Type') ?? '',
        rawTarget,
        targetPart: external ? null : resolveTarget(sourcePart, rawTarget),
      };
    });
  }

  /** Adds a relationship (creating the .rels part if needed) and returns its new id. */
  addRelationship(sourcePart: string, type: string, targetPart: string): string {
    const relsName = relsPartFor(sourcePart);
    if (!this.has(relsName)) {
      this.setXml(relsName, parseXml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="${NS.rels}"/>`, relsName));
      this.ensureDefault('rels', 'application/vnd.openxmlformats-package.relationships+xml');
    }
    const doc = this.xml(relsName);
    const root = doc.documentElement!;
    const ids = new Set(childrenNamed(root, NS.rels, 'Relationship').map((el) => el.getAttribute('Id')));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const rel = doc.createElementNS(NS.rels, 'Relationship');
    rel.setAttribute('Id', `rId${n}`);
    rel.setAttribute('Type', type);
    rel.setAttribute('Target', sourcePart === '' ? targetPart : relativeTarget(sourcePart, targetPart));
    root.appendChild(rel);
    this.touch(relsName);
    return `rId${n}`;
  }

  /** The content type of a part: its Override, else the Default for its extension. */
  contentType(partName: string): string | null {
    const root = this.xml('[Content_Types].xml').documentElement!;
    const wanted = `/${partName.replace(/^\/+/, '')}`.toLowerCase();
    for (const el of childrenNamed(root, NS.contentTypes, 'Override')) {
      if ((el.getAttribute('PartName') ?? '').toLowerCase() === wanted) return el.getAttribute('ContentType');
    }
    const ext = partName.split('.').pop()!.toLowerCase();
    for (const el of childrenNamed(root, NS.contentTypes, 'Default')) {
      if ((el.getAttribute('Extension') ?? '').toLowerCase() === ext) return el.getAttribute('ContentType');
    }
    return null;
  }

  ensureOverride(partName: string, contentType: string): void {
    const doc = this.xml('[Content_Types].xml');
    const root = doc.documentElement!;
    const wanted = `/${partName.replace(/^\/+/, '')}`;
    if (childrenNamed(root, NS.contentTypes, 'Override').some((el) => el.getAttribute('PartName')?.toLowerCase() === wanted.toLowerCase())) return;
    const el = doc.createElementNS(NS.contentTypes, 'Override');
    el.setAttribute('PartName', wanted);
    el.setAttribute('ContentType', contentType);
    root.appendChild(el);
    this.touch('[Content_Types].xml');
  }

  ensureDefault(extension: string, contentType: string): void {
    const doc = this.xml('[Content_Types].xml');
    const root = doc.documentElement!;
    if (childrenNamed(root, NS.contentTypes, 'Default').some((el) => el.getAttribute('Extension')?.toLowerCase() === extension)) return;
    const el = doc.createElementNS(NS.contentTypes, 'Default');
    el.setAttribute('Extension', extension);
    el.setAttribute('ContentType', contentType);
    const firstOverride = childrenNamed(root, NS.contentTypes, 'Override')[0];
    root.insertBefore(el, firstOverride ?? null);
    this.touch('[Content_Types].xml');
  }

  /** Zips the package: untouched entries keep their original compressed bytes. */
  save(): Uint8Array {
    this.refuseChange();
    const entries: ZipEntry[] = this.order.map((key) => {
      const slot = this.slots.get(key)!;
      if (!slot.modified && slot.entry) return slot.entry;
      const entry = makeEntry(slot.name, this.bytes(slot.name));
      if (slot.entry) {
        entry.nameBytes = slot.entry.nameBytes;
        entry.flags = slot.entry.flags & 0x0800;
      }
      return entry;
    });
    return writeZip(entries);
  }
}

/**
 * Opens a .docx from bytes. Throws `DocxError` (not-zip, corrupt-zip, missing-part, invalid-xml,
 * too-large, entity-refused). Nothing beyond the declared limits is ever inflated.
 */
export function openDocx(bytes: Uint8Array, options: OpenDocxOptions = {}): DocxPackage {
  const limits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  return new DocxPackage(readZipDirectory(bytes, limits), { readOnly: options.readOnly });
}

export type { Element };
