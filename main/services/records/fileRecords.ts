import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QRecord } from '../../../shared/schema/records';
import type { RecordType } from '../../../shared/schema/common';
import { listRecords, recordsWhere } from '../../../shared/data';
import { QuorumFailure } from '../../../shared/result';
import type { QuorumStore } from '../store/store';
import { writeFileAtomic } from '../store/atomicFile';
import { IMAGES_FOLDER } from '../store/format';
import { readJournal } from '../store/journal';
import { checkPicture, PICTURE_NAME, type RecordStore, type Revision, type StoredRecord } from './recordStore';

/** Commands that replace every record without naming them in the journal. */
const WHOLE_STORE = new Set(['backups:restore', 'store:migrate']);

const revisionOf = (r: QRecord): Revision => String(r.rev);
const expectedRev = (id: string, expected: Revision | null): number | null => {
  if (expected === null) return null;
  const n = Number(expected);
  if (!Number.isInteger(n) || n < 1) throw new QuorumFailure('invalid-input', `${expected} is not a revision of ${id}`);
  return n;
};

/**
 * The solo data folder behind the record store interface: quorum.json through QuorumStore (which
 * validates, writes atomically, keeps backups and journals each write), the journal's sequence as
 * the point changes are read from, and pictures in images/.
 */
export class FileRecords implements RecordStore {
  constructor(private readonly store: QuorumStore) {}

  async get(id: string): Promise<StoredRecord | undefined> {
    const record = this.store.data.records[id];
    return record ? { record, rev: revisionOf(record) } : undefined;
  }

  async put(record: QRecord, expected: Revision | null): Promise<Revision> {
    await this.store.writeRecords(`Saved ${record.id}`, [{ record, expected: expectedRev(record.id, expected) }]);
    return revisionOf(this.store.data.records[record.id]);
  }

  async remove(id: string, expected: Revision): Promise<void> {
    const n = expectedRev(id, expected);
    await this.store.writeRecords(`Removed ${id}`, [], [{ id, expected: n ?? 0 }]);
  }

  async byType(type: RecordType): Promise<StoredRecord[]> {
    return listRecords(this.store.data, type).map((record) => ({ record, rev: revisionOf(record) }));
  }

  async where(type: RecordType, field: string, value: unknown): Promise<StoredRecord[]> {
    return recordsWhere(this.store.data, type, field as never, value).map((record) => ({ record, rev: revisionOf(record) }));
  }

  async changesSince(since: string): Promise<{ changes: { id: string; deleted: boolean }[]; last: string }> {
    const from = since ? Number(since) : 0;
    const { entries, head } = readJournal(this.store.journalPath);
    const changed = new Map<string, boolean>();
    for (const entry of entries) {
      if (entry.seq <= from) continue;
      if (WHOLE_STORE.has(entry.command)) for (const id of Object.keys(this.store.data.records)) changed.set(id, false);
      for (const c of entry.changes) changed.set(c.id, c.op === 'delete');
    }
    // A record is deleted if it is not there now, whatever the entry said last.
    return { changes: [...changed].map(([id]) => ({ id, deleted: !this.store.data.records[id] })), last: String(Math.max(from, head.seq)) };
  }

  async putPicture(name: string, bytes: Uint8Array): Promise<void> {
    checkPicture(name, bytes);
    const folder = join(this.store.dataDir, IMAGES_FOLDER);
    const file = join(folder, name);
    if (existsSync(file)) return;
    mkdirSync(folder, { recursive: true });
    writeFileAtomic(file, bytes);
  }

  async getPicture(name: string): Promise<Uint8Array | undefined> {
    if (!PICTURE_NAME.test(name)) return undefined;
    const file = join(this.store.dataDir, IMAGES_FOLDER, name);
    return existsSync(file) ? new Uint8Array(readFileSync(file)) : undefined;
  }

  async close(): Promise<void> {
    this.store.close();
  }
}
