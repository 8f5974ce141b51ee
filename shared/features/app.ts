import { z } from 'zod';
import { line, noInput } from '../schema/common';
import { effect } from '../kernel/operation';
import type { AppInfo, BackupInfo, JournalCheck, JournalEntryView, StoreStatus } from '../views';

/**
 * The app and its data folder: what only main can answer or do (the store's state, backups, the
 * journal, moving the folder, opening a link in the browser). Handled in main/services/effects.ts.
 */
const backupId = z.string().regex(/^[A-Za-z0-9._-]{1,120}\.json$/, 'Not a backup name');

export const appInfo = effect<AppInfo>()({ name: 'app:info', input: noInput });
export const storeStatus = effect<StoreStatus>()({ name: 'store:status', input: noInput, reads: 'all' });
/** First run: the example partnership, or an empty one with the name the officer gives. */
export const startStore = effect<StoreStatus>()({
  name: 'store:start',
  input: z.discriminatedUnion('mode', [z.object({ mode: z.literal('example') }).strict(), z.object({ mode: z.literal('empty'), name: line(200) }).strict()]),
});
export const recoverStore = effect<StoreStatus>()({ name: 'store:recover', input: z.object({ backupId }).strict() });
export const listBackups = effect<BackupInfo[]>()({ name: 'backups:list', input: noInput, reads: 'all' });
export const restoreBackup = effect<StoreStatus>()({ name: 'backups:restore', input: z.object({ backupId }).strict() });
/** Takes back the last destructive act while it is still the last change (its journal entry's seq). */
export const undoLast = effect<StoreStatus>()({ name: 'app:undo', input: z.object({ seq: z.number().int().min(1) }).strict() });
export const listJournal = effect<{ check: JournalCheck; entries: JournalEntryView[] }>()({
  name: 'journal:list',
  input: z.object({ limit: z.number().int().min(1).max(1000) }).strict(),
  reads: 'all',
});
export const moveDataFolder = effect<{ moved: boolean; dataDir: string; message: string }>()({ name: 'settings:moveDataFolder', input: noInput });
/** Only http, https and mailto links, after checkExternalLink (shared/rules/links.ts). */
export const openExternal = effect<{ opened: boolean }>()({ name: 'shell:openExternal', input: z.object({ url: z.string().max(2000) }).strict() });
