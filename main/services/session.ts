import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hostname, userInfo } from 'node:os';
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

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export const currentUser = (): string => {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
};

/**
 * The open data folder for one app window (or CLI run, or e2e host): which store is open, and
 * moving it. Commands go through here so every change is announced as `store:changed`.
 */
export class Session {
  private current: QuorumStore;
  private unsubscribe: () => void;

  constructor(
    dataDir: string,
    private readonly emit: Emit,
    private readonly storeOptions: Omit<StoreOptions, 'user' | 'device'> & Partial<Pick<StoreOptions, 'user' | 'device'>> & { checkJournalInBackground?: boolean } = {},
  ) {
    this.current = this.openStore(dataDir);
    this.unsubscribe = this.watch(this.current);
  }

  private openStore(dir: string): QuorumStore {
    return QuorumStore.open(dir, { user: currentUser(), device: hostname(), ...this.storeOptions });
  }

  private watch(store: QuorumStore) {
    // A load verifies the journal from the store's mark on; the whole chain is checked meanwhile,
    // and an entry found altered is reported to the window like a load's finding.
    if (this.storeOptions.checkJournalInBackground)
      void store
        .checkJournalFully()
        .then((check) => {
          if (!check.ok && store === this.current) this.emit('store:changed', { command: 'journal:check', ids: [], types: [], queries: ALL_QUERIES });
        })
        .catch(() => undefined);
    return store.onChange((o) => {
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
  ready(): QuorumStore {
    if (this.current.status().state === 'recovery-needed') throw new QuorumFailure('store-unavailable', 'The store needs recovery first: restore a backup or start again.');
    return this.current;
  }

  get store(): QuorumStore {
    return this.current;
  }

  /** The clock every handler of this session reads "now" and "today" from. */
  get clock(): Clock {
    return this.current.clock;
  }

  get dataDir(): string {
    return this.current.dataDir;
  }

  /**
   * Moves the store to another folder (copy everything the store needs: the store, the journal,
   * backups and pictures; check every referenced picture and the store arrived byte for byte; open
   * and validate there; then switch), or opens the store a folder already holds. The old folder is
   * left untouched as a fallback.
   */
  moveTo(target: string): { moved: boolean; dataDir: string; message: string } {
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
    this.current.close();
    this.current = next;
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

  close(): void {
    this.unsubscribe();
    this.current.close();
  }
}
