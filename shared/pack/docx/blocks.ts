import { HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import { headingLevel, type Block } from '../markdown/blocks';
import { markdownToOoxml } from '../ooxml/body';
import type { MarkdownContext } from '../markdown/context';
import { xmlSafe } from '../markdown/text';
import { HEADER_SHADING, TABLE_BORDERS } from './style';
import { PORTRAIT_TEXT_WIDTH } from './page';
import { fitColumns, type CellText } from './columns';

/** Small builders the pack's sections share, so every table and heading follows the house style. */
export const heading = (level: number, text: string, opts: { pageBreakBefore?: boolean } = {}) =>
  new Paragraph({ heading: headingLevel(level), pageBreakBefore: opts.pageBreakBefore, children: [new TextRun(xmlSafe(text))] });

export const para = (text: string, opts: { bold?: boolean; italics?: boolean; style?: string } = {}) =>
  new Paragraph({ ...(opts.style ? { style: opts.style } : {}), children: [new TextRun({ text: xmlSafe(text), bold: opts.bold, italics: opts.italics })] });

export const labelled = (label: string, value: string) =>
  new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(xmlSafe(value))] });

export const notice = (text: string) => para(text, { style: 'QuorumNotice' });

export const bulletList = (items: readonly string[], ctx: MarkdownContext): Paragraph[] => {
  const ref = ctx.lists.bullets();
  return items.map((t) => new Paragraph({ numbering: { reference: ref.reference, instance: ref.instance, level: 0 }, children: [new TextRun(xmlSafe(t))] }));
};

export const numberedList = (items: readonly string[], ctx: MarkdownContext): Paragraph[] => {
  const ref = ctx.lists.numbers(1);
  return items.map((t) => new Paragraph({ numbering: { reference: ref.reference, instance: ref.instance, level: 0 }, children: [new TextRun(xmlSafe(t))] }));
};

export type Cell = string | { text: string; fill?: string; bold?: boolean } | ParagraphChild[];

const cellParagraph = (c: Cell, header: boolean): Paragraph => {
  if (Array.isArray(c)) return new Paragraph({ children: c });
  const text = typeof c === 'string' ? c : c.text;
  const bold = header || (typeof c !== 'string' && c.bold);
  return new Paragraph({ children: [new TextRun({ text: xmlSafe(text), bold })] });
};

/** A cell's text for sizing its column; rich content (runs built elsewhere) is not measured. */
const cellText = (c: Cell): CellText => (Array.isArray(c) ? null : typeof c === 'string' ? { text: c, bold: false } : { text: c.text, bold: Boolean(c.bold) });

/**
 * A data table sized to its content (columns.ts) across the given width (the portrait text width
 * unless the page is landscape): a header row that repeats on each page (w:tblHeader), one paragraph per cell,
 * no merged cells (PSBAR 2018: tables a screen reader can navigate).
 */
export const dataTable = (headers: readonly string[], rows: readonly (readonly Cell[])[], opts: { total?: number } = {}): Table => {
  const total = opts.total ?? PORTRAIT_TEXT_WIDTH;
  const columnWidths = fitColumns(headers, rows.map((r) => headers.map((_, i) => cellText(r[i] ?? ''))), total);
  const row = (cells: readonly Cell[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: headers.map((_, i) => {
        const c = cells[i] ?? '';
        const fill = header ? HEADER_SHADING : typeof c === 'object' && !Array.isArray(c) && c.fill ? { type: HEADER_SHADING.type, color: 'auto', fill: c.fill } : undefined;
        return new TableCell({ width: { size: columnWidths[i], type: WidthType.DXA }, ...(fill ? { shading: fill } : {}), children: [cellParagraph(c, header)] });
      }),
    });
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths,
    borders: TABLE_BORDERS,
    rows: [row(headers, true), ...rows.map((r) => row(r, false))],
  });
};

/** Two columns of label and value: a cover sheet or a briefing's facts. */
export const factTable = (facts: readonly (readonly [string, string])[]) =>
  dataTable(['', ''].map((_, i) => (i === 0 ? 'Field' : 'Detail')), facts.map(([k, v]) => [{ text: k, bold: true }, v || 'Not given']));

/** A Markdown body under a heading of level `base`, written straight as OOXML (shared/pack/ooxml/body.ts). */
export const markdown = (text: string, ctx: MarkdownContext, base: number): Block[] => markdownToOoxml(text, { ...ctx, headingBase: base }, ctx.raw);

export { HeadingLevel };
