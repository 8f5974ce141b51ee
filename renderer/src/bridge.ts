import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel } from '@shared/channels';
import type { ChannelInput, ChannelResult, QuorumBridge } from '@shared/contract';
import type { QuorumError, Result } from '@shared/result';

declare global {
  interface Window {
    quorum?: QuorumBridge;
  }
}

/** The key of the form submit whose change is being sent (FormDialog), carried by every call it makes. */
let activeSubmit: string | undefined;
const options = () => (activeSubmit ? { submitId: activeSubmit } : undefined);

/**
 * Runs `send` so that each call it makes at once carries this submit's key: the same submit
 * arriving twice is then saved once (main/services/dispatch.ts).
 */
export const withSubmitKey = <T>(key: string, send: () => T): T => {
  const before = activeSubmit;
  activeSubmit = key;
  try {
    return send();
  } finally {
    activeSubmit = before;
  }
};

/** A fresh key for one form's submits. */
export const newSubmitKey = (): string => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`);

type Area = Record<string, (input?: unknown, options?: { submitId?: string }) => Promise<unknown>>;
const withKeys = new WeakMap<object, QuorumBridge>();

/** The typed bridge to main: `window.quorum`, set by the preload (or the e2e host), its calls carrying the active submit's key. */
export const bridge = (): QuorumBridge => {
  if (!window.quorum) throw new Error('Quorum’s bridge is missing: this page must run inside the Quorum app.');
  const raw = window.quorum;
  let keyed = withKeys.get(raw);
  if (!keyed) {
    keyed = new Proxy(raw, {
      get(target, area: string) {
        const group = (target as unknown as Record<string, unknown>)[area];
        if (!group || typeof group !== 'object') return group;
        return new Proxy(group as Area, { get: (g, verb: string) => (typeof g[verb] === 'function' ? (input?: unknown) => g[verb](input, options()) : g[verb]) });
      },
    }) as QuorumBridge;
    withKeys.set(raw, keyed);
  }
  return keyed;
};

/** Calls one channel by its `area:verb` name. */
export const call = <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelResult<C>>> => {
  const [area, verb] = channel.split(':');
  const method = (bridge() as unknown as Record<string, Record<string, (i: unknown) => Promise<Result<ChannelResult<C>>>>>)[area][verb];
  return method(input);
};

export type Loadable<T> = { status: 'loading' } | { status: 'error'; error: QuorumError } | { status: 'ready'; value: T };

/** Changes that arrive close together (a drag that saves twice) make one refetch. */
const DEBOUNCE_MS = 30;

/**
 * Answers shared between the parts of a screen that ask the same query (the Meetings screen and
 * the meeting it opens both list the boards): a query asked again while its answer is on its way,
 * or within a moment of it arriving, with no change saved since, is answered from that one request.
 * Any saved change that makes the query stale drops it, so nothing is answered from before it.
 */
const SHARE_FOR_MS = 1000;
type Shared = { answer: Promise<Result<unknown>>; arrivedAt?: number };
const shared = new Map<string, Shared>();
/** Drops every shared answer (a screen's "Try again" asks afresh). */
export const forgetSharedAnswers = (): void => shared.clear();
let listening = false;
const sharedCall = <C extends Channel>(channel: C, key: string): Promise<Result<ChannelResult<C>>> => {
  if (!listening && window.quorum) {
    listening = true;
    bridge().on('store:changed', (e) => {
      for (const k of [...shared.keys()]) if (e.queries.includes(k.slice(0, k.indexOf(' ')) as Channel)) shared.delete(k);
    });
  }
  const id = `${channel} ${key}`;
  const hit = shared.get(id);
  if (hit && (hit.arrivedAt === undefined || performance.now() - hit.arrivedAt < SHARE_FOR_MS)) return hit.answer as Promise<Result<ChannelResult<C>>>;
  const entry: Shared = { answer: call(channel, JSON.parse(key) as ChannelInput<C>) };
  shared.set(id, entry);
  entry.answer.then(
    (r) => {
      entry.arrivedAt = performance.now();
      if (!r.ok && shared.get(id) === entry) shared.delete(id); // a failure is asked again, not shared
    },
    () => shared.get(id) === entry && shared.delete(id),
  );
  return entry.answer as Promise<Result<ChannelResult<C>>>;
};

/**
 * Loads a query through the bridge and loads it again only when a saved change makes it stale:
 * main names, with each `store:changed`, the queries whose declared reads the change wrote
 * (shared/operations staleQueries). A refetch asked for while one is in flight waits for it and
 * runs once. `input` null means nothing to load yet (no board chosen): the value is then null.
 * `reload()` resolves once a load begun after it has been shown, so a screen can say what a change
 * did only when the list it shows already reflects it (the outbox's "Sent 6"); with `input` null
 * nothing loads, so it resolves once there is input and that load is shown.
 */
export function useQuery<C extends Channel>(channel: C, input: ChannelInput<C>): { state: Loadable<ChannelResult<C>>; reload: () => Promise<void> };
export function useQuery<C extends Channel>(channel: C, input: ChannelInput<C> | null): { state: Loadable<ChannelResult<C> | null>; reload: () => Promise<void> };
export function useQuery<C extends Channel>(channel: C, input: ChannelInput<C> | null) {
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<Loadable<ChannelResult<C> | null>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const inFlight = useRef(false);
  const staleWhileInFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Those waiting for a load not yet begun; a load takes them when it begins and frees them once shown.
  const waiting = useRef<(() => void)[]>([]);

  const reload = useCallback(
    () =>
      new Promise<void>((shown) => {
        waiting.current.push(shown);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => {
          if (inFlight.current) staleWhileInFlight.current = true;
          else setVersion((v) => v + 1);
        }, DEBOUNCE_MS);
      }),
    [],
  );

  useEffect(() => bridge().on('store:changed', (e) => e.queries.includes(channel) && void reload()), [channel, reload]);
  useEffect(() => () => clearTimeout(timer.current), []);

  useEffect(() => {
    if (key === null) return;
    let live = true;
    inFlight.current = true;
    const riders = waiting.current.splice(0);
    // A refetch after a change (version > 0) always asks afresh; the first load may share.
    (version === 0 ? sharedCall(channel, key) : call(channel, JSON.parse(key) as ChannelInput<C>))
      .then(
        (r) => live && setState(r.ok ? { status: 'ready', value: r.value } : { status: 'error', error: r.error }),
        (err: Error) => live && setState({ status: 'error', error: { code: 'internal', message: err.message } }),
      )
      .finally(() => {
        inFlight.current = false;
        // Resolved after the state is set, so the caller's own update lands in the same or a later render.
        if (live) for (const shown of riders) shown();
        else waiting.current.unshift(...riders);
        if (staleWhileInFlight.current) {
          staleWhileInFlight.current = false;
          if (live) setVersion((v) => v + 1);
        }
      });
    return () => {
      live = false;
    };
  }, [channel, key, version]);

  return { state: key === null ? ({ status: 'ready', value: null } as const) : state, reload };
}
