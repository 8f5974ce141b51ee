import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemblePack } from '../../shared/pack/model';
import { launchChromiumPrinter } from '../../main/services/pdf/chromiumPrinter';
import { printPack } from '../../main/services/pdf/pdfPack';
import { fillEmptyElements, type PdfPrinter } from '../../main/services/pdf/printer';
import { outlineTitles, withHeadingTitles } from '../../main/services/pdf/structure';
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
});

describe('filling a drafted page', () => {
  it('gives each empty element its text, escaped, and refuses an id it cannot fill', () => {
    const html = '<p><span id="page-a"></span> <span id="page-b"></span> <span id="full">1</span></p>';
    expect(fillEmptyElements(html, { 'page-a': '12', 'page-b': '<3>' })).toBe('<p><span id="page-a">12</span> <span id="page-b">&lt;3&gt;</span> <span id="full">1</span></p>');
    expect(() => fillEmptyElements(html, { 'page-c': '1' })).toThrow('no empty element with id page-c');
    expect(() => fillEmptyElements(html, { full: '2' })).toThrow('no empty element with id full');
  });
});
