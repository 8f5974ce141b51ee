import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, truncateSync } from 'node:fs';
import type { Change } from '../../../shared/kernel/operation';
import type { JournalCheck } from '../../../shared/views';
import { appendLineDurably } from './atomicFile';

/**
 * The audit journal: one JSON line per command, each carrying the hash of the one before, so a
 * changed, removed or reordered line is detected at load. One chain per device (docs/ARCHITECTURE.md, ready for team use: two
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
  /**
   * A fingerprint of each record this entry wrote, as written (the whole store for a restore or an
   * upgrade): so the journal seals what the records say, not only that they changed, and a word
   * edited by hand in quorum.json (a resolution, a minute) is found by `quorum check` and at start.
   * Entries written before Quorum sealed contents have none.
   */
  sealed?: Record<string, string>;
};

export const GENESIS = '0'.repeat(64);

const digest = (e: Omit<JournalEntry, 'hash'>): string =>
  createHash('sha256')
    .update(JSON.stringify([e.seq, e.at, e.user, e.device, e.command, e.summary, e.changes, e.prev, ...(e.sealed ? [e.sealed] : [])]))
    .digest('hex');

export const sealEntry = (e: Omit<JournalEntry, 'hash'>): JournalEntry => ({ ...e, hash: digest(e) });

export type JournalRead = {
  /** The entries read and verified, oldest first: all of them, or those after the mark it was read from. */
  entries: JournalEntry[];
  check: JournalCheck;
  /** The newest verified entry (the mark's, when nothing follows it). */
  head: JournalHead;
  /** Bytes of the file up to the end of the newest verified entry. */
  bytes: number;
  /** Bytes of a final line cut short by a crash mid-append, if any (safe to drop). */
  tornTailAt?: number;
};

/**
 * A point in the journal a full check has passed: the file's first `bytes` bytes end with entry
 * `seq`, whose hash is `hash`. The journal is only ever appended to, so the point stays true
 * while the file is intact, and a load need only verify the entries after it (and that the entry
 * at the point is still the one it names). The store file carries the newest such point it knows.
 */
export type JournalMark = JournalHead & { bytes: number };

/** Reads the whole line that ends (with its newline) at byte `end` of the open file. */
const lineEndingAt = (fd: number, end: number): string | null => {
  const CHUNK = 64 * 1024;
  const parts: Buffer[] = [];
  let pos = end - 1; // the newline itself
  for (;;) {
    const from = Math.max(0, pos - CHUNK);
    const buf = Buffer.alloc(pos - from);
    readSync(fd, buf, 0, buf.length, from);
    const nl = buf.lastIndexOf(0x0a);
    if (nl !== -1) {
      parts.unshift(buf.subarray(nl + 1));
      return Buffer.concat(parts).toString('utf8');
    }
    parts.unshift(buf);
    if (from === 0) return Buffer.concat(parts).toString('utf8');
    pos = from;
  }
};

/**
 * Reads and verifies the journal's hash chain: every entry, or, given a mark, the entry at the
 * mark and every entry after it (`quorum check` always reads every entry).
 */
export const readJournal = (file: string, mark?: JournalMark): JournalRead => {
  const none: JournalRead = { entries: [], check: { ok: true, entries: 0 }, head: { seq: 0, hash: GENESIS }, bytes: 0 };
  if (!existsSync(file)) return none;
  let text: string | undefined;
  let start: Start = { seq: 0, hash: GENESIS, bytes: 0 };
  if (mark && mark.seq > 0) {
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      const at = size >= mark.bytes ? lineEndingAt(fd, mark.bytes) : null;
      let entry: JournalEntry | undefined;
      try {
        entry = at === null ? undefined : (JSON.parse(at) as JournalEntry);
      } catch {
        entry = undefined;
      }
      // Anything but the mark's own entry at the mark (a shorter file, an edited line) is looked
      // into by reading every entry, so the report names where the chain breaks.
      if (entry && entry.seq === mark.seq && entry.hash === mark.hash && digest(bodyOf(entry)) === entry.hash) {
        const rest = Buffer.alloc(size - mark.bytes);
        readSync(fd, rest, 0, rest.length, mark.bytes);
        text = rest.toString('utf8');
        start = { ...mark };
      }
    } finally {
      closeSync(fd);
    }
  }
  text ??= readFileSync(file, 'utf8');
  return drain(verifyChain(text, start));
};

type Start = { seq: number; hash: string; bytes: number };

/** Runs a chain check to its end at once. */
const drain = (steps: Generator<void, JournalRead>): JournalRead => {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
};

/**
 * The whole journal's chain checked without holding up the app: the same check as readJournal
 * with no mark, pausing between slices of entries so saves and screens go on meanwhile. The app
 * runs it after each start, so an entry altered before the store's mark is still reported.
 */
export const readJournalUnhurried = async (file: string): Promise<JournalRead> => {
  if (!existsSync(file)) return readJournal(file);
  const steps = verifyChain(readFileSync(file, 'utf8'), { seq: 0, hash: GENESIS, bytes: 0 });
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((r) => setImmediate(r));
  }
};

/** Verifies the lines of `text` (the journal from `start` on), yielding every 2,000 entries. */
function* verifyChain(text: string, start: Start): Generator<void, JournalRead> {
  const lines = text.split('\n');
  const entries: JournalEntry[] = [];
  let prev = start.hash;
  let offset = start.bytes;
  let bytes = start.bytes;
  const count = () => start.seq + entries.length;
  const head = (): JournalHead => (entries.length ? { seq: entries.at(-1)!.seq, hash: entries.at(-1)!.hash } : { seq: start.seq, hash: start.hash });
  for (let i = 0; i < lines.length; i++) {
    if (i > 0 && i % 2000 === 0) yield;
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
      if (isLast) return { entries, check: { ok: true, entries: count() }, head: head(), bytes, tornTailAt: offset };
      return { entries, check: { ok: false, entries: count(), problem: `Line ${start.seq + i + 1} of the journal is not readable` }, head: head(), bytes };
    }
    const body = bodyOf(entry);
    const expected = count() + 1;
    if (Number.isInteger(entry.seq) && entry.seq > expected && digest(body) === entry.hash)
      return {
        entries,
        check: { ok: false, entries: count(), problem: `The journal is missing ${missing(expected, entry.seq - 1)}: it was cut short, deleted or edited after they were written` },
        head: head(),
        bytes,
      };
    if (entry.prev !== prev || entry.seq !== expected || digest(body) !== entry.hash)
      return {
        entries,
        check: { ok: false, entries: count(), problem: `The journal was altered at entry ${expected} (its hash chain does not match)` },
        head: head(),
        bytes,
      };
    entries.push(entry);
    prev = entry.hash;
    offset += Buffer.byteLength(raw, 'utf8') + 1;
    bytes = offset;
  }
  return { entries, check: { ok: true, entries: count() }, head: head(), bytes };
}

const bodyOf = (entry: JournalEntry): Omit<JournalEntry, 'hash'> => {
  const { hash: _hash, ...body } = entry;
  return body;
};

/** The newest `limit` entries, newest first, read from the end of the file (for the journal screen; the chain is checked at load). */
export const journalTail = (file: string, limit: number): JournalEntry[] => {
  if (!existsSync(file) || limit <= 0) return [];
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const out: JournalEntry[] = [];
    let end = size;
    // Skip a torn final line (no newline yet).
    if (end > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, end - 1);
      if (last[0] !== 0x0a) {
        const line = lineEndingAt(fd, end + 1);
        end -= line === null ? end : Buffer.byteLength(line, 'utf8') - 1;
      }
    }
    while (end > 0 && out.length < limit) {
      const line = lineEndingAt(fd, end);
      if (line === null) break;
      end -= Buffer.byteLength(line, 'utf8') + 1;
      if (line === '') continue;
      try {
        out.push(JSON.parse(line) as JournalEntry);
      } catch {
        break;
      }
    }
    return out;
  } finally {
    closeSync(fd);
  }
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
export const reconcileJournal = (read: JournalRead, store: StoreJournal | null, mode: 'write' | 'read', writerSaving: () => boolean = () => false): Reconciled => {
  const { entries, check } = read;
  if (!check.ok || !store) return { check, append: [] };
  const tail = read.head;
  const count = check.entries;
  const { head } = store;
  if (tail.seq === head.seq && tail.hash === head.hash) return { check, append: [] };
  if (tail.seq === head.seq)
    return { check: { ok: false, entries: count, problem: `The journal does not match the store: both end at entry ${head.seq} but with different contents. Entries may have been altered.` }, append: [] };
  if (tail.seq > head.seq) {
    const atHead = head.seq === 0 ? GENESIS : entries.find((e) => e.seq === head.seq)?.hash;
    // A reader beside a running Quorum reads the store, then the journal: a save between the two
    // leaves the journal ahead. With no writer saving, an older copy of quorum.json was put back.
    if (mode === 'read' && atHead === head.hash && writerSaving()) return { check: { ok: true, entries: count }, append: [] };
    return {
      check: { ok: false, entries: count, problem: `The store is older than its journal: it was saved at entry ${head.seq} but the journal goes on to entry ${tail.seq}. An older copy of quorum.json may have been put back.` },
      append: [],
    };
  }
  const gap = store.unconfirmed.filter((e) => e.seq > tail.seq);
  const joins = gap.length === head.seq - tail.seq && gap.every((e, i) => e.seq === tail.seq + 1 + i && e.prev === (i === 0 ? tail.hash : gap[i - 1].hash)) && gap.at(-1)?.hash === head.hash;
  if (joins) return { check: { ok: true, entries: head.seq }, append: gap };
  return {
    check: {
      ok: false,
      entries: count,
      problem: `The journal is missing ${missing(tail.seq + 1, head.seq)}: the store was saved at entry ${head.seq} but the journal ends at entry ${tail.seq}. It was cut short, deleted or edited.`,
    },
    append: [],
  };
};

/** Appends an entry durably; returns the bytes it added (for the store's journal mark). */
export const appendEntry = (file: string, entry: JournalEntry): number => {
  const line = JSON.stringify(entry);
  appendLineDurably(file, line);
  return Buffer.byteLength(line, 'utf8') + 1;
};

export const dropTornTail = (file: string, at: number): void => truncateSync(file, at);

/** JSON with every object's keys in order: a record reads the same however its fields were ordered in memory or on disk. */
const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));

/** A record's fingerprint as the journal seals it: the first 16 hex digits of the SHA-256 of its canonical JSON. */
export const recordSeal = (record: unknown): string => createHash('sha256').update(canonicalJson(record)).digest('hex').slice(0, 16);

/**
 * Records whose words no longer match the journal entry that last wrote them: changed outside
 * Quorum (by hand in quorum.json, or by another program). A record the journal never sealed (one
 * written before Quorum sealed contents) cannot be judged and is not listed.
 */
export const recordsChangedOutsideQuorum = (entries: readonly JournalEntry[], records: Readonly<Record<string, unknown>>): { id: string; seq: number }[] => {
  const last = new Map<string, { seal: string; seq: number }>();
  for (const e of entries) {
    for (const c of e.changes) if (c.op === 'delete') last.delete(c.id);
    for (const [id, seal] of Object.entries(e.sealed ?? {})) last.set(id, { seal, seq: e.seq });
  }
  const changed: { id: string; seq: number }[] = [];
  for (const [id, { seal, seq }] of last) if (id in records && recordSeal(records[id]) !== seal) changed.push({ id, seq });
  return changed;
};
