import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { hostname } from 'node:os';
import { QuorumFailure } from '../../shared/result';
import { SEARCH_KINDS, SEARCH_KIND_LABEL, type SearchKind } from '../../shared/search/documents';
import { formatUkDate } from '../../shared/rules/dates';
import { QuorumStore } from '../services/store/store';
import { STORE_FILE } from '../services/store/format';
import { currentUser } from '../services/currentUser';
import { SearchIndex } from '../services/search/searchIndex';
import { boardOption } from './boardOption';
import { EXIT, requireData, UsageError, type Subcommand } from './command';
import { VERBS } from './verbs';

/**
 * `quorum search`: the app's search, from a terminal or a script, through the same index and code
 * (docs/ARCHITECTURE.md, search). One officer's own folder holds everything; `--public` searches
 * as the public would, what the website publishes (Part 1 only).
 */
export const searchCommand = (): Subcommand => ({
  ...VERBS.search,
  async run(values, out, { positionals, clock }) {
    const dir = requireData(values);
    const text = positionals.join(' ').trim();
    if (!text) throw new UsageError('Say what to search for: quorum search "front door" --data DIR');
    const kind = typeof values.kind === 'string' ? values.kind : undefined;
    if (kind && !(SEARCH_KINDS as readonly string[]).includes(kind)) throw new UsageError(`There is no kind "${kind}": use one of ${SEARCH_KINDS.join(', ')}`);
    const since = typeof values.since === 'string' ? values.since : undefined;
    if (since && !/^\d{4}-\d{2}-\d{2}$/.test(since)) throw new UsageError(`--since takes a date as YYYY-MM-DD, not "${since}"`);
    const page = typeof values.page === 'string' ? Number(values.page) : 1;
    if (!Number.isInteger(page) || page < 1) throw new UsageError(`--page takes a whole number from 1, not "${values.page}"`);
    if (!existsSync(resolve(dir, STORE_FILE))) throw new QuorumFailure('not-found', `There is no Quorum store in ${dir} (no ${STORE_FILE})`);
    const store = QuorumStore.open(dir, { user: currentUser(), device: hostname(), mode: 'read', clock });
    const index = await SearchIndex.open(dir, { part2: true });
    try {
      const board = typeof values.board === 'string' ? boardOption(store.data, values.board) : undefined;
      await index.catchUp(store.data, (done, total) => {
        if (!values.json && total > 2000) out.error(`Building the search index: ${done} of ${total} records`);
      });
      const answer = index.search(store.data, { text, ...(board ? { boardId: board.id } : {}), ...(kind ? { kinds: [kind as SearchKind] } : {}), ...(since ? { since } : {}), public: Boolean(values.public), page }, values.public ? 'public' : 'cleared');
      if (values.json) {
        out.log(JSON.stringify({ dataDir: dir, query: text, ...answer }, null, 2));
        return EXIT.ok;
      }
      out.log(`${answer.total} result${answer.total === 1 ? '' : 's'} for “${text}”${values.public ? ', as the public would see them' : ''}${answer.pages > 1 ? ` (page ${answer.page} of ${answer.pages})` : ''}`);
      let lastKind = '';
      // Grouped by kind on the page, in the order of the best result of each.
      const order = [...new Set(answer.results.map((r) => r.kind))];
      for (const r of [...answer.results].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))) {
        if (r.kind !== lastKind) out.log(`\n${SEARCH_KIND_LABEL[(lastKind = r.kind) as SearchKind]}`);
        out.log(`  ${r.title}${r.part === 2 ? ' (Part 2)' : ''}${r.board ? ` · ${r.board}` : ''}${r.date ? ` · ${formatUkDate(r.date)}` : ''}  [${r.recordId}]`);
        out.log(`    ${r.snippet.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('')}`);
      }
      return EXIT.ok;
    } finally {
      index.close();
      store.close();
    }
  },
});
