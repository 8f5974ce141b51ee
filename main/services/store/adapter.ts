import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncAdapter } from 'lowdb';
import { migrate, MigrationError } from '../../../shared/migrations';
import { QuorumFailure } from '../../../shared/result';
import { describeIssues } from '../../../shared/validation';
import { writeFileAtomic } from './atomicFile';
import { appendLogLine, emptyLog, readLog, type LogLine, type LogRead } from './changeLog';
import { CHANGE_LOG_FILE, STORE_FILE, storeFileSchema, type StoreFile } from './format';
import { digestOf, readChecked, rememberValid, sameJson, STORE_BUILD } from './checked';
import { recordSchema } from '../../../shared/schema/records';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/migrations';

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

/**
 * Validates, on a snapshot this build already found valid (checked.ts), the file's own fields and
 * the records named: those the change log put after the part already validated. `unchanged`: the
 * records were as validation gives them back (sameJson), so the log's part can be noted as valid.
 */
const checkReplayed = (raw: Record<string, unknown>, ids: ReadonlySet<string>): { loaded: Loaded; unchanged: boolean } => {
  const records = raw.records as Record<string, unknown>;
  const named: Record<string, unknown> = {};
  for (const id of ids) if (id in records) named[id] = records[id];
  const parsed = storeFileSchema.safeParse({ ...raw, records: named });
  if (!parsed.success) return { loaded: { kind: 'bad', reason: `The store does not match Quorum's record schema (${describeIssues(parsed.error).message})` }, unchanged: false };
  const unchanged = Object.entries(parsed.data.records).every(([id, record]) => sameJson(named[id], record));
  Object.assign(records, parsed.data.records);
  return { loaded: { kind: 'ok', file: { ...parsed.data, records } as StoreFile, replayed: 0, notices: [] }, unchanged };
};

/**
 * Whether validating the whole store left every record as it was (sameJson), and the snapshot's
 * own records that the log replaced or removed are valid too, as the snapshot holds them: a later
 * load may find the log set aside. Only then is the snapshot noted as known valid.
 */
const unchangedByValidation = (snapshot: Record<string, unknown>, replayed: Record<string, unknown>, file: StoreFile): boolean => {
  for (const [id, record] of Object.entries(replayed)) if (!sameJson(record, file.records[id])) return false;
  for (const [id, record] of Object.entries(snapshot)) {
    const current = file.records[id];
    if (!(id in replayed) && current !== undefined) {
      if (!sameJson(record, current)) return false;
      continue;
    }
    // Replaced or removed by the log: the snapshot's own copy, validated as it stands.
    const parsed = recordSchema.safeParse(record);
    if (!parsed.success || parsed.data.id !== id || !sameJson(record, parsed.data)) return false;
  }
  return true;
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

/**
 * The journal entry of the latest save the store on disk holds: quorum.json's own, or that of the
 * last line of its change log that follows it. Nothing is validated: a reader beside another
 * computer's Quorum asks it to see whether saves are still moving the store on (store.ts).
 * 0 when quorum.json cannot be read as it stands (mid-replacement).
 */
export const savedThroughOnDisk = (dataDir: string): number => {
  let raw: Parameters<typeof linesAfter>[0];
  try {
    raw = JSON.parse(readFileSync(join(dataDir, STORE_FILE), 'utf8')) as typeof raw;
  } catch {
    return 0;
  }
  const { follow } = linesAfter(raw, readLog(join(dataDir, CHANGE_LOG_FILE)).lines);
  return follow.at(-1)?.seq ?? Number(raw.journal?.seq ?? 0);
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

  /**
   * Whether a snapshot this build found valid is trusted without validating it again (not by a
   * full check: `quorum check`), and whether a snapshot found valid is noted (not when opened to
   * read only): checked.ts.
   */
  private readonly checked: { trust: boolean; remember: boolean };

  constructor(
    private readonly dataDir: string,
    private readonly checkpointAfter: { saves: number; bytes: number } = CHECKPOINT_AFTER,
    checked: { trust: boolean; remember: boolean } = { trust: true, remember: true },
  ) {
    this.checked = checked;
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
    let bytes: Buffer | null = null;
    try {
      bytes = readFileSync(this.snapshotPath);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    this.logFollowsSnapshot = bytes !== null;
    const log = readLog(this.logPath);
    this.tornLogAt = log.tornTailAt;
    // Decoded after the log is read, not between the two reads: the shorter that window, the less
    // often a checkpoint by the app falls inside it (a read then retried, or an older state read).
    const text = bytes === null ? null : bytes.toString('utf8');
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
    const hasRecords = !!raw.records && typeof raw.records === 'object';
    // The snapshot's own records, kept only when a note may be written: those the log replaces are validated as well (unchangedByValidation).
    const snapshot = hasRecords && this.checked.remember && STORE_BUILD ? { ...(raw.records as Record<string, unknown>) } : {};
    if (follow.length && hasRecords) replay(raw, follow);
    const loaded = this.validate(raw, bytes!, log, follow, snapshot, foreign !== undefined);
    if (loaded.kind !== 'ok') return this.bad(loaded.kind === 'bad' ? loaded.reason : 'The store is empty');
    this.lastLoad = { ...loaded, replayed: follow.length };
    this.onDisk = loaded.file;
    // An upgraded store is written whole at its first save: the snapshot on disk is the old schema.
    if (loaded.migratedFrom !== undefined) this.logFollowsSnapshot = false;
    this.log = { saves: foreign ? 0 : log.lines.length, bytes: foreign ? 0 : log.bytes };
    return loaded.file;
  }

  /**
   * Validates the snapshot with the log replayed onto it: in full, or, when this build found the
   * snapshot and the log's first lines valid as they are (checked.ts), the file's own fields and
   * the records the log's later lines put. Notes what it found valid, when opened to write.
   */
  private validate(raw: Record<string, unknown>, bytes: Uint8Array, log: LogRead, follow: LogLine[], snapshot: Record<string, unknown>, foreign: boolean): Loaded {
    const note = this.checked.trust ? readChecked(this.dataDir) : undefined;
    const digest = note || (this.checked.remember && STORE_BUILD) ? digestOf(bytes) : undefined;
    const records = raw.records as Record<string, unknown> | undefined;
    const logBytes = foreign ? 0 : log.bytes;
    const remember = (unchanged: () => boolean) => {
      if (!this.checked.remember || !STORE_BUILD || !digest) return;
      if (note?.snapshot === digest && note.log.bytes === logBytes) return; // nothing new to note
      if (!unchanged()) return;
      rememberValid(this.dataDir, { snapshot: digest, log: { bytes: logBytes, sha256: digestOf(log.raw.subarray(0, logBytes)) } });
    };
    if (note && note.snapshot === digest && records && raw.format === 'quorum-store' && raw.schemaVersion === CURRENT_SCHEMA_VERSION) {
      const known = note.log.bytes > 0 && note.log.bytes <= log.bytes && digestOf(log.raw.subarray(0, note.log.bytes)) === note.log.sha256 ? note.log.bytes : 0;
      // follow is the log's last lines: those that end within the known bytes were validated when they were noted.
      const first = log.lines.length - follow.length;
      const ids = new Set<string>();
      follow.forEach((line, i) => {
        if (log.ends[first + i] > known) for (const id of Object.keys(line.put)) ids.add(id);
      });
      const { loaded, unchanged } = checkReplayed(raw, ids);
      if (loaded.kind === 'ok') remember(() => unchanged);
      return loaded;
    }
    const replayed = records ? Object.fromEntries(follow.flatMap((line) => Object.keys(line.put)).map((id) => [id, records[id]])) : {};
    const loaded = checkStoreObject(raw);
    if (loaded.kind === 'ok' && loaded.migratedFrom === undefined) remember(() => unchangedByValidation(snapshot, replayed, loaded.file));
    return loaded;
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
  checkpoint(data: StoreFile | null = this.onDisk, opts: { note?: boolean } = {}): void {
    if (!data) return;
    const chunks = serializeChunks(data);
    writeFileAtomic(this.snapshotPath, chunks);
    this.logFollowsSnapshot = true;
    this.onDisk = data;
    if (this.log.saves > 0 || existsSync(this.logPath)) emptyLog(this.logPath);
    this.log = { saves: 0, bytes: 0 };
    if (opts.note) this.noteWritten(data, chunks);
  }

  /**
   * Notes a snapshot just written as valid when validating it gives every record back as it is
   * (checked.ts): the app's fold at close, so the next open, often `quorum pack`, does not
   * validate it again. A full validation here (the ~300-page meeting's store: ~0.07 s), when the
   * window is closing, rather than at that next open.
   */
  private noteWritten(data: StoreFile, chunks: readonly Uint8Array[]): void {
    if (!this.checked.remember) return;
    const parsed = storeFileSchema.safeParse(data);
    if (!parsed.success) return;
    for (const [id, record] of Object.entries(data.records)) if (!sameJson(record, parsed.data.records[id])) return;
    const hash = createHash('sha256');
    for (const chunk of chunks) hash.update(chunk);
    rememberValid(this.dataDir, { snapshot: hash.digest('hex'), log: { bytes: 0, sha256: digestOf(new Uint8Array(0)) } });
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
