import { join } from 'node:path';
import PouchDB from 'pouchdb';
import type { QRecord } from '../../../shared/schema/records';
import { databaseName, type Audience } from '../../../shared/team/audiences';
import type { ExemptPatch } from '../../../shared/team/placement';
import type { JournalEntry } from '../store/journal';

/**
 * The documents of a team replica. Every revision carries `by`, the person signed in when it was
 * written, which the server checks (serverRules.ts); `frozen` says why a record's words may no
 * longer change.
 */
export type RecordDoc = { type: string; by: string; record: QRecord; frozen?: string };
/** A record's Part 2 text, in the Part 2 database under the record's own id. */
export type ExemptDoc = { type: string; by: string; exempt: ExemptPatch; frozen?: string };
/** One journal entry, write-once, `journal:<device>:<seq>`: one chain per device. */
export type JournalDoc = { type: 'journal'; by: string; entry: JournalEntry };
export type PictureDoc = { type: 'picture'; by: string };
export type AnyDoc = RecordDoc | ExemptDoc | JournalDoc | PictureDoc;

export type Db = PouchDB.Database<AnyDoc>;

export const isRecordDoc = (doc: unknown): doc is RecordDoc & PouchDB.Meta => Boolean(doc && typeof doc === 'object' && 'record' in doc);
export const isExemptDoc = (doc: unknown): doc is ExemptDoc & PouchDB.Meta => Boolean(doc && typeof doc === 'object' && 'exempt' in doc);

export const journalId = (device: string, seq: number) => `journal:${device}:${String(seq).padStart(9, '0')}`;

/** A device's name as it goes into document ids: what CouchDB and a journal read well. */
export const deviceKey = (device: string) => device.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 60) || 'device';

export type Replica = { audience: Audience; local: Db; remote: Db };

export type Remote = { url: string; user: string; password: string };

export const openLocal = (dataDir: string, audience: Audience): Db => new PouchDB<AnyDoc>(join(dataDir, 'replica', audience));

export const openRemote = (remote: Remote, slug: string, audience: Audience): Db =>
  new PouchDB<AnyDoc>(`${remote.url}/${databaseName(slug, audience)}`, { skip_setup: true, auth: { username: remote.user, password: remote.password } });

export const notFound = (err: unknown) => (err as { status?: number })?.status === 404;

/** The document, or undefined when there is none. */
export const getDoc = async <T extends object>(db: PouchDB.Database<T>, id: string, opts: PouchDB.GetOptions = {}): Promise<PouchDB.Existing<T> | undefined> => {
  try {
    return await db.get(id, opts);
  } catch (err) {
    if (notFound(err)) return undefined;
    throw err;
  }
};

/** The revision both `a` and `b` descend from, from their histories (`revs: true`). */
export const commonAncestor = (a: PouchDB.Meta, b: PouchDB.Meta): string | undefined => {
  const history = (d: PouchDB.Meta) => (d._revisions ? d._revisions.ids.map((id, i) => `${d._revisions!.start - i}-${id}`) : []);
  const theirs = new Set(history(b));
  return history(a).find((rev) => theirs.has(rev) && rev !== a._rev && rev !== b._rev);
};
