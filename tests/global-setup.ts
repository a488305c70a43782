// Builds the compiled CLI once before the suite, so the tests that run `npx aiprov` / bin/aiprov.mjs
// as a process exercise the code of this checkout (and never race to rebuild it in parallel).
import { buildCli } from '../scripts/build-cli.mjs';

export default async function setup(): Promise<void> {
  await buildCli();
}
