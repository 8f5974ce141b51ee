import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { QuorumFailure } from '../../../shared/result';
import { systemClock } from '../../../shared/clock';
import { formatUkDateTime } from '../../../shared/rules/dates';
import { fileFailure } from './errors';

/**
 * One writer per data folder (docs/ARCHITECTURE.md, the life of a save). The lock names its holder
 * by things the wall clock cannot move: the machine's boot id (or its boot time as the system
 * records it) and the process's own start mark, besides its PID and computer. A clock stepped by
 * NTP, a VM or a hand therefore never makes a live holder look stale.
 */

/** What the lock file says of the Quorum that holds the folder. */
export type LockHolder = {
  pid?: number;
  host?: string;
  since?: string;
  /** This boot of the machine, as the system names it (Linux boot_id, macOS kern.boottime); not worked out from the clock. */
  bootId?: string | null;
  /** The process's own start mark (Linux: field 22 of /proc/PID/stat, ticks since boot), so a recycled PID is told apart. */
  processStart?: string | null;
  /** Written by this holder alone: a release removes the lock only while it still carries it. */
  token?: string;
  /** Older locks: a boot time worked out from the clock. Not trusted: a clock step moves it. */
  bootedAt?: string;
};

let cachedBootId: string | null | undefined;
/** This boot of the machine, read from the system; null where the system gives none Quorum can read cheaply. */
export const machineBootId = (): string | null => {
  if (cachedBootId !== undefined) return cachedBootId;
  try {
    cachedBootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    try {
      // macOS: "{ sec = 1733380000, usec = 0 } …", the kernel's record of the boot.
      cachedBootId = process.platform === 'darwin' ? (/sec = (\d+)/.exec(execFileSync('sysctl', ['-n', 'kern.boottime'], { encoding: 'utf8', timeout: 2000 }))?.[1] ?? null) : null;
    } catch {
      cachedBootId = null;
    }
  }
  return cachedBootId;
};

/** A process's start mark where the system gives one (Linux /proc), else null: PID and boot then decide. */
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

export type ThisMachine = { bootId: string | null; startOf(pid: number): string | null; alive(pid: number): boolean };

/**
 * Whether the Quorum named in a lock on this machine could still be running. It is stale only when
 * something the clock cannot move says so: its process has gone, the machine has restarted since
 * (its boot id differs), or its PID now belongs to a process that started at another moment. When
 * in doubt it is live: a lock refused wrongly costs a click, one taken over wrongly costs saves.
 */
export const lockIsLive = (holder: LockHolder, now: ThisMachine): boolean => {
  if (!holder.pid || !now.alive(holder.pid)) return false;
  if (holder.bootId && now.bootId && holder.bootId !== now.bootId) return false;
  if (holder.processStart && (!holder.bootId || holder.bootId === now.bootId)) {
    const current = now.startOf(holder.pid);
    if (current !== null && current !== holder.processStart) return false;
  }
  return true;
};

const thisMachine = (): ThisMachine => ({ bootId: machineBootId(), startOf: processStartMark, alive });

const readHolder = (file: string): LockHolder | null => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch (err) {
    // Gone, or empty or half-written: its writer died while creating it.
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? null : {};
  }
};

/**
 * Who may be saving to the folder now: a live process on this computer (or a lock being written),
 * another computer (whose process cannot be seen from here: its lock may be left from a crash
 * there), or nobody.
 */
export const folderWriter = (lockFile: string, machine: ThisMachine = thisMachine()): 'this computer' | 'another computer' | 'nobody' => {
  const holder = readHolder(lockFile);
  if (holder === null) return 'nobody';
  if (!holder.pid) return 'this computer';
  if (holder.host && holder.host !== hostname()) return 'another computer';
  return lockIsLive(holder, machine) ? 'this computer' : 'nobody';
};

const heldBy = (holder: LockHolder, lockFile: string): QuorumFailure => {
  const since = holder.since ? `, since ${formatUkDateTime(holder.since)}` : '';
  if (holder.host && holder.host !== hostname())
    return new QuorumFailure(
      'file-locked',
      `This data folder is open in Quorum on the computer “${holder.host}”${since}. Only one computer may write to a data folder at a time: close Quorum there first. ` +
        `A partnership worked on from several computers shares its records through team mode, not a shared drive. If Quorum is not running on “${holder.host}”, delete the file ${lockFile} and open the folder again.`,
    );
  return new QuorumFailure(
    'file-locked',
    `This data folder is already open in another Quorum (process ${holder.pid}${since}). Close it first; only one Quorum may write to a data folder at a time. ` +
      `If no Quorum is running there (for example after a crash), delete the file ${lockFile} and open the folder again.`,
  );
};

/**
 * Takes the folder for this process, or refuses with who holds it. A stale lock on this computer
 * is taken over by renaming it aside first, so of two openers only one can take it, and the one
 * that renamed a lock it did not judge stale (a fresh one written meanwhile) puts it back. A lock
 * from another computer is never taken over: its process cannot be seen from here.
 * Returns the release, which removes the lock only while it is still this holder's.
 */
export const acquireFolderLock = (lockFile: string, machine: ThisMachine = thisMachine()): (() => void) => {
  const mine: LockHolder = { pid: process.pid, host: hostname(), since: systemClock.now(), bootId: machine.bootId, processStart: processStartMark(process.pid), token: randomBytes(12).toString('hex') };
  const release = () => {
    if (readHolder(lockFile)?.token === mine.token) rmSync(lockFile, { force: true });
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      try {
        writeSync(fd, JSON.stringify(mine));
      } finally {
        closeSync(fd);
      }
      return release;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw fileFailure(err, 'The data folder', 'opened for writing');
      const holder = readHolder(lockFile);
      if (holder === null) continue; // released meanwhile
      const otherComputer = Boolean(holder.host) && holder.host !== hostname();
      if (otherComputer || lockIsLive(holder, machine)) throw heldBy(holder, lockFile);
      const aside = `${lockFile}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
      try {
        renameSync(lockFile, aside);
      } catch {
        continue; // another opener took it aside first
      }
      const taken = readHolder(aside);
      if (taken && JSON.stringify(taken) !== JSON.stringify(holder)) {
        // A fresh lock was written between reading and renaming: it is not ours to remove; put it back.
        try {
          renameSync(aside, lockFile);
        } catch {
          /* the folder has a lock again either way */
        }
        throw heldBy(taken, lockFile);
      }
      rmSync(aside, { force: true });
    }
  }
  throw new QuorumFailure('file-locked', `Could not lock the data folder. If no Quorum is running, delete the file ${lockFile} and try again.`);
};
