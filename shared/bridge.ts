import { EVENTS, type EventName } from './events';

/** The envelope a form's submit travels in: its key and its input. No operation's input has this field. */
export const SUBMIT_KEY = '__quorumSubmit';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/**
 * Builds `window.quorum` from the channel names: one method per channel, grouped by area, and
 * `on` for events. Used by the preload (over IPC) and the e2e host (over HTTP), so both expose
 * exactly the contract. The names come from the declared operations: the preload has them built
 * in (electron.vite.config.ts), the e2e page is handed them by the host. Kept free of any library,
 * since a sandboxed preload can load nothing else. Typed as `QuorumBridge` by the caller.
 */
export const buildBridge = (channels: readonly string[], invoke: Invoke, subscribe: Subscribe): Record<string, unknown> => {
  const bridge: Record<string, Record<string, (input?: unknown, options?: { submitId?: string }) => Promise<unknown>> | unknown> = {};
  for (const channel of channels) {
    const [area, verb] = channel.split(':');
    const group = (bridge[area] ??= {}) as Record<string, (input?: unknown, options?: { submitId?: string }) => Promise<unknown>>;
    // A form's submit carries its key, so the same submit arriving twice is saved once (main/services/dispatch.ts).
    group[verb] = (input?: unknown, options?: { submitId?: string }) =>
      invoke(channel, typeof options?.submitId === 'string' ? { [SUBMIT_KEY]: options.submitId, input: input ?? {} } : (input ?? {}));
  }
  bridge.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!(EVENTS as readonly string[]).includes(event)) throw new Error(`Unknown event ${String(event)}`);
    if (typeof listener !== 'function') throw new Error('A listener must be a function');
    return subscribe(event, listener);
  };
  return bridge;
};
