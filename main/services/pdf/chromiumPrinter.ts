import type { PdfPrinter } from './printer';
import { findBrowser } from './browser';
import { QuorumFailure } from '../../../shared/result';

/**
 * The browser's environment: the caller's, without libraries preloaded into every process (such
 * as faketime's, which moves the clock for the tests' second pass and stalls Chromium's start).
 * The browser only lays out a page; it needs nothing preloaded.
 */
export const browserEnvironment = (env: NodeJS.ProcessEnv = process.env): Record<string, string> =>
  Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && !/^(LD_PRELOAD|DYLD_INSERT_LIBRARIES|FAKETIME.*)$/.test(e[0])));

/**
 * A PdfPrinter on a headless Chromium, Chrome or Edge (findBrowser) through playwright-core: for
 * `quorum pack … --out FILE.pdf` and the tests. The page has scripts off and every request
 * refused, so nothing in a paper can run or reach the network.
 */
export const launchChromiumPrinter = async (executablePath: string = findBrowser()): Promise<PdfPrinter> => {
  const { chromium } = await import('playwright-core');
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'], env: browserEnvironment() });
  } catch (err) {
    throw new QuorumFailure('internal', `The browser at ${executablePath} could not be started to lay out the PDF: ${(err as Error).message.split('\n')[0]}`);
  }
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  await context.route('**/*', (route) => route.abort());
  return {
    async print(html) {
      const page = await context.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load', timeout: 300_000 });
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: 600_000 } as Parameters<typeof page.pdf>[0]);
        return new Uint8Array(pdf);
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
};
