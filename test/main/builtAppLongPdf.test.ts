import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createElectronMock } from './electronMock';
import { preparePackMeeting } from '../../scripts/benchPack';
import { WAIT } from '../waits';

const electron = vi.hoisted(() => ({ mock: undefined as unknown as ReturnType<typeof createElectronMock> }));
vi.mock('electron', async () => {
  const { createElectronMock } = await import('./electronMock');
  electron.mock = createElectronMock();
  return electron.mock.module;
});

const root = resolve(import.meta.dirname, '../..');

type PrintWindow = { loadURL: ReturnType<typeof vi.fn>; webContents: { printToPDF: ReturnType<typeof vi.fn> }; destroy: ReturnType<typeof vi.fn> };

/** The built main process (out/main/app.js, as electron-builder packages it), with a mocked electron. */
describe('the built app’s long PDF pack', () => {
  it('is laid out side by side in two hidden windows at once, each a part of the pack, and saved', { timeout: WAIT.readBack }, async () => {
    // A meeting of about 900 pages: 24 papers of about 40 pages each.
    const dataDir = mkdtempSync(join(tmpdir(), 'quorum-built-long-'));
    const { meetingId } = await preparePackMeeting(join(dataDir, 'data'), 24, 40, root);
    process.env.QUORUM_DATA_DIR = join(dataDir, 'data');
    await import('electron'); // the mock is made on first import
    const m = electron.mock;
    // Each print window's loads: what it was given, and whether another window was loading meanwhile.
    const loads: { html: string; besideAnother: boolean }[] = [];
    const loading = new Set<(typeof loads)[number]>();
    const printWindows: PrintWindow[] = [];
    m.onWindow.push((w) => {
      const win = w as unknown as PrintWindow;
      // A print window: scripts off (the app's own window runs the renderer).
      if ((w.options as { webPreferences?: { javascript?: boolean } }).webPreferences?.javascript !== false) return;
      printWindows.push(win);
      win.loadURL.mockImplementation(async (url: string) => {
        const mine = { html: readFileSync(fileURLToPath(url), 'utf8'), besideAnother: loading.size > 0 };
        for (const other of loading) other.besideAnother = true;
        loads.push(mine);
        loading.add(mine);
        // A document lays out for a moment; a print beside it starts meanwhile if there is one.
        await vi.waitFor(() => expect(mine.besideAnother).toBe(true), { timeout: 1000 }).catch(() => undefined);
        loading.delete(mine);
      });
    });

    await import(/* @vite-ignore */ pathToFileURL(resolve(root, 'out/main/app.js')).href);
    await vi.waitFor(() => expect(m.ipcHandlers.get('pack:build')).toBeTypeOf('function'));
    const call = (channel: string, input: unknown) => (m.ipcHandlers.get(channel) as (e: unknown, i: unknown) => Promise<unknown>)({ senderFrame: { url: 'app://quorum/index.html', parent: null } }, input);
    expect(await call('store:status', {})).toMatchObject({ ok: true, value: { state: 'ready' } });
    const packs = join(dataDir, 'packs');
    mkdirSync(packs);
    m.module.dialog.showSaveDialog.mockImplementationOnce(async () => ({ canceled: false, filePath: join(packs, 'pack.pdf') }));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));

    const built = await call('pack:build', { meetingId, variant: 'full', taskId: 'built-long-pdf', overrideReason: 'Papers to follow', format: 'pdf' });
    expect(built).toMatchObject({ ok: true, value: { saved: true, file: join(packs, 'pack.pdf') } });
    expect(readFileSync(join(packs, 'pack.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    // Two windows, two documents laid out at the same time: the first from the cover, the second from a later paper.
    expect(availableParallelism(), 'a long pack is laid out side by side on a machine of two cores or more').toBeGreaterThanOrEqual(2);
    expect(printWindows).toHaveLength(2);
    const [first, second] = loads;
    expect(first.html).toContain('class="title"');
    expect(second.html).not.toContain('class="title"');
    expect(second.html).toContain('quarterly report 24');
    expect(first.besideAnother).toBe(true);
    expect(second.besideAnother).toBe(true);
    for (const w of printWindows) {
      expect(w.webContents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ generateTaggedPDF: true, generateDocumentOutline: true }));
      expect(w.destroy).toHaveBeenCalled();
    }
  });
});
