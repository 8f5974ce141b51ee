import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../e2e/browser';
import { QuorumStore } from '../../main/services/store/store';
import { publishSite, PUBLICATION_MANIFEST } from '../../main/services/publish';
import { launchChromiumPrinter } from '../../main/services/pdf/chromiumPrinter';
import { generatePartTwo } from '../fixtures/partTwo';
import { TEST_TODAY, tempDir } from '../helpers';
import { WAIT } from '../waits';

const run = promisify(execFile);
const QUORUM = resolve(import.meta.dirname, '../../bin/quorum.js');

const filesIn = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesIn(path) : [path];
  });

const publish = (data: string, out: string, ...extra: string[]) =>
  run(process.execPath, [QUORUM, 'publish', '--data', data, '--out', out, '--json', '--today', TEST_TODAY, ...extra]).then((r) => JSON.parse(r.stdout) as { written: string[]; unchanged: number; removed: string[] });

describe('the publication folder (quorum publish)', () => {
  const t = tempDir();
  const data = join(t.dir, 'data');
  const site = join(t.dir, 'site');
  let browser: Browser;
  let first: Awaited<ReturnType<typeof publish>>;

  beforeAll(async () => {
    await run(process.execPath, [QUORUM, 'example', '--data', data, '--today', TEST_TODAY]);
    first = await publish(data, site);
    browser = await launchChromium();
  }, WAIT.readBack);
  afterAll(async () => {
    await browser?.close();
    t.cleanup();
  });

  it('writes each board’s meetings with agenda, public papers, approved minutes, decisions, action log, forward plan and the PDF pack, linked relatively', async () => {
    const files = filesIn(site).map((f) => relative(site, f));
    expect(first.written.length).toBeGreaterThan(20);
    expect(files).toEqual(expect.arrayContaining(['index.html', 'style.css', 'childrens-trust/index.html', 'childrens-trust/forward-plan.html', 'childrens-trust/2026-12-15/index.html', 'childrens-trust/2026-12-15/item-4.html', 'childrens-trust/2026-12-15/actions.html', 'childrens-trust/2026-12-15/pack.pdf']));
    // The last meeting's minutes are not yet approved: no minutes page, and the page says so.
    const held = readFileSync(join(site, 'childrens-trust/2026-10-13/index.html'), 'utf8');
    expect(held).toContain('The minutes will be published once the board approves them.');
    expect(files.some((f) => /minutes\.html$/.test(f))).toBe(true);
    // Every link and picture on every page points inside the folder, relatively, at a file that is there.
    for (const page of files.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(site, page), 'utf8');
      for (const [, href] of html.matchAll(/(?:href|src)="([^"#]+)(?:#[^"]*)?"/g)) {
        if (/^(https?:|mailto:)/.test(href)) continue;
        expect(href.startsWith('/'), `${page} links to ${href}`).toBe(false);
        expect(existsSync(join(site, dirname(page), href)), `${page} links to ${href}, which is missing`).toBe(true);
      }
      // Only the search page runs a script: the site's own two, beside it.
      if (page === 'search.html') expect([...html.matchAll(/<script[^>]*>/gi)].map((m) => m[0])).toEqual(['<script src="search-index.js">', '<script src="search.js">']);
      else expect(html, page).not.toMatch(/<script/i);
    }
    expect(execFileSync('pdfinfo', [join(site, 'childrens-trust/2026-12-15/pack.pdf')], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
  }, WAIT.readBack);

  it('searches its own public pages in the browser, with no server: partial words, other spellings, phrases, the words marked', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const results = async (q: string) => {
      await page.goto(`${pathToFileURL(join(site, 'search.html')).href}?q=${encodeURIComponent(q)}`);
      const status = await page.getByRole('status').innerText();
      return { status, links: await page.locator('#site-search-results li a').allInnerTexts(), marked: await page.locator('#site-search-results mark').allInnerTexts() };
    };
    const partial = await results('safegu');
    expect(partial.status).toMatch(/^\d+ pages? found for “safegu”\.$/);
    expect(partial.marked.map((m) => m.toLowerCase())).toContain('safeguarding');
    // An American spelling and a plural find the British singular (the app's own normaliser, run in the browser).
    expect((await results('summarized')).marked).toContain('summarised');
    const phrase = await results('"improvement plan"');
    expect(phrase.links.length).toBeGreaterThan(0);
    expect((await results('"plan improvement"')).status).toBe('Nothing found for “"plan improvement"”.');
    // From the box, as a visitor types.
    await page.getByRole('searchbox', { name: /Words to find/ }).fill('neglec');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toMatch(/found for “neglec”/);
    await page.locator('#site-search-results li a').first().click();
    await page.waitForURL(/\.html$/);
    expect(page.url()).not.toMatch(/search\.html/);
    await context.close();
  }, WAIT.readBack);

  it('passes axe-core with no violations on every page', async () => {
    const pages = filesIn(site).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const file of pages) {
      await page.goto(pathToFileURL(file).href);
      const { violations } = await new AxeBuilder({ page: page as never }).analyze();
      expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.html).join(', ')})`), relative(site, file)).toEqual([]);
    }
    await context.close();
  }, WAIT.readBack);

  it('reads on a phone (390 px wide) without sideways scrolling, and has no empty table header cell', async () => {
    const pages = filesIn(site).filter((f) => f.endsWith('.html'));
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const wide: string[] = [];
    const emptyHeaders: string[] = [];
    for (const file of pages) {
      await page.goto(pathToFileURL(file).href);
      // Run in the page (a string, so the node typings need not know the DOM).
      const { scrollWidth, width, empty } = (await page.evaluate(`({
        scrollWidth: document.documentElement.scrollWidth,
        width: window.innerWidth,
        empty: Array.from(document.querySelectorAll('th')).filter((th) => !th.textContent.trim()).length,
      })`)) as { scrollWidth: number; width: number; empty: number };
      if (scrollWidth > width) wide.push(`${relative(site, file)} (${scrollWidth} px)`);
      if (empty) emptyHeaders.push(`${relative(site, file)} (${empty})`);
    }
    expect(wide).toEqual([]);
    expect(emptyHeaders).toEqual([]);
    await context.close();
  }, WAIT.readBack);

  it('writes only what changed when published again, lists it, and removes a paper moved into Part 2', async () => {
    expect(await publish(data, site)).toMatchObject({ written: [], removed: [] });
    const store = QuorumStore.open(data, { user: 'test', device: 'test' });
    const item = store.data.records['agendaItem:next-4'];
    if (item.type !== 'agendaItem') throw new Error('example changed');
    await store.run('agenda:setPartTwo', { agendaItemId: item.id, part2: { paragraph: 3, reason: 'Commercial terms of a contract' }, expectedRev: item.rev });
    store.close();
    const again = await publish(data, site);
    expect(again.removed).toEqual(['childrens-trust/2026-12-15/item-4.html']);
    expect(again.written).toEqual(expect.arrayContaining(['childrens-trust/2026-12-15/index.html', 'childrens-trust/2026-12-15/pack.pdf']));
    // The board's own pages, and the site's search index, which no longer holds the paper's words.
    expect(again.written.filter((f) => !f.startsWith('childrens-trust/'))).toEqual(['search-index.js']);
    const searchable = readFileSync(join(site, 'search-index.js'), 'utf8');
    expect(searchable).not.toContain('childrens-trust/2026-12-15/item-4.html');
    expect(existsSync(join(site, 'childrens-trust/2026-12-15/item-4.html'))).toBe(false);
    expect(readFileSync(join(site, 'childrens-trust/2026-12-15/index.html'), 'utf8')).toContain('Part 2: exempt under Schedule 12A, paragraph 3');
    expect(JSON.parse(readFileSync(join(site, PUBLICATION_MANIFEST), 'utf8')).files).not.toHaveProperty(['childrens-trust/2026-12-15/item-4.html']);
  }, WAIT.readBack);

  it('refuses a date it cannot read and a folder inside the data folder', async () => {
    await expect(run(process.execPath, [QUORUM, 'publish', '--data', data, '--out', site, '--since', '12/01/2026'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--since takes a date as YYYY-MM-DD') });
    await expect(run(process.execPath, [QUORUM, 'publish', '--data', data, '--out', join(data, 'web')])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('outside the data folder') });
  });
});

describe('the publication folder and Part 2', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());

  it('holds no Part 2 text in any page, picture or PDF', async () => {
    for (const spec of [
      { open: 2, exempt: 2, paragraph: 3 as const, markdownish: '# Heading', publicTitle: true },
      { open: 1, exempt: 1, paragraph: 5 as const, markdownish: '- a\n- b', publicTitle: false },
    ]) {
      const { data, secrets } = generatePartTwo(spec);
      const out = join(t.dir, `site-${spec.paragraph}`);
      await publishSite(data, join(t.dir, 'no-data'), out, { today: '2026-11-20', holidays: new Set(), since: '2026-01-01', printer: () => launchChromiumPrinter() });
      const files = filesIn(out);
      expect(files.some((f) => f.endsWith('.pdf'))).toBe(true);
      for (const file of files) {
        const text = file.endsWith('.pdf') ? `${execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })}\n${execFileSync('pdfinfo', [file], { encoding: 'utf8' })}` : readFileSync(file, 'utf8');
        for (const s of secrets) expect(text.includes(s), `${s} in ${relative(out, file)}`).toBe(false);
      }
      // The public titles and paragraphs are there, so the absence above is not an empty site.
      const meeting = readFileSync(join(out, 'hwb/2026-12-01/index.html'), 'utf8');
      expect(meeting).toContain(`exempt under Schedule 12A, paragraph ${spec.paragraph}`);
    }
  }, WAIT.readBack);
});
