import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createElectronMock } from './electronMock';

const electron = vi.hoisted(() => ({ mock: undefined as unknown as ReturnType<typeof createElectronMock> }));
vi.mock('electron', async () => {
  const { createElectronMock } = await import('./electronMock');
  electron.mock = createElectronMock();
  return electron.mock.module;
});

type Win = {
  options: { show: boolean; webPreferences: Record<string, unknown> };
  loadURL: ReturnType<typeof vi.fn>;
  destroy: ReturnType<typeof vi.fn>;
  webContents: { printToPDF: ReturnType<typeof vi.fn> };
};

/** Whether the print session's one request filter lets `url` load (false: refused). */
const loads = (url: string): boolean => {
  const { PRINT_PARTITION } = printerModule;
  const filter = electron.mock.partitions.get(PRINT_PARTITION)!.webRequest.onBeforeRequest.mock.calls.at(-1)![0] as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
  let cancel: boolean | undefined;
  filter({ url }, (r) => (cancel = r.cancel));
  return cancel === false;
};
let printerModule: typeof import('../../main/electron/pdfPrinter');

describe('the app’s PDF printer (Electron’s own Chromium)', () => {
  beforeAll(async () => {
    printerModule = await import('../../main/electron/pdfPrinter');
  });

  it('prints in a hidden, script-free window of its own session, tagged and with bookmarks, with the pictures beside the page, and leaves no page or picture behind', async () => {
    const { electronPdfPrinter, PRINT_PARTITION } = printerModule;
    const m = electron.mock;
    const printer = await electronPdfPrinter();
    const win = m.windows.at(-1) as unknown as Win;
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(win.options.webPreferences.preload).toBeUndefined();
    expect(win.options.webPreferences.session).toBe(m.partitions.get(PRINT_PARTITION));

    // While the window loads, the page it is given is the pack's HTML, readable only by this user.
    let loaded = '';
    win.loadURL.mockImplementation(async (url: string) => {
      loaded = readFileSync(fileURLToPath(url), 'utf8');
    });
    const pdf = await printer.print({ html: '<!DOCTYPE html><title>Pack</title><h1>Agenda</h1>' });
    expect(loaded).toContain('<h1>Agenda</h1>');
    expect(new TextDecoder().decode(pdf)).toMatch(/^%PDF-/);
    expect(win.webContents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true, generateTaggedPDF: true, generateDocumentOutline: true }));
    const pageUrl = win.loadURL.mock.calls[0][0] as string;
    expect(existsSync(fileURLToPath(pageUrl))).toBe(false);

    // The session loads the page and inlined pictures, and refuses everything else.
    const filter = m.partitions.get(PRINT_PARTITION)!.webRequest.onBeforeRequest.mock.calls[0][0] as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      filter({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict(pageUrl)).toBe(false);
    expect(verdict('data:image/png;base64,AAAA')).toBe(false);
    expect(verdict('https://tracker.example.com/pixel.png')).toBe(true);
    expect(verdict('file:///etc/passwd')).toBe(true);

    // The pictures are written beside the page for the window to load, and removed with it.
    const seen: { html: string; picture?: string }[] = [];
    win.loadURL.mockImplementation(async (url: string) => {
      const pictureFile = fileURLToPath(new URL('pictures/1.png', url));
      seen.push({ html: readFileSync(fileURLToPath(url), 'utf8'), picture: existsSync(pictureFile) ? readFileSync(pictureFile, 'latin1') : undefined });
    });
    const doc = { html: '<!DOCTYPE html><head><title>Pack</title></head><a href="#p1"><span id="page-p1">8888</span></a><h1 id="p1">Agenda</h1><img src="pictures/1.png" alt="Chart">', pictures: new Map([['pictures/1.png', { mime: 'image/png', bytes: new TextEncoder().encode('PNG bytes') }]]) };
    await printer.print(doc);
    expect(win.webContents.printToPDF).toHaveBeenLastCalledWith(expect.objectContaining({ generateTaggedPDF: true, generateDocumentOutline: true }));
    expect(seen).toEqual([{ html: doc.html, picture: 'PNG bytes' }]);
    expect(verdict(new URL('pictures/1.png', pageUrl).href)).toBe(false);
    expect(verdict(new URL('other.html', pageUrl).href)).toBe(true);
    expect(existsSync(fileURLToPath(new URL('pictures/1.png', pageUrl)))).toBe(false);
    await expect(printer.print({ html: '<p>x</p>', pictures: new Map([['../escape.png', { mime: 'image/png', bytes: new Uint8Array(1) }]]) })).rejects.toThrow("which is not a picture's name");

    await printer.close();
    expect(win.destroy).toHaveBeenCalled();
    expect(existsSync(dirname(fileURLToPath(pageUrl)))).toBe(false);
    // A closed printer's page is refused like any other file.
    expect(verdict(pageUrl)).toBe(true);
    // The session's filter was set once, however many printers open.
    expect(m.partitions.get(PRINT_PARTITION)!.webRequest.onBeforeRequest).toHaveBeenCalledTimes(1);
  });

  it('ends a print in flight when it is closed (a save dialog cancelled mid-layout), leaving no page behind', async () => {
    const { electronPdfPrinter } = await import('../../main/electron/pdfPrinter');
    const printer = await electronPdfPrinter();
    const win = electron.mock.windows.at(-1) as unknown as Win;
    // A page that never finishes loading, as a window destroyed under it might leave it.
    let pageUrl = '';
    win.loadURL.mockImplementation((url: string) => ((pageUrl = url), new Promise(() => {})));
    const printing = printer.print({ html: '<!DOCTYPE html><title>Pack</title><h1>Agenda</h1>' });
    await vi.waitFor(() => expect(pageUrl).not.toBe(''));
    await printer.close();
    await expect(printing).rejects.toThrow('The PDF printer was closed');
    expect(win.webContents.printToPDF).not.toHaveBeenCalled();
    expect(win.destroy).toHaveBeenCalled();
    expect(existsSync(dirname(fileURLToPath(pageUrl)))).toBe(false);
  });

  it('lays out documents printed at once side by side, each in a hidden window and folder of its own, one a core', async () => {
    const { electronPdfPrinter } = await import('../../main/electron/pdfPrinter');
    const printer = await electronPdfPrinter();
    expect(printer.concurrency).toBe(Math.min(4, availableParallelism()));
    const first = electron.mock.windows.at(-1) as unknown as Win;
    // Each window's load waits until both documents are loading: two prints that shared a window or a page would never both get here.
    const loading: { url: string; html: string }[] = [];
    let bothLoading = () => {};
    const both = new Promise<void>((resolve) => (bothLoading = resolve));
    const holdUntilBoth = async (url: string) => {
      loading.push({ url, html: readFileSync(fileURLToPath(url), 'utf8') });
      if (loading.length === 2) bothLoading();
      await both;
    };
    first.loadURL.mockImplementation(holdUntilBoth);
    const opened: Win[] = [];
    electron.mock.onWindow.push((w) => {
      const win = w as unknown as Win;
      win.loadURL.mockImplementation(holdUntilBoth);
      opened.push(win);
    });
    const printing = [printer.print({ html: '<!DOCTYPE html><title>Pack</title><h1>Cover to item 3</h1>' }), printer.print({ html: '<!DOCTYPE html><title>Pack</title><h1>Items 4 to 9</h1>' })];
    electron.mock.onWindow.length = 0;
    expect(opened).toHaveLength(1);
    const second = opened[0];
    expect(second.options.show).toBe(false);
    expect(second.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, session: first.options.webPreferences.session });
    const pdfs = await Promise.all(printing);
    for (const pdf of pdfs) expect(new TextDecoder().decode(pdf)).toMatch(/^%PDF-/);
    expect(loading.map((l) => l.html)).toEqual(expect.arrayContaining([expect.stringContaining('Cover to item 3'), expect.stringContaining('Items 4 to 9')]));
    expect(new Set(loading.map((l) => dirname(fileURLToPath(l.url)))).size).toBe(2);
    for (const { url } of loading) {
      expect(loads(url)).toBe(true);
      expect(loads(new URL('pictures/1.png', url).href)).toBe(true);
      expect(existsSync(fileURLToPath(url))).toBe(false);
    }
    expect(first.webContents.printToPDF).toHaveBeenCalledTimes(1);
    expect(second.webContents.printToPDF).toHaveBeenCalledTimes(1);

    // Printed again, one at a time: a window not printing is used again rather than another opened.
    const windowsBefore = electron.mock.windows.length;
    await printer.print({ html: '<p>again</p>' });
    expect(electron.mock.windows.length).toBe(windowsBefore);

    await printer.close();
    expect(first.destroy).toHaveBeenCalled();
    expect(second.destroy).toHaveBeenCalled();
    for (const { url } of loading) expect(loads(url)).toBe(false);
    await expect(printer.print({ html: '<p>late</p>' })).rejects.toThrow('The PDF printer was closed');
  });

  it('keeps loading one printer’s page while another printer starts and closes (a report exported while the pack is laid out)', async () => {
    const { electronPdfPrinter } = await import('../../main/electron/pdfPrinter');
    const pack = await electronPdfPrinter();
    const packWindow = electron.mock.windows.at(-1) as unknown as Win;
    let packPage = '';
    let finishLoading = () => {};
    packWindow.loadURL.mockImplementation((url: string) => ((packPage = url), new Promise<void>((resolve) => (finishLoading = resolve))));
    const packPrint = pack.print({ html: '<!DOCTYPE html><title>Pack</title><h1>Agenda</h1>' });
    await vi.waitFor(() => expect(packPage).not.toBe(''));

    // The yearly report's printer opens, prints and closes while the pack's page is still loading.
    const report = await electronPdfPrinter();
    const reportWindow = electron.mock.windows.at(-1) as unknown as Win;
    let reportPage = '';
    reportWindow.loadURL.mockImplementation(async (url: string) => void (reportPage = url));
    await report.print({ html: '<!DOCTYPE html><title>Report</title><h1>Yearly report</h1>' });
    expect(loads(packPage)).toBe(true);
    expect(loads(new URL('pictures/2.png', packPage).href)).toBe(true);
    await report.close();
    expect(loads(reportPage)).toBe(false);
    expect(loads(packPage)).toBe(true);

    finishLoading();
    expect(new TextDecoder().decode(await packPrint)).toMatch(/^%PDF-/);
    await pack.close();
    expect(loads(packPage)).toBe(false);
  });
});
