import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { build } from 'vite';
import { BRIDGE_SCRIPT } from './host';

/**
 * Builds out/e2e/quorum-bridge.js, the `window.quorum` that talks to the host over HTTP. The e2e
 * setup and `npm run bench` both need it, on a fresh clone as much as anywhere.
 */
export const buildBridgeScript = async (): Promise<void> => {
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
};
