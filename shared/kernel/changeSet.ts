import type { QRecord } from '../schema/records';
import { carryIndex, type NewRecord, type StoreData } from '../data';
import { QuorumFailure } from '../result';
import type { Change, CommandContext, CommandResult } from './operation';

/**
 * Accumulates record writes for one command. Each write stamps rev/updatedAt/updatedBy and
 * notes which fields changed, so the journal can name them.
 */
export class ChangeSet {
  private readonly records: Record<string, QRecord>;
  readonly changes: Change[] = [];
  constructor(
    private readonly data: StoreData,
    private readonly ctx: CommandContext,
  ) {
    this.records = { ...data.records };
  }

  create<R extends QRecord>(record: NewRecord<R>): R {
    if (this.records[record.id]) throw new QuorumFailure('conflict', `A record with id ${record.id} already exists`);
    const full = { ...record, schemaVersion: 1, rev: 1, updatedAt: this.ctx.now(), updatedBy: this.ctx.user } as unknown as R;
    this.records[record.id] = full;
    this.changes.push({ id: record.id, op: 'create', fields: Object.keys(record).filter((k) => k !== 'id' && k !== 'type') });
    return full;
  }

  update<R extends QRecord>(current: R, patch: Partial<Omit<R, 'id' | 'type'>>, expectedRev?: number): R {
    if (expectedRev !== undefined && current.rev !== expectedRev)
      throw new QuorumFailure('conflict', 'This record was changed since you opened it; reload and try again');
    const fields = Object.keys(patch).filter(
      (k) => JSON.stringify((patch as Record<string, unknown>)[k]) !== JSON.stringify((current as Record<string, unknown>)[k]),
    );
    if (fields.length === 0) return current;
    const next = { ...current, ...patch, rev: current.rev + 1, updatedAt: this.ctx.now(), updatedBy: this.ctx.user } as unknown as R;
    this.records[current.id] = next;
    this.changes.push({ id: current.id, op: 'update', fields });
    return next;
  }

  /** A copy of the records as this change has them so far, for a helper that reads what the change just wrote (a copy: the store indexes a records object once). */
  view(): StoreData {
    return { records: { ...this.records }, ...(this.data.undecided ? { undecided: this.data.undecided } : {}) };
  }

  /** A new record id, from the command's context (so helpers given only the change set stay pure). */
  newId: CommandContext['newId'] = (type) => this.ctx.newId(type);

  remove(id: string): void {
    if (!this.records[id]) throw new QuorumFailure('not-found', `No record with id ${id}`);
    delete this.records[id];
    this.changes.push({ id, op: 'delete', fields: [] });
  }

  result(summary: string): CommandResult {
    carryIndex(this.data.records, this.records, this.changes);
    return { data: { records: this.records }, journal: { summary, changes: this.changes } };
  }
}

/**
 * Prepared records (the example partnership, the ten-year generator) put into an empty store as
 * one journaled change. Not an operation: nothing a window or script may call on a real store.
 */
export const seedRecords = (data: StoreData, records: readonly NewRecord[], ctx: CommandContext, summary: string): CommandResult => {
  if (Object.keys(data.records).length > 0) throw new QuorumFailure('conflict', 'This can only be loaded into an empty data folder');
  const cs = new ChangeSet(data, ctx);
  for (const record of records) cs.create(record as NewRecord<QRecord>);
  return cs.result(summary);
};
