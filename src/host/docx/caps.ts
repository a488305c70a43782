// issue 16 — gate: text shown in capitals through styles. `w:caps`/`w:smallCaps` may come from the
// run's own properties, its character style, its paragraph's style (each through its `basedOn`
// chain) or the document defaults; the nearest one that says anything decides. The gate reads the
// text as displayed, so "tối mật" in a style with caps is read as TỐI MẬT.
import type { DocxPackage } from './package';
import { NS, childNamed, childrenNamed, wAttr } from './xml';
import type { Element } from './xml';

const STYLES_PART = 'word/styles.xml';

/** true/false when these run properties turn capitals on or off; undefined when they say nothing. */
export function capsIn(rPr: Element | undefined): boolean | undefined {
  if (!rPr) return undefined;
  let said: boolean | undefined;
  for (const name of ['caps', 'smallCaps']) {
    const el = childNamed(rPr, NS.w, name);
    if (!el) continue;
    const on = !['false', '0', 'off'].includes(wAttr(el, 'val') ?? 'true');
    said = (said ?? false) || on;
  }
  return said;
}

export interface CapsStyles {
  /** Caps of a style id through its basedOn chain; undefined when no style in it says anything. */
  style(id: string | null | undefined): boolean | undefined;
  /** Caps of the document defaults (w:docDefaults/w:rPrDefault). */
  readonly defaults: boolean | undefined;
}

export const NO_STYLES: CapsStyles = { style: () => undefined, defaults: undefined };

/** Reads word/styles.xml once; an absent or unreadable styles part says nothing. */
export function capsStyles(pkg: DocxPackage): CapsStyles {
  if (!pkg.has(STYLES_PART)) return NO_STYLES;
  const root = pkg.xml(STYLES_PART).documentElement;
  if (!root) return NO_STYLES;
  const own = new Map<string, { caps: boolean | undefined; basedOn: string | null }>();
  for (const style of childrenNamed(root, NS.w, 'style')) {
    const id = wAttr(style, 'styleId');
    if (!id) continue;
    const basedOn = childNamed(style, NS.w, 'basedOn');
    own.set(id, { caps: capsIn(childNamed(style, NS.w, 'rPr')), basedOn: basedOn ? wAttr(basedOn, 'val') : null });
  }
  const resolved = new Map<string, boolean | undefined>();
  const docDefaults = childNamed(root, NS.w, 'docDefaults');
  const rPrDefault = docDefaults ? childNamed(docDefaults, NS.w, 'rPrDefault') : undefined;
  return {
    defaults: capsIn(rPrDefault ? childNamed(rPrDefault, NS.w, 'rPr') : undefined),
    style(id) {
      if (!id) return undefined;
      if (resolved.has(id)) return resolved.get(id);
      // Iterative, with a guard against basedOn cycles.
      const seen = new Set<string>();
      let current: string | null = id;
      let caps: boolean | undefined;
      while (current && !seen.has(current) && caps === undefined) {
        seen.add(current);
        const entry = own.get(current);
        if (!entry) break;
        caps = entry.caps;
        current = entry.basedOn;
      }
      resolved.set(id, caps);
      return caps;
    },
  };
}
