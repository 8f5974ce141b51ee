import type { Handlers } from '../../shared/contract';
import { operations, type MutationName } from '../../shared/operations';
import type { ViewEnv } from '../../shared/kernel/operation';
import { bankHolidaysAround } from './holidays';
import { imageExists } from './packs';
import { createEffects, createPreparations } from './effects';
import { defaultPackWorker, keptPackBuilder } from './packThread';
import type { Session } from './session';
import type { Platform } from './platform';

/**
 * The one handler table, derived from the declared operations: a mutation runs through the store
 * (input already validated by the dispatcher) and answers as it declares; a query is its view over
 * the records; an effect is its hand-written handler (effects.ts). Electron's IPC, the CLI and the
 * e2e host's HTTP transport all bind exactly this, so no handler is written twice.
 */
export const createHandlers = (session: Session, platform: Platform, opts: { packWorker?: string | null } = {}): Handlers => {
  // One pack builder for the window's life, kept running between builds (packThread.ts).
  const packs = keptPackBuilder(opts.packWorker === undefined ? defaultPackWorker() : opts.packWorker);
  const effects = createEffects(session, platform, packs) as Record<string, (input: unknown) => unknown>;
  const preparations = createPreparations(session, packs);
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
    } else if (op.kind === 'query') {
      const prepare = op.prepares ? preparations[op.prepares] : undefined;
      table[op.name] = prepare
        ? (input) => {
            const value = op.view(session.ready().data, input, env());
            // After the answer is on its way: getting ready never delays the screen, and never fails it.
            setImmediate(() => {
              try {
                prepare(input);
              } catch {
                // the effect itself will say what is wrong, if anything is, when it is asked for
              }
            });
            return value;
          }
        : (input) => op.view(session.ready().data, input, env());
    }
    else table[op.name] = effects[op.name];
  }
  return table as Handlers;
};
