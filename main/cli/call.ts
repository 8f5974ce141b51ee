import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHANNELS, isChannel } from '../../shared/channels';
import { operations } from '../../shared/operations';
import { QuorumFailure } from '../../shared/result';
import { Session } from '../services/session';
import { STORE_FILE } from '../services/store/format';
import { EXIT, UsageError, type Subcommand, requireData } from './command';
import { VERBS } from './verbs';

/** Effects that only make sense in the window (a dialog, opening a file), with what to run instead. */
const WINDOW_ONLY: Record<string, string> = {
  'pack:build': 'use `quorum pack`',
  'pack:open': 'open the file from its folder',
  'pack:showInFolder': 'open its folder',
  'paper:import': 'use `quorum import paper --item ID FILE`',
  'imports:chooseSheet': 'use `quorum import people|actions FILE`',
  'imports:chooseTor': 'use `quorum import tor FILE`',
  'partnership:chooseLogo': 'choose the logo in the app (Settings)',
  'exports:word': 'use `quorum export agenda|minutes|actions`',
  'exports:calendar': 'use `quorum export calendar`',
  'exports:governance': 'use `quorum export tor|protocol`',
  'exports:plan': 'use `quorum export deep-dives|forward-plan`',
  'protocols:importReturned': 'import the returned copy in the app',
  'settings:moveDataFolder': 'copy the data folder and pass the new one with --data',
  'shell:openExternal': 'open the link in a browser',
  'store:start': 'use `quorum init` or `quorum example`',
  'store:recover': 'restore the backup in the app',
  'backups:restore': 'restore the backup in the app',
};


const readInput = (raw: string | undefined): unknown => {
  if (raw === undefined) return {};
  const text = raw.startsWith('@') ? readFileSync(resolve(raw.slice(1)), 'utf8') : raw;
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--input is not JSON (${(err as Error).message})`);
  }
};

/**
 * `quorum call CHANNEL`: any operation of the bridge, run against a data folder through the very
 * handler table the app uses, so a script can do what an officer does in the window.
 */
export const callCommand = (): Subcommand => ({
  ...VERBS.call,
  async run(values, out, { positionals, clock }) {
    const dir = requireData(values);
    const [channel, ...extra] = positionals;
    if (!channel || extra.length) throw new UsageError('say which operation to call, e.g. quorum call meetings:list --data DIR');
    if (!isChannel(channel)) throw new UsageError(`there is no operation "${channel}"; they are: ${CHANNELS.join(', ')}`);
    if (WINDOW_ONLY[channel]) throw new QuorumFailure('not-allowed', `${channel} needs Quorum's window (a dialog or a file opened on screen): ${WINDOW_ONLY[channel]}.`);
    const input = readInput(typeof values.input === 'string' ? values.input : undefined);
    if (!existsSync(resolve(dir, STORE_FILE))) throw new QuorumFailure('not-found', `There is no Quorum store in ${dir} (no ${STORE_FILE}); create one with quorum init`);
    const session = new Session(dir, () => {}, { clock, ...(operations[channel].kind === 'mutation' ? {} : { mode: 'read' as const }) });
    try {
      // The handler table (every service) is loaded only when a call is made.
      const [{ createDispatcher }, { createHandlers }, { headlessPlatform }] = await Promise.all([import('../services/dispatch'), import('../services/handlers'), import('../services/platform')]);
      const result = await createDispatcher(createHandlers(session, headlessPlatform('cli')))(channel, input);
      if (!result.ok) {
        if (values.json) out.log(JSON.stringify(result, null, 2));
        else out.error(`${channel} was refused: ${result.error.message}`);
        return EXIT.failed;
      }
      out.log(JSON.stringify(values.json ? result : result.value, null, 2));
      return EXIT.ok;
    } finally {
      session.close();
    }
  },
});
