import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launchChromium } from './browser';
import { startHost, type Host } from './host';
import { tempDir } from '../helpers';
import type { Clock } from '../../shared/clock';

export type E2E = { browser: Browser; host: Host; page: Page; dataDir: string; reopen(): Promise<void> };

const newPage = async (browser: Browser, url: string) => {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await page.goto(url);
  return page;
};

/**
 * One Chromium per file; each test gets its own data folder, host and page (arrange), so no test
 * sees another's records; `clock` gives a test its own (a date it moves on). `reopen` restarts the host on the same folder, as quitting the app would.
 */
export const useE2E = (opts: { clock?: () => Clock } = {}): E2E => {
  const env = {} as E2E;
  let cleanup = () => {};
  beforeAll(async () => {
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.browser?.close();
  });
  beforeEach(async () => {
    const t = tempDir('quorum-e2e-');
    env.dataDir = t.dir;
    cleanup = t.cleanup;
    env.host = await startHost(env.dataDir, { clock: opts.clock?.() });
    env.page = await newPage(env.browser, env.host.url);
    env.reopen = async () => {
      await env.page.context().close();
      await env.host.close();
      env.host = await startHost(env.dataDir, { clock: opts.clock?.() });
      env.page = await newPage(env.browser, env.host.url);
    };
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && env.page) await reportPage(env.page, task.name);
    await env.page?.context().close();
    await env.host?.close();
    cleanup();
  });
  return env;
};

/**
 * What the officer would have seen when a story failed: the open dialogs, or else the screen, as
 * text, in the log CI keeps (a flake seen once on a busy runner can then be read), and a screenshot
 * in the temporary folder. Never fails the test again, and gives up after a few seconds.
 */
const reportPage = async (page: Page, testName: string) => {
  const seen = (async () => {
    const dialogs = page.getByRole('dialog');
    const texts = (await dialogs.count()) ? await dialogs.allInnerTexts() : [await page.locator('body').innerText()];
    const folder = join(tmpdir(), 'quorum-e2e-failures');
    mkdirSync(folder, { recursive: true });
    const shot = join(folder, `${testName.replace(/[^\w]+/g, '-').slice(0, 80)}.png`);
    await page.screenshot({ path: shot });
    return `${texts.map((t) => t.slice(0, 3000)).join('\n---\n')}\n(screenshot: ${shot})`;
  })();
  const report = await Promise.race([seen.catch((err: Error) => `(the page could not be read: ${err.message})`), new Promise<string>((r) => setTimeout(() => r('(the page did not answer within 5 s)'), 5000))]);
  console.error(`The screen when “${testName}” failed:\n${report}`);
};

export const seriousViolations = async (p: Page) => {
  // A dialog still fading in has its text at part opacity: axe would measure the contrast of a
  // frame of the animation. Finite animations and transitions are let finish first (a spinner's never do).
  await p.evaluate('Promise.all(document.getAnimations().filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity).map((a) => a.finished.catch(() => undefined)))');
  // Fluent's focus sentinels (tabster's data-tabster-dummy) are aria-hidden and focusable by design:
  // they hand focus on to the real control, so axe's aria-hidden-focus does not apply to them.
  const { violations } = await new AxeBuilder({ page: p as never }).exclude('[data-tabster-dummy]').analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.html).join(', ')})`);
};

/** Saves a screenshot into QUORUM_SCREENSHOTS (e.g. docs/) when set. */
export const screenshot = async (page: Page, name: string) => {
  const shots = process.env.QUORUM_SCREENSHOTS;
  if (!shots) return;
  mkdirSync(resolve(shots), { recursive: true });
  await page.screenshot({ path: join(resolve(shots), name), fullPage: false });
};
