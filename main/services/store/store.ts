import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LowSync } from 'lowdb';
import { applyMutation, type MutationRef } from '../../../shared/operations/mutate';
import { undoChange, undoPointOf, type UndoPoint } from '../../../shared/kernel/undo';
import type { Change, CommandContext, MutationOutcome } from '../../../shared/kernel/operation';
import type { BackupInfo, JournalCheck, StoreStatus } from '../../../shared/views';
import { countRecords, type NewRecord, type StoreData } from '../../../shared/data';
import type { QRecord } from '../../../shared/schema/records';
import { seedRecords } from '../../../shared/kernel/changeSet';
import { recordSchema } from '../../../shared/schema/records';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/migrations';
import { QuorumFailure } from '../../../shared/result';
import { describeIssues } from '../../../shared/validation';
import { CHECKPOINT_AFTER, parseStoreText, savedThroughOnDisk, StoreOnDisk, withChangedIds } from './adapter';
import { emptyLog } from './changeLog';
import { missingPictures } from './pictures';
import { listBackups, moveIntoQuarantine, readBackup, takeBackup } from './backups';
import { fileFailure } from './errors';
import { IMAGES_FOLDER, JOURNAL_FILE, LOCK_FILE, STORE_FILE, type StoreFile } from './format';
import { appendEntry, dropTornTail, GENESIS, journalTail, readJournal, readJournalUnhurried, reconcileJournal, recordSeal, recordsChangedOutsideQuorum, sealEntry, type JournalEntry, type JournalHead, type JournalMark, type JournalRead, type StoreJournal } from './journal';
import { acquireFolderLock, folderWriter } from './lock';
import { systemClock, type Clock } from '../../../shared/clock';
import { formatUkDateTime } from '../../../shared/rules/dates';

export type StoreOptions = {
  user: string;
  device: string;
  /** Where "now" and "today" come from (shared/clock.ts); the machine's clock unless pinned. */
  clock?: Clock;
  newId?: CommandContext['newId'];
  /** 'read' never writes, locks, repairs or quarantines: for `quorum check` beside a running app. */
  mode?: 'write' | 'read';
  /** A new backup is taken before a write when the newest is older than this. */
  backupEveryMs?: number;
  /** Saves gathered in the change log before it is folded into quorum.json (main/services/store/adapter.ts). */
  checkpointEvery?: number;
  /**
   * How much of the journal a load verifies: from the newest point a check has passed (the app,
   * which then checks the whole chain unhurried, `checkJournalFully`), or every entry (`quorum check`).
   */
  journalCheck?: 'from-mark' | 'full';
  /**
   * Whether closing folds the change log into quorum.json: 'always' (the app: its next start then
   * reads one file), or 'when-due' (a CLI verb that saved once: rewriting the whole store at every
   * `quorum pack` cost more than the next open's replay of a line, 4 MB and an fsync for a
   * 300-page meeting's store; the log is still folded once checkpointEvery's saves or bytes gather).
   */
  foldAtClose?: 'always' | 'when-due';
  /**
   * Whether the first write of a session is preceded by a backup whatever the newest one's age
   * ('always': the app, whose session may run all day), or only when the newest is older than
   * backupEveryMs ('hourly': a CLI verb, whose every run is a session: `quorum pack` in a script
   * every ten minutes would otherwise copy the whole store each time, the same store each time).
   */
  backupAtFirstWrite?: 'always' | 'hourly';
};

export type CommandOutcome = MutationOutcome;
type Listener = (outcome: CommandOutcome) => void;

/**
 * The operations catalogue, loaded at the first change rather than with the store: opening a store
 * to read it (quorum check, the window's first answer) needs none of the features' code, the Word
 * writer or the Markdown lexer they bring (docs/ARCHITECTURE.md, "Starting quickly").
 */
let operations: Promise<typeof import('../../../shared/operations/apply')> | undefined;
const loadOperations = () => (operations ??= import('../../../shared/operations/apply'));

const randomId = () => crypto.randomUUID().replace(/-/g, '').slice(0, 20);

export { parseStoreText };

/** How long a reader watches for another computer's save to reach quorum.json before it calls the store older than its journal (writerSaving). */
const WRITER_SEEN_MS = 1500;

/**
 * Temp files left by a writer killed mid-save (writeFileAtomic's `.NAME.PID.HEX.tmp`), in the data
 * folder, its backups and its pictures: never a finished file, safe to remove once we hold the lock.
 */
const ORPHAN_TEMP = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;
export const sweepOrphanTempFiles = (dataDir: string): void => {
  for (const folder of [dataDir, join(dataDir, 'backups'), join(dataDir, IMAGES_FOLDER)]) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)) if (ORPHAN_TEMP.test(name)) rmSync(join(folder, name), { force: true });
  }
};

/**
 * The local store: one lowdb file of records, written atomically by one writer, an audit journal
 * beside it, rolling backups, and quarantine for anything unreadable. No Electron here: the
 * app, the CLI and the tests all use this class.
 */
export class QuorumStore {
  readonly dataDir: string;
  private readonly adapter: StoreOnDisk;
  /** lowdb over the snapshot and its change log: `db.read()` loads, `db.write()` commits. */
  private readonly db: LowSync<StoreFile | null>;
  private readonly opts: Required<Omit<StoreOptions, 'newId' | 'checkpointEvery'>> & Pick<StoreOptions, 'newId'>;
  /** Where journal.jsonl ends, as far as this store has verified or written it; unknown after a failed append. */
  private journalEnd?: JournalMark;
  /** The newest journal entry as the store knows it: new entries chain to this. */
  private journalHead: JournalHead = { seq: 0, hash: GENESIS };
  /** Entries saved in the store that journal.jsonl has not confirmed (an append failed). */
  private unconfirmed: JournalEntry[] = [];
  private journalCheck: JournalCheck = { ok: true, entries: 0 };
  private recovery?: StoreStatus['recovery'];
  private notices: string[] = [];
  private backupTakenThisSession = false;
  private releaseLock?: () => void;
  private queue: Promise<unknown> = Promise.resolve();
  private listeners = new Set<Listener>();
  /** The last change, when it was a destructive act Undo can take back (cleared by any later change). */
  private undoPoint?: UndoPoint;

  private constructor(dataDir: string, opts: StoreOptions) {
    this.dataDir = dataDir;
    this.opts = { mode: 'write', clock: systemClock, backupEveryMs: 3_600_000, journalCheck: 'from-mark', foldAtClose: 'always', backupAtFirstWrite: 'always', ...opts };
    this.adapter = new StoreOnDisk(dataDir, opts.checkpointEvery ? { ...CHECKPOINT_AFTER, saves: opts.checkpointEvery } : CHECKPOINT_AFTER, {
      // A full check validates every record; a read-only open writes nothing, not even this note.
      trust: this.opts.journalCheck !== 'full',
      remember: this.opts.mode === 'write',
    });
    this.db = new LowSync<StoreFile | null>(this.adapter, null);
  }

  get clock(): Clock {
    return this.opts.clock;
  }

  get storePath() {
    return join(this.dataDir, STORE_FILE);
  }
  get journalPath() {
    return join(this.dataDir, JOURNAL_FILE);
  }

  static open(dataDir: string, opts: StoreOptions): QuorumStore {
    const store = new QuorumStore(dataDir, opts);
    if (store.opts.mode === 'write') {
      try {
        mkdirSync(dataDir, { recursive: true });
      } catch (err) {
        throw fileFailure(err, 'The data folder');
      }
      store.releaseLock = acquireFolderLock(join(dataDir, LOCK_FILE));
      sweepOrphanTempFiles(dataDir);
    }
    try {
      store.load();
    } catch (err) {
      store.close();
      throw err;
    }
    return store;
  }

  /** The store as last loaded or saved. */
  private get file(): StoreFile | null {
    return this.db.data;
  }

  close(): void {
    // Folding the log into the snapshot now makes the next start read one file.
    const fold = this.opts.foldAtClose === 'always' || this.adapter.checkpointDue;
    if (this.releaseLock && this.adapter.savesInLog > 0 && !this.recovery && fold) {
      try {
        this.adapter.checkpoint(undefined, { note: true });
      } catch {
        // The log still holds every save; the next start replays it.
      }
    }
    this.releaseLock?.();
    this.releaseLock = undefined;
  }

  private get writable() {
    return this.opts.mode === 'write';
  }

  private load(): void {
    this.notices = [];
    this.recovery = undefined;
    this.db.data = null;
    this.unconfirmed = [];
    // The store first, then the journal: beside a running app (quorum check) the journal read
    // second can only be as new as the store or newer, never older than what the store names.
    // A checkpoint by that app between reading the snapshot and its log shows as a log that does
    // not follow the snapshot: read again.
    for (let attempt = 1; ; attempt++) {
      try {
        this.db.read();
      } catch (err) {
        if (err instanceof QuorumFailure) throw err;
        throw fileFailure(err, 'The store', 'read');
      }
      if (this.writable || !this.adapter.foreignLog || attempt === 5) break;
    }
    const loaded = this.adapter.lastLoad;
    const mark = loaded.kind === 'ok' && this.opts.journalCheck === 'from-mark' ? loaded.file.journal.verified : undefined;
    const journal = readJournal(this.journalPath, mark);
    if (this.writable) this.tidyAfterInterruption(journal);
    this.journalHead = journal.head;
    this.journalCheck = journal.check;
    this.journalEnd = journal.check.ok && journal.head.seq > 0 ? { ...journal.head, bytes: journal.bytes } : undefined;
    // quorum.json gone while the folder still holds its history: never the first-run screen, where
    // "Start empty" is one click away, but a rebuild from a backup and the change log, or recovery.
    const missing = loaded.kind === 'empty' && (journal.head.seq > 0 || existsSync(this.adapter.logPath) || listBackups(this.dataDir).length > 0);
    if (loaded.kind === 'empty' && !missing) return;
    if (loaded.kind === 'bad' || missing) {
      const reason = loaded.kind === 'bad' ? loaded.reason : `The store file ${STORE_FILE} is missing, but the folder holds its ${journal.head.seq > 0 ? 'journal' : 'change log or backups'}: it may have been deleted or moved by hand or by a sync tool`;
      this.db.data = null;
      if (!this.writable) throw new QuorumFailure('store-unavailable', reason);
      const now = this.opts.clock.now();
      const rebuilt = this.rebuildFromBackupAndLog();
      const quarantinedFile = existsSync(this.storePath) ? moveIntoQuarantine(this.dataDir, this.storePath, now) : '';
      // Kept either way: once rebuilt, the new quorum.json holds all it had.
      if (existsSync(this.adapter.logPath)) moveIntoQuarantine(this.dataDir, this.adapter.logPath, now);
      this.adapter.forget();
      if (rebuilt) {
        // Written whole, with nothing lost that was on disk: the backup, then every save since it.
        this.adapter.checkpoint(rebuilt.file);
        this.db.data = rebuilt.file;
        this.reconcile(journal, rebuilt.file);
        this.notices.push(
          `${reason}. Quorum rebuilt it from the backup taken ${formatUkDateTime(rebuilt.backup.takenAt)} and the ${rebuilt.replayed === 1 ? 'save' : `${rebuilt.replayed} saves`} made since, kept in the change log: nothing acknowledged was lost.${quarantinedFile ? ` The damaged file is in ${quarantinedFile}.` : ''}`,
        );
        return;
      }
      this.recovery = { reason, quarantinedFile, backups: this.usableBackups() };
      return;
    }
    if (loaded.kind !== 'ok') return;
    this.reconcile(journal, loaded.file);
    // A full read (quorum check, or a store with no mark yet) also holds each record to what the journal sealed.
    if (!mark && this.journalCheck.ok) {
      // With the entries the store holds that the journal file may not have yet (a save cut off between the two writes).
      const held = [...(loaded.file.journal.pending ?? []), ...(loaded.file.journal.last ? [loaded.file.journal.last] : [])] as JournalEntry[];
      // Only the saves this copy of the store holds: beside a running app, the journal read after the
      // store may go on to a save made in between, whose seal is of words the copy read cannot have yet.
      const upToStore = journal.entries.filter((e) => e.seq <= loaded.file.journal.seq);
      this.holdRecordsToSeals([...upToStore, ...held.filter((e) => e.seq > journal.head.seq)], loaded.file.records);
    }
    if (loaded.migratedFrom !== undefined) {
      this.notices.push(`The store was upgraded from schema version ${loaded.migratedFrom}; a copy of the old file is in backups.`);
      if (this.writable) {
        takeBackup(this.dataDir, this.storePath, 'before-upgrade', this.opts.clock.now());
        this.backupTakenThisSession = true;
        // Writing now makes the upgrade durable and journaled, instead of redoing it at every load.
        this.commit({ command: 'store:migrate', summary: `Upgraded the store from schema version ${loaded.migratedFrom}`, changes: [] }, loaded.file.records, true);
      }
    }
  }

  /** Cut-short lines a crash left (never acknowledged saves), and a change log that belongs to another copy of the store. */
  private tidyAfterInterruption(journal: JournalRead): void {
    if (journal.tornTailAt !== undefined) {
      dropTornTail(this.journalPath, journal.tornTailAt);
      this.notices.push('The last journal line was cut short by an interrupted save and was removed.');
    }
    if (this.adapter.tornLogAt !== undefined) emptyLog(this.adapter.logPath, this.adapter.tornLogAt);
    if (this.adapter.foreignLog) {
      const kept = moveIntoQuarantine(this.dataDir, this.adapter.logPath, this.opts.clock.now());
      this.notices.push(`The change log beside the store was set aside, unread, because ${this.adapter.foreignLog} (the store file may have been replaced by another copy). It is in ${kept}.`);
    }
  }

  /**
   * The store is the authority on where the journal stands: new entries chain to its head. Entries
   * it holds that journal.jsonl lacks are appended (a save interrupted between the two writes, or
   * an append that failed); any other mismatch is reported, at this and every later load.
   */
  private reconcile(journal: JournalRead, file: StoreFile): void {
    const stored: StoreJournal = {
      head: { seq: file.journal.seq, hash: file.journal.head },
      unconfirmed: [...(file.journal.pending ?? []), ...(file.journal.last ? [file.journal.last] : [])],
    };
    const { check, append } = reconcileJournal(journal, stored, this.opts.mode, () => this.writerSaving(journal.head.seq));
    this.journalHead = stored.head;
    this.journalCheck = check;
    if (append.length === 0) return;
    if (!this.writable) return;
    this.unconfirmed = append;
    if (this.appendUnconfirmed()) this.notices.push(`The journal ${append.length === 1 ? 'entry of the last save was' : `entries of the last ${append.length} saves were`} completed after an interruption.`);
    else this.notices.push('The journal could not be written; it will be completed at the next save or start.');
  }

  /**
   * For a reader that found the journal ahead of the store it read (at entry `journalTail`):
   * whether that is a save by a Quorum still writing here, made between its two reads. A live
   * process on this computer is seen to hold the lock. Another computer's process cannot be seen
   * from here, and its lock may be left from a crash there: it is saving only if the store is seen
   * to reach the journal's entry within WRITER_SEEN_MS (a save in flight lands in milliseconds).
   * Otherwise an older copy of quorum.json was put back beside its journal.
   */
  private writerSaving(journalTail: number): boolean {
    const writer = folderWriter(join(this.dataDir, LOCK_FILE));
    if (writer !== 'another computer') return writer === 'this computer';
    const until = performance.now() + WRITER_SEEN_MS;
    for (;;) {
      if (savedThroughOnDisk(this.dataDir) >= journalTail) return true;
      if (performance.now() >= until) return false;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50); // a synchronous pause: opening a store is synchronous
    }
  }

  /** Appends the entries the store holds and journal.jsonl may lack, skipping any already there. True when all are in. */
  private appendUnconfirmed(): boolean {
    if (this.unconfirmed.length === 0) return true;
    try {
      // Only after a failure: an append that wrote its line but then failed (fsync) must not be written twice.
      let onDisk: JournalEntry | undefined;
      if (this.unconfirmed.length > 1) {
        const read = readJournal(this.journalPath);
        if (read.tornTailAt !== undefined) dropTornTail(this.journalPath, read.tornTailAt);
        onDisk = read.entries.at(-1);
        this.journalEnd = read.check.ok && read.head.seq > 0 ? { ...read.head, bytes: read.bytes } : undefined;
      }
      for (const entry of this.unconfirmed) {
        if (onDisk && entry.seq <= onDisk.seq) continue;
        const end = this.journalEnd;
        this.journalEnd = undefined; // unknown until the append is confirmed
        const added = appendEntry(this.journalPath, entry);
        if (end && end.seq === entry.seq - 1 && end.hash === entry.prev) this.journalEnd = { seq: entry.seq, hash: entry.hash, bytes: end.bytes + added };
        else if (entry.seq === 1 && !end) this.journalEnd = { seq: 1, hash: entry.hash, bytes: added };
      }
      this.unconfirmed = [];
      // The journal is whole again: what was said of it is no longer true.
      this.notices = this.notices.filter((n) => !n.startsWith('The journal could not be written'));
      return true;
    } catch {
      return false;
    }
  }

  /** The newest backup the change log follows save by save, rebuilt with the log replayed onto it. */
  private rebuildFromBackupAndLog(): { file: StoreFile; replayed: number; backup: BackupInfo } | undefined {
    for (const backup of listBackups(this.dataDir)) {
      try {
        const rebuilt = this.adapter.rebuildFrom(readBackup(this.dataDir, backup.id));
        if (rebuilt) return { ...rebuilt, backup };
      } catch {
        // An unreadable backup: try the one before.
      }
    }
    return undefined;
  }

  private usableBackups(): BackupInfo[] {
    return listBackups(this.dataDir).filter((b) => {
      try {
        return parseStoreText(readBackup(this.dataDir, b.id)).kind === 'ok';
      } catch {
        return false;
      }
    });
  }

  get data(): StoreData {
    return { records: this.file?.records ?? {} };
  }

  status(): StoreStatus {
    return {
      state: this.recovery ? 'recovery-needed' : this.file && Object.keys(this.file.records).length > 0 ? 'ready' : 'empty',
      dataDir: this.dataDir,
      counts: countRecords(this.data),
      journal: this.journalCheck,
      recovery: this.recovery,
      notices: [...this.notices],
      ...(this.undoPoint ? { undo: { seq: this.undoPoint.seq, summary: this.undoPoint.summary } } : {}),
    };
  }

  /** The newest `limit` journal entries, newest first (read from the end of the file). */
  journalEntries(limit: number): JournalEntry[] {
    return journalTail(this.journalPath, limit);
  }

  /**
   * Checks the whole journal chain, pausing between slices so the app stays responsive: a load
   * verifies only the entries after the store's mark, so an entry altered before it is found here
   * (the app runs this after each start) and by `quorum check`. A problem found is reported as a
   * load's would be.
   */
  async checkJournalFully(): Promise<JournalCheck> {
    const seqAtStart = this.journalHead.seq;
    this.writtenThisSession = new Set();
    const read = await readJournalUnhurried(this.journalPath);
    // Entries appended meanwhile are this store's own; the chain up to where it started must hold.
    if (!read.check.ok && read.check.entries < seqAtStart && this.journalCheck.ok) this.journalCheck = read.check;
    else if (read.check.ok && this.journalCheck.ok && this.file) {
      // Records this session wrote meanwhile are sealed by entries newer than the read: leave them out.
      const records = Object.fromEntries(Object.entries(this.file.records).filter(([id]) => !this.writtenThisSession?.has(id)));
      this.holdRecordsToSeals(read.entries, records);
    }
    this.writtenThisSession = undefined;
    return this.journalCheck;
  }

  /** Ids written since a full check began (so a save meanwhile is not taken for an edit by hand). */
  private writtenThisSession?: Set<string>;

  /** Reports records whose words differ from what the journal entry that last wrote them sealed. */
  private holdRecordsToSeals(entries: readonly JournalEntry[], records: Readonly<Record<string, unknown>>): void {
    const changed = recordsChangedOutsideQuorum(entries, records);
    if (!changed.length) return;
    const named = changed.slice(0, 3).map(({ id, seq }) => `${describeRecord(records[id] as QRecord)} (last written by journal entry ${seq})`);
    this.journalCheck = {
      ok: false,
      entries: this.journalHead.seq,
      problem: `${changed.length === 1 ? 'A record was' : `${changed.length} records were`} changed outside Quorum: ${named.join('; ')}${changed.length > 3 ? '; and more' : ''}. Its words no longer match what the journal sealed when it was saved. Restore a backup from before the change (Settings › Backups), or find who edited quorum.json.`,
    };
  }

  backups(): BackupInfo[] {
    return listBackups(this.dataDir);
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private context(): CommandContext {
    return {
      now: this.opts.clock.now,
      today: this.opts.clock.today,
      user: this.opts.user,
      newId: this.opts.newId ?? (<T extends string>(type: T) => `${type}:${randomId()}` as `${T}:${string}`),
    };
  }

  /**
   * Runs a named mutation: validate (unless the bridge already has: `parsed`), apply, check the
   * records it touched, write, journal. One at a time, in the order asked.
   */
  run(command: MutationRef, input: unknown, opts: { parsed?: boolean } = {}): Promise<CommandOutcome> {
    return this.enqueue(async () => {
      // A declaration handed in needs no catalogue: `quorum pack` records its build without it.
      const mutation = typeof command === 'string' ? (await loadOperations()).mutationOf(command) : command;
      const before = this.data.records;
      const { data, journal } = applyMutation(this.data, mutation, input, this.context(), opts);
      const outcome = this.commit({ command: mutation.name, ...journal }, data.records);
      if (mutation.undoable === true && outcome.changes.length) this.undoPoint = undoPointOf(before, outcome);
      return outcome;
    });
  }

  /**
   * Takes back the last destructive act (a removal, a cancellation, a withdrawal), as a new
   * journaled change, while nothing else has changed since: `seq` is the act's journal entry.
   */
  undo(seq: number): Promise<CommandOutcome> {
    return this.enqueue(() => {
      const point = this.undoPoint;
      if (!point || point.seq !== seq || this.journalHead.seq !== seq)
        throw new QuorumFailure('conflict', 'That can no longer be undone: only the last change can be, and something has changed since. Nothing was changed. An earlier state can be restored from a backup in Settings.');
      const { records, journal } = undoChange(this.data.records, point, { now: this.opts.clock.now, user: this.opts.user });
      return this.commit(journal, records);
    });
  }

  /** Loads prepared records (the example, the generator) into an empty store as one journaled change. */
  seed(command: string, summary: string, records: readonly NewRecord[]): Promise<CommandOutcome> {
    return this.enqueue(() => {
      const { data, journal } = seedRecords(this.data, records, this.context(), summary);
      for (const r of Object.values(data.records)) {
        const parsed = recordSchema.safeParse(r);
        if (!parsed.success) throw new QuorumFailure('invalid-input', `${r.id}: ${describeIssues(parsed.error).message}`);
      }
      return this.commit({ command, ...journal }, data.records);
    });
  }

  private enqueue(work: () => CommandOutcome | Promise<CommandOutcome>): Promise<CommandOutcome> {
    const next = this.queue.then(() => {
      if (!this.writable) throw new QuorumFailure('not-allowed', 'The store is open read-only');
      return work();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Saves records and seals the journal entry. `whole` when the records were replaced wholesale (a
   * restore, an upgrade) rather than changed as the entry's change list says.
   */
  private commit(journal: { command: string; summary: string; changes: Change[] }, records: StoreData['records'], whole = false): CommandOutcome {
    this.maybeBackup();
    this.undoPoint = undefined;
    const entry = sealEntry({
      seq: this.journalHead.seq + 1,
      at: this.opts.clock.now(),
      user: this.opts.user,
      device: this.opts.device,
      command: journal.command,
      summary: journal.summary,
      changes: journal.changes,
      prev: this.journalHead.hash,
      sealed: Object.fromEntries(
        // Sealed as the store reads it back (validated: defaults filled in), so a clean load always matches.
        (whole ? Object.keys(records) : journal.changes.filter((c) => c.op !== 'delete').map((c) => c.id)).flatMap((id) => (records[id] ? [[id, recordSeal(recordSchema.parse(records[id]))]] : [])),
      ),
    });
    const file: StoreFile = {
      format: 'quorum-store',
      schemaVersion: CURRENT_SCHEMA_VERSION,
      savedAt: entry.at,
      device: this.opts.device,
      journal: {
        seq: entry.seq,
        head: entry.hash,
        last: entry,
        ...(this.unconfirmed.length ? { pending: this.unconfirmed } : {}),
        // The journal as far as it is known good, for the next load to verify from (it lags this entry by one).
        ...(this.journalEnd && this.journalCheck.ok ? { verified: this.journalEnd } : this.file?.journal.verified ? { verified: this.file.journal.verified } : {}),
      },
      records: records as StoreFile['records'],
    };
    for (const c of journal.changes) this.writtenThisSession?.add(c.id);
    const next = whole ? file : withChangedIds(file, journal.changes.map((c) => c.id));
    const previous = this.db.data;
    this.db.data = next;
    try {
      this.db.write();
    } catch (err) {
      this.db.data = previous;
      throw fileFailure(err, 'Your change');
    }
    this.recovery = undefined;
    this.journalHead = { seq: entry.seq, hash: entry.hash };
    // The store now holds this entry (and any earlier unconfirmed ones), so the change is safe
    // even if the journal cannot be written now (a sync tool or antivirus holding the file): the
    // entries are appended, in order, at the next save or start.
    this.unconfirmed = [...this.unconfirmed, entry];
    if (this.appendUnconfirmed()) {
      if (this.journalCheck.ok) this.journalCheck = { ok: true, entries: entry.seq };
    } else if (!this.notices.some((n) => n.startsWith('The journal could not be written')))
      this.notices.push('The journal could not be written; it will be completed at the next save or start.');
    const outcome = { command: journal.command, summary: journal.summary, changes: journal.changes, seq: entry.seq };
    for (const l of this.listeners) l(outcome);
    if (this.adapter.checkpointDue) this.scheduleCheckpoint();
    return outcome;
  }

  /**
   * Folds the change log into the snapshot after the save that filled it has been acknowledged,
   * ahead of the next save in the queue. A failure costs nothing: the log keeps every save, and
   * the next save or start tries again.
   */
  private scheduleCheckpoint(): void {
    this.queue = this.queue
      .then(() => new Promise((r) => setImmediate(r)))
      .then(() => {
        if (this.adapter.checkpointDue) this.adapter.checkpoint();
      })
      .catch(() => undefined);
  }

  /**
   * Brings quorum.json up to date with every save (folds the change log in), so a copy of the
   * file alone holds everything: before a backup, and before the data folder is moved.
   */
  snapshotNow(): void {
    if (this.adapter.savesInLog > 0) this.adapter.checkpoint();
  }

  /** A backup of the last validated state before the first write of a session, then hourly. */
  private maybeBackup(): void {
    if (!this.file || !existsSync(this.storePath)) return;
    const newest = listBackups(this.dataDir)[0];
    const firstWrite = !this.backupTakenThisSession && this.opts.backupAtFirstWrite === 'always';
    const due = firstWrite || !newest || Date.parse(this.opts.clock.now()) - Date.parse(newest.takenAt) >= this.opts.backupEveryMs;
    if (!due) return;
    try {
      this.snapshotNow();
      takeBackup(this.dataDir, this.storePath, this.backupTakenThisSession ? 'hourly' : 'session', this.opts.clock.now());
    } catch (err) {
      throw fileFailure(err, 'A backup taken before your change');
    }
    this.backupTakenThisSession = true;
  }

  /**
   * Replaces the records with a backup's. The current store is first copied into backups, so a
   * restore can itself be undone.
   */
  restore(backupId: string): Promise<CommandOutcome> {
    const next = this.queue.then(() => {
      if (!this.writable) throw new QuorumFailure('not-allowed', 'The store is open read-only');
      let text: string;
      try {
        text = readBackup(this.dataDir, backupId);
      } catch {
        throw new QuorumFailure('not-found', `There is no backup called ${backupId}`);
      }
      const loaded = parseStoreText(text);
      if (loaded.kind !== 'ok') throw new QuorumFailure('invalid-input', `This backup cannot be used: ${loaded.kind === 'bad' ? loaded.reason : 'it is empty'}`);
      // A backup holds the records; their pictures stay in images/, named by their content's hash.
      // Restoring papers whose pictures have gone would only move the loss to the next pack.
      const gone = missingPictures(this.dataDir, loaded.file.records);
      if (gone.length)
        throw new QuorumFailure(
          'not-found',
          `This backup cannot be restored: ${gone.length} picture${gone.length === 1 ? '' : 's'} its papers use ${gone.length === 1 ? 'is' : 'are'} no longer in the data folder’s images folder, or ${gone.length === 1 ? 'has' : 'have'} changed (${gone.slice(0, 3).join(', ')}). Put ${gone.length === 1 ? 'it' : 'them'} back from a copy of the data folder and try again. Nothing was changed.`,
        );
      if (this.file && existsSync(this.storePath)) {
        try {
          this.snapshotNow();
          takeBackup(this.dataDir, this.storePath, 'before-restore', this.opts.clock.now());
        } catch (err) {
          throw fileFailure(err, 'A copy of the current store');
        }
        this.backupTakenThisSession = true;
      }
      return this.commit({ command: 'backups:restore', summary: `Restored the backup ${backupId}`, changes: [] }, loaded.file.records, true);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** A record as an officer would name it in a message: what it is and its words, with its id. */
const describeRecord = (r: QRecord): string => {
  const words = 'title' in r && typeof r.title === 'string' ? r.title : 'text' in r && typeof r.text === 'string' ? r.text : 'name' in r && typeof r.name === 'string' ? r.name : 'theme' in r && typeof r.theme === 'string' ? r.theme : '';
  const kind = r.type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `the ${kind}${words ? ` “${words.length > 60 ? `${words.slice(0, 59)}…` : words}”` : ''} (${r.id})`;
};
