import { z } from 'zod';
import type { Channel, EventName } from './channels';
import type { OperationArgs, OperationInput, OperationResult } from './operations';
import type { Result } from './result';

/**
 * The bridge between the window and main, as types: each channel's input and result follow from
 * its operation's declaration (shared/features, catalogued in shared/operations). The value types
 * the views and effects answer are in shared/views.ts, re-exported here for the screens.
 */
export type * from './views';
export type { Done } from './kernel/operation';

export const events = {
  /**
   * A change was saved: the command, the records and record types it wrote, and the queries that
   * read them. A window refetches only those queries (shared/operations staleQueries).
   */
  'store:changed': z.object({ command: z.string(), ids: z.array(z.string()), types: z.array(z.string()), queries: z.array(z.string()) }),
  'task:progress': z.object({ taskId: z.string(), label: z.string(), done: z.number(), total: z.number() }),
} satisfies Record<EventName, z.ZodType>;

export type ChannelInput<C extends Channel> = OperationInput<C>;
export type ChannelArgs<C extends Channel> = OperationArgs<C>;
export type ChannelResult<C extends Channel> = OperationResult<C>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** What main implements: one handler per channel, or the build fails. */
export type Handlers = { [C in Channel]: (input: ChannelArgs<C>) => Promise<ChannelResult<C>> | ChannelResult<C> };

/** `submitId`: the key of the form submit that sends it; a second call with the same key is answered, not saved again. */
type SendOptions = { submitId?: string };
type Method<C extends Channel> = {} extends ChannelInput<C>
  ? (input?: ChannelInput<C>, options?: SendOptions) => Promise<Result<ChannelResult<C>>>
  : (input: ChannelInput<C>, options?: SendOptions) => Promise<Result<ChannelResult<C>>>;

/** `window.quorum`: `quorum.dashboard.get()`, `quorum.partnership.update({...})`, `quorum.on(...)`. */
export type QuorumBridge = {
  [A in Channel extends `${infer X}:${string}` ? X : never]: {
    [C in Extract<Channel, `${A}:${string}`> as C extends `${string}:${infer V}` ? V : never]: Method<C>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
