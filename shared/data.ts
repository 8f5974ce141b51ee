import type { QRecord, RecordOf } from './schema/records';
import type { RecordType } from './schema/common';
import { QuorumFailure } from './result';

/** The records of a partnership, keyed by id. Commands read and return this. */
export type StoreData = { records: Readonly<Record<string, QRecord>> };

export const emptyData = (): StoreData => ({ records: {} });

export const listRecords = <T extends RecordType>(data: StoreData, type: T): RecordOf<T>[] =>
  Object.values(data.records).filter((r): r is RecordOf<T> => r.type === type);

export const findRecord = <T extends RecordType>(data: StoreData, type: T, id: string): RecordOf<T> | undefined => {
  const r = data.records[id];
  return r && r.type === type ? (r as RecordOf<T>) : undefined;
};

export const getRecord = <T extends RecordType>(data: StoreData, type: T, id: string): RecordOf<T> => {
  const r = findRecord(data, type, id);
  if (!r) throw new QuorumFailure('not-found', `No ${type} with id ${id}`);
  return r;
};

/** Counts per record type, for `quorum check` and Settings. */
export const countRecords = (data: StoreData): Partial<Record<RecordType, number>> => {
  const counts: Partial<Record<RecordType, number>> = {};
  for (const r of Object.values(data.records)) counts[r.type] = (counts[r.type] ?? 0) + 1;
  return counts;
};

/** A record before the store stamps it (rev, updatedAt, updatedBy, schemaVersion). */
export type NewRecord<R extends QRecord = QRecord> = R extends unknown ? Omit<R, 'rev' | 'updatedAt' | 'updatedBy' | 'schemaVersion'> : never;
