import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncAdapter } from 'lowdb';
import { migrate, MigrationError } from '../../../shared/migrations';
import { QuorumFailure } from '../../../shared/result';
import { describeIssues } from '../../../shared/validation';
import { writeFileAtomic } from './atomicFile';
import { appendLogLine, emptyLog, readLog, type LogLine } from './changeLog';
import { CHANGE_LOG_FILE, STORE_FILE, storeFileSchema, type StoreFile } from './format';

export type Loaded =
  | { kind: 'empty' }
  | { kind: 'ok'; file: StoreFile; migratedFrom?: number; replayed: number; notices: string[] }
  | { kind: 'bad'; reason: string };

/** Migrates and validates a parsed store object; never throws for bad content, only reports it. */
const checkStoreObject = (raw: Record<string, unknown>): Loaded => {
  if (!raw || typeof raw !== 'object' || raw.format !== 'quorum-store') return { kind: 'bad', reason: 'The file is not a Quorum store' };
  const from = raw.schemaVersion as number;
  let migrated: Record<string, unknown>;
  try {
    migrated = migrate(raw).store;
  } catch (err) {
    if (err instanceof MigrationError && /newer Quorum/.test(err.message)) throw new QuorumFailure('store-unavailable', err.message);
    return { kind: 'bad', reason: `The store could not be upgraded: ${(err as Error).message}` };
  }
  const parsed = storeFileSchema.safeParse(migrated);
  if (!parsed.success) return { kind: 'bad', reason: `The store does not match Quorum's record schema (${describeIssues(parsed.error).message})` };
  return { kind: 'ok', file: parsed.data as StoreFile, migratedFrom: migrated.schemaVersion !== from ? from : undefined, replayed: 0, notices: [] };
};

const parseJson = (text: string): Record<string, unknown> | string => {
  if (text.trim() === '') return 'The store file is empty';
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    return `The store file is not valid JSON (${(err as Error).message})`;
  }
};

/** Parses and validates a store file's text (a snapshot or a backup); never throws for bad content. */
export const parseStoreText = (text: string): Loaded => {
  const raw = parseJson(text);
  return typeof raw === 'string' ? { kind: 'bad', reason: raw } : checkStoreObject(raw);
};

/**
 * Lines of the log that follow the snapshot, in order, or why they cannot: each must carry the
 * next sequence number and chain to the journal head before it (shared with the journal's hash
 * chain), so a log left from another copy of the store is never replayed onto this one.
 */
const linesAfter = (raw: { schemaVersion?: unknown; journal?: { seq?: unknown; head?: unknown } }, lines: LogLine[]): { follow: LogLine[]; foreign?: string } => {
  let seq = Number(raw.journal?.seq ?? 0);
  let head = String(raw.journal?.head ?? '');
  const follow: LogLine[] = [];
  for (const line of lines) {
    if (line.seq <= seq && follow.length === 0) continue; // already in the snapshot (a checkpoint stopped before emptying the log)
    if (line.seq !== seq + 1 || line.journal?.last?.prev !== head)
      return { follow: [], foreign: `its save ${line.seq} does not follow the store file's save ${seq}` };
    if (line.schemaVersion !== raw.schemaVersion) return { follow: [], foreign: `its save ${line.seq} was written by another version of Quorum` };
    follow.push(line);
    seq = line.seq;
    head = line.journal.head;
  }
  return { follow };
};

const replay = (raw: Record<string, unknown>, lines: LogLine[]): void => {
  const records = raw.records as Record<string, unknown>;
  for (const line of lines) {
    for (const [id, record] of Object.entries(line.put)) records[id] = record;
    for (const id of line.drop) delete records[id];
    raw.savedAt = line.savedAt;
    raw.device = line.device;
    raw.journal = line.journal;
  }
};

/**
 * Each record's JSON (as UTF-8, with its key), kept for as long as the record object lives.
 * Commands replace only the records they change (shared/kernel/changeSet.ts), so a checkpoint
 * encodes those and writes the rest from the cache, without building one multi-megabyte string.
 */
const recordBytes = new WeakMap<object, Buffer>();
const encoded = (id: string, record: object): Buffer => {
  let bytes = recordBytes.get(record);
  if (bytes === undefined) {
    bytes = Buffer.from(`${JSON.stringify(id)}:${JSON.stringify(record)}`, 'utf8');
    recordBytes.set(record, bytes);
  }
  return bytes;
};

const COMMA = Buffer.from(',');

/** The bytes of JSON.stringify(data), in pieces: a `records` map last in the object comes record by record from the cache. */
export const serializeChunks = (data: unknown): Buffer[] => {
  const keys = data && typeof data === 'object' ? Object.keys(data) : [];
  if (keys.at(-1) !== 'records') return [Buffer.from(JSON.stringify(data), 'utf8')];
  const { records, ...rest } = data as { records: Record<string, object> };
  const head = JSON.stringify(rest);
  const chunks: Buffer[] = [Buffer.from(`${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"records":{`, 'utf8')];
  let first = true;
  for (const [id, record] of Object.entries(records)) {
    if (!first) chunks.push(COMMA);
    chunks.push(encoded(id, record));
    first = false;
  }
  chunks.push(Buffer.from('}}'));
  return chunks;
};

/** JSON.stringify(data), from the same pieces (for tests and small files). */
export const serialize = (data: unknown): string => Buffer.concat(serializeChunks(data)).toString('utf8');

/**
 * The ids a save changed, attached (not enumerable, never written) to the data handed to lowdb's
 * `write()`: the store knows them from the command's change list, so the adapter need not compare
 * every record (at forty years, 21,000 of them: 20 ms a save). Without it, the adapter compares.
 */
export const CHANGED_IDS: unique symbol = Symbol('ids of the records this save changed');
export const withChangedIds = <T extends object>(data: T, ids: readonly string[]): T => Object.defineProperty(data, CHANGED_IDS, { value: ids, enumerable: false });

/**
 * When the log holds this many saves or bytes, it is folded into the snapshot after the save is
 * acknowledged: at forty years a checkpoint writes ~19 MB (~0.1 s), once in hundreds of saves,
 * and a start replays at most this much.
 */
export const CHECKPOINT_AFTER = { saves: 400, bytes: 8 * 1024 * 1024 } as const;

/**
 * lowdb's adapter for the solo store: `read()` loads the snapshot (quorum.json) and replays the
 * change log onto it; `write(data)` appends what changed since the last write to the log (fsynced
 * before it returns), or rewrites the snapshot when there is none yet or the change is most of the
 * store (a restore, an upgrade). `checkpoint()` folds the log into the snapshot: the snapshot is
 * written atomically first, the log emptied second, so a crash between the two leaves lines the
 * snapshot already holds, which a load skips.
 */
export class StoreOnDisk implements SyncAdapter<StoreFile | null> {
  readonly snapshotPath: string;
  readonly logPath: string;
  /** What the last read found: the store, nothing, or why it cannot be used. */
  lastLoad: Loaded = { kind: 'empty' };
  /** A change log that does not follow the snapshot, found at the last read (set aside by the store). */
  foreignLog?: string;
  /** A torn final log line found at the last read: where it starts. */
  tornLogAt?: number;
  /** The state on disk (snapshot plus log), as last read or written. */
  private onDisk: StoreFile | null = null;
  /** Whether the snapshot on disk is one the log can follow (there is one, of this schema, and no refused append is left in the log). */
  private logFollowsSnapshot = false;
  private log = { saves: 0, bytes: 0 };

  constructor(
    dataDir: string,
    private readonly checkpointAfter: { saves: number; bytes: number } = CHECKPOINT_AFTER,
  ) {
    this.snapshotPath = join(dataDir, STORE_FILE);
    this.logPath = join(dataDir, CHANGE_LOG_FILE);
  }

  read(): StoreFile | null {
    this.onDisk = null;
    this.foreignLog = undefined;
    this.tornLogAt = undefined;
    this.log = { saves: 0, bytes: 0 };
    // The snapshot first, then the log: a checkpoint by a running app between the two reads leaves
    // log lines that do not follow this older snapshot, which the caller sees as foreignLog and
    // retries (`quorum check` beside the app).
    let text: string | null = null;
    try {
      text = readFileSync(this.snapshotPath, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    this.logFollowsSnapshot = text !== null;
    const log = readLog(this.logPath);
    this.tornLogAt = log.tornTailAt;
    if (text === null) {
      // A log without a snapshot (deleted or moved away): the store rebuilds it from a backup the log follows, or asks (store.ts).
      this.lastLoad = { kind: 'empty' };
      return null;
    }
    const raw = parseJson(text);
    if (typeof raw === 'string') return this.bad(raw);
    if (log.damagedAt !== undefined) return this.bad(`The change log (${CHANGE_LOG_FILE}) is damaged at line ${log.damagedAt}: saves after it cannot be read back`);
    const { follow, foreign } = linesAfter(raw as Parameters<typeof linesAfter>[0], log.lines);
    if (foreign) this.foreignLog = foreign;
    if (follow.length && raw.records && typeof raw.records === 'object') replay(raw, follow);
    const loaded = checkStoreObject(raw);
    if (loaded.kind !== 'ok') return this.bad(loaded.kind === 'bad' ? loaded.reason : 'The store is empty');
    this.lastLoad = { ...loaded, replayed: follow.length };
    this.onDisk = loaded.file;
    // An upgraded store is written whole at its first save: the snapshot on disk is the old schema.
    if (loaded.migratedFrom !== undefined) this.logFollowsSnapshot = false;
    this.log = { saves: foreign ? 0 : log.lines.length, bytes: foreign ? 0 : log.bytes };
    return loaded.file;
  }

  /**
   * The state a backup and the change log after it make together, when the log takes up exactly
   * where the backup stops (every save since it is in the log): what a damaged or missing
   * quorum.json held, rebuilt from what is still on disk. Null when the log does not follow it.
   */
  rebuildFrom(backupText: string): { file: StoreFile; replayed: number } | null {
    const raw = parseJson(backupText);
    if (typeof raw === 'string' || !raw.records || typeof raw.records !== 'object') return null;
    const log = readLog(this.logPath);
    if (log.damagedAt !== undefined || log.lines.length === 0) return null;
    const { follow, foreign } = linesAfter(raw as Parameters<typeof linesAfter>[0], log.lines);
    // The log must begin at the backup's next save: a gap means saves neither of them holds.
    if (foreign || follow.length === 0 || follow[0].seq !== Number((raw.journal as { seq?: unknown } | undefined)?.seq ?? 0) + 1) return null;
    replay(raw, follow);
    const loaded = checkStoreObject(raw);
    return loaded.kind === 'ok' ? { file: loaded.file, replayed: follow.length } : null;
  }

  private bad(reason: string): null {
    this.lastLoad = { kind: 'bad', reason };
    return null;
  }

  /** Saves `data`: only what changed since the last read or write goes to disk. Synchronous, so a failure reaches the caller before it acknowledges a save. */
  write(data: StoreFile | null): void {
    if (!data) return;
    const before = this.onDisk;
    if (!before || !this.logFollowsSnapshot || before.schemaVersion !== data.schemaVersion) return this.checkpoint(data);
    const put: Record<string, unknown> = {};
    const drop: string[] = [];
    const named = (data as { [CHANGED_IDS]?: readonly string[] })[CHANGED_IDS];
    if (named) {
      for (const id of named) {
        const record = data.records[id];
        if (record) put[id] = record;
        else if (before.records[id]) drop.push(id);
      }
    } else {
      for (const [id, record] of Object.entries(data.records)) if (before.records[id] !== record) put[id] = record;
      for (const id of Object.keys(before.records)) if (!(id in data.records)) drop.push(id);
    }
    // A restore or an upgrade replaces most records: one snapshot is cheaper to write and to load.
    if (Object.keys(put).length + drop.length > 64 && Object.keys(put).length + drop.length > Object.keys(data.records).length / 4) return this.checkpoint(data);
    const line: LogLine = { seq: data.journal.seq, schemaVersion: data.schemaVersion, savedAt: data.savedAt, device: data.device, journal: data.journal, put, drop };
    try {
      this.log.bytes += appendLogLine(this.logPath, line);
    } catch (err) {
      // Whatever the refused append left behind, the next save writes the snapshot whole and empties the log.
      this.logFollowsSnapshot = false;
      throw err;
    }
    this.log.saves++;
    this.onDisk = data;
  }

  /** Writes `data` (by default the state on disk) as the snapshot, then empties the log. */
  checkpoint(data: StoreFile | null = this.onDisk): void {
    if (!data) return;
    writeFileAtomic(this.snapshotPath, serializeChunks(data));
    this.logFollowsSnapshot = true;
    this.onDisk = data;
    if (this.log.saves > 0 || existsSync(this.logPath)) emptyLog(this.logPath);
    this.log = { saves: 0, bytes: 0 };
  }

  /** Whether enough saves have gathered in the log to be worth folding into the snapshot. */
  get checkpointDue(): boolean {
    return this.log.saves >= this.checkpointAfter.saves || this.log.bytes >= this.checkpointAfter.bytes;
  }

  get savesInLog(): number {
    return this.log.saves;
  }

  /** Forgets the state on disk (after the files were moved into quarantine). */
  forget(): void {
    this.onDisk = null;
    this.logFollowsSnapshot = existsSync(this.snapshotPath);
    this.log = { saves: 0, bytes: 0 };
  }
}
