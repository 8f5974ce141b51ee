import { recordSchema } from '../schema/records';
import { describeIssues, parseInput } from '../validation';
import type { StoreData } from '../data';
import { QuorumFailure } from '../result';
import type { CommandContext, CommandResult } from '../kernel/operation';
import { mutations, type MutationName } from './index';
import { assertApprovedRecordsUntouched } from '../rules/frozen';

/** Whether the named mutation can be taken back by Undo (its declaration says so). */
export const isUndoable = (name: MutationName): boolean => mutations[name]?.undoable === true;

/**
 * Validates the input (unless the bridge already has: `parsed`), applies the named mutation, and
 * checks every record it wrote against the schema and against the types it declares it writes:
 * what the store does before it writes, and what the tests call to exercise a mutation.
 */
export const applyCommand = (data: StoreData, name: MutationName, input: unknown, ctx: CommandContext, opts: { parsed?: boolean } = {}): CommandResult => {
  const command = mutations[name];
  if (!command) throw new QuorumFailure('not-found', `Unknown command ${name}`);
  const result = command.apply(data, opts.parsed ? input : parseInput(command.input, input), ctx);
  assertApprovedRecordsUntouched(data, result.data, result.journal.changes, name);
  for (const change of result.journal.changes) {
    const type = change.id.slice(0, change.id.indexOf(':'));
    if (!(command.writes as readonly string[]).includes(type))
      throw new QuorumFailure('internal', `${name} wrote a ${type} record but declares that it writes only ${command.writes.join(', ')}`);
    if (change.op === 'delete') continue;
    const parsed = recordSchema.safeParse(result.data.records[change.id]);
    if (!parsed.success) {
      const { message, fields } = describeIssues(parsed.error);
      throw new QuorumFailure('invalid-input', message, fields);
    }
  }
  return result;
};
