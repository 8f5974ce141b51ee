import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchDoc } from '../../../shared/search/documents';
import { prefixOf, wordsOf, type SearchQuery } from '../../../shared/search/words';

/**
 * Search engines (docs/ARCHITECTURE.md, search): the one Quorum uses, SQLite's FTS5 through
 * node-sqlite3-wasm (WebAssembly, so the same module loads in Node 20 for the CLI and in Electron's
 * Node, with no native build), on disk; `npm run bench` measures it beside MiniSearch
 * (miniSearch.ts), which lost. Both are given the same words (shared/search/words.ts): the documents' text is
 * normalised in JavaScript first, so spelling, plurals and references match the same in either.
 * One engine instance holds one audience's documents (Part 1, or Part 2): never both.
 */

/** What an index keeps of a document besides its words: enough to filter and to list a result. */
export type DocMeta = Pick<SearchDoc, 'id' | 'recordId' | 'kind' | 'boardId' | 'meetingId' | 'date' | 'title' | 'published'>;
export type EngineHit = { id: string; score: number };
/** What a page of results asks of an index, filtered and counted inside it. */
export type IndexQuery = { boardId?: string; kinds?: readonly string[]; since?: string; until?: string; publishedOnly?: boolean; excludeIds?: readonly string[]; limit: number };
export type IndexAnswer = { hits: (DocMeta & { score: number })[]; byKind: Record<string, number> };

export interface SearchEngine {
  readonly name: string;
  add(docs: readonly SearchDoc[]): void;
  remove(ids: readonly string[]): void;
  /** Every document holding all the query's words (the last also as a prefix when partly typed), best first; phrases are checked by the caller. */
  search(query: SearchQuery): EngineHit[];
  meta(id: string): DocMeta | undefined;
  size(): number;
  /** Writes the index to its folder (an on-disk engine has nothing to do). */
  save(): void;
  bytesOnDisk(): number;
  close(): void;
}

export const metaOf = (d: SearchDoc): DocMeta => ({ id: d.id, recordId: d.recordId, kind: d.kind, boardId: d.boardId, meetingId: d.meetingId, date: d.date, title: d.title, published: d.published });
export const normalisedText = (d: SearchDoc) => wordsOf(`${d.title}\n${d.text}`).join(' ');

type Sqlite = {
  exec(sql: string): void;
  run(sql: string, values?: unknown[]): void;
  all(sql: string, values?: unknown[]): Record<string, unknown>[];
  get(sql: string, values?: unknown[]): Record<string, unknown> | null;
  close(): void;
};

/** FTS5 with the filters, counts and page limit done inside SQLite (what the app asks). */
export type Fts5Engine = SearchEngine & { query(q: SearchQuery, opts: IndexQuery): IndexAnswer };

/** FTS5 on disk: a contentless full-text table of the normalised words, and a table of what each document is. */
export const fts5Engine = async (folder: string): Promise<Fts5Engine> => {
  const { Database } = (await import('node-sqlite3-wasm')).default as unknown as { Database: new (file: string) => Sqlite };
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'index.sqlite');
  const db = new Database(file);
  // The index is derived (deleting it loses nothing), so no journal: a crash mid-write means a rebuild.
  // (An FTS5 table may not have a column of its own name: that name is its hidden whole-row column.)
  db.exec(`PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
    CREATE TABLE IF NOT EXISTS docs (n INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, recordId TEXT, kind TEXT, boardId TEXT, meetingId TEXT, date TEXT, title TEXT, published INTEGER);
    CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(words, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', detail=full);`);
  const quote = (w: string) => `"${w.replace(/"/g, '""')}"`;
  /** The FTS5 query: every word, the partly typed last one also as a prefix, and each phrase (whose order FTS5 checks itself). */
  const matchOf = (q: SearchQuery): string | undefined => {
    const last = q.lastIsPrefix ? q.words.at(-1) : undefined;
    const terms = [...q.words.map((w) => (w === last ? `(${quote(w)} OR ${quote(prefixOf(w))}*)` : quote(w))), ...q.phrases.map((p) => `"${p.join(' ').replace(/"/g, '""')}"`)];
    return terms.length ? terms.join(' AND ') : undefined;
  };
  const remove = (ids: readonly string[]) => {
    for (const id of ids) {
      const row = db.get('SELECT n FROM docs WHERE id = ?', [id]);
      if (!row) continue;
      db.run('DELETE FROM fts WHERE rowid = ?', [row.n]);
      db.run('DELETE FROM docs WHERE n = ?', [row.n]);
    }
  };
  return {
    name: 'SQLite FTS5',
    add(docs) {
      db.exec('BEGIN');
      remove(docs.map((d) => d.id));
      for (const d of docs) {
        db.run('INSERT INTO docs (id, recordId, kind, boardId, meetingId, date, title, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [d.id, d.recordId, d.kind, d.boardId ?? null, d.meetingId ?? null, d.date ?? null, d.title, d.published ? 1 : 0]);
        const n = db.get('SELECT last_insert_rowid() AS n')!.n;
        db.run('INSERT INTO fts (rowid, words) VALUES (?, ?)', [n, normalisedText(d)]);
      }
      db.exec('COMMIT');
    },
    remove(ids) {
      db.exec('BEGIN');
      remove(ids);
      db.exec('COMMIT');
    },
    search(q) {
      const match = matchOf(q);
      if (!match) return [];
      return db.all(`SELECT docs.id AS id, bm25(fts) AS score FROM fts JOIN docs ON docs.n = fts.rowid WHERE fts MATCH ? ORDER BY score`, [match]).map((r) => ({ id: String(r.id), score: -Number(r.score) }));
    },
    query(q, opts) {
      const match = matchOf(q);
      if (!match) return { hits: [], byKind: {} };
      const where: string[] = ['fts MATCH ?'];
      const values: unknown[] = [match];
      const filter = (clause: string, ...bound: unknown[]) => {
        where.push(clause);
        values.push(...bound);
      };
      if (opts.boardId) filter('docs.boardId = ?', opts.boardId);
      if (opts.since) filter("coalesce(docs.date, '') >= ?", opts.since);
      if (opts.until) filter("coalesce(docs.date, '9999') <= ?", opts.until);
      if (opts.publishedOnly) filter('docs.published = 1');
      // A cleared officer's Part 2 document of a record stands in for its public one.
      if (opts.excludeIds?.length) filter(`docs.id NOT IN (${opts.excludeIds.map(() => '?').join(',')})`, ...opts.excludeIds);
      const from = `FROM fts JOIN docs ON docs.n = fts.rowid WHERE ${where.join(' AND ')}`;
      const byKind: Record<string, number> = {};
      for (const r of db.all(`SELECT docs.kind AS kind, count(*) AS n ${from} GROUP BY docs.kind`, values)) byKind[String(r.kind)] = Number(r.n);
      const kinds = opts.kinds?.length ? ` AND docs.kind IN (${opts.kinds.map(() => '?').join(',')})` : '';
      const hits = db
        .all(`SELECT docs.id AS id, docs.recordId AS recordId, docs.kind AS kind, docs.boardId AS boardId, docs.meetingId AS meetingId, docs.date AS date, docs.title AS title, docs.published AS published, bm25(fts) AS score ${from}${kinds} ORDER BY score, docs.date DESC LIMIT ?`, [...values, ...(opts.kinds ?? []), opts.limit])
        .map((r) => ({ id: String(r.id), recordId: String(r.recordId), kind: r.kind as DocMeta['kind'], boardId: (r.boardId as string | null) ?? undefined, meetingId: (r.meetingId as string | null) ?? undefined, date: (r.date as string | null) ?? undefined, title: String(r.title), published: r.published === 1, score: -Number(r.score) }));
      return { hits, byKind };
    },
    meta(id) {
      const r = db.get('SELECT id, recordId, kind, boardId, meetingId, date, title, published FROM docs WHERE id = ?', [id]);
      return r ? ({ ...r, boardId: r.boardId ?? undefined, meetingId: r.meetingId ?? undefined, date: r.date ?? undefined, published: r.published === 1 } as DocMeta) : undefined;
    },
    size: () => Number(db.get('SELECT count(*) AS n FROM docs')!.n),
    save() {},
    bytesOnDisk: () => (existsSync(file) ? statSync(file).size : 0),
    close: () => db.close(),
  };
};

