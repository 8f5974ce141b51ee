import { vi } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Handler = (...args: never[]) => unknown;

/** What printToPDF gives back in the mock: a real one-page PDF, so what reads it afterwards can. */
const onePagePdf = async () => {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  return doc.save();
};

/** A stand-in for the `electron` module that records what main asks of it. */
export const createElectronMock = () => {
  const userData = mkdtempSync(join(tmpdir(), 'quorum-userdata-'));
  const appHandlers = new Map<string, Handler>();
  const ipcHandlers = new Map<string, Handler>();
  const windows: FakeWindow[] = [];
  /** Called with each window as it is made, before main can use it: how a test gives new windows their behaviour. */
  const onWindow: ((w: FakeWindow) => void)[] = [];
  let protocolHandler: Handler | undefined;

  class FakeWindow {
    options: unknown;
    destroyed = false;
    webContents = { send: vi.fn(), isDestroyed: () => false, printToPDF: vi.fn(async (_o: unknown) => Buffer.from(await onePagePdf())) };
    isDestroyed = () => this.destroyed;
    destroy = vi.fn(() => void (this.destroyed = true));
    loadURL = vi.fn(async () => {});
    once = vi.fn();
    on = vi.fn();
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
    getBounds = () => ({ x: 0, y: 0, width: 1280, height: 860 });
    constructor(options: unknown) {
      this.options = options;
      windows.push(this);
      for (const f of onWindow) f(this);
    }
  }

  const state = { singleInstanceLock: true };
  const newSession = () => ({
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  });
  const session = newSession();
  const partitions = new Map<string, ReturnType<typeof newSession>>();
  const module = {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: vi.fn(() => state.singleInstanceLock),
      quit: vi.fn(),
      on: vi.fn((event: string, h: Handler) => appHandlers.set(event, h)),
      whenReady: vi.fn(async () => {}),
      getPath: vi.fn(() => userData),
      getVersion: vi.fn(() => '0.1.0-test'),
    },
    BrowserWindow: FakeWindow,
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((_scheme: string, h: Handler) => (protocolHandler = h)),
    },
    session: { defaultSession: session, fromPartition: vi.fn((partition: string) => partitions.get(partition) ?? partitions.set(partition, newSession()).get(partition)!) },
    ipcMain: { handle: vi.fn((channel: string, h: Handler) => ipcHandlers.set(channel, h)), on: vi.fn() },
    dialog: {
      showOpenDialog: vi.fn(async (_o: unknown) => ({ canceled: true, filePaths: [] as string[] })),
      showSaveDialog: vi.fn(async (_o: unknown) => ({ canceled: true, filePath: undefined as string | undefined })),
      showErrorBox: vi.fn(),
      showMessageBox: vi.fn(async (_o: unknown) => ({ response: 1 })),
    },
    shell: { openExternal: vi.fn(async () => {}), openPath: vi.fn() },
    // The operating system's credential store: a reversible stand-in, so a test can see nothing is kept in plain text.
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      encryptString: vi.fn((s: string) => Buffer.from(`sealed:${Buffer.from(s).toString('hex')}`)),
      decryptString: vi.fn((b: Buffer) => Buffer.from(b.toString().replace(/^sealed:/, ''), 'hex').toString()),
    },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: null })), on: vi.fn(), removeListener: vi.fn() },
  };
  return { module: { ...module, default: module }, state, userData, appHandlers, ipcHandlers, windows, onWindow, session, partitions, protocolHandler: () => protocolHandler };
};
