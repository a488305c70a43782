// `npm run bench`: runs every bench/*.bench.ts in turn; each prints its own measured figures against
// the budgets of DESIGN.md. Pass names to run some only: `npm run bench -- checks record`.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => wanted.length === 0 || wanted.includes(name.replace(/\.bench\.ts$/, '')))
  .sort();

for (const name of benches) {
  console.log(`\n== ${name.replace(/\.bench\.ts$/, '')} ==`);
  const module = (await import(pathToFileURL(join(here, name)).href)) as { run: () => Promise<void> };
  await module.run();
}
