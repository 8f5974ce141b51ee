import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PANDOC = process.env.QUORUM_PANDOC ?? '/usr/bin/pandoc';

/** What an independent reader (pandoc) finds in a Word file: headings, table cells, list items with their numbers. */
export type ReadBack = { headings: string[]; cells: string[]; listItems: { text: string; number: number | null }[] };

const inlineText = (inlines: unknown): string =>
  (Array.isArray(inlines) ? inlines : [])
    .map((i: { t: string; c?: unknown }) => {
      switch (i.t) {
        case 'Str':
          return i.c as string;
        case 'Space':
        case 'SoftBreak':
        case 'LineBreak':
          return ' ';
        case 'Note':
          return '';
        case 'Code':
        case 'Math':
          return (i.c as unknown[])[1] as string;
        case 'Link':
        case 'Image':
        case 'Span':
          return inlineText((i.c as unknown[])[1]);
        case 'Quoted':
        case 'Cite':
          return inlineText((i.c as unknown[])[1]);
        default:
          return Array.isArray(i.c) ? inlineText(i.c) : '';
      }
    })
    .join('');

const blocksText = (blocks: unknown): string =>
  (Array.isArray(blocks) ? blocks : [])
    .map((b: { t: string; c?: unknown }) => (b.t === 'Para' || b.t === 'Plain' || b.t === 'Header' ? inlineText(b.t === 'Header' ? (b.c as unknown[])[2] : b.c) : ''))
    .filter(Boolean)
    .join(' ');

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A pandoc Table block's cells, head, bodies and foot, row by row: each cell's blocks. */
export const tableCells = (table: { c?: unknown }): unknown[][] => {
  const [, , , head, bodies, foot] = table.c as [unknown, unknown, unknown, [unknown, unknown[]], [unknown, unknown, unknown[], unknown[]][], [unknown, unknown[]]];
  const rows = [...head[1], ...bodies.flatMap((body) => [...body[2], ...body[3]]), ...foot[1]] as [unknown, [unknown, unknown, number, number, unknown[]][]][];
  return rows.flatMap(([, cells]) => cells.map((cell) => cell[4]));
};

/** Reads a .docx with pandoc (its JSON AST) and lists what a reader would check survived. */
export const readWithPandoc = (file: string): ReadBack => {
  if (!existsSync(PANDOC)) throw new Error('pandoc is needed for this test: apt-get install -y --no-install-recommends pandoc (or set QUORUM_PANDOC)');
  const ast = JSON.parse(execFileSync(PANDOC, ['-f', 'docx', '-t', 'json', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as { blocks: unknown[] };
  const out: ReadBack = { headings: [], cells: [], listItems: [] };
  const walk = (blocks: unknown) => {
    for (const b of (Array.isArray(blocks) ? blocks : []) as { t: string; c: unknown }[]) {
      if (b.t === 'Header') out.headings.push(squash(inlineText((b.c as unknown[])[2])));
      else if (b.t === 'BulletList')
        for (const item of b.c as unknown[]) {
          out.listItems.push({ text: squash(blocksText(item)), number: null });
          walk(item);
        }
      else if (b.t === 'OrderedList') {
        const [[start], items] = b.c as [[number], unknown[]];
        (items as unknown[]).forEach((item, i) => {
          out.listItems.push({ text: squash(blocksText(item)), number: start + i });
          walk(item);
        });
      } else if (b.t === 'Table')
        for (const cell of tableCells(b)) {
          out.cells.push(squash(blocksText(cell)));
          walk(cell);
        } else if (b.t === 'BlockQuote' || b.t === 'Div') walk(b.t === 'Div' ? (b.c as unknown[])[1] : b.c);
    }
  };
  walk(ast.blocks);
  return out;
};
