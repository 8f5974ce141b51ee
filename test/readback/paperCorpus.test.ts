import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { diffArrays } from 'diff';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPaperFile } from '../../main/services/papers';
import { buildPack } from '../../shared/pack/build';
import { exampleData } from '../docxPackage';
import { TEST_NOW, TEST_TODAY } from '../helpers';
import { PANDOC, tableCells } from '../pandoc';
import { numberedByLibreOffice, savedByLibreOffice } from '../soffice';
import { WAIT } from '../waits';
import { attr, kids, parseXml, tagOf, type XNode } from '../../shared/ooxml';
import { charactersPaper, councilNumberedPaper, dropCapPaper, footnotesWithOddIds, mergedCellsPaper, numberedPaper, paperWithContents, reviewedPaper, skippedColumnsPaper, unsupportedPicturePaper, wordPaper } from '../fixtures/papers';

/**
 * Issue: nothing a paper says is lost. Done when every paper of a corpus, imported and put in a
 * board pack, says what an independent reading of the source (pandoc) says, character for
 * character, but for a reviewed list of intended differences. The corpus: the third-party Word
 * files in test/fixtures/corpus, papers built here for each point of the issue as Word writes
 * them (the docx library, and WordprocessingML for what it does not write), the same papers saved
 * again by LibreOffice, and papers written by pandoc from Markdown.
 */
const CORPUS = new URL('../fixtures/corpus/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'quorum-paper-corpus-'));
const START = 'QUORUM CORPUS START';
const END = 'QUORUM CORPUS END';

type Block = { t: string; c?: unknown };
type Entry = { text: string; toc?: boolean };

const ROMAN: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
/** A list item's number as pandoc's list attributes say it is shown (its ListNumberStyle and ListNumberDelim). */
const listNumber = (n: number, style: string, delim: string) => {
  let roman = '';
  for (let k = n, i = 0; k > 0; ) if (k >= ROMAN[i][0]) [roman, k] = [roman + ROMAN[i][1], k - ROMAN[i][0]]; else i++;
  const letters = String.fromCharCode(96 + (((n - 1) % 26) + 1));
  const shown = style === 'LowerAlpha' ? letters : style === 'UpperAlpha' ? letters.toUpperCase() : style === 'LowerRoman' ? roman : style === 'UpperRoman' ? roman.toUpperCase() : String(n);
  return delim === 'OneParen' ? `${shown})` : delim === 'TwoParens' ? `(${shown})` : `${shown}.`;
};

/** A document as pandoc reads it: each paragraph, heading, list item's paragraph and table cell, in order, with each note as "[n]" and the notes after. */
const entriesOf = (blocks: readonly Block[], withNotes: boolean): Entry[] => {
  const notes: string[] = [];
  const out: Entry[] = [];
  const inline = (inlines: unknown): string =>
    (Array.isArray(inlines) ? inlines : [])
      .map((i: Block) => {
        switch (i.t) {
          case 'Str':
            return i.c as string;
          case 'Space':
          case 'SoftBreak':
          case 'LineBreak':
            return ' ';
          case 'Note': {
            const inner: Entry[] = [];
            walk(i.c as Block[], inner);
            return `[${notes.push(inner.map((e) => e.text).join(' '))}]`;
          }
          case 'Code':
          case 'Math':
            return (i.c as unknown[])[1] as string;
          case 'Quoted':
            return `${(i.c as [{ t: string }])[0].t === 'SingleQuote' ? '‘' : '“'}${inline((i.c as unknown[])[1])}${(i.c as [{ t: string }])[0].t === 'SingleQuote' ? '’' : '”'}`;
          case 'Link':
          case 'Image':
          case 'Span':
          case 'Cite':
            return inline((i.c as unknown[])[1]);
          default:
            return Array.isArray(i.c) ? inline(i.c) : '';
        }
      })
      .join('');
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  const walk = (bs: readonly Block[], into: Entry[]) => {
    for (const b of bs) {
      if (b.t === 'Para' || b.t === 'Plain') {
        const inlines = b.c as Block[];
        const text = squash(inline(inlines));
        // A line of the paper's own contents: only a link to a heading in the document (pandoc turns a _Toc bookmark into the heading's id).
        const toc = inlines.length > 0 && inlines.every((i) => i.t === 'Space' || (i.t === 'Link' && String(((i.c as unknown[])[2] as unknown[])[0]).startsWith('#')));
        if (text) into.push({ text, ...(toc ? { toc } : {}) });
      } else if (b.t === 'Header') {
        const text = squash(inline((b.c as unknown[])[2]));
        if (text) into.push({ text });
      } else if (b.t === 'CodeBlock') into.push({ text: squash((b.c as unknown[])[1] as string) });
      else if (b.t === 'BulletList') for (const item of b.c as Block[][]) walk(item, into);
      else if (b.t === 'OrderedList') {
        // Each item as a reader sees it, with its number: "1.", "b)", "(iv)".
        const [[start, style, delim], items] = b.c as [[number, { t: string }, { t: string }], Block[][]];
        items.forEach((item, k) => {
          const inner: Entry[] = [];
          walk(item, inner);
          if (inner[0]) inner[0] = { ...inner[0], text: `${listNumber(start + k, style.t, delim.t)} ${inner[0].text}` };
          into.push(...inner);
        });
      }
      else if (b.t === 'BlockQuote') walk(b.c as Block[], into);
      else if (b.t === 'Div') walk((b.c as [unknown, Block[]])[1], into);
      else if (b.t === 'Table') for (const cell of tableCells(b)) walk(cell as Block[], into);
    }
  };
  walk(blocks, out);
  // The notes as the pack prints them: under "Notes", numbered as their references are.
  if (withNotes && notes.length) out.push({ text: 'Notes' }, ...notes.map((text, k) => ({ text: `${k + 1}. ${text}` })));
  return out;
};
const pandocBlocks = (file: string): Block[] => (JSON.parse(execFileSync(PANDOC, ['-f', 'docx', '-t', 'json', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as { blocks: Block[] }).blocks;

/** The paper as the board pack prints it: its body between two marker paragraphs, read back from the pack by pandoc. */
const packEntries = async (file: string): Promise<{ entries: Entry[]; notes: string[] }> => {
  const work = mkdtempSync(join(dir, 'paper-'));
  const paper = await readPaperFile(file, work);
  const data = exampleData(TEST_TODAY);
  const item = data.records['agendaItem:next-4'];
  if (item.type !== 'agendaItem' || !item.paper) throw new Error('the example changed');
  const body = `${START}\n\n${paper.body}\n\n${END}`;
  const withPaper = { ...data, records: { ...data.records, [item.id]: { ...item, paper: { ...item.paper, body } } } };
  const images = Object.fromEntries(paper.images.map((p) => [p, new Uint8Array(readFileSync(join(work, p)))]));
  const { bytes } = await buildPack(withPaper, { meetingId: 'meeting:ct-next', variant: 'full', today: TEST_TODAY, builtAt: TEST_NOW, images });
  writeFileSync(join(work, 'pack.docx'), bytes);
  const all = entriesOf(pandocBlocks(join(work, 'pack.docx')), false);
  const from = all.findIndex((e) => e.text === START);
  const to = all.findIndex((e) => e.text === END);
  return { entries: all.slice(from + 1, to), notes: paper.notes };
};

/**
 * The intended differences, each reviewed: what Quorum does on purpose that pandoc does not.
 * Each takes the source's reading and Quorum's, and says whether the difference is this one.
 */
type Difference = { name: string; source: string[]; quorum: string[] };
/** The number pandoc gives a list item (listNumber). */
const PANDOC_NUMBER = /^\(?(?:[0-9]+|[a-zA-Z]+)[.)]\s/;
const WORD_NUMBER = /^(?:\(?[0-9]{1,3}(?:\.[0-9]{1,3})*[.)]?|\(?[a-z]{1,4}[.)]|\([a-z]{1,4}\)|[A-Z][.)])\s/;
const INTENDED: { name: string; why: string; explains: (d: Difference, source: SourceFacts) => boolean }[] = [
  {
    name: 'Word’s numbers',
    why: 'A numbered paragraph or heading keeps the number Word gives it (1.1, (b), a list continued after a paragraph, 2. Background), as LibreOffice also reads it (a list Word punctuates “1)” is a pack list, printed “1.”); pandoc numbers each list from 1 itself and headings not at all.',
    explains: (d, s) =>
      d.source.length === d.quorum.length && d.quorum.every((q, i) => q !== d.source[i] && s.numberedByLibreOffice.has(q) && q.replace(WORD_NUMBER, '') === d.source[i].replace(PANDOC_NUMBER, '')),
  },
  {
    name: 'the paper’s own contents',
    why: 'A paper’s table of contents (links to its _Toc bookmarks) is left out: the pack has its own.',
    explains: (d, s) => d.quorum.length === 0 && d.source.every((t) => s.toc.has(t)),
  },
  {
    name: 'text in the lower part of a merged cell',
    why: 'Text Word keeps in a cell that continues a vertical merge is kept, in a cell of its own; pandoc drops it.',
    explains: (d, s) => d.source.length === 0 && d.quorum.length > 0 && d.quorum.every((t) => s.mergedAway.has(t)),
  },
  {
    name: 'a picture that cannot be kept',
    why: 'A picture in a format a Word pack cannot hold is named in the text (“Picture not imported”), so the reader knows it was there.',
    explains: (d) => d.source.length <= 1 && d.quorum.length > 0 && d.quorum.every((t) => /^\[Picture not imported \([^)]+\)/.test(t)),
  },
  {
    name: 'a table inside a table’s cell',
    why: 'A table in a cell follows the table it was in (a pack table cannot hold one), and the cell’s own paragraphs stay together in their cell, one line each.',
    explains: (d, s) => d.source.length > 0 && s.cellsAroundTables.some((cell) => d.source.every((t) => cell.includes(t)) && (d.quorum.length === 0 || (d.quorum.length === 1 && d.quorum[0] === cell.join(' ')))),
  },
  {
    name: 'a table pandoc leaves out',
    why: 'pandoc drops a table whose rows skip grid columns (w:gridBefore, w:gridAfter); Quorum keeps it, each value in its column.',
    explains: (d, s) => d.source.length === 0 && d.quorum.length > 0 && d.quorum.every((t) => s.skippedGridCells.has(t)),
  },
];

/**
 * What the source file holds that a rule needs to know, read from its WordprocessingML: its contents
 * lines, text in the lower part of merged cells, the paragraphs of cells that hold a table, and the
 * cells of tables whose rows skip grid columns.
 */
type SourceFacts = { toc: Set<string>; mergedAway: Set<string>; cellsAroundTables: string[][]; skippedGridCells: Set<string>; numberedByLibreOffice: Set<string> };
const sourceFacts = (file: string, entries: Entry[], labels: readonly string[]): SourceFacts => {
  const xml = strFromU8(unzipSync(readFileSync(file), { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'] ?? new Uint8Array());
  const textOf = (nodes: XNode[]): string => nodes.map((n) => (tagOf(n) === 'w:t' ? kids(n).map((c) => String(c['#text'] ?? '')).join('') : tagOf(n) === 'w:tbl' ? '' : textOf(kids(n)))).join('');
  const squash = (t: string) => t.replace(/\s+/g, ' ').trim();
  const holds = (n: XNode, tag: string): boolean => kids(n).some((k) => tagOf(k) === tag || holds(k, tag));
  // LibreOffice's "1)" and "a)" as the pack prints them ("1.", "a."): the punctuation is the pack's own (rule: a list's punctuation).
  const numberedByLibreOffice = new Set(labels.flatMap((l) => [l, l.replace(/^(\w+)\)\s/, '$1. ')]));
  const facts: SourceFacts = { toc: new Set(entries.filter((e) => e.toc).map((e) => e.text)), mergedAway: new Set(), cellsAroundTables: [], skippedGridCells: new Set(), numberedByLibreOffice };
  const walk = (nodes: XNode[], skippedGrid: boolean) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:tbl') {
        walk(kids(n), holds(n, 'w:gridBefore') || holds(n, 'w:gridAfter'));
        continue;
      }
      if (tag === 'w:tc') {
        const own = kids(n);
        const props = own.find((k) => tagOf(k) === 'w:tcPr');
        const merge = props ? kids(props).find((k) => tagOf(k) === 'w:vMerge') : undefined;
        const text = squash(textOf(own));
        if (merge && (attr(merge, 'w:val') || 'continue') === 'continue' && text) facts.mergedAway.add(text);
        if (own.some((k) => tagOf(k) === 'w:tbl')) facts.cellsAroundTables.push(own.filter((k) => tagOf(k) === 'w:p').map((p) => squash(textOf([p]))).filter(Boolean));
        if (skippedGrid) for (const p of own.filter((k) => tagOf(k) === 'w:p')) if (squash(textOf([p]))) facts.skippedGridCells.add(squash(textOf([p])));
      }
      walk(kids(n), skippedGrid);
    }
  };
  walk(parseXml(xml), false);
  return facts;
};

/** Source and pack compared entry by entry; what differs and is not an intended difference is returned, in words. */
const unexplained = (source: Entry[], quorum: Entry[], facts: SourceFacts): { unexplained: string[]; used: Set<string> } => {
  const used = new Set<string>();
  const out: string[] = [];
  const parts = diffArrays(
    source.map((e) => e.text),
    quorum.map((e) => e.text),
  );
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (!p.added && !p.removed) continue;
    // A change is a removed run and the added run after it (or either alone).
    const removed = p.removed ? p.value : [];
    const added = p.added ? p.value : parts[i + 1]?.added && p.removed ? parts[++i].value : [];
    const d = { name: '', source: removed, quorum: added };
    const rule = INTENDED.find((r) => r.explains(d, facts));
    if (rule) used.add(rule.name);
    else out.push(`pandoc read ${JSON.stringify(removed)} where the pack says ${JSON.stringify(added)}`);
  }
  return { unexplained: out, used };
};

/** Every paper of the corpus: name and file. */
const papers: { name: string; file: string }[] = [];

beforeAll(async () => {
  for (const f of readdirSync(CORPUS).filter((x) => x.endsWith('.docx')).sort()) papers.push({ name: `third party: ${f}`, file: join(CORPUS, f) });
  const made: [string, Buffer][] = [
    ['council-numbered.docx', await councilNumberedPaper()],
    ['notes-odd-ids.docx', await footnotesWithOddIds()],
    ['skipped-columns.docx', await skippedColumnsPaper()],
    ['drop-cap.docx', await dropCapPaper()],
    ['characters.docx', await charactersPaper()],
    ['merged-cells.docx', await mergedCellsPaper()],
    ['numbered.docx', await numberedPaper()],
    ['reviewed.docx', await reviewedPaper()],
    ['briefing.docx', await wordPaper()],
    ['tiff-picture.docx', await unsupportedPicturePaper()],
    ['own-contents.docx', await paperWithContents()],
  ];
  const word = made.map(([name, bytes]) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    papers.push({ name: `as Word writes it: ${name}`, file });
    return file;
  });
  // The same papers saved again by LibreOffice (File > Save as Word): its own ids, numbering and table markup.
  const byLibreOffice = mkdtempSync(join(dir, 'lo-'));
  for (const file of savedByLibreOffice(word)) {
    const copy = join(byLibreOffice, basename(file));
    writeFileSync(copy, readFileSync(file));
    papers.push({ name: `saved by LibreOffice: ${basename(file)}`, file: copy });
  }
  // Papers pandoc writes from Markdown: its own footnote ids (from 20), lists and tables.
  const markdown = {
    'pandoc-paper.docx': [
      '# Neglect audit',
      '',
      'The audit read 40 cases[^1] across R&D and social care; costs < £5k & > £1k. Reply to <name> by <<deadline>>.',
      '',
      '1. Chronologies were missing in 12 cases.',
      '2. Graded care profiles were used in 31.',
      '   - most by health visitors;',
      '   - some by schools.',
      '',
      '| Partner | Cases | Share |',
      '| --- | --- | --- |',
      '| Police | 12 | 30% |',
      '| Health | 28 | 70% |',
      '',
      'The site is 40 m^2^ and CO~2~ fell.[^2]',
      '',
      '[^1]: Audit of March 2026.',
      '[^2]: Measured by the estates team.',
    ].join('\n'),
  };
  for (const [name, text] of Object.entries(markdown)) {
    const source = join(dir, name.replace(/\.docx$/, '.md'));
    writeFileSync(source, text);
    const file = join(dir, name);
    execFileSync(PANDOC, ['-f', 'markdown', '-t', 'docx', source, '-o', file]);
    papers.push({ name: `written by pandoc: ${name}`, file });
  }
}, WAIT.readBack);
afterAll(() => execFileSync('rm', ['-rf', dir]));

describe('every paper says in the pack what it says in Word', () => {
  it('imports the whole corpus (third-party, Word-, LibreOffice- and pandoc-written), each character as pandoc reads it but for reviewed differences', async () => {
    expect(papers.length).toBeGreaterThanOrEqual(30);
    const report: string[] = [];
    const rulesUsed = new Set<string>();
    const labels = numberedByLibreOffice(papers.map((p) => p.file));
    for (const { name, file } of papers) {
      const source = entriesOf(pandocBlocks(file), true);
      const { entries } = await packEntries(file);
      const { unexplained: left, used } = unexplained(source, entries, sourceFacts(file, source, labels[file] ?? []));
      for (const u of used) rulesUsed.add(u);
      if (left.length) report.push(`${name}:\n  ${left.join('\n  ')}`);
      console.log(`${name}: ${source.length} paragraphs and cells, ${source.reduce((n, e) => n + e.text.length, 0).toLocaleString('en-GB')} characters${used.size ? `; intended: ${[...used].join(', ')}` : ''}`);
    }
    expect(report).toEqual([]);
    // Each reviewed difference is met somewhere in the corpus: none is a rule that never fires.
    expect([...rulesUsed].sort()).toEqual(INTENDED.map((r) => r.name).sort());
  }, WAIT.readBack * 4);
});
