import type { PdfPrinter } from './pdf/printer';

/**
 * What the services need from the desktop (dialogs, the system browser, preferences). Electron
 * provides it in the app; the CLI and the e2e host provide their own.
 */
export type Platform = {
  appVersion: string;
  chooseFolder(title: string): Promise<string | null>;
  openExternal(url: string): Promise<void>;
  /** Remembers the data folder for the next start (electron-store prefs in the app). */
  rememberDataDir(dir: string): void;
  /** The system save dialog, opened in the folder last saved to; null when cancelled. */
  chooseSaveFile(options: { title: string; defaultName: string; filterName: string; extension: string }): Promise<string | null>;
  /** The system open dialog, in the folder last imported from; null when cancelled. */
  chooseOpenFile(options: { title: string; filterName: string; extensions: readonly string[] }): Promise<string | null>;
  /** Opens a saved file in its default app (Word for a pack). */
  openPath(path: string): Promise<void>;
  showInFolder(path: string): void;
  /** The browser engine a PDF pack is laid out in: Electron's own in the app, a Chromium on this computer elsewhere. */
  startPdfPrinter(): Promise<PdfPrinter>;
  /** The mail server password the officer saved, from the operating system's credential store (Electron safeStorage); never in the data folder. */
  mailPassword?(): Promise<string | undefined>;
  /** Keeps the mail server password in the operating system's credential store (blank: forget it). */
  saveMailPassword?(password: string): Promise<void>;
};

/** A desktop with nobody at it (the CLI, the bench, the tests): every dialog is cancelled, nothing is opened. */
export const headlessPlatform = (appVersion: string, overrides: Partial<Platform> = {}): Platform => ({
  appVersion,
  chooseFolder: async () => null,
  openExternal: async () => {},
  rememberDataDir: () => {},
  chooseSaveFile: async () => null,
  chooseOpenFile: async () => null,
  openPath: async () => {},
  showInFolder: () => {},
  startPdfPrinter: () => import('./pdf/chromiumPrinter').then((m) => m.launchChromiumPrinter()),
  ...overrides,
});
