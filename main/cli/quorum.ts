import { parseArgs } from 'node:util';
import { QuorumFailure } from '../../shared/result';
import { clockFromSetting, type Clock } from '../../shared/clock';
import { EXIT, UsageError, type Out, type Subcommand } from './command';
import { VERBS, type VerbDeclaration, type VerbName } from './verbs';


/**
 * `quorum`: Quorum's services without Electron, on a data folder. Each verb is declared in
 * verbs.ts (what `--help` prints and how its options parse) and run from its own module, loaded
 * only when that verb runs, so `quorum --help` loads none of them.
 */
const RUNNERS: Record<VerbName, () => Promise<Subcommand>> = {
  example: () => import('./store').then((m) => m.exampleCommand()),
  check: () => import('./store').then((m) => m.checkCommand()),
  init: () => import('./store').then((m) => m.initCommand()),
  import: () => import('./import').then((m) => m.importCommand()),
  call: () => import('./call').then((m) => m.callCommand()),
  pack: () => import('./pack').then((m) => m.packCommand()),
  export: () => import('./export').then((m) => m.exportCommand()),
  publish: () => import('./publish').then((m) => m.publishCommand()),
  team: () => import('./team').then((m) => m.teamCommand()),
  obligations: () => import('./obligations').then((m) => m.obligationsCommand()),
  outbox: () => import('./outbox').then((m) => m.outboxCommand()),
  search: () => import('./search').then((m) => m.searchCommand()),
};
const isVerb = (name: string): name is VerbName => Object.hasOwn(VERBS, name);

const help = (): string =>
  [
    'Quorum: governance records and board packs for partnership boards',
    '',
    'Usage: quorum <command> [options]',
    '',
    'Commands:',
    ...Object.entries(VERBS as Record<string, VerbDeclaration>).map(([name, s]) => `  ${name.padEnd(10)} ${s.summary}\n  ${''.padEnd(10)} ${s.usage}`),
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
  const sub: VerbDeclaration | undefined = isVerb(name) ? VERBS[name] : undefined;
  if (!sub || !isVerb(name)) {
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
    const command = await RUNNERS[name]();
    return await command.run(values as Record<string, string | boolean | undefined>, out, { positionals, clock });
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
