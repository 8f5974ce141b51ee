import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/channels';
import { createElectronMock } from './electronMock';

const electron = vi.hoisted(() => ({ mock: undefined as unknown as ReturnType<typeof createElectronMock> }));
vi.mock('electron', async () => {
  const { createElectronMock } = await import('./electronMock');
  electron.mock = createElectronMock();
  return electron.mock.module;
});

const dataDir = mkdtempSync(join(tmpdir(), 'quorum-main-'));
process.env.QUORUM_DATA_DIR = dataDir;

let m: ReturnType<typeof createElectronMock>;
type Win = { options: { webPreferences: Record<string, unknown> }; loadURL: ReturnType<typeof vi.fn> };

beforeAll(async () => {
  const { start } = await import('../../main/electron/app');
  m = electron.mock;
  await vi.waitFor(() => expect(m.windows).toHaveLength(1));
  expect(typeof start).toBe('function');
});

describe('the main process', () => {
  it('takes the single-instance lock before anything else', () => {
    expect(m.module.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(m.appHandlers.has('second-instance')).toBe(true);
  });

  it('opens one window with the hardened webPreferences and the sandboxed CommonJS preload', () => {
    const prefs = (m.windows[0] as unknown as Win).options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(String(prefs.preload)).toMatch(/preload\/preload\.cjs$/);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
  });

  it('loads the renderer from its own app:// files, never http or a remote URL', () => {
    expect((m.windows[0] as unknown as Win).loadURL).toHaveBeenCalledWith('app://quorum/index.html');
    expect(m.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('registers a handler for every contract channel and no other', () => {
    expect([...m.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('refuses calls from any frame but the app’s own top frame, and validates input', async () => {
    const status = m.ipcHandlers.get('store:status')!;
    const call = (frame: unknown, input: unknown = {}) => (status as (e: unknown, i: unknown) => Promise<unknown>)({ senderFrame: frame }, input);
    expect(await call({ url: 'app://quorum/index.html', parent: null })).toMatchObject({ ok: true, value: { state: 'empty', dataDir } });
    expect(await call({ url: 'https://evil.example.com/', parent: null })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call({ url: 'app://quorum/index.html', parent: {} })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(null)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call({ url: 'app://quorum/index.html', parent: null }, { sneaky: true })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('denies every permission request and check', () => {
    const request = m.session.setPermissionRequestHandler.mock.calls[0][0] as (wc: unknown, p: string, cb: (b: boolean) => void) => void;
    const cb = vi.fn();
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal']) request({}, p, cb);
    expect(cb.mock.calls.every(([granted]) => granted === false)).toBe(true);
    const check = m.session.setPermissionCheckHandler.mock.calls[0][0] as () => boolean;
    expect(check()).toBe(false);
  });

  it('blocks every request that is not the app’s own content', () => {
    const onBefore = m.session.webRequest.onBeforeRequest.mock.calls[0][0] as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      onBefore({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict('app://quorum/assets/index.js')).toBe(false);
    expect(verdict('https://cdn.example.com/lib.js')).toBe(true);
    expect(verdict('http://localhost:5173/')).toBe(true);
    expect(verdict('file:///etc/passwd')).toBe(true);
  });

  it('denies navigation and new windows; only allow-listed https links go to the system browser', () => {
    const created = m.appHandlers.get('web-contents-created') as (e: unknown, c: unknown) => void;
    const listeners = new Map<string, (e: { preventDefault: () => void }, url?: string) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    created({}, { on: (ev: string, l: never) => listeners.set(ev, l), setWindowOpenHandler: (h: never) => (openHandler = h) });

    for (const ev of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = { preventDefault: vi.fn() };
      listeners.get(ev)!(e, 'https://evil.example.com/');
      expect(e.preventDefault, ev).toHaveBeenCalled();
    }
    m.module.shell.openExternal.mockClear();
    expect(openHandler!({ url: 'https://www.gov.uk/government/publications/x' })).toEqual({ action: 'deny' });
    expect(m.module.shell.openExternal).toHaveBeenCalledWith('https://www.gov.uk/government/publications/x');
    m.module.shell.openExternal.mockClear();
    for (const url of ['https://evil.example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share']) {
      expect(openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(m.module.shell.openExternal).not.toHaveBeenCalled();
  });

  it('serves the renderer with the CSP header and refuses paths outside its folder', async () => {
    const serve = m.protocolHandler() as (r: { url: string }) => Promise<Response>;
    const index = await serve({ url: 'app://quorum/index.html' });
    // The test runs against source, so the built renderer may or may not exist; the header is what matters.
    if (index.status === 200) expect(index.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect((await serve({ url: 'app://quorum/..%2f..%2f..%2fetc%2fpasswd' })).status).toBe(403);
    expect((await serve({ url: 'app://other/index.html' })).status).toBe(404);
  });

  it('keeps preferences in electron-store, apart from the records', async () => {
    const { createPreferences } = await import('../../main/electron/prefs');
    const prefs = createPreferences();
    prefs.set('dataDir', '/somewhere/else');
    expect(prefs.get('windowBounds')).toEqual({ width: 1280, height: 860 });
    expect(prefs.path.startsWith(m.userData)).toBe(true);
    expect(() => prefs.set('windowBounds', { width: 'wide' } as never)).toThrow();
  });

  it('keeps the mail server password in the operating system’s credential store, never in the data folder', async () => {
    const call = (channel: string, input: unknown) => (m.ipcHandlers.get(channel) as (e: unknown, i: unknown) => Promise<unknown>)({ senderFrame: { url: 'app://quorum/index.html', parent: null } }, input);
    expect(await call('outbox:setPassword', { password: 'Mail-Password-1' })).toMatchObject({ ok: true, value: { saved: true } });
    expect(m.module.safeStorage.encryptString).toHaveBeenCalledWith('Mail-Password-1');
    const { readdirSync } = await import('node:fs');
    const everything = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? everything(join(dir, e.name)) : [readFileSync(join(dir, e.name), 'latin1')]));
    expect(everything(m.userData).join('\n')).not.toContain('Mail-Password-1');
    expect(everything(dataDir).join('\n')).not.toContain('Mail-Password-1');
    const { createPreferences } = await import('../../main/electron/prefs');
    const { mailPasswordKeeper } = await import('../../main/electron/mailPassword');
    expect(await mailPasswordKeeper(createPreferences()).read()).toBe('Mail-Password-1');
    m.module.safeStorage.isEncryptionAvailable.mockReturnValueOnce(false);
    expect(await call('outbox:setPassword', { password: 'x' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no credential store/) } });
  });

  it('imports a paper and saves a pack through the system dialogs, reopening each in the folder last used', async () => {
    const call = (channel: string, input: unknown) => (m.ipcHandlers.get(channel) as (e: unknown, i: unknown) => Promise<unknown>)({ senderFrame: { url: 'app://quorum/index.html', parent: null } }, input);
    expect(await call('store:start', { mode: 'example' })).toMatchObject({ ok: true });
    const papers = mkdtempSync(join(tmpdir(), 'quorum-papers-'));
    writeFileSync(join(papers, 'plan.md'), '# Plan\n\nThe refreshed plan.\n');
    m.module.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [join(papers, 'plan.md')] });
    expect(await call('paper:import', { agendaItemId: 'agendaItem:next-6' })).toMatchObject({ ok: true, value: { imported: true, sourceFile: 'plan.md' } });
    expect(m.module.dialog.showOpenDialog.mock.calls[0][0]).toMatchObject({ properties: ['openFile'], filters: [{ extensions: ['docx', 'md', 'markdown', 'txt'] }] });
    await call('paper:import', { agendaItemId: 'agendaItem:next-5' });
    expect(m.module.dialog.showOpenDialog.mock.calls[1][0]).toMatchObject({ defaultPath: papers });

    const packs = mkdtempSync(join(tmpdir(), 'quorum-packs-'));
    m.module.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(packs, 'pack.docx') });
    const built = await call('pack:build', { meetingId: 'meeting:ct-next', variant: 'public', taskId: 'app-test', overrideReason: 'Deep dive paper to follow' });
    expect(built).toMatchObject({ ok: true, value: { saved: true, file: join(packs, 'pack.docx') } });
    await call('pack:build', { meetingId: 'meeting:ct-next', variant: 'full', taskId: 'app-test-2', overrideReason: 'Deep dive paper to follow' });
    const second = m.module.dialog.showSaveDialog.mock.calls[1][0] as { defaultPath: string };
    expect(second.defaultPath.startsWith(join(packs, ''))).toBe(true);
    expect(second.defaultPath).toMatch(/board pack \(full\)\.docx$/);
  });

  it('saves the pack as PDF, laid out by Electron’s own Chromium in a hidden window (printToPDF, tagged, with bookmarks)', async () => {
    const call = (channel: string, input: unknown) => (m.ipcHandlers.get(channel) as (e: unknown, i: unknown) => Promise<unknown>)({ senderFrame: { url: 'app://quorum/index.html', parent: null } }, input);
    const packs = mkdtempSync(join(tmpdir(), 'quorum-packs-'));
    const windowsBefore = m.windows.length;
    m.module.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(packs, 'pack.pdf') });
    const built = await call('pack:build', { meetingId: 'meeting:ct-next', variant: 'public', taskId: 'app-test-pdf', overrideReason: 'Deep dive paper to follow', format: 'pdf' });
    expect(built).toMatchObject({ ok: true, value: { saved: true, file: join(packs, 'pack.pdf') } });
    expect(m.module.dialog.showSaveDialog.mock.calls.at(-1)![0]).toMatchObject({ filters: [{ name: 'PDF document', extensions: ['pdf'] }] });
    expect(m.module.dialog.showSaveDialog.mock.calls.at(-1)![0]).toMatchObject({ defaultPath: expect.stringMatching(/board pack \(public\)\.pdf$/) });
    const printWindow = m.windows.slice(windowsBefore)[0] as unknown as Win & { destroy: ReturnType<typeof vi.fn>; webContents: { printToPDF: ReturnType<typeof vi.fn> }; options: { show: boolean } };
    expect(printWindow.options.show).toBe(false);
    expect(printWindow.options.webPreferences).toMatchObject({ javascript: false, sandbox: true });
    expect(printWindow.webContents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ generateTaggedPDF: true, generateDocumentOutline: true, preferCSSPageSize: true }));
    expect(printWindow.destroy).toHaveBeenCalled();
    expect(readFileSync(join(packs, 'pack.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('a second instance', () => {
  it('quits at once when the single-instance lock is held elsewhere', async () => {
    m.state.singleInstanceLock = false;
    m.module.app.quit.mockClear();
    const windowsBefore = m.windows.length;
    const { start } = await import('../../main/electron/app');
    await start();
    expect(m.module.app.quit).toHaveBeenCalled();
    expect(m.windows.length).toBe(windowsBefore);
  });
});
