import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session as electronSession } from 'electron';
import type { PdfPrinter, PrintDocument } from '../services/pdf/printer';

/** The print window's own in-memory session: it shares nothing (cookies, cache, permissions) with the app's. */
export const PRINT_PARTITION = 'quorum-print';

/** A picture's name as the page gives it (`pictures/1.png`), or undefined for any other name. */
const PICTURE_NAME = /^pictures\/[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/;

/**
 * The app's PdfPrinter: Electron's own Chromium, in a window never shown, with scripts off, no
 * preload and a session that loads only the pack's page and its pictures. The page and pictures
 * are written to a private temporary folder (mode 0700) for the window to load, and removed as
 * soon as the document is printed. printToPDF writes a tagged PDF with an outline from the
 * headings.
 */
export const electronPdfPrinter = async (): Promise<PdfPrinter> => {
  const folder = mkdtempSync(join(tmpdir(), 'quorum-print-'));
  const page = join(folder, 'pack.html');
  const pageUrl = pathToFileURL(page).href;
  const picturesUrl = pathToFileURL(join(folder, 'pictures')).href + '/';
  const ses = electronSession.fromPartition(PRINT_PARTITION);
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !(details.url === pageUrl || details.url.startsWith('data:') || (details.url.startsWith(picturesUrl) && PICTURE_NAME.test(`pictures/${details.url.slice(picturesUrl.length)}`))) }),
  );
  const window = new BrowserWindow({
    show: false,
    webPreferences: { session: ses, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, spellcheck: false, disableBlinkFeatures: 'Auxclick' },
  });
  // Closed while a print is in flight (an officer who cancelled the save dialog): the print ends
  // with it, whatever the destroyed window's loadURL or printToPDF would do.
  let markClosed = () => {};
  const closed = new Promise<never>((_, reject) => (markClosed = () => reject(new Error('The PDF printer was closed'))));
  closed.catch(() => undefined); // seen by a print in flight, or by nobody
  const clear = () => {
    rmSync(page, { force: true });
    rmSync(join(folder, 'pictures'), { recursive: true, force: true });
  };
  const printOnce = async (doc: PrintDocument) => {
    writeFileSync(page, doc.html, { mode: 0o600 });
    if (doc.pictures?.size) mkdirSync(join(folder, 'pictures'), { recursive: true, mode: 0o700 });
    for (const [name, picture] of doc.pictures ?? []) {
      if (!PICTURE_NAME.test(name)) throw new Error(`A picture for the printed page is named ${name}, which is not a picture's name`);
      writeFileSync(join(folder, name), picture.bytes, { mode: 0o600 });
    }
    try {
      await Promise.race([window.loadURL(pageUrl), closed]);
      return new Uint8Array(await Promise.race([window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, generateTaggedPDF: true, generateDocumentOutline: true }), closed]));
    } finally {
      clear();
    }
  };
  return {
    print: (doc) => printOnce(doc),
    async close() {
      markClosed();
      if (!window.isDestroyed()) window.destroy();
      rmSync(folder, { recursive: true, force: true });
    },
  };
};
