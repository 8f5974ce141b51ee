import type { z } from 'zod';
import type { QRecord } from '../schema/records';
import type { RecordType } from '../schema/common';
import type { NewRecord, StoreData } from '../data';
import { QuorumFailure } from '../result';
import type { Clock } from '../clock';

/** What a command may ask of the world: injected, so commands stay pure and testable. */
export type CommandContext = Clock & {
  newId<T extends RecordType>(type: T): `${T}:${string}`;
  /** The OS user, written as `updatedBy` and into the journal. */
  user: string;
};

/** What a command changed: record ids with the fields touched (DESIGN: ready for sync). */
export type Change = { id: string; op: 'create' | 'update' | 'delete'; fields: string[] };
export type JournalDraft = { command: string; summary: string; changes: Change[] };
export type CommandResult = { data: StoreData; journal: JournalDraft };

export type CommandDef<S extends z.ZodType> = {
  name: string;
  input: S;
  apply(data: StoreData, input: z.output<S>, ctx: CommandContext): CommandResult;
};

export const defineCommand = <S extends z.ZodType>(def: CommandDef<S>): CommandDef<S> => def;


/**
 * Accumulates record writes for one command. Each write stamps rev/updatedAt/updatedBy and
 * notes which fields changed, so the journal can name them.
 */
export class ChangeSet {
  private readonly records: Record<string, QRecord>;
  readonly changes: Change[] = [];
  constructor(
    data: StoreData,
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

  remove(id: string): void {
    if (!this.records[id]) throw new QuorumFailure('not-found', `No record with id ${id}`);
    delete this.records[id];
    this.changes.push({ id, op: 'delete', fields: [] });
  }

  result(command: string, summary: string): CommandResult {
    return { data: { records: this.records }, journal: { command, summary, changes: this.changes } };
  }
}
