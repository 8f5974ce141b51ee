import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
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

describe('the app’s PDF printer (Electron’s own Chromium)', () => {
  it('prints in a hidden, script-free window of its own session, tagged and with bookmarks, with the pictures beside the page, and leaves no page or picture behind', async () => {
    const { electronPdfPrinter, PRINT_PARTITION } = await import('../../main/electron/pdfPrinter');
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
});
