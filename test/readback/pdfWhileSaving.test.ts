import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/services/dispatch';
import { createHandlers } from '../../main/services/handlers';
import { Session } from '../../main/services/session';
import { loadExample } from '../../main/services/example';
import { buildPackFile, checkPack, startingPrinter, startPdfLayout } from '../../main/services/packs';
import { launchChromiumPrinter } from '../../main/services/pdf/chromiumPrinter';
import type { PdfPrinter } from '../../main/services/pdf/printer';
import { QuorumFailure } from '../../shared/result';
import { NO_BROWSER_MESSAGE } from '../../main/services/pdf/browser';
import { stubPlatform, tempDir, testClock, TEST_TODAY, untilMoment } from '../helpers';
import { WAIT } from '../waits';

/** pdftotext's reading of the whole file, as laid out. */
const textOf = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });

type Moment = 'dialog opened' | 'dialog answered' | 'print started' | 'print finished' | 'browser closed' | 'progress';

/**
 * The app's Build for a PDF (the handler table the window calls), with a real Chromium as the
 * printer and a save dialog the test answers when it chooses: each moment is written down in the
 * order it happened.
 */
const setUp = async (opts: { answer: (moments: Moment[], path: string) => Promise<string | null>; startPrinter?: () => Promise<PdfPrinter> }) => {
  const t = tempDir();
  const moments: Moment[] = [];
  const labels: string[] = [];
  const session = new Session(join(t.dir, 'data'), (event, payload) => {
    if (event !== 'task:progress') return;
    moments.push('progress');
    labels.push((payload as { label: string }).label);
  }, { clock: testClock() });
  await loadExample(session.store);
  const packs = join(t.dir, 'packs');
  const platform = stubPlatform({
    startPdfPrinter:
      opts.startPrinter ??
      (async () => {
        const printer = await launchChromiumPrinter();
        return {
          ...printer,
          print: async (doc) => {
            moments.push('print started');
            const bytes = await printer.print(doc);
            moments.push('print finished');
            return bytes;
          },
          close: async () => {
            moments.push('browser closed');
            await printer.close();
          },
        };
      }),
    chooseSaveFile: async ({ defaultName }) => {
      moments.push('dialog opened');
      const chosen = await opts.answer(moments, join(packs, defaultName));
      moments.push('dialog answered');
      return chosen;
    },
  });
  const call = createDispatcher(createHandlers(session, platform));
  const build = () => call('pack:build', { meetingId: 'meeting:ct-next', variant: 'public', taskId: 'pdf', format: 'pdf', overrideReason: 'Deep dive paper to follow' }) as Promise<{ ok: boolean; value?: { saved: boolean; file?: string; reason?: string }; error?: { message: string } }>;
  return { t, session, moments, labels, packs, call, build, close: () => (session.close(), t.cleanup()) };
};

/** Resolves once `moment` has happened while the save dialog is open. */
const until = (moments: Moment[], moment: Moment) => untilMoment(moments, moment, 'While the save dialog was open');

let close = () => {};
afterEach(() => close());

describe('a PDF pack built in the app', () => {
  it('is laid out while the officer chooses where to save it, so nothing is printed after the dialog; the file is the one a build from scratch writes', async () => {
    // The officer takes their time in the dialog: longer than the pack takes to lay out.
    const env = await setUp({ answer: async (moments, path) => (await until(moments, 'print finished'), path) });
    close = env.close;
    const built = await env.build();
    expect(built).toMatchObject({ ok: true, value: { saved: true } });
    const file = built.value!.file!;
    const m = env.moments;
    // The browser started and printed the pack before the dialog was answered; no print after it.
    expect(m.indexOf('print started')).toBeLessThan(m.indexOf('dialog answered'));
    expect(m.lastIndexOf('print finished')).toBeLessThan(m.indexOf('dialog answered'));
    expect(m.slice(m.indexOf('dialog answered'))).not.toContain('print started');
    // While the dialog was open the window kept saying it waits for the officer: no progress until the answer.
    expect(m.slice(m.indexOf('dialog opened'), m.indexOf('dialog answered'))).not.toContain('progress');
    expect(m.slice(m.indexOf('dialog answered'))).toContain('progress');
    expect(env.labels.at(-1)).toBe('Saved as PDF');
    expect(m.filter((x) => x === 'browser closed').length).toBeGreaterThan(0);
    // The pack history has it, and it reads as the same pack built without the dialog in between.
    const history = (await env.call('pack:history', { meetingId: 'meeting:ct-next' })) as { value: { fileName: string; format: string }[] };
    expect(history.value).toMatchObject([{ fileName: file.split('/').pop(), format: 'pdf' }]);
    const fromScratch = join(env.packs, 'from-scratch.pdf');
    await buildPackFile(env.session.ready(), { meetingId: 'meeting:ct-next', variant: 'public', format: 'pdf', out: fromScratch, clock: testClock(), overrideReason: 'Deep dive paper to follow' });
    const text = textOf(file);
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toBe(textOf(fromScratch));
  });

  it('closes the browser and saves nothing when the officer cancels the save dialog mid-layout', async () => {
    const env = await setUp({ answer: async (moments) => (await until(moments, 'print started'), null) });
    close = env.close;
    const built = await env.build();
    expect(built).toMatchObject({ ok: true, value: { saved: false, reason: 'The save was cancelled; no pack was built.' } });
    expect(env.moments).toContain('browser closed');
    expect(env.moments.indexOf('browser closed')).toBeGreaterThan(env.moments.indexOf('dialog answered'));
    expect(existsSync(env.packs) ? readdirSync(env.packs) : []).toEqual([]);
    expect(env.labels).toEqual([]);
    expect(await env.call('pack:history', { meetingId: 'meeting:ct-next' })).toMatchObject({ ok: true, value: [] });
  });

  it('closes the browser it started when the officer cancels before it has opened', async () => {
    const env = await setUp({ answer: async () => null });
    close = env.close;
    expect(await env.build()).toMatchObject({ ok: true, value: { saved: false } });
    // Cancelled at once: the browser was still starting; it is closed once it has, before Build answers.
    expect(env.moments).toEqual(['dialog opened', 'dialog answered', 'browser closed']);
    expect(await env.call('pack:history', { meetingId: 'meeting:ct-next' })).toMatchObject({ ok: true, value: [] });
  });

  it('is saved only as the PDF of the pack it was laid out from: a Word file name or a wrong one closes its browser and saves nothing', async () => {
    const env = await setUp({ answer: async () => null });
    close = env.close;
    const store = env.session.ready();
    const checked = checkPack(store, 'meeting:ct-next', 'public', TEST_TODAY, { format: 'pdf' });
    const request = { meetingId: 'meeting:ct-next', variant: 'public' as const, clock: testClock(), overrideReason: 'Deep dive paper to follow', checked };
    let closed = 0;
    const browser = async (): Promise<PdfPrinter> => {
      const printer = await launchChromiumPrinter();
      return { ...printer, close: async () => (closed++, printer.close()) };
    };
    const layOut = () => startPdfLayout(checked.model, {}, startingPrinter(browser()), undefined);
    await expect(buildPackFile(store, { ...request, out: join(env.packs, 'pack.docx'), laidOut: layOut() })).rejects.toThrow('A PDF laid out ahead is saved only as the PDF of the pack it was laid out from');
    await expect(buildPackFile(store, { ...request, out: join(env.packs, 'pack.pdf'), format: 'docx', laidOut: layOut() })).rejects.toThrow('A Word pack’s file name must end in .docx');
    expect(closed).toBe(2);
    expect(existsSync(env.packs)).toBe(false);
    await expect(buildPackFile(store, { ...request, out: join(env.packs, 'pack.pdf'), laidOut: layOut() })).resolves.toMatchObject({ format: 'pdf' });
    expect(closed).toBe(3);
    expect(readdirSync(env.packs)).toEqual(['pack.pdf']);
    expect(await env.call('pack:history', { meetingId: 'meeting:ct-next' })).toMatchObject({ ok: true, value: [{ fileName: 'pack.pdf' }] });
  });

  it('ends a print in flight when its browser is closed under it, rather than waiting on the page', async () => {
    const printer = await launchChromiumPrinter();
    // A page long enough to be loading still when the browser is closed.
    const html = `<!doctype html><html lang="en-GB"><title>Long</title><body><table>${'<tr><td>Referrals</td><td>120</td></tr>'.repeat(20_000)}</table></body></html>`;
    const printing = printer.print({ html });
    printing.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    const closedAt = performance.now();
    await printer.close();
    await expect(printing).rejects.toThrow();
    // Ended with the browser (a print left waiting would wait out the 300 s load limit).
    expect(performance.now() - closedAt).toBeLessThan(WAIT.test / 4);
  });

  it('says why when the browser could not start while the dialog was open, and saves nothing', async () => {
    const env = await setUp({
      answer: async (_m, path) => path,
      startPrinter: async () => {
        throw new QuorumFailure('not-found', NO_BROWSER_MESSAGE);
      },
    });
    close = env.close;
    const built = await env.build();
    expect(built).toMatchObject({ ok: false, error: { code: 'not-found', message: NO_BROWSER_MESSAGE } });
    expect(existsSync(env.packs) ? readdirSync(env.packs) : []).toEqual([]);
    expect(await env.call('pack:history', { meetingId: 'meeting:ct-next' })).toMatchObject({ ok: true, value: [] });
  });
});
