import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemblePack } from '../../shared/pack/model';
import { browserEnvironment, launchChromiumPrinter } from '../../main/services/pdf/chromiumPrinter';
import { findBrowser } from '../../main/services/pdf/browser';
import { startDevtoolsBrowser } from '../../main/services/pdf/devtools';
import { printPack } from '../../main/services/pdf/pdfPack';
import { fillEmptyElements, type PdfPrinter } from '../../main/services/pdf/printer';
import { numberedPrint, outlineTitles, withHeadingTitles } from '../../main/services/pdf/structure';
import { buildPackFile } from '../../main/services/packs';
import { QuorumStore } from '../../main/services/store/store';
import { clockOnDay } from '../../shared/clock';
import { listRecords } from '../../shared/data';
import { exampleData, stamp } from '../docxPackage';
import { runCli, TEST_TODAY, tempDir, useExampleFolders } from '../helpers';
import { WAIT } from '../waits';

/**
 * How the CLI's printer lays a page out, and what is done to the PDF after: the pictures a page
 * is given, the requests it is refused, the bookmarks put right in an incremental update that
 * poppler and pdf-lib both read.
 */
describe('printing a page to PDF in Chromium', () => {
  let printer: PdfPrinter;
  const t = tempDir();
  beforeAll(async () => {
    printer = await launchChromiumPrinter();
  }, WAIT.readBack);
  afterAll(async () => {
    await printer.close();
    t.cleanup();
  });

  it('puts a picture two papers show into the PDF once, with both papers showing it', async () => {
    const data = exampleData(TEST_TODAY);
    const png = new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../docs/actions.png')));
    const records = { ...data.records };
    for (const id of ['agendaItem:next-4', 'agendaItem:next-5']) {
      const item = records[id];
      if (item.type !== 'agendaItem') throw new Error('example changed');
      records[id] = stamp({ ...item, paper: { ...(item.paper ?? { status: 'received', receivedOn: '2026-11-20' }), status: 'received', receivedOn: '2026-11-20', body: `Before the chart.\n\n![Caseloads fell from 24 to 18](images/chart.png)\n\nAfter the chart.` } } as never);
    }
    const pdf = await printPack(assemblePack({ records }, 'meeting:ct-next', 'public', TEST_TODAY), { 'images/chart.png': png }, printer);
    const file = join(t.dir, 'pictures.pdf');
    writeFileSync(file, pdf.bytes);
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    // Shown on two pages, kept once: each listed use refers to the same image object.
    expect(images.length).toBe(2);
    expect(new Set(images.map((l) => l.trim().split(/\s+/).slice(10, 12).join(' '))).size).toBe(1);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text.match(/After the chart\./g)).toHaveLength(2);
  }, WAIT.readBack);

  it('refuses every request the page makes for anything outside itself', async () => {
    const asked: string[] = [];
    const server = createServer((req, res) => {
      asked.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      const bytes = await printer.print({
        html: `<!DOCTYPE html><html><head><title>Page</title><link rel="stylesheet" href="http://127.0.0.1:${port}/style.css"></head><body><h1>Agenda</h1><img src="http://127.0.0.1:${port}/pixel.png" alt=""><img src="pictures/missing.png" alt=""><iframe src="http://127.0.0.1:${port}/frame"></iframe></body></html>`,
      });
      expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
      expect(asked).toEqual([]);
    } finally {
      server.close();
    }
  }, WAIT.readBack);

  it('puts the bookmarks’ titles right in an update appended to the printed file, which poppler and pdf-lib read alike', async () => {
    // A heading too long for one line: Chromium's bookmark drops the space where it wraps.
    const long = 'Improvement plan: progress report on the partnership’s priorities for children, young people and families across the whole of the county';
    const printed = await printer.print({ html: `<!DOCTYPE html><html lang="en-GB"><head><title>Bookmarks</title><style>h1 { width: 8cm; }</style></head><body><h1>${long}</h1><p>Text.</p><h1>Second part</h1></body></html>` });
    const fixed = await withHeadingTitles(printed, [long, 'Second part']);
    // An incremental update (ISO 32000-1 §7.5.6): the printed bytes are kept as they were.
    expect(fixed.length).toBeGreaterThan(printed.length);
    expect(Buffer.from(fixed.subarray(0, printed.length)).equals(Buffer.from(printed))).toBe(true);
    expect((await outlineTitles(fixed)).map((o) => o.title)).toEqual([long, 'Second part']);
    const file = join(t.dir, 'bookmarks.pdf');
    writeFileSync(file, fixed);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Second part');
    const whole = await PDFDocument.load(fixed, { updateMetadata: false });
    expect(whole.getPageCount()).toBe(1);
    // A file whose titles were already right is returned as printed.
    expect(await withHeadingTitles(fixed, [long, 'Second part'])).toBe(fixed);
  }, WAIT.readBack);

  /**
   * The contents' page numbers written into the printed pack (contentsNumbers.ts): one layout of
   * the pack, where the first way took two.
   */
  describe('numbering the contents of a pack printed once', () => {
    /** The real printer, counting its printings; `beforePrint` changes the page it is given. */
    const counted = (beforePrint: (html: string, n: number) => string = (html) => html) => {
      const seen: string[] = [];
      const counting: PdfPrinter = { print: (doc) => (seen.push(doc.html), printer.print({ ...doc, html: beforePrint(doc.html, seen.length) })), close: async () => {} };
      return { printer: counting, seen };
    };
    /** Each contents line's text and page number, with where the number ends on the page (pdftotext's word boxes, by line). */
    const contentsLines = (file: string) => {
      const boxes = execFileSync('pdftotext', ['-bbox-layout', '-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' });
      const rows = new Map<string, { xMax: number; text: string }[]>();
      for (const w of boxes.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)) {
        const y = Number(w[2]).toFixed(0);
        rows.set(y, [...(rows.get(y) ?? []), { xMax: Number(w[3]), text: w[4] }]);
      }
      return [...rows.values()]
        .map((words) => words.sort((a, b) => a.xMax - b.xMax))
        .filter((words) => words.length > 1 && /^\d+$/.test(words.at(-1)!.text) && !/^Page \d+ of$/.test(words.slice(0, -1).map((w) => w.text).join(' ')) && !words.some((w) => w.text === '·'))
        .map((words) => ({ text: words.slice(0, -1).map((w) => w.text).join(' '), page: Number(words.at(-1)!.text), right: words.at(-1)!.xMax }));
    };

    it('prints the pack once and writes each part’s page over its placeholder, right-aligned, in the tagged text', async () => {
      const { printer, seen } = counted();
      const model = assemblePack(exampleData(TEST_TODAY), 'meeting:ct-next', 'full', TEST_TODAY);
      const pdf = await printPack(model, {}, printer);
      expect(seen).toHaveLength(1);
      expect(seen[0]).toContain('>8888</span>');
      const file = join(t.dir, 'once.pdf');
      writeFileSync(file, pdf.bytes);
      const lines = contentsLines(file);
      expect(lines.map((l) => l.text)).toEqual(pdf.contents.map((c) => c.text.replace(/\s+/g, ' ')).filter((_, i) => pdf.pages[pdf.contents[i].id]));
      // Each number is the page its part starts on, and the numbers line up on the right, one- and two-figure alike.
      for (const [i, line] of lines.entries()) {
        expect(line.page).toBe(pdf.pages[pdf.contents[i].id]);
        const first = execFileSync('pdftotext', ['-f', String(line.page), '-l', String(line.page), file, '-'], { encoding: 'utf8' });
        expect(first.replace(/\s+/g, ' ')).toContain(line.text.split(':')[0]);
      }
      expect(new Set(lines.map((l) => String(l.page).length)).size).toBeGreaterThan(1);
      expect(Math.max(...lines.map((l) => l.right)) - Math.min(...lines.map((l) => l.right))).toBeLessThan(0.1);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text).not.toContain('8888');
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    }, WAIT.readBack);

    it('prints again with the numbers in the page when they cannot be written into the print', async () => {
      // A browser that writes its text in another form: here, one whose first print shows no placeholder.
      const { printer, seen } = counted((html, n) => (n === 1 ? html.replaceAll('>8888</span>', '></span>') : html));
      const model = assemblePack(exampleData(TEST_TODAY), 'meeting:ct-next', 'public', TEST_TODAY);
      const pdf = await printPack(model, {}, printer);
      expect(seen).toHaveLength(2);
      expect(seen[1]).not.toContain('8888');
      const file = join(t.dir, 'twice.pdf');
      writeFileSync(file, pdf.bytes);
      const lines = contentsLines(file);
      expect(lines.length).toBeGreaterThan(3);
      for (const [i, line] of lines.entries()) expect(line.page).toBe(pdf.pages[pdf.contents[i].id]);
    }, WAIT.readBack);

    it('leaves the numbers to a second print when the embedded font lacks a figure they need, or more than one run reads 8888', async () => {
      // The contents on page 1, its part on page 2. Only the figure 8 is shown before the part, so
      // the font Chromium embeds holds no 2 for "page 2" until the page shows one.
      const page = (extra: string) => `<!DOCTYPE html><html lang="en-GB"><head><title>Figures</title></head><body>${extra}<p><a href="#p1">Part <span>8888</span></a></p><h1 id="p1" style="break-before: page">Part</h1></body></html>`;
      const numbered = async (extra: string) => numberedPrint(await printer.print({ html: page(extra) }), ['Part'], [{ id: 'p1' }]);
      expect(await numbered('')).toBeUndefined();
      // A run reading 8888 before the contents' own (on a cover, say): which is the placeholder is in doubt.
      expect(await numbered('<p>Section 2</p><p><span>8888</span></p>')).toBeUndefined();
      const withTwo = await numbered('<p>Section 2</p>');
      expect(withTwo?.pages).toEqual({ p1: 2 });
      const file = join(t.dir, 'figures.pdf');
      writeFileSync(file, withTwo!.bytes);
      expect(execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' })).toMatch(/Part +2\n/);
    }, WAIT.readBack);
  });
});

describe('the browser the CLI starts before it checks a PDF pack', () => {
  const { example } = useExampleFolders();
  const browsers = () =>
    readdirSync('/proc')
      .filter((n) => /^\d+$/.test(n))
      .filter((n) => {
        try {
          return readFileSync(`/proc/${n}/cmdline`, 'latin1').includes('quorum-browser-');
        } catch {
          return false;
        }
      });
  const profiles = () => readdirSync(tmpdir()).filter((n) => n.startsWith('quorum-browser-'));

  it('is closed, with its profile removed, when the pre-flight refuses the pack, and when the pack is built', async () => {
    const dir = await example();
    const before = { browsers: browsers(), profiles: profiles() };
    const refused = await runCli('pack', '--data', dir, '--meeting', 'next', '--variant', 'public', '--out', join(dir, 'refused.pdf'));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/no pack was built/);
    expect(existsSync(join(dir, 'refused.pdf'))).toBe(false);
    expect(browsers().filter((b) => !before.browsers.includes(b))).toEqual([]);
    expect(profiles().filter((p) => !before.profiles.includes(p))).toEqual([]);
    const built = await runCli('pack', '--data', dir, '--meeting', 'next', '--variant', 'public', '--out', join(dir, 'built.pdf'), '--override-reason', 'papers to follow');
    expect(built.code, built.err).toBe(0);
    expect(browsers().filter((b) => !before.browsers.includes(b))).toEqual([]);
    expect(profiles().filter((p) => !before.profiles.includes(p))).toEqual([]);
  }, WAIT.readBack);

  it('is closed by the time a build returns, having closed while the file was written, and when the file cannot be written', async () => {
    // buildPackFile lets the browser close while it writes the file and records the build (packs.ts).
    const dir = await example();
    const before = browsers();
    const store = QuorumStore.open(dir, { user: 'test', device: 'test', clock: clockOnDay(TEST_TODAY) });
    const events: string[] = [];
    const watched = async (): Promise<PdfPrinter> => {
      const real = await launchChromiumPrinter();
      const close = async () => {
        await real.close();
        events.push('closed');
      };
      return { print: (doc) => real.print(doc), close };
    };
    try {
      const request = { meetingId: 'meeting:ct-next', variant: 'public' as const, clock: store.clock, overrideReason: 'papers to follow', printer: watched };
      const built = await buildPackFile(store, { ...request, out: join(dir, 'built.pdf') });
      events.push('returned');
      expect(events).toEqual(['closed', 'returned']);
      expect(readFileSync(built.file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(listRecords(store.data, 'packBuild').filter((b) => b.fileName === 'built.pdf')).toHaveLength(1);
      // A name already taken by a folder: the build fails, and the browser is closed before the failure is told.
      mkdirSync(join(dir, 'taken.pdf'));
      events.length = 0;
      await expect(buildPackFile(store, { ...request, out: join(dir, 'taken.pdf') }).finally(() => events.push('failed'))).rejects.toThrow(/could not be saved as .*taken\.pdf: a folder has that name/);
      expect(events).toEqual(['closed', 'failed']);
      expect(listRecords(store.data, 'packBuild').filter((b) => b.fileName === 'taken.pdf')).toHaveLength(0);
      expect(browsers().filter((b) => !before.includes(b))).toEqual([]);
    } finally {
      store.close();
    }
  }, WAIT.readBack);

  it('starts a browser that opens nothing beside the page it prints: no first tab, no address bar popup', async () => {
    // Each would cost a renderer process of its own while the pack is laid out (devtools.ts).
    const browser = await startDevtoolsBrowser(findBrowser(), browserEnvironment());
    try {
      const { browserContextId } = await browser.send<{ browserContextId: string }>('Target.createBrowserContext', { disposeOnDetach: true });
      await browser.send('Target.createTarget', { url: 'about:blank', browserContextId });
      const { targetInfos } = await browser.send<{ targetInfos: { type: string; url: string }[] }>('Target.getTargets');
      expect(targetInfos.map((target) => `${target.type} ${target.url}`)).toEqual(['page about:blank']);
    } finally {
      await browser.close();
    }
  }, WAIT.readBack);
});

describe('filling the placeholders of a page', () => {
  it('gives each empty element its text, escaped, and refuses an id it cannot fill', () => {
    const html = '<p><span id="page-a"></span> <span id="page-b"></span> <span id="full">1</span></p>';
    expect(fillEmptyElements(html, { 'page-a': '12', 'page-b': '<3>' })).toBe('<p><span id="page-a">12</span> <span id="page-b">&lt;3&gt;</span> <span id="full">1</span></p>');
    expect(() => fillEmptyElements(html, { 'page-c': '1' })).toThrow('no empty element with id page-c');
    expect(() => fillEmptyElements(html, { full: '2' })).toThrow('no empty element with id full');
  });
});
