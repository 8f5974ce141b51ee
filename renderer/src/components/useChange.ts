import { useCallback, useState } from 'react';
import type { Done } from '@shared/contract';
import type { QuorumError, Result } from '@shared/result';

export type Act = (call: Promise<Result<Done>>) => Promise<boolean>;

/**
 * Runs a change through the bridge and keeps what the screen should say about it: the journal's
 * summary when it worked, the error (with its fields) when it did not. Returns whether it worked.
 */
export const useChange = () => {
  const [error, setError] = useState<QuorumError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const act: Act = useCallback(async (call) => {
    setError(null);
    const r = await call;
    if (r.ok) setNotice(r.value.summary);
    else setError(r.error);
    return r.ok;
  }, []);
  return { act, error, setError, notice, setNotice };
};
