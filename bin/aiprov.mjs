#!/usr/bin/env node
// Runs the compiled CLI (build/cli/aiprov.mjs, made by scripts/build-cli.mjs at `npm ci`), so no
// TypeScript is compiled at run time. When the build is missing or a source it was made from has
// changed since (a checkout being worked on), it is rebuilt first — when esbuild is there to do it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = new URL('../build/cli/aiprov.mjs', import.meta.url);

function stale() {
  const built = fileURLToPath(entry);
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  try {
    const inputs = JSON.parse(readFileSync(new URL('../build/cli/inputs.json', import.meta.url), 'utf8'));
    return inputs.some((input) => (statSync(root + input, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) > builtAt);
  } catch {
    return true;
  }
}

if (stale()) {
  try {
    const { buildCli } = await import('../scripts/build-cli.mjs');
    await buildCli();
  } catch (error) {
    if (!existsSync(fileURLToPath(entry))) throw error;
    // No esbuild (an install without dev tools): the existing build is used as it is.
  }
}
await import(entry.href);
