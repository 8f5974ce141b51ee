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

type DatabaseInfo = Awaited<ReturnType<Db['info']>>;

export const openLocal = (dataDir: string, audience: Audience): Db => new PouchDB<AnyDoc>(join(dataDir, 'replica', audience));

/**
 * The server's copy of one database. PouchDB 9's replication asks it for its details after each
 * batch it pulls, for progress figures only, and leaves a failed ask unhandled (pouchdb 9.0.0
 * lib/index.js, finishBatch: `src.info().then(…)` with no catch): a connection dropped at that
 * moment (a Wi-Fi blip, a proxy's idle timeout, a kept-alive socket closed as it was reused) was an
 * unhandled rejection, which stops a Node process. So once the server has answered, a failed ask
 * answers with its last details; replication meets the dropped connection on its next request and
 * retries as it does for any other (startSync). Before any answer, a failure is the caller's, as before.
 */
export const openRemote = (remote: Remote, slug: string, audience: Audience): Db => {
  const db = new PouchDB<AnyDoc>(`${remote.url}/${databaseName(slug, audience)}`, { skip_setup: true, auth: { username: remote.user, password: remote.password } });
  const ask = db.info.bind(db) as () => Promise<DatabaseInfo>;
  let last: DatabaseInfo | undefined;
  const info = async (): Promise<DatabaseInfo> => {
    try {
      last = await ask();
      return last;
    } catch (err) {
      if (last) return last;
      throw err;
    }
  };
  // PouchDB calls it both ways: with a callback (compaction's polling) and for a promise.
  db.info = ((callback?: (err: unknown, result?: DatabaseInfo) => void) => {
    if (!callback) return info();
    info().then((result) => callback(null, result), (err: unknown) => callback(err));
  }) as Db['info'];
  return db;
};

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
