import { createHash } from 'node:crypto';
import type { QRecord } from '../../../shared/schema/records';
import type { RecordType } from '../../../shared/schema/common';
import { QuorumFailure } from '../../../shared/result';

/**
 * The small interface the domain's records are kept behind (docs/ARCHITECTURE.md, ready for team use): one
 * record per key `<type>:<id>`, written only over the revision the writer last read. Team mode's
 * PouchDB replica implements it (pouchRecords.ts), held to the contract in
 * test/team/recordStore.test.ts; the solo data folder saves through QuorumStore.run instead.
 */
export type Revision = string;
export type StoredRecord = { record: QRecord; rev: Revision };
export type RecordChange = { id: string; deleted: boolean };

export type RecordStore = {
  get(id: string): Promise<StoredRecord | undefined>;
  /** Writes `record` when the stored revision is still `expected` (null: when there is none yet); a conflict otherwise. */
  put(record: QRecord, expected: Revision | null): Promise<Revision>;
  remove(id: string, expected: Revision): Promise<void>;
  byType(type: RecordType): Promise<StoredRecord[]>;
  /** The records of a type whose `field` equals `value` (a meeting's items, a version's comments). */
  where(type: RecordType, field: string, value: unknown): Promise<StoredRecord[]>;
  /** What changed after the point `since` names ('' for the beginning), and the point to ask from next. */
  changesSince(since: string): Promise<{ changes: RecordChange[]; last: string }>;
  /** A picture, named by its content (`<name>-<12 hex of SHA-256>.<ext>`), so two writers can never clash over one. */
  putPicture(name: string, bytes: Uint8Array): Promise<void>;
  getPicture(name: string): Promise<Uint8Array | undefined>;
  close(): Promise<void>;
};

/** Records made once and never changed (docs/ARCHITECTURE.md, ready for team use): comments, responses, sign-offs, action updates. */
export const WRITE_ONCE_RECORDS: ReadonlySet<RecordType> = new Set(['protocolComment', 'commentResponse', 'signOff', 'actionUpdate', 'decisionReply', 'clearance', 'clearanceRequest', 'registerRound', 'interestReturn']);

export const staleRevision = (id: string): QuorumFailure =>
  new QuorumFailure('conflict', `${id} was changed by someone else since it was read; nothing was written. Reload it and make the change again.`);

export const writtenOnce = (id: string): QuorumFailure => new QuorumFailure('conflict', `${id} is written once and is never changed or removed.`);

/** A picture's name carries the first 12 hex digits of its content's SHA-256 (main/services/papers/imageFiles.ts). */
export const PICTURE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,100}-([0-9a-f]{12})\.(png|jpe?g|gif|bmp)$/i;

export const checkPicture = (name: string, bytes: Uint8Array): void => {
  const m = PICTURE_NAME.exec(name);
  if (!m) throw new QuorumFailure('invalid-input', `${name.slice(0, 120)} is not a picture name Quorum makes (name-<12 hex digits>.png)`);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  if (hash !== m[1].toLowerCase()) throw new QuorumFailure('invalid-input', `The picture ${name} does not hold the content its name says (its bytes hash to ${hash})`);
};

export const pictureType = (name: string): string => {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return ext === 'jpg' || ext === 'jpeg' ? 'image/jpeg' : `image/${ext}`;
};
