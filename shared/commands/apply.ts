import { recordSchema } from '../schema/records';
import { describeIssues, parseInput } from '../validation';
import type { StoreData } from '../data';
import { QuorumFailure } from '../result';
import type { CommandContext, CommandResult } from './context';
import { commands } from './index';

/**
 * Validates the input, applies the named command and checks every record it wrote against the
 * schema: what the store does before it writes, and what the tests call to exercise a command.
 */
export const applyCommand = (data: StoreData, commandName: string, input: unknown, ctx: CommandContext): CommandResult => {
  const command = commands[commandName];
  if (!command) throw new QuorumFailure('not-found', `Unknown command ${commandName}`);
  const result = command.apply(data, parseInput(command.input, input), ctx);
  for (const change of result.journal.changes) {
    if (change.op === 'delete') continue;
    const parsed = recordSchema.safeParse(result.data.records[change.id]);
    if (!parsed.success) {
      const { message, fields } = describeIssues(parsed.error);
      throw new QuorumFailure('invalid-input', message, fields);
    }
  }
  return result;
};
