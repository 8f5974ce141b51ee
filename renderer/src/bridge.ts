import { useCallback, useEffect, useState } from 'react';
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
 * screen shows the records as they are now.
 */
export const useBridge = <T,>(load: (q: QuorumBridge) => Promise<Result<T>>, deps: unknown[] = []) => {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(() => load(bridge()), deps);
  const reload = useCallback(async () => {
    try {
      const r = await run();
      setState(r.ok ? { status: 'ready', value: r.value } : { status: 'error', error: r.error });
    } catch (err) {
      setState({ status: 'error', error: { code: 'internal', message: (err as Error).message } });
    }
  }, [run]);
  useEffect(() => {
    void reload();
    return bridge().on('store:changed', () => void reload());
  }, [reload]);
  return { state, reload };
};
