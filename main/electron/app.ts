import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, protocol, session as electronSession, shell } from 'electron';
import { createDispatcher } from '../services/dispatch';
import { createHandlers } from '../services/handlers';
import { resolveDataDir } from '../services/dataDir';
import { Session } from '../services/session';
import type { Platform } from '../services/platform';
import { mailPasswordKeeper } from './mailPassword';
import { electronPdfPrinter } from './pdfPrinter';
import { registerIpc, sendEvent } from './ipc';
import { createPreferences } from './prefs';
import { APP_ORIGIN, APP_SCHEME, hardenSession, hardenWebContents, serveRendererFile } from './security';
import { createMainWindow } from './window';

const here = fileURLToPath(new URL('.', import.meta.url));
/** electron-vite sets this in `npm run dev` only; a packaged app always loads its own files. */
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

// Must happen before `ready`: the app:// scheme behaves like https (secure, standard origin).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

export const start = async (): Promise<void> => {
  // One Quorum per machine user: the store has one writer (checklist: single-instance lock).
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Filled in once the store is open; the handlers below run only after that.
  const windows: { main?: BrowserWindow } = {};
  app.on('second-instance', () => {
    if (windows.main?.isMinimized()) windows.main.restore();
    windows.main?.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  const prefs = createPreferences();
  const passwords = mailPasswordKeeper(prefs);
  hardenSession(electronSession.defaultSession, devServerUrl);
  protocol.handle(APP_SCHEME, (request) => serveRendererFile(join(here, '../renderer'), request.url));

  const platform: Platform = {
    appVersion: app.getVersion(),
    chooseFolder: async (title) => {
      const result = await dialog.showOpenDialog({ title, properties: ['openDirectory', 'createDirectory'], defaultPath: prefs.get('dataDir') });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    openExternal: (url) => shell.openExternal(url),
    rememberDataDir: (dir) => prefs.set('dataDir', dir),
    chooseSaveFile: async ({ title, defaultName, filterName, extension }) => {
      const folder = prefs.get('lastFolders').export ?? app.getPath('documents');
      const result = await dialog.showSaveDialog({ title, defaultPath: join(folder, defaultName), filters: [{ name: filterName, extensions: [extension] }] });
      if (result.canceled || !result.filePath) return null;
      prefs.set('lastFolders', { ...prefs.get('lastFolders'), export: dirname(result.filePath) });
      return result.filePath;
    },
    chooseOpenFile: async ({ title, filterName, extensions }) => {
      const folder = prefs.get('lastFolders').import ?? app.getPath('documents');
      const result = await dialog.showOpenDialog({ title, defaultPath: folder, properties: ['openFile'], filters: [{ name: filterName, extensions: [...extensions] }] });
      const file = result.canceled ? undefined : result.filePaths[0];
      if (!file) return null;
      prefs.set('lastFolders', { ...prefs.get('lastFolders'), import: dirname(file) });
      return file;
    },
    openPath: async (path) => {
      const problem = await shell.openPath(path);
      if (problem) throw new Error(problem);
    },
    showInFolder: (path) => shell.showItemInFolder(path),
    startPdfPrinter: electronPdfPrinter,
    mailPassword: () => passwords.read(),
    saveMailPassword: (password) => passwords.save(password),
  };
  let dataDir = resolveDataDir({ env: process.env, preferred: prefs.get('dataDir'), userDataDir: app.getPath('userData') });
  let session: Session | undefined;
  // A folder that cannot be opened (read-only, held by another Quorum, unreadable) is explained,
  // and the officer may choose another rather than being left with no way in.
  while (!session) {
    try {
      session = new Session(dataDir, (event, payload) => sendEvent(windows.main?.webContents, event, payload), { checkJournalInBackground: true });
    } catch (err) {
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: 'Quorum cannot open its data folder',
        message: 'Quorum cannot open its data folder',
        detail: `${(err as Error).message}\n\nFolder: ${dataDir}`,
        buttons: ['Choose another folder…', 'Quit'],
        defaultId: 0,
        cancelId: 1,
      });
      const chosen = response === 0 ? await platform.chooseFolder('Choose a folder for Quorum’s data') : null;
      if (!chosen) {
        app.quit();
        return;
      }
      dataDir = chosen;
      platform.rememberDataDir(chosen);
    }
  }
  registerIpc(createDispatcher(createHandlers(session, platform), (msg, err) => console.error(msg, err)), devServerUrl);
  app.on('will-quit', () => session.close());

  const mainWindow = createMainWindow(join(here, '../preload/preload.cjs'), prefs.get('windowBounds'));
  windows.main = mainWindow;
  mainWindow.once('ready-to-show', () => mainWindow.show());
  mainWindow.on('close', () => prefs.set('windowBounds', mainWindow.getBounds()));
  await mainWindow.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
};

void start();
