import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type PouchDB from 'pouchdb';
import { join } from 'node:path';
import { mutationOf } from '../../../shared/operations/apply';
import { applyMutation, type MutationRef } from '../../../shared/operations/mutate';
import { undoChange, undoPointOf, type UndoPoint } from '../../../shared/kernel/undo';
import { seedRecords } from '../../../shared/kernel/changeSet';
import type { Change, CommandContext } from '../../../shared/kernel/operation';
import type { BackupInfo, JournalCheck, StoreStatus } from '../../../shared/views';
import { carryIndex, countRecords, type NewRecord, type StoreData } from '../../../shared/data';
import { recordSchema, type QRecord } from '../../../shared/schema/records';
import { QuorumFailure } from '../../../shared/result';
import { describeIssues } from '../../../shared/validation';
import { systemClock, type Clock } from '../../../shared/clock';
import type { Audience, TeamRole } from '../../../shared/team/audiences';
import { DIRECTORY_TYPES, joinRecord, placeRecord, placementsTouched, type ExemptPatch } from '../../../shared/team/placement';
import { fieldText, settleConflict, wordDiff, type Fields, type Version, type WordDiff } from '../../../shared/team/conflicts';
import { GENESIS, sealEntry, type JournalEntry } from '../store/journal';
import { writeFileAtomic } from '../store/atomicFile';
import { IMAGES_FOLDER } from '../store/format';
import { picturesReferenced } from '../store/pictures';
import { checkPicture, pictureType, PICTURE_NAME } from '../records/recordStore';
import { commonAncestor, deviceKey, getDoc, isExemptDoc, isRecordDoc, journalId, openLocal, openRemote, type AnyDoc, type ExemptDoc, type JournalDoc, type RecordDoc, type Remote, type Replica } from './replica';

/**
 * Team mode's store: the partnership's records in local PouchDB replicas of the server's
 * databases (one per audience, shared/team/audiences.ts), held in memory for the domain exactly
 * as the solo store holds them, so every query, command and pack works unchanged. Commands apply,
 * validate and journal as in the solo store; the documents they write replicate when the server
 * can be reached. Clashes between officers are settled by shared/team/conflicts.ts: merged when
 * they touched different fields, otherwise held in Needs decision for a person.
 */
export type TeamStoreOptions = {
  dataDir: string;
  remote: Remote;
  partnership: string;
  device: string;
  /** This person's roles in the partnership, as the server granted them at sign-in. */
  roles: readonly TeamRole[];
  /** The person in the directory this sign-in is, when the server links one (personRole). */
  personId?: string;
  clock?: Clock;
  newId?: CommandContext['newId'];
};

export type SyncState = 'synced' | 'waiting' | 'offline' | 'signed-out';
export type SyncStatus = { state: SyncState; waiting: number; lastError?: string };

/** A clash two officers' changes made, waiting for a person to decide (the Needs decision inbox). */
export type NeedsDecision = {
  key: string;
  audience: Audience;
  id: string;
  /** The record as it stands meanwhile (the version CouchDB chose), for its title. */
  record: QRecord;
  fields: {
    field: string;
    versions: { rev: string; by: string; at: string; text: string }[];
    /** From the first version to the second, word by word. */
    diff: WordDiff;
  }[];
};

export type DecisionChoice = { keep: string } | { combined: Record<string, unknown> };

/** A change the server refused (minutes approved meanwhile, a role taken away), kept so its words are not lost. */
export type NotApplied = { id: string; at: string; reason: string; text: string };

/** What PouchDB reports of a document the server refused. */
type Denial = { id?: string; reason?: string; message?: string };

type Listener = (outcome: { command: string; summary: string; changes: Change[]; seq: number }) => void;

const randomId = () => crypto.randomUUID().replace(/-/g, '').slice(0, 20);

/** Kept on this computer only (`_local` documents never replicate). */
const NOT_APPLIED_DOC = '_local/quorum-not-applied';
type NotAppliedDoc = { items: NotApplied[]; refused: string[] };

/** Why a record's words may no longer change (the server keeps them so: serverRules.ts). */
const frozenWhy = (data: StoreData, record: QRecord): string | undefined => {
  if (record.type === 'agendaItem') {
    const meeting = data.records[record.meetingId];
    return meeting?.type === 'meeting' && meeting.status === 'minutes-approved' ? 'minutes approved' : undefined;
  }
  if (record.type === 'protocolVersion') return record.status === 'agreed' || record.status === 'superseded' ? 'agreed version' : undefined;
  return undefined;
};

type Write = { audience: Audience; doc: Record<string, unknown> & { _id: string; _rev?: string; _deleted?: boolean } };

export class TeamStore {
  readonly dataDir: string;
  readonly clock: Clock;
  private readonly opts: TeamStoreOptions;
  private readonly device: string;
  private replicas = new Map<Audience, Replica>();
  /** The open form of each record (board or partners database) and its Part 2 text. */
  private open = new Map<string, { audience: Audience; doc: PouchDB.Existing<RecordDoc> }>();
  private exempt = new Map<string, PouchDB.Existing<ExemptDoc>>();
  /** The partners' copy of the directory (partnership, organisations, boards), when this person also reads the board's. */
  private copies = new Map<string, PouchDB.Existing<RecordDoc>>();
  private records: StoreData['records'] = {};
  private listeners = new Set<Listener>();
  private queue: Promise<unknown> = Promise.resolve();
  private journalHead = { seq: 0, hash: GENESIS };
  /** Every officer's journal entries by hash; a cleared officer's carry the Part 2 wording (the Part 2 database's copy). */
  private journal = new Map<string, JournalEntry>();
  /** Copies read from the board or partners database: what each device's chain is checked on. */
  private chained = new Map<string, JournalEntry>();
  private undoPoint?: UndoPoint;
  private decisions = new Map<string, NeedsDecision>();
  private notApplied: NotApplied[] = [];
  /** Revisions this device wrote that the server refused, and their tombstones: never reported twice. */
  private refused = new Set<string>();
  private feeds: PouchDB.Emitter[] = [];
  private syncs: PouchDB.Emitter[] = [];
  private sync: Record<Audience, { state: SyncState; error?: string } | undefined> = { board: undefined, part2: undefined, partners: undefined };
  /** Documents written here that the server has not yet taken. */
  private waiting = new Set<string>();
  private settling = new Map<string, Promise<void>>();
  private closed = false;

  private constructor(opts: TeamStoreOptions) {
    this.opts = opts;
    this.dataDir = opts.dataDir;
    this.clock = opts.clock ?? systemClock;
    this.device = deviceKey(opts.device);
  }

  get roles(): readonly TeamRole[] {
    return this.opts.roles;
  }

  get user(): string {
    return this.opts.remote.user;
  }

  private get cleared(): boolean {
    return this.opts.roles.includes('part2');
  }

  /** The databases this person reads: an officer the board's (and Part 2's when cleared) and the partners'; a partner only the partners'. */
  get audiences(): Audience[] {
    if (this.opts.roles.includes('secretariat')) return this.cleared ? ['board', 'part2', 'partners'] : ['board', 'partners'];
    return this.opts.roles.includes('partner') ? ['partners'] : [];
  }

  static async open(opts: TeamStoreOptions): Promise<TeamStore> {
    const store = new TeamStore(opts);
    if (store.audiences.length === 0) throw new QuorumFailure('forbidden', `${opts.remote.user} has no role in ${opts.partnership} yet: ask the partnership’s server administrator to add one (quorum team add-user).`);
    mkdirSync(join(opts.dataDir, 'replica'), { recursive: true });
    for (const audience of store.audiences) store.replicas.set(audience, { audience, local: openLocal(opts.dataDir, audience), remote: openRemote(opts.remote, opts.partnership, audience) });
    await store.load();
    await store.watchLocal();
    return store;
  }

  private replica(audience: Audience): Replica {
    const r = this.replicas.get(audience);
    if (!r) throw new QuorumFailure('forbidden', audience === 'part2' ? 'You are not cleared for Part 2 business: its text stays with the officers who are.' : `You do not have access to the ${audience} records.`);
    return r;
  }

  // ---- Reading the replica -------------------------------------------------------------

  private async load(): Promise<void> {
    for (const [audience, { local }] of this.replicas) {
      const all = await local.allDocs({ include_docs: true, conflicts: true });
      for (const row of all.rows) {
        const doc = row.doc;
        if (!doc) continue;
        if (isRecordDoc(doc) && audience !== 'part2') this.takeOpen(audience, doc);
        else if (isExemptDoc(doc) && audience === 'part2') this.exempt.set(doc._id, doc);
        else if (doc.type === 'journal') this.keepEntry(audience, (doc as JournalDoc).entry);
        if (doc._conflicts?.length) this.settleLater(audience, doc._id);
      }
    }
    const mine = [...this.chained.values()].filter((e) => e.device === this.device);
    const last = mine.reduce<JournalEntry | undefined>((a, e) => (!a || e.seq > a.seq ? e : a), undefined);
    if (last) this.journalHead = { seq: last.seq, hash: last.hash };
    this.records = this.joinAll();
    const saved = await getDoc(this.replica(this.audiences[0]).local as unknown as PouchDB.Database<NotAppliedDoc>, NOT_APPLIED_DOC);
    if (saved) {
      this.notApplied = saved.items;
      this.refused = new Set(saved.refused);
    }
  }

  private keepEntry(audience: Audience, entry: JournalEntry): void {
    if (audience === 'part2') this.journal.set(entry.hash, entry);
    else {
      this.chained.set(entry.hash, entry);
      if (!this.journal.has(entry.hash)) this.journal.set(entry.hash, entry);
    }
  }

  /**
   * Each device's chain, as far as it has arrived: numbered from 1 without a gap, each entry
   * sealed over its own words and the hash of the one before (an entry altered or removed shows).
   * Entries still on their way from a device that is offline simply end its chain early.
   */
  private checkChains(): JournalCheck {
    const byDevice = new Map<string, JournalEntry[]>();
    for (const e of this.chained.values()) byDevice.set(e.device, [...(byDevice.get(e.device) ?? []), e]);
    for (const [device, entries] of byDevice) {
      entries.sort((a, b) => a.seq - b.seq);
      let prev = GENESIS;
      for (const [i, e] of entries.entries()) {
        const { hash, ...rest } = e;
        if (e.seq !== i + 1 || e.prev !== prev || sealEntry(rest).hash !== hash)
          return { ok: false, entries: this.chained.size, problem: `The journal of ${device} does not hold together at entry ${i + 1}: an entry is missing or was changed.` };
        prev = hash;
      }
    }
    return { ok: true, entries: this.chained.size };
  }

  /** A record seen in two homes (moved between the board and partners databases, the move half-replicated): the newer counts. */
  private takeOpen(audience: Audience, doc: PouchDB.Existing<RecordDoc>): void {
    if (audience === 'partners' && DIRECTORY_TYPES.has(doc.type) && this.replicas.has('board')) {
      this.copies.set(doc._id, doc);
      return;
    }
    const held = this.open.get(doc._id);
    if (held && held.audience !== audience && held.doc.record.rev > doc.record.rev) return;
    this.open.set(doc._id, { audience, doc });
  }

  private joinOne(id: string): QRecord | undefined {
    const open = this.open.get(id);
    if (!open) return undefined;
    return joinRecord(open.doc.record, this.exempt.get(id)?.exempt);
  }

  private joinAll(): StoreData['records'] {
    const out: Record<string, QRecord> = {};
    for (const id of this.open.keys()) out[id] = this.joinOne(id)!;
    return out;
  }

  get data(): StoreData {
    return this.decisions.size ? { records: this.records, undecided: this.undecided } : { records: this.records };
  }

  /** The records a person must decide on before a pack is built from them or minutes approved. */
  get undecided(): ReadonlySet<string> {
    return new Set([...this.decisions.values()].map((d) => d.id));
  }

  /** Where this store has read each local database up to: what replication writes after it is caught up on. */
  private readUpTo = new Map<Audience, number | string>();
  private catchingUp = new Map<Audience, Promise<void>>();

  /** Follows each local database: what replication brings in reaches the records in memory and the window. */
  private async watchLocal(): Promise<void> {
    for (const [audience, { local }] of this.replicas) {
      this.readUpTo.set(audience, (await local.info()).update_seq);
      const feed = local.changes({ since: 'now', live: true });
      feed.on('change', () => void this.catchUp(audience));
      this.feeds.push(feed);
    }
  }

  /** Reads what changed in a local database since last read (replication or this store's own writes), one reader at a time. */
  private catchUp(audience: Audience): Promise<void> {
    const previous = this.catchingUp.get(audience) ?? Promise.resolve();
    const next = previous.then(async () => {
      if (this.closed) return;
      const { local } = this.replica(audience);
      const res = await local.changes({ since: this.readUpTo.get(audience) ?? 0, include_docs: true, conflicts: true });
      for (const change of res.results) this.received(audience, change);
      this.readUpTo.set(audience, res.last_seq);
      if (this.pendingIds.size) this.flushReceived();
      if (this.compactSoon) {
        this.compactSoon = false;
        await local.compact();
      }
    }).catch(() => undefined);
    this.catchingUp.set(audience, next);
    return next;
  }

  private pendingIds = new Set<string>();
  private compactSoon = false;

  /** Whether a record, as this store holds it, has Part 2 text kept apart (shown as placeholders here). */
  private exemptNow(record: QRecord | undefined): boolean {
    return Boolean(record && placeRecord({ records: this.records }, record).exempt);
  }

  private received(audience: Audience, change: PouchDB.Change<AnyDoc>): void {
    const doc = change.doc;
    if (!doc || change.id.startsWith('_design/')) return;
    if (change.id.startsWith('picture:')) {
      void this.materialisePicture(audience, change.id).catch(() => undefined);
      return;
    }
    if ((doc as JournalDoc).type === 'journal') {
      const entry = (doc as JournalDoc).entry;
      this.keepEntry(audience, entry);
      return;
    }
    if (change.deleted) {
      if (audience === 'partners' && this.copies.has(change.id)) this.copies.delete(change.id);
      if (audience === 'part2') this.exempt.delete(change.id);
      else if (this.open.get(change.id)?.audience === audience) this.open.delete(change.id);
    } else if (audience === 'part2' && isExemptDoc(doc)) this.exempt.set(change.id, doc);
    else if (isRecordDoc(doc)) {
      // Text that has just become Part 2: an uncleared officer's copy must not keep the earlier,
      // open revision that held it (the server's is dropped at its own compaction: docs/team.md).
      if (!this.cleared && audience === 'board' && this.exemptNow(doc.record) && !this.exemptNow(this.records[doc._id])) this.compactSoon = true;
      this.takeOpen(audience, doc);
    }
    if (doc._conflicts?.length) this.settleLater(audience, change.id);
    // No longer in conflict: settled here or by another officer.
    else this.decisions.delete(`${audience}:${change.id}`);
    this.pendingIds.add(change.id);
  }

  /** Brings the records in memory up to date with what arrived, and tells the window what changed. */
  private flushReceived(): void {
    const ids = [...this.pendingIds];
    this.pendingIds.clear();
    const next: Record<string, QRecord> = { ...this.records };
    const changes: Change[] = [];
    for (const id of ids) {
      const now = this.joinOne(id);
      const before = next[id];
      if (JSON.stringify(now) === JSON.stringify(before)) continue;
      if (now) next[id] = now;
      else delete next[id];
      changes.push({ id, op: !now ? 'delete' : before ? 'update' : 'create', fields: [] });
    }
    if (!changes.length) return;
    carryIndex(this.records, next, changes);
    this.records = next;
    this.undoPoint = undefined;
    this.announce({ command: 'team:received', summary: `${changes.length} change${changes.length === 1 ? '' : 's'} from the team`, changes, seq: this.journalHead.seq });
  }

  private announce(outcome: { command: string; summary: string; changes: Change[]; seq: number }): void {
    for (const l of this.listeners) l(outcome);
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- Writing ------------------------------------------------------------------------

  private context(): CommandContext {
    return {
      now: this.clock.now,
      today: this.clock.today,
      user: this.user,
      newId: this.opts.newId ?? (<T extends string>(type: T) => `${type}:${randomId()}` as `${T}:${string}`),
    };
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(() => {
      if (this.closed) throw new QuorumFailure('store-unavailable', 'The team store is closed.');
      return work();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  run(command: MutationRef, input: unknown, opts: { parsed?: boolean } = {}) {
    return this.enqueue(async () => {
      const mutation = mutationOf(command);
      const commandName = mutation.name;
      if (!this.opts.roles.includes('secretariat')) {
        // A partner reviewer comments on protocols, and answers for themselves a written resolution or a paper sent to them to clear.
        const asThemselves = (input as { personId?: string }).personId === this.opts.personId && this.opts.personId !== undefined;
        const ownReply = commandName === 'decisions:reply' && (input as { via?: string }).via === 'own' && asThemselves;
        const ownClearance = commandName === 'clearances:giveOwn' && asThemselves;
        const unlinked = 'Your sign-in is not linked to a person in the directory: ask the secretariat (quorum team add-user --person).';
        if (commandName === 'decisions:reply' && !ownReply) throw new QuorumFailure('forbidden', this.opts.personId ? 'A partner reviewer replies to a written resolution for themselves only.' : unlinked);
        if (commandName === 'clearances:giveOwn' && !ownClearance) throw new QuorumFailure('forbidden', this.opts.personId ? 'A clearer clears a paper sent to them, in their own name only.' : unlinked);
        if (commandName !== 'protocols:comment' && !ownReply && !ownClearance)
          throw new QuorumFailure('forbidden', 'A partner reviewer can comment on the protocols sent to them, answer written resolutions and clear papers sent to them; the secretariat makes every other change.');
      }
      const before = this.records;
      const { data, journal } = applyMutation(this.data, mutation, input, this.context(), opts);
      const outcome = await this.commit({ command: commandName, ...journal }, before, data.records);
      if (mutation.undoable && outcome.changes.length) this.undoPoint = undoPointOf(before, outcome);
      return outcome;
    });
  }

  undo(seq: number) {
    return this.enqueue(async () => {
      const point = this.undoPoint;
      if (!point || point.seq !== seq || this.journalHead.seq !== seq)
        throw new QuorumFailure('conflict', 'That can no longer be undone: only the last change can be, and something has changed since. Nothing was changed.');
      const { records, journal } = undoChange(this.records, point, { now: this.clock.now, user: this.user });
      return this.commit(journal, this.records, records);
    });
  }

  seed(command: string, summary: string, records: readonly NewRecord[]) {
    return this.enqueue(async () => {
      const { data, journal } = seedRecords(this.data, records, this.context(), summary);
      for (const r of Object.values(data.records)) {
        const parsed = recordSchema.safeParse(r);
        if (!parsed.success) throw new QuorumFailure('invalid-input', `${r.id}: ${describeIssues(parsed.error).message}`);
      }
      return this.commit({ command, ...journal }, this.records, data.records);
    });
  }

  /** The documents a command's records become, in their databases (Part 2 text apart), and its journal entry. */
  private documentsFor(journal: { command: string; summary: string; changes: Change[] }, after: StoreData['records']): { writes: Write[]; part2: boolean } {
    const data = { records: after };
    const writes: Write[] = [];
    let part2 = false;
    const touched = placementsTouched(data, journal.changes.map((c) => c.id));
    // Approving minutes freezes every item of the meeting.
    for (const c of journal.changes) {
      const r = after[c.id];
      if (r?.type === 'meeting' && r.status === 'minutes-approved') for (const [id, x] of Object.entries(after)) if (x.type === 'agendaItem' && x.meetingId === r.id) touched.add(id);
    }
    for (const id of touched) {
      const record = after[id];
      const held = this.open.get(id);
      const heldExempt = this.exempt.get(id);
      const copy = this.copies.get(id);
      if (!record) {
        if (copy) writes.push({ audience: 'partners', doc: { _id: id, _rev: copy._rev, _deleted: true } });
        if (held) writes.push({ audience: held.audience, doc: { _id: id, _rev: held.doc._rev, _deleted: true } });
        if (heldExempt) writes.push({ audience: 'part2', doc: { _id: id, _rev: heldExempt._rev, _deleted: true } });
        continue;
      }
      const placed = placeRecord(data, record);
      const frozen = frozenWhy(data, record);
      const hadExempt = Boolean(heldExempt) || (held ? Boolean(placeRecord({ records: this.records }, this.records[id] ?? record).exempt) : false);
      if (!this.cleared && Boolean(placed.exempt) !== hadExempt)
        throw new QuorumFailure('forbidden', 'Only an officer cleared for Part 2 business can move an item into or out of Part 2. Nothing was changed.');
      if (placed.exempt) {
        part2 = true;
        if (this.cleared) {
          if (JSON.stringify(heldExempt?.exempt) !== JSON.stringify(placed.exempt) || heldExempt?.frozen !== frozen)
            writes.push({ audience: 'part2', doc: { _id: id, ...(heldExempt ? { _rev: heldExempt._rev } : {}), type: record.type, by: this.user, exempt: placed.exempt, ...(frozen ? { frozen } : {}) } });
        } else if (this.changedExempt(id, record))
          throw new QuorumFailure('forbidden', 'The text of Part 2 business can be changed only by an officer cleared for it. Nothing was changed.');
      } else if (heldExempt) writes.push({ audience: 'part2', doc: { _id: id, _rev: heldExempt._rev, _deleted: true } });
      const openDoc = { type: record.type, by: this.user, record: placed.open, ...(frozen ? { frozen } : {}) };
      const same = held && held.audience === placed.home && JSON.stringify(held.doc.record) === JSON.stringify(placed.open) && held.doc.frozen === frozen;
      if (!same) writes.push({ audience: placed.home, doc: { _id: id, ...(held && held.audience === placed.home ? { _rev: held.doc._rev } : {}), ...openDoc } });
      if (held && held.audience !== placed.home) writes.push({ audience: held.audience, doc: { _id: id, _rev: held.doc._rev, _deleted: true } });
      // Partners read the names a protocol mentions: the partnership, its organisations and boards.
      if (DIRECTORY_TYPES.has(record.type) && this.replicas.has('partners') && placed.home === 'board' && JSON.stringify(copy?.record) !== JSON.stringify(placed.open))
        writes.push({ audience: 'partners', doc: { _id: id, ...(copy ? { _rev: copy._rev } : {}), ...openDoc } });
    }
    return { writes, part2 };
  }

  /** Whether an uncleared officer's record changes exempt text (not only the placeholder they were shown). */
  private changedExempt(id: string, record: QRecord): boolean {
    const before = this.records[id];
    if (!before) return true;
    const a = placeRecord({ records: this.records }, before).exempt ?? {};
    const b = placeRecord({ records: { ...this.records, [id]: record } }, record).exempt ?? {};
    return JSON.stringify(a) !== JSON.stringify(b);
  }

  private async commit(journal: { command: string; summary: string; changes: Change[] }, before: StoreData['records'], after: StoreData['records']) {
    const { writes, part2 } = this.documentsFor(journal, after);
    const entry = sealEntry({
      seq: this.journalHead.seq + 1,
      at: this.clock.now(),
      user: this.user,
      device: this.device,
      command: journal.command,
      // The board database's journal never carries a Part 2 item's working title.
      summary: part2 ? `${journal.command}: a change to Part 2 business` : journal.summary,
      changes: journal.changes,
      prev: this.journalHead.hash,
    });
    const home: Audience = this.opts.roles.includes('secretariat') ? 'board' : 'partners';
    writes.push({ audience: home, doc: { _id: journalId(this.device, entry.seq), type: 'journal', by: this.user, entry } });
    if (part2 && this.cleared) writes.push({ audience: 'part2', doc: { _id: `${journalId(this.device, entry.seq)}`, type: 'journal', by: this.user, entry: { ...entry, summary: journal.summary } } });
    await this.writePictures(before, after, journal.changes.map((c) => c.id));
    // Part 2 first, the board's last: an interruption between them leaves text without its open record, never an open record pointing at nothing.
    for (const audience of ['part2', 'partners', 'board'] as const) {
      const docs = writes.filter((w) => w.audience === audience).map((w) => w.doc);
      if (!docs.length) continue;
      const results = await this.replica(audience).local.bulkDocs(docs);
      for (const [i, res] of results.entries()) {
        if ('error' in res && res.error) throw new QuorumFailure('conflict', `${docs[i]._id} changed on this computer while your change was saved (${res.reason ?? res.name ?? res.error}); make the change again.`);
        this.waiting.add(`${audience}:${docs[i]._id}`);
        const written = { ...docs[i], _rev: (res as PouchDB.Response).rev } as PouchDB.Existing<AnyDoc>;
        if (written._deleted) {
          if (audience === 'partners') this.copies.delete(written._id);
          if (audience === 'part2') this.exempt.delete(written._id);
          else if (this.open.get(written._id)?.audience === audience) this.open.delete(written._id);
        } else if (audience === 'part2' && isExemptDoc(written)) this.exempt.set(written._id, written);
        else if (isRecordDoc(written)) {
          if (audience === 'partners' && DIRECTORY_TYPES.has(written.type) && this.replicas.has('board')) this.copies.set(written._id, written);
          else this.open.set(written._id, { audience, doc: written });
        }
      }
    }
    carryIndex(before, after, journal.changes);
    this.records = after;
    this.undoPoint = undefined;
    this.journalHead = { seq: entry.seq, hash: entry.hash };
    this.chained.set(entry.hash, entry);
    this.journal.set(entry.hash, { ...entry, summary: journal.summary });
    const outcome = { command: journal.command, summary: journal.summary, changes: journal.changes, seq: entry.seq };
    this.announce(outcome);
    return outcome;
  }

  /** Pictures a change newly refers to go to the database of the text that shows them (content-addressed: they never clash). */
  private async writePictures(before: StoreData['records'], after: StoreData['records'], ids: string[]): Promise<void> {
    const had = new Set(picturesReferenced(Object.fromEntries(ids.flatMap((id) => (before[id] ? [[id, before[id]]] : [])))));
    for (const id of ids) {
      const record = after[id];
      if (!record) continue;
      const placed = placeRecord({ records: after }, record);
      const open = new Set(picturesReferenced({ [id]: placed.open }));
      for (const path of picturesReferenced({ [id]: record })) {
        if (had.has(path)) continue;
        const name = path.slice(IMAGES_FOLDER.length + 1);
        const file = join(this.dataDir, IMAGES_FOLDER, name);
        if (!PICTURE_NAME.test(name) || !existsSync(file)) continue;
        const audience: Audience = open.has(path) ? placed.home : 'part2';
        if (audience === 'part2' && !this.cleared) continue;
        const bytes = readFileSync(file);
        checkPicture(name, bytes);
        try {
          await this.replica(audience).local.put({ _id: `picture:${name}`, type: 'picture', by: this.user, _attachments: { [name]: { content_type: pictureType(name), data: bytes } } } as never);
          this.waiting.add(`${audience}:picture:${name}`);
        } catch (err) {
          if ((err as { status?: number }).status !== 409) throw err;
        }
      }
    }
  }

  /** A picture that arrived is written into images/, where papers and packs look for it. */
  private async materialisePicture(audience: Audience, id: string): Promise<void> {
    const name = id.slice('picture:'.length);
    if (!PICTURE_NAME.test(name)) return;
    const file = join(this.dataDir, IMAGES_FOLDER, name);
    if (existsSync(file)) return;
    const bytes = await this.replica(audience).local.getAttachment(id, name);
    checkPicture(name, bytes);
    mkdirSync(join(this.dataDir, IMAGES_FOLDER), { recursive: true });
    writeFileAtomic(file, bytes);
  }

  // ---- Clashes ------------------------------------------------------------------------

  private settleLater(audience: Audience, id: string): void {
    const key = `${audience}:${id}`;
    const previous = this.settling.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.enqueue(() => this.settle(audience, id))).catch(() => undefined);
    this.settling.set(key, next);
  }

  private fieldsOf(audience: Audience, doc: AnyDoc | undefined): Fields | undefined {
    if (!doc) return undefined;
    if (audience === 'part2') return isExemptDoc(doc) ? doc.exempt : undefined;
    return isRecordDoc(doc) ? (doc.record as unknown as Fields) : undefined;
  }

  /**
   * Looks at a document with conflicting revisions: merges them when they changed different fields
   * (journalled), or puts the clash in Needs decision. Revisions this device wrote and the server
   * refused are dropped here, their words kept in Not applied.
   */
  private async settle(audience: Audience, id: string): Promise<void> {
    const { local } = this.replica(audience);
    const winner = await getDoc(local, id, { revs: true, conflicts: true });
    const key = `${audience}:${id}`;
    if (!winner || !winner._conflicts?.length) {
      if (this.decisions.delete(key)) this.announceDecisions(id);
      return;
    }
    const { losers, ancestor, version } = await this.branches(audience, winner);
    // Approved minutes and agreed versions stand: a change made elsewhere meanwhile is kept in Not applied.
    const frozen = [winner, ...losers].filter((d) => (d as RecordDoc).frozen).sort((a, b) => (a._rev < b._rev ? 1 : -1))[0];
    if (frozen) {
      const why = (frozen as RecordDoc).frozen!;
      const stands = this.fieldsOf(audience, frozen) ?? {};
      const others = [winner, ...losers].filter((d) => d !== frozen);
      for (const other of others) {
        const words = this.fieldsOf(audience, other) ?? {};
        const changed = Object.keys(words).filter((k) => !['rev', 'updatedAt', 'updatedBy'].includes(k) && JSON.stringify(words[k]) !== JSON.stringify(stands[k]));
        if (changed.length && (other as RecordDoc).by === this.user)
          this.notApplied.push({
            id,
            at: this.clock.now(),
            reason: why === 'minutes approved' ? `These minutes were approved (recorded by ${(frozen as RecordDoc).by}) before your change reached the server; the approved text stands. A correction can be agreed at the next meeting.` : `This version was agreed (recorded by ${(frozen as RecordDoc).by}) before your change reached the server; the agreed text stands. Make the change in a new version.`,
            text: changed.map((k) => `${k}:\n${fieldText(words[k])}`).join('\n\n'),
          });
      }
      await this.saveNotApplied();
      // The frozen revision survives as it is; every other branch is closed (never the frozen one: the server keeps it).
      await this.writeSettled(audience, frozen, others, stands, { command: 'team:merge', summary: `Kept ${id} as ${why}; a change made meanwhile was not applied` }, why);
      return;
    }
    const outcome = settleConflict(this.fieldsOf(audience, ancestor), version(winner), losers.map(version));
    if (outcome.kind === 'decide') {
      const current = this.joinOne(id) ?? (isRecordDoc(winner) ? winner.record : undefined);
      if (!current) return;
      const versions = outcome.versions;
      this.decisions.set(key, {
        key,
        audience,
        id,
        record: current,
        fields: outcome.clashing.map((field) => ({
          field,
          versions: versions.map((v) => ({ rev: v.rev, by: v.by, at: v.at, text: fieldText(v.fields[field]) })),
          diff: wordDiff(fieldText(versions[1]?.fields[field] ?? versions[0].fields[field]), fieldText(versions[0].fields[field])),
        })),
      });
      this.announceDecisions(id);
      return;
    }
    await this.writeSettled(audience, winner, losers, outcome.fields, {
      command: 'team:merge',
      summary: outcome.taken.length
        ? `Kept both officers’ changes to ${id}: ${outcome.taken.map((t) => t.field).join(', ')} from the other version`
        : `Two copies of the same change to ${id} were made one`,
    });
  }

  /** The other branches of a document in conflict, the revision they all grew from (when still here), and each as a version to compare. */
  private async branches(audience: Audience, winner: PouchDB.Existing<AnyDoc>) {
    const { local } = this.replica(audience);
    const losers = (await Promise.all((winner._conflicts ?? []).map((rev) => getDoc(local, winner._id, { rev, revs: true })))).filter((d): d is PouchDB.Existing<AnyDoc> => Boolean(d));
    const ancestorRev = losers.map((l) => commonAncestor(winner, l)).find(Boolean);
    const ancestor = ancestorRev ? await getDoc(local, winner._id, { rev: ancestorRev }) : undefined;
    const version = (d: PouchDB.Existing<AnyDoc>): Version => {
      const fields = this.fieldsOf(audience, d) ?? {};
      return { rev: d._rev, fields, by: (d as RecordDoc).by, at: String((fields as { updatedAt?: string }).updatedAt ?? '') };
    };
    return { losers, ancestor, version };
  }

  private announceDecisions(id: string): void {
    this.announce({ command: 'team:decisions', summary: 'Needs decision changed', changes: [{ id, op: 'update', fields: [] }], seq: this.journalHead.seq });
  }

  /** Writes the settled version over the winner and closes the other branches, journalled. */
  private async writeSettled(audience: Audience, winner: PouchDB.Existing<AnyDoc>, losers: PouchDB.Existing<AnyDoc>[], fields: Fields, journal: { command: string; summary: string }, frozen?: string) {
    const { local } = this.replica(audience);
    const body = audience === 'part2' ? { exempt: fields as ExemptPatch } : { record: fields as unknown as QRecord };
    const { _revisions: _r, _conflicts: _c, ...rest } = winner as PouchDB.Existing<AnyDoc> & Record<string, unknown>;
    const same = JSON.stringify(this.fieldsOf(audience, winner)) === JSON.stringify(fields) && (winner as RecordDoc).frozen === frozen;
    const docs: Record<string, unknown>[] = [
      ...(same ? [] : [{ ...rest, ...body, by: this.user, ...(frozen ? { frozen } : {}) }]),
      ...losers.map((l) => ({ _id: l._id, _rev: l._rev, _deleted: true })),
    ];
    const results = await local.bulkDocs(docs as never);
    for (const [i, res] of results.entries()) if (!('error' in res && res.error)) this.waiting.add(`${audience}:${String(docs[i]._id)}`);
    this.decisions.delete(`${audience}:${winner._id}`);
    const entry = sealEntry({ seq: this.journalHead.seq + 1, at: this.clock.now(), user: this.user, device: this.device, command: journal.command, summary: audience === 'part2' ? `${journal.command}: a change to Part 2 business` : journal.summary, changes: [{ id: winner._id, op: 'update', fields: Object.keys(fields) }], prev: this.journalHead.hash });
    const home: Audience = this.opts.roles.includes('secretariat') ? 'board' : 'partners';
    await this.replica(home).local.put({ _id: journalId(this.device, entry.seq), type: 'journal', by: this.user, entry } as never);
    this.waiting.add(`${home}:${journalId(this.device, entry.seq)}`);
    this.journalHead = { seq: entry.seq, hash: entry.hash };
    this.chained.set(entry.hash, entry);
    this.journal.set(entry.hash, { ...entry, summary: journal.summary });
  }

  /** The clashes waiting for a person, oldest record first. */
  needsDecision(): NeedsDecision[] {
    return [...this.decisions.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /** A person's decision on a clash: keep one version's words, or words they combined. */
  decide(key: string, choice: DecisionChoice) {
    return this.enqueue(async () => {
      const decision = this.decisions.get(key);
      if (!decision) throw new QuorumFailure('not-found', 'That clash has already been settled (perhaps by another officer); the record shows the result.');
      const { local } = this.replica(decision.audience);
      const winner = await getDoc(local, decision.id, { revs: true, conflicts: true });
      if (!winner?._conflicts?.length) {
        this.decisions.delete(key);
        throw new QuorumFailure('not-found', 'That clash has already been settled (perhaps by another officer); the record shows the result.');
      }
      const { losers, ancestor, version } = await this.branches(decision.audience, winner);
      const all = [winner, ...losers].map(version);
      const outcome = settleConflict(this.fieldsOf(decision.audience, ancestor), all[0], all.slice(1));
      const merged: Record<string, unknown> = { ...(outcome.kind === 'merged' ? outcome.fields : outcome.merged) };
      const clashing = outcome.kind === 'decide' ? outcome.clashing : [];
      if ('keep' in choice) {
        const kept = all.find((v) => v.rev === choice.keep);
        if (!kept) throw new QuorumFailure('not-found', 'That version is no longer there; the clash may have been settled meanwhile.');
        for (const f of clashing) merged[f] = kept.fields[f];
      } else {
        for (const f of clashing) if (f in choice.combined) merged[f] = choice.combined[f];
      }
      merged.updatedAt = this.clock.now();
      merged.updatedBy = this.user;
      if (decision.audience !== 'part2') {
        const parsed = recordSchema.safeParse(merged);
        if (!parsed.success) throw new QuorumFailure('invalid-input', describeIssues(parsed.error).message, describeIssues(parsed.error).fields);
      }
      await this.writeSettled(decision.audience, winner, losers, merged, { command: 'team:decide', summary: `Decided between two officers’ versions of ${decision.id} (${clashing.join(', ')})` });
      this.announceDecisions(decision.id);
      return { summary: `Settled ${decision.id}` };
    });
  }

  // ---- Sync ---------------------------------------------------------------------------

  /** Once each way with the server, now: for the first clone, the tests and "Sync now". */
  async syncOnce(): Promise<void> {
    for (const [audience, r] of this.replicas) {
      await this.settleAll();
      const pull = r.local.replicate.from(r.remote, { batch_size: 500 });
      pull.on('denied', () => undefined);
      await pull;
      await this.catchUp(audience);
      const push = r.local.replicate.to(r.remote, { batch_size: 500 });
      push.on('denied', (err: Denial) => this.onDenied(audience, err));
      const res = await push;
      if (res.ok) this.clearWaiting(audience);
      this.sync[audience] = { state: 'synced' };
    }
    await this.settleAll();
  }

  /** Waits until every clash seen so far has been looked at, and what replication brought is in memory. */
  async settleAll(): Promise<void> {
    for (const audience of this.replicas.keys()) await this.catchUp(audience);
    await Promise.all([...this.settling.values()]);
    await this.queue;
    for (const audience of this.replicas.keys()) await this.catchUp(audience);
  }

  private clearWaiting(audience: Audience): void {
    for (const k of [...this.waiting]) if (k.startsWith(`${audience}:`)) this.waiting.delete(k);
  }

  /** Live replication both ways with every database this person reads, retrying when the server is away. */
  startSync(): void {
    if (this.syncs.length) return;
    for (const [audience, r] of this.replicas) {
      const sync = r.local.sync(r.remote, { live: true, retry: true, back_off_function: (delay) => (delay === 0 ? 500 : Math.min(delay * 2, 15_000)) });
      sync
        .on('change', (info: { direction: string; change: { docs: { _id: string }[] } }) => {
          if (info.direction === 'push') for (const d of info.change.docs) this.waiting.delete(`${audience}:${d._id}`);
        })
        .on('paused', (err: unknown) => {
          this.sync[audience] = err ? { state: 'offline', error: String((err as Error)?.message ?? err) } : { state: 'synced' };
          if (!err) this.clearWaiting(audience);
        })
        .on('active', () => {
          if (this.sync[audience]?.state !== 'signed-out') this.sync[audience] = { state: 'synced' };
        })
        .on('denied', (err: { doc?: Denial }) => this.onDenied(audience, err))
        .on('error', (err: { status?: number; message?: string }) => {
          this.sync[audience] = err?.status === 401 || err?.status === 403 ? { state: 'signed-out', error: err.message } : { state: 'offline', error: err?.message };
        });
      this.syncs.push(sync);
    }
  }

  stopSync(): void {
    for (const s of this.syncs) s.cancel();
    this.syncs = [];
    for (const a of this.replicas.keys()) this.sync[a] = { state: 'offline' };
  }

  syncStatus(): SyncStatus {
    const states = [...this.replicas.keys()].map((a) => this.sync[a]);
    const error = states.find((s) => s?.error)?.error;
    if (states.some((s) => s?.state === 'signed-out')) return { state: 'signed-out', waiting: this.waiting.size, lastError: error };
    if (states.some((s) => !s || s.state === 'offline')) return { state: 'offline', waiting: this.waiting.size, ...(error ? { lastError: error } : {}) };
    return { state: this.waiting.size ? 'waiting' : 'synced', waiting: this.waiting.size };
  }

  /**
   * The server refused a revision written here. Its words go to Not applied (copyable), and the
   * replica takes the server's version back, so the refused change is never pushed again.
   */
  private onDenied(audience: Audience, event: Denial | { doc?: Denial }): void {
    // A one-off replication reports the refusal itself; a live sync wraps it as `doc`.
    const denial: Denial = 'doc' in event && event.doc ? event.doc : (event as Denial);
    const id = denial.id;
    if (!id) return;
    void this.enqueue(async () => {
      const r = this.replica(audience);
      const local = await getDoc(r.local, id, { conflicts: true });
      if (!local || this.refused.has(`${id}@${local._rev}`)) return;
      const words = isRecordDoc(local) ? local.record : isExemptDoc(local) ? local.exempt : local;
      this.notApplied.push({ id, at: this.clock.now(), reason: String(denial.reason ?? denial.message ?? 'refused by the server'), text: JSON.stringify(words, null, 2) });
      this.refused.add(`${id}@${local._rev}`);
      // Back to the server's own version. Where it is an ancestor of the refused revision, its words
      // are written again on top; where it is a branch of its own, the refused branch is closed.
      let server: PouchDB.Existing<AnyDoc> | undefined;
      try {
        server = await getDoc(r.remote, id, { revs: true });
      } catch {
        server = undefined;
      }
      const history = await getDoc(r.local, id, { rev: local._rev, revs: true });
      const ancestors = new Set(history?._revisions ? history._revisions.ids.map((h, i) => `${history._revisions!.start - i}-${h}`) : []);
      let written: (PouchDB.Response | PouchDB.BulkError)[];
      if (server && ancestors.has(server._rev)) {
        const { _rev: _s, _revisions: _h, ...body } = server as PouchDB.Existing<AnyDoc> & Record<string, unknown>;
        written = await r.local.bulkDocs([{ ...body, _rev: local._rev }]);
      } else {
        if (server) await r.local.bulkDocs([server as never], { new_edits: false });
        written = await r.local.bulkDocs([{ _id: id, _rev: local._rev, _deleted: true }]);
      }
      for (const t of written) if ('rev' in t && t.rev) this.refused.add(`${id}@${t.rev}`);
      this.waiting.delete(`${audience}:${id}`);
      await this.saveNotApplied();
      this.announce({ command: 'team:not-applied', summary: `The server did not apply a change to ${id}`, changes: [{ id, op: 'update', fields: [] }], seq: this.journalHead.seq });
    });
  }

  private async saveNotApplied(): Promise<void> {
    const db = this.replica(this.audiences[0]).local as unknown as PouchDB.Database<NotAppliedDoc>;
    const current = await getDoc(db, NOT_APPLIED_DOC);
    await db.put({ _id: NOT_APPLIED_DOC, ...(current ? { _rev: current._rev } : {}), items: this.notApplied, refused: [...this.refused] });
  }

  notAppliedChanges(): NotApplied[] {
    return [...this.notApplied];
  }

  /** The officer has copied what they need from a change the server refused. */
  dismissNotApplied(index: number) {
    return this.enqueue(async () => {
      this.notApplied.splice(index, 1);
      await this.saveNotApplied();
    });
  }

  // ---- What the app asks of any store ---------------------------------------------------

  status(): StoreStatus {
    const journal = this.checkChains();
    return {
      state: Object.keys(this.records).length ? 'ready' : 'empty',
      dataDir: this.dataDir,
      counts: countRecords(this.data),
      journal,
      notices: [],
      ...(this.undoPoint ? { undo: { seq: this.undoPoint.seq, summary: this.undoPoint.summary } } : {}),
    };
  }

  /** The newest journal entries of every officer, newest first. */
  journalEntries(limit: number): JournalEntry[] {
    return [...this.journal.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.seq < b.seq ? 1 : -1)).slice(0, limit);
  }

  /** The server keeps a team's backups (docs/team.md); this computer's replica is a copy of it. */
  backups(): BackupInfo[] {
    return [];
  }

  async restore(): Promise<never> {
    throw new QuorumFailure('not-allowed', 'In team mode the partnership’s backups are kept on its server by your IT team (docs/team.md); ask them to restore one. This computer’s copy refills from the server.');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.stopSync();
    for (const f of this.feeds) f.cancel();
    await this.queue.catch(() => undefined);
    this.closed = true;
    for (const r of this.replicas.values()) {
      await r.local.close();
      await r.remote.close().catch(() => undefined);
    }
  }
}
