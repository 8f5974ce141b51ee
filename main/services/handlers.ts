import type { Handlers } from '../../shared/contract';
import { operations, type MutationName } from '../../shared/operations';
import type { ViewEnv } from '../../shared/kernel/operation';
import { bankHolidaysAround } from './holidays';
import { imageExists } from './packs';
import { createEffects } from './effects';
import type { Session } from './session';
import type { Platform } from './platform';

/**
 * The one handler table, derived from the declared operations: a mutation runs through the store
 * (input already validated by the dispatcher) and answers as it declares; a query is its view over
 * the records; an effect is its hand-written handler (effects.ts). Electron's IPC, the CLI and the
 * e2e host's HTTP transport all bind exactly this, so no handler is written twice.
 */
export const createHandlers = (session: Session, platform: Platform): Handlers => {
  const effects = createEffects(session, platform) as Record<string, (input: unknown) => unknown>;
  // One clock for every view: the store's (shared/clock.ts), pinned in tests and by --today.
  const env = (): ViewEnv => {
    const today = session.clock.today();
    return { today, holidays: bankHolidaysAround(today), hasImage: imageExists(session.dataDir) };
  };
  const table: Record<string, (input: unknown) => unknown> = {};
  for (const op of Object.values(operations)) {
    if (op.kind === 'mutation') {
      if (op.internal) continue;
      table[op.name] = async (input) => {
        const store = session.ready();
        const outcome = await store.run(op.name as MutationName, input, { parsed: true });
        return op.answer ? op.answer(outcome, store.data) : { summary: outcome.summary };
      };
    } else if (op.kind === 'query') table[op.name] = (input) => op.view(session.ready().data, input, env());
    else table[op.name] = effects[op.name];
  }
  return table as Handlers;
};
