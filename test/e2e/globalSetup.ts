import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { RENDERER_DIR } from './host';
import { chromiumPath } from './browser';
import { buildBridgeScript } from './bridgeScript';

/** Fails loudly (never skips) when Chromium or the built renderer is missing. */
export default async function setup() {
  const chromium = chromiumPath();
  if (!existsSync(chromium))
    throw new Error(
      `Chromium was not found at ${chromium}. The e2e tests need Debian's Chromium: run "apt-get install -y --no-install-recommends chromium", or set QUORUM_CHROMIUM to a Chromium binary.`,
    );
  if (!existsSync(resolve(RENDERER_DIR, 'index.html')))
    throw new Error(`The renderer is not built (${RENDERER_DIR} is missing). Run "npm run build" first.`);
  await buildBridgeScript();
}
