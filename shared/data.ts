import type { QRecord, RecordOf } from './schema/records';
import type { RecordType } from './schema/common';
import { QuorumFailure } from './result';

/**
 * The records of a partnership, keyed by id. Commands read and return this. In team mode,
 * `undecided` names the records two officers changed differently and a person has yet to decide
 * on (Needs decision): a pack is not built from them, nor minutes approved.
 */
export type StoreData = { records: Readonly<Record<string, QRecord>>; undecided?: ReadonlySet<string> };

/** The failure a step that needs settled records gives while one waits in Needs decision. */
export const undecidedFailure = (what: string) =>
  new QuorumFailure('conflict', `${what} waits in Needs decision: two officers changed it differently while apart. Decide between their versions in Team, Needs decision, then try again.`);

export const emptyData = (): StoreData => ({ records: {} });

/**
 * Records by type, and by a field within a type, kept beside each records object (which is never
 * changed once made: a command makes a new one). Views read a type or a meeting's items without
 * scanning the whole store (issue: views that cost what they read). The by-type index is carried
 * from one records object to the next by `carryIndex` at each command, touching only the types
 * it wrote; the by-field ones are rebuilt on first use, from their type alone.
 */
type Index = { byType: Map<string, QRecord[]>; byField: Map<string, Map<unknown, QRecord[]>> };
const indexes = new WeakMap<object, Index>();

const buildIndex = (records: StoreData['records']): Index => {
  const byType = new Map<string, QRecord[]>();
  for (const r of Object.values(records)) {
    const bucket = byType.get(r.type);
    if (bucket) bucket.push(r);
    else byType.set(r.type, [r]);
  }
  return { byType, byField: new Map() };
};

const indexOf = (records: StoreData['records']): Index => {
  let ix = indexes.get(records);
  if (!ix) indexes.set(records, (ix = buildIndex(records)));
  return ix;
};

/** Gives `next` (the records after a command) an index made from `prev`'s, rebuilding only the types `changed` touched. */
export const carryIndex = (prev: StoreData['records'], next: StoreData['records'], changed: readonly { id: string }[]): void => {
  const old = indexes.get(prev);
  if (!old || indexes.has(next)) return;
  const byType = new Map(old.byType);
  const touched = new Map<string, Set<string>>();
  for (const { id } of changed) {
    const type = id.slice(0, id.indexOf(':'));
    let ids = touched.get(type);
    if (!ids) touched.set(type, (ids = new Set()));
    ids.add(id);
  }
  for (const [type, ids] of touched) {
    const kept: QRecord[] = [];
    for (const r of old.byType.get(type) ?? []) {
      if (!ids.has(r.id)) kept.push(r);
      else if (next[r.id]) {
        kept.push(next[r.id]);
        ids.delete(r.id);
      } else ids.delete(r.id);
    }
    for (const id of ids) if (next[id]) kept.push(next[id]); // created by this command
    byType.set(type, kept);
  }
  indexes.set(next, { byType, byField: new Map() });
};

export const listRecords = <T extends RecordType>(data: StoreData, type: T): RecordOf<T>[] =>
  ((indexOf(data.records).byType.get(type) ?? []) as RecordOf<T>[]).slice();

/** The records of a type whose `field` equals `value` (a meeting's agenda items, a version's comments). */
export const recordsWhere = <T extends RecordType, K extends keyof RecordOf<T> & string>(data: StoreData, type: T, field: K, value: unknown): RecordOf<T>[] => {
  const ix = indexOf(data.records);
  const key = `${type}.${String(field)}`;
  let groups = ix.byField.get(key);
  if (!groups) {
    groups = new Map();
    for (const r of ix.byType.get(type) ?? []) {
      const v = (r as Record<string, unknown>)[field as string];
      const group = groups.get(v);
      if (group) group.push(r);
      else groups.set(v, [r]);
    }
    ix.byField.set(key, groups);
  }
  return ((groups.get(value) ?? []) as RecordOf<T>[]).slice();
};

/** A meeting's agenda items, in no particular order (shared/rules/agenda.ts byAgendaOrder sorts them). */
export const agendaItemsOf = (data: StoreData, meetingId: string): RecordOf<'agendaItem'>[] => recordsWhere(data, 'agendaItem', 'meetingId', meetingId as RecordOf<'agendaItem'>['meetingId']);

export const findRecord = <T extends RecordType>(data: StoreData, type: T, id: string): RecordOf<T> | undefined => {
  const r = data.records[id];
  return r && r.type === type ? (r as RecordOf<T>) : undefined;
};

/** The record, or a not-found failure in the user's words (`message`) when it has gone. */
export const getRecord = <T extends RecordType>(data: StoreData, type: T, id: string, message?: string): RecordOf<T> => {
  const r = findRecord(data, type, id);
  if (!r) throw new QuorumFailure('not-found', message ?? `No ${type} with id ${id}`);
  return r;
};

/** Counts per record type, for `quorum check` and Settings. */
export const countRecords = (data: StoreData): Partial<Record<RecordType, number>> => {
  const counts: Partial<Record<RecordType, number>> = {};
  for (const [type, bucket] of indexOf(data.records).byType) if (bucket.length) counts[type as RecordType] = bucket.length;
  return counts;
};

/** A record before the store stamps it (rev, updatedAt, updatedBy, schemaVersion). */
export type NewRecord<R extends QRecord = QRecord> = R extends unknown ? Omit<R, 'rev' | 'updatedAt' | 'updatedBy' | 'schemaVersion'> : never;
