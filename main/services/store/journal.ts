import { createHash } from 'node:crypto';
import { existsSync, readFileSync, truncateSync } from 'node:fs';
import type { Change } from '../../../shared/commands/context';
import type { JournalCheck } from '../../../shared/contract';
import { appendLineDurably } from './atomicFile';

/**
 * The audit journal: one JSON line per command, each carrying the hash of the one before, so a
 * changed, removed or reordered line is detected at load. One chain per device (DESIGN: two
 * offline writers cannot share a chain).
 */
export type JournalEntry = {
  seq: number;
  at: string;
  user: string;
  device: string;
  command: string;
  summary: string;
  changes: Change[];
  prev: string;
  hash: string;
};

export const GENESIS = '0'.repeat(64);

const digest = (e: Omit<JournalEntry, 'hash'>): string =>
  createHash('sha256')
    .update(JSON.stringify([e.seq, e.at, e.user, e.device, e.command, e.summary, e.changes, e.prev]))
    .digest('hex');

export const sealEntry = (e: Omit<JournalEntry, 'hash'>): JournalEntry => ({ ...e, hash: digest(e) });

export type JournalRead = {
  entries: JournalEntry[];
  check: JournalCheck;
  /** Bytes of a final line cut short by a crash mid-append, if any (safe to drop). */
  tornTailAt?: number;
};

export const readJournal = (file: string): JournalRead => {
  if (!existsSync(file)) return { entries: [], check: { ok: true, entries: 0 } };
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const entries: JournalEntry[] = [];
  let prev = GENESIS;
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const isLast = i === lines.length - 1;
    if (raw === '') {
      offset += 1;
      continue;
    }
    let entry: JournalEntry;
    try {
      entry = JSON.parse(raw) as JournalEntry;
    } catch {
      // A crash can cut only the final append short; anything earlier is tampering.
      if (isLast) return { entries, check: { ok: true, entries: entries.length }, tornTailAt: offset };
      return { entries, check: { ok: false, entries: entries.length, problem: `Line ${i + 1} of the journal is not readable` } };
    }
    const { hash, ...body } = entry;
    if (entry.prev !== prev || entry.seq !== entries.length + 1 || digest(body) !== hash)
      return {
        entries,
        check: { ok: false, entries: entries.length, problem: `The journal was altered at entry ${i + 1} (its hash chain does not match)` },
      };
    entries.push(entry);
    prev = hash;
    offset += Buffer.byteLength(raw, 'utf8') + 1;
  }
  return { entries, check: { ok: true, entries: entries.length } };
};

export const appendEntry = (file: string, entry: JournalEntry): void => appendLineDurably(file, JSON.stringify(entry));

export const dropTornTail = (file: string, at: number): void => truncateSync(file, at);
