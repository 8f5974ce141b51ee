import { createHash } from 'node:crypto';
import { existsSync, readFileSync, truncateSync } from 'node:fs';
import type { Change } from '../../../shared/kernel/operation';
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
    const expected = entries.length + 1;
    if (Number.isInteger(entry.seq) && entry.seq > expected && digest(body) === hash)
      return {
        entries,
        check: { ok: false, entries: entries.length, problem: `The journal is missing ${missing(expected, entry.seq - 1)}: it was cut short, deleted or edited after they were written` },
      };
    if (entry.prev !== prev || entry.seq !== expected || digest(body) !== hash)
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

const missing = (from: number, to: number) => (from === to ? `entry ${from}` : `entries ${from} to ${to}`);

/** Where the chain stands: the sequence number and hash of its newest entry. */
export type JournalHead = { seq: number; hash: string };

/**
 * What the store file says of the journal when it was saved: the head it chained to, and the
 * entries it wrote that journal.jsonl may not yet hold (oldest first; a failed append, or a crash
 * between the two writes, leaves them here until they are appended).
 */
export type StoreJournal = { head: JournalHead; unconfirmed: JournalEntry[] };

export type Reconciled = {
  check: JournalCheck;
  /** Entries the store holds that journal.jsonl lacks, in order, to append now. */
  append: JournalEntry[];
};

/**
 * Compares the journal file with the store's own record of the journal. The store is saved
 * first, so the journal may lag it by the entries the store still lists as unconfirmed: those
 * are appended (a repair, not tampering). Any other gap is reported, and stays reported, since
 * new entries chain to the store's head, never to a cut-short file. A journal ahead of the store
 * is expected only while reading beside a running app (`quorum check`), which reads the store
 * first: then the journal must pass through the store's head.
 */
export const reconcileJournal = (read: JournalRead, store: StoreJournal | null, mode: 'write' | 'read'): Reconciled => {
  const { entries, check } = read;
  if (!check.ok || !store) return { check, append: [] };
  const tail: JournalHead = entries.length ? { seq: entries.at(-1)!.seq, hash: entries.at(-1)!.hash } : { seq: 0, hash: GENESIS };
  const { head } = store;
  if (tail.seq === head.seq && tail.hash === head.hash) return { check, append: [] };
  if (tail.seq === head.seq)
    return { check: { ok: false, entries: entries.length, problem: `The journal does not match the store: both end at entry ${head.seq} but with different contents. Entries may have been altered.` }, append: [] };
  if (tail.seq > head.seq) {
    const atHead = head.seq === 0 ? GENESIS : entries[head.seq - 1]?.hash;
    if (mode === 'read' && atHead === head.hash) return { check: { ok: true, entries: entries.length }, append: [] };
    return {
      check: { ok: false, entries: entries.length, problem: `The store is older than its journal: it was saved at entry ${head.seq} but the journal goes on to entry ${tail.seq}. An older copy of quorum.json may have been put back.` },
      append: [],
    };
  }
  const gap = store.unconfirmed.filter((e) => e.seq > tail.seq);
  const joins = gap.length === head.seq - tail.seq && gap.every((e, i) => e.seq === tail.seq + 1 + i && e.prev === (i === 0 ? tail.hash : gap[i - 1].hash)) && gap.at(-1)?.hash === head.hash;
  if (joins) return { check: { ok: true, entries: head.seq }, append: gap };
  return {
    check: {
      ok: false,
      entries: entries.length,
      problem: `The journal is missing ${missing(tail.seq + 1, head.seq)}: the store was saved at entry ${head.seq} but the journal ends at entry ${tail.seq}. It was cut short, deleted or edited.`,
    },
    append: [],
  };
};

export const appendEntry = (file: string, entry: JournalEntry): void => appendLineDurably(file, JSON.stringify(entry));

export const dropTornTail = (file: string, at: number): void => truncateSync(file, at);
