#!/usr/bin/env node
// The `quorum` command: plain Node on the built output (no Electron). `npm install` builds it.
import { existsSync } from 'node:fs';
import module from 'node:module';

// V8's compile cache where this Node has it (22.1 and later): Quorum's code is compiled once, not at every start.
module.enableCompileCache?.();

const entry = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('quorum: Quorum is not built yet. Run `npm run build` in the project folder first.');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
