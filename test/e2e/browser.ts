import { chromium, type Browser } from 'playwright-core';
import { browserEnvironment } from '../../main/services/pdf/chromiumPrinter';

export const chromiumPath = () => process.env.QUORUM_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with no calls home (this machine's network is closed). */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumPath(),
    env: browserEnvironment(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
