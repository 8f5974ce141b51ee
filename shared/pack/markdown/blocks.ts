import { AlignmentType, BorderStyle, HeadingLevel, Paragraph, Table, TableCell, TableOfContents, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import { Lexer, type Token, type Tokens } from 'marked';
import { inlineRuns, plainText } from './inline';
import { xmlSafe } from './text';
import { WIDE_TABLE_COLUMNS, type MarkdownContext } from './context';
import { LANDSCAPE_TEXT_WIDTH, PORTRAIT_TEXT_WIDTH } from '../docx/page';
import { HEADER_SHADING, TABLE_BORDERS } from '../docx/style';
import { fitColumns } from '../docx/columns';

export type Block = Paragraph | Table | TableOfContents;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
export const headingLevel = (level: number) => HEADINGS[Math.min(Math.max(level, 1), 6) - 1];

const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;

/** Markdown as the store keeps it, read with GitHub's dialect (tables, task lists, strikethrough). */
export const lexMarkdown = (markdown: string): Token[] => new Lexer({ gfm: true, breaks: false }).lex(markdown);

/** The open headings above the current point: each Markdown depth with the Word level it was given. */
type State = { ctx: MarkdownContext; open: { depth: number; level: number }[] };

/**
 * Markdown to Word blocks. Headings nest by their relative depth under `ctx.headingBase` (the
 * item's own heading): the first goes one level below it, a deeper one one level further, and
 * siblings stay equal, so a paper that starts at `###` never skips a level and two `###` in a row
 * are both the same Word heading. The navigation pane and the contents read in order.
 */
export const markdownToBlocks = (markdown: string, ctx: MarkdownContext): Block[] => {
  const state: State = { ctx, open: [] };
  return blocks(lexMarkdown(markdown), state, { quote: false });
};

type Where = { quote: boolean };

const blocks = (tokens: readonly Token[], state: State, where: Where): Block[] => {
  const out: Block[] = [];
  for (const t of tokens) out.push(...block(t, state, where));
  return out;
};

const paragraph = (children: ParagraphChild[], where: Where) =>
  new Paragraph({ children, ...(where.quote ? { style: 'Quote' } : {}) });

const block = (t: Token, state: State, where: Where): Block[] => {
  const { ctx } = state;
  switch (t.type) {
    case 'heading': {
      const text = plainText(t.tokens).trim();
      if (!text) return []; // an empty heading is noise to a screen reader: leave it out
      const depth = (t as Tokens.Heading).depth;
      while (state.open.length && state.open[state.open.length - 1].depth >= depth) state.open.pop();
      const level = Math.min((state.open.at(-1)?.level ?? ctx.headingBase) + 1, 6);
      state.open.push({ depth, level });
      return [new Paragraph({ heading: headingLevel(level), children: inlineRuns(t.tokens, ctx) })];
    }
    case 'paragraph':
    case 'text':
      return [paragraph('tokens' in t && t.tokens ? inlineRuns(t.tokens, ctx) : [new TextRun(xmlSafe(t.text))], where)];
    case 'list':
      return list(t as Tokens.List, state, 0, where);
    case 'table':
      return [table(t as Tokens.Table, ctx)];
    case 'blockquote':
      return blocks((t as Tokens.Blockquote).tokens, state, { quote: true });
    case 'code': {
      const lines = xmlSafe((t as Tokens.Code).text).split('\n');
      return [new Paragraph({ style: 'QuorumCodeBlock', children: lines.map((l, i) => new TextRun({ text: l, break: i > 0 ? 1 : 0 })) })];
    }
    case 'hr':
      return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } }, children: [] })];
    default:
      // 'html' (raw HTML is never passed into a pack), 'space', 'def' and anything unknown.
      return [];
  }
};

const list = (t: Tokens.List, state: State, level: number, where: Where): Block[] => {
  const ref = t.ordered ? state.ctx.lists.numbers(typeof t.start === 'number' ? t.start : 1) : state.ctx.lists.bullets();
  const out: Block[] = [];
  for (const item of t.items) {
    let first = true;
    const box = item.task ? [new TextRun({ text: item.checked ? '☒ ' : '☐ ' })] : [];
    for (const child of item.tokens) {
      if (child.type === 'checkbox') continue;
      if (child.type === 'list') {
        out.push(...list(child as Tokens.List, state, Math.min(level + 1, 8), where));
        continue;
      }
      if (child.type === 'text' || child.type === 'paragraph') {
        const runs = 'tokens' in child && child.tokens ? inlineRuns(child.tokens, state.ctx) : [new TextRun(xmlSafe(child.text))];
        out.push(
          first
            ? new Paragraph({ numbering: { reference: ref.reference, instance: ref.instance, level }, children: [...box, ...runs] })
            : new Paragraph({ indent: { left: 360 * (level + 1) }, children: runs }),
        );
        first = false;
        continue;
      }
      out.push(...block(child, state, where));
    }
    if (first) out.push(new Paragraph({ numbering: { reference: ref.reference, instance: ref.instance, level }, children: box }));
  }
  return out;
};

const cell = (c: Tokens.TableCell, ctx: MarkdownContext, header: boolean, align: Tokens.TableCell['align']) =>
  new TableCell({
    ...(header ? { shading: HEADER_SHADING } : {}),
    children: [
      new Paragraph({
        ...(align ? { alignment: ALIGN[align] } : {}),
        children: header ? inlineRuns(c.tokens, ctx, { bold: true }) : inlineRuns(c.tokens, ctx),
      }),
    ],
  });

/** A GFM table: its first row is a repeating header row (w:tblHeader); cells are never merged. */
const table = (t: Tokens.Table, ctx: MarkdownContext): Table => {
  const columns = Math.max(t.header.length, 1);
  const wide = columns >= WIDE_TABLE_COLUMNS;
  const total = wide ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH;
  const pad = (cells: Tokens.TableCell[]) =>
    Array.from({ length: columns }, (_, i) => cells[i] ?? ({ text: '', tokens: [], header: false, align: null } as Tokens.TableCell));
  const result = new Table({
    borders: TABLE_BORDERS,
    width: { size: total, type: WidthType.DXA },
    columnWidths: fitColumns(
      pad(t.header).map((c) => plainText(c.tokens)),
      t.rows.map((r) => pad(r).map((c) => ({ text: plainText(c.tokens), bold: false }))),
      total,
    ),
    rows: [
      new TableRow({ tableHeader: true, children: pad(t.header).map((c, i) => cell(c, ctx, true, t.align[i])) }),
      ...t.rows.map((r) => new TableRow({ children: pad(r).map((c, i) => cell(c, ctx, false, t.align[i])) })),
    ],
  });
  if (wide) ctx.wideTables.add(result);
  return result;
};
