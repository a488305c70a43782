// The program the compiled CLI runs (esbuild bundles this file into build/cli/; see scripts/build-cli.mjs).
import { main } from './main';

process.exitCode = await main(process.argv.slice(2));
