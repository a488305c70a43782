#!/usr/bin/env node
// Runs the compiled CLI (build/cli/<version>/aiprov.mjs, made by scripts/build-cli.mjs at `npm ci`;
// build/cli/current names the version), so no TypeScript is compiled at run time. When the build is
// missing or a source it was made from has changed since (a checkout being worked on), it is rebuilt
// first — when esbuild is there to do it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const builds = fileURLToPath(new URL('../build/cli/', import.meta.url));

function currentBuild() {
  try {
    const name = readFileSync(builds + 'current', 'utf8').trim();
    return name && existsSync(`${builds}${name}/aiprov.mjs`) ? `${builds}${name}` : undefined;
  } catch {
    return undefined;
  }
}

function stale(folder) {
  if (!folder) return true;
  const builtAt = statSync(builds + 'current').mtimeMs;
  try {
    const inputs = JSON.parse(readFileSync(`${folder}/inputs.json`, 'utf8'));
    return inputs.some((input) => (statSync(root + input, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) > builtAt);
  } catch {
    return true;
  }
}

let folder = currentBuild();
if (stale(folder)) {
  try {
    const { buildCli } = await import('../scripts/build-cli.mjs');
    folder = await buildCli();
  } catch (error) {
    if (!folder) throw error;
    // No esbuild (an install without dev tools): the existing build is used as it is.
  }
}
await import(pathToFileURL(`${folder}/aiprov.mjs`).href);
