import { recordSchema } from '../schema/records';
import { describeIssues, parseInput } from '../validation';
import type { StoreData } from '../data';
import { QuorumFailure } from '../result';
import type { AnyMutation, CommandContext, CommandResult } from '../kernel/operation';
import { assertApprovedRecordsUntouched } from '../rules/frozen';
import type { MutationName } from './index';

/**
 * A mutation by its declaration, for a caller that holds it: `quorum pack` records its build
 * without loading the whole catalogue, every feature's code (docs/ARCHITECTURE.md, "Starting quickly").
 */
export type DeclaredMutation = AnyMutation & { name: MutationName };

/** What the stores' `run` takes: a mutation's name, or its declaration. */
export type MutationRef = MutationName | DeclaredMutation;

/**
 * Validates the input (unless the bridge already has: `parsed`), applies the mutation, and checks
 * every record it wrote against the schema and against the types it declares it writes: what the
 * store does before it writes, whichever way the mutation was named.
 */
export const applyMutation = (data: StoreData, command: AnyMutation, input: unknown, ctx: CommandContext, opts: { parsed?: boolean } = {}): CommandResult => {
  const result = command.apply(data, opts.parsed ? input : parseInput(command.input, input), ctx);
  assertApprovedRecordsUntouched(data, result.data, result.journal.changes, command.name);
  for (const change of result.journal.changes) {
    const type = change.id.slice(0, change.id.indexOf(':'));
    if (!(command.writes as readonly string[]).includes(type))
      throw new QuorumFailure('internal', `${command.name} wrote a ${type} record but declares that it writes only ${command.writes.join(', ')}`);
    if (change.op === 'delete') continue;
    const parsed = recordSchema.safeParse(result.data.records[change.id]);
    if (!parsed.success) {
      const { message, fields } = describeIssues(parsed.error);
      throw new QuorumFailure('invalid-input', message, fields);
    }
  }
  return result;
};
