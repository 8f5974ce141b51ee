import { BrowserWindow } from 'electron';

export type Bounds = { x?: number; y?: number; width: number; height: number };

/**
 * The main window, with the Electron security checklist items that live in webPreferences written
 * out as a literal, so reviewers and static checkers (electronegativity) see them at the call.
 */
export const createMainWindow = (preloadPath: string, bounds: Bounds): BrowserWindow =>
  new BrowserWindow({
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    title: 'Quorum',
    show: false,
    backgroundColor: '#faf9f8',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true, // checklist 3
      sandbox: true, // checklist 4
      nodeIntegration: false, // checklist 2
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true, // checklist 6
      allowRunningInsecureContent: false,
      experimentalFeatures: false, // checklist 9
      // No Blink features are enabled (checklist 10); a middle click would otherwise try to open a
      // link in a new window (electronegativity AUXCLICK).
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false, // checklist 11
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  });
