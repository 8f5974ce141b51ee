import PouchDB from 'pouchdb';
import { recordSchema, type QRecord } from '../../../shared/schema/records';
import { QuorumFailure } from '../../../shared/result';
import { describeIssues } from '../../../shared/validation';
import type { RecordType } from '../../../shared/schema/common';
import { checkPicture, pictureType, staleRevision, WRITE_ONCE_RECORDS, writtenOnce, type RecordStore, type Revision, type StoredRecord } from './recordStore';

/**
 * A record as a CouchDB document: `_id` is the record's id, `type` and `by` (who wrote this
 * revision, checked by the server's rules: main/services/team/serverRules.ts) sit beside it, and
 * `frozen` says why it may no longer change (approved minutes, an agreed version).
 */
export type RecordDoc = {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  type: string;
  by: string;
  record: QRecord;
  frozen?: string;
};

export const PICTURE_PREFIX = 'picture:';

const isRecordId = (id: string) => !id.startsWith('_') && !id.startsWith('journal:') && !id.startsWith(PICTURE_PREFIX);

const notFound = (err: unknown) => (err as { status?: number })?.status === 404;
const isConflict = (err: unknown) => (err as { status?: number })?.status === 409;

/** One PouchDB database of records (a team replica's board or partners database; the tests' too). */
export class PouchRecords implements RecordStore {
  constructor(
    readonly db: PouchDB.Database<RecordDoc>,
    private readonly by: string,
    private readonly now: () => string,
    private readonly frozenWhy: (record: QRecord) => string | undefined = () => undefined,
  ) {}

  static open(location: string, by: string, now: () => string): PouchRecords {
    return new PouchRecords(new PouchDB<RecordDoc>(location), by, now);
  }

  async get(id: string): Promise<StoredRecord | undefined> {
    try {
      const doc = await this.db.get(id);
      return { record: doc.record, rev: doc._rev };
    } catch (err) {
      if (notFound(err)) return undefined;
      throw err;
    }
  }

  private async current(id: string): Promise<RecordDoc | undefined> {
    try {
      return await this.db.get(id);
    } catch (err) {
      if (notFound(err)) return undefined;
      throw err;
    }
  }

  async put(record: QRecord, expected: Revision | null): Promise<Revision> {
    const current = await this.current(record.id);
    if ((current?._rev ?? null) !== expected) throw staleRevision(record.id);
    if (current && WRITE_ONCE_RECORDS.has(current.record.type)) throw writtenOnce(record.id);
    const stamped = { ...record, rev: (current?.record.rev ?? 0) + 1, updatedAt: this.now(), updatedBy: this.by } as QRecord;
    const parsed = recordSchema.safeParse(stamped);
    if (!parsed.success) throw new QuorumFailure('invalid-input', `${record.id}: ${describeIssues(parsed.error).message}`);
    const frozen = this.frozenWhy(stamped);
    try {
      const res = await this.db.put({ _id: record.id, ...(current ? { _rev: current._rev } : {}), type: record.type, by: this.by, record: stamped, ...(frozen ? { frozen } : {}) });
      return res.rev;
    } catch (err) {
      if (isConflict(err)) throw staleRevision(record.id);
      throw err;
    }
  }

  async remove(id: string, expected: Revision): Promise<void> {
    const current = await this.current(id);
    if (!current || current._rev !== expected) throw staleRevision(id);
    if (WRITE_ONCE_RECORDS.has(current.record.type)) throw writtenOnce(id);
    try {
      await this.db.remove(id, expected);
    } catch (err) {
      if (isConflict(err)) throw staleRevision(id);
      throw err;
    }
  }

  async byType(type: RecordType): Promise<StoredRecord[]> {
    // Ids begin with their type, so a type is a key range: no index to keep.
    const res = await this.db.allDocs({ startkey: `${type}:`, endkey: `${type}:\ufff0`, include_docs: true });
    return res.rows.flatMap((row) => (row.doc ? [{ record: row.doc.record, rev: row.doc._rev }] : []));
  }

  async where(type: RecordType, field: string, value: unknown): Promise<StoredRecord[]> {
    return (await this.byType(type)).filter((s) => (s.record as Record<string, unknown>)[field] === value);
  }

  async changesSince(since: string): Promise<{ changes: { id: string; deleted: boolean }[]; last: string }> {
    // Local sequences are numbers; a server's are opaque strings.
    const res = await this.db.changes({ since: /^\d+$/.test(since) ? Number(since) : since || 0 });
    return { changes: res.results.filter((c) => isRecordId(c.id)).map((c) => ({ id: c.id, deleted: Boolean(c.deleted) })), last: String(res.last_seq) };
  }

  async putPicture(name: string, bytes: Uint8Array): Promise<void> {
    checkPicture(name, bytes);
    const id = `${PICTURE_PREFIX}${name}`;
    try {
      await this.db.put({ _id: id, type: 'picture', by: this.by, _attachments: { [name]: { content_type: pictureType(name), data: Buffer.from(bytes) } } } as unknown as RecordDoc);
    } catch (err) {
      // The same name is the same bytes: a second writer has nothing to add.
      if (!isConflict(err)) throw err;
    }
  }

  async getPicture(name: string): Promise<Uint8Array | undefined> {
    try {
      const data = await this.db.getAttachment(`${PICTURE_PREFIX}${name}`, name);
      return new Uint8Array(data as Buffer);
    } catch (err) {
      if (notFound(err)) return undefined;
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
