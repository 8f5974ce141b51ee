import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { prefixOf } from '../../../shared/search/words';
import { metaOf, normalisedText, type DocMeta, type SearchEngine } from './engines';

/**
 * MiniSearch, measured beside FTS5 by `npm run bench` (scripts/benchSearch.ts) and not used by the
 * app: it lost on build time, size on disk and a common word's latency (README, Search).
 */
/** An inverted index in memory, written to disk as JSON (atomically: a temporary file renamed over). */
export const miniSearchEngine = (folder: string): SearchEngine => {
  const file = join(folder, 'index.json');
  const options = {
    fields: ['words'],
    storeFields: ['recordId', 'kind', 'boardId', 'meetingId', 'date', 'title', 'published'],
    // The words arrive normalised, separated by spaces.
    tokenize: (s: string) => s.split(' '),
    processTerm: (t: string) => t || null,
  };
  mkdirSync(folder, { recursive: true });
  const index: MiniSearch = existsSync(file) ? MiniSearch.loadJSON(readFileSync(file, 'utf8'), options) : new MiniSearch(options);
  return {
    name: 'MiniSearch',
    add(docs) {
      for (const d of docs) {
        if (index.has(d.id)) index.discard(d.id);
        index.add({ ...metaOf(d), words: normalisedText(d) });
      }
    },
    remove(ids) {
      for (const id of ids) if (index.has(id)) index.discard(id);
    },
    search(q) {
      const words = [...q.words, ...q.phrases.flat()];
      if (!words.length) return [];
      const last = q.lastIsPrefix ? q.words.at(-1) : undefined;
      const raw = last ? prefixOf(last) : undefined;
      return index
        .search({ combineWith: 'AND', queries: words.map((w) => (w === last ? { queries: [w, raw!], combineWith: 'OR', prefix: (t: string) => t === raw } : w)) } as never)
        .map((r) => ({ id: String(r.id), score: r.score }));
    },
    meta(id) {
      const f = index.getStoredFields(id) as Omit<DocMeta, 'id'> | undefined;
      return f ? { id, ...f } : undefined;
    },
    size: () => index.documentCount,
    save() {
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, JSON.stringify(index));
      renameSync(tmp, file);
    },
    bytesOnDisk: () => (existsSync(file) ? statSync(file).size : 0),
    close() {},
  };
};

