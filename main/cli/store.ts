import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { hostname } from 'node:os';
import { QuorumFailure } from '../../shared/result';
import { QuorumStore } from '../services/store/store';
import { STORE_FILE } from '../services/store/format';
import { currentUser } from '../services/currentUser';
import { EXIT, requireData, UsageError, type Subcommand } from './command';
import { VERBS } from './verbs';

/** The verbs that make or check a store: `quorum example`, `quorum check`, `quorum init`. */
export const exampleCommand = (): Subcommand => ({
  ...VERBS.example,
  async run(values, out, { clock }) {
    const dir = requireData(values);
    const store = QuorumStore.open(dir, { user: currentUser(), device: hostname(), clock });
    try {
      if (store.status().state !== 'empty')
        throw new QuorumFailure('conflict', `${dir} already holds a Quorum store; choose an empty folder`);
      const { loadExample } = await import('../services/example');
      const outcome = await loadExample(store);
      const status = store.status();
      if (values.json) out.log(JSON.stringify({ dataDir: dir, records: outcome.changes.length, counts: status.counts }, null, 2));
      else out.log(`Created the example partnership in ${dir} (${outcome.changes.length} records).`);
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
});

export const checkCommand = (): Subcommand => ({
  ...VERBS.check,
  async run(values, out, { clock }) {
    const dir = requireData(values);
    if (!existsSync(resolve(dir, STORE_FILE))) throw new QuorumFailure('not-found', `There is no Quorum store in ${dir} (no ${STORE_FILE})`);
    let store: QuorumStore;
    try {
      // Every entry of the journal's chain, not only those after the store's mark.
      store = QuorumStore.open(dir, { user: currentUser(), device: hostname(), mode: 'read', clock, journalCheck: 'full' });
    } catch (err) {
      if (!(err instanceof QuorumFailure) || err.code !== 'store-unavailable') throw err;
      // The store itself is unreadable or invalid: report it as a failed check, not a crash.
      if (values.json) out.log(JSON.stringify({ dataDir: dir, ok: false, schema: { ok: false, problem: err.message } }, null, 2));
      else out.error(`Store: ${dir}\nSchema: FAILED: ${err.message}`);
      return EXIT.failed;
    }
    try {
      const { checkStore } = await import('./check');
      const report = checkStore(store, clock.today());
      if (values.json) out.log(JSON.stringify(report, null, 2));
      else {
        out.log(`Store: ${dir}`);
        out.log(`Schema: valid`);
        out.log(`Journal: ${report.journal.ok ? `verified (${report.journal.entries} entries)` : `FAILED: ${report.journal.problem}`}`);
        out.log(`Records: ${Object.entries(report.counts).map(([t, n]) => `${t} ${n}`).join(', ') || 'none'}`);
        out.log(`Backups: ${report.backups}`);
        out.log(report.warnings.length ? `Warnings:\n${report.warnings.map((w) => `  - ${w.message}`).join('\n')}` : 'Warnings: none');
        const { obligationLine } = await import('./obligations');
        const clocks = report.obligations.filter((o) => o.status === 'due' || o.status === 'overdue');
        out.log(clocks.length ? `Statutory clocks (as quorum obligations lists them):\n${clocks.map((o) => `  ${obligationLine(o)}`).join('\n')}` : 'Statutory clocks: nothing due');
      }
      return report.ok ? EXIT.ok : EXIT.failed;
    } finally {
      store.close();
    }
  },
});

export const initCommand = (): Subcommand => ({
  ...VERBS.init,
  async run(values, out, { clock }) {
    const dir = requireData(values);
    const name = typeof values.partnership === 'string' ? values.partnership.trim() : '';
    if (!name) throw new UsageError('--partnership NAME is required');
    const store = QuorumStore.open(dir, { user: currentUser(), device: hostname(), clock });
    try {
      if (store.status().state !== 'empty') throw new QuorumFailure('conflict', `${dir} already holds a Quorum store; choose an empty folder`);
      await store.run('partnership:setUp', { name });
      if (values.json) out.log(JSON.stringify({ dataDir: dir, partnership: name }, null, 2));
      else out.log(`Created ${name} in ${dir}. Add its boards, organisations and people in the app, with quorum import people, or with quorum call.`);
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
});
