import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session as electronSession } from 'electron';
import type { PdfPrinter } from '../services/pdf/printer';

/** The print window's own in-memory session: it shares nothing (cookies, cache, permissions) with the app's. */
export const PRINT_PARTITION = 'quorum-print';

/**
 * The app's PdfPrinter: Electron's own Chromium, in a window never shown, with scripts off, no
 * preload and a session that loads only the pack's page (and the pictures inlined in it). The
 * page is written to a private temporary folder (mode 0700) for the window to load, and removed
 * as soon as it is printed. printToPDF writes a tagged PDF with an outline from the headings.
 */
export const electronPdfPrinter = async (): Promise<PdfPrinter> => {
  const folder = mkdtempSync(join(tmpdir(), 'quorum-print-'));
  const page = join(folder, 'pack.html');
  const pageUrl = pathToFileURL(page).href;
  const ses = electronSession.fromPartition(PRINT_PARTITION);
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !(details.url === pageUrl || details.url.startsWith('data:')) }));
  const window = new BrowserWindow({
    show: false,
    webPreferences: { session: ses, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, spellcheck: false, disableBlinkFeatures: 'Auxclick' },
  });
  return {
    async print(html) {
      writeFileSync(page, html, { mode: 0o600 });
      try {
        await window.loadURL(pageUrl);
        const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, generateTaggedPDF: true, generateDocumentOutline: true });
        return new Uint8Array(pdf);
      } finally {
        rmSync(page, { force: true });
      }
    },
    async close() {
      if (!window.isDestroyed()) window.destroy();
      rmSync(folder, { recursive: true, force: true });
    },
  };
};
