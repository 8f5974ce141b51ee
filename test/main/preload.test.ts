import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENTS } from '../../shared/channels';

const electron = vi.hoisted(() => ({ mock: undefined as unknown as ReturnType<typeof import('./electronMock').createElectronMock> }));
vi.mock('electron', async () => {
  const { createElectronMock } = await import('./electronMock');
  electron.mock = createElectronMock();
  return electron.mock.module;
});

describe('the preload', () => {
  it('exposes exactly the contract as window.quorum, and never ipcRenderer', async () => {
    // electron.vite.config.ts builds the channel names in; from source they are a global (and
    // test/integration/builtWorker.test.ts checks the built preload names every one).
    (globalThis as { __QUORUM_CHANNELS__?: readonly string[] }).__QUORUM_CHANNELS__ = CHANNELS;
    await import('../../main/preload');
    const { exposeInMainWorld } = electron.mock.module.contextBridge;
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, api] = exposeInMainWorld.mock.calls[0] as unknown as [string, Record<string, unknown>];
    expect(name).toBe('quorum');
    const methods = Object.entries(api).flatMap(([area, g]) => (typeof g === 'function' ? [area] : Object.keys(g as object).map((v) => `${area}:${v}`)));
    expect(methods.sort()).toEqual([...CHANNELS, 'on'].sort());
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipcRenderer|invoke|send/);

    const { invoke, on, removeListener } = electron.mock.module.ipcRenderer;
    await (api.dashboard as { get: (i?: unknown) => Promise<unknown> }).get();
    expect(invoke).toHaveBeenCalledWith('dashboard:get', {});
    const listener = vi.fn();
    const off = (api.on as (e: string, l: (p: unknown) => void) => () => void)(EVENTS[0], listener);
    const wrapped = on.mock.calls[0][1] as (e: unknown, p: unknown) => void;
    wrapped({ sender: 'ipc-event-object' }, { command: 'x', ids: [] });
    expect(listener).toHaveBeenCalledWith({ command: 'x', ids: [] }); // the IPC event object never reaches the page
    off();
    expect(removeListener).toHaveBeenCalledWith(EVENTS[0], wrapped);
  });
});
