import type { QRecord } from '../schema/records';
import type { StoreData } from '../data';
import type { Change, CommandContext, JournalDraft } from './operation';

/**
 * What Undo needs to take back the last destructive act: each record the act touched as it was
 * before (null for one the act created). Kept only while the act is the store's last change, so
 * putting the records back can never overwrite a later edit.
 */
export type UndoPoint = { seq: number; command: string; summary: string; before: Readonly<Record<string, QRecord | null>> };

export const undoPointOf = (before: StoreData['records'], outcome: { seq: number; command: string; summary: string; changes: readonly Change[] }): UndoPoint => ({
  seq: outcome.seq,
  command: outcome.command,
  summary: outcome.summary,
  before: Object.fromEntries(outcome.changes.map((c) => [c.id, before[c.id] ?? null])),
});

const fieldsDiffering = (a: QRecord, b: QRecord): string[] =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => !['rev', 'updatedAt', 'updatedBy'].includes(k) && JSON.stringify((a as Record<string, unknown>)[k]) !== JSON.stringify((b as Record<string, unknown>)[k]),
  );

/**
 * The records with the act taken back, as a new journaled change: a removed record comes back
 * (its rev moved on, so a copy elsewhere sees a newer version), an edited one gets its old fields,
 * a created one goes. Pure: the store decides whether the point is still the last change.
 */
export const undoChange = (records: StoreData['records'], point: UndoPoint, ctx: Pick<CommandContext, 'now' | 'user'>): { records: StoreData['records']; journal: JournalDraft } => {
  const next: Record<string, QRecord> = { ...records };
  const changes: Change[] = [];
  for (const [id, before] of Object.entries(point.before)) {
    const now = next[id];
    if (!before) {
      if (now) {
        delete next[id];
        changes.push({ id, op: 'delete', fields: [] });
      }
      continue;
    }
    const restored = { ...before, rev: Math.max(before.rev, now?.rev ?? 0) + 1, updatedAt: ctx.now(), updatedBy: ctx.user } as QRecord;
    next[id] = restored;
    changes.push(now ? { id, op: 'update', fields: fieldsDiffering(now, restored) } : { id, op: 'create', fields: Object.keys(before).filter((k) => k !== 'id' && k !== 'type') });
  }
  return { records: next, journal: { command: 'app:undo', summary: `Undid: ${point.summary}`, changes } };
};
