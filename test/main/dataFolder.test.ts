import { mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createElectronMock } from './electronMock';
import { machineBootId, processStartMark } from '../../main/services/store/lock';

const electron = vi.hoisted(() => ({ mock: undefined as unknown as ReturnType<typeof createElectronMock> }));
vi.mock('electron', async () => {
  const { createElectronMock } = await import('./electronMock');
  electron.mock = createElectronMock();
  return electron.mock.module;
});

// A data folder held by a Quorum that is still running (this very process).
const heldDir = mkdtempSync(join(tmpdir(), 'quorum-held-'));
writeFileSync(join(heldDir, 'quorum.lock'), JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-11-20T08:00:00.000Z', bootId: machineBootId(), processStart: processStartMark(process.pid) }));
const otherDir = mkdtempSync(join(tmpdir(), 'quorum-other-'));
process.env.QUORUM_DATA_DIR = heldDir;

let m: ReturnType<typeof createElectronMock>;

beforeAll(async () => {
  vi.resetModules();
  const mock = await import('electron');
  m = electron.mock;
  expect(mock).toBeDefined();
  m.module.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
  m.module.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [otherDir] });
  await import('../../main/electron/app');
  await vi.waitFor(() => expect(m.windows).toHaveLength(1));
});

describe('a data folder the app cannot open', () => {
  it('says why in the user’s words and offers another folder instead of quitting', async () => {
    const box = m.module.dialog.showMessageBox.mock.calls[0][0] as { detail: string; buttons: string[] };
    expect(box.detail).toMatch(/already open in another Quorum .*delete the file .*quorum\.lock/);
    expect(box.detail).toContain(heldDir);
    expect(box.buttons).toEqual(['Choose another folder…', 'Quit']);
    expect(m.module.app.quit).not.toHaveBeenCalled();
    // The window opened on the folder chosen, which is remembered for next time.
    const info = (await m.ipcHandlers.get('app:info')!({ senderFrame: { url: 'app://quorum/index.html' } } as never, {} as never)) as { ok: boolean; value: { dataDir: string } };
    expect(info).toMatchObject({ ok: true, value: { dataDir: otherDir } });
  });
});
