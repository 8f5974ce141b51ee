import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { CHANNELS } from './shared/operations';
import { storeBuild } from './scripts/storeBuild';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    // Which code validated a store: a store this build found valid is not validated again (main/services/store/checked.ts).
    define: { __QUORUM_STORE_BUILD__: JSON.stringify(storeBuild(root)) },
    build: {
      externalizeDeps: { exclude: ['zod', 'marked', 'diff', 'entities', 'lowdb'] },
      rolldownOptions: {
        input: { app: resolve(root, 'main/electron/app.ts'), cli: resolve(root, 'main/cli/quorum.ts'), packWorker: resolve(root, 'main/services/packWorker.ts') },
        // Shared chunks beside the entries (not in chunks/), so `./packWorker.js` resolves from the
        // chunk that holds packThread.ts exactly as from app.js and cli.js (test/integration/builtWorker).
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    // The bridge's channel names, derived from the declared operations at build time.
    define: { __QUORUM_CHANNELS__: JSON.stringify(CHANNELS) },
    build: {
      rolldownOptions: {
        input: { preload: resolve(root, 'main/preload.ts') },
        // A sandboxed preload must be CommonJS (an .mjs preload does not load in the sandbox).
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    resolve: { alias: { '@shared': resolve(root, 'shared') } },
    build: {
      minify: true,
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
