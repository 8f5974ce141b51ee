import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { hostname } from 'node:os';
import { QuorumFailure } from '../../shared/result';
import { isIsoDate } from '../../shared/clock';
import { QuorumStore } from '../services/store/store';
import { STORE_FILE } from '../services/store/format';
import { currentUser } from '../services/currentUser';
import { EXIT, UsageError, type Subcommand, requireData } from './command';
import { VERBS } from './verbs';
import { boardOption } from './boardOption';

/**
 * `quorum publish`: the partnership's public website as a folder of static pages, with each
 * meeting's public PDF pack beside its pages. Read-only on the store; re-publishing writes only
 * what changed and lists it.
 */
export const publishCommand = (): Subcommand => ({
  ...VERBS.publish,
  async run(values, out, { clock }) {
    const [{ publishSite }, { bankHolidaysAround }] = await Promise.all([import('../services/publish'), import('../services/holidays')]);
    const dir = requireData(values);
    const folder = values.out;
    if (typeof folder !== 'string' || !folder.trim()) throw new UsageError('--out FOLDER is required');
    const since = typeof values.since === 'string' ? values.since : undefined;
    if (since !== undefined && !isIsoDate(since)) throw new UsageError(`--since takes a date as YYYY-MM-DD, not “${since}”`);
    if (!existsSync(resolve(dir, STORE_FILE))) throw new QuorumFailure('not-found', `There is no Quorum store in ${dir} (no ${STORE_FILE})`);
    const store = QuorumStore.open(dir, { user: currentUser(), device: hostname(), mode: 'read', clock });
    try {
      const board = typeof values.board === 'string' ? boardOption(store.data, values.board).id : undefined;
      const today = clock.today();
      const { launchChromiumPrinter } = await import('../services/pdf/chromiumPrinter');
      const outcome = await publishSite(store.data, store.dataDir, folder, {
        today,
        holidays: bankHolidaysAround(today),
        ...(board ? { boardId: board } : {}),
        ...(since ? { since } : {}),
        printer: () => launchChromiumPrinter(),
        onProgress: values.json ? undefined : (done, total, label) => out.error(`  [${done}/${total}] ${label}`),
      });
      if (values.json) out.log(JSON.stringify({ ok: true, ...outcome }, null, 2));
      else {
        out.log(`Published into ${outcome.folder}: ${outcome.written.length} written, ${outcome.unchanged} unchanged, ${outcome.removed.length} removed.`);
        for (const f of outcome.written) out.log(`  written  ${f}`);
        for (const f of outcome.removed) out.log(`  removed  ${f}`);
      }
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
});
