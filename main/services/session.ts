import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hostname } from 'node:os';
import type { EventName } from '../../shared/channels';
import type { EventPayload } from '../../shared/contract';
import { QuorumFailure } from '../../shared/result';
import { QuorumStore, type StoreOptions } from './store/store';
import { CHANGE_LOG_FILE, IMAGES_FOLDER, JOURNAL_FILE, STORE_FILE } from './store/format';
import { missingPictures } from './store/pictures';
import { fileFailure } from './store/errors';
import { fsyncFolder } from './store/atomicFile';
import type { Clock } from '../../shared/clock';
import { ALL_QUERIES, staleQueries } from '../../shared/operations';
import type { StoreStatus, TeamSummary } from '../../shared/views';
import type { NewRecord } from '../../shared/data';
import type { PartnershipStore } from './store/partnershipStore';
import { TeamStore } from './team/teamStore';
import { SessionSearch } from './search/service';
import { isTeamFolder, readTeamFile, signInToServer, writeTeamFile, type TeamFile } from './team/access';
import { deviceKey } from './team/replica';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

import { currentUser } from './currentUser';

export { currentUser };

/**
 * The open data folder for one app window (or CLI run, or e2e host): which store is open, and
 * moving it. Commands go through here so every change is announced as `store:changed`.
 */
export type TeamSignIn = { server: string; partnership: string; user: string; password: string };
type Progress = (done: number, total: number, label: string) => void;

export class Session {
  private current: QuorumStore | TeamStore;
  private unsubscribe: () => void;
  /** Set when the data folder is a team's replica (team.json); the store is a TeamStore once signed in. */
  private team?: TeamFile;
  private syncWatch?: ReturnType<typeof setInterval>;
  /** The name signed in with, in team mode (it signs tracked changes in Word); undefined in a folder of one's own. */
  signedInAs(): string | undefined {
    return this.team?.user;
  }

  /** The data folder (a signed-out team folder's placeholder store lives below it). */
  private root: string;
  /** Search over the partnership open now (main/services/search). */
  readonly search = new SessionSearch(
    () => this.ready(),
    (done, total) => this.progress('search-index', 'Building the search index…', done, total),
  );

  constructor(
    dataDir: string,
    private readonly emit: Emit,
    private readonly storeOptions: Omit<StoreOptions, 'user' | 'device'> & Partial<Pick<StoreOptions, 'user' | 'device'>> & { checkJournalInBackground?: boolean } = {},
  ) {
    this.root = resolve(dataDir);
    if (isTeamFolder(dataDir)) {
      this.team = readTeamFile(dataDir);
      // Until the officer signs in, nothing of the replica is open: an empty, read-only placeholder.
      this.current = QuorumStore.open(join(dataDir, 'replica', '.signed-out'), { user: this.team.user, device: this.team.device, mode: 'read', clock: this.storeOptions.clock });
    } else this.current = this.openStore(dataDir);
    this.unsubscribe = this.watch(this.current);
  }

  private openStore(dir: string): QuorumStore {
    return QuorumStore.open(dir, { user: currentUser(), device: hostname(), ...this.storeOptions });
  }

  private watch(store: QuorumStore | TeamStore) {
    // A load verifies the journal from the store's mark on; the whole chain is checked meanwhile,
    // and an entry found altered is reported to the window like a load's finding.
    if (store instanceof QuorumStore && this.storeOptions.checkJournalInBackground)
      void store
        .checkJournalFully()
        .then((check) => {
          if (!check.ok && store === this.current) this.emit('store:changed', { command: 'journal:check', ids: [], types: [], queries: ALL_QUERIES });
        })
        .catch(() => undefined);
    return store.onChange((o) => {
      this.search.touched();
      const ids = o.changes.map((c) => c.id);
      // A restore or an upgrade replaces everything without naming records: every query is stale.
      const types = [...new Set(ids.map((id) => id.slice(0, id.indexOf(':'))))];
      this.emit('store:changed', { command: o.command, ids, types, queries: ids.length ? staleQueries(types) : ALL_QUERIES });
    });
  }

  /** Progress of a long task (a pack build), for the window's progress bar. */
  progress(taskId: string, label: string, done: number, total: number): void {
    this.emit('task:progress', { taskId, label, done, total });
  }

  /** The store, once it holds a partnership that loaded cleanly (not while it waits for recovery). */
  ready(): PartnershipStore {
    if (this.team && !(this.current instanceof TeamStore)) throw new QuorumFailure('store-unavailable', `Sign in to ${this.team.partnership} first.`);
    if (this.current.status().state === 'recovery-needed') throw new QuorumFailure('store-unavailable', 'The store needs recovery first: restore a backup or start again.');
    return this.current;
  }

  get store(): PartnershipStore {
    return this.current;
  }

  /** The team's store, when this folder is a team's replica and the officer has signed in. */
  get teamStore(): TeamStore | undefined {
    return this.current instanceof TeamStore ? this.current : undefined;
  }

  /** The store's status, with team mode's where this folder is a team's replica. */
  status(): StoreStatus {
    const team = this.teamSummary();
    if (!team) return this.current.status();
    if (!team.signedIn) return { state: 'empty', dataDir: this.dataDir, counts: {}, journal: { ok: true, entries: 0 }, notices: [], team };
    return { ...this.current.status(), team };
  }

  teamSummary(): TeamSummary | null {
    if (!this.team) return null;
    const store = this.teamStore;
    return {
      server: this.team.server,
      partnership: this.team.partnership,
      user: this.team.user,
      roles: [...(store?.roles ?? this.team.roles)],
      ...(this.team.personId ? { personId: this.team.personId } : {}),
      signedIn: Boolean(store),
      sync: store ? store.syncStatus() : { state: 'signed-out', waiting: 0 },
      decisions: store?.needsDecision().length ?? 0,
      notApplied: store?.notAppliedChanges().length ?? 0,
    };
  }

  private switchTo(store: QuorumStore | TeamStore): void {
    this.unsubscribe();
    void this.current.close();
    this.current = store;
    this.unsubscribe = this.watch(store);
    this.emit('store:changed', { command: 'team:switch', ids: [], types: [], queries: ALL_QUERIES });
  }

  /** Live sync, and the window told whenever its state (synced, waiting, offline) changes. */
  private startTeamSync(store: TeamStore): void {
    store.startSync();
    clearInterval(this.syncWatch);
    let last = '';
    this.syncWatch = setInterval(() => {
      if (this.current !== store) return clearInterval(this.syncWatch);
      const now = JSON.stringify(this.teamSummary());
      if (now !== last) {
        last = now;
        this.emit('store:changed', { command: 'team:sync', ids: [], types: [], queries: ['team:status', 'store:status', 'team:decisions', 'team:notApplied'] });
      }
    }, 500);
    this.syncWatch.unref?.();
  }

  private async openTeam(file: TeamFile, password: string, progress?: Progress): Promise<TeamStore> {
    const store = await TeamStore.open({
      dataDir: this.dataDir,
      remote: { url: file.server, user: file.user, password },
      partnership: file.partnership,
      device: file.device,
      roles: file.roles,
      ...(file.personId ? { personId: file.personId } : {}),
      clock: this.clock,
      ...(this.storeOptions.newId ? { newId: this.storeOptions.newId } : {}),
    });
    if (progress) {
      progress(0, 1, 'Copying the partnership from the server');
      await store.syncOnce();
      progress(1, 1, 'Copied');
    }
    return store;
  }

  /**
   * Joins the partnership's team in this (empty) data folder: signs in, copies every record this
   * person may read from the server, and keeps them in sync from then on.
   */
  async joinTeam(input: TeamSignIn, progress?: Progress): Promise<StoreStatus> {
    if (this.team) throw new QuorumFailure('conflict', `This data folder is already ${this.team.partnership}’s team copy.`);
    if (this.current.status().state !== 'empty') throw new QuorumFailure('conflict', 'This data folder already holds a partnership. To share it with a team, use “Bring this partnership into a team” in Settings; to join another, choose an empty data folder first.');
    const signed = await signInToServer(input.server, input.partnership, input.user, input.password);
    if (signed === 'offline') throw new QuorumFailure('store-unavailable', `The server at ${input.server} did not answer. Joining needs it once, to copy the partnership; check the address and your connection.`);
    const file: TeamFile = { format: 'quorum-team', server: signed.url, partnership: input.partnership, user: signed.user, device: deviceKey(`${hostname()}-${signed.user}`), roles: signed.roles, ...(signed.personId ? { personId: signed.personId } : {}), joinedAt: this.clock.now() };
    const store = await this.openTeam(file, input.password, progress);
    if (Object.keys(store.data.records).length === 0) {
      await store.close();
      rmSync(join(this.dataDir, 'replica'), { recursive: true, force: true });
      throw new QuorumFailure('not-found', `${input.partnership} on the server holds no records yet. The first officer brings their partnership into the team (Settings, Team); join after that.`);
    }
    writeTeamFile(this.dataDir, file);
    this.team = file;
    this.switchTo(store);
    this.startTeamSync(store);
    return this.status();
  }

  /**
   * The first officer: puts this folder's partnership on the (empty) server and makes the folder
   * the team's replica. The solo store stays in the folder as it was, untouched, as a fallback.
   */
  async promoteToTeam(input: TeamSignIn, progress?: Progress): Promise<StoreStatus> {
    if (this.team) throw new QuorumFailure('conflict', `This data folder is already ${this.team.partnership}’s team copy.`);
    const solo = this.current;
    if (!(solo instanceof QuorumStore) || solo.status().state !== 'ready') throw new QuorumFailure('conflict', 'There is no partnership in this data folder to bring into a team. To join one, choose “Join your partnership’s team”.');
    const signed = await signInToServer(input.server, input.partnership, input.user, input.password);
    if (signed === 'offline') throw new QuorumFailure('store-unavailable', `The server at ${input.server} did not answer; nothing was changed. Check the address and your connection.`);
    if (!signed.roles.includes('secretariat')) throw new QuorumFailure('forbidden', 'Only an officer of the secretariat can bring a partnership into a team.');
    const records = Object.values(solo.data.records);
    if (!signed.roles.includes('part2') && records.some((r) => r.type === 'agendaItem' && r.part2))
      throw new QuorumFailure('forbidden', 'This partnership has Part 2 business, and you are not cleared for it on the server: ask your IT team to add the part2 role first (quorum team add-user), so its text reaches the Part 2 database. Nothing was changed.');
    const file: TeamFile = { format: 'quorum-team', server: signed.url, partnership: input.partnership, user: signed.user, device: deviceKey(`${hostname()}-${signed.user}`), roles: signed.roles, ...(signed.personId ? { personId: signed.personId } : {}), joinedAt: this.clock.now() };
    const store = await this.openTeam(file, input.password, progress);
    if (Object.keys(store.data.records).length > 0) {
      await store.close();
      rmSync(join(this.dataDir, 'replica'), { recursive: true, force: true });
      throw new QuorumFailure('conflict', `${input.partnership} on the server already holds a partnership. Join it instead (in an empty data folder); nothing was changed here.`);
    }
    try {
      progress?.(0, 2, 'Putting the partnership on the server');
      await store.seed('team:promote', `Brought the partnership into team mode on ${signed.url}`, records as unknown as NewRecord[]);
      await store.syncOnce();
      progress?.(2, 2, 'Done');
    } catch (err) {
      await store.close();
      rmSync(join(this.dataDir, 'replica'), { recursive: true, force: true });
      throw err;
    }
    writeTeamFile(this.dataDir, file);
    this.team = file;
    this.switchTo(store);
    this.startTeamSync(store);
    return this.status();
  }

  /** Signs in on a team's data folder (at each start: the password is not kept). Offline, it opens with the roles last given. */
  async signIn(password: string): Promise<StoreStatus> {
    if (!this.team) throw new QuorumFailure('conflict', 'This data folder is not a team’s copy.');
    if (this.teamStore) return this.status();
    const signed = await signInToServer(this.team.server, this.team.partnership, this.team.user, password);
    if (signed !== 'offline' && (JSON.stringify(signed.roles) !== JSON.stringify(this.team.roles) || signed.personId !== this.team.personId)) {
      this.team = { ...this.team, roles: signed.roles, personId: signed.personId };
      writeTeamFile(this.dataDir, this.team);
    }
    const store = await this.openTeam(this.team, password);
    this.switchTo(store);
    this.startTeamSync(store);
    return this.status();
  }

  /** The clock every handler of this session reads "now" and "today" from. */
  get clock(): Clock {
    return this.current.clock;
  }

  get dataDir(): string {
    return this.root;
  }

  /**
   * Moves the store to another folder (copy everything the store needs: the store, the journal,
   * backups and pictures; check every referenced picture and the store arrived byte for byte; open
   * and validate there; then switch), or opens the store a folder already holds. The old folder is
   * left untouched as a fallback.
   */
  moveTo(target: string): { moved: boolean; dataDir: string; message: string } {
    if (this.team) throw new QuorumFailure('not-allowed', 'A team’s copy is not moved: join the team again in the new folder (the server holds everything), then delete this one.');
    const to = resolve(target);
    if (to === this.dataDir) return { moved: false, dataDir: to, message: 'That is already the data folder.' };
    const holdsStore = existsSync(join(to, STORE_FILE));
    let carried = '';
    if (!holdsStore) {
      mkdirSync(to, { recursive: true });
      const clutter = readdirSync(to).filter((n) => !n.startsWith('.'));
      if (clutter.length > 0) throw new QuorumFailure('invalid-input', 'Choose an empty folder, or one that already holds a Quorum store.');
      carried = this.copyDataTo(to);
    }
    const next = this.openStore(to);
    this.unsubscribe();
    void this.current.close();
    this.current = next;
    this.root = to;
    this.unsubscribe = this.watch(next);
    this.emit('store:changed', { command: 'settings:moveDataFolder', ids: [], types: [], queries: ALL_QUERIES });
    return {
      moved: true,
      dataDir: to,
      message: holdsStore
        ? `Opened the Quorum store already in ${to}. The previous folder is unchanged.`
        : `Moved the data to ${to}: ${carried}. Every picture the records use arrived intact. The previous folder still holds a copy; you may delete it.`,
    };
  }

  /** Copies the data folder's contents into `to` and proves they arrived; on any shortfall removes the copy and says what was missing. */
  private copyDataTo(to: string): string {
    const from = this.dataDir;
    if (!(this.current instanceof QuorumStore)) throw new QuorumFailure('not-allowed', 'A team’s copy is not moved.');
    const missingBefore = new Set(missingPictures(from, this.current.data.records));
    try {
      // Saves since the last checkpoint live in the change log: fold them into quorum.json first.
      this.current.snapshotNow();
      for (const f of [STORE_FILE, JOURNAL_FILE, CHANGE_LOG_FILE]) if (existsSync(join(from, f))) copyFileSync(join(from, f), join(to, f));
      for (const folder of ['backups', IMAGES_FOLDER]) if (existsSync(join(from, folder))) cpSync(join(from, folder), join(to, folder), { recursive: true });
      fsyncFolder(to);
      const storeArrived = readFileSync(join(from, STORE_FILE)).equals(readFileSync(join(to, STORE_FILE)));
      const lost = missingPictures(to, this.current.data.records).filter((p) => !missingBefore.has(p));
      if (!storeArrived || lost.length)
        throw new QuorumFailure(
          'internal',
          `The move was stopped because ${!storeArrived ? 'the store' : `${lost.length} picture${lost.length === 1 ? '' : 's'} (${lost.slice(0, 3).join(', ')})`} did not arrive intact in ${to}. Nothing changed: Quorum still uses ${from}.`,
        );
    } catch (err) {
      for (const name of readdirSync(to)) rmSync(join(to, name), { recursive: true, force: true });
      if (err instanceof QuorumFailure) throw err;
      throw fileFailure(err, `The copy of your data in ${to}`, 'written');
    }
    const count = (folder: string) => (existsSync(join(to, folder)) ? readdirSync(join(to, folder)).length : 0);
    const pictures = count(IMAGES_FOLDER);
    const backups = count('backups');
    return `the store, its journal, ${backups} backup${backups === 1 ? '' : 's'} and ${pictures} picture${pictures === 1 ? '' : 's'}`;
  }

  close(): void | Promise<void> {
    clearInterval(this.syncWatch);
    this.unsubscribe();
    void this.search.close();
    return this.current.close();
  }
}
