import type { z } from 'zod';
import { addActionUpdate } from './actions';
import { setUpPartnership, updatePartnership } from './partnership';
import { loadExample } from '../example';
import type { CommandDef } from './context';

/** Every command that changes records, by name. The store runs only these. */
export const commands = {
  [setUpPartnership.name]: setUpPartnership,
  [updatePartnership.name]: updatePartnership,
  [loadExample.name]: loadExample,
  [addActionUpdate.name]: addActionUpdate,
} as Record<string, CommandDef<z.ZodType>>;

export { setUpPartnership, updatePartnership, loadExample, addActionUpdate };
export type { CommandContext, CommandDef, CommandResult, Change, JournalDraft } from './context';
