import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { QuorumFailure } from '../../../shared/result';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One writer per data folder: a lock file created exclusively, naming the process that holds
 * it. A lock left by a process that has died (a crash) is taken over.
 */
export const acquireFolderLock = (lockFile: string): (() => void) => {
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, mine);
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: { pid?: number; host?: string } = {};
      try {
        holder = JSON.parse(readFileSync(lockFile, 'utf8'));
      } catch {
        // An empty or half-written lock file: its writer died while creating it.
      }
      const sameHost = !holder.host || holder.host === hostname();
      if (holder.pid && (!sameHost || alive(holder.pid)))
        throw new QuorumFailure(
          'file-locked',
          `This data folder is already open in another Quorum (process ${holder.pid}${sameHost ? '' : ` on ${holder.host}`}). Close it first; only one Quorum may write to a data folder at a time.`,
        );
      rmSync(lockFile, { force: true });
    }
  }
  throw new QuorumFailure('file-locked', 'Could not lock the data folder');
};
