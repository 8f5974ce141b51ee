import { useCallback, useRef, useState } from 'react';
import type { Done } from '@shared/contract';
import type { QuorumError, Result } from '@shared/result';

/**
 * One change at a time: `run(work)` does nothing while an earlier `work` is still in flight, so a
 * double click on "Plan the meeting" or "Add resolution" makes one meeting or one resolution.
 * The ref decides at once (a second click can arrive before React re-renders); `pending` is for
 * showing the form as disabled meanwhile.
 */
export const useInFlight = () => {
  const inFlight = useRef(false);
  const [pending, setPending] = useState(false);
  const run = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setPending(true);
    try {
      return await work();
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }, []);
  return { pending, run };
};

export type Act = (call: () => Promise<Result<Done>>) => Promise<boolean>;

/**
 * Runs a change through the bridge and keeps what the screen should say about it: the journal's
 * summary when it worked, the error (with its fields) when it did not. Returns whether it worked;
 * a change asked for while another is in flight is not made (false).
 */
export const useChange = () => {
  const [error, setError] = useState<QuorumError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { pending, run } = useInFlight();
  const act: Act = useCallback(
    async (call) =>
      (await run(async () => {
        setError(null);
        const r = await call();
        if (r.ok) setNotice(r.value.summary);
        else setError(r.error);
        return r.ok;
      })) ?? false,
    [run],
  );
  return { act, pending, error, setError, notice, setNotice };
};
