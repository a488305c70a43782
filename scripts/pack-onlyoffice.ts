/**
 * issue 12 — ONLYOFFICE: packs the plugin folder the build made as a .plugin file for the Desktop
 * Editors' plugin manager (and for the Document Server's admin panel).
 *   npm run build && npm run package:onlyoffice            → dist/aiprov-onlyoffice.plugin
 *   npm run package:onlyoffice -- --dir other/onlyoffice --out x.plugin
 * An org-settings.json put in the folder before packing goes into the package with it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packPlugin, pluginFolderExists, readFolder } from './onlyoffice-plugin';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const dir = path.resolve(arg('--dir') ?? path.join(ROOT, 'dist', 'onlyoffice'));
const out = path.resolve(arg('--out') ?? path.join(ROOT, 'dist', 'aiprov-onlyoffice.plugin'));
if (!pluginFolderExists(dir)) {
  console.error(`Không thấy thư mục trình cắm ${dir}: hãy chạy "npm run build" trước. / No plugin folder at ${dir}: run "npm run build" first.`);
  process.exit(1);
}
try {
  const bytes = packPlugin(readFolder(dir));
  writeFileSync(out, bytes);
  console.log(`${out} (${bytes.length} bytes)`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
