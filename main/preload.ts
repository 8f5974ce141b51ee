import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildBridge } from '../shared/bridge';

/**
 * The channel names, built in from the declared operations (electron.vite.config.ts `define`):
 * a sandboxed preload can load nothing but itself, so it cannot import the operations themselves.
 */
declare const __QUORUM_CHANNELS__: readonly string[];

/**
 * Exposes exactly the contract as `window.quorum`: one method per channel and `on` for events.
 * Never ipcRenderer itself (checklist item 20). Built as CommonJS for the sandbox.
 */
contextBridge.exposeInMainWorld(
  'quorum',
  buildBridge(
    __QUORUM_CHANNELS__,
    (channel, input) => ipcRenderer.invoke(channel, input),
    (event, listener) => {
      const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(event, wrapped);
      return () => {
        ipcRenderer.removeListener(event, wrapped);
      };
    },
  ),
);
