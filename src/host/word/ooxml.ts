/**
 * Text boxes (and shapes with text) as Word's `getOoxml()` reports them. Word's paragraph and search
 * APIs do not see inside shapes, so a "TỐI MẬT" stamp drawn in a text box is only visible here.
 *
 * `getOoxml()` returns a flat-OPC document: a `pkg:package` whose `pkg:part` elements each hold one
 * package part inline (`pkg:xmlData`). The story walker of the .docx adapter reads the parts, so the
 * text comes out exactly as it does for a .docx file (one branch of mc:AlternateContent, so a text
 * box with a VML fallback is read once; field results, not codes).
 */
import { readStory } from '../docx/text';
import { NS, childNamed, elementChildren, parseXml } from '../docx/xml';
import type { Element } from '../docx/xml';

const PKG_NS = 'http://schemas.microsoft.com/office/2006/xmlPackage';

/** The paragraphs of each text box in a flat-OPC package, in reading order, nested boxes after their host. */
export function textboxesInFlatOpc(flatOpc: string, partName = 'getOoxml'): string[][] {
  if (!flatOpc.trim()) return [];
  const doc = parseXml(flatOpc, partName);
  const root = doc.documentElement;
  if (!root) return [];
  // A plain WordprocessingML document is accepted too (some hosts return one).
  const stories: Element[] = [];
  const consider = (el: Element) => {
    if (el.namespaceURI !== NS.w) return;
    if (el.localName === 'document') {
      const body = childNamed(el, NS.w, 'body');
      if (body) stories.push(body);
    } else if (el.localName === 'hdr' || el.localName === 'ftr') {
      stories.push(el);
    }
  };
  if (root.namespaceURI === PKG_NS) {
    for (const part of elementChildren(root)) {
      if (part.namespaceURI !== PKG_NS || part.localName !== 'part') continue;
      const data = childNamed(part, PKG_NS, 'xmlData');
      const content = data && elementChildren(data)[0];
      if (content) consider(content);
    }
  } else {
    consider(root);
  }
  const boxes: string[][] = [];
  for (const story of stories) {
    const queue = [...readStory(story).textboxes];
    while (queue.length) {
      const box = queue.shift()!;
      const inner = readStory(box);
      boxes.push(inner.paragraphs.map((p) => p.text));
      queue.push(...inner.textboxes);
    }
  }
  return boxes;
}
