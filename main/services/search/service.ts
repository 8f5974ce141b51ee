import type { PartnershipStore } from '../store/partnershipStore';
import type { SearchAnswer, SearchRequest } from '../../../shared/features/search';
import { TeamStore } from '../team/teamStore';
import { SearchIndex, type SearchAudience } from './searchIndex';

/**
 * A session's search (docs/ARCHITECTURE.md, search): the index of the partnership open now, for
 * the person signed in, opened on the first search, brought up to date before each answer and,
 * in the background, within a moment of each save. Runs in the main process, off the window's thread.
 */
export class SessionSearch {
  private index?: { dir: string; part2: boolean; open: Promise<SearchIndex> };
  private dirty = true;
  private later?: ReturnType<typeof setTimeout>;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: () => PartnershipStore,
    private readonly progress: (done: number, total: number) => void,
  ) {}

  /** Who the person is to search: one officer on their own holds everything; in a team, Part 2 only with its role. */
  private audience(store: PartnershipStore): SearchAudience {
    if (store instanceof TeamStore) return store.audiences.includes('part2') ? 'cleared' : 'officer';
    return 'cleared';
  }

  private indexFor(store: PartnershipStore): Promise<SearchIndex> {
    const part2 = this.audience(store) === 'cleared';
    if (!this.index || this.index.dir !== store.dataDir || this.index.part2 !== part2) {
      const previous = this.index;
      if (previous) void previous.open.then((i) => i.close()).catch(() => undefined);
      this.index = { dir: store.dataDir, part2, open: SearchIndex.open(store.dataDir, { part2 }) };
      this.dirty = true;
    }
    return this.index.open;
  }

  /** One at a time: a catch-up and a query never interleave on the index. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async catchUp(store: PartnershipStore, index: SearchIndex) {
    if (!this.dirty) return;
    this.dirty = false;
    await index.catchUp(store.data, (done, total) => this.progress(done, total));
  }

  query(request: SearchRequest): Promise<SearchAnswer> {
    return this.serial(async () => {
      const store = this.store();
      const index = await this.indexFor(store);
      await this.catchUp(store, index);
      return index.search(store.data, request, this.audience(store));
    });
  }

  /** A save (or a sync) changed records: the index takes them in shortly, whether or not anyone searches. */
  touched() {
    this.dirty = true;
    if (!this.index) return;
    clearTimeout(this.later);
    this.later = setTimeout(() => {
      void this.serial(async () => {
        const store = this.store();
        await this.catchUp(store, await this.indexFor(store));
      }).catch(() => undefined);
    }, 200);
  }

  async close() {
    clearTimeout(this.later);
    const index = this.index;
    this.index = undefined;
    if (index) await this.serial(async () => (await index.open).close()).catch(() => undefined);
  }
}
