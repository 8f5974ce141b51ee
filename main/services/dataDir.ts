import { join, resolve } from 'node:path';

/**
 * Where the store lives: `QUORUM_DATA_DIR` when set (tests, several partnerships), else the
 * folder the user moved it to in Settings, else `Quorum` in the app's user-data folder.
 */
export const resolveDataDir = (opts: { env: NodeJS.ProcessEnv; preferred?: string; userDataDir: string }): string => {
  const fromEnv = opts.env.QUORUM_DATA_DIR?.trim();
  if (fromEnv) return resolve(fromEnv);
  if (opts.preferred) return resolve(opts.preferred);
  return join(opts.userDataDir, 'Quorum');
};
