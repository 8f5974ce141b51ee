// The parts of PouchDB 9 Quorum uses. DefinitelyTyped's @types/pouchdb declares a global
// `interface Buffer`, which breaks Node's own Buffer type across the project, so these stand in.
declare module 'pouchdb' {
  namespace PouchDB {
    type Meta = { _id: string; _rev: string; _conflicts?: string[]; _deleted?: boolean; _revisions?: { start: number; ids: string[] } };
    type Existing<T> = T & Meta;
    type Response = { ok: boolean; id: string; rev: string };
    type BulkError = { error: true | string; status?: number; name?: string; message?: string; id?: string; reason?: string };
    type GetOptions = { rev?: string; conflicts?: boolean; revs?: boolean; open_revs?: 'all' | string[]; attachments?: boolean; binary?: boolean; latest?: boolean };
    type AllDocsOptions = { include_docs?: boolean; startkey?: string; endkey?: string; keys?: string[]; conflicts?: boolean; attachments?: boolean; binary?: boolean; limit?: number };
    type AllDocsResponse<T> = { total_rows: number; offset: number; rows: { id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: Existing<T> }[] };
    type ChangesOptions = { since?: number | string | 'now'; live?: boolean; include_docs?: boolean; conflicts?: boolean; limit?: number; return_docs?: boolean; style?: 'main_only' | 'all_docs'; doc_ids?: string[] };
    type Change<T> = { id: string; seq: number | string; changes: { rev: string }[]; deleted?: boolean; doc?: Existing<T> };
    type ChangesResponse<T> = { results: Change<T>[]; last_seq: number | string };
    type Emitter = { on(event: string, listener: (...args: never[]) => void): Emitter; cancel(): void };
    type ChangesFeed<T> = Emitter & PromiseLike<ChangesResponse<T>> & { on(event: 'change', listener: (change: Change<T>) => void): ChangesFeed<T> };
    type ReplicateOptions = { live?: boolean; retry?: boolean; batch_size?: number; batches_limit?: number; back_off_function?: (delay: number) => number; checkpoint?: 'source' | 'target' | false; heartbeat?: number | false; timeout?: number | false };
    type ReplicationResult = { ok: boolean; docs_read: number; docs_written: number; doc_write_failures: number; errors: unknown[]; status: string; last_seq?: number | string };
    type Replication = Emitter & PromiseLike<ReplicationResult>;
    type Sync = Emitter & PromiseLike<{ push?: ReplicationResult; pull?: ReplicationResult }>;
    type DatabaseOptions = { adapter?: string; auto_compaction?: boolean; revs_limit?: number; skip_setup?: boolean; fetch?: (url: string | Request, opts?: RequestInit) => Promise<Response>; auth?: { username: string; password: string } };
    type Info = { db_name: string; doc_count: number; update_seq: number | string };
    interface Database<T extends object = Record<string, unknown>> {
      name: string;
      get(id: string, opts?: GetOptions): Promise<Existing<T>>;
      get(id: string, opts: GetOptions & { open_revs: 'all' | string[] }): Promise<({ ok: Existing<T> } | { missing: string })[]>;
      put(doc: T & { _id: string; _rev?: string; _deleted?: boolean; _attachments?: Record<string, unknown> }, opts?: { force?: boolean }): Promise<Response>;
      bulkDocs(docs: (Partial<Meta> & Record<string, unknown>)[], opts?: { new_edits?: boolean }): Promise<(Response | BulkError)[]>;
      remove(id: string, rev: string): Promise<Response>;
      allDocs(opts?: AllDocsOptions): Promise<AllDocsResponse<T>>;
      changes(opts: ChangesOptions & { live: true }): ChangesFeed<T>;
      changes(opts?: ChangesOptions): Promise<ChangesResponse<T>>;
      getAttachment(docId: string, attachmentId: string, opts?: { rev?: string }): Promise<Buffer>;
      replicate: { to(target: Database<object> | string, opts?: ReplicateOptions): Replication; from(source: Database<object> | string, opts?: ReplicateOptions): Replication };
      sync(remote: Database<object> | string, opts?: ReplicateOptions): Sync;
      info(): Promise<Info>;
      compact(): Promise<unknown>;
      close(): Promise<void>;
      destroy(): Promise<void>;
    }
  }
  interface PouchDBStatic {
    new <T extends object = Record<string, unknown>>(name: string, opts?: PouchDB.DatabaseOptions): PouchDB.Database<T>;
    plugin(plugin: unknown): PouchDBStatic;
    defaults(opts: PouchDB.DatabaseOptions): PouchDBStatic;
  }
  const PouchDB: PouchDBStatic;
  export default PouchDB;
}
