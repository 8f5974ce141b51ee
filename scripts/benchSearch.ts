/**
 * Search engines side by side (issue: Search): MiniSearch and SQLite FTS5 (node-sqlite3-wasm) on
 * the same documents of a generated partnership (npm run gen) at each size: the first index build,
 * the index on disk against the text it covers, and latencies (p95 over many queries) for rare
 * words, quoted phrases, partly typed words and a word found almost everywhere, each to the first
 * page of 25 results listed. Run by `npm run bench`, or alone: `tsx scripts/benchSearch.ts [--years 1,10,40]`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { QuorumStore } from '../main/services/store/store';
import { fts5Engine, type SearchEngine } from '../main/services/search/engines';
import { SearchIndex } from '../main/services/search/searchIndex';
import { miniSearchEngine } from '../main/services/search/miniSearch';
import { allDocuments, type SearchDoc } from '../shared/search/documents';
import { parseQuery, wordsOf } from '../shared/search/words';
import { markdownTable } from './table';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const say = (line: string) => process.stderr.write(`  ${line}\n`);

/** Queries drawn from the documents themselves: words in at most three documents, two-word phrases from them, their first letters, and the commonest word. */
const queriesFor = (docs: SearchDoc[]) => {
  const df = new Map<string, number>();
  const seqs = docs.map((d) => wordsOf(`${d.title}\n${d.text}`));
  for (const ws of seqs) for (const w of new Set(ws)) df.set(w, (df.get(w) ?? 0) + 1);
  const rare = [...df].filter(([w, n]) => n <= 3 && w.length >= 6 && /^[a-z]+$/.test(w)).map(([w]) => w);
  const pick = <T>(xs: T[], n: number) => Array.from({ length: Math.min(n, xs.length) }, (_, i) => xs[Math.floor((i * xs.length) / Math.min(n, xs.length))]);
  const rareWords = pick(rare, 40);
  const phrases = pick(
    seqs.flatMap((ws) => ws.slice(0, -1).map((w, i) => [w, ws[i + 1]]).filter(([a, b]) => (df.get(a) ?? 0) <= 30 && a.length > 4 && b.length > 4)),
    40,
  ).map(([a, b]) => `"${a} ${b}"`);
  const partial = rareWords.map((w) => w.slice(0, Math.max(4, w.length - 3)));
  const common = [...df].sort((a, b) => b[1] - a[1]).find(([w]) => w.length > 3)!;
  return { rareWords, phrases, partial, common: common[0], commonShare: common[1] / docs.length };
};

const timeQueries = (engine: SearchEngine, typed: string[], rounds = 1) => {
  const times: number[] = [];
  let found = 0;
  for (let r = 0; r < rounds; r++)
    for (const t of typed) {
      const start = performance.now();
      const hits = engine.search(parseQuery(t));
      for (const h of hits.slice(0, 25)) engine.meta(h.id);
      times.push(performance.now() - start);
      if (hits.length) found++;
    }
  return { p95: pct(times, 95), found: found / rounds, asked: typed.length };
};

export const benchSearch = async (opts: { root: string; scratch: string; years: number[] }): Promise<string> => {
  const rows: string[][] = [];
  const quorumRows: string[][] = [];
  for (const years of opts.years) {
    const data = join(opts.scratch, `search-generated-${years}`);
    execFileSync(process.execPath, ['--import', 'tsx', join(opts.root, 'scripts/gen.ts'), '--years', String(years), '--out', data], { stdio: 'ignore', cwd: opts.root });
    const store = QuorumStore.open(data, { user: 'bench', device: 'bench', mode: 'read' });
    let t = performance.now();
    const docs = allDocuments(store.data);
    const extract = performance.now() - t;
    store.close();
    const textBytes = docs.reduce((n, d) => n + Buffer.byteLength(d.title) + Buffer.byteLength(d.text), 0);
    const part1 = docs.filter((d) => d.part === 1);
    const q = queriesFor(part1);
    say(`search: ${years} years, ${docs.length} documents, ${mb(textBytes)} of text`);
    for (const [name, open] of [['MiniSearch', (f: string) => Promise.resolve(miniSearchEngine(f))], ['SQLite FTS5', fts5Engine]] as const) {
      const folder = join(opts.scratch, `index-${name.replace(/\W/g, '')}-${years}`);
      t = performance.now();
      const engine = await open(folder);
      for (let i = 0; i < part1.length; i += 2000) {
        engine.add(part1.slice(i, i + 2000));
        say(`search: ${name}, ${years} years: ${Math.min(i + 2000, part1.length)} of ${part1.length} documents indexed`);
      }
      engine.save();
      const build = performance.now() - t;
      const rare = timeQueries(engine, q.rareWords, 3);
      const phrase = timeQueries(engine, q.phrases, 3);
      const partial = timeQueries(engine, q.partial, 3);
      const common = timeQueries(engine, [q.common], 20);
      const disk = engine.bytesOnDisk();
      engine.close();
      rows.push([
        `${years} y`,
        name,
        `${part1.length} docs, ${mb(textBytes)} text`,
        `${ms(build + extract)}`,
        `${mb(disk)} (${(disk / textBytes).toFixed(2)}×)`,
        `${ms(rare.p95)} (${rare.found}/${rare.asked} found)`,
        `${ms(phrase.p95)} (${phrase.found}/${phrase.asked})`,
        `${ms(partial.p95)} (${partial.found}/${partial.asked})`,
        `${ms(common.p95)} (“${q.common}”, ${Math.round(q.commonShare * 100)}% of docs)`,
      ]);
    }
    // The whole path the user waits on: SearchIndex over the store's data, snippets included.
    const dir = join(opts.scratch, `quorum-index-${years}`);
    const storeAgain = QuorumStore.open(data, { user: 'bench', device: 'bench', mode: 'read' });
    const index = await SearchIndex.open(dir, { part2: true });
    let steps = 0;
    t = performance.now();
    await index.catchUp(storeAgain.data, () => steps++);
    const firstBuild = performance.now() - t;
    const timed = (typed: string[], rounds: number) => {
      const times: number[] = [];
      for (let r = 0; r < rounds; r++)
        for (const text of typed) {
          const start = performance.now();
          index.search(storeAgain.data, { text, pageSize: 20 }, 'cleared');
          times.push(performance.now() - start);
        }
      return pct(times, 95);
    };
    const rareP95 = timed(q.rareWords, 3);
    const phraseP95 = timed(q.phrases, 3);
    const commonP95 = timed([q.common], 20);
    // A save: one record changed, taken in by the index.
    const record = Object.values(storeAgain.data.records).find((r) => r.type === 'agendaItem')!;
    const changed = { ...storeAgain.data, records: { ...storeAgain.data.records, [record.id]: { ...record, rev: record.rev + 1, title: `${record.title} zygomorphic` } } };
    t = performance.now();
    await index.catchUp(changed as typeof storeAgain.data);
    const saveTakenIn = performance.now() - t;
    const found = index.search(changed as typeof storeAgain.data, { text: 'zygomorphic' }, 'cleared').results.some((r) => r.recordId === record.id);
    const disk = index.bytesOnDisk();
    index.close();
    storeAgain.close();
    const met = firstBuild <= 30_000 && rareP95 <= 100 && phraseP95 <= 100 && commonP95 <= 300 && disk <= 2 * textBytes && saveTakenIn <= 1000 && found;
    quorumRows.push([`${years} year${years === 1 ? '' : 's'}`, `${ms(firstBuild)} (${steps} progress step${steps === 1 ? '' : 's'})`, `${mb(disk)} (${(disk / textBytes).toFixed(2)}×)`, ms(rareP95), ms(phraseP95), `${ms(commonP95)} (“${q.common}”)`, `${ms(saveTakenIn)}${found ? '' : ' (NOT FOUND)'}`, met ? 'met' : 'MISSED']);
  }
  return `${markdownTable(['Size', 'Engine', 'Covers', 'First build', 'On disk (× text)', 'Rare word p95', 'Phrase p95', 'Partial word p95', 'Common word p95'], rows)}\n\nQuorum's search as the app and \`quorum search\` run it (FTS5, Part 1 and Part 2 indexes, the first page of 20 with snippets):\n\n${markdownTable(['Size', 'First build (with progress)', 'Index on disk (× text)', 'Rare word p95', 'Phrase p95', 'Word almost everywhere p95', 'A save taken in', 'Targets met'], quorumRows)}\nTargets: rare words and phrases ≤ 100 ms, a word found almost everywhere ≤ 300 ms, first build ≤ 30 s, index ≤ 2× its text, a save in the index within 1 s.`;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { years: { type: 'string', default: '1,10,40' } } });
  const scratch = mkdtempSync(join(tmpdir(), 'quorum-bench-search-'));
  try {
    console.log(await benchSearch({ root: resolve(import.meta.dirname, '..'), scratch, years: values.years!.split(',').map(Number) }));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
