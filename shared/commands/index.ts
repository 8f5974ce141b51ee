import type { z } from 'zod';
import { addActionUpdate } from './actions';
import { setUpPartnership, updatePartnership } from './partnership';
import { loadExample } from '../example';
import { importPaper, recordPackBuild } from './packs';
import { setPart2, updateCoverSheet } from './agenda';
import type { CommandDef } from './context';

/** Every command that changes records, by name. The store runs only these. */
export const commands = {
  [setUpPartnership.name]: setUpPartnership,
  [updatePartnership.name]: updatePartnership,
  [loadExample.name]: loadExample,
  [addActionUpdate.name]: addActionUpdate,
  [recordPackBuild.name]: recordPackBuild,
  [importPaper.name]: importPaper,
  [updateCoverSheet.name]: updateCoverSheet,
  [setPart2.name]: setPart2,
} as Record<string, CommandDef<z.ZodType>>;

export { setUpPartnership, updatePartnership, loadExample, addActionUpdate, recordPackBuild, importPaper, updateCoverSheet, setPart2 };
export type { CommandContext, CommandDef, CommandResult, Change, JournalDraft } from './context';
