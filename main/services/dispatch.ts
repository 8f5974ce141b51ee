import { isChannel } from '../../shared/channels';
import { SUBMIT_KEY } from '../../shared/bridge';
import type { Handlers } from '../../shared/contract';
import { operations } from '../../shared/operations';
import { fail, ok, QuorumFailure, type Result } from '../../shared/result';
import { describeIssues } from '../../shared/validation';

/**
 * Validates the input against the operation's schema before any handler runs (the only time it is
 * validated), and turns every outcome into a Result: nothing is thrown across the bridge.
 */
/** How many recent submits are remembered: far more than a window sends before its answers arrive. */
const REMEMBERED_SUBMITS = 500;

export const createDispatcher = (handlers: Handlers, log: (msg: string, err: unknown) => void = () => {}) => {
  // Each form submit's key and its answer: the same submit arriving twice (a double click that beat
  // the form's own guard, a window resending) gets the first answer, and nothing is saved twice.
  const submits = new Map<string, Promise<Result<unknown>>>();
  const dispatch = async (channel: unknown, raw: unknown): Promise<Result<unknown>> => {
    if (raw && typeof raw === 'object' && SUBMIT_KEY in raw) {
      const { [SUBMIT_KEY]: key, input } = raw as Record<string, unknown>;
      if (typeof key !== 'string' || key.length > 100 || !isChannel(channel) || operations[channel].kind !== 'mutation') return run(channel, input);
      const id = `${channel} ${key}`;
      const first = submits.get(id);
      if (first) return first;
      const answer = run(channel, input);
      submits.set(id, answer);
      // A refused submit is forgotten: the form sends it again, corrected or confirmed, under the same key.
      void answer.then((r) => !r.ok && submits.get(id) === answer && submits.delete(id));
      if (submits.size > REMEMBERED_SUBMITS) submits.delete(submits.keys().next().value!);
      return answer;
    }
    return run(channel, raw);
  };
  const run = async (channel: unknown, raw: unknown): Promise<Result<unknown>> => {
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
  return dispatch;
};

export type Dispatch = ReturnType<typeof createDispatcher>;
