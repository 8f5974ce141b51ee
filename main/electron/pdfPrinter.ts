import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session as electronSession, type Session } from 'electron';
import { printsAtOnce, type PdfPrinter, type PrintDocument } from '../services/pdf/printer';

/** The print windows' own in-memory session: it shares nothing (cookies, cache, permissions) with the app's. */
export const PRINT_PARTITION = 'quorum-print';

/** A picture's name as the page gives it (`pictures/1.png`), or undefined for any other name. */
const PICTURE_NAME = /^pictures\/[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/;

/**
 * The folders (as file URLs ending in "/") of every print window open now, in every printer. A
 * session has one request filter (Electron keeps only the last `onBeforeRequest` listener), so it
 * is set once and asks this set: a printer started while another prints (a report exported
 * while the pack is laid out) must not shut the first one's page out.
 */
const servedFolders = new Set<string>();
const filtered = new WeakSet<Session>();

/** A request the print session lets through: a print window's page, its pictures, or inline data. */
const mayLoad = (url: string): boolean => {
  if (url.startsWith('data:')) return true;
  for (const folder of servedFolders) {
    if (!url.startsWith(folder)) continue;
    const name = url.slice(folder.length);
    if (name === 'pack.html' || PICTURE_NAME.test(name)) return true;
  }
  return false;
};

const printSession = (): Session => {
  const ses = electronSession.fromPartition(PRINT_PARTITION);
  if (!filtered.has(ses)) {
    filtered.add(ses);
    ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !mayLoad(details.url) }));
  }
  return ses;
};

/** A hidden window and the private folder its page and pictures are written to. */
type PrintWindow = { window: BrowserWindow; folder: string; folderUrl: string; busy: boolean };

/**
 * The app's PdfPrinter: Electron's own Chromium, in windows never shown, with scripts off, no
 * preload and a session that loads only the pack's page and its pictures. Each window's page and
 * pictures are written to a folder of its own inside a private temporary folder (mode 0700) for
 * it to load, and removed as soon as the document is printed. printToPDF writes a tagged PDF with
 * an outline from the headings.
 *
 * Documents printed at once are printed in windows of their own, each a renderer of its own, so a
 * long pack is laid out side by side, one document a core, as the CLI's Chromium does
 * (main/services/pdf/splitPack.ts; docs/ARCHITECTURE.md, "The PDF pack").
 */
export const electronPdfPrinter = async (): Promise<PdfPrinter> => {
  const root = mkdtempSync(join(tmpdir(), 'quorum-print-'));
  const ses = printSession();
  const windows: PrintWindow[] = [];
  const openWindow = (): PrintWindow => {
    const folder = join(root, String(windows.length + 1));
    mkdirSync(folder, { mode: 0o700 });
    const window = new BrowserWindow({
      show: false,
      webPreferences: { session: ses, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, spellcheck: false, disableBlinkFeatures: 'Auxclick' },
    });
    const folderUrl = pathToFileURL(folder).href + '/';
    servedFolders.add(folderUrl);
    const opened = { window, folder, folderUrl, busy: false };
    windows.push(opened);
    return opened;
  };
  // The first window opens at once: the app starts the printer while the officer chooses where to save.
  openWindow();
  /** A window not printing, taken at once (so two prints never share one); a new one when all are. */
  const takeWindow = (): PrintWindow => {
    const free = windows.find((w) => !w.busy) ?? openWindow();
    free.busy = true;
    return free;
  };

  // Closed while a print is in flight (an officer who cancelled the save dialog): the print ends
  // with it, whatever the destroyed window's loadURL or printToPDF would do.
  let markClosed = () => {};
  const closed = new Promise<never>((_, reject) => (markClosed = () => reject(new Error('The PDF printer was closed'))));
  closed.catch(() => undefined); // seen by a print in flight, or by nobody
  let isClosed = false;

  const printIn = async (w: PrintWindow, doc: PrintDocument) => {
    const page = join(w.folder, 'pack.html');
    const pictures = join(w.folder, 'pictures');
    try {
      writeFileSync(page, doc.html, { mode: 0o600 });
      if (doc.pictures?.size) mkdirSync(pictures, { recursive: true, mode: 0o700 });
      for (const [name, picture] of doc.pictures ?? []) {
        if (!PICTURE_NAME.test(name)) throw new Error(`A picture for the printed page is named ${name}, which is not a picture's name`);
        writeFileSync(join(w.folder, name), picture.bytes, { mode: 0o600 });
      }
      await Promise.race([w.window.loadURL(`${w.folderUrl}pack.html`), closed]);
      return new Uint8Array(await Promise.race([w.window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, generateTaggedPDF: true, generateDocumentOutline: true }), closed]));
    } finally {
      rmSync(page, { force: true });
      rmSync(pictures, { recursive: true, force: true });
    }
  };

  return {
    concurrency: printsAtOnce(),
    async print(doc) {
      if (isClosed) throw new Error('The PDF printer was closed');
      const w = takeWindow();
      try {
        return await printIn(w, doc);
      } finally {
        w.busy = false;
      }
    },
    async close() {
      isClosed = true;
      markClosed();
      for (const w of windows) {
        servedFolders.delete(w.folderUrl);
        if (!w.window.isDestroyed()) w.window.destroy();
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
};
