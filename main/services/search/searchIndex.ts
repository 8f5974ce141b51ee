import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { listRecords, recordsWhere, type StoreData } from '../../../shared/data';
import { documentsOf, type SearchDoc } from '../../../shared/search/documents';
import { parseQuery } from '../../../shared/search/words';
import { snippetOf } from '../../../shared/search/results';
import { placementsTouched } from '../../../shared/team/placement';
import type { SearchAnswer, SearchRequest, SearchResult } from '../../../shared/features/search';
import type { SearchKind } from '../../../shared/views';
import { searchRequestSchema } from '../../../shared/features/search';
import { fts5Engine, type Fts5Engine, type IndexQuery } from './engines';
import { compareCodes, compareEnglish } from '../../../shared/rules/textOrder';

/**
 * The search index (docs/ARCHITECTURE.md, search): derived from the store and kept beside it in
 * the data folder (`search/`), so it survives a restart and deleting it loses nothing: it is built
 * again, with progress. Part 1 and Part 2 documents are in separate indexes; the Part 2 one exists
 * only where the person may read Part 2 text. Each record's revision is remembered, so opening
 * catches up with whatever changed since (a save, a restore, a team sync) by re-reading only those.
 */
export const SEARCH_FOLDER = 'search';
/** Bumped when what a document holds changes: an index of an older version is rebuilt. */
const INDEX_VERSION = 1;

/** Who is asking: the public (the website's view), an officer, or an officer cleared for Part 2. */
export type SearchAudience = 'public' | 'officer' | 'cleared';

type Progress = (done: number, total: number) => void;

/** The records whose documents read another record: re-read them when it changes. */
const dependents = (data: StoreData, ids: Iterable<string>): Set<string> => {
  const out = placementsTouched(data, ids);
  for (const id of [...out]) {
    const r = data.records[id];
    if (r?.type === 'meeting') for (const t of ['agendaItem', 'resolution', 'action', 'deepDive', 'forwardPlanItem'] as const) for (const x of recordsWhere(data, t, 'meetingId', r.id)) for (const y of placementsTouched(data, [x.id])) out.add(y);
    if (r?.type === 'organisation') for (const p of recordsWhere(data, 'person', 'organisationId', r.id)) out.add(p.id);
    if (r?.type === 'protocol') for (const v of recordsWhere(data, 'protocolVersion', 'protocolId', r.id)) out.add(v.id);
    if (r?.type === 'action') for (const u of recordsWhere(data, 'actionUpdate', 'actionId', r.id)) out.add(u.id);
  }
  return out;
};

export class SearchIndex {
  private building: { done: number; total: number } | null = null;
  private seen = new Map<string, number>();

  private constructor(
    private readonly folder: string,
    private readonly part1: Fts5Engine,
    private readonly part2: Fts5Engine | undefined,
    private readonly db: { all(sql: string, v?: unknown[]): Record<string, unknown>[]; run(sql: string, v?: unknown[]): void; exec(sql: string): void; close(): void },
  ) {}

  /** Opens (or starts) the index of a data folder; `part2` only for a person cleared for Part 2. */
  static async open(dataDir: string, opts: { part2: boolean }): Promise<SearchIndex> {
    const folder = join(dataDir, SEARCH_FOLDER);
    const { Database } = (await import('node-sqlite3-wasm')).default as unknown as { Database: new (file: string) => SearchIndex['db'] };
    mkdirSync(folder, { recursive: true });
    let db = new Database(join(folder, 'state.sqlite'));
    db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; CREATE TABLE IF NOT EXISTS seen (recordId TEXT PRIMARY KEY, rev INTEGER); CREATE TABLE IF NOT EXISTS about (key TEXT PRIMARY KEY, value TEXT);');
    const version = db.all("SELECT value FROM about WHERE key = 'version'")[0]?.value;
    const hadPart2 = db.all("SELECT value FROM about WHERE key = 'part2'")[0]?.value === '1';
    // An index of another version, or one that held Part 2 for a person who may no longer read it, is started afresh.
    if ((version !== undefined && Number(version) !== INDEX_VERSION) || (hadPart2 && !opts.part2)) {
      db.close();
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
      db = new Database(join(folder, 'state.sqlite'));
      db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; CREATE TABLE IF NOT EXISTS seen (recordId TEXT PRIMARY KEY, rev INTEGER); CREATE TABLE IF NOT EXISTS about (key TEXT PRIMARY KEY, value TEXT);');
    }
    db.run("INSERT OR REPLACE INTO about (key, value) VALUES ('version', ?)", [String(INDEX_VERSION)]);
    db.run("INSERT OR REPLACE INTO about (key, value) VALUES ('part2', ?)", [opts.part2 ? '1' : '0']);
    const part1 = await fts5Engine(join(folder, 'part1'));
    const part2 = opts.part2 ? await fts5Engine(join(folder, 'part2')) : undefined;
    if (!opts.part2 && existsSync(join(folder, 'part2'))) rmSync(join(folder, 'part2'), { recursive: true, force: true });
    const index = new SearchIndex(folder, part1, part2, db);
    for (const r of db.all('SELECT recordId, rev FROM seen')) index.seen.set(String(r.recordId), Number(r.rev));
    return index;
  }

  /** How far a first build has got, while it runs. */
  progress() {
    return this.building;
  }

  /**
   * Brings the index up to the store: the records added, changed or removed since it last saw
   * them (all of them the first time), with those whose documents read them, in slices that let
   * the caller report progress and yield between them.
   */
  async catchUp(data: StoreData, onProgress?: Progress, slice = 1500): Promise<number> {
    const changed = new Set<string>();
    for (const r of Object.values(data.records)) if (this.seen.get(r.id) !== r.rev) changed.add(r.id);
    for (const id of this.seen.keys()) if (!data.records[id]) changed.add(id);
    if (!changed.size) return 0;
    const ids = [...dependents(data, changed)];
    const first = this.seen.size === 0;
    if (first) this.building = { done: 0, total: ids.length };
    for (let i = 0; i < ids.length; i += slice) {
      this.apply(data, ids.slice(i, i + slice));
      if (this.building) this.building = { done: Math.min(i + slice, ids.length), total: ids.length };
      onProgress?.(Math.min(i + slice, ids.length), ids.length);
      if (ids.length > slice) await new Promise((r) => setImmediate(r));
    }
    this.building = null;
    return ids.length;
  }

  /** Re-reads the documents of these records (and removes those of records gone). */
  private apply(data: StoreData, ids: readonly string[]) {
    const docs: SearchDoc[] = [];
    const gone: string[] = [];
    for (const id of ids) {
      // A record's documents are replaced whole: its paper and its minutes, Part 1 and Part 2.
      gone.push(id, `${id}#minutes`, `${id}#2`, `${id}#minutes#2`);
      const r = data.records[id];
      if (r) docs.push(...documentsOf(data, r));
    }
    this.part1.remove(gone);
    this.part2?.remove(gone);
    this.part1.add(docs.filter((d) => d.part === 1));
    this.part2?.add(docs.filter((d) => d.part === 2));
    this.db.exec('BEGIN');
    for (const id of ids) {
      const r = data.records[id];
      if (r) {
        this.seen.set(id, r.rev);
        this.db.run('INSERT OR REPLACE INTO seen (recordId, rev) VALUES (?, ?)', [id, r.rev]);
      } else {
        this.seen.delete(id);
        this.db.run('DELETE FROM seen WHERE recordId = ?', [id]);
      }
    }
    this.db.exec('COMMIT');
  }

  /** A page of results, with the counts per kind, as `audience` may see them: filtered, counted and limited inside the index. */
  search(data: StoreData, input: SearchRequest, audience: SearchAudience): SearchAnswer {
    const req = searchRequestSchema.parse(input);
    const q = parseQuery(req.text);
    const asPublic = audience === 'public' || req.public;
    const want = req.page * req.pageSize;
    const filters: Omit<IndexQuery, 'limit'> = { boardId: req.boardId, since: req.since, until: req.until, publishedOnly: asPublic, kinds: req.kinds };
    // Part 2 is asked only of an index that exists for a cleared officer: never for the public or an uncleared officer.
    const part2 = req.part !== '1' && !asPublic && audience === 'cleared' && this.part2 ? this.part2.query(q, { ...filters, limit: 100_000 }) : { hits: [], byKind: {} };
    const part1 = req.part !== '2' ? this.part1.query(q, { ...filters, limit: want, excludeIds: part2.hits.map((h) => h.id.replace(/#2$/, '')) }) : { hits: [], byKind: {} };
    const byKind: SearchAnswer['byKind'] = {};
    for (const counts of [part1.byKind, part2.byKind]) for (const [k, n] of Object.entries(counts)) byKind[k as SearchKind] = (byKind[k as SearchKind] ?? 0) + n;
    const total = Object.entries(byKind).reduce((sum, [k, n]) => sum + (!req.kinds?.length || req.kinds.includes(k as SearchKind) ? (n ?? 0) : 0), 0);
    const merged = [...part1.hits.map((h) => ({ ...h, part: 1 as const })), ...part2.hits.map((h) => ({ ...h, part: 2 as const }))].sort((a, b) => b.score - a.score || compareCodes(b.date ?? '', a.date ?? '') || compareEnglish(a.title, b.title));
    const pages = Math.max(1, Math.ceil(total / req.pageSize));
    const page = Math.min(req.page, pages);
    const boards = new Map<string, string>(listRecords(data, 'board').map((b) => [b.id, b.name]));
    const results: SearchResult[] = merged.slice((page - 1) * req.pageSize, page * req.pageSize).map((meta) => {
      const r = data.records[meta.recordId];
      const doc = r ? documentsOf(data, r).find((d) => d.id === meta.id) : undefined;
      return {
        recordId: meta.recordId,
        kind: meta.kind,
        part: meta.part,
        title: doc?.title ?? meta.title,
        board: meta.boardId ? (boards.get(meta.boardId) ?? null) : null,
        boardId: meta.boardId ?? null,
        meetingId: meta.meetingId ?? null,
        date: meta.date ?? null,
        snippet: snippetOf(doc?.text || doc?.title || meta.title, q),
      };
    });
    return { total, page, pages, byKind, results, building: this.building };
  }

  bytesOnDisk() {
    return this.part1.bytesOnDisk() + (this.part2?.bytesOnDisk() ?? 0);
  }

  close() {
    this.part1.close();
    this.part2?.close();
    this.db.close();
  }
}

/** Deletes a data folder's search index (it is rebuilt from the store when next asked). */
export const dropSearchIndex = (dataDir: string) => rmSync(join(dataDir, SEARCH_FOLDER), { recursive: true, force: true });
