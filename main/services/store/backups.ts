import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../../../shared/views';
import { writeFileAtomic } from './atomicFile';
import { ukDateOf } from '../../../shared/clock';
import { compareCodes } from '../../../shared/rules/textOrder';

const NAME = /^quorum-(\d{8}T\d{9}Z)-([a-z-]+)\.json$/;
const KEEP_TODAY = 3;
const KEEP_TOTAL = 10;

export const backupsFolder = (dataDir: string) => join(dataDir, 'backups');

const stamp = (iso: string) => iso.replace(/[-:.]/g, '');
const unstamp = (s: string) =>
  `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;

export const listBackups = (dataDir: string): BackupInfo[] => {
  const folder = backupsFolder(dataDir);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .flatMap((name) => {
      const m = NAME.exec(name);
      if (!m) return [];
      let bytes: number;
      try {
        bytes = statSync(join(folder, name)).size;
      } catch {
        return []; // removed since the folder was listed (pruned by the app while `quorum check` reads)
      }
      return [{ id: name, takenAt: unstamp(m[1]), bytes, reason: m[2].replace(/-/g, ' ') }];
    })
    .sort((a, b) => compareCodes(b.takenAt, a.takenAt) || compareCodes(b.id, a.id));
};

export const readBackup = (dataDir: string, id: string): string => {
  if (!NAME.test(id)) throw new Error(`Not a backup name: ${id}`);
  return readFileSync(join(backupsFolder(dataDir), id), 'utf8');
};

/**
 * Copies the store file into backups/ (durably), then prunes: the newest three from today and
 * the newest one from each earlier day, ten at most.
 */
export const takeBackup = (dataDir: string, source: string, reason: string, nowIso: string): BackupInfo => {
  const folder = backupsFolder(dataDir);
  mkdirSync(folder, { recursive: true });
  let id = `quorum-${stamp(nowIso)}-${reason}.json`;
  for (let n = 2; existsSync(join(folder, id)); n++) id = `quorum-${stamp(nowIso)}-${reason}-${'x'.repeat(n - 1)}.json`;
  const bytes = readFileSync(source);
  writeFileAtomic(join(folder, id), bytes);
  // The copy just taken is always kept, even when the clock has gone back (a corrected machine
  // clock) and older-looking backups would otherwise push it out.
  pruneBackups(dataDir, nowIso, id);
  return listBackups(dataDir).find((b) => b.id === id) ?? { id, takenAt: nowIso, bytes: bytes.length, reason };
};

export const backupsToKeep = (backups: BackupInfo[], nowIso: string): Set<string> => {
  // Days as the officer counts them, in England, so a backup at 00:30 BST belongs to that day.
  const today = ukDateOf(nowIso);
  const keep = new Set<string>();
  const seenDays = new Set<string>();
  let todayCount = 0;
  for (const b of backups) {
    const day = ukDateOf(b.takenAt);
    if (day === today) {
      if (todayCount++ < KEEP_TODAY) keep.add(b.id);
    } else if (!seenDays.has(day)) {
      seenDays.add(day);
      keep.add(b.id);
    }
  }
  return new Set([...keep].slice(0, KEEP_TOTAL));
};

export const pruneBackups = (dataDir: string, nowIso: string, alsoKeep?: string): void => {
  const all = listBackups(dataDir);
  const keep = backupsToKeep(all, nowIso);
  for (const b of all) if (!keep.has(b.id) && b.id !== alsoKeep) rmSync(join(backupsFolder(dataDir), b.id), { force: true });
};

/**
 * Moves an unreadable store aside, byte for byte (a rename never rewrites content), so nothing
 * ever overwrites it and support can still look at it.
 */
export const moveIntoQuarantine = (dataDir: string, file: string, nowIso: string): string => {
  const folder = join(dataDir, 'quarantine');
  mkdirSync(folder, { recursive: true });
  let target = join(folder, `quorum-${stamp(nowIso)}.json`);
  for (let n = 2; existsSync(target); n++) target = join(folder, `quorum-${stamp(nowIso)}-${n}.json`);
  renameSync(file, target);
  return target;
};
