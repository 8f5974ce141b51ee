import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';

/**
 * The change log beside the store file (`quorum.changes.jsonl`): one line per save, holding only
 * the records that save changed, appended and fsynced before the save is acknowledged. The store
 * file is a snapshot rewritten now and then (a checkpoint), not at every save, so a one-field edit
 * costs what it changes, not what the store holds. At load the lines newer than the snapshot are
 * replayed onto it.
 */
export type LogLine = {
  /** The journal entry this save sealed (its sequence number): lines at or below the snapshot's are already in it. */
  seq: number;
  schemaVersion: number;
  savedAt: string;
  device: string;
  /** What the store file's `journal` field would say after this save. */
  journal: { seq: number; head: string; last?: { prev?: string } & Record<string, unknown>; pending?: unknown[] };
  /** Records created or changed, whole. */
  put: Record<string, unknown>;
  /** Ids of records removed. */
  drop: string[];
};

export type LogRead = {
  lines: LogLine[];
  /** Where each line ends: the byte just after its newline. */
  ends: number[];
  /** The log as read, for a digest of the part a load has already validated (checked.ts). */
  raw: Uint8Array;
  /** The log's size in bytes, up to the end of its last whole line. */
  bytes: number;
  /** Where a final line cut short by a crash mid-append starts, if there is one (safe to drop: it was never acknowledged). */
  tornTailAt?: number;
  /** A line before the last that is not readable: the log was damaged after it was written. */
  damagedAt?: number;
};

export const readLog = (file: string): LogRead => {
  if (!existsSync(file)) return { lines: [], ends: [], raw: new Uint8Array(0), bytes: 0 };
  const buf = readFileSync(file);
  const lines: LogLine[] = [];
  const ends: number[] = [];
  let offset = 0;
  let lineNo = 0;
  while (offset < buf.length) {
    const end = buf.indexOf(0x0a, offset);
    lineNo++;
    // A line without its newline was being appended when the writer stopped.
    if (end === -1) return { lines, ends, raw: buf, bytes: offset, tornTailAt: offset };
    const text = buf.toString('utf8', offset, end);
    if (text !== '') {
      try {
        lines.push(JSON.parse(text) as LogLine);
        ends.push(end + 1);
      } catch {
        const last = end === buf.length - 1;
        if (last) return { lines, ends, raw: buf, bytes: offset, tornTailAt: offset };
        return { lines, ends, raw: buf, bytes: offset, damagedAt: lineNo };
      }
    }
    offset = end + 1;
  }
  return { lines, ends, raw: buf, bytes: offset };
};

/**
 * Appends one line and fsyncs it: when this returns, the save survives a crash or power cut.
 * When the disk refuses part way (full, or the fsync fails), the log is cut back to where it was,
 * so a refused save leaves no half line for the next save to follow. Returns the bytes written.
 */
export const appendLogLine = (file: string, line: LogLine): number => {
  const bytes = Buffer.from(`${JSON.stringify(line)}\n`, 'utf8');
  const fd = openSync(file, 'a', 0o600);
  let size: number | undefined;
  try {
    size = fstatSync(fd).size;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } catch (err) {
    if (size !== undefined)
      try {
        ftruncateSync(fd, size);
      } catch {
        // A line left half written is cut at the next start (readLog reports it as a torn tail only when it is last).
      }
    throw err;
  } finally {
    closeSync(fd);
  }
  return bytes.length;
};

/** Empties the log (after a checkpoint has put everything in it into the snapshot), durably. */
export const emptyLog = (file: string, at = 0): void => {
  if (!existsSync(file)) return;
  truncateSync(file, at);
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};
