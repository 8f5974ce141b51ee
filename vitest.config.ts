import { defineConfig } from 'vitest/config';
import { WAIT } from './test/waits';

export default defineConfig({
  test: {
    // electron cannot be downloaded here: any real require('electron') gets a path, never a download.
    env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/team/**/*.test.ts'],
          environment: 'node',
          testTimeout: WAIT.test,
        },
      },
      {
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
