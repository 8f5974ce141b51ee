import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPaperFile } from '../../main/services/papers';
import { buildPack } from '../../shared/pack/build';
import { exampleData } from '../docxPackage';
import { TEST_NOW, TEST_TODAY } from '../helpers';
import { readWithPandoc } from '../pandoc';

/**
 * Real Word files from other projects' test suites (test/fixtures/corpus/README.md says where each
 * comes from and under which licence): each is imported as a paper, put in a pack, and the pack is
 * read back by pandoc. Every table cell value, heading and list item (with its number) that pandoc
 * finds in the original must be in the pack.
 */
const CORPUS = new URL('../fixtures/corpus/', import.meta.url).pathname;
const files = readdirSync(CORPUS).filter((f) => f.endsWith('.docx')).sort();

describe('real Word papers survive into the pack', () => {
  it('has a corpus to read', () => expect(files.length).toBeGreaterThanOrEqual(10));

  it.each(files)('%s', async (name) => {
    const dir = mkdtempSync(join(tmpdir(), 'quorum-corpus-'));
    const original = readWithPandoc(join(CORPUS, name));
    const paper = await readPaperFile(join(CORPUS, name), dir);
    const data = exampleData(TEST_TODAY);
    const item = data.records['agendaItem:next-4'];
    if (item.type !== 'agendaItem' || !item.paper) throw new Error('the example changed');
    const withPaper = { ...data, records: { ...data.records, [item.id]: { ...item, paper: { ...item.paper, body: paper.body } } } };
    const images = Object.fromEntries(paper.images.map((p) => [p, new Uint8Array(readFileSync(join(dir, p)))]));
    const { bytes } = await buildPack(withPaper, { meetingId: 'meeting:ct-next', variant: 'full', today: TEST_TODAY, builtAt: TEST_NOW, images });
    writeFileSync(join(dir, 'pack.docx'), bytes);
    const pack = readWithPandoc(join(dir, 'pack.docx'));

    for (const cell of original.cells.filter(Boolean)) expect(pack.cells, `table cell “${cell}”`).toContain(cell);
    for (const heading of original.headings.filter(Boolean)) expect(pack.headings.some((h) => h === heading || h.endsWith(` ${heading}`)), `heading “${heading}”`).toBe(true);
    for (const li of original.listItems.filter((l) => l.text))
      expect(pack.listItems, `list item ${li.number ?? '•'} “${li.text}”`).toContainEqual(li.number === null ? expect.objectContaining({ text: li.text }) : { text: li.text, number: li.number });
  });
});
