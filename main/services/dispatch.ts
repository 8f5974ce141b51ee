import { CHANNELS, type Channel } from '../../shared/channels';
import { contract, type Handlers } from '../../shared/contract';
import { fail, ok, QuorumFailure, type Result } from '../../shared/result';
import { describeIssues } from '../../shared/validation';

export const isChannel = (name: unknown): name is Channel => typeof name === 'string' && (CHANNELS as readonly string[]).includes(name);

/**
 * Validates the input against the channel's schema before any handler runs, and turns every
 * outcome into a Result: nothing is thrown across the bridge.
 */
export const createDispatcher = (handlers: Handlers, log: (msg: string, err: unknown) => void = () => {}) =>
  async (channel: unknown, raw: unknown): Promise<Result<unknown>> => {
    if (!isChannel(channel)) return fail('not-found', `Unknown channel ${String(channel).slice(0, 80)}`);
    const parsed = contract[channel].input.safeParse(raw);
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
