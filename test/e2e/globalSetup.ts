import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { build } from 'vite';
import { BRIDGE_SCRIPT, RENDERER_DIR } from './host';
import { chromiumPath } from './browser';

/** Fails loudly (never skips) when Chromium or the built renderer is missing. */
export default async function setup() {
  const chromium = chromiumPath();
  if (!existsSync(chromium))
    throw new Error(
      `Chromium was not found at ${chromium}. The e2e tests need Debian's Chromium: run "apt-get install -y --no-install-recommends chromium", or set QUORUM_CHROMIUM to a Chromium binary.`,
    );
  if (!existsSync(resolve(RENDERER_DIR, 'index.html')))
    throw new Error(`The renderer is not built (${RENDERER_DIR} is missing). Run "npm run build" first.`);
  mkdirSync(dirname(BRIDGE_SCRIPT), { recursive: true });
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir: dirname(BRIDGE_SCRIPT),
      emptyOutDir: true,
      minify: false,
      lib: { entry: resolve(import.meta.dirname, 'browser/httpBridge.ts'), formats: ['iife'], name: 'QuorumHttpBridge', fileName: () => 'quorum-bridge.js' },
    },
  });
}
