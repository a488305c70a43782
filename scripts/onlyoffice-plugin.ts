/**
 * issue 12 — ONLYOFFICE: checks the plugin folder the build made (dist/onlyoffice/) against what
 * the editor reads from it, and packs it as a `.plugin` (a zip of the folder's contents, as the
 * Desktop Editors' plugin manager installs it). Used by scripts/pack-onlyoffice.ts and the tests.
 *
 * config.json fields as documented on api.onlyoffice.com ("Plugins" › configuration): guid of the
 * form asc.{UUID}, name and nameLocale, variations[] with url, icons (the %theme-type%/%scale%
 * pattern), EditorsSupport, type (panelRight), initDataType; translations/langs.json (7.2+).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';

export const PLUGIN_ICON_SCALES = ['', '@1.25x', '@1.5x', '@1.75x', '@2x'];
const GUID = /^asc\.\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/;

/** Every file under `dir`, by its path inside the folder ("/" separators). */
export function readFolder(dir: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const visit = (at: string) => {
    for (const entry of readdirSync(at)) {
      const full = path.join(at, entry);
      if (statSync(full).isDirectory()) visit(full);
      else files[path.relative(dir, full).split(path.sep).join('/')] = new Uint8Array(readFileSync(full));
    }
  };
  visit(dir);
  return files;
}

/** The icon files a variation's `icons` pattern names (light and dark, every scale, png). */
export function iconPaths(pattern: string): string[] {
  const themes = /%theme-type%\(([^)]*)\)/.exec(pattern)?.[1]?.split('|') ?? [''];
  return themes.flatMap((theme) =>
    PLUGIN_ICON_SCALES.map((scale) =>
      pattern
        .replace(/%theme-type%\([^)]*\)/, theme)
        .replace(/%scale%\([^)]*\)/, scale)
        .replace(/%extension%\(([^)|]*)[^)]*\)/, '$1'),
    ),
  );
}

/** What is wrong with the folder (empty when nothing is). */
export function pluginProblems(files: Record<string, Uint8Array>): string[] {
  const problems: string[] = [];
  const text = (name: string) => (files[name] ? new TextDecoder().decode(files[name]) : null);
  const json = (name: string): unknown => {
    const t = text(name);
    if (t === null) {
      problems.push(`${name} is missing`);
      return null;
    }
    try {
      return JSON.parse(t);
    } catch (error) {
      problems.push(`${name} is not JSON: ${(error as Error).message}`);
      return null;
    }
  };
  const config = json('config.json') as Record<string, unknown> | null;
  if (!config) return problems;
  if (typeof config.guid !== 'string' || !GUID.test(config.guid)) problems.push('guid must be asc.{UUID} in capitals');
  if (typeof config.name !== 'string' || !config.name) problems.push('name is missing');
  const locales = (o: unknown, field: string) => {
    const v = o as Record<string, unknown> | undefined;
    for (const lang of ['vi', 'en']) if (typeof v?.[lang] !== 'string' || !v[lang]) problems.push(`${field}.${lang} is missing`);
  };
  locales(config.nameLocale, 'nameLocale');
  const variations = config.variations as Record<string, unknown>[] | undefined;
  if (!Array.isArray(variations) || variations.length === 0) {
    problems.push('variations is empty');
    return problems;
  }
  variations.forEach((v, i) => {
    const at = `variations[${i}]`;
    if (typeof v.url !== 'string' || !files[v.url]) problems.push(`${at}.url names no file in the folder`);
    if (!Array.isArray(v.EditorsSupport) || !v.EditorsSupport.includes('word')) problems.push(`${at}.EditorsSupport must include "word"`);
    if (v.type !== 'panelRight') problems.push(`${at}.type must be "panelRight"`);
    if (typeof v.initDataType !== 'string') problems.push(`${at}.initDataType is missing`);
    locales(v.descriptionLocale, `${at}.descriptionLocale`);
    const icons = v.icons as unknown;
    if (!Array.isArray(icons) || icons.length === 0) problems.push(`${at}.icons is empty`);
    else for (const icon of iconPaths(String(icons[0]))) if (!files[icon]) problems.push(`${at}.icons: ${icon} is missing`);
  });
  const langs = json('translations/langs.json');
  if (Array.isArray(langs)) {
    for (const lang of ['vi-VN', 'en-US']) if (!langs.includes(lang)) problems.push(`translations/langs.json lacks ${lang}`);
    for (const lang of langs) json(`translations/${String(lang)}.json`);
  }
  const page = text(typeof variations[0]?.url === 'string' ? variations[0].url : 'index.html') ?? '';
  if (!/<script[^>]+src=["']?\.\.\/v1\/plugins\.js/.test(page)) problems.push("index.html must load the editor's ../v1/plugins.js");
  for (const [, src] of page.matchAll(/<script[^>]+src=["']?([^"' >]+)/g)) {
    if (/^[a-z]+:|^\/\//i.test(src!)) problems.push(`index.html loads ${src} from outside the plugin`);
    else if (!src!.startsWith('../') && !files[src!.replace(/^\.\//, '')]) problems.push(`index.html loads ${src}, which is not in the folder`);
  }
  return problems;
}

/** The folder as a .plugin: config.json at the root of the zip; source maps left out. */
export function packPlugin(files: Record<string, Uint8Array>): Uint8Array {
  const problems = pluginProblems(files);
  if (problems.length) throw new Error(`The ONLYOFFICE plugin folder is not valid:\n- ${problems.join('\n- ')}`);
  const entries = Object.fromEntries(Object.entries(files).filter(([name]) => !name.endsWith('.map')).sort(([a], [b]) => a.localeCompare(b)));
  return zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
}

export function pluginFolderExists(dir: string): boolean {
  return existsSync(path.join(dir, 'config.json'));
}

export { strToU8 };
