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
};
