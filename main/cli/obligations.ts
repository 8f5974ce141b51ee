import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { hostname } from 'node:os';
import { QuorumFailure } from '../../shared/result';
import type { StoreData } from '../../shared/data';
import { obligationsOf, type DueObligation } from '../../shared/rules/obligations';
import { formatUkDate } from '../../shared/rules/dates';
import { QuorumStore } from '../services/store/store';
import { STORE_FILE } from '../services/store/format';
import { currentUser } from '../services/currentUser';
import { bankHolidaysAround } from '../services/holidays';
import { EXIT, requireData, type Subcommand } from './command';
import { VERBS } from './verbs';
import { boardOption } from './boardOption';

const STATUS_WORDS: Record<DueObligation['status'], string> = { due: 'due', overdue: 'OVERDUE', met: 'met', 'not-set': 'not set', 'not-applicable': 'n/a' };

/** One obligation as `quorum obligations` and `quorum check` print it: the ISO due date first, so a script can sort and compare. */
export const obligationLine = (o: DueObligation): string =>
  `${(o.dueOn ?? '----------').padEnd(10)}  ${STATUS_WORDS[o.status].padEnd(7)}  ${o.message}${o.decision ? `. ${o.decision.words}` : ''} [${o.source}]`;

/** The obligations in the list the dashboard shows (what is due, overdue and met), for one board or all. */
export const obligationsReport = (data: StoreData, today: string, boardId?: DueObligation['boardId']) => obligationsOf(data, today, bankHolidaysAround(today), boardId);

/** `quorum obligations`: every statutory clock, with its ISO due date and its source. */
export const obligationsCommand = (): Subcommand => ({
  ...VERBS.obligations,
  async run(values, out, { clock }) {
    const dir = requireData(values);
    if (!existsSync(resolve(dir, STORE_FILE))) throw new QuorumFailure('not-found', `There is no Quorum store in ${dir} (no ${STORE_FILE})`);
    const store = QuorumStore.open(dir, { user: currentUser(), device: hostname(), mode: 'read', clock });
    try {
      const today = clock.today();
      const board = typeof values.board === 'string' ? boardOption(store.data, values.board) : undefined;
      const list = obligationsReport(store.data, today, board?.id);
      if (values.json) {
        out.log(JSON.stringify({ dataDir: dir, today, ...(board ? { boardId: board.id } : {}), obligations: list }, null, 2));
        return EXIT.ok;
      }
      out.log(`Statutory clocks on ${formatUkDate(today)}${board ? ` for ${board.name}` : ''}`);
      let lastBoard = '';
      for (const o of list) {
        if (o.board !== lastBoard) out.log(`\n${(lastBoard = o.board)}`);
        out.log(`  ${obligationLine(o)}`);
      }
      if (!list.length) out.log('No boards yet: nothing is due.');
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
});
