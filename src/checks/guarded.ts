// A global regular expression that starts with a negative lookbehind (`(?<![\p{L}\d])…`) defeats
// V8's fast search for the pattern's first characters: every position of the text runs the
// lookbehind first (a 1 MB text took 30 ms for one such pattern, 2 ms without it). A guarded scan
// finds the body with the fast search and tests the lookbehind, sticky, only where the body matched;
// on a refusal it resumes one code point later — the same positions the original regex would try,
// so it returns exactly the original matches.

export interface Scan {
  /** Where the next `exec` starts, as for a global RegExp. */
  lastIndex: number;
  exec(text: string): RegExpExecArray | null;
}

/** Every pattern guarded so far (the equivalence test replays each against its original). */
export const GUARDED: RegExp[] = [];

/**
 * Calls `visit(char, depth)` for each character of `source` from `from` that is regex syntax:
 * escapes and the insides of character classes are skipped; `depth` counts the groups open before it.
 * Stops when `visit` returns true, and returns that index (-1 when it never does).
 */
function findSyntax(source: string, from: number, visit: (c: string, depth: number) => boolean): number {
  let depth = 0;
  let inClass = false;
  for (let i = from; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (visit(c, depth)) return i;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
  }
  return -1;
}

/** Index of the parenthesis closing the group that opens at `open`. */
function closingParen(source: string, open: number): number {
  return findSyntax(source, open, (c, depth) => c === ')' && depth === 1);
}

/** True when `source` has a `|` outside every group and class (the lookbehind would not cover it). */
function hasTopLevelAlternation(source: string): boolean {
  return findSyntax(source, 0, (c, depth) => c === '|' && depth === 0) !== -1;
}

/**
 * A lookbehind over one character class (`[\p{L}\d.,/-]`, `\p{L}`): the refusing code units, tested
 * once each and remembered (0 = unknown, 1 = refuses, 2 = allows); shared by guards of one class.
 */
const classTables = new Map<string, { test: RegExp; table: Uint8Array }>();
function classTable(inner: string, flags: string): { test: RegExp; table: Uint8Array } | undefined {
  const single = /^\[(?:[^\\\]\[]|\\.)*\]$|^\\p\{\w+\}$|^\\d$/u.test(inner);
  if (!single) return undefined;
  const key = `${inner}/${flags}`;
  let t = classTables.get(key);
  if (!t) {
    t = { test: new RegExp(`^${inner}$`, flags.replace(/[gy]/gu, '')), table: new Uint8Array(0x10000) };
    classTables.set(key, t);
  }
  return t;
}

/** The guarded form of a global `re` whose source begins with `(?<!…)`; throws on any other shape. */
export function guarded(re: RegExp): Scan {
  const source = re.source;
  const close = source.startsWith('(?<!') ? closingParen(source, 0) : -1;
  if (close === -1 || !re.global) throw new Error(`guarded: expected a global pattern starting with (?<!…): /${source}/`);
  const bodySource = source.slice(close + 1);
  if (hasTopLevelAlternation(bodySource)) throw new Error(`guarded: a top-level | escapes the lookbehind: /${source}/`);
  const body = new RegExp(bodySource, re.flags);
  const guard = new RegExp(source.slice(0, close + 1), re.flags.replace('g', '') + 'y');
  const cls = classTable(source.slice(4, close), re.flags);
  GUARDED.push(re);
  /** True when the lookbehind refuses position `p` (the code point before `p` is in its class). */
  const refused = (text: string, p: number): boolean => {
    if (p === 0) return false;
    const u = text.charCodeAt(p - 1);
    if (cls && (u < 0xd800 || u > 0xdfff)) {
      let v = cls.table[u] as number;
      if (v === 0) {
        v = cls.test.test(String.fromCharCode(u)) ? 1 : 2;
        cls.table[u] = v;
      }
      return v === 1;
    }
    guard.lastIndex = p;
    return !guard.test(text);
  };
  return {
    lastIndex: 0,
    exec(text: string): RegExpExecArray | null {
      let from = this.lastIndex;
      for (;;) {
        body.lastIndex = from;
        const m = body.exec(text);
        if (!m) {
          this.lastIndex = 0;
          return null;
        }
        if (!refused(text, m.index)) {
          this.lastIndex = body.lastIndex;
          return m;
        }
        // Resume one code point later, past the positions the lookbehind refuses as well (the
        // original regex would fail there too): "2023" after "13/" is four refusals, one search.
        const c = text.charCodeAt(m.index);
        from = m.index + (re.unicode && c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(m.index + 1) & 0xfc00) === 0xdc00 ? 2 : 1);
        while (from < text.length && (text.charCodeAt(from) & 0xf800) !== 0xd800 && refused(text, from)) from++;
      }
    },
  };
}
