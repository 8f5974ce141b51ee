import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/services/dispatch';
import { createHandlers } from '../../main/services/handlers';
import { Session } from '../../main/services/session';
import { loadExample } from '../../main/services/example';
import { launchChromiumPrinter } from '../../main/services/pdf/chromiumPrinter';
import type { PdfPrinter } from '../../main/services/pdf/printer';
import { PUBLICATION_MANIFEST } from '../../main/services/publish';
import { stubPlatform, tempDir, testClock, untilMoment } from '../helpers';
import { WAIT } from '../waits';

type Moment = 'dialog opened' | 'dialog answered' | 'printer started' | 'print started' | 'print finished' | 'printer closed';

const pdfsIn = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf')) : []);

/**
 * The app's Publish website (the handler table the window calls) with a real Chromium as the
 * printer and a folder dialog the test answers when it chooses; each moment written down in the
 * order it happened, and the most prints that were in flight at once.
 */
const setUp = async (opts: { answer: (moments: Moment[], folder: string) => Promise<string | null>; failPrint?: boolean }) => {
  const t = tempDir();
  const moments: Moment[] = [];
  let inFlight = 0;
  let mostAtOnce = 0;
  let concurrency = 0;
  const session = new Session(join(t.dir, 'data'), () => {}, { clock: testClock() });
  await loadExample(session.store);
  const site = join(t.dir, 'site');
  const platform = stubPlatform({
    startPdfPrinter: async (): Promise<PdfPrinter> => {
      const printer = await launchChromiumPrinter();
      concurrency = printer.concurrency ?? 1;
      moments.push('printer started');
      return {
        ...printer,
        print: async (doc) => {
          moments.push('print started');
          mostAtOnce = Math.max(mostAtOnce, ++inFlight);
          try {
            if (opts.failPrint) throw new Error('The browser stopped while printing');
            return await printer.print(doc);
          } finally {
            inFlight--;
            moments.push('print finished');
          }
        },
        close: async () => {
          moments.push('printer closed');
          await printer.close();
        },
      };
    },
    chooseFolder: async () => {
      moments.push('dialog opened');
      const chosen = await opts.answer(moments, site);
      moments.push('dialog answered');
      return chosen;
    },
  });
  const call = createDispatcher(createHandlers(session, platform));
  const publish = () => call('pack:publish', { taskId: 'site' }) as Promise<{ ok: boolean; value?: { published: boolean; written?: string[]; unchanged?: number; reason?: string }; error?: { message: string } }>;
  return { site, moments, publish, mostAtOnce: () => mostAtOnce, concurrency: () => concurrency, close: () => (session.close(), t.cleanup()) };
};

/** Resolves once `moment` has happened while the folder dialog is open. */
const until = (moments: Moment[], moment: Moment) => untilMoment(moments, moment, 'While the folder dialog was open');

const count = (moments: Moment[], moment: Moment) => moments.filter((m) => m === moment).length;

let close = () => {};
afterEach(() => close());

describe('publishing the website in the app', () => {
  it('starts the printer while the officer chooses the folder, prints the meetings’ PDF packs side by side, and starts it for nothing it need not print', async () => {
    const env = await setUp({ answer: async (moments, folder) => (await until(moments, 'printer started'), folder) });
    close = env.close;
    const first = await env.publish();
    expect(first).toMatchObject({ ok: true, value: { published: true } });
    // The example's website has two meetings' PDF packs: the meeting held and the next.
    const packs = first.value!.written!.filter((f) => f.endsWith('/pack.pdf'));
    expect(packs).toHaveLength(2);
    const m = env.moments;
    // The browser was up before the officer had chosen; nothing was printed or written until then.
    expect(m.indexOf('printer started')).toBeLessThan(m.indexOf('dialog answered'));
    expect(m.indexOf('print started')).toBeGreaterThan(m.indexOf('dialog answered'));
    // Both packs laid out at once where the printer lays out two documents to advantage (one a core).
    expect(count(m, 'print started')).toBe(packs.length);
    expect(env.mostAtOnce()).toBe(Math.min(env.concurrency(), packs.length));
    expect(count(m, 'printer closed')).toBe(1);
    for (const pack of packs) expect(execFileSync('pdfinfo', [join(env.site, pack)], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);

    // Published again: the PDFs stand, so nothing is printed, and the browser started for the dialog is closed unused.
    const again = await env.publish();
    expect(again).toMatchObject({ ok: true, value: { published: true, written: [] } });
    expect(count(env.moments, 'print started')).toBe(packs.length);
    expect(count(env.moments, 'printer started')).toBe(2);
    expect(count(env.moments, 'printer closed')).toBe(2);
  }, WAIT.readBack);

  it('closes the browser and writes nothing when the officer cancels the folder dialog', async () => {
    const env = await setUp({ answer: async (moments) => (await until(moments, 'printer started'), null) });
    close = env.close;
    expect(await env.publish()).toMatchObject({ ok: true, value: { published: false, reason: 'No folder was chosen; nothing was published.' } });
    expect(env.moments).toContain('printer closed');
    expect(env.moments).not.toContain('print started');
    expect(existsSync(env.site)).toBe(false);
  }, WAIT.readBack);

  it('stops at a print that fails, says why, takes no further pack, closes the browser, and leaves no manifest that would call the site complete', async () => {
    const env = await setUp({ answer: async (_m, folder) => folder, failPrint: true });
    close = env.close;
    const failed = await env.publish();
    expect(failed.ok).toBe(false);
    expect(failed.error?.message).toContain('The browser stopped while printing');
    // Each lane took one pack at most; none took another once a print had failed.
    expect(count(env.moments, 'print started')).toBeLessThanOrEqual(env.concurrency());
    expect(count(env.moments, 'printer closed')).toBe(1);
    expect(env.moments.at(-1)).toBe('printer closed');
    expect(readdirSync(env.site)).not.toContain(PUBLICATION_MANIFEST);
    expect(pdfsIn(env.site)).toEqual([]);
  }, WAIT.readBack);
});
