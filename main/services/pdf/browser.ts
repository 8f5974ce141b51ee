import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { QuorumFailure } from '../../../shared/result';

/** Where Chromium, Google Chrome and Microsoft Edge install themselves, by platform. */
const candidates = (env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] => {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    return roots.flatMap((r) => [join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'), join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'), join(r, 'Chromium', 'Application', 'chrome.exe')]);
  }
  if (platform === 'darwin')
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ];
  // Chromium's headless shell first (Debian's chromium-headless-shell): Blink's own printing, so the
  // same tagged PDF, without the browser's interface around it (~300 pages: about 0.5 s wall, 0.7 s
  // CPU and 180 MiB less than Chromium in headless mode; docs/ARCHITECTURE.md, "The PDF pack").
  // Debian's /usr/bin/chromium is a launcher script that adds the desktop's flags (extensions to
  // load, GPU rasterisation) before starting /usr/lib/chromium/chromium; a headless print needs none.
  return ['/usr/lib/chromium/chromium-headless-shell', '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome', '/usr/bin/microsoft-edge', '/usr/bin/microsoft-edge-stable', '/snap/bin/chromium'];
};

export const NO_BROWSER_MESSAGE =
  'Quorum lays out a PDF pack with Chromium, Google Chrome or Microsoft Edge, and found none on this computer. Install one (on Debian: sudo apt install chromium-headless-shell, the lightest for printing; on Ubuntu: sudo snap install chromium), or set QUORUM_CHROMIUM to the browser’s program file. The Word pack needs no browser.';

/**
 * The browser `quorum pack … --out FILE.pdf` prints with: QUORUM_CHROMIUM if set (it must exist),
 * else the first Chromium, Chrome or Edge installed where they install themselves. The app prints
 * with Electron's own Chromium and needs none of these.
 */
export const findBrowser = (env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, exists: (path: string) => boolean = existsSync): string => {
  const chosen = env.QUORUM_CHROMIUM?.trim();
  if (chosen) {
    if (!exists(chosen)) throw new QuorumFailure('not-found', `QUORUM_CHROMIUM is set to ${chosen}, which does not exist. Point it at Chromium, Google Chrome or Microsoft Edge, or unset it.`);
    return chosen;
  }
  const found = candidates(env, platform).find((p) => exists(p));
  if (!found) throw new QuorumFailure('not-found', NO_BROWSER_MESSAGE);
  return found;
};
