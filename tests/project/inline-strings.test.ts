// Issue 13: every user-facing label goes through a catalog. A new `{ vi: '…', en: '…' }` literal (or a
// `lang === 'vi' ? '…' : '…'` choice between two sentences) outside the catalogs fails here; the pure
// layers take both languages with `bilingual(key, params)` from src/i18n.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { catalogs } from '../../src/i18n';

const ROOT = join(__dirname, '../..');

/** The catalogs: the only places where wording is written. */
const CATALOGS = [
  'src/i18n/vi.ts',
  'src/i18n/en.ts',
  'src/provenance/report/strings.ts',
  'src/logbook/strings.ts',
  'src/cli/messages.ts',
  'src/cli/help.ts',
];

/** True data, not wording of this app: names of real regulations and the topics a recogniser matches. */
const DATA = {
  'src/policy/profiles.ts': 'the built-in profiles: names and articles of real regulations (a custom profile brings its own)',
  'src/checks/recognisers/topics.ts': 'restricted topics: names and phrases the recogniser matches',
  'src/checks/recognisers/marks.ts': 'secrecy and circulation marks: one row per real stamp, its words beside its pattern',
  'src/ai/prompts.ts': 'the instructions sent to the model (Vietnamese in both languages but one), never shown as a label',
};

/**
 * Literals not moved yet, by file, with their count: the count may only go down. Each mixes per-language
 * sub-phrases (a conditional piece of a sentence in each language) and needs its own catalog keys.
 */
const NOT_YET: Record<string, number> = {
  'src/checks/registry/diagnose.ts': 3,
  'src/cli/commands/review.ts': 1,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const isText = (node: ts.Node | undefined): boolean =>
  !!node &&
  ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text.trim() !== '' : ts.isTemplateExpression(node));

const propName = (p: ts.ObjectLiteralElementLike): string | undefined =>
  p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;

/** Words, not a code or a locale: has a space or a letter outside ASCII. */
const isWording = (node: ts.Node): boolean =>
  (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) &&
  /\s|[^\x00-\x7f]/u.test(node.getText());

/** Inline wording in one file: `{ vi: 'x', en: 'y' }` and `lang === 'vi' ? 'x' : 'y'`, by line. */
export function inlineWording(text: string, fileName = 'file.ts'): number[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const lines: number[] = [];
  const at = (node: ts.Node) => lines.push(sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1);
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const byName = new Map(node.properties.map((p) => [propName(p), p] as const));
      const vi = byName.get('vi'), en = byName.get('en');
      if (vi && en && ts.isPropertyAssignment(vi) && ts.isPropertyAssignment(en) && (isText(vi.initializer) || isText(en.initializer))) at(node);
    }
    if (ts.isConditionalExpression(node) && ts.isBinaryExpression(node.condition) && /^['"](vi|en)['"]$/.test(node.condition.right.getText(sf))) {
      if (isWording(node.whenTrue) || isWording(node.whenFalse)) at(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return lines;
}

describe('no inline wording outside the catalogs', () => {
  it('finds the forms it looks for (the guard can fail)', () => {
    expect(inlineWording(`const a = { vi: 'Đã lưu', en: 'Saved' };`)).toEqual([1]);
    expect(inlineWording('const a = {\n  vi: `Còn ${n} mục`,\n  en: `${n} left`,\n};')).toEqual([1]);
    expect(inlineWording(`const s = lang === 'vi' ? 'Đã lưu' : 'Saved';`)).toEqual([1]);
    // Not wording: a locale, a key, an empty pair, values passed through.
    expect(inlineWording(`const l = lang === 'vi' ? 'vi-VN' : 'en-GB'; const e = { vi: '', en: '' }; const p = { vi: x.vi, en: y };`)).toEqual([]);
  });

  it('every {vi, en} literal with words is in a catalog or is data', () => {
    const found: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      const rel = relative(ROOT, file).split('\\').join('/');
      if (CATALOGS.includes(rel) || rel in DATA) continue;
      const lines = inlineWording(readFileSync(file, 'utf8'), file);
      const allowed = NOT_YET[rel] ?? 0;
      if (lines.length > allowed) found.push(`${rel}: lines ${lines.join(', ')} (allowed ${allowed}) — move the wording into src/i18n/{vi,en}.ts and use bilingual(key, params)`);
      if (lines.length < allowed) found.push(`${rel}: ${lines.length} left, lower NOT_YET to ${lines.length}`);
    }
    expect(found).toEqual([]);
  });
});

describe('every catalog key in both languages', () => {
  it('src/i18n: the same keys, each non-empty, in vi and en', () => {
    expect(Object.keys(catalogs.en).sort()).toEqual(Object.keys(catalogs.vi).sort());
    for (const [key, text] of Object.entries(catalogs.vi)) {
      expect(text.trim(), key).not.toBe('');
      expect((catalogs.en as Record<string, string>)[key]?.trim(), key).toBeTruthy();
    }
  });

  it('the report, logbook and CLI catalogs: every {vi, en} entry has both, non-empty', () => {
    for (const rel of ['src/provenance/report/strings.ts', 'src/logbook/strings.ts', 'src/cli/help.ts']) {
      const sf = ts.createSourceFile(rel, readFileSync(join(ROOT, rel), 'utf8'), ts.ScriptTarget.Latest, true);
      const missing: string[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isObjectLiteralExpression(node)) {
          const names = node.properties.map(propName);
          const vi = node.properties.find((p) => propName(p) === 'vi');
          const en = node.properties.find((p) => propName(p) === 'en');
          if ((vi || en) && names.length <= 3) {
            const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
            if (!vi || !en) missing.push(`${rel}:${line} has only ${vi ? 'vi' : 'en'}`);
            else if (ts.isPropertyAssignment(vi) && ts.isPropertyAssignment(en) && isText(vi.initializer) !== isText(en.initializer)) missing.push(`${rel}:${line} empty in one language`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
      expect(missing).toEqual([]);
    }
  });
});
