import type { BrowserWindowConstructorOptions } from 'electron';

export type Bounds = { x?: number; y?: number; width: number; height: number };

/** The main window's options: the Electron security checklist items that live in webPreferences. */
export const mainWindowOptions = (preloadPath: string, bounds: Bounds): BrowserWindowConstructorOptions => ({
  ...bounds,
  minWidth: 900,
  minHeight: 600,
  title: 'Quorum',
  show: false,
  backgroundColor: '#faf9f8',
  webPreferences: {
    preload: preloadPath,
    contextIsolation: true, // item 3
    sandbox: true, // item 4
    nodeIntegration: false, // item 2
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true, // item 6
    allowRunningInsecureContent: false,
    experimentalFeatures: false, // item 9
    enableBlinkFeatures: undefined, // item 10
    webviewTag: false, // item 11
    navigateOnDragDrop: false,
    spellcheck: true,
  },
});
