import { useCallback, useEffect, useRef, useState } from 'react';
import type { QuorumBridge } from '@shared/contract';
import type { QuorumError, Result } from '@shared/result';

declare global {
  interface Window {
    quorum?: QuorumBridge;
  }
}

/** The typed bridge to main: `window.quorum`, set by the preload (or the e2e host). */
export const bridge = (): QuorumBridge => {
  if (!window.quorum) throw new Error('Quorum’s bridge is missing: this page must run inside the Quorum app.');
  return window.quorum;
};

export type Loadable<T> = { status: 'loading' } | { status: 'error'; error: QuorumError } | { status: 'ready'; value: T };

/**
 * Loads through the bridge and reloads whenever the store changes (`store:changed`), so every
 * screen shows the records as they are now. `key` names what is loaded (e.g. a meeting id).
 */
export const useBridge = <T,>(load: (q: QuorumBridge) => Promise<Result<T>>, key = '') => {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  useEffect(() => bridge().on('store:changed', () => setVersion((v) => v + 1)), []);
  useEffect(() => {
    let live = true;
    loadRef.current(bridge()).then(
      (r) => live && setState(r.ok ? { status: 'ready', value: r.value } : { status: 'error', error: r.error }),
      (err: Error) => live && setState({ status: 'error', error: { code: 'internal', message: err.message } }),
    );
    return () => {
      live = false;
    };
  }, [version, key]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { state, reload };
};
