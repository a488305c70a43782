/**
 * The record: one custom XML part found by the namespace of its root element (exactly, or by a
 * prefix such as `urn:aiprov:provenance:`), never by part id (ONLYOFFICE and some save paths
 * renumber ids).
 *
 * Two ways to reach it: the Word API (WordApi 1.4: `document.customXmlParts`, batched with
 * `context.sync()`), or, on Word without WordApi 1.4 (Word 2016/2019 perpetual, older Mac builds),
 * the Office common API (`Office.context.document.customXmlParts.*Async`), which needs no sync.
 */
import type { OfficeLike } from './types';


/**
 * The record part is the first part whose root namespace is `namespace` or starts with it (so a
 * prefix such as `urn:aiprov:provenance:` finds any major version, as the .docx host does), plus the
 * other parts in exactly that part's namespace (duplicates). One sync: list every part's namespace.
 */
async function findRecordParts(context: Word.RequestContext, namespace: string): Promise<Word.CustomXmlPart[]> {
  const parts = context.document.customXmlParts.load('items/namespaceUri,items/id');
  await context.sync();
  return pickRecordParts(parts.items, namespace);
}

/** The record part among `parts` (in document order), then the duplicates in its exact namespace. */
export function pickRecordParts<P extends { namespaceUri: string }>(parts: P[], namespace: string): P[] {
  const first = parts.find((part) => part.namespaceUri.startsWith(namespace));
  if (!first) return [];
  return [first, ...parts.filter((part) => part !== first && part.namespaceUri === first.namespaceUri)];
}

/** Word API path, 2 syncs: find the parts, then read (or write) them. */
export async function readRecordBatched(context: Word.RequestContext, namespace: string): Promise<string | null> {
  const [first] = await findRecordParts(context, namespace);
  if (!first) return null;
  const xml = first.getXml();
  await context.sync();
  return stripBom(xml.value);
}

/**
 * setXml on the existing part keeps its id; duplicates (other parts in the replaced part's exact
 * namespace, e.g. after a copy-paste between documents) are deleted in the same sync so the record
 * stays single. Parts of another major version are left alone.
 */
export async function writeRecordBatched(context: Word.RequestContext, namespace: string, xml: string): Promise<void> {
  const [first, ...duplicates] = await findRecordParts(context, namespace);
  if (first) first.setXml(xml);
  else context.document.customXmlParts.add(xml);
  for (const part of duplicates) part.delete();
  await context.sync();
}

type AsyncResultLike<T> = { status: string; value: T; error?: { code: number; name: string; message: string } };

/** Turns an Office common API call into a promise; a failed AsyncResult rejects with its Office.Error. */
function call<T>(start: (callback: (result: AsyncResultLike<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    start((result) => {
      if (result.status === 'succeeded') resolve(result.value);
      else reject(result.error ?? new Error('Office request failed'));
    });
  });
}

/** The highest major version tried when the common API is given a namespace prefix. */
const MAX_PROBED_MAJOR = 9;

/**
 * The common API finds parts only by exact namespace and cannot list them all. So a prefix (a
 * namespace ending in ':', e.g. `urn:aiprov:provenance:`) is tried as `${prefix}1` … `${prefix}9`
 * in parallel and the lowest major version found wins; any other namespace is used exactly.
 * Returns every part in the chosen namespace (more than one after a copy-paste).
 */
async function findRecordPartsCommon(office: OfficeLike, namespace: string): Promise<Office.CustomXmlPart[]> {
  const store = office.context.document.customXmlParts;
  const candidates = namespace.endsWith(':') ? Array.from({ length: MAX_PROBED_MAJOR }, (_, i) => `${namespace}${i + 1}`) : [namespace];
  const found = await Promise.all(candidates.map((candidate) => call<Office.CustomXmlPart[]>((cb) => store.getByNamespaceAsync(candidate, cb as never))));
  return found.find((parts) => parts.length > 0) ?? [];
}

export async function readRecordCommon(office: OfficeLike, namespace: string): Promise<string | null> {
  const [first] = await findRecordPartsCommon(office, namespace);
  if (!first) return null;
  return stripBom(await call<string>((cb) => first.getXmlAsync(cb as never)));
}

/**
 * The common API has no setXml: the new part is added first and the old ones deleted after, so a
 * failure to add leaves the previous record intact. If deleting an old part fails, the new one is
 * deleted again (best effort) so the reader does not find two records.
 */
export async function writeRecordCommon(office: OfficeLike, namespace: string, xml: string): Promise<void> {
  const store = office.context.document.customXmlParts;
  const old = await findRecordPartsCommon(office, namespace);
  const added = await call<Office.CustomXmlPart>((cb) => store.addAsync(xml, cb as never));
  try {
    for (const part of old) await call<void>((cb) => part.deleteAsync(cb as never));
  } catch (error) {
    await call<void>((cb) => added.deleteAsync(cb as never)).catch(() => undefined);
    throw error;
  }
}

export function stripBom(text: string): string {
  return text.replace(/^\uFEFF/, '');
}
