import { useState } from 'react';
import type { QuorumError, Result } from '@shared/result';
import { useInFlight } from '../useChange';

/**
 * The file an import starts from, chosen in main's dialog and read there: what was read, or why it
 * could not be (a protected workbook, wrong columns, 50,000 rows), or nothing when the officer
 * cancelled. One dialog at a time.
 */
export const useChosenFile = <R extends { chosen: boolean }>(choose: () => Promise<Result<R>>) => {
  const [file, setFile] = useState<Extract<R, { chosen: true }> | null>(null);
  const [error, setError] = useState<QuorumError | null>(null);
  const { pending, run } = useInFlight();
  const open = () =>
    void run(async () => {
      setError(null);
      const r = await choose();
      if (!r.ok) setError(r.error);
      else if (r.value.chosen) setFile(r.value as Extract<R, { chosen: true }>);
    });
  return { file, error, pending, open, close: () => setFile(null) };
};
