import { isChannel } from '../../shared/channels';
import type { Handlers } from '../../shared/contract';
import { operations } from '../../shared/operations';
import { fail, ok, QuorumFailure, type Result } from '../../shared/result';
import { describeIssues } from '../../shared/validation';

/**
 * Validates the input against the operation's schema before any handler runs (the only time it is
 * validated), and turns every outcome into a Result: nothing is thrown across the bridge.
 */
export const createDispatcher = (handlers: Handlers, log: (msg: string, err: unknown) => void = () => {}) =>
  async (channel: unknown, raw: unknown): Promise<Result<unknown>> => {
    if (!isChannel(channel)) return fail('not-found', `Unknown channel ${String(channel).slice(0, 80)}`);
    const parsed = operations[channel].input.safeParse(raw);
    if (!parsed.success) {
      const { message, fields } = describeIssues(parsed.error);
      return fail('invalid-input', message, fields);
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (err) {
      if (err instanceof QuorumFailure) return fail(err.code, err.message, err.fields);
      log(`Handler ${channel} failed`, err);
      return fail('internal', `Something went wrong (${channel}): ${(err as Error)?.message ?? String(err)}`);
    }
  };

export type Dispatch = ReturnType<typeof createDispatcher>;
