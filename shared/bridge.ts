import { CHANNELS, EVENTS, type Channel, type EventName } from './channels';

export type Invoke = (channel: Channel, input: unknown) => Promise<unknown>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/**
 * Builds `window.quorum` from the channel list: one method per channel, grouped by area, and
 * `on` for events. Used by the preload (over IPC) and the e2e host (over HTTP), so both expose
 * exactly the contract. Typed as `QuorumBridge` by the caller (kept free of zod for the preload).
 */
export const buildBridge = (invoke: Invoke, subscribe: Subscribe): Record<string, unknown> => {
  const bridge: Record<string, Record<string, (input?: unknown) => Promise<unknown>> | unknown> = {};
  for (const channel of CHANNELS) {
    const [area, verb] = channel.split(':');
    const group = (bridge[area] ??= {}) as Record<string, (input?: unknown) => Promise<unknown>>;
    group[verb] = (input?: unknown) => invoke(channel, input ?? {});
  }
  bridge.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!(EVENTS as readonly string[]).includes(event)) throw new Error(`Unknown event ${String(event)}`);
    if (typeof listener !== 'function') throw new Error('A listener must be a function');
    return subscribe(event, listener);
  };
  return bridge;
};
