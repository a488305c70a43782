/** The record (a custom XML part found by its root namespace) and custom document properties. */
import { validateRecordXml } from '../record-xml';
import { REL } from './package';
import type { DocxPackage } from './package';
import { NS, childrenNamed, elementChildren, parseXml } from './xml';
import type { Document } from './xml';

const CUSTOM_XML_PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';
const CUSTOM_PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_PROPS_PART = 'docProps/custom.xml';
/** The format id Word gives every user-defined custom property. */
const USER_DEFINED_FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** Custom XML data parts (customXml/item*.xml, not their itemProps), in package order. */
function customXmlItems(pkg: DocxPackage): string[] {
  return pkg.partNames().filter((name) => /^customXml\/[^/]+\.xml$/i.test(name) && !/^customXml\/itemProps/i.test(name));
}

/**
 * The custom XML part whose root element's namespace is `namespace` or starts with it (so a caller can
 * find its record whatever major version wrote it) — never chosen by its name or item id.
 */
export function findRecordPart(pkg: DocxPackage, namespace: string): string | null {
  for (const name of customXmlItems(pkg)) {
    // issue 16 — gate: the root's namespace is read from its start tag, without parsing the part, so
    // an oversized record is refused by its reader (decodeRecord) before any DOM is built.
    if (rootNamespaceOf(pkg.bytes(name))?.startsWith(namespace)) return name;
  }
  return null;
}

/** The namespace of the root element as its start tag declares it (`xmlns` or `xmlns:prefix`), or null. */
export function rootNamespaceOf(bytes: Uint8Array): string | null {
  const head = new TextDecoder().decode(bytes.subarray(0, 64 * 1024));
  let at = head.indexOf('<');
  while (at !== -1 && (head[at + 1] === '?' || head[at + 1] === '!')) {
    const close = head.startsWith('<!--', at) ? head.indexOf('-->', at) : head.indexOf('>', at);
    at = close === -1 ? -1 : head.indexOf('<', close);
  }
  if (at === -1) return null;
  const end = head.indexOf('>', at);
  if (end === -1) return null;
  const tag = /^<([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*/u.exec(head.slice(at, end));
  if (!tag) return null;
  const prefix = tag[1] ? `:${tag[1].slice(0, -1)}` : '';
  const declared = new RegExp(`\\sxmlns${prefix.replace(/[.-]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`, '').exec(head.slice(at, end));
  return declared ? (declared[2] ?? declared[3] ?? '') : null;
}

export function readRecord(pkg: DocxPackage, namespace: string): string | null {
  const part = findRecordPart(pkg, namespace);
  return part ? new TextDecoder().decode(pkg.bytes(part)).replace(/^\uFEFF/, '') : null;
}

export function writeRecord(pkg: DocxPackage, namespace: string, xml: string): void {
  const rootNamespace = validateRecordXml(namespace, xml);
  const text = xml.trimStart().startsWith('<?xml') ? xml : XML_DECLARATION + xml;
  const bytes = new TextEncoder().encode(text);
  const existing = findRecordPart(pkg, namespace);
  if (existing) {
    pkg.setBytes(existing, bytes);
    return;
  }
  let n = 1;
  while (pkg.has(`customXml/item${n}.xml`) || pkg.has(`customXml/itemProps${n}.xml`)) n++;
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  pkg.setBytes(item, bytes);
  const guid = `{${globalThis.crypto.randomUUID().toUpperCase()}}`;
  pkg.setXml(
    props,
    parseXml(
      `${XML_DECLARATION}<ds:datastoreItem ds:itemID="${guid}" xmlns:ds="${NS.ds}"><ds:schemaRefs><ds:schemaRef ds:uri="${escapeAttr(rootNamespace)}"/></ds:schemaRefs></ds:datastoreItem>`,
      props,
    ),
  );
  pkg.addRelationship(item, REL.customXmlProps, props);
  pkg.addRelationship(pkg.mainDocumentPath, REL.customXml, item);
  pkg.ensureOverride(props, CUSTOM_XML_PROPS_TYPE);
  if (!pkg.contentType(item)) pkg.ensureOverride(item, 'application/xml');
}

function customPropsPart(pkg: DocxPackage): string | null {
  const rel = pkg.relationships('').find((r) => r.type === REL.customProperties && r.targetPart && pkg.has(r.targetPart));
  return rel?.targetPart ?? null;
}

export function readProperties(pkg: DocxPackage): Record<string, string> {
  const part = customPropsPart(pkg);
  const out: Record<string, string> = {};
  if (!part) return out;
  for (const prop of childrenNamed(pkg.xml(part).documentElement!, NS.customProps, 'property')) {
    const name = prop.getAttribute('name');
    if (name) out[name] = elementChildren(prop)[0]?.textContent ?? '';
  }
  return out;
}

export function writeProperties(pkg: DocxPackage, props: Record<string, string>): void {
  let part = customPropsPart(pkg);
  let doc: Document;
  if (part) {
    doc = pkg.xml(part);
  } else {
    part = CUSTOM_PROPS_PART;
    doc = parseXml(`${XML_DECLARATION}<Properties xmlns="${NS.customProps}" xmlns:vt="${NS.vt}"/>`, part);
    pkg.setXml(part, doc);
    pkg.addRelationship('', REL.customProperties, part);
    pkg.ensureOverride(part, CUSTOM_PROPS_TYPE);
  }
  const root = doc.documentElement!;
  const existing = childrenNamed(root, NS.customProps, 'property');
  let nextPid = Math.max(1, ...existing.map((p) => Number(p.getAttribute('pid')) || 0)) + 1;
  const vtPrefix = root.lookupPrefix(NS.vt) ?? 'vt';
  if (!root.lookupPrefix(NS.vt)) root.setAttributeNS(NS.xmlns, 'xmlns:vt', NS.vt);
  for (const [name, value] of Object.entries(props)) {
    // Word treats property names without regard to case; so do we, to never write a twin.
    let prop = existing.find((p) => p.getAttribute('name')?.toLowerCase() === name.toLowerCase());
    if (!prop) {
      prop = doc.createElementNS(NS.customProps, root.prefix ? `${root.prefix}:property` : 'property');
      prop.setAttribute('fmtid', USER_DEFINED_FMTID);
      prop.setAttribute('pid', String(nextPid++));
      prop.setAttribute('name', name);
      root.appendChild(prop);
      existing.push(prop);
    }
    while (prop.firstChild) prop.removeChild(prop.firstChild);
    const valueEl = doc.createElementNS(NS.vt, `${vtPrefix}:lpwstr`);
    valueEl.appendChild(doc.createTextNode(value));
    prop.appendChild(valueEl);
  }
  pkg.touch(part);
}
