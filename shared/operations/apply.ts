import type { StoreData } from '../data';
import { QuorumFailure } from '../result';
import type { CommandContext, CommandResult } from '../kernel/operation';
import { mutations, type MutationName } from './index';
import { applyMutation, type DeclaredMutation, type MutationRef } from './mutate';

/** The declaration a name stands for, from the catalogue; a declaration is its own. */
export const mutationOf = (ref: MutationRef): DeclaredMutation => {
  if (typeof ref !== 'string') return ref;
  const command = mutations[ref];
  if (!command) throw new QuorumFailure('not-found', `Unknown command ${ref}`);
  return command as DeclaredMutation;
};

/**
 * Validates the input (unless the bridge already has: `parsed`), applies the named mutation, and
 * checks every record it wrote (applyMutation): what the tests call to exercise a mutation.
 */
export const applyCommand = (data: StoreData, name: MutationName, input: unknown, ctx: CommandContext, opts: { parsed?: boolean } = {}): CommandResult =>
  applyMutation(data, mutationOf(name), input, ctx, opts);
