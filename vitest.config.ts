import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WAIT } from './test/waits';
import { storeBuild } from './scripts/storeBuild';

/** The store's build fingerprint, as electron-vite gives the built app (main/services/store/checked.ts). */
const define = { __QUORUM_STORE_BUILD__: JSON.stringify(storeBuild(import.meta.dirname)) };

/**
 * Tests that time what they do (a stall of the main thread, a deadline of a second): they run one
 * file at a time, with nothing else running beside them, so a busy neighbour cannot fail them.
 */
const TIMED = ['test/integration/packThread.test.ts', 'test/integration/searchIndex.test.ts', 'test/integration/zipBomb.test.ts'];

export default defineConfig({
  test: {
    // Two files at a time even on a 2-core machine, where vitest's default is one: the unit,
    // readback and main tests wait on child processes (LibreOffice, pandoc, Chromium,
    // pouchdb-server) and the disk for much of their time. On CI's 2 cores the unit tests took
    // 211 s two at a time against 296 s one at a time, the readback tests 182 s against 268 s.
    // The e2e and timed projects run one file at a time, after the rest (docs/ARCHITECTURE.md, tests).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // electron cannot be downloaded here: any real require('electron') gets a path, never a download.
    env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' },
    projects: [
      {
        define,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/team/**/*.test.ts'],
          exclude: TIMED,
          environment: 'node',
          testTimeout: WAIT.test,
        },
      },
      {
        define,
        test: {
          name: 'timed',
          include: TIMED,
          environment: 'node',
          testTimeout: WAIT.test,
          fileParallelism: false,
        },
      },
      {
        define,
        test: {
          // Read back by another program (LibreOffice, pandoc), laid out in Chromium, or measured
          // whole (memory, the security scan): slow, and not about the date, so run once, in
          // `npm test`, and not again in each of test:any-date's clock passes.
          name: 'readback',
          include: ['test/readback/**/*.test.ts'],
          environment: 'node',
          testTimeout: WAIT.test,
        },
      },
      {
        define,
        test: {
          name: 'main',
          include: ['test/main/**/*.test.ts'],
          environment: 'node',
          // The built app's printToPDF test starts Chromium: seconds on a quiet machine, more on a busy CI runner.
          testTimeout: WAIT.test,
          server: { deps: { inline: ['electron-store', 'conf'] } },
        },
      },
      {
        define,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/globalSetup.ts'],
          testTimeout: WAIT.test,
          hookTimeout: WAIT.test,
          fileParallelism: false,
        },
      },
    ],
  },
});
