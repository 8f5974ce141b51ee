import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SearchIndex, dropSearchIndex } from '../../main/services/search/searchIndex';
import { listRecords } from '../../shared/data';
import { exampleData } from '../docxPackage';
import { generatePartTwo } from '../fixtures/partTwo';
import { commandSession, tempDir } from '../helpers';

const folders: ReturnType<typeof tempDir>[] = [];
const folder = () => folders[folders.push(tempDir('quorum-search-')) - 1].dir;
const open: SearchIndex[] = [];
const openIndex = async (dir: string, part2: boolean) => open[open.push(await SearchIndex.open(dir, { part2 })) - 1];
afterEach(() => {
  for (const i of open.splice(0)) i.close();
  for (const f of folders.splice(0)) f.cleanup();
});
const text = (r: { snippet: { text: string }[] }) => r.snippet.map((s) => s.text).join('');
const hits = (r: { snippet: { text: string; hit: boolean }[] }) => r.snippet.filter((s) => s.hit).map((s) => s.text);

describe('the search index', () => {
  it('finds a partial word, a plural and an American spelling, with the words marked, grouped counts, and pages', async () => {
    const dir = folder();
    const data = exampleData();
    const index = await openIndex(dir, true);
    const steps: number[] = [];
    await index.catchUp(data, (done) => steps.push(done), 50);
    expect(steps.length).toBeGreaterThan(1);
    const partial = index.search(data, { text: 'safegu' }, 'cleared');
    expect(partial.total).toBeGreaterThan(5);
    expect(hits(partial.results[0]).join(' ').toLowerCase()).toMatch(/safegu/);
    expect(Object.values(partial.byKind).reduce((a, b) => a + (b ?? 0), 0)).toBe(partial.total);
    // No cap: every result is on some page.
    const small = index.search(data, { text: 'safegu', pageSize: 3 }, 'cleared');
    expect(small.pages).toBe(Math.ceil(partial.total / 3));
    expect(index.search(data, { text: 'safegu', pageSize: 3, page: small.pages }, 'cleared').results.length).toBeGreaterThan(0);
    // An American spelling finds the British: "summarized" finds "summarised".
    const us = index.search(data, { text: 'summarized' }, 'cleared');
    expect(us.total).toBeGreaterThan(0);
    expect(us.results.flatMap(hits)).toContain('summarised');
    // A plural finds the singular.
    const plural = index.search(data, { text: 'recommendations' }, 'cleared');
    expect(plural.results.flatMap(hits).map((h) => h.toLowerCase())).toContain('recommendation');
  });

  it('never gives an uncleared officer or the public a Part 2 result, snippet or count, and gives a cleared officer the whole text', async () => {
    const { data, secrets } = generatePartTwo({ open: 2, exempt: 1, paragraph: 3, markdownish: 'Intro', publicTitle: true });
    const token = secrets.find((s) => s.includes('BODY'))!;
    const cleared = await openIndex(folder(), true);
    await cleared.catchUp(data);
    expect(cleared.search(data, { text: token }, 'cleared').total).toBeGreaterThan(0);
    expect(cleared.search(data, { text: token }, 'officer')).toMatchObject({ total: 0, byKind: {} });
    expect(cleared.search(data, { text: token, public: true }, 'cleared')).toMatchObject({ total: 0, byKind: {} });
    // An officer's own index never holds Part 2 at all.
    const officerDir = folder();
    const officer = await openIndex(officerDir, false);
    await officer.catchUp(data);
    expect(officer.search(data, { text: token }, 'cleared').total).toBe(0);
    expect(existsSync(join(officerDir, 'search', 'part2'))).toBe(false);
    // The public title is found, by everyone.
    const shown = officer.search(data, { text: 'Public title next 2' }, 'officer');
    expect(shown.results.map((r) => r.title)).toContain('Public title next 2');
    for (const r of shown.results) for (const s of secrets) expect(`${r.title} ${text(r)}`).not.toContain(s);
  });

  it('takes in a save at once, keeps itself on disk between runs, and rebuilds from the store when deleted', async () => {
    const dir = folder();
    const s = commandSession(exampleData());
    let index = await openIndex(dir, true);
    await index.catchUp(s.state.data);
    const item = listRecords(s.state.data, 'agendaItem').find((i) => i.paper?.status === 'received')!;
    s.run('paper:updateBody', { agendaItemId: item.id, body: `${item.paper!.body}\n\nThe zeugma protocol applies. Audits under s.11 of the Children Act 2004; Schedule 12A paragraph 3.` });
    const started = performance.now();
    expect(await index.catchUp(s.state.data)).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(index.search(s.state.data, { text: 'zeugma' }, 'cleared').results.map((r) => r.recordId)).toEqual([item.id]);
    // References as written: s.11 and 12A, not "s", "11" or "12".
    for (const ref of ['s.11', '12A']) expect(index.search(s.state.data, { text: ref }, 'cleared').results.map((r) => r.recordId)).toContain(item.id);
    expect(index.search(s.state.data, { text: 's.11' }, 'cleared').results.flatMap((r) => r.snippet.filter((p) => p.hit).map((p) => p.text))).toContain('s.11');
    index.close();
    open.splice(0);
    // Reopened: nothing to catch up, and the word is still found.
    index = await openIndex(dir, true);
    expect(await index.catchUp(s.state.data)).toBe(0);
    expect(index.search(s.state.data, { text: 'zeugma' }, 'cleared').total).toBe(1);
    index.close();
    open.splice(0);
    dropSearchIndex(dir);
    index = await openIndex(dir, true);
    expect(await index.catchUp(s.state.data)).toBeGreaterThan(100);
    expect(index.search(s.state.data, { text: '"zeugma protocol"' }, 'cleared').total).toBe(1);
    expect(index.search(s.state.data, { text: '"protocol zeugma"' }, 'cleared').total).toBe(0);
  });
});
