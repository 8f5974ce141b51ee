import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { createElectronMock } from './electronMock';
import { WAIT } from '../waits';

const electron = vi.hoisted(() => ({ mock: undefined as unknown as ReturnType<typeof createElectronMock> }));
vi.mock('electron', async () => {
  const { createElectronMock } = await import('./electronMock');
  electron.mock = createElectronMock();
  return electron.mock.module;
});

process.env.QUORUM_DATA_DIR = mkdtempSync(join(tmpdir(), 'quorum-built-'));

type PrintWindow = { options: { show: boolean; webPreferences: Record<string, unknown> }; webContents: { printToPDF: ReturnType<typeof vi.fn> }; destroy: ReturnType<typeof vi.fn> };

/** The built main process (out/main/app.js, as electron-builder packages it), with a mocked electron. */
describe('the built app’s PDF pack', () => {
  it('is laid out by Electron’s printToPDF in a hidden, script-free window, tagged and with bookmarks, while the save dialog is open', async () => {
    await import(/* @vite-ignore */ pathToFileURL(resolve(import.meta.dirname, '../../out/main/app.js')).href);
    const m = electron.mock;
    await vi.waitFor(() => expect(m.ipcHandlers.get('pack:build')).toBeTypeOf('function'));
    const call = (channel: string, input: unknown) => (m.ipcHandlers.get(channel) as (e: unknown, i: unknown) => Promise<unknown>)({ senderFrame: { url: 'app://quorum/index.html', parent: null } }, input);
    expect(await call('store:start', { mode: 'example' })).toMatchObject({ ok: true });
    const packs = mkdtempSync(join(tmpdir(), 'quorum-built-packs-'));
    const windowsBefore = m.windows.length;
    const printWindow = () => m.windows.slice(windowsBefore)[0] as unknown as PrintWindow | undefined;
    // The save dialog is answered only once the pack has been printed: it is laid out while the officer chooses where to save it.
    m.module.dialog.showSaveDialog.mockImplementationOnce(async () => {
      await vi.waitFor(() => expect(printWindow()?.webContents.printToPDF.mock.calls.length ?? 0, 'printed while the save dialog was open').toBeGreaterThan(0), { timeout: WAIT.test / 2 });
      return { canceled: false, filePath: join(packs, 'pack.pdf') };
    });
    const built = await call('pack:build', { meetingId: 'meeting:ct-next', variant: 'public', taskId: 'built-pdf', overrideReason: 'Papers to follow', format: 'pdf' });
    expect(built).toMatchObject({ ok: true, value: { saved: true, file: join(packs, 'pack.pdf') } });
    expect(printWindow()!.options.show).toBe(false);
    expect(printWindow()!.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true });
    expect(printWindow()!.webContents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ generateTaggedPDF: true, generateDocumentOutline: true, preferCSSPageSize: true, pageSize: 'A4' }));
    expect(printWindow()!.destroy).toHaveBeenCalled();
    expect(readFileSync(join(packs, 'pack.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
