import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { hostname } from 'node:os';
import { QuorumFailure } from '../../shared/result';
import { QuorumStore } from '../services/store/store';
import { STORE_FILE } from '../services/store/format';
import { currentUser } from '../services/session';
import { packCommand } from './pack';
import { exportCommand } from './export';
import { publishCommand } from './publish';
import { callCommand } from './call';
import { importCommand } from './import';
import { teamCommand } from './team';
import { obligationsCommand } from './obligations';
import { searchCommand } from './search';
import { outboxCommand } from './outbox';
import { clockFromSetting, type Clock } from '../../shared/clock';
import { dataOption, EXIT, jsonOption, requireData, UsageError, type Out, type Subcommand } from './command';


/**
 * `quorum`: Quorum's services without Electron, on a data folder. Each subcommand declares its
 * options; `pack` and `export` join this table with their issues.
 */
const subcommands: Record<string, Subcommand> = {
  example: {
    summary: 'create the example partnership (Eastmere) in an empty data folder',
    usage: 'quorum example --data DIR [--json]',
    options: { ...dataOption, ...jsonOption },
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
  },
  check: {
    summary: 'verify the store and its journal, count records, list governance warnings',
    usage: 'quorum check --data DIR [--json]',
    options: { ...dataOption, ...jsonOption },
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
  },
  init: {
    summary: 'create an empty store for a partnership of your own (boards, people and the rest follow)',
    usage: 'quorum init --data DIR --partnership NAME [--json]',
    options: { ...dataOption, partnership: { type: 'string', description: 'the partnership’s name' }, ...jsonOption },
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
  },
  import: importCommand(),
  call: callCommand(),
  pack: packCommand(),
  export: exportCommand(),
  publish: publishCommand(),
  team: teamCommand(),
  obligations: obligationsCommand(),
  outbox: outboxCommand(),
  search: searchCommand(),
};

const help = (): string =>
  [
    'Quorum: governance records and board packs for partnership boards',
    '',
    'Usage: quorum <command> [options]',
    '',
    'Commands:',
    ...Object.entries(subcommands).map(([name, s]) => `  ${name.padEnd(10)} ${s.summary}\n  ${''.padEnd(10)} ${s.usage}`),
    '',
    'Options:',
    '  --data DIR   the data folder',
    '  --json       machine-readable output',
    '  --today YYYY-MM-DD',
    '               work as if today were this date in England (also QUORUM_TODAY), to rebuild',
    '               a past pack exactly or preview a future one',
    '  --help       this help',
    '',
    'Exit codes: 0 success, 1 the check or command failed, 2 bad usage.',
  ].join('\n');

const todayOption = { type: 'string' as const, description: 'work as if today were this date in England (YYYY-MM-DD); also QUORUM_TODAY' };

export const main = async (argv: string[], out: Out = { log: console.log, error: console.error }, env: NodeJS.ProcessEnv = process.env): Promise<number> => {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out.log(help());
    return name ? EXIT.ok : EXIT.usage;
  }
  const sub = subcommands[name];
  if (!sub) {
    out.error(`quorum: unknown command "${name}"\n\n${help()}`);
    return EXIT.usage;
  }
  try {
    const options = { ...sub.options, today: todayOption };
    const { values, positionals } = parseArgs({ args: rest, options: { ...options, help: { type: 'boolean' } }, strict: true, allowPositionals: Boolean(sub.positional) });
    if (values.help) {
      out.log(`${sub.usage} [--today YYYY-MM-DD]\n\n${sub.summary}\n\n${Object.entries(options).map(([k, o]) => `  --${k.padEnd(8)} ${o.description}`).join('\n')}`);
      return EXIT.ok;
    }
    const today = typeof values.today === 'string' ? values.today : env.QUORUM_TODAY;
    let clock: Clock;
    try {
      clock = clockFromSetting(today);
    } catch (err) {
      throw new UsageError(`${typeof values.today === 'string' ? '--today' : 'QUORUM_TODAY'}: ${(err as Error).message}`);
    }
    return await sub.run(values as Record<string, string | boolean | undefined>, out, { positionals, clock });
  } catch (err) {
    // Under --json every refusal is JSON on standard output, as the command's own answers are: a script reads one shape.
    const json = rest.includes('--json');
    const refuse = (code: string, message: string, exit: number) => {
      if (json) out.log(JSON.stringify({ ok: false, error: { code, message } }, null, 2));
      else out.error(`quorum ${name}: ${message}`);
      return exit;
    };
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
      return json ? refuse('usage', `${(err as Error).message}. Usage: ${sub.usage}`, EXIT.usage) : (out.error(`quorum ${name}: ${(err as Error).message}\nUsage: ${sub.usage}`), EXIT.usage);
    if (err instanceof QuorumFailure) return refuse(err.code, err.message, err.code === 'invalid-input' ? EXIT.usage : EXIT.failed);
    return refuse('internal', (err as Error).message ?? String(err), EXIT.failed);
  }
};
