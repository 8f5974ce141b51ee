import { z } from 'zod';
import { recordSchema } from '../../../shared/schema/records';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/migrations';
import type { JournalEntry, JournalMark } from './journal';

/** The store file on disk: records keyed by id, plus where the journal stood when it was saved. */
export const storeFileSchema = z
  .object({
    format: z.literal('quorum-store'),
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    savedAt: z.string(),
    device: z.string(),
    journal: z.object({
      seq: z.number().int().min(0),
      head: z.string(),
      last: z.unknown().optional(),
      /** Entries before `last` that journal.jsonl did not confirm (an append failed): appended at the next save or start. */
      pending: z.array(z.unknown()).optional(),
      /** The newest point of journal.jsonl a check has passed (journal.ts JournalMark): a load verifies only what follows it. */
      verified: z.object({ seq: z.number().int().min(1), hash: z.string(), bytes: z.number().int().min(1) }).optional(),
    }),
    records: z.record(z.string(), recordSchema),
  })
  .superRefine((file, ctx) => {
    for (const [key, r] of Object.entries(file.records))
      if (r.id !== key) ctx.addIssue({ code: 'custom', path: ['records', key, 'id'], message: `Record stored under ${key} has id ${r.id}` });
  });

export type StoreFile = Omit<z.infer<typeof storeFileSchema>, 'journal'> & {
  journal: { seq: number; head: string; last?: JournalEntry; pending?: JournalEntry[]; verified?: JournalMark };
};

export const STORE_FILE = 'quorum.json';
export const JOURNAL_FILE = 'journal.jsonl';
/** Saves since the store file was last written whole (main/services/store/changeLog.ts). */
export const CHANGE_LOG_FILE = 'quorum.changes.jsonl';
export const LOCK_FILE = 'quorum.lock';
/** Pictures imported with papers, referenced from their Markdown as `images/NAME`. */
export const IMAGES_FOLDER = 'images';
