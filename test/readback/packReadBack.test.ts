import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuorumStore } from '../../main/services/store/store';
import { buildPackFile } from '../../main/services/packs';
import { tempDir, testClock } from '../helpers';
import { convertWithLibreOffice } from '../soffice';

/** Each package converted by LibreOffice once, for every test that reads its PDF. */
const pdfs = new Map<string, string>();
const pdfOf = (docx: string): string => pdfs.get(docx) ?? pdfs.set(docx, convertWithLibreOffice(docx, 'pdf')).get(docx)!;
import { loadExample } from '../../main/services/example';
import { WAIT } from '../waits';


/** The real package, read back by two other readers: mammoth (as an import would) and LibreOffice. */
describe('a built pack read back', () => {
  const t = tempDir();
  let file = '';
  /** The Safeguarding Partnership's public pack: its board name is too long for one line of the cover's title. */
  let wrappedTitle = '';
  beforeAll(async () => {
    const store = QuorumStore.open(join(t.dir, 'data'), { user: 'test', device: 'test', clock: testClock() });
    await loadExample(store);
    const next = Object.values(store.data.records).find((r) => r.id === 'meeting:ct-next');
    if (!next) throw new Error('the example has no next meeting');
    file = (await buildPackFile(store, { meetingId: next.id, variant: 'full', out: join(t.dir, 'full.docx'), clock: store.clock, overrideReason: 'papers to follow' })).file;
    wrappedTitle = (await buildPackFile(store, { meetingId: 'meeting:scp-next', variant: 'public', out: join(t.dir, 'scp.docx'), clock: store.clock, overrideReason: 'papers to follow' })).file;
    store.close();
  });
  afterAll(() => t.cleanup());

  it('keeps its headings, tables and links for another Word reader', async () => {
    const { value } = await mammoth.convertToHtml({ buffer: readFileSync(file) });
    const html = value.replace(/<a id="_Toc\d+"><\/a>/g, "");  // the contents field bookmarks each heading
    expect(html).toContain('<h1>Agenda</h1>');
    expect(html).toContain('<h1>Item 4: Improvement plan: progress report</h1>');
    expect(html).toContain('<h2>Cover sheet</h2>');
    expect(html).toMatch(/<th><p><strong>Theme<\/strong><\/p><\/th>/);
    expect(html).toContain('href="https://www.gov.uk/government/publications/inspecting-local-authority-childrens-services-from-2018"');
  });

  it('opens in LibreOffice and converts to a PDF with its pages numbered', () => {
    const pdf = pdfOf(file);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThan(10);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain('Item 4: Improvement plan: progress report');
    expect(text).toContain('Exclusion of the press and public');
    expect(text).toMatch(/Eastmere Children’s Trust Board · \d+ \w+ \d{4} · Item 4/);
  }, WAIT.readBack);

  it('shows each contents line’s page number in LibreOffice with no PDF built first, and each is the page its heading is on', () => {
    const pdf = pdfOf(file);
    const pageText = (n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
    const lines = [...pageText(2).matchAll(/^(\S.*?)\.{3,}\s*(\d+)\s*$/gm)].map((m) => ({ heading: m[1].trim(), page: Number(m[2]) }));
    // Every part of the pack, from the agenda to the Part 2 paper.
    expect(lines.map((l) => l.heading)).toEqual(expect.arrayContaining(['Agenda', 'Action log', 'Item 4: Improvement plan: progress report', 'Exclusion of the press and public']));
    expect(lines.length).toBeGreaterThan(10);
    for (const { heading, page } of lines) {
      // The heading opens that page, under the running header (a long one wraps, so its first words).
      const opening = pageText(page).split('\n').map((l) => l.trim()).slice(0, 8);
      expect(opening.some((l) => l.startsWith(heading.slice(0, 40))), `${heading} on page ${page}: ${opening.join(' | ')}`).toBe(true);
    }
    expect(lines.map((l) => l.page)).toEqual([...lines.map((l) => l.page)].sort((a, b) => a - b));
  }, WAIT.readBack);

  it('prints no line of a paragraph over the one before it in LibreOffice, a board name that wraps on the cover included', () => {
    for (const docx of [file, wrappedTitle]) {
      const pdf = pdfOf(docx);
      const crowded = crowdedLines(execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' }));
      expect(crowded, docx).toEqual([]);
    }
    const cover = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdfOf(wrappedTitle), '-'], { encoding: 'utf8' });
    expect(cover).toMatch(/Eastmere Safeguarding Children\s*\n\s*Partnership/);
  }, WAIT.readBack);
});

/**
 * Lines of one paragraph set closer than their type allows, from pdftotext's boxes: each line's box
 * is its font's full height, and a line set at its font's own height starts at least three-quarters
 * of a box below the one before (a 26 pt title held to 13.8 pt lines starts two-fifths of one below).
 */
const crowdedLines = (bboxHtml: string): string[] => {
  const crowded: string[] = [];
  for (const block of bboxHtml.split('<block ').slice(1)) {
    const lines = [...block.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((m) => ({
      top: Number(m[1]),
      height: Number(m[2]) - Number(m[1]),
      text: [...m[3].matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(' '),
    }));
    for (let i = 1; i < lines.length; i++) {
      const [above, line] = [lines[i - 1], lines[i]];
      if (line.top - above.top < 0.75 * Math.max(above.height, line.height)) crowded.push(`“${above.text}” / “${line.text}”: ${(line.top - above.top).toFixed(1)} pt apart, ${above.height.toFixed(1)} pt tall`);
    }
  }
  return crowded;
};
