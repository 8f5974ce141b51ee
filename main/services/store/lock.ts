import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { QuorumFailure } from '../../../shared/result';
import { systemClock } from '../../../shared/clock';
import { formatUkDateTime } from '../../../shared/rules/dates';
import { fileFailure } from './errors';

/** What the lock file says of the Quorum that holds the folder. */
export type LockHolder = {
  pid?: number;
  host?: string;
  since?: string;
  /** When the machine last started (to the minute): a lock from before a restart is stale whatever its PID. */
  bootedAt?: string;
  /** The process's own start mark (Linux: field 22 of /proc/PID/stat), so a recycled PID is told apart. */
  processStart?: string | null;
};

const MINUTE = 60_000;

/** When this machine started, rounded to the minute (uptime is read at a slightly different moment each time). */
export const machineBootedAt = (): string => {
  const booted = Date.parse(systemClock.now()) - uptime() * 1000;
  return new Date(Math.round(booted / MINUTE) * MINUTE).toISOString();
};

/** A process's start mark where the system gives one (Linux /proc), else null: PID and boot time then decide. */
export const processStartMark = (pid: number): string | null => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and brackets: count fields after its closing ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Whether the Quorum named in a lock on this machine could still be running. A lock is stale when
 * its process has gone, when the machine has restarted since (common after a Windows reboot, when
 * the PID now belongs to some other program), or when the PID now belongs to a process that
 * started later than the one that took the lock.
 */
export const lockIsLive = (holder: LockHolder, now: { bootedAt: string; startOf(pid: number): string | null; alive(pid: number): boolean }): boolean => {
  if (!holder.pid || !now.alive(holder.pid)) return false;
  if (holder.bootedAt && Math.abs(Date.parse(holder.bootedAt) - Date.parse(now.bootedAt)) > 2 * MINUTE) return false;
  if (holder.processStart) {
    const current = now.startOf(holder.pid);
    if (current !== null && current !== holder.processStart) return false;
  }
  return true;
};

const thisMachine = () => ({ bootedAt: machineBootedAt(), startOf: processStartMark, alive });

/**
 * One writer per data folder: a lock file created exclusively, naming the process that holds it
 * (PID, machine, when it started). A lock left by a Quorum that has gone (a crash, a restart, a
 * PID now used by another program) is taken over; a live one is refused with how to clear it.
 */
export const acquireFolderLock = (lockFile: string): (() => void) => {
  const mine: LockHolder = { pid: process.pid, host: hostname(), since: systemClock.now(), bootedAt: machineBootedAt(), processStart: processStartMark(process.pid) };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, JSON.stringify(mine));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw fileFailure(err, 'The data folder', 'opened for writing');
      let holder: LockHolder = {};
      try {
        holder = JSON.parse(readFileSync(lockFile, 'utf8'));
      } catch {
        // An empty or half-written lock file: its writer died while creating it.
      }
      const sameHost = !holder.host || holder.host === hostname();
      if (!sameHost || lockIsLive(holder, thisMachine())) {
        const since = holder.since ? `, since ${formatUkDateTime(holder.since)}` : '';
        throw new QuorumFailure(
          'file-locked',
          `This data folder is already open in another Quorum (process ${holder.pid}${sameHost ? '' : ` on ${holder.host}`}${since}). Close it first; only one Quorum may write to a data folder at a time. ` +
            `If no Quorum is running there (for example after a crash), delete the file ${lockFile} and open the folder again.`,
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new QuorumFailure('file-locked', `Could not lock the data folder. If no Quorum is running, delete the file ${lockFile} and try again.`);
};
